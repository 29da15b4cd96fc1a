"""File ▸ Year in review: the numbers on screen, and a PDF whose pages and text say them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from nurture.app import Nurture
from nurture.domain.dto import ContactDraft
from nurture.domain.enums import GiftDirection, InteractionKind
from tests.ui.driving import window
from ui.dialogs.review import ReviewDialog


def test_the_review_is_shown_and_printed_to_a_pdf_with_the_names(
    qtbot: QtBot, core: Nurture, now: datetime, tmp_path: Path
) -> None:
    core.settings.update(currency="USD")
    names = [f"Person{i:03d} Lee" for i in range(60)]
    ids = []
    for name in names:
        given, family = name.split()
        draft = ContactDraft(given_name=given, family_name=family, tier="A")
        ids.append(core.contacts.create(draft).value.id)
    year = now.year
    for contact_id in ids[:30]:
        core.records.add_gift(contact_id, GiftDirection.GIVEN, "Wine", "", date(year, 3, 1), 2500)
    core.interactions.log(InteractionKind.CALL, ids[:10], datetime(year, 5, 1, tzinfo=UTC))
    main = window(qtbot, core, now)
    dialog = ReviewDialog(main, main.workspace)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.review is not None)
    shown = dialog.page.toPlainText()
    assert f"{year} in review" in shown
    assert "750.00 USD to 30 people" in shown
    assert "Not seen in" in shown

    target = dialog.save_pdf(tmp_path / "review.pdf")

    assert target == tmp_path / "review.pdf"
    pdf = PdfReader(str(target))
    assert len(pdf.pages) >= 2  # sixty people and twelve months do not fit on one A4 page
    # The PDF's words, however the extractor spaces them.
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert f"{year} in review" in text
    assert "Person000 Lee" in text  # given a gift
    assert "Person049 Lee" in text  # not seen this year (the first forty of fifty)
    assert "and 10 more" in text
    assert dialog.status.text().startswith("Saved review.pdf (")
    assert not (tmp_path / "review.pdf.part").exists()

"""The three-way merge of a contact with its card: whatever both sides did, no value either
side chose is lost — it is in the contact, or set aside as a conflict — and a field only one
side changed always takes that side's value."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nurture.sync.fields import merge

FIELDS = ("title", "organization", "notes")
values = st.sampled_from(["", "Partner", "CEO", "Chen Dental"])
sides = st.fixed_dictionaries(dict.fromkeys(FIELDS, values))


@given(sides, sides, sides, sides, st.booleans())
def test_no_value_is_lost_and_one_sided_changes_win(
    ours_then: dict[str, str],
    ours: dict[str, str],
    theirs_then: dict[str, str],
    theirs: dict[str, str],
    server_is_newer: bool,
) -> None:
    result = merge(ours_then, ours, theirs_then, theirs, server_is_newer)
    set_aside = {c.field: c.set_aside for c in result.conflicts}
    for name in FIELDS:
        merged = result.fields[name]
        assert merged in (ours[name], theirs[name])
        we_changed, they_changed = ours[name] != ours_then[name], theirs[name] != theirs_then[name]
        if we_changed and not they_changed:
            assert merged == ours[name]
        if they_changed and not we_changed:
            assert merged == theirs[name]
        if we_changed and they_changed and ours[name] != theirs[name]:
            assert {merged, set_aside[name]} == {ours[name], theirs[name]}
            assert merged == (theirs[name] if server_is_newer else ours[name])
        else:
            assert name not in set_aside
        assert (name in result.to_nurture) == (merged != ours[name])


def test_a_first_meeting_without_a_last_sync_counts_every_difference_as_a_conflict() -> None:
    result = merge(
        None, {"title": "CEO", "notes": ""}, None, {"title": "Partner", "notes": ""}, True
    )
    assert result.fields == {"title": "Partner", "notes": ""}
    [conflict] = result.conflicts
    assert (conflict.field, conflict.kept, conflict.set_aside) == ("title", "Partner", "CEO")

"""The command line's JSON shapes. They are a contract: later work and outside checks read them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from nurture.domain.dto import ContactCard, ContactRef, ContactSummary
from nurture.domain.keep_in_touch import KeepInTouch
from nurture.domain.occurrence import Occurrence


def _when(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _ref(ref: ContactRef) -> dict[str, Any]:
    return {"id": ref.id, "name": ref.name}


def occurrence_json(occurrence: Occurrence) -> dict[str, Any]:
    return {
        "date": occurrence.day.isoformat(),
        "kind": occurrence.kind.value,
        "contact_id": occurrence.contact_id,
        "contact": occurrence.contact or None,
        "title": occurrence.title,
        "years": occurrence.years,
        "due": occurrence.due.isoformat(),
    }


def keep_in_touch_json(state: KeepInTouch | None) -> dict[str, Any] | None:
    if state is None:
        return None
    return {
        "every_days": state.cadence.days,
        "from": state.cadence.source.value,
        "from_name": state.cadence.name,
        "due": state.due.isoformat(),
        "state": state.state.value,
        "words": state.words,
    }


def summary_json(summary: ContactSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "name": summary.name,
        "organization": summary.organization,
        "emails": list(summary.emails),
        "phones": list(summary.phones),
        "tags": list(summary.tags),
        "last_interaction": _when(summary.last_interaction_at),
        "keep_in_touch": keep_in_touch_json(summary.keep_in_touch),
    }


def card_json(card: ContactCard) -> dict[str, Any]:
    d = card.draft
    return {
        "id": card.id,
        "uuid": card.uuid,
        "name": card.name,
        "prefix": d.prefix,
        "given_name": d.given_name,
        "middle_name": d.middle_name,
        "family_name": d.family_name,
        "suffix": d.suffix,
        "nickname": d.nickname,
        "shown_as": d.shown_as,
        "organization": d.organization,
        "title": d.title,
        "keep_in_touch": keep_in_touch_json(card.keep_in_touch),
        "department": d.department,
        "emails": [{"value": e.address, "label": e.label, "primary": e.primary} for e in d.emails],
        "phones": [
            {"value": p.value, "raw": p.raw, "label": p.label, "primary": p.primary}
            for p in d.phones
        ],
        "addresses": [
            {
                "label": a.label,
                "street": a.street,
                "city": a.city,
                "region": a.region,
                "postal_code": a.postal_code,
                "country": a.country,
            }
            for a in d.addresses
        ],
        "websites": [{"url": w.url, "kind": w.kind.value, "label": w.label} for w in d.web_links],
        "dates": [
            {
                "id": x.id,
                "kind": x.kind.value,
                "label": x.label,
                "year": x.date.year,
                "month": x.date.month,
                "day": x.date.day,
                "recurrence": x.recurrence.value,
            }
            for x in card.dates
        ],
        "relationships": [
            {
                "kind": r.kind.value,
                "id": r.other.id,
                "name": r.other.name,
                "label": r.label,
                "relationship_id": r.id,
            }
            for r in card.relationships
        ],
        "preferences": [
            {
                "id": p.id,
                "category": p.category.value,
                "item": p.item,
                "detail": p.detail,
                "likes": p.likes,
            }
            for p in card.preferences
        ],
        "gifts": [
            {
                "id": g.id,
                "direction": g.direction.value,
                "description": g.description,
                "occasion": g.occasion,
                "date": _when(g.given_on),
                "amount_cents": g.amount_cents,
                "currency": g.currency,
                "status": g.status.value,
            }
            for g in card.gifts
        ],
        "interactions": [
            {
                "id": i.id,
                "kind": i.kind.value,
                "when": _when(i.occurred_at),
                "title": i.title,
                "notes": i.notes,
                "with": [_ref(p) for p in i.participants if p.id != card.id],
            }
            for i in card.interactions
        ],
        "follow_ups": [
            {
                "id": f.id,
                "due": _when(f.due_date),
                "title": f.title,
                "rrule": f.rrule,
                "done": f.done_at is not None,
                "snoozed_until": _when(f.snoozed_until),
            }
            for f in card.follow_ups
        ],
        "introductions": [
            {
                "id": i.id,
                "with": _ref(i.person_b if i.person_a.id == card.id else i.person_a),
                "date": _when(i.introduced_on),
                "reason": i.reason,
                "outcome": i.outcome,
            }
            for i in card.introductions
        ],
        "referrals": [
            {
                "id": r.id,
                "partner": _ref(r.partner),
                "referred": _ref(r.referred),
                "given": r.given,
                "date": _when(r.referred_on),
                "value_cents": r.value_cents,
                "currency": r.currency,
            }
            for r in card.referrals
        ],
        "tags": list(d.tags),
        "notes": d.notes,
        "how_we_met": d.how_we_met,
        "met_on": _when(d.met_on),
        "starred": d.starred,
        "light": d.is_light,
        "tier": d.tier,
        "time_zone": d.time_zone,
        "keep_in_touch_days": d.keep_in_touch_days,
        "last_interaction": _when(card.last_interaction_at),
        "referred_by": _ref(card.referred_by) if card.referred_by else None,
    }

"""The query the command line's list filters name (`contacts`, `campaign add`; declared by
cli.parser.add_filters): a saved search to start from, then --search, --tag, --tier and
--country on top of it."""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import TYPE_CHECKING

from nurture.errors import ValidationError

if TYPE_CHECKING:  # the parser is built before any of the core is loaded
    from nurture.app import Nurture
    from nurture.services.listing import ContactQuery


def chosen_query(app: Nurture, args: argparse.Namespace) -> ContactQuery | None:
    """The query the filters name; None when none was given."""
    from nurture.domain.countries import country_code
    from nurture.services.listing import ContactQuery

    country = country_code(args.country or "")
    if args.country and not country:
        raise ValidationError(f"Nurture knows no country {args.country!r}: try its name or code.")
    query = app.saved_searches.query(args.saved) if args.saved else ContactQuery()
    query = replace(
        query,
        search=args.search or query.search,
        tag=args.tag or query.tag,
        tier=args.tier or query.tier,
        country=country or query.country,
    )
    return query if args.saved or any((args.search, args.tag, args.tier, country)) else None

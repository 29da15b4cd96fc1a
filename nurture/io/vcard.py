"""vCard import and export: `read_vcards` (2.1, 3.0 and 4.0) and `write_vcards` (4.0 or 3.0)."""

from __future__ import annotations

from nurture.io.vcard_lines import CardError
from nurture.io.vcard_read import read_vcards
from nurture.io.vcard_write import write_vcards

__all__ = ["CardError", "read_vcards", "write_vcards"]

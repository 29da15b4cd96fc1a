"""Sync with a CardDAV/CalDAV server the user already has (issue 18)."""

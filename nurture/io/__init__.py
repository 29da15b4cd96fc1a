"""Reading and writing the formats people already have: CSV presets, vCard, iCalendar."""

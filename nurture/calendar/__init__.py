"""Pure date logic: yearly occasions, partial dates, Feb 29, recurrence, cadences and holidays."""

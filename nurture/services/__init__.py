"""Services: one class per concern; each public write is one transaction returning `Outcome`."""

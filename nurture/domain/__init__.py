"""Values the UI and the command line see: enums, partial dates and frozen DTOs."""

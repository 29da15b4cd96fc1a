"""The window's operations: one small function per write or read the window offers, grouped by
concern, run on the workspace's workers (Anki's `aqt/operations`). Views call these; they hold
no rules of their own."""

"""Storage: the engine and its pragmas, typed models, migrations and the search index."""

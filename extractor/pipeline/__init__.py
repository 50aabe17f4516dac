"""spaCy components of the extractor, one per module. Importing this package registers them."""

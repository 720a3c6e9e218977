"""Curation: code that rebuilds the bundled dataset from the raw source files."""

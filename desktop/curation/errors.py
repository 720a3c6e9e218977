"""The one error the curation step raises, in its own module so that the manifest check and
the build can both raise it without importing each other."""

from __future__ import annotations


class CurationError(RuntimeError):
    """An input file is missing or not the file the curation expects."""

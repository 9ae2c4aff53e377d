"""Numeric claims in news: who said how many of what, and when.

    >>> from extract import claims_from_text
    >>> claims_from_text("Police said 3,000 people marched.", published="2024-05-01")

The stages, one module each: documents -> sentences -> figures -> units,
claimants, dates, hedges -> table. `pipeline` joins them.
"""

from .documents import Document, InputError, Skipped, load_documents
from .pipeline import Extraction, claims_from_paths, claims_from_text, extract_corpus
from .table import SCHEMA, read_claims, write_claims

__all__ = [
    "Document",
    "Extraction",
    "InputError",
    "SCHEMA",
    "Skipped",
    "claims_from_paths",
    "claims_from_text",
    "extract_corpus",
    "load_documents",
    "read_claims",
    "write_claims",
]

"""Numeric claims in news: who said how many of what, and when.

    >>> from extract import claims_from_text
    >>> claims_from_text("Police said 3,000 people marched.", published="2024-05-01")

The stages, one module each: documents -> sentences -> figures -> units,
claimants, dates, hedges -> table. `pipeline` joins them. Names load lazily,
so `from extract import charts` in a notebook does not load spaCy.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Document": "documents",
    "InputError": "documents",
    "Skipped": "documents",
    "load_documents": "documents",
    "Extraction": "pipeline",
    "claims_from_paths": "pipeline",
    "claims_from_text": "pipeline",
    "extract_corpus": "pipeline",
    "PartitionedExtraction": "distributed",
    "extract_partitioned": "distributed",
    "read_dataset": "distributed",
    "SCHEMA": "table",
    "read_claims": "table",
    "write_claims": "table",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'extract' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)

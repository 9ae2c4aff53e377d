"""Score the extractor against gold claims, by the rule of the shared annotation guide.

    python -m extract.evaluate GOLD.jsonl [PATH ...] [--alternatives FILE]

A prediction matches a gold claim of the same document when their figures
intersect (any of value, low, high equal) and the prediction starts inside the
gold sentence; each prediction matches at most one gold claim, greedily in
document order. Fields are then compared on matched pairs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

import pandas as pd

from . import config, resources
from .documents import Document, load_documents
from .pipeline import claims_in_document
from .table import claims_frame

FIELDS = ("unit", "category", "claimant", "claimant_org", "claimant_country", "claim_date", "target_date", "bounds")
STRICT_FIELDS = ("unit", "claimant", "claim_date", "bounds")


@dataclass
class Score:
    """Detection counts and per-field correct counts over matched pairs."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    correct: dict[str, int] = field(default_factory=lambda: {name: 0 for name in (*FIELDS, "strict")})
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.matched if self.matched else 0.0


def _same_number(left: Any, right: Any) -> bool:
    if _missing(left) or _missing(right):
        return _missing(left) and _missing(right)
    return math.isclose(float(left), float(right), rel_tol=1e-5)


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def singular(word: str) -> str:
    """A crude singular, the same on both sides of a comparison."""
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def same_unit(predicted: Any, gold: Any) -> bool:
    """The same last word, singularised, once a unit symbol is written out ("mph" is "miles per hour")."""
    if _missing(predicted) or _missing(gold):
        return _missing(predicted) and _missing(gold)
    names = _unit_names()
    left, right = (names.get(str(unit).casefold(), str(unit)) for unit in (predicted, gold))
    last = [(unit.split() or [""])[-1] for unit in (left, right)]  # a blank unit is compared as one
    return singular(last[0]) == singular(last[1])


@lru_cache(maxsize=None)
def _unit_names() -> dict[str, str]:
    return {row["symbol"].casefold(): row["unit"] for row in resources.table("unit_symbols")}


_GLOSS = re.compile(r"(.+?)\s*\(([^()]+)\)")  # "World Food Programme (WFP)"
NAME_LINK_WORDS = frozenset({"the", "of", "in", "for", "s"})  # "Ministry of the Interior" = "Interior Ministry"
US_SPELLINGS = {"defense": "defence", "organization": "organisation", "organizations": "organisations",
                "center": "centre", "centers": "centres", "labor": "labour", "program": "programme",
                "programs": "programmes"}  # names are spelt both ways in the same story


@lru_cache(maxsize=None)
def _country_forms() -> dict[tuple[str, ...], str]:
    """A country's name, adjectives and aliases as word tuples ("russian federation", "u s") -> the country."""
    forms: dict[tuple[str, ...], str] = {}
    for row in resources.table("countries"):
        for form in [row["country"], *row["adjectives"].split("|"), *row["aliases"].split("|")]:
            if form:
                forms[tuple(re.findall(r"\w+", form.casefold()))] = row["country"].casefold()
    return forms


@lru_cache(maxsize=None)
def _country_names() -> frozenset[str]:
    return frozenset(_country_forms().values())


@lru_cache(maxsize=None)
def _longest_country_form() -> int:
    return max(len(form) for form in _country_forms())


def _tokens(name: str) -> set[str]:
    """The words of a name, a country however written ("Ukrainian", "U.S.") as the country, link words left out."""
    words = re.findall(r"\w+", name.casefold())
    forms, longest = _country_forms(), _longest_country_form()
    tokens: set[str] = set()
    start = 0
    while start < len(words):
        size = next((size for size in range(min(longest, len(words) - start), 0, -1)
                     if tuple(words[start : start + size]) in forms), 0)
        if size:
            tokens.add(forms[tuple(words[start : start + size])])
            start += size
        else:
            tokens.add(US_SPELLINGS.get(words[start], words[start]))
            start += 1
    return tokens - NAME_LINK_WORDS


def _initials(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"[A-Z][\w]*", name))


def same_claimant(predicted: Any, gold: Any) -> bool:
    """Token subset either way (see `_tokens`), an acronym of the other, or the same surname (of no other country).

    A name's acronym in brackets is a gloss, not part of it: "Joint Chiefs of Staff (JCS)" is compared as
    "Joint Chiefs of Staff", and as "JCS"."""
    if _missing(predicted) or _missing(gold):
        return _missing(predicted) and _missing(gold)
    left, right = str(predicted), str(gold)
    for name in (left, right):
        glossed = _GLOSS.fullmatch(name)
        if glossed is not None:
            other = right if name is left else left
            return any(same_claimant(part, other) for part in glossed.groups())
    left_tokens, right_tokens = _tokens(left), _tokens(right)
    if left_tokens and right_tokens and (left_tokens <= right_tokens or right_tokens <= left_tokens):
        return True
    if left.isupper() and left == _initials(right) or right.isupper() and right == _initials(left):
        return True
    countries = _country_names()
    if left_tokens & countries and right_tokens & countries and not left_tokens & right_tokens & countries:
        return False  # "Ukrainian Air Force" is not the "Russian Air Force"
    return left.split()[-1].casefold() == right.split()[-1].casefold()


def same_day(predicted: Any, gold: Any) -> bool:
    """Same day; a gold ISO week ("2024-W44") or month ("2025-03") accepts any day in it."""
    if _missing(predicted) or _missing(gold):
        return _missing(predicted) and _missing(gold)
    day = pd.Timestamp(predicted).date()
    text = str(gold)
    week = re.fullmatch(r"(\d{4})-W(\d{2})", text)
    if week:
        return day.isocalendar()[:2] == (int(week.group(1)), int(week.group(2)))
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return day.strftime("%Y-%m") == text
    return day == dt.date.fromisoformat(text[:10])


def _same_text(predicted: Any, gold: Any) -> bool:
    if _missing(predicted) or _missing(gold):
        return _missing(predicted) and _missing(gold)
    return str(predicted).casefold() == str(gold).casefold() or same_claimant(predicted, gold)


COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "unit": same_unit,
    "category": lambda p, g: (_missing(p) and _missing(g)) or str(p) == str(g),
    "claimant": same_claimant,
    "claimant_org": _same_text,
    "claimant_country": lambda p, g: (_missing(p) and _missing(g)) or str(p) == str(g),
    "claim_date": same_day,
    "target_date": same_day,
}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _alternatives_for(gold: Mapping[str, Any], alternatives: list[dict[str, Any]]) -> dict[str, list[Any]]:
    accepted: dict[str, list[Any]] = {}
    for row in alternatives:
        general = row.get("file") == "*"
        if general or (row["file"] == gold["file"] and row["text"] == gold["text"]
                       and gold["sentence"].startswith(row.get("sentence_prefix", ""))):
            if general and gold.get("claimant") != gold.get(row["field"]):
                continue
            accepted.setdefault(row["field"], []).extend(row["also_acceptable"])
    return accepted


def _field_right(name: str, predicted: Mapping[str, Any], gold: Mapping[str, Any], accepted: dict[str, list[Any]]) -> bool:
    if name == "bounds":
        return all(
            any(_same_number(predicted[key], answer) for answer in [gold[key], *accepted.get(key, [])])
            for key in ("value", "low", "high")
        ) and any(bool(predicted["approx"]) == bool(answer) for answer in [gold["approx"], *accepted.get("approx", [])])
    return any(COMPARE[name](predicted[name], answer) for answer in [gold.get(name), *accepted.get(name, [])])


def score(predictions: pd.DataFrame, texts: Mapping[str, str], gold_claims: Iterable[dict[str, Any]],
          alternatives: list[dict[str, Any]] | None = None) -> Score:
    """Score predicted claims against gold claims.

    Args:
        predictions: a claims table (needs `file`, `char_start` and the field columns).
        texts: document text by file name, to locate gold sentences.
        gold_claims: gold rows in the shared schema.
        alternatives: rows of an alternatives file (other accepted answers).
    """
    result = Score()
    gold_by_file: dict[str, list[dict[str, Any]]] = {}
    for claim in gold_claims:
        gold_by_file.setdefault(claim["file"], []).append(claim)
    predictions = predictions[predictions["file"].isin(list(gold_by_file) + list(texts))]
    result.predicted = len(predictions)
    for file, claims in gold_by_file.items():
        text = texts.get(file, "")
        spans = []
        for claim in claims:
            start = text.find(claim["sentence"])
            spans.append((start, start + len(claim["sentence"])) if start >= 0 else (-1, -1))
        order = sorted(range(len(claims)), key=lambda index: spans[index][0])
        result.gold += len(claims)
        used: set[int] = set()
        rows = predictions[predictions["file"] == file].sort_values("char_start").to_dict("records")
        for row in rows:
            for index in order:
                if index in used:
                    continue
                start, end = spans[index]
                gold = claims[index]
                numbers = [gold[key] for key in ("value", "low", "high") if not _missing(gold[key])]
                predicted_numbers = [row[key] for key in ("value", "low", "high") if not _missing(row[key])]
                if start <= row["char_start"] < end and any(_same_number(p, g) for p in predicted_numbers for g in numbers):
                    used.add(index)
                    result.matched += 1
                    accepted = _alternatives_for(gold, alternatives or [])
                    right = {name: _field_right(name, row, gold, accepted) for name in FIELDS}
                    for name, ok in right.items():
                        result.correct[name] += ok
                        if not ok and name in STRICT_FIELDS:
                            shown = {key: row[key] for key in ("value", "low", "high", "approx")} if name == "bounds" else row[name]
                            wanted = {key: gold[key] for key in ("value", "low", "high", "approx")} if name == "bounds" else gold.get(name)
                            result.errors.append(f"{file} {gold['text']!r}: {name} {shown!r} != gold {wanted!r}")
                    result.correct["strict"] += all(right[name] for name in STRICT_FIELDS)
                    break
            else:
                result.errors.append(f"{file} {row['surface']!r}: extra prediction in {row['sentence'][:70]!r}")
        for index in sorted(set(range(len(claims))) - used):
            result.errors.append(f"{file} {claims[index]['text']!r}: missed in {claims[index]['sentence'][:70]!r}")
    return result


def _value_keys(figure_value: float | None, low: float | None, high: float | None) -> tuple[float, ...]:
    if figure_value is not None:
        return (round(figure_value, 4),)
    return tuple(round(number, 4) for number in (low, high) if number is not None)


def value_level_scores(items: Iterable[Mapping[str, Any]]) -> tuple[float, float, float]:
    """Precision, recall and F1 of quantity values on NewsQuant-style sentences.

    Each item is {"text": sentence, "quantities": [{"value": "12.5" or "3-5"}, ...]}. What is scored
    is the quantity finder (`figures.find_quantities`): every quantity, also those the claim rules
    leave out (ages, "one of", "the two sides", fractions, multipliers; see `figures.KINDS`), since
    NewsQuant counts them. The claims table is untouched by this choice.

    Matching is exact and nothing else is accepted: a predicted quantity matches a gold quantity
    of the same sentence with the same value (rounded to 4 decimals), or the same two ends, in
    the same order, for a range; each gold quantity matches once. A vague magnitude ("thousands",
    our low 2,000) is compared by its low end only, so NewsQuant's range reading (1,000-10,000)
    counts as a miss and a false positive; so does a change "from 3.1 to 2.9", which NewsQuant
    writes as the range 3.1-2.9 and we read as two figures.
    """
    from collections import Counter

    from .figures import find_quantities

    matched = predicted = expected = 0
    for item in items:
        gold: Counter[tuple[float, ...]] = Counter()
        for quantity in item["quantities"]:
            text = str(quantity["value"])
            ends = re.fullmatch(r"\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*-\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*", text)
            gold[tuple(round(float(end), 4) for end in ends.groups()) if ends else (round(float(text), 4),)] += 1
        found = Counter(_value_keys(f.value, f.low, f.high) for f in find_quantities(item["text"]))
        matched += sum((gold & found).values())
        predicted += sum(found.values())
        expected += sum(gold.values())
    precision = matched / predicted if predicted else 0.0
    recall = matched / expected if expected else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def report(result: Score) -> str:
    """The scores as printed by the command line."""
    lines = [
        f"claims: gold {result.gold}, predicted {result.predicted}, matched {result.matched}",
        f"detection: precision {result.precision:.3f}  recall {result.recall:.3f}  F1 {result.f1:.3f}",
        "field accuracy on matched claims:",
        *(f"  {name:<17} {result.accuracy(name):.3f}" for name in (*FIELDS, "strict")),
    ]
    return "\n".join(lines)


def evaluate_paths(gold_path: Path, paths: list[Path], alternatives_path: Path | None = None) -> Score:
    """Extract claims from `paths` and score them against a gold file."""
    documents = [item for item in load_documents(paths) if isinstance(item, Document)]
    predictions = claims_frame(record for document in documents for record in claims_in_document(document))
    alternatives = read_jsonl(alternatives_path) if alternatives_path else []
    return score(predictions, {document.file: document.text for document in documents}, read_jsonl(gold_path), alternatives)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extract.evaluate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path, help="gold claims, one JSON object per line (shared schema)")
    parser.add_argument("paths", type=Path, nargs="*", default=[config.SEEDS_DIR],
                        help="the articles the gold annotates (default: seeds/)")
    parser.add_argument("--alternatives", type=Path, help="other accepted answers, one JSON object per line")
    parser.add_argument("--errors", action="store_true", help="list every miss, extra and wrong field")
    arguments = parser.parse_args(argv)
    for path in [arguments.gold, *arguments.paths, *([arguments.alternatives] if arguments.alternatives else [])]:
        if not path.exists():
            parser.error(f"{path}: no such file or folder")
    result = evaluate_paths(arguments.gold, arguments.paths, arguments.alternatives)
    print(report(result))
    if arguments.errors:
        print("\n".join(result.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())

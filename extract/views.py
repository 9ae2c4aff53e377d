"""Views of the claims table for notebooks: load, filter, count, trace.

The notebooks stay thin by calling these. User mistakes a notebook can meet
(an empty table, a filter matching nothing, an unknown category, a malformed
date) come back as a `Selection` whose `message` says what happened; input
that cannot be read at all raises, naming the path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import pandas as pd

from . import config, resources
from .charts import NO_CLAIMANT, chart_data
from .table import read_claims

# Categories the pipeline can assign beyond those named in the unit taxonomy.
BUILT_IN_CATEGORIES = ("money", "percent", "measure", "other")
# Taxonomy rows that are not categories of a claim (see data/units.csv).
NOT_CATEGORIES = frozenset({"person", "reference", "category"})


@dataclass(frozen=True)
class Loaded:
    """A claims table with what is known about the documents behind it."""

    claims: pd.DataFrame
    source: str
    documents: int | None = None
    skipped: list[dict[str, object]] = field(default_factory=list)
    warnings: list[dict[str, object]] = field(default_factory=list)


@dataclass(frozen=True)
class Selection:
    """Claims kept by a filter, and a sentence saying what was kept and why."""

    claims: pd.DataFrame
    total: int
    message: str

    @property
    def empty(self) -> bool:
        return self.claims.empty


def resolve_path(path: str | Path) -> Path:
    """A user path; relative ones are taken from the repository root, so a
    notebook finds `reports/claims.parquet` whether it runs from `notebooks/`
    (JupyterLab) or the root (papermill, make)."""
    path = Path(path).expanduser()
    return path if path.is_absolute() else config.REPO_ROOT / path


def known_categories(claims: pd.DataFrame | None = None) -> list[str]:
    """Categories from the unit taxonomy and category cues, plus any in `claims`."""
    names = {row["category"] for row in resources.table("units")}
    names |= {row["category"] for row in resources.table("category_cues")}
    names |= set(BUILT_IN_CATEGORIES)
    if claims is not None:
        names |= set(claims["category"].dropna())
    return sorted(name for name in names - NOT_CATEGORIES if name)


def _summary_path(claims_path: Path) -> Path:
    return claims_path.with_name(f"{claims_path.stem}.summary.json")


def _corpus_summary(corpus: Path) -> tuple[int, list[dict[str, object]]]:
    """Documents read and skipped under a corpus path, without extracting claims."""
    from .documents import Skipped, load_documents

    documents, skipped = 0, []
    for item in load_documents([corpus]):
        if isinstance(item, Skipped):
            if not item.warning:  # a warning keeps its document
                skipped.append({"file": item.file, "line": item.line, "reason": item.reason})
        else:
            documents += 1
    return documents, skipped


def load_claims(claims_path: str | Path = "", corpus_path: str | Path = "") -> Loaded:
    """The claims to show: a saved table, or a corpus extracted on the spot.

    With `claims_path`, documents read, skipped and warned about come from
    the `<stem>.summary.json` that `python -m extract` writes beside the
    table, else from scanning `corpus_path` when given; otherwise they are
    unknown (None).

    Raises:
        FileNotFoundError: the claims table or corpus does not exist.
        ValueError: neither path was given.
    """
    if claims_path:
        path = resolve_path(claims_path)
        if not path.is_file():
            raise FileNotFoundError(f"no claims table at {path}; run `make claims`, or set corpus_path to a folder of articles")
        claims = read_claims(path)
        if _summary_path(path).is_file():
            summary = json.loads(_summary_path(path).read_text(encoding="utf-8"))
            return Loaded(claims, str(path), summary.get("documents"), list(summary.get("skipped", [])),
                          list(summary.get("warnings", [])))
        if corpus_path:
            documents, skipped = _corpus_summary(_existing(corpus_path))
            return Loaded(claims, str(path), documents, skipped)
        return Loaded(claims, str(path))
    if corpus_path:
        corpus = _existing(corpus_path)
        from .pipeline import extract_corpus  # imported late: it loads spaCy

        extraction = extract_corpus([corpus])
        return Loaded(extraction.claims, str(corpus), extraction.documents, _problems(extraction.skipped),
                      _problems(extraction.warnings))
    raise ValueError("set claims_path (a saved claims table) or corpus_path (a folder of articles)")


def _problems(items: Sequence[object]) -> list[dict[str, object]]:
    return [{"file": getattr(item, "file", None), "line": getattr(item, "line", None),
             "reason": getattr(item, "reason", str(item))} for item in items]


def _existing(path: str | Path) -> Path:
    resolved = resolve_path(path)
    if not resolved.exists():
        raise FileNotFoundError(f"no corpus at {resolved}")
    return resolved


def _day(text: str | None, name: str) -> pd.Timestamp | None:
    if text is None or not str(text).strip():
        return None
    try:
        return pd.Timestamp(str(text).strip())
    except ValueError as error:
        raise ValueError(f"{name} {text!r} is not an ISO date (YYYY-MM-DD)") from error


def filter_claims(claims: pd.DataFrame, *, category: str | None = None, unit: str | None = None,
                  claimants: Sequence[str] = (), date_from: str | None = None,
                  date_to: str | None = None) -> pd.DataFrame:
    """The claims matching every filter given (empty or None means no filter).

    Args:
        claims: a claims table.
        category: one category (case-insensitive), e.g. "personnel".
        unit: one normalised unit (case-insensitive), e.g. "troops".
        claimants: names matched, case-insensitively, against `claimant` or
            `claimant_org`; "(outlet's own)" selects claims with no claimant.
        date_from: first day kept (ISO), on the claim date, else the published date.
        date_to: last day kept (ISO), inclusive.

    Raises:
        ValueError: an unknown category, or a date that is not ISO.
    """
    keep = pd.Series(True, index=claims.index)
    if category:
        wanted = category.strip().casefold()
        if wanted not in {name.casefold() for name in known_categories(claims)}:
            raise ValueError(f"unknown category {category!r}; known categories: {', '.join(known_categories(claims))}")
        keep &= claims["category"].str.casefold().eq(wanted).fillna(False).astype(bool)
    if unit:
        keep &= claims["unit"].str.casefold().eq(unit.strip().casefold()).fillna(False).astype(bool)
    if claimants:
        names = {name.strip().casefold() for name in claimants if name and name.strip()}
        by_name = claims["claimant"].str.casefold().isin(names).fillna(False).astype(bool)
        by_org = claims["claimant_org"].str.casefold().isin(names).fillna(False).astype(bool)
        own = claims["claimant"].isna() if NO_CLAIMANT.casefold() in names else pd.Series(False, index=claims.index)
        keep &= by_name | by_org | own
    first, last = _day(date_from, "date_from"), _day(date_to, "date_to")
    if first is not None or last is not None:
        date = pd.to_datetime(claims["claim_date"]).fillna(pd.to_datetime(claims["published"]))
        if first is not None:
            keep &= (date >= first).fillna(False).astype(bool)
        if last is not None:
            keep &= (date < last + pd.Timedelta(days=1)).fillna(False).astype(bool)
    return claims[keep].reset_index(drop=True)


def describe_filters(*, category: str | None = None, unit: str | None = None, claimants: Sequence[str] = (),
                     date_from: str | None = None, date_to: str | None = None) -> str:
    """The filters in words, for messages and subtitles ("" when none)."""
    parts = []
    if category:
        parts.append(f"category {category}")
    if unit:
        parts.append(f"unit {unit}")
    if claimants:
        parts.append("claimants " + ", ".join(claimants))
    if date_from or date_to:
        parts.append(f"dates {date_from or '...'} to {date_to or '...'}")
    return "; ".join(parts)


def select_claims(claims: pd.DataFrame, *, category: str | None = None, unit: str | None = None,
                  claimants: Sequence[str] = (), date_from: str | None = None,
                  date_to: str | None = None) -> Selection:
    """`filter_claims` for notebooks: never raises on a bad filter, says what it kept.

    Returns:
        A `Selection`; on an unknown category or bad date its claims are empty
        and its message explains the problem.
    """
    filters = dict(category=category, unit=unit, claimants=list(claimants or ()), date_from=date_from, date_to=date_to)
    wording = describe_filters(**filters)
    if claims.empty:
        return Selection(claims, 0, "The claims table is empty: no claims were extracted from the input.")
    try:
        kept = filter_claims(claims, **filters)
    except ValueError as error:
        return Selection(claims.iloc[0:0], len(claims), f"Nothing to show: {error}.")
    if kept.empty:
        return Selection(kept, len(claims), f"No claims match the filters ({wording}); the table holds {len(claims)} claims.")
    scope = f" matching {wording}" if wording else ""
    return Selection(kept, len(claims), f"{len(kept)} of {len(claims)} claims{scope}.")


def claims_by(claims: pd.DataFrame, rows: str = "claimant", columns: str = "category") -> pd.DataFrame:
    """A count table (claimant x category by default), with totals, largest first.

    Missing claimants count as "(outlet's own)", other missing values as "(none)".
    """
    if claims.empty:
        return pd.DataFrame({"total": pd.Series(dtype="int64")}, index=pd.Index([], name=rows))
    labels = {column: claims[column].astype("string").fillna(NO_CLAIMANT if column == "claimant" else "(none)")
              for column in (rows, columns)}
    table = pd.crosstab(labels[rows], labels[columns], margins=True, margins_name="total")
    table = table.sort_values("total", ascending=False)
    table.index.name, table.columns.name = rows, columns
    return table


def data_quality(loaded: Loaded, claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """What the table can and cannot tell: one `value` per `measure` (the index).

    Args:
        loaded: the loaded table and its document counts.
        claims: the claims to describe; defaults to all of `loaded.claims`.
    """
    claims = loaded.claims if claims is None else claims
    unknown = "unknown (no summary file; pass corpus_path)"
    rows = [
        ("documents read", unknown if loaded.documents is None else loaded.documents),
        ("documents skipped", unknown if loaded.documents is None else len(loaded.skipped)),
        ("extraction warnings", unknown if loaded.documents is None else len(loaded.warnings)),
        ("documents with at least one claim", int(claims["doc_id"].nunique())),
        ("claims", len(claims)),
        ("claims without claimant (outlet's own)", int(claims["claimant"].isna().sum())),
        ("claims without claim date (dated by publication)", int((claims["claim_date"].isna() & claims["published"].notna()).sum())),
        ("claims without any date", int((claims["claim_date"].isna() & claims["published"].isna()).sum())),
        ("claims without unit", int(claims["unit"].isna().sum())),
        ("claims in category 'other'", int(claims["category"].fillna("other").eq("other").sum())),
        ("ranges or open-ended bounds", int((claims["low"].notna() | claims["high"].notna()).sum())),
        ("hedged (not asserted)", int(claims["hedge"].fillna("asserted").ne("asserted").sum())),
    ]
    return pd.DataFrame(rows, columns=["measure", "value"]).astype({"value": "string"}).set_index("measure")


def skipped_table(loaded: Loaded) -> pd.DataFrame:
    """The documents that could not be used and the extraction's warnings, and why."""
    rows = [{"kind": kind, **item} for kind, items in (("skipped", loaded.skipped), ("warning", loaded.warnings))
            for item in items]
    return pd.DataFrame(rows, columns=["kind", "file", "line", "reason"]).astype({"line": "Int64"})


def provenance_table(claims: pd.DataFrame) -> pd.DataFrame:
    """Every figure with its sentence, outlet, link and how many outlets carried it.

    Sorted with the most widely carried claims first, then by document order.
    """
    if claims.empty:
        return pd.DataFrame(columns=["claimant", "figure", "unit", "date", "outlet", "outlets carrying", "sentence", "link"])
    data = chart_data(claims, top_claimants=None, max_rows=max(len(claims), 1))
    table = pd.DataFrame({
        "claimant": data["claimant_label"],
        "figure": data["surface"],
        "unit": data["unit_label"],
        "date": data["date_text"],
        "outlet": data["outlet_label"],
        "outlets carrying": data.groupby("claim_key")["outlet_label"].transform("nunique"),
        "sentence": data["sentence_text"],
        "claim_id": data["claim_id"],
    })
    links = claims.set_index("claim_id")["url"].astype("string").fillna("")
    table["link"] = table["claim_id"].map(links).fillna("")
    return (table.sort_values(["outlets carrying", "claimant"], ascending=[False, True], kind="stable")
                 .drop(columns="claim_id").reset_index(drop=True))


def pick_category(claims: pd.DataFrame, category: str | None) -> tuple[str | None, str]:
    """The category a chart draws: the one asked for, else the most frequent.

    Figures of different categories (troops, percentages) do not share an axis.

    Returns:
        The category (None for an empty table) and a note for the reader.
    """
    if category:
        return category, ""
    counts = claims["category"].dropna().value_counts()
    if counts.empty:
        return None, ""
    chosen = str(counts.index[0])
    note = f"No category chosen: drawing the most frequent, {chosen!r} ({counts.iloc[0]} of {len(claims)} claims)."
    return chosen, note if len(counts) > 1 else ""


def claimant_summary(claims: pd.DataFrame) -> pd.DataFrame:
    """Per claimant: how many figures, the lowest and highest, how many outlets
    carried them and how many were hedged; widest spread first."""
    columns = ["claimant", "country", "claims", "lowest", "highest", "outlets", "hedged"]
    data = chart_data(claims, top_claimants=None, max_rows=max(len(claims), 1))
    if data.empty:
        return pd.DataFrame(columns=columns)
    lowest = data["range_low"].fillna(data["figure"]).where(data["bound"] != "at most")
    highest = data["range_high"].fillna(data["figure"]).where(data["bound"] != "at least")
    data = data.assign(lowest=lowest, highest=highest, hedged=data["style"] != "stated")
    summary = data.groupby("claimant_label").agg(
        country=("country_label", lambda names: "; ".join(sorted(set(names)))),
        claims=("claim_id", "size"),
        lowest=("lowest", "min"),
        highest=("highest", "max"),
        outlets=("outlet_label", "nunique"),
        hedged=("hedged", "sum"),
    ).reset_index().rename(columns={"claimant_label": "claimant"})
    spread = summary["highest"] / summary["lowest"]
    return summary.assign(_spread=spread).sort_values(["_spread", "claims"], ascending=False, na_position="last").drop(
        columns="_spread").reset_index(drop=True)[columns]


def as_html(frame: pd.DataFrame, *, max_rows: int = 200) -> str:
    """A table as HTML with cell text escaped and http(s) links clickable,
    cut to `max_rows` with a note saying so."""
    note = ""
    if len(frame) > max_rows:
        note = f"<p>First {max_rows} of {len(frame)} rows; the full table is in the claims file.</p>"
        frame = frame.head(max_rows)
    shown = frame.astype(object).where(frame.notna(), "")
    for column in frame.columns:
        if pd.api.types.is_float_dtype(frame[column].dtype):
            shown[column] = [_number(value) for value in shown[column]]
        elif pd.api.types.is_datetime64_any_dtype(frame[column].dtype):
            shown[column] = [value.strftime("%Y-%m-%d") if value != "" else "" for value in shown[column]]
    return shown.to_html(index=False, escape=True, render_links=True, border=0) + note


def _number(value: object) -> str:
    """9000.0 as "9,000", 2.5 as "2.5", a blank as a blank."""
    if value == "" or value is None:
        return ""
    number = float(value)  # type: ignore[arg-type]
    return f"{number:,.0f}" if number.is_integer() else f"{number:,.6g}"

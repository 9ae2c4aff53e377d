"""Stage 6: claim records to a typed pandas table, with stable ids and claim keys."""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path
from typing import Callable, Iterable, Mapping

import pandas as pd

# Column -> pandas nullable dtype. The order is the table's column order.
SCHEMA: dict[str, str] = {
    "claim_id": "string",
    "claim_key": "string",
    "doc_id": "string",
    "file": "string",
    "title": "string",
    "outlet": "string",
    "url": "string",
    "published": "datetime64[s]",
    "sentence": "string",
    "char_start": "Int64",
    "char_end": "Int64",
    "surface": "string",
    "value": "Float64",
    "low": "Float64",
    "high": "Float64",
    "approx": "boolean",
    "qualifier": "string",
    "unit": "string",
    "category": "string",
    "claimant": "string",
    "claimant_org": "string",
    "claimant_country": "string",
    "claim_date": "datetime64[s]",
    "target_date": "datetime64[s]",
    "hedge": "string",
}
DATE_COLUMNS = ("published", "claim_date", "target_date")


def claim_id(doc_id: str, char_start: int, char_end: int) -> str:
    """An id that stays the same across runs for the same figure in the same document."""
    return hashlib.sha1(f"{doc_id}\x1f{char_start}\x1f{char_end}".encode()).hexdigest()[:16]


def claim_key(claimant: str | None, category: str | None, value: float | None, low: float | None,
              high: float | None) -> str:
    """The same claim across outlets: same claimant, category and figure."""
    figure = "/".join("" if number is None else f"{number:g}" for number in (value, low, high))
    text = f"{(claimant or '').casefold()}\x1f{category or ''}\x1f{figure}"
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def empty_claims() -> pd.DataFrame:
    """A claims table with no rows and the full schema."""
    return claims_frame([])


def claims_frame(records: Iterable[Mapping[str, object]]) -> pd.DataFrame:
    """A typed claims table from plain records (missing keys become nulls)."""
    frame = pd.DataFrame.from_records(list(records), columns=list(SCHEMA))
    for column in DATE_COLUMNS:
        frame[column] = pd.to_datetime(frame[column], errors="coerce")
    frame = frame.astype(SCHEMA)
    return frame.sort_values(["doc_id", "char_start"], kind="stable", ignore_index=True)


FORMATS = (".csv", ".parquet", ".jsonl")


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder, then rename over `path`.

    A crash or Ctrl-C leaves either the old file or the new one, never half of one;
    the temporary file is hidden (a leading dot) and removed unless the process is killed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    # Created as any new file is (mode 0666 less the umask), unlike mkstemp's private 0600.
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        write(temporary)
        with temporary.open("rb") as written:
            os.fsync(written.fileno())  # the data reaches the disk before the rename makes it the output
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_claims(frame: pd.DataFrame, path: Path | str) -> None:
    """Save a claims table; the format follows the extension (.csv, .parquet, .jsonl).

    Raises:
        ValueError: the extension is not one of FORMATS.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path}: unknown output format {suffix or '(none)'}; use one of {', '.join(FORMATS)}")
    writers: dict[str, Callable[[Path], None]] = {
        ".csv": lambda target: frame.to_csv(target, index=False, date_format="%Y-%m-%d"),
        ".parquet": lambda target: frame.to_parquet(target, index=False),
        ".jsonl": lambda target: frame.to_json(target, orient="records", lines=True, date_format="iso", force_ascii=False),
    }
    write_atomically(path, writers[suffix])


def read_claims(path: Path | str) -> pd.DataFrame:
    """A claims table saved by `write_claims`, with its schema restored.

    Raises:
        ValueError: the extension is not one of FORMATS.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    elif suffix == ".parquet":
        frame = pd.read_parquet(path)
    elif suffix == ".jsonl":
        frame = pd.read_json(path, orient="records", lines=True, dtype=False)
    else:
        raise ValueError(f"{path}: unknown claims format {suffix or '(none)'}; use one of {', '.join(FORMATS)}")
    for column in ("char_start", "char_end", "value", "low", "high"):
        frame[column] = pd.to_numeric(frame[column])
    frame["approx"] = frame["approx"].map(lambda flag: None if pd.isna(flag) else str(flag) == "True")
    return claims_frame(frame.to_dict("records"))

"""Stage 1: load documents from files, folders and JSONL, with their metadata.

Every document that cannot be used becomes a `Skipped` record naming the file
(and line) and the reason, so a batch goes on and the user learns what was lost.
Offsets everywhere else index `Document.text` exactly as returned here.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from . import config

MANIFEST_FIELDS = ("title", "outlet", "url", "published")


@dataclass(frozen=True)
class Document:
    """One article: its text as loaded and where it came from."""

    doc_id: str
    file: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Skipped:
    """A document (or manifest row) that could not be used, and why."""

    file: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.reason}"


class InputError(Exception):
    """The input as a whole is unusable (missing path, unreadable manifest)."""


def parse_published(value: str | None) -> dt.date | None:
    """An ISO date or date-time as a date; None when empty.

    Raises:
        ValueError: the value is not an ISO date or date-time.
    """
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) <= 10 else dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError as error:
        raise ValueError(f"published {text!r} is not an ISO date") from error


def decode_bytes(raw: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252.

    Raises:
        ValueError: the bytes look binary (NUL bytes outside UTF-16).
    """
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace")
    if b"\x00" in raw[:8192]:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # Legacy single-byte text; cp1252 maps nearly every byte, the rest are replaced.
        return raw.decode("cp1252", errors="replace")


def html_main_text(html: str) -> tuple[str, str | None]:
    """The main text and title of an HTML page, without navigation or scripts."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True) or ""
    metadata = trafilatura.extract_metadata(html)
    return text, (metadata.title if metadata is not None else None)


def read_manifest(path: Path) -> tuple[dict[str, dict[str, str]], list[Skipped]]:
    """Rows of a manifest keyed by file name, and the rows that were rejected.

    Raises:
        InputError: the manifest cannot be read or has no `file` column.
    """
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or "file" not in reader.fieldnames:
                raise InputError(f"{path}: manifest has no 'file' column (columns: {reader.fieldnames})")
            rows: dict[str, dict[str, str]] = {}
            problems: list[Skipped] = []
            for line_number, row in enumerate(reader, start=2):
                name = (row.get("file") or "").strip()
                if not name:
                    problems.append(Skipped(str(path), "manifest row has an empty 'file'", line_number))
                    continue
                try:
                    parse_published(row.get("published"))
                except ValueError as error:
                    problems.append(Skipped(str(path), f"{name}: {error}; published left empty", line_number))
                    row = {**row, "published": ""}
                rows[name] = {key: (value or "").strip() for key, value in row.items() if key}
                rows[name]["_line"] = str(line_number)
            return rows, problems
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise InputError(f"{path}: cannot read manifest ({error})") from error


def document_files(path: Path) -> list[Path]:
    """The document files under a path, in a stable order."""
    if path.is_file():
        return [path]
    return sorted(
        candidate
        for candidate in path.rglob("*")
        if candidate.is_file()
        and candidate.suffix.lower() in config.DOCUMENT_SUFFIXES
        and not any(part.startswith(".") for part in candidate.relative_to(path).parts)
    )


def _metadata(row: Mapping[str, str] | None) -> dict[str, object]:
    row = dict(row or {})
    extra = {key: value for key, value in row.items() if key not in ("file", "_line", *MANIFEST_FIELDS) and value}
    return {
        "title": row.get("title") or None,
        "outlet": row.get("outlet") or None,
        "url": row.get("url") or None,
        "published": parse_published(row.get("published")) if row.get("published") else None,
        "extra": extra,
    }


def _jsonl_documents(path: Path, name: str) -> Iterator[Document | Skipped]:
    with path.open("rb") as handle:
        for line_number, raw_line in enumerate(handle, start=1):
            if not raw_line.strip():
                continue
            try:
                record = json.loads(decode_bytes(raw_line))
            except (ValueError, UnicodeDecodeError) as error:
                yield Skipped(name, f"invalid JSON ({error})", line_number)
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                yield Skipped(name, "JSON line has no string 'text' field", line_number)
                continue
            if not record["text"].strip():
                yield Skipped(name, "empty 'text'", line_number)
                continue
            try:
                published = parse_published(record.get("published"))
            except ValueError as error:
                yield Skipped(name, str(error), line_number)
                continue
            doc_id = str(record.get("id") or f"{name}:{line_number}")
            yield Document(
                doc_id=doc_id,
                file=name,
                text=record["text"],
                title=record.get("title"),
                outlet=record.get("outlet"),
                url=record.get("url"),
                published=published,
            )


def load_file(path: Path, name: str, row: Mapping[str, str] | None = None) -> Iterator[Document | Skipped]:
    """The documents in one file (several for JSONL), or why it was skipped."""
    if path.suffix.lower() == ".jsonl":
        yield from _jsonl_documents(path, name)
        return
    try:
        raw = path.read_bytes()
    except OSError as error:
        yield Skipped(name, f"cannot read file ({error.strerror or error})")
        return
    if not raw.strip():
        yield Skipped(name, "empty file")
        return
    try:
        text = decode_bytes(raw)
    except ValueError as error:
        yield Skipped(name, str(error))
        return
    metadata = _metadata(row)
    if path.suffix.lower() in (".html", ".htm"):
        text, html_title = html_main_text(text)
        metadata["title"] = metadata["title"] or html_title
        if not text.strip():
            yield Skipped(name, "no main text found in HTML")
            return
    yield Document(doc_id=name, file=name, text=text, **metadata)  # type: ignore[arg-type]


def load_documents(paths: Iterable[Path | str], manifest: Path | str | None = None) -> Iterator[Document | Skipped]:
    """Documents from files and folders, with manifest metadata where present.

    A `manifest.csv` in a folder applies to the files under it; `manifest`
    names one that applies to every path instead.

    Raises:
        InputError: a path does not exist or a manifest cannot be read.
    """
    explicit_rows: dict[str, dict[str, str]] | None = None
    if manifest is not None:
        explicit_rows, problems = read_manifest(Path(manifest))
        yield from problems
    for given in map(Path, paths):
        if not given.exists():
            raise InputError(f"{given}: no such file or folder")
        root = given if given.is_dir() else given.parent
        rows = explicit_rows
        if rows is None:
            rows = {}
            if (root / config.MANIFEST_NAME).is_file():
                rows, problems = read_manifest(root / config.MANIFEST_NAME)
                yield from problems
        for path in document_files(given):
            name = path.relative_to(root).as_posix()
            yield from load_file(path, name, rows.get(name))

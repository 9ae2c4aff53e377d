"""Stage 1: load documents from files, folders and JSONL, with their metadata.

Every document that cannot be used becomes a `Skipped` record naming the file
(and line) and the reason, so a batch goes on and the user learns what was lost.
Problems that do not stop a document (a manifest row naming no file, a date
that is not a date) are `Skipped` records too, marked `warning`.
Offsets everywhere else index `Document.text` exactly as returned here.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator, Mapping

from . import config

MANIFEST_FIELDS = ("title", "outlet", "url", "published")
BINARY_SNIFF_BYTES = 8192
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# JSON escapes can produce a lone surrogate ("\ud83d" of an emoji cut in half), which UTF-8 cannot encode.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


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
    """A document that could not be used, and why.

    With `warning`, the problem did not stop any document (a manifest row or a
    date was ignored): it is reported, but nothing was skipped.
    """

    file: str
    reason: str
    line: int | None = None
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.reason}"


class InputError(Exception):
    """The input as a whole is unusable (missing path, unreadable manifest)."""


@dataclass(frozen=True)
class ManifestRow:
    """One manifest row: its fields (lowercase names) and the line it ends on."""

    line: int
    fields: Mapping[str, str]


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

    Bytes that cannot be decoded become U+FFFD; UTF-8 text with a few damaged
    bytes stays UTF-8 rather than turning into mojibake.

    Raises:
        ValueError: the bytes look binary (NUL bytes outside UTF-16).
    """
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if raw.startswith(UTF16_BOMS):
        return raw.decode("utf-16", errors="replace")
    if b"\x00" in raw[:BINARY_SNIFF_BYTES]:
        raise ValueError("binary data (NUL bytes), not text")
    as_utf8 = raw.decode("utf-8", errors="replace")
    damaged = as_utf8.count("\ufffd") - raw.count("\ufffd".encode())
    if not damaged:
        return as_utf8
    # Legacy single-byte text fails UTF-8 at nearly every non-ASCII byte; UTF-8 text decodes most of them.
    decoded = len(as_utf8) - len(as_utf8.encode("ascii", errors="ignore")) - damaged
    return as_utf8 if decoded > damaged else raw.decode("cp1252", errors="replace")


def html_main_text(html: str) -> tuple[str, str | None]:
    """The main text and title of an HTML page, without navigation or scripts."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True) or ""
    metadata = trafilatura.extract_metadata(html)
    return text, (metadata.title if metadata is not None else None)


def _manifest_name(value: str) -> str:
    """A manifest's file name as document names are written: "./a\\b.txt" -> "a/b.txt"."""
    return PurePosixPath(value.strip().replace("\\", "/")).as_posix()


def read_manifest(path: Path) -> tuple[dict[str, ManifestRow], list[Skipped]]:
    """Rows of a manifest keyed by file name, and warnings about rows with problems.

    Column names are matched without case or surrounding spaces; columns other
    than `file` and MANIFEST_FIELDS are kept as extra metadata. A row with an
    empty `file` is ignored and a `published` that is not a date is left empty,
    each with a warning naming the row's line.

    Raises:
        InputError: the manifest cannot be read or has no `file` column.
    """
    try:
        text = decode_bytes(path.read_bytes())
        reader = csv.reader(io.StringIO(text, newline=""))
        header = [name.strip().casefold() for name in next(reader, [])]
        if "file" not in header:
            raise InputError(
                f"{path}: manifest has no 'file' column (columns: {', '.join(header) or 'none'}); add a 'file' "
                f"column naming each article file, as a header in the first line"
            )
        rows: dict[str, ManifestRow] = {}
        warnings: list[Skipped] = []
        for values in reader:
            if not any(value.strip() for value in values):
                continue
            line = reader.line_num
            fields = {name: value.strip() for name, value in zip(header, values) if name}
            name = _manifest_name(fields.get("file", ""))
            if name == ".":
                warnings.append(Skipped(str(path), "manifest row has an empty 'file'; row ignored", line, warning=True))
                continue
            try:
                parse_published(fields.get("published"))
            except ValueError as error:
                warnings.append(Skipped(str(path), f"{name}: {error}; published left empty", line, warning=True))
                fields["published"] = ""
            rows[name] = ManifestRow(line, fields)
        return rows, warnings
    except (OSError, ValueError, csv.Error) as error:
        raise InputError(f"{path}: cannot read manifest ({error}); give a CSV file with a 'file' column") from error


def _checked_manifest(path: Path, roots: list[Path]) -> tuple[dict[str, ManifestRow], list[Skipped]]:
    """A manifest's rows, and warnings about its rows (bad ones, and those naming no article under `roots`) by line."""
    rows, warnings = read_manifest(path)
    for name, row in rows.items():
        if Path(name).suffix.lower() not in config.DOCUMENT_SUFFIXES or not any((root / name).is_file() for root in roots):
            warnings.append(Skipped(str(path), f"{name}: no such article file; row ignored", row.line, warning=True))
    return rows, sorted(warnings, key=lambda item: item.line or 0)


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


def _metadata(row: ManifestRow | None) -> dict[str, object]:
    fields = dict(row.fields) if row is not None else {}
    extra = {key: value for key, value in fields.items() if key not in ("file", *MANIFEST_FIELDS) and value}
    return {
        "title": fields.get("title") or None,
        "outlet": fields.get("outlet") or None,
        "url": fields.get("url") or None,
        "published": parse_published(fields.get("published")),
        "extra": extra,
    }


def _json_field(record: Mapping[str, object], key: str) -> str | None:
    """A JSON value as text (None when absent), with lone surrogates replaced."""
    value = record.get(key)
    return None if value is None else _LONE_SURROGATE.sub("\ufffd", str(value))


def line_document(raw_line: bytes, name: str, line_number: int) -> Iterator[Document | Skipped]:
    """The document on one JSONL line, or why it is skipped (blank lines yield nothing)."""
    if not raw_line.strip():
        return
    try:
        record = json.loads(decode_bytes(raw_line).strip())
    except ValueError as error:
        yield Skipped(name, f"invalid JSON ({error})", line_number)
        return
    except RecursionError:
        yield Skipped(name, "invalid JSON (nested too deeply)", line_number)
        return
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        yield Skipped(name, "JSON line has no string 'text' field", line_number)
        return
    text = _json_field(record, "text") or ""
    if not text.strip():
        yield Skipped(name, "empty 'text'", line_number)
        return
    try:
        published = parse_published(_json_field(record, "published"))
    except ValueError as error:
        yield Skipped(name, f"{error}; published left empty", line_number, warning=True)
        published = None
    yield Document(
        doc_id=_json_field(record, "id") or f"{name}:{line_number}",
        file=name,
        text=text,
        title=_json_field(record, "title"),
        outlet=_json_field(record, "outlet"),
        url=_json_field(record, "url"),
        published=published,
    )


def _jsonl_documents(path: Path, name: str) -> Iterator[Document | Skipped]:
    with path.open("rb") as handle:
        head = handle.read(BINARY_SNIFF_BYTES)
        handle.seek(0)
        try:  # one reason for a binary file, not one per "line" of it
            decode_bytes(head)
        except ValueError as error:
            yield Skipped(name, str(error))
            return
        lines: Iterable[bytes] = handle
        if head.startswith(UTF16_BOMS):
            lines = (line.encode() for line in io.TextIOWrapper(handle, encoding="utf-16", errors="replace", newline="\n"))
        empty = True
        for line_number, raw_line in enumerate(lines, start=1):
            if not raw_line.strip():
                continue
            empty = False
            yield from line_document(raw_line, name, line_number)
    if empty:
        yield Skipped(name, "empty file")


def load_file(path: Path, name: str, row: ManifestRow | None = None) -> Iterator[Document | Skipped]:
    """The documents in one file (several for JSONL), or why it was skipped."""
    if path.suffix.lower() == ".jsonl":
        yield from _jsonl_documents(path, name)
        return
    try:
        raw = path.read_bytes()
    except OSError as error:
        yield Skipped(name, f"cannot read file ({error.strerror or error})")
        return
    try:
        text = decode_bytes(raw)
    except ValueError as error:
        yield Skipped(name, str(error))
        return
    if not text.strip():
        yield Skipped(name, "empty file")
        return
    metadata = _metadata(row)
    if path.suffix.lower() in (".html", ".htm"):
        text, html_title = html_main_text(text)
        metadata["title"] = metadata["title"] or html_title
        if not text.strip():
            yield Skipped(name, "no main text found in HTML")
            return
    yield Document(doc_id=name, file=name, text=text, **metadata)  # type: ignore[arg-type]


def _root(path: Path) -> Path:
    return path if path.is_dir() else path.parent


def corpus_files(paths: Iterable[Path | str], manifest: Path | str | None = None
                 ) -> tuple[list[tuple[Path, str, ManifestRow | None]], list[Skipped]]:
    """Every document file under the paths, as (path, name, manifest row), and the manifests' warnings.

    A `manifest.csv` in a folder applies to the files under it; `manifest`
    names one that applies to every path instead. Paths and manifests are
    checked before any file is listed.

    Raises:
        InputError: a path does not exist or a manifest cannot be read.
    """
    given = [Path(path) for path in paths]
    for path in given:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder; give existing article files or folders")
    warnings: list[Skipped] = []
    manifests: dict[Path, dict[str, ManifestRow]] = {}
    if manifest is not None:
        rows, warnings = _checked_manifest(Path(manifest), [_root(path) for path in given])
        manifests = {_root(path): rows for path in given}
    for root in dict.fromkeys(map(_root, given)):
        if root not in manifests and (root / config.MANIFEST_NAME).is_file():
            manifests[root], folder_warnings = _checked_manifest(root / config.MANIFEST_NAME, [root])
            warnings += folder_warnings
    files: list[tuple[Path, str, ManifestRow | None]] = []
    for path in given:
        root = _root(path)
        for file in document_files(path):
            # Names that are not UTF-8 on disk arrive with surrogate escapes, which no output can encode.
            name = decode_bytes(os.fsencode(file.relative_to(root).as_posix()))
            files.append((file, name, manifests.get(root, {}).get(name)))
    return files, warnings


def load_documents(paths: Iterable[Path | str], manifest: Path | str | None = None) -> Iterator[Document | Skipped]:
    """Documents from files and folders, with manifest metadata where present (see `corpus_files`).

    Documents without a manifest row are loaded without metadata.

    Raises:
        InputError: a path does not exist or a manifest cannot be read.
    """
    files, warnings = corpus_files(paths, manifest)
    yield from warnings
    for file, name, row in files:
        yield from load_file(file, name, row)

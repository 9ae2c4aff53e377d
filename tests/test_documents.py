"""Loading: encodings, binary and empty files, broken JSONL lines, manifests, very long documents."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from extract import Document, InputError, Skipped, extract_corpus, load_documents
from extract.documents import decode_bytes, read_manifest

SKIPPED_IN_BAD_CORPUS = [
    "articles.jsonl:2: invalid JSON (Unterminated string starting at: line 1 column 26 (char 25))",
    "articles.jsonl:3: JSON line has no string 'text' field",
    "articles.jsonl:4: empty 'text'",
    "binary.jsonl: binary data (NUL bytes), not text",
    "blank.md: empty file",
    "bom_only.txt: empty file",
    "empty.jsonl: empty file",
    "empty.txt: empty file",
    "image.txt: binary data (NUL bytes), not text",
    "nested.jsonl:2: invalid JSON (nested too deeply)",
    "script_only.html: no main text found in HTML",
]
WARNED_IN_BAD_CORPUS = [
    "manifest.csv:3: cp1252.txt: published '14/09/2023' is not an ISO date; published left empty",
    "manifest.csv:4: missing.txt: no such article file; row ignored",
    "manifest.csv:6: manifest row has an empty 'file'; row ignored",
    "articles.jsonl:5: published 'yesterday' is not an ISO date; published left empty",
]


@pytest.mark.parametrize(("raw", "text"), [
    ("Police said 3,000 marched.".encode(), "Police said 3,000 marched."),
    (codecs.BOM_UTF8 + "Café: 3,000".encode(), "Café: 3,000"),
    ("Café: 3,000".encode("utf-16"), "Café: 3,000"),
    (codecs.BOM_UTF16_BE + "Café: 3,000".encode("utf-16-be"), "Café: 3,000"),
    ("The café owner said 75 – mostly tourists".encode("cp1252"), "The café owner said 75 – mostly tourists"),
    # One damaged byte in UTF-8 text: the rest stays UTF-8, the byte becomes U+FFFD.
    ("The fund’s €5 million".encode() + b"\x92", "The fund’s €5 million\ufffd"),
    # Bytes cp1252 leaves undefined never raise.
    (b"caf\xe9 \x81\x8d 12", "café \ufffd\ufffd 12"),
    ("A real \ufffd in UTF-8".encode(), "A real \ufffd in UTF-8"),
    (codecs.BOM_UTF16_LE + b"A\x00\x00", "A\ufffd"),  # an odd number of UTF-16 bytes
])
def test_decode_bytes_reads_every_supported_encoding(raw: bytes, text: str) -> None:
    assert decode_bytes(raw) == text


@pytest.mark.parametrize("raw", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"%PDF-1.7\n\x00\x01", "text".encode("utf-16-le")])
def test_decode_bytes_refuses_binary(raw: bytes) -> None:
    with pytest.raises(ValueError, match=r"binary data \(NUL bytes\), not text"):
        decode_bytes(raw)


def test_bad_corpus_skips_and_warns_with_file_and_line(bad_corpus: Path) -> None:
    items = list(load_documents([bad_corpus]))
    problems = [item for item in items if isinstance(item, Skipped)]
    manifest = str(bad_corpus / "manifest.csv")
    assert sorted(str(item).replace(manifest, "manifest.csv") for item in problems if not item.warning) \
        == SKIPPED_IN_BAD_CORPUS
    assert [str(item).replace(manifest, "manifest.csv") for item in problems if item.warning] == WARNED_IN_BAD_CORPUS


def test_bad_corpus_keeps_every_usable_document(bad_corpus: Path) -> None:
    documents = {item.doc_id: item for item in load_documents([bad_corpus]) if isinstance(item, Document)}
    assert sorted(documents) == [
        "café.txt", "cp1252.txt", "damaged_utf8.txt", "good.txt", "n1", "scraped.html", "utf16.txt", "utf8_bom.txt",
        "w16", "wire-1", "wire-5", "wire-7",
    ]
    good = documents["good.txt"]
    assert (good.title, good.outlet, str(good.published), dict(good.extra)) == \
        ("Warsaw march", "Daily Ledger", "2024-04-22", {"notes": "checked"})
    assert documents["cp1252.txt"].text == "The café owner said 75 people – mostly tourists – were hurt."
    assert documents["cp1252.txt"].published is None and documents["cp1252.txt"].title == "Café fire"
    assert documents["damaged_utf8.txt"].text == "The fund’s director said it had raised €5 million\ufffd for the school."
    assert documents["utf8_bom.txt"].text.startswith("Officials")
    assert documents["wire-5"].published is None  # a bad date drops the date, not the document
    assert documents["wire-7"].title == "Marathon \ufffd" and documents["wire-7"].text.endswith("part \ufffd")
    assert "Home" not in documents["scraped.html"].text and documents["scraped.html"].title == "Harbour flood"


def test_missing_path_fails_before_any_document(bad_corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nowhere: no such file or folder; give existing article files or folders"):
        next(load_documents([bad_corpus, tmp_path / "nowhere"]))


def test_manifest_columns_are_matched_loosely_and_names_normalised(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.csv"
    manifest.write_bytes(" FILE ,Title ,Extra\n./a.txt,Café,kept\n\nsub\\b.txt,,\n".encode("cp1252"))
    rows, warnings = read_manifest(manifest)
    assert warnings == []
    assert {name: (row.line, dict(row.fields)) for name, row in rows.items()} == {
        "a.txt": (2, {"file": "./a.txt", "title": "Café", "extra": "kept"}),
        "sub/b.txt": (4, {"file": "sub\\b.txt", "title": "", "extra": ""}),
    }


@pytest.mark.parametrize(("content", "message"), [
    (b"name,title\na.txt,A\n", r"manifest has no 'file' column \(columns: name, title\); add a 'file' column"),
    (b"", r"manifest has no 'file' column \(columns: none\)"),
    (b"file\x00\x01\x02", r"cannot read manifest \(binary data \(NUL bytes\), not text\); give a CSV file"),
])
def test_unusable_manifest_is_an_input_error(tmp_path: Path, content: bytes, message: str) -> None:
    manifest = tmp_path / "list.csv"
    manifest.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_manifest(manifest)


def test_explicit_manifest_applies_to_every_path_and_reports_absent_rows(tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"{folder}.txt").write_text(f"Police said 3,000 people marched in {folder}.")
    manifest = tmp_path / "list.csv"
    manifest.write_text("file,outlet\none.txt,Ledger\ntwo.txt,Times\nthree.txt,Wire\nnotes.pdf,Wire\n")
    items = list(load_documents([tmp_path / "one", tmp_path / "two"], manifest))
    assert [str(item) for item in items if isinstance(item, Skipped)] == [
        f"{manifest}:4: three.txt: no such article file; row ignored",
        f"{manifest}:5: notes.pdf: no such article file; row ignored",
    ]
    assert [(item.doc_id, item.outlet) for item in items if isinstance(item, Document)] == \
        [("one.txt", "Ledger"), ("two.txt", "Times")]


def test_five_megabyte_single_line_document_yields_its_claims(tmp_path: Path) -> None:
    # Sentences are split in bounded chunks, so one huge line (and a word longer than a chunk) costs linear time.
    opening = "Police said 3,000 people were evacuated from the valley. "
    filler = "The river rose slowly through the night while residents watched from the bridge. "
    text = opening + filler * (5_000_000 // len(filler)) + "x" * 50_000
    assert "\n" not in text and len(text) > 5_000_000
    (tmp_path / "huge.txt").write_text(text)
    result = extract_corpus([tmp_path / "huge.txt"])
    assert result.documents == 1 and result.skipped == []
    claims = result.claims
    assert list(claims["surface"]) == ["3,000"]
    assert text[claims["char_start"][0]:claims["char_end"][0]] == "3,000"

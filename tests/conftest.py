"""Shared fixtures: small typed claims tables built with `table.claims_frame`.

The records imitate the seeds (bounded, approximate, ranged, vague and
projected figures; claims with no claimant or no claim date) and carry hostile
article text, so every chart, notebook and report test meets it.
"""

from __future__ import annotations

import random
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from extract.table import claims_frame, write_claims

HOSTILE_SENTENCE = 'Officials said </script><script>window.__pwned = 1</script> about 1,500 troops arrived.'
HOSTILE_CLAIMANT = '<img src=x onerror="window.__pwned = 1">'
HOSTILE_OUTLET = "<script>window.__pwned = 1</script> Times"


def _claim(doc_id: str, start: int, surface: str, **fields: object) -> dict[str, object]:
    record: dict[str, object] = {
        "claim_id": f"{doc_id}-{start}",
        "doc_id": doc_id,
        "file": f"{doc_id}.txt",
        "char_start": start,
        "char_end": start + len(surface),
        "surface": surface,
        "approx": False,
        "category": "personnel",
        "hedge": "asserted",
        "sentence": f"A sentence with {surface} in it.",
    }
    record.update(fields)
    record.setdefault("claim_key", f"key-{record.get('claimant')}-{record.get('value')}-{record.get('low')}-{record.get('high')}")
    return record


def sample_records() -> list[dict[str, object]]:
    """Claims across four outlets: every kind of bound, hedge and missing field."""
    budanov = {"claimant": "Kyrylo Budanov", "claimant_org": "HUR", "claimant_country": "Ukraine"}
    nis = {"claimant": "National Intelligence Service", "claimant_org": "NIS", "claimant_country": "South Korea"}
    pentagon = {"claimant": "Pentagon", "claimant_org": "Department of Defense", "claimant_country": "United States"}
    blitz = {"outlet": "Weekly Blitz", "published": "2024-10-23", "title": "Troops in Russia"}
    politico = {"outlet": "POLITICO", "published": "2024-10-23", "url": "https://example.org/politico"}
    times = {"outlet": "Times", "published": "2024-10-19", "url": "https://example.org/times"}
    return [
        _claim("a", 10, "2,600", value=2600.0, unit="soldiers", claim_date="2024-10-23", **budanov, **blitz),
        _claim("a", 90, "up to 6,000", value=6000.0, high=6000.0, qualifier="up to", unit="troops",
               claim_date="2024-10-23", hedge="projected", **budanov, **blitz),
        _claim("b", 12, "four", value=4.0, unit="brigades", category="military_units", claim_date="2024-10-18", **nis, **politico),
        _claim("b", 40, "12,000", value=12000.0, unit="troops", claim_date="2024-10-18", **nis, **politico),
        _claim("c", 5, "12,000", value=12000.0, unit="troops", **nis, **times),
        _claim("b", 70, "about 3,000", value=3000.0, approx=True, qualifier="about", unit="personnel",
               hedge="estimated", **pentagon, **politico),
        _claim("c", 60, "between 1,500 and 3,000", low=1500.0, high=3000.0, unit="troops", claim_date="2024-10-18",
               **pentagon, **times),
        _claim("c", 99, "at least 1,000", value=1000.0, low=1000.0, qualifier="at least", unit="troops", **times),
        _claim("a", 150, "tens of thousands", low=10000.0, approx=True, unit="deaths", category="casualties",
               hedge="reported", **blitz),
        _claim("d", 3, "1,500", value=1500.0, unit="troops", sentence=HOSTILE_SENTENCE, claimant=HOSTILE_CLAIMANT,
               claimant_country="Nowhere", outlet=HOSTILE_OUTLET, claim_date="2024-10-20"),
        _claim("d", 50, "10,000", value=10000.0, unit="soldiers", hedge="denied", outlet="Undated Wire"),
    ]


def large_records(rows: int, *, seed: int = 7) -> list[dict[str, object]]:
    """Many claims from many claimants over a year, for the row-limit paths."""
    rng = random.Random(seed)
    claimants = [f"Claimant {number}" for number in range(60)]
    records = []
    for index in range(rows):
        value = float(rng.choice([10, 100, 1_000, 10_000]) * rng.randint(1, 9))
        kind = rng.random()
        bounds = {"value": value}
        if kind < 0.1:
            bounds = {"low": value, "high": value * 2}
        elif kind < 0.2:
            bounds = {"value": value, "high": value, "qualifier": "up to"}
        day = pd.Timestamp("2024-01-01") + pd.Timedelta(days=rng.randint(0, 365))
        records.append(_claim(
            f"doc{index // 5:05d}", index, f"{value:,.0f}", unit="troops", claimant=rng.choice(claimants),
            claimant_country=rng.choice(["Ukraine", "Russia", "United States", None]),
            outlet=f"Outlet {rng.randint(0, 30)}", published=day.date().isoformat(),
            claim_date=day.date().isoformat() if rng.random() < 0.7 else None, **bounds))
    return records


@pytest.fixture
def sample_claims() -> pd.DataFrame:
    return claims_frame(sample_records())


@pytest.fixture
def one_claim() -> pd.DataFrame:
    return claims_frame(sample_records()[:1])


@pytest.fixture(scope="session")
def many_claims() -> pd.DataFrame:
    return claims_frame(large_records(6_000))


@pytest.fixture(scope="session")
def sample_claims_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("claims") / "claims.parquet"
    write_claims(claims_frame(sample_records()), path)
    return path


@pytest.fixture(scope="session")
def built_reports(tmp_path_factory: pytest.TempPathFactory, sample_claims_path: Path) -> Path:
    """Every run of notebooks/runs.json executed on the sample claims (hostile text included)."""
    from extract import reports

    out = tmp_path_factory.mktemp("reports")
    outcomes = reports.build_reports(claims_path=sample_claims_path, out_dir=out, runs=reports.load_runs(reports.RUNS_FILE),
                                     jobs=2, echo=False)
    failures = [f"{outcome.run.name}: {outcome.error}" for outcome in outcomes if outcome.error]
    assert not failures, failures
    return out


class _Loads(HTMLParser):
    """Every URL an HTML document would load by itself (not links a reader clicks)."""

    LOADING = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src", "embed": "src",
               "object": "data", "video": "src", "audio": "src", "frame": "src"}

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script"
        wanted = self.LOADING.get(tag)
        self.urls += [value or "" for name, value in attrs if name == wanted]
        self.urls += [value or "" for name, value in attrs if name == "style" and "url(" in (value or "")]


def loaded_urls(document: str) -> list[str]:
    """URLs fetched on opening the document: script/link/img/... sources (the
    parser skips script contents, as a browser does)."""
    parser = _Loads()
    parser.feed(document)
    return parser.urls


def remote(urls: list[str]) -> list[str]:
    return [url for url in urls if not url.startswith("data:")]


# Bad inputs (issue 6): the committed text cases plus the binary and odd-encoding files generated here.
BAD_INPUTS = Path(__file__).parent / "fixtures" / "bad_inputs"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


@pytest.fixture
def bad_corpus(tmp_path: Path) -> Path:
    """A folder with every bad-input case beside usable articles.

    Committed in tests/fixtures/bad_inputs/: empty and blank files, HTML without
    main text, a JSONL with broken lines, and a manifest with an untidy header,
    an unknown column, a bad date, a row naming no file and a row with no file.
    Generated here, as bytes no editor or git should touch: UTF-8 with BOM,
    UTF-16 with BOM, cp1252, UTF-8 with one damaged byte, a BOM alone, a PNG
    named .txt, a UTF-16 JSONL, a binary JSONL, a JSONL line nested too deeply,
    and a file name that is not UTF-8.
    """
    import codecs
    import os
    import shutil

    corpus = tmp_path / "bad_inputs"
    shutil.copytree(BAD_INPUTS, corpus)
    (corpus / "utf8_bom.txt").write_bytes(codecs.BOM_UTF8 + "Officials said 1,200 homes were damaged.".encode())
    (corpus / "utf16.txt").write_text("The ministry said 450 people were evacuated.", encoding="utf-16")
    (corpus / "cp1252.txt").write_bytes("The café owner said 75 people – mostly tourists – were hurt.".encode("cp1252"))
    (corpus / "damaged_utf8.txt").write_bytes(
        "The fund’s director said it had raised €5 million".encode() + b"\x92" + " for the school.".encode()
    )
    (corpus / "bom_only.txt").write_bytes(codecs.BOM_UTF8)
    (corpus / "image.txt").write_bytes(PNG_HEADER + bytes(range(256)))
    (corpus / "utf16.jsonl").write_text('{"id": "w16", "text": "The council said 60 trees were felled."}\n', encoding="utf-16")
    (corpus / "binary.jsonl").write_bytes(b"\x00\x01\x02" * 100)
    (corpus / "nested.jsonl").write_text('{"id": "n1", "text": "Police said 700 cars were stopped."}\n' + "[" * 100_000 + "\n")
    (corpus / os.fsdecode(b"caf\xe9.txt")).write_text("Firefighters said 14 flats were destroyed.")
    return corpus

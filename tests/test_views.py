"""Loading, filtering and summarising the claims table for notebooks."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from extract import views
from extract.charts import NO_CLAIMANT
from extract.table import empty_claims, write_claims

from conftest import HOSTILE_CLAIMANT, HOSTILE_SENTENCE


@pytest.mark.parametrize(("filters", "expected_ids"), [
    ({"category": "military_units"}, {"b-12"}),
    ({"category": "PERSONNEL", "unit": "soldiers"}, {"a-10", "d-50"}),
    ({"claimants": ["kyrylo budanov"]}, {"a-10", "a-90"}),
    ({"claimants": ["NIS"]}, {"b-12", "b-40", "c-5"}),  # matches claimant_org too
    ({"claimants": [NO_CLAIMANT]}, {"c-99", "a-150", "d-50"}),
    ({"date_from": "2024-10-20", "date_to": "2024-10-20"}, {"d-3"}),
    # no claim date: filtered on the published date; undated claims never match a date filter
    ({"date_from": "2024-10-23"}, {"a-10", "a-90", "a-150", "b-70"}),
    ({"category": "casualties", "claimants": ["Pentagon"]}, set()),
])
def test_filter_claims(sample_claims: pd.DataFrame, filters: dict, expected_ids: set[str]) -> None:
    assert set(views.filter_claims(sample_claims, **filters)["claim_id"]) == expected_ids


def test_filter_claims_without_filters_keeps_everything(sample_claims: pd.DataFrame) -> None:
    assert len(views.filter_claims(sample_claims, category="", claimants=[], date_from="")) == len(sample_claims)


@pytest.mark.parametrize(("filters", "message"), [
    ({"category": "weather"}, "unknown category 'weather'"),
    ({"date_from": "last week"}, "date_from 'last week' is not an ISO date"),
])
def test_filter_claims_rejects_bad_filters(sample_claims: pd.DataFrame, filters: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        views.filter_claims(sample_claims, **filters)


def test_known_categories_come_from_the_taxonomy() -> None:
    names = views.known_categories()
    assert {"personnel", "military_units", "casualties", "money", "percent", "other"} <= set(names)
    assert "person" not in names and "reference" not in names


@pytest.mark.parametrize(("claims", "filters", "empty", "start"), [
    ("sample", {"category": "personnel"}, False, "9 of 11 claims matching category personnel."),
    ("sample", {"category": "casualties", "claimants": ["Nobody"]}, True, "No claims match the filters (category casualties; claimants Nobody)"),
    ("sample", {"category": "weather"}, True, "Nothing to show: unknown category 'weather'"),
    ("sample", {"date_to": "2024-13-45"}, True, "Nothing to show: date_to"),
    ("empty", {}, True, "The claims table is empty"),
])
def test_select_claims_says_what_it_kept(sample_claims: pd.DataFrame, claims: str, filters: dict, empty: bool,
                                         start: str) -> None:
    table = sample_claims if claims == "sample" else empty_claims()
    selection = views.select_claims(table, **filters)
    assert selection.empty is empty
    assert selection.message.startswith(start), selection.message
    assert list(selection.claims.columns) == list(table.columns)


def test_claims_by(sample_claims: pd.DataFrame) -> None:
    table = views.claims_by(sample_claims)
    assert table.loc["total", "total"] == len(sample_claims)
    assert table.loc[NO_CLAIMANT, "total"] == 3
    assert table.loc["National Intelligence Service", "military_units"] == 1
    assert views.claims_by(empty_claims()).empty and views.claims_by(empty_claims()).index.name == "claimant"


def test_data_quality(sample_claims: pd.DataFrame) -> None:
    loaded = views.Loaded(sample_claims, "test", documents=6, skipped=[{"file": "x.bin", "line": None, "reason": "binary"}])
    quality = views.data_quality(loaded)["value"]
    assert quality["documents read"] == "6" and quality["documents skipped"] == "1"
    assert quality["claims"] == "11"
    assert quality["claims without claimant (outlet's own)"] == "3"
    assert quality["claims without claim date (dated by publication)"] == "4"
    assert quality["claims without any date"] == "1"
    assert quality["ranges or open-ended bounds"] == "4"
    unknown = views.data_quality(views.Loaded(sample_claims, "test"))["value"]
    assert unknown["documents read"].startswith("unknown")


def test_load_claims_reads_a_table_and_its_summary(tmp_path: Path, sample_claims: pd.DataFrame) -> None:
    path = tmp_path / "claims.parquet"
    write_claims(sample_claims, path)
    loaded = views.load_claims(path)
    assert len(loaded.claims) == len(sample_claims) and loaded.documents is None
    summary = {"documents": 9, "claims": 11, "skipped": [{"file": "a", "line": None, "reason": "empty file"}],
               "warnings": [{"file": "b", "line": 3, "reason": "odd date"}]}
    (tmp_path / "claims.summary.json").write_text(json.dumps(summary))  # as `python -m extract` writes it
    loaded = views.load_claims(str(path))
    assert loaded.documents == 9 and loaded.skipped[0]["reason"] == "empty file"
    problems = views.skipped_table(loaded)
    assert problems[["kind", "file", "reason"]].values.tolist() == [["skipped", "a", "empty file"], ["warning", "b", "odd date"]]
    assert problems["line"].tolist() == [pd.NA, 3]


def test_load_claims_counts_a_corpus_when_given(tmp_path: Path, sample_claims: pd.DataFrame) -> None:
    path = tmp_path / "claims.csv"
    write_claims(sample_claims, path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text("Officials said 3,000 troops arrived.")
    (corpus / "empty.txt").write_text("")
    loaded = views.load_claims(path, corpus)
    assert loaded.documents == 1
    assert [item["reason"] for item in loaded.skipped] == ["empty file"]


def test_load_claims_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no claims table at .*missing.parquet"):
        views.load_claims(tmp_path / "missing.parquet")
    with pytest.raises(FileNotFoundError, match="no corpus"):
        views.load_claims("", tmp_path / "nowhere")
    with pytest.raises(ValueError, match="set claims_path"):
        views.load_claims("", "")


def test_resolve_path_starts_relative_paths_at_the_root() -> None:
    assert views.resolve_path("reports/claims.parquet") == views.config.REPO_ROOT / "reports" / "claims.parquet"
    assert views.resolve_path("/tmp/x.csv") == Path("/tmp/x.csv")


def test_provenance_table(sample_claims: pd.DataFrame) -> None:
    table = views.provenance_table(sample_claims)
    assert len(table) == len(sample_claims)
    first = table.iloc[0]
    assert (first["claimant"], first["figure"], first["outlets carrying"]) == ("National Intelligence Service", "12,000", 2)
    assert set(table.loc[table["outlet"] == "Times", "link"]) == {"https://example.org/times"}
    assert views.provenance_table(empty_claims()).empty


def test_pick_category(sample_claims: pd.DataFrame) -> None:
    assert views.pick_category(sample_claims, "casualties") == ("casualties", "")
    chosen, note = views.pick_category(sample_claims, "")
    assert chosen == "personnel" and "most frequent" in note
    assert views.pick_category(empty_claims(), "") == (None, "")


def test_claimant_summary(sample_claims: pd.DataFrame) -> None:
    summary = views.claimant_summary(sample_claims).set_index("claimant")
    pentagon = summary.loc["Pentagon"]
    assert (pentagon["claims"], pentagon["lowest"], pentagon["highest"], pentagon["hedged"]) == (2, 1500.0, 3000.0, 1)
    budanov = summary.loc["Kyrylo Budanov"]  # "up to 6,000" bounds the top only
    assert (budanov["lowest"], budanov["highest"]) == (2600.0, 6000.0)
    assert views.claimant_summary(empty_claims()).empty


def test_as_html_escapes_text_and_links_only_urls() -> None:
    frame = pd.DataFrame({"sentence": [HOSTILE_SENTENCE, "ok"], "claimant": [HOSTILE_CLAIMANT, None],
                          "link": ["https://example.org/a", "javascript:alert(1)"], "value": [12000.0, 2.5]})
    html = views.as_html(frame)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;/script&gt;&lt;script&gt;" in html
    assert '<a href="https://example.org/a"' in html and 'href="javascript' not in html
    assert "12,000" in html and "2.5" in html and "&lt;NA&gt;" not in html
    cut = views.as_html(pd.concat([frame] * 3), max_rows=2)
    assert cut.count("<tr>") == 2 and "First 2 of 6 rows" in cut  # body rows; the header row has a style

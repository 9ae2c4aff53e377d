"""`python -m extract.reports`: runs, self-contained and inert HTML, failures."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from extract import config, reports

from conftest import HOSTILE_CLAIMANT, HOSTILE_OUTLET, HOSTILE_SENTENCE, loaded_urls, remote

NOTEBOOKS = sorted(path.stem for path in config.NOTEBOOKS_DIR.glob("*.ipynb"))


def test_every_notebook_runs_once_by_default() -> None:
    assert [run.name for run in reports.load_runs(None)] == NOTEBOOKS
    assert all(run.parameters == {} for run in reports.load_runs(None))


def test_the_runs_file_covers_every_notebook_and_adds_runs() -> None:
    runs = reports.load_runs(reports.RUNS_FILE)
    assert {run.notebook.stem for run in runs} == set(NOTEBOOKS)
    extra = next(run for run in runs if run.name == "military_units_by_claimant")
    assert extra.notebook.stem == "estimates_by_claimant" and extra.parameters["category"] == "military_units"


def write_runs(tmp_path: Path, runs: object) -> Path:
    path = tmp_path / "runs.json"
    path.write_text(json.dumps(runs))
    return path


@pytest.mark.parametrize(("runs", "message"), [
    ([], "expected {\"runs\": [...]}"),
    ({"runs": [{"name": "x"}]}, "run 1: 'notebook' must name a notebook"),
    ({"runs": [{"notebook": "nowhere.ipynb"}]}, "run 1: no notebook"),
    ({"runs": [{"notebook": "provenance", "name": "../escape"}]}, "'name' '../escape' must be"),
    ({"runs": [{"notebook": "provenance", "parameters": ["x"]}]}, "'parameters' must be an object"),
    ({"runs": [{"notebook": "provenance", "params": {}}]}, "unknown key(s) params"),
    ({"runs": [{"notebook": "provenance", "name": "claims_overview"}]}, "repeated: claims_overview"),
])
def test_invalid_runs_files_are_rejected(tmp_path: Path, runs: object, message: str) -> None:
    with pytest.raises(reports.ReportError, match=re.escape(message)):
        reports.load_runs(write_runs(tmp_path, runs))


def report_names() -> list[str]:
    return [run.name for run in reports.load_runs(reports.RUNS_FILE)]


def test_every_run_writes_its_report_and_charts(built_reports: Path) -> None:
    for name in report_names():
        assert (built_reports / f"{name}.html").is_file(), name
        charts = sorted(built_reports.glob(f"charts/{name}-*.html"))
        assert charts, name
        for chart in charts:
            assert chart.with_suffix(".svg").read_text().startswith("<svg")
            assert chart.with_suffix(".png").read_bytes().startswith(b"\x89PNG")
    assert (built_reports / "index.html").is_file()
    assert not (built_reports / "failed").exists()
    assert not list(built_reports.glob(".executing-*"))  # scratch folders removed
    assert not list(built_reports.rglob("*.tmp"))  # every write atomic


def html_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def test_html_is_self_contained(built_reports: Path) -> None:
    for path in html_files(built_reports):
        document = path.read_text(encoding="utf-8")
        assert remote(loaded_urls(document)) == [], path
        assert "Content-Security-Policy" in document and "default-src 'none'" in document, path


def test_hostile_text_is_escaped_everywhere(built_reports: Path) -> None:
    for path in [*html_files(built_reports), *sorted(built_reports.rglob("*.svg"))]:
        document = path.read_text(encoding="utf-8")
        for text in (HOSTILE_SENTENCE, HOSTILE_CLAIMANT, HOSTILE_OUTLET, "</script><script>window", "<img src=x"):
            assert text not in document, (path, text)
    overview = (built_reports / "claims_overview.html").read_text(encoding="utf-8")
    assert "&lt;/script&gt;&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in overview  # shown, as text
    assert "\\u003c/script\\u003e\\u003cscript\\u003ewindow.__pwned" in overview  # inside chart data


def test_reports_hide_code_and_show_prose(built_reports: Path) -> None:
    document = (built_reports / "estimates_by_claimant.html").read_text(encoding="utf-8")
    assert "<h1>Estimates by claimant</h1>" in document and "A dashed arrow" in document
    assert "charts.estimates_by_claimant(" not in document and "claims_path =" not in document
    assert "<title>Personnel estimates by claimant</title>" in document


def test_svg_exports_carry_no_script(built_reports: Path) -> None:
    for path in built_reports.rglob("*.svg"):
        text = path.read_text(encoding="utf-8")
        assert "<script" not in text and "href=\"http" not in text, path


def test_a_failing_notebook_fails_the_command_and_is_kept(tmp_path: Path, sample_claims_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.ipynb"
    cell = nbformat.v4.new_code_cell("claims_path = ''")
    cell.metadata["tags"] = ["parameters"]
    notebook = nbformat.v4.new_notebook(cells=[cell, nbformat.v4.new_code_cell("1 / 0")])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, broken)
    runs = write_runs(tmp_path, {"runs": [{"notebook": str(broken), "name": "broken"}]})
    out = tmp_path / "out"
    status = reports.main(["--claims", str(sample_claims_path), "--out", str(out), "--runs", str(runs), "--only", "broken"])
    assert status == 1
    errors = capsys.readouterr().err
    assert "FAILED broken (notebooks/broken.ipynb): ZeroDivisionError: division by zero" in errors
    kept = out / "failed" / "broken.ipynb"
    assert str(kept) in errors
    outputs = nbformat.read(kept, as_version=4).cells[-1].outputs
    assert outputs[0]["ename"] == "ZeroDivisionError"
    assert not (out / "broken.html").exists()


@pytest.mark.parametrize(("arguments", "message"), [
    (["--claims", "/nonexistent/claims.parquet"], "no claims table at /nonexistent/claims.parquet"),
    (["--runs", "/nonexistent/runs.json"], "no runs file at /nonexistent/runs.json"),
    (["--only", "nothing"], "unknown run name(s): nothing"),
])
def test_usage_errors_exit_2(arguments: list[str], message: str, sample_claims_path: Path, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--claims", str(sample_claims_path), "--out", str(tmp_path)]
    assert reports.main([*base, *arguments]) == 2
    assert message in capsys.readouterr().err


def test_save_chart_writes_nothing_without_a_folder(one_claim) -> None:
    from extract import charts

    assert reports.save_chart(charts.estimates_by_claimant(one_claim), "", "x") == {}
    with pytest.raises(ValueError, match="chart name"):
        reports.save_chart(charts.estimates_by_claimant(one_claim), "/tmp", "../x")

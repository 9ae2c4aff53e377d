"""Every notebook executed through papermill with small parameters, and what it wrote.

The runs share one pool of two kernels, so the module costs about as much as
its slowest half.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import papermill
import pytest

from extract import config
from extract.charts import VEGA_MIMETYPE, VEGALITE_MIMETYPE
from extract.table import empty_claims, write_claims

# case -> (notebook, parameters beyond claims_path / output_dir / run_name, charts written)
CASES = {
    "claims_overview": ("claims_overview", {}, ["by_claimant"]),
    "estimates_by_claimant": ("estimates_by_claimant", {"category": "personnel"}, ["by_claimant"]),
    "estimates_over_time": ("estimates_over_time", {"category": "personnel", "log_scale": True}, ["over_time"]),
    "provenance": ("provenance", {"top_claims": 5}, ["corroboration"]),
    "no_match": ("estimates_over_time", {"category": "casualties", "claimants": ["Nobody"]}, ["over_time"]),
    "unknown_category": ("estimates_by_claimant", {"category": "weather"}, ["by_claimant"]),
    "empty_table": ("claims_overview", {"empty": True}, ["by_claimant"]),
}


def execute(case: str, claims: Path, empty: Path, folder: Path) -> Path:
    notebook, parameters, _ = CASES[case]
    parameters = dict(parameters)
    table = empty if parameters.pop("empty", False) else claims
    output = folder / f"{case}.ipynb"
    papermill.execute_notebook(
        str(config.NOTEBOOKS_DIR / f"{notebook}.ipynb"), str(output), kernel_name="python3", progress_bar=False,
        cwd=str(config.REPO_ROOT), extra_arguments=["--IPKernelApp.log_level=ERROR"],
        parameters={"claims_path": str(table), "output_dir": str(folder / "charts"), "run_name": case, **parameters})
    return output


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory, sample_claims_path: Path) -> tuple[Path, dict[str, Path]]:
    folder = tmp_path_factory.mktemp("notebooks")
    empty = folder / "empty.parquet"
    write_claims(empty_claims(), empty)
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {case: pool.submit(execute, case, sample_claims_path, empty, folder) for case in CASES}
        return folder, {case: future.result() for case, future in futures.items()}


def outputs(path: Path) -> list[dict]:
    return [output for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code"
            for output in cell.get("outputs", [])]


def stdout(path: Path) -> str:
    return "".join(output["text"] for output in outputs(path) if output.get("name") == "stdout")


def chart_specs(path: Path) -> list[dict]:
    return [output["data"][VEGALITE_MIMETYPE] for output in outputs(path) if VEGALITE_MIMETYPE in output.get("data", {})]


def test_notebooks_are_committed_clean() -> None:
    for path in sorted(config.NOTEBOOKS_DIR.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        assert notebook.metadata.kernelspec.name == "python3", path
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        assert code[0].metadata.get("tags") == ["parameters"], path
        assert all(not cell.outputs and cell.execution_count is None for cell in code), path
        assert "claims_path = " in code[0].source and "output_dir = " in code[0].source


@pytest.mark.parametrize("case", list(CASES))
def test_notebook_runs_without_errors_and_writes_its_charts(executed, case: str) -> None:
    folder, paths = executed
    assert not [output for output in outputs(paths[case]) if output["output_type"] == "error"]
    specs = chart_specs(paths[case])
    assert len(specs) == len(CASES[case][2])
    assert all(VEGA_MIMETYPE in output["data"] for output in outputs(paths[case]) if VEGALITE_MIMETYPE in output.get("data", {}))
    for chart in CASES[case][2]:
        for suffix in ("html", "svg", "png"):
            assert (folder / "charts" / f"{case}-{chart}.{suffix}").is_file()


@pytest.mark.parametrize(("case", "message"), [
    ("claims_overview", "11 of 11 claims."),
    ("estimates_by_claimant", "9 of 11 claims matching category personnel."),
    ("provenance", "11 of 11 claims."),
    ("no_match", "No claims match the filters (category casualties; claimants Nobody); the table holds 11 claims."),
    ("unknown_category", "Nothing to show: unknown category 'weather'; known categories: "),
    ("empty_table", "The claims table is empty"),
])
def test_notebook_says_what_it_shows(executed, case: str, message: str) -> None:
    assert message in stdout(executed[1][case])


@pytest.mark.parametrize("case", ["no_match", "unknown_category", "empty_table"])
def test_nothing_to_show_draws_a_message_not_a_traceback(executed, case: str) -> None:
    (spec,) = chart_specs(executed[1][case])
    assert spec["mark"]["type"] == "text"


def test_overview_tables(executed) -> None:
    html = "".join(output["data"].get("text/html", "") for output in outputs(executed[1]["claims_overview"])
                   if "data" in output)
    assert "documents with at least one claim" in html and "National Intelligence Service" in html
    assert "&lt;/script&gt;&lt;script&gt;" in html and "</script><script>" not in html


def test_log_scale_parameter_reaches_the_chart(executed) -> None:
    (spec,) = chart_specs(executed[1]["estimates_over_time"])
    assert any(layer["encoding"]["y"]["scale"].get("type") == "log" for layer in spec["layer"])

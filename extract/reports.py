"""Run the notebooks and export shareable, offline, safe reports.

    python -m extract.reports --claims reports/claims.parquet --out reports

Every notebook in `notebooks/` runs once under its own name; the runs file
(`notebooks/runs.json` by default) sets their parameters and adds more runs.
Each run writes `<out>/<name>.html` (prose and charts, code hidden) and, from
inside the notebook, each chart alone as `<out>/charts/<name>-<chart>.html`,
`.svg` and `.png`. A notebook that fails leaves its executed copy in
`<out>/failed/<name>.ipynb`, and the command exits non-zero naming it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

from . import config, pages
from .charts import vegalite_version
from .table import write_atomically

RUNS_FILE = config.NOTEBOOKS_DIR / "runs.json"
KERNEL_NAME = "python3"
CELL_TIMEOUT_SECONDS = 600
PNG_SCALE = 2.0
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class ReportError(Exception):
    """The reports cannot be built as asked (bad runs file, missing input)."""


@dataclass(frozen=True)
class Run:
    """One execution of a notebook: its report name and its parameters."""

    name: str
    notebook: Path
    parameters: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    """What one run produced, or why it failed."""

    run: Run
    seconds: float
    report: Path | None = None
    failed_notebook: Path | None = None
    error: str | None = None


def _write_text(path: Path, text: str) -> None:
    write_atomically(path, lambda target: target.write_text(text, encoding="utf-8"))


def _write_bytes(path: Path, data: bytes) -> None:
    write_atomically(path, lambda target: target.write_bytes(data))


def save_chart(chart: object, directory: str | Path | None, name: str) -> dict[str, Path]:
    """Write a chart alone as `<name>.html` (self-contained, safe), `.svg` and `.png`.

    Args:
        chart: an Altair chart (anything with `to_dict()`).
        directory: where to write; empty or None writes nothing (a notebook
            opened by hand without an output folder).
        name: the file stem, e.g. "estimates_by_claimant-by_claimant".

    Returns:
        The paths written, by format.

    Raises:
        ValueError: the name is not a plain file stem.
    """
    if not directory:
        return {}
    if not _NAME.match(name):
        raise ValueError(f"chart name {name!r} must be letters, digits, '_', '-' or '.'")
    import vl_convert

    directory = Path(directory)
    spec = chart.to_dict()  # type: ignore[attr-defined]
    title = spec.get("title")
    title = title.get("text") if isinstance(title, Mapping) else title
    paths = {suffix: directory / f"{name}.{suffix}" for suffix in ("html", "svg", "png")}
    _write_text(paths["html"], pages.chart_page(spec, str(title or name)))
    _write_text(paths["svg"], vl_convert.vegalite_to_svg(spec, vl_version=vegalite_version()))
    _write_bytes(paths["png"], vl_convert.vegalite_to_png(spec, vl_version=vegalite_version(), scale=PNG_SCALE))
    return paths


def _check_run(entry: object, position: int, runs_file: Path, notebooks_dir: Path) -> Run:
    where = f"{runs_file}: run {position}"
    if not isinstance(entry, Mapping):
        raise ReportError(f"{where}: expected an object with 'notebook', 'name' and 'parameters'")
    notebook = entry.get("notebook")
    if not isinstance(notebook, str) or not notebook:
        raise ReportError(f"{where}: 'notebook' must name a notebook in {notebooks_dir}")
    path = notebooks_dir / (notebook if notebook.endswith(".ipynb") else f"{notebook}.ipynb")
    if not path.is_file():
        raise ReportError(f"{where}: no notebook {path}")
    name = entry.get("name", path.stem)
    if not isinstance(name, str) or not _NAME.match(name):
        raise ReportError(f"{where}: 'name' {name!r} must be letters, digits, '_', '-' or '.'")
    parameters = entry.get("parameters", {})
    if not isinstance(parameters, Mapping):
        raise ReportError(f"{where}: 'parameters' must be an object")
    unknown = set(entry) - {"notebook", "name", "parameters", "description"}
    if unknown:
        raise ReportError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    return Run(name, path, dict(parameters))


def load_runs(runs_file: Path | None = None, notebooks_dir: Path = config.NOTEBOOKS_DIR) -> list[Run]:
    """The runs to execute: those listed in the runs file, then a default run
    for every notebook the file does not mention.

    Raises:
        ReportError: the runs file is unreadable or invalid, or names repeat.
    """
    listed: list[Run] = []
    if runs_file is not None:
        try:
            document = json.loads(runs_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ReportError(f"{runs_file}: cannot read runs file ({error})") from error
        entries = document.get("runs") if isinstance(document, Mapping) else None  # other keys are comments
        if not isinstance(entries, list):
            raise ReportError(f"{runs_file}: expected {{\"runs\": [...]}}")
        listed = [_check_run(entry, position, runs_file, notebooks_dir) for position, entry in enumerate(entries, start=1)]
    mentioned = {run.notebook.resolve() for run in listed}
    defaults = [Run(path.stem, path) for path in sorted(notebooks_dir.glob("*.ipynb")) if path.resolve() not in mentioned]
    runs = [*listed, *defaults]
    names = [run.name for run in runs]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ReportError(f"{runs_file}: run names must be unique; repeated: {', '.join(repeated)}")
    return runs


def _report_title(notebook: Mapping[str, object], run: Run) -> str:
    title = run.parameters.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", "")).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return run.name


def _parameters_text(parameters: Mapping[str, object]) -> str:
    return ", ".join(f"{key}={json.dumps(value, ensure_ascii=False)}" for key, value in parameters.items())


def execute_run(run: Run, *, claims_path: Path | None, corpus_path: Path | None, out_dir: Path,
                timeout: int = CELL_TIMEOUT_SECONDS) -> Outcome:
    """Execute one notebook with papermill and export its report.

    The runner sets `claims_path` and `corpus_path` (a run may override them),
    `output_dir` (`<out>/charts`) and `run_name`.
    """
    import nbformat
    import papermill

    started = time.perf_counter()
    parameters = {
        "claims_path": str(claims_path) if claims_path else "",
        "corpus_path": str(corpus_path) if corpus_path else "",
        **run.parameters,
        "output_dir": str(out_dir / "charts"),
        "run_name": run.name,
    }
    failed_path = out_dir / "failed" / f"{run.name}.ipynb"
    with tempfile.TemporaryDirectory(prefix=".executing-", dir=out_dir) as scratch:
        executed = Path(scratch) / f"{run.name}.ipynb"
        try:
            papermill.execute_notebook(
                str(run.notebook), str(executed), parameters=parameters, kernel_name=KERNEL_NAME,
                progress_bar=False, cwd=str(config.REPO_ROOT), execution_timeout=timeout,
                # ipykernel warns on every start that local TCP is unencrypted; errors still show.
                extra_arguments=["--IPKernelApp.log_level=ERROR"],
            )
        except Exception as error:  # papermill raises its own error for a failing cell, others for a dead kernel
            failed_path.parent.mkdir(parents=True, exist_ok=True)
            if executed.is_file():
                shutil.move(str(executed), failed_path)
            return Outcome(run, time.perf_counter() - started, failed_notebook=failed_path if failed_path.is_file() else None,
                           error=_describe_error(error))
        notebook = nbformat.read(executed, as_version=4)
    title = _report_title(notebook, run)
    footer = (f"Report {run.name}, from notebooks/{run.notebook.name}, generated "
              f"{dt.datetime.now().astimezone().isoformat(timespec='seconds')} with {_parameters_text(parameters)}.")
    report = out_dir / f"{run.name}.html"
    _write_text(report, pages.notebook_page(notebook, title, footer=footer))
    failed_path.unlink(missing_ok=True)
    return Outcome(run, time.perf_counter() - started, report=report)


def _describe_error(error: Exception) -> str:
    name = getattr(error, "ename", None)
    if name:
        cell = getattr(error, "exec_count", None)
        where = f" in cell [{cell}]" if cell is not None else ""
        return f"{name}: {getattr(error, 'evalue', '')}{where}"
    return f"{type(error).__name__}: {error}"


def index_page(outcomes: Sequence[Outcome], out_dir: Path) -> str:
    """A page linking every report and chart file (relative links, offline)."""
    items = []
    for outcome in outcomes:
        name = html.escape(outcome.run.name)
        if outcome.report is not None:
            charts = sorted((out_dir / "charts").glob(f"{outcome.run.name}-*.html"))
            links = " ".join(f'<a href="charts/{html.escape(path.name)}">{html.escape(path.stem)}</a>' for path in charts)
            items.append(f'<li><a href="{name}.html">{name}</a>{" &middot; charts: " + links if links else ""}</li>')
        else:
            items.append(f"<li>{name}: failed ({html.escape(outcome.error or '')})</li>")
    return pages.page("Claims reports", [f"<h1>Claims reports</h1><ul>{''.join(items)}</ul>"])


def build_reports(*, claims_path: Path | None, out_dir: Path, runs: Sequence[Run], corpus_path: Path | None = None,
                  jobs: int = 1, timeout: int = CELL_TIMEOUT_SECONDS, echo: bool = True) -> list[Outcome]:
    """Execute every run (in `jobs` parallel kernels) and write the reports and an index."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "charts").mkdir(exist_ok=True)

    def one(run: Run) -> Outcome:
        outcome = execute_run(run, claims_path=claims_path, corpus_path=corpus_path, out_dir=out_dir, timeout=timeout)
        if echo:
            print(_outcome_line(outcome), file=sys.stdout if outcome.error is None else sys.stderr, flush=True)
        return outcome

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        outcomes = list(pool.map(one, runs))
    _write_text(out_dir / "index.html", index_page(outcomes, out_dir))
    return outcomes


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{size / 1000:.0f} kB"


def _outcome_line(outcome: Outcome) -> str:
    if outcome.report is not None:
        return f"wrote {outcome.report} ({_size(outcome.report)}) in {outcome.seconds:.1f} s"
    kept = f"; executed notebook kept at {outcome.failed_notebook}" if outcome.failed_notebook else ""
    return f"FAILED {outcome.run.name} (notebooks/{outcome.run.notebook.name}): {outcome.error}{kept}"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m extract.reports",
        description="Run every notebook in notebooks/ with papermill and export self-contained, offline HTML reports "
                    "(code hidden) plus each chart alone as HTML, SVG and PNG.")
    parser.add_argument("--claims", type=Path, default=config.REPORTS_DIR / "claims.parquet",
                        help="claims table the notebooks read (.parquet, .csv or .jsonl; default: %(default)s)")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="the articles behind the table, to count documents read and skipped when the table has "
                             "no claims.summary.json beside it")
    parser.add_argument("--out", type=Path, default=config.REPORTS_DIR,
                        help="output folder for <name>.html, charts/ and failed/ (default: %(default)s)")
    parser.add_argument("--runs", type=Path, default=None,
                        help=f"runs file (JSON) with each run's notebook, name and parameters (default: {RUNS_FILE} "
                             "when it exists); notebooks it does not list run once with their defaults")
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        help="run only this run name (repeatable)")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks executed in parallel (default: %(default)s)")
    parser.add_argument("--timeout", type=int, default=CELL_TIMEOUT_SECONDS,
                        help="seconds a notebook cell may run (default: %(default)s)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_args(argv)
    started = time.perf_counter()
    try:
        if not arguments.claims.is_file():
            raise ReportError(f"no claims table at {arguments.claims}; run `make claims` (or python -m extract -o {arguments.claims})")
        if arguments.corpus is not None and not arguments.corpus.exists():
            raise ReportError(f"no corpus at {arguments.corpus}")
        runs_file = arguments.runs if arguments.runs is not None else (RUNS_FILE if RUNS_FILE.is_file() else None)
        if runs_file is not None and not runs_file.is_file():
            raise ReportError(f"no runs file at {runs_file}")
        runs = load_runs(runs_file)
        if arguments.only:
            unknown = sorted(set(arguments.only) - {run.name for run in runs})
            if unknown:
                raise ReportError(f"unknown run name(s): {', '.join(unknown)}; known: {', '.join(run.name for run in runs)}")
            runs = [run for run in runs if run.name in arguments.only]
        if not runs:
            raise ReportError(f"no notebooks in {config.NOTEBOOKS_DIR}")
    except ReportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    outcomes = build_reports(claims_path=arguments.claims.resolve(), corpus_path=arguments.corpus.resolve() if arguments.corpus else None,
                             out_dir=arguments.out.resolve(), runs=runs, jobs=arguments.jobs, timeout=arguments.timeout)
    failed = [outcome for outcome in outcomes if outcome.error is not None]
    print(f"{len(outcomes) - len(failed)} report(s) written to {arguments.out}, {len(failed)} failed, "
          f"in {time.perf_counter() - started:.1f} s", file=sys.stderr if failed else sys.stdout)
    for outcome in failed:
        print(_outcome_line(outcome), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

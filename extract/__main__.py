"""Command line: python -m extract [PATH ...] -o OUT [-o OUT ...] [--workers N | --scheduler ADDRESS]

An OUT without an extension (-o out/claims) is a folder holding a partitioned
Parquet dataset: partitions are written as they finish, and a run that was
stopped resumes, skipping the partitions already there. --workers N runs on a
local Dask cluster of N processes, --scheduler on an existing one.

Beside each OUT, <stem>.errors.csv lists the skipped documents and the
warnings (file, line, kind, reason) and <stem>.summary.json counts them.
A warning (a manifest row naming no file, a date that is not a date) is
reported but does not skip a document, so it does not change the exit code.

Exit codes:
    0    every document was used
    1    some documents were skipped (listed in OUT's .errors.csv and on stderr)
    2    nothing could be used, or the arguments are wrong (missing path, unknown
         output format, unreadable manifest, output that cannot be written)
    130  interrupted; every output is either complete or as it was before (a
         dataset folder keeps its finished partitions)
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from . import config
from .distributed import PARTITION_GLOB, PartitionedExtraction, extract_partitioned
from .documents import InputError, Skipped
from .table import FORMATS, write_atomically, write_claims

if TYPE_CHECKING:
    from .pipeline import Extraction

EXIT_OK, EXIT_SKIPPED, EXIT_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 130


def errors_path(output: Path) -> Path:
    """Where the skipped documents of an output are listed: claims.csv -> claims.errors.csv."""
    return output.with_name(f"{output.stem}.errors.csv")


def summary_path(output: Path) -> Path:
    """Where the counts of an output are kept: claims.csv -> claims.summary.json."""
    return output.with_name(f"{output.stem}.summary.json")


def _problem(item: Skipped) -> dict[str, object]:
    return {"file": item.file, "line": item.line, "reason": item.reason}


def is_dataset(output: Path) -> bool:
    """Whether an output names a partitioned Parquet dataset folder (no extension) rather than a file."""
    return output.suffix == ""


def claim_count(result: Extraction | PartitionedExtraction) -> int:
    """Claims found, whether the table was collected or only written to a dataset folder."""
    return result.claim_count if isinstance(result, PartitionedExtraction) else len(result.claims)


def write_errors(result: Extraction | PartitionedExtraction, path: Path) -> None:
    """The skipped documents, then the warnings, as CSV (header only when none)."""
    def write(target: Path) -> None:
        with target.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["file", "line", "kind", "reason"])
            for kind, items in (("skipped", result.skipped), ("warning", result.warnings)):
                writer.writerows([item.file, "" if item.line is None else item.line, kind, item.reason] for item in items)

    write_atomically(path, write)


def write_summary(result: Extraction | PartitionedExtraction, path: Path) -> None:
    """Documents read, claims found, and what was skipped or warned about, as JSON."""
    summary = {
        "documents": result.documents,
        "claims": claim_count(result),
        "skipped": [_problem(item) for item in result.skipped],
        "warnings": [_problem(item) for item in result.warnings],
    }
    text = json.dumps(summary, indent=2, ensure_ascii=False) + "\n"
    write_atomically(path, lambda target: target.write_text(text, encoding="utf-8"))


def output_problem(output: Path, inputs: list[Path]) -> str | None:
    """Why an output path cannot be used, or None when it can."""
    if is_dataset(output):
        if output.exists() and not output.is_dir():
            return f"{output}: exists and is not a folder; a name without an extension is a Parquet dataset folder"
        if output.is_dir():
            foreign = sorted(path.name for path in output.iterdir()
                             if not path.name.startswith(".") and not path.match(PARTITION_GLOB))
            if foreign:
                return (f"{output}: holds files that are not claims partitions ({', '.join(foreign[:3])}"
                        f"{', ...' if len(foreign) > 3 else ''}); give a new or empty folder")
        return None
    if output.suffix.lower() not in FORMATS:
        return (f"{output}: unknown output format; use one of {', '.join(FORMATS)}, or a name without an extension "
                f"for a Parquet dataset folder")
    if output.suffix.lower() in config.DOCUMENT_SUFFIXES:
        target = output.resolve()
        for given in inputs:
            if target == given.resolve() or given.resolve() in target.parents:
                return f"{output}: inside the input {given}, so the next run would read it as articles; write it elsewhere"
    return None


def parser() -> argparse.ArgumentParser:
    command = argparse.ArgumentParser(
        prog="python -m extract",
        description="Extract numeric claims (figure, unit, claimant, dates, hedge, provenance) from news articles "
                    "into a table.",
        epilog=__doc__.split("\n", 2)[2],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("paths", nargs="*", type=Path, default=[config.SEEDS_DIR],
                         help="article files or folders: .txt, .md, .html/.htm, .jsonl (default: seeds/)")
    command.add_argument("-o", "--output", action="append", type=Path,
                         help=f"output table, format from the extension ({', '.join(FORMATS)}); repeat for several "
                              f"(default: {config.DEFAULT_OUTPUT.relative_to(config.REPO_ROOT)})")
    command.add_argument("--manifest", type=Path,
                         help="a CSV with a 'file' column (and title, outlet, url, published) for all paths; "
                              "by default each folder's manifest.csv is used")
    command.add_argument("--no-progress", action="store_true", help="do not show a progress bar")
    engine = command.add_mutually_exclusive_group()
    engine.add_argument("--workers", type=_positive(int), metavar="N",
                        help="run on a local Dask cluster of N processes (one thread each)")
    engine.add_argument("--scheduler", metavar="ADDRESS",
                        help="run on an existing Dask cluster (tcp://host:8786); its workers must see the input and "
                             "output paths and import this package")
    command.add_argument("--partition-mb", type=_positive(float), metavar="MB",
                         help="input per partition (a task, a file of a dataset output): small files are grouped, "
                              "JSONL files cut at line starts (default: the corpus size / "
                              f"{config.PARTITIONS_WANTED}, rounded up to a power of two, from "
                              f"{config.PARTITION_BYTES_MIN // 1024} KiB to {config.PARTITION_BYTES_MAX // 2**20} MiB)")
    return command


def _positive(kind: Callable[[str], float]) -> Callable[[str], float]:
    """An argparse type: `kind` of the text, which must be greater than zero."""
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            value = 0
        if not (value > 0 and math.isfinite(value)):
            raise argparse.ArgumentTypeError(f"{text!r} is not a positive number")
        return value

    return parse


def _extract(arguments: argparse.Namespace, outputs: list[Path]) -> Extraction | PartitionedExtraction:
    """Extract in this process, or in partitions when there is a dataset output or a Dask cluster.

    Raises:
        InputError: a path is missing or a manifest is unreadable.
    """
    from tqdm import tqdm

    dataset = next((output for output in outputs if is_dataset(output)), None)
    if dataset is None and arguments.workers is None and arguments.scheduler is None:
        from .pipeline import extract_corpus  # spaCy is imported only where documents are read

        with tqdm(unit="doc", disable=arguments.no_progress or None, desc="documents", leave=False) as progress:
            return extract_corpus(arguments.paths, arguments.manifest, on_document=lambda _: progress.update())
    partition_bytes = None if arguments.partition_mb is None else max(1, round(arguments.partition_mb * 2**20))
    with tqdm(unit="B", unit_scale=True, disable=arguments.no_progress or None, desc="input", leave=False) as progress:
        return extract_partitioned(
            arguments.paths, arguments.manifest, output_dir=dataset, workers=arguments.workers,
            scheduler=arguments.scheduler, partition_bytes=partition_bytes,
            collect=any(not is_dataset(output) for output in outputs),
            on_partition=lambda partition, _: progress.update(partition.nbytes),
        )


def run(arguments: argparse.Namespace, outputs: list[Path]) -> int:
    """Extract, report and write every output; the exit code."""
    try:
        result = _extract(arguments, outputs)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    for item in result.skipped:
        print(f"skipped {item}", file=sys.stderr)
    for item in result.warnings:
        print(f"warning {item}", file=sys.stderr)
    for output in outputs:
        try:
            if not is_dataset(output):
                assert result.claims is not None  # collected whenever there is a file output
                write_claims(result.claims, output)
            write_errors(result, errors_path(output))
            write_summary(result, summary_path(output))
        except OSError as error:
            print(f"error: cannot write {output} ({error.strerror or error}); choose a writable output path",
                  file=sys.stderr)
            return EXIT_FAILED
    print(f"{result.documents} documents, {claim_count(result)} claims, {len(result.skipped)} skipped, "
          f"{len(result.warnings)} warnings -> {', '.join(map(str, outputs))}")
    if result.documents == 0:
        print("error: no document could be used; check the paths and the skipped reasons above", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_SKIPPED if result.skipped else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    outputs: list[Path] = arguments.output or [config.DEFAULT_OUTPUT]
    for output in outputs:
        problem = output_problem(output, arguments.paths)
        if problem is not None:
            print(f"error: {problem}", file=sys.stderr)
            return EXIT_FAILED
    datasets = [output for output in outputs if is_dataset(output)]
    if len(datasets) > 1:
        print(f"error: {', '.join(map(str, datasets))}: give at most one dataset folder (an output without an "
              f"extension)", file=sys.stderr)
        return EXIT_FAILED
    try:
        return run(arguments, outputs)
    except KeyboardInterrupt:
        print("interrupted; every output is either complete or as it was before", file=sys.stderr)
        for dataset in datasets:
            print(f"{dataset}: finished partitions are kept; run the same command again to resume", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())

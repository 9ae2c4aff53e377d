"""Command line: python -m extract [PATH ...] -o OUT [-o OUT ...]

Beside each OUT, <stem>.errors.csv lists the skipped documents and the
warnings (file, line, kind, reason) and <stem>.summary.json counts them.
A warning (a manifest row naming no file, a date that is not a date) is
reported but does not skip a document, so it does not change the exit code.

Exit codes:
    0    every document was used
    1    some documents were skipped (listed in OUT's .errors.csv and on stderr)
    2    nothing could be used, or the arguments are wrong (missing path, unknown
         output format, unreadable manifest, output that cannot be written)
    130  interrupted; every output is either complete or as it was before
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from . import config
from .documents import InputError, Skipped
from .pipeline import Extraction, extract_corpus
from .table import FORMATS, write_atomically, write_claims

EXIT_OK, EXIT_SKIPPED, EXIT_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 130


def errors_path(output: Path) -> Path:
    """Where the skipped documents of an output are listed: claims.csv -> claims.errors.csv."""
    return output.with_name(f"{output.stem}.errors.csv")


def summary_path(output: Path) -> Path:
    """Where the counts of an output are kept: claims.csv -> claims.summary.json."""
    return output.with_name(f"{output.stem}.summary.json")


def _problem(item: Skipped) -> dict[str, object]:
    return {"file": item.file, "line": item.line, "reason": item.reason}


def write_errors(result: Extraction, path: Path) -> None:
    """The skipped documents, then the warnings, as CSV (header only when none)."""
    def write(target: Path) -> None:
        with target.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["file", "line", "kind", "reason"])
            for kind, items in (("skipped", result.skipped), ("warning", result.warnings)):
                writer.writerows([item.file, "" if item.line is None else item.line, kind, item.reason] for item in items)

    write_atomically(path, write)


def write_summary(result: Extraction, path: Path) -> None:
    """Documents read, claims found, and what was skipped or warned about, as JSON."""
    summary = {
        "documents": result.documents,
        "claims": len(result.claims),
        "skipped": [_problem(item) for item in result.skipped],
        "warnings": [_problem(item) for item in result.warnings],
    }
    text = json.dumps(summary, indent=2, ensure_ascii=False) + "\n"
    write_atomically(path, lambda target: target.write_text(text, encoding="utf-8"))


def output_problem(output: Path, inputs: list[Path]) -> str | None:
    """Why an output path cannot be used, or None when it can."""
    if output.suffix.lower() not in FORMATS:
        return f"{output}: unknown output format; use one of {', '.join(FORMATS)}"
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
    return command


def run(arguments: argparse.Namespace, outputs: list[Path]) -> int:
    """Extract, report and write every output; the exit code."""
    from tqdm import tqdm

    with tqdm(unit="doc", disable=arguments.no_progress or None, desc="documents", leave=False) as progress:
        try:
            result = extract_corpus(arguments.paths, arguments.manifest, on_document=lambda _: progress.update())
        except InputError as error:
            print(f"error: {error}", file=sys.stderr)
            return EXIT_FAILED
    for item in result.skipped:
        print(f"skipped {item}", file=sys.stderr)
    for item in result.warnings:
        print(f"warning {item}", file=sys.stderr)
    for output in outputs:
        try:
            write_claims(result.claims, output)
            write_errors(result, errors_path(output))
            write_summary(result, summary_path(output))
        except OSError as error:
            print(f"error: cannot write {output} ({error.strerror or error}); choose a writable output path",
                  file=sys.stderr)
            return EXIT_FAILED
    print(f"{result.documents} documents, {len(result.claims)} claims, {len(result.skipped)} skipped, "
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
    try:
        return run(arguments, outputs)
    except KeyboardInterrupt:
        print("interrupted; every output is either complete or as it was before", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())

"""Command line: python -m extract [PATH ...] -o OUT [-o OUT ...]

Exit codes:
    0  every document was used
    1  some documents were skipped (listed in OUT's .errors.csv and on stderr)
    2  nothing could be used, or the arguments are wrong
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from . import config
from .documents import InputError, Skipped
from .pipeline import extract_corpus
from .table import FORMATS, write_atomically, write_claims

EXIT_OK, EXIT_SKIPPED, EXIT_FAILED = 0, 1, 2


def errors_path(output: Path) -> Path:
    """Where the skipped documents of an output are listed: claims.csv -> claims.errors.csv."""
    return output.with_name(f"{output.stem}.errors.csv")


def write_errors(skipped: list[Skipped], path: Path) -> None:
    """The skipped documents and their reasons, as CSV (header only when none)."""
    def write(target: Path) -> None:
        with target.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["file", "line", "reason"])
            writer.writerows([item.file, "" if item.line is None else item.line, item.reason] for item in skipped)

    write_atomically(path, write)


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


def main(argv: list[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    outputs: list[Path] = arguments.output or [config.DEFAULT_OUTPUT]
    for output in outputs:
        if output.suffix.lower() not in FORMATS:
            print(f"error: {output}: unknown output format; use one of {', '.join(FORMATS)}", file=sys.stderr)
            return EXIT_FAILED
    from tqdm import tqdm

    with tqdm(unit="doc", disable=arguments.no_progress or None, desc="documents", leave=False) as progress:
        try:
            result = extract_corpus(arguments.paths, arguments.manifest, on_document=lambda _: progress.update())
        except InputError as error:
            print(f"error: {error}", file=sys.stderr)
            return EXIT_FAILED
    for item in result.skipped:
        print(f"skipped {item}", file=sys.stderr)
    for output in outputs:
        write_claims(result.claims, output)
        write_errors(result.skipped, errors_path(output))
    print(f"{result.documents} documents, {len(result.claims)} claims, {len(result.skipped)} skipped -> "
          f"{', '.join(map(str, outputs))}")
    if result.documents == 0:
        print("error: no document could be used; check the paths and the skipped reasons above", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_SKIPPED if result.skipped else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

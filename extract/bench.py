"""Benchmark (`make bench`): quantulum3's `parse` against our extraction, and growth with corpus size.

    .venv/bin/python -m extract.bench [--mb 1] [--parts seeds,annotated,newsquant] [--workers 2]
                                      [--scale 1,4,16] [--scale-copies 1] [--baseline-copies 1]
                                      [--repeat 1] [--keep DIR]

The corpus is real text, written as one JSONL file, made of `--parts`: the
seed articles (`seeds`: real news, few sentences with a figure), the
development and held-out articles (`annotated`: invented, dense with figures;
both with their manifests' metadata), and, when ../shared holds it, the
NewsQuant test sentences grouped 20 to a document in file order (`newsquant`:
every sentence chosen for its quantities). That set (all three: 85 documents,
0.20 MB) is repeated, each copy with its own ids, until the corpus reaches
`--mb` megabytes of text.

Every run is a separate process timed whole, start-up included, on the same
file: quantulum3's `parser.parse` on each document's text (the baseline a user
would write), `python -m extract` in one process, and with `--workers 2`.
quantulum3 is timed on `--baseline-copies` copies of the set and its time
extrapolated per byte to the whole corpus (the copies are identical work); a
run on a one-sentence file gives its start-up cost, which is not scaled.
Peak memory is the process's maximum resident set (getrusage of the reaped
child); for Dask, the peak of the summed resident sets of the whole process
tree (client and scheduler, nannies, workers), sampled every 50 ms.

The growth series runs `python -m extract` in one process with a dataset
folder output (streamed to disk partition by partition) on 1x, 4x and 16x
`--scale-copies` copies of the set. At the defaults the benchmark takes about
five minutes on a 2-core machine; `--repeat 3` keeps the fastest of three runs
of each (the machine may be shared); `--scale-copies 8` makes 1x the 1 MB
corpus (16x is then 18 MB; the series alone takes about 15 minutes at today's speed).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from . import config
from .documents import Document, load_documents

NEWSQUANT = config.REPO_ROOT.parent / "shared" / "benchmarks" / "newsquant" / "formatted_test_set" / "NewsQuant.json"
NEWSQUANT_SENTENCES_PER_DOCUMENT = 20
ANNOTATED_SETS = ("devset", "devset2", "devset3", "devset4", "devset5", "heldout", "heldout3")
PARTS = ("seeds", "annotated", "newsquant")
MEMORY_SAMPLE_SECONDS = 0.05
STARVED_SHARE = 0.9  # a one-process run with less CPU time than this share of its wall time shared the CPU
MUST_SHOW = {"vs_quantulum": 3.0, "workers": 1.6, "time_growth": 1.2, "memory_growth": 1.3}

QUANTULUM_SCRIPT = """
import json, sys, warnings
warnings.filterwarnings("ignore")
from quantulum3 import parser
found = 0
with open(sys.argv[1], encoding="utf-8") as handle:
    for line in handle:
        found += len(parser.parse(json.loads(line)["text"]))
print(found, "quantities")
"""


@dataclass(frozen=True)
class Corpus:
    path: Path
    documents: int
    text_bytes: int

    @property
    def megabytes(self) -> float:
        return self.text_bytes / 1e6


@dataclass(frozen=True)
class Measured:
    seconds: float
    cpu_seconds: float  # user and system time of the process and the children it reaped
    peak_rss_mb: float
    output: str


# --- corpus -----------------------------------------------------------------------------------------------------


def _record(document: Document) -> dict[str, object]:
    return {"id": document.doc_id, "text": document.text, "title": document.title, "outlet": document.outlet,
            "url": document.url, "published": document.published.isoformat() if document.published else None}


def base_records(parts: Sequence[str] = PARTS) -> Iterator[dict[str, object]]:
    """One copy of the real text of `parts`: seed articles, annotated articles, NewsQuant sentences in groups."""
    folders = ([("seeds", config.SEEDS_DIR)] if "seeds" in parts else []) + (
        [(name, config.REPO_ROOT / "tests" / name / "articles") for name in ANNOTATED_SETS] if "annotated" in parts else [])
    for name, folder in folders:
        for item in load_documents([folder]):
            if isinstance(item, Document):
                yield {**_record(item), "id": f"{name}/{item.doc_id}"}
    if "newsquant" in parts and NEWSQUANT.is_file():
        sentences = [entry["text"] for entry in json.loads(NEWSQUANT.read_text(encoding="utf-8"))]
        for number, start in enumerate(range(0, len(sentences), NEWSQUANT_SENTENCES_PER_DOCUMENT)):
            text = " ".join(sentences[start:start + NEWSQUANT_SENTENCES_PER_DOCUMENT])
            yield {"id": f"newsquant/{number:03d}", "text": text, "title": None, "outlet": None, "url": None,
                   "published": None}


def _composition(records: list[dict[str, object]]) -> str:
    """How many documents and KB each part gives ("seeds 5 docs 24 KB, devset 10 docs 20 KB, ...")."""
    parts: dict[str, list[int]] = {}
    for record in records:
        counts = parts.setdefault(str(record["id"]).split("/")[0], [0, 0])
        counts[0] += 1
        counts[1] += len(str(record["text"]).encode())
    return ", ".join(f"{name} {documents} docs {size / 1e3:.0f} KB" for name, (documents, size) in parts.items())


def write_corpus(path: Path, records: list[dict[str, object]], copies: int) -> Corpus:
    """`copies` copies of the records as JSONL, each copy with its own ids."""
    text_bytes = 0
    with path.open("w", encoding="utf-8") as handle:
        for copy in range(copies):
            for record in records:
                handle.write(json.dumps({**record, "id": f"copy{copy:03d}/{record['id']}"}, ensure_ascii=False) + "\n")
                text_bytes += len(str(record["text"]).encode())
    return Corpus(path, copies * len(records), text_bytes)


# --- measuring --------------------------------------------------------------------------------------------------


class _TreeSampler(threading.Thread):
    """Samples a process tree until stopped: the peak of its summed resident sets, each member's latest CPU time."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.stop = threading.Event()
        self.peak_rss = 0
        self.cpu_seconds: dict[int, float] = {}

    def run(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
            while not self.stop.is_set():
                total = 0
                for member in [root, *root.children(recursive=True)]:
                    try:
                        with member.oneshot():
                            total += member.memory_info().rss
                            times = member.cpu_times()
                    except psutil.Error:
                        continue  # exited between listing and reading
                    self.cpu_seconds[member.pid] = times.user + times.system
                self.peak_rss = max(self.peak_rss, total)
                self.stop.wait(MEMORY_SAMPLE_SECONDS)
        except psutil.Error:
            return  # the root exited


def measure(command: list[str], *, whole_tree: bool = False) -> Measured:
    """Wall time, CPU time and peak memory of a command run to completion from the repository root.

    For one process, CPU time and peak memory come from the resource usage of
    the reaped child; with `whole_tree`, from sampling the child and its
    descendants (Dask workers) every MEMORY_SAMPLE_SECONDS.

    Raises:
        RuntimeError: the command failed (exit codes 0 and 1 count as success).
    """
    # Files, not pipes: the child never blocks on a full pipe, and os.wait4 can reap it for its resource usage.
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=config.REPO_ROOT, stdout=out, stderr=err)
        sampler = _TreeSampler(child.pid)
        if whole_tree:
            sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        ended = time.perf_counter()
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here; Popen must not wait for it again
        sampler.stop.set()
        if whole_tree:
            sampler.join()
        out.seek(0)
        err.seek(0)
        output, errors = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if child.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} exited {child.returncode}:\n{errors[-2000:]}")
    cpu_seconds = usage.ru_utime + usage.ru_stime
    peak = usage.ru_maxrss * 1024  # ru_maxrss is in KiB on Linux
    if whole_tree:
        cpu_seconds, peak = max(cpu_seconds, sum(sampler.cpu_seconds.values())), sampler.peak_rss
    return Measured(ended - started, cpu_seconds, peak / 2**20, output.strip())


def best_of(repeat: int, command: list[str], *, whole_tree: bool = False, fresh: Path | None = None) -> Measured:
    """The fastest of `repeat` runs: other processes on a shared machine only ever add time.

    `fresh` is removed before each run (a dataset folder would otherwise be resumed, not redone).
    """
    runs = []
    for _ in range(max(1, repeat)):
        if fresh is not None:
            shutil.rmtree(fresh, ignore_errors=True)
        runs.append(measure(command, whole_tree=whole_tree))
    return min(runs, key=lambda run: run.seconds)


def quantulum_command(corpus: Corpus) -> list[str]:
    return [sys.executable, "-c", QUANTULUM_SCRIPT, str(corpus.path)]


def extract_command(corpus: Corpus, output: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "extract", str(corpus.path), "-o", str(output), "--no-progress", *options]


# --- report -----------------------------------------------------------------------------------------------------


def _row(cells: list[object], widths: list[int]) -> str:
    return "  ".join(str(cell).rjust(width) if index else str(cell).ljust(width)
                     for index, (cell, width) in enumerate(zip(cells, widths)))


def print_table(header: list[str], rows: list[list[object]]) -> None:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]
    print(_row(header, widths))
    print(_row(["-" * width for width in widths], widths))
    for row in rows:
        print(_row(row, widths))


def _check(label: str, value: float, bound: float, passed: bool) -> str:
    return f"  [{'PASS' if passed else 'FAIL'}] {label}: {value:.2f} (bound {bound:g})"


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def parser() -> argparse.ArgumentParser:
    command = argparse.ArgumentParser(prog="python -m extract.bench", description=__doc__.split("\n\n")[0],
                                      epilog="See the module docstring (README: Scale) for what is measured and how.")
    command.add_argument("--mb", type=float, default=1.0, help="corpus size in MB of text, whole copies (default 1)")
    command.add_argument("--parts", default=",".join(PARTS),
                         help=f"what the corpus is made of, comma-separated from {', '.join(PARTS)} (default all)")
    command.add_argument("--workers", type=int, default=2, help="Dask workers for the parallel run (default 2)")
    command.add_argument("--scale", default="1,4,16", help="growth factors (default 1,4,16)")
    command.add_argument("--scale-copies", type=int, default=1,
                         help="copies of the text set that make 1x in the growth series (default 1)")
    command.add_argument("--baseline-copies", type=int, default=1,
                         help="copies quantulum3 is timed on, extrapolated per byte; 0 times it on the whole corpus")
    command.add_argument("--repeat", type=int, default=1,
                         help="run each measurement this many times and keep the fastest (default 1)")
    command.add_argument("--keep", type=Path, help="keep corpora and outputs in this folder (default: a temporary one)")
    return command


def main(argv: list[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    factors = [int(factor) for factor in arguments.scale.split(",")]
    parts = [part.strip() for part in arguments.parts.split(",") if part.strip()]
    if not parts or set(parts) - set(PARTS):
        parser().error(f"--parts: choose from {', '.join(PARTS)}")
    records = list(base_records(parts))
    if not records:
        parser().error(f"--parts {arguments.parts}: no documents (NewsQuant is read from {NEWSQUANT})")
    set_bytes = sum(len(str(record["text"]).encode()) for record in records)
    copies = max(1, math.ceil(arguments.mb * 1e6 / set_bytes))
    load_before = _load()
    with tempfile.TemporaryDirectory(prefix="extract-bench-") as temporary:
        work = arguments.keep or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        corpus = write_corpus(work / "corpus.jsonl", records, copies)
        tiny = write_corpus(work / "tiny.jsonl", [{"id": "tiny", "text": "Police said 3,000 people marched."}], 1)
        print(f"Corpus: {corpus.documents} documents, {corpus.megabytes:.2f} MB of text = {copies} copies of "
              f"{len(records)} real documents ({set_bytes / 1e6:.3f} MB: {_composition(records)})")
        print(f"Machine: {os.cpu_count()} CPUs, {platform.python_implementation()} {platform.python_version()}, "
              f"load average {load_before}; each time is the best of {arguments.repeat} run(s)\n", flush=True)

        baseline_copies = arguments.baseline_copies or copies
        subset = corpus if baseline_copies >= copies else write_corpus(work / "baseline.jsonl", records, baseline_copies)
        repeat = arguments.repeat
        quantulum_start = best_of(repeat, quantulum_command(tiny))
        quantulum_subset = best_of(repeat, quantulum_command(subset))
        per_byte = max(quantulum_subset.seconds - quantulum_start.seconds, 0.0) / subset.text_bytes
        quantulum_seconds = quantulum_start.seconds + per_byte * corpus.text_bytes
        print(f"quantulum3: start-up {quantulum_start.seconds:.1f} s; {quantulum_subset.seconds:.1f} s on "
              f"{subset.documents} documents ({subset.megabytes:.2f} MB)"
              + ("" if subset is corpus else f", extrapolated per byte to {corpus.megabytes:.2f} MB: "
                 f"{quantulum_seconds:.1f} s"), flush=True)
        ours_start = best_of(repeat, extract_command(tiny, work / "tiny.parquet"))
        single = best_of(repeat, extract_command(corpus, work / "single.parquet"))
        print(f"one process: {single.seconds:.1f} s ({single.output})", flush=True)
        parallel = best_of(repeat, extract_command(corpus, work / "workers.parquet", "--workers", str(arguments.workers)),
                           whole_tree=True)
        print(f"{arguments.workers} Dask workers: {parallel.seconds:.1f} s ({parallel.output})\n", flush=True)
        identical = _same_table(work / "single.parquet", work / "workers.parquet")

        def throughput_row(name: str, seconds: float, run: Measured, memory: str) -> list[object]:
            return [name, corpus.documents, f"{corpus.megabytes:.2f}", f"{seconds:.1f}",
                    f"{corpus.documents / seconds:.1f}", f"{corpus.megabytes / seconds:.3f}", memory,
                    f"{run.cpu_seconds / run.seconds:.2f}", f"{quantulum_seconds / seconds:.2f}x"]

        baseline_note = "" if subset is corpus else "*"
        print_table(
            ["run (whole process, start-up included)", "docs", "MB", "time s", "docs/s", "MB/s", "peak RSS MB",
             "CPU/wall", "vs quantulum3"],
            [throughput_row(f"quantulum3 parser.parse per document{baseline_note}", quantulum_seconds, quantulum_subset,
                            f"{quantulum_subset.peak_rss_mb:.0f}{baseline_note}"),
             throughput_row("extract, one process", single.seconds, single, f"{single.peak_rss_mb:.0f}"),
             throughput_row(f"extract, {arguments.workers} Dask workers", parallel.seconds, parallel,
                            f"{parallel.peak_rss_mb:.0f} (tree)")],
        )
        if subset is not corpus:
            print(f"* quantulum3 timed on {subset.documents} documents ({subset.megabytes:.2f} MB; start-up "
                  f"{quantulum_start.seconds:.1f} s) and extrapolated per byte; its memory and CPU/wall are that run's.")
        print("CPU/wall: CPU time of the process (for Dask, of its whole tree, sampled) over wall time.")
        print(f"Start-up alone (one-sentence file): quantulum3 {quantulum_start.seconds:.1f} s, extract "
              f"{ours_start.seconds:.1f} s. Dask output identical to one process: {'yes' if identical else 'NO'}\n")

        growth = []
        for factor in factors:
            scaled = write_corpus(work / f"scale{factor}.jsonl", records, factor * arguments.scale_copies)
            run = best_of(repeat, extract_command(scaled, work / f"scale{factor}"), fresh=work / f"scale{factor}")
            growth.append((factor, scaled, run))
            print(f"{factor}x: {run.seconds:.1f} s", flush=True)
            scaled.path.unlink()
        (_, _, first) = growth[0]
        rows = []
        for factor, scaled, run in growth:
            rows.append([f"{factor}x", scaled.documents, f"{scaled.megabytes:.2f}", f"{run.seconds:.1f}",
                         f"{run.seconds / scaled.megabytes:.1f}",
                         f"{run.seconds / (factor / factors[0] * first.seconds):.3f}",
                         f"{run.peak_rss_mb:.0f}", f"{run.peak_rss_mb / first.peak_rss_mb:.3f}"])
        print()
        print_table(["size (one process, dataset output)", "docs", "MB", "time s", "s per MB",
                     "time / (k x time at 1x)", "peak RSS MB", "RSS / RSS at 1x"], rows)
        print(f"(start-up, {ours_start.seconds:.1f} s for a one-sentence file, is paid once per run, so small runs cost "
              f"more per MB)\n")

        largest, (_, _, last) = factors[-1] / factors[0], growth[-1]
        time_ratio = last.seconds / (largest * first.seconds)
        memory_ratio = last.peak_rss_mb / first.peak_rss_mb
        print("Must show (issue 5):")
        print(_check("one process, docs/s vs quantulum3", quantulum_seconds / single.seconds, MUST_SHOW["vs_quantulum"],
                     quantulum_seconds / single.seconds >= MUST_SHOW["vs_quantulum"] and corpus.megabytes >= 1))
        print(_check(f"{arguments.workers} workers vs one process", single.seconds / parallel.seconds,
                     MUST_SHOW["workers"], single.seconds / parallel.seconds >= MUST_SHOW["workers"] and identical))
        print(_check(f"time at {factors[-1]}x / ({largest:g} x time at {factors[0]}x)", time_ratio,
                     MUST_SHOW["time_growth"], time_ratio <= MUST_SHOW["time_growth"]))
        print(_check(f"peak memory at {factors[-1]}x / at {factors[0]}x", memory_ratio, MUST_SHOW["memory_growth"],
                     memory_ratio <= MUST_SHOW["memory_growth"]))
        print(f"\nLoad average before {load_before}, after {_load()}")
        starved = [name for name, run in [("quantulum3", quantulum_subset), ("one process", single),
                                          *((f"{factor}x", run) for factor, _, run in growth)]
                   if run.cpu_seconds / run.seconds < STARVED_SHARE]
        if starved:
            print(f"Other work took CPU from: {', '.join(starved)} (CPU time under {STARVED_SHARE:.0%} of wall "
                  f"time); their times, and likely the Dask run's, are inflated. Run again on a quiet machine.")
    return 0


def _same_table(first: Path, second: Path) -> bool:
    import pandas as pd

    try:
        pd.testing.assert_frame_equal(pd.read_parquet(first), pd.read_parquet(second))
    except AssertionError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())

"""Extraction in partitions: in this process, on a local Dask cluster, or on an existing one.

The corpus is planned as partitions of about `partition_bytes` of input each
(by default from the corpus size, see `auto_partition_bytes`): small files are
grouped, a JSONL file larger than that is cut into byte ranges that start at
line starts. A partition is shipped to a worker as file paths and
byte offsets, never as text; the worker reads it, runs `claims_or_skip` on
each document and, for a dataset output, writes its own Parquet file. Workers
are processes with one thread each, so the spaCy pipeline and the knowledge
files (cached per process in `resources`) load once per worker.

A partition's file is named from its input (paths, byte range, size and
modification time, manifest row) and written atomically, so a run that stops
leaves only finished partitions, and the next run on the same input skips them.
Each file carries its partition's report (documents read, what was skipped or
warned about) in its Parquet metadata, so a resumed run reports the whole corpus.

Results equal `pipeline.extract_corpus`: the same documents in the same order,
the same rows and claim ids, in the same order once sorted as `claims_frame` does.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import multiprocessing
import re
import signal
import threading
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import pandas as pd

from . import config, table
from .documents import (
    BINARY_SNIFF_BYTES,
    UTF16_BOMS,
    Document,
    ManifestRow,
    Skipped,
    corpus_files,
    decode_bytes,
    line_document,
    load_file,
)

PARTITION_GLOB = "part-*.parquet"
# Dask settings for the local cluster of `--workers`, each measured here on this CPU-bound, GIL-holding work:
# workers return freed memory to the system at once by default (MALLOC_TRIM_THRESHOLD_=65536), which with
# spaCy's many short-lived arrays costs page faults (15% more CPU time); the statistical profiler samples the
# task's stack every 10 ms and the event-loop tick runs every 20 ms, both taking the GIL from the task (about
# 7% together). Neither is needed without a dashboard. Where forking is the platform's default, the workers are
# forked from this process once it has loaded spaCy and quantulum3 (`pipeline.load_resources`): spawned workers
# import and load them again, each, which took 6 s of a run here before the first partition started.
LOCAL_CLUSTER_CONFIG = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "1s",
}
REPORT_KEY = b"extract.report"
_READ_BYTES = 1 << 20
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Source:
    """One file, or one byte range of a JSONL file, as a worker needs it to read the documents.

    `end` is None for a whole file. A range starts at a line start, and
    `first_line` is the number of its first line in the file.
    """

    path: str
    name: str
    size: int
    mtime_ns: int
    row: ManifestRow | None = None
    start: int = 0
    end: int | None = None
    first_line: int = 1

    @property
    def nbytes(self) -> int:
        return (self.size if self.end is None else self.end) - self.start


@dataclass(frozen=True)
class Partition:
    """Sources processed together by one task and written as one file, named from its input."""

    sources: tuple[Source, ...]

    @property
    def nbytes(self) -> int:
        return sum(source.nbytes for source in self.sources)

    @property
    def file_name(self) -> str:
        identity = [
            [source.path, source.name, source.size, source.mtime_ns, source.start, source.end, source.first_line,
             None if source.row is None else sorted(source.row.fields.items())]
            for source in self.sources
        ]
        digest = hashlib.sha1(json.dumps(identity, ensure_ascii=True).encode()).hexdigest()[:16]
        first = self.sources[0]
        label = _UNSAFE_NAME.sub("_", Path(first.name).stem)[:40].strip("_") or "part"
        suffix = f"-{first.start}" if first.end is not None else ""
        return f"part-{label}{suffix}-{digest}.parquet"


@dataclass
class PartitionResult:
    """What one partition gave: counts, what was skipped or warned about, and its claims when kept."""

    documents: int = 0
    claims: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[Skipped] = field(default_factory=list)
    frame: pd.DataFrame | None = None


@dataclass
class PartitionedExtraction:
    """The outcome of `extract_partitioned`.

    `claims` is the whole claims table when it was collected, else None (the
    table is then only in the dataset folder); `claim_count` counts it either way.
    """

    claims: pd.DataFrame | None
    claim_count: int
    documents: int
    skipped: list[Skipped]
    warnings: list[Skipped]
    partitions: int
    resumed: int


# --- planning -------------------------------------------------------------------------------------------------


def jsonl_ranges(path: Path | str, target_bytes: int) -> list[tuple[int, int, int]]:
    """Byte ranges of about `target_bytes` covering a file, each starting at a line start.

    One sequential pass in bounded memory. A range ends just after the first
    newline that makes it at least `target_bytes` long, or at the end of the file.

    Returns:
        (start, end, first_line) for each range, in order; first_line counts from 1.
        An empty file has no ranges.
    """
    if target_bytes < 1:
        raise ValueError(f"target_bytes must be positive, not {target_bytes}")
    ranges: list[tuple[int, int, int]] = []
    start, first_line = 0, 1
    offset = 0          # file offset of the current chunk
    lines_before = 0    # newlines before `counted` in the file
    with open(path, "rb") as handle:
        while chunk := handle.read(_READ_BYTES):
            counted = 0  # newlines of this chunk before this index are in lines_before
            while True:
                # A newline at start + target_bytes - 1 ends a range of exactly target_bytes.
                newline = chunk.find(b"\n", max(start + target_bytes - 1 - offset, 0))
                if newline < 0:
                    break
                lines_before += chunk.count(b"\n", counted, newline + 1)
                counted = newline + 1
                ranges.append((start, offset + counted, first_line))
                start, first_line = offset + counted, lines_before + 1
            lines_before += chunk.count(b"\n", counted)
            offset += len(chunk)
    if start < offset:
        ranges.append((start, offset, first_line))
    return ranges


def _has_content(path: Path) -> bool:
    """Whether a file holds anything but whitespace (read until the first such byte)."""
    with path.open("rb") as handle:
        while chunk := handle.read(_READ_BYTES):
            if chunk.strip():
                return True
    return False


def _splittable(path: Path, size: int, partition_bytes: int) -> bool:
    """A JSONL file worth cutting into byte ranges: large, UTF-8 (or legacy), not binary, not blank."""
    if path.suffix.lower() != ".jsonl" or size <= partition_bytes:
        return False
    with path.open("rb") as handle:
        head = handle.read(BINARY_SNIFF_BYTES)
    if head.startswith(UTF16_BOMS):
        return False  # UTF-16 lines are not cut at b"\n"; such a file is read whole
    try:
        decode_bytes(head)
    except ValueError:
        return False  # binary: one reason for the whole file, as load_file gives
    return _has_content(path)


def _sources(path: Path, name: str, row: ManifestRow | None, partition_bytes: int) -> list[Source]:
    try:
        status = path.stat()
        size, mtime_ns = status.st_size, status.st_mtime_ns
        splittable = _splittable(path, size, partition_bytes)
    except OSError:
        return [Source(str(path), name, 0, 0, row)]  # load_file reports why it cannot be read
    whole = Source(str(path), name, size, mtime_ns, row)
    if not splittable:
        return [whole]
    ranges = jsonl_ranges(path, partition_bytes)
    if len(ranges) < 2:
        return [whole]
    return [Source(str(path), name, size, mtime_ns, None, start, end, first_line) for start, end, first_line in ranges]


def auto_partition_bytes(corpus_bytes: int, workers: int = 1) -> int:
    """Bytes per partition for a corpus: its size over PARTITIONS_WANTED, a power of two, within bounds.

    For several workers the size is then evened out so the partitions come in whole rounds of the workers:
    five partitions on two workers leave one idle while the fifth runs, six of a sixth less each do not.
    """
    wanted = max(1, math.ceil(corpus_bytes / config.PARTITIONS_WANTED))
    size = min(config.PARTITION_BYTES_MAX, max(config.PARTITION_BYTES_MIN, 1 << (wanted - 1).bit_length()))
    if workers <= 1 or corpus_bytes <= size:
        return size
    rounds = math.ceil(math.ceil(corpus_bytes / size) / workers)
    return math.ceil(corpus_bytes / (rounds * workers))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def plan_partitions(paths: Iterable[Path | str], manifest: Path | str | None = None, *,
                    partition_bytes: int | None = None, workers: int = 1) -> tuple[list[Skipped], list[Partition]]:
    """The manifest warnings, and the corpus as partitions in the order `load_documents` reads it.

    Files are found and matched to manifest rows exactly as `load_documents`
    does. Consecutive small files are grouped up to `partition_bytes` (default:
    `auto_partition_bytes` of the corpus for `workers`); a JSONL file larger
    than that becomes one partition per byte range.

    Raises:
        InputError: a path does not exist or a manifest cannot be read.
    """
    listed, warnings = corpus_files(paths, manifest)
    files = [(file.resolve(), name, row) for file, name, row in listed]
    if partition_bytes is None:
        partition_bytes = auto_partition_bytes(sum(_size(file) for file, _, _ in files), workers)
    partitions: list[Partition] = []
    group: list[Source] = []
    for file, name, row in files:
        for source in _sources(file, name, row, partition_bytes):
            # A byte range is a partition alone; whole files join the group while it stays within the size.
            if group and (source.end is not None or sum(item.nbytes for item in group) + source.nbytes > partition_bytes):
                partitions.append(Partition(tuple(group)))
                group = []
            group.append(source)
            if source.end is not None:
                partitions.append(Partition(tuple(group)))
                group = []
    if group:
        partitions.append(Partition(tuple(group)))
    return warnings, partitions


# --- reading and extracting one partition ---------------------------------------------------------------------


def jsonl_range_documents(path: Path | str, name: str, start: int, end: int,
                          first_line: int = 1) -> Iterator[Document | Skipped]:
    """The documents on the lines of a UTF-8 JSONL file that start in [start, end).

    `start` must be a line start and `first_line` its line number; one line is
    in memory at a time.
    """
    with open(path, "rb") as handle:
        handle.seek(start)
        position, line_number = start, first_line
        while position < end:
            raw_line = handle.readline()
            if not raw_line:
                break
            position += len(raw_line)
            yield from line_document(raw_line, name, line_number)
            line_number += 1


def source_documents(source: Source) -> Iterator[Document | Skipped]:
    """The documents of one source, or why they were skipped."""
    if source.end is None:
        return load_file(Path(source.path), source.name, source.row)
    return jsonl_range_documents(source.path, source.name, source.start, source.end, source.first_line)


def _report_json(result: PartitionResult) -> bytes:
    return json.dumps({
        "documents": result.documents,
        "claims": result.claims,
        "skipped": [dataclasses.asdict(item) for item in result.skipped],
        "warnings": [dataclasses.asdict(item) for item in result.warnings],
    }, ensure_ascii=False).encode()


def write_partition(frame: pd.DataFrame, result: PartitionResult, path: Path) -> None:
    """A partition's claims as Parquet, its report in the file's metadata, written atomically."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow = pa.Table.from_pandas(frame, preserve_index=False)
    arrow = arrow.replace_schema_metadata({**(arrow.schema.metadata or {}), REPORT_KEY: _report_json(result)})
    table.write_atomically(path, lambda target: pq.write_table(arrow, target))


def read_partition_report(path: Path) -> PartitionResult | None:
    """The report kept in a finished partition's file; None when the file is not one of ours."""
    import pyarrow.parquet as pq

    try:
        metadata = pq.read_schema(path).metadata or {}
        report = json.loads(metadata[REPORT_KEY])
    except (OSError, KeyError, ValueError):
        return None
    return PartitionResult(
        documents=report["documents"],
        claims=report["claims"],
        skipped=[Skipped(**item) for item in report["skipped"]],
        warnings=[Skipped(**item) for item in report["warnings"]],
    )


def process_partition(partition: Partition, output_dir: str | None = None,
                      keep_frame: bool = True) -> PartitionResult:
    """Read one partition, extract its claims and, with `output_dir`, write its file there.

    Runs on a worker; what it returns travels back to the client, so the
    claims table is left out unless `keep_frame`.
    """
    from . import resources
    from .pipeline import claims_or_skip  # imported here: a client that only plans need not load spaCy

    result = PartitionResult()
    records: list[dict[str, object]] = []
    # spaCy keeps every new string (a name, a number) in its vocabulary for good: over a large corpus that grows
    # without bound. Strings added inside a memory zone are dropped when it closes; the records are plain values.
    with resources.language_model().memory_zone(), resources.sentence_splitter().memory_zone():
        for source in partition.sources:
            for item in source_documents(source):
                if isinstance(item, Skipped):
                    (result.warnings if item.warning else result.skipped).append(item)
                elif isinstance(claims := claims_or_skip(item), Skipped):
                    result.skipped.append(claims)
                else:
                    result.documents += 1
                    records.extend(claims)
    frame = table.claims_frame(records)
    result.claims = len(frame)
    if output_dir is not None:
        write_partition(frame, result, Path(output_dir) / partition.file_name)
    if keep_frame:
        result.frame = frame
    return result


# --- running ----------------------------------------------------------------------------------------------------


def _in_process(partitions: Sequence[Partition], todo: list[int], output_dir: str | None,
                keep_frame: bool) -> Iterator[tuple[int, PartitionResult]]:
    for index in todo:
        yield index, process_partition(partitions[index], output_dir, keep_frame)


def _on_dask(partitions: Sequence[Partition], todo: list[int], output_dir: str | None, keep_frame: bool, *,
             workers: int | None, scheduler: str | None) -> Iterator[tuple[int, PartitionResult]]:
    """Results as partitions finish, on a local cluster of `workers` processes or at `scheduler`."""
    import logging

    import dask
    from distributed import Client, LocalCluster, as_completed

    with ExitStack() as stack:
        if scheduler is None:
            settings = dict(LOCAL_CLUSTER_CONFIG)
            default_method = multiprocessing.get_all_start_methods()[0]
            forks = (multiprocessing.get_start_method(allow_none=True) or default_method) == "fork"  # Linux, not macOS
            # Dask's own default is spawn; a method the user configured ("forkserver") is kept.
            if forks and dask.config.get("distributed.worker.multiprocessing-method") == "spawn":
                from .pipeline import load_resources

                load_resources()
                settings["distributed.worker.multiprocessing-method"] = "fork"
            stack.enter_context(dask.config.set(settings))
            with _sigint_ignored():  # workers inherit it: Ctrl-C stops this process, which closes the cluster
                cluster = stack.enter_context(LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                    silence_logs=logging.ERROR,
                ))
            client = stack.enter_context(Client(cluster, set_as_default=False))
        else:
            client = stack.enter_context(Client(scheduler, set_as_default=False))
        futures = {
            client.submit(process_partition, partitions[index], output_dir, keep_frame, pure=False): index
            for index in todo
        }
        try:
            for future, result in as_completed(futures, loop=client.loop, with_results=True):
                yield futures.pop(future), result
        finally:
            client.cancel(list(futures))


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """SIGINT ignored in this process (and processes started meanwhile), when this is the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _prepare_output_dir(output_dir: Path) -> set[str]:
    """Create the dataset folder; remove temporary files a killed run left; the finished partitions' names."""
    output_dir.mkdir(parents=True, exist_ok=True)
    for leftover in output_dir.glob(f".{PARTITION_GLOB}.*.tmp"):
        leftover.unlink(missing_ok=True)
    return {path.name for path in output_dir.glob(PARTITION_GLOB)}


def read_dataset(output_dir: Path | str, partitions: Sequence[Partition] | None = None) -> pd.DataFrame:
    """The claims table of a dataset folder (in `partitions` order when given), sorted as `claims_frame` sorts.

    Raises:
        ValueError: the folder holds no partition file.
    """
    output_dir = Path(output_dir)
    files = [output_dir / partition.file_name for partition in partitions] if partitions is not None \
        else sorted(output_dir.glob(PARTITION_GLOB))
    if not files:
        raise ValueError(f"{output_dir}: no {PARTITION_GLOB} files; is it a claims dataset folder?")
    frames = [frame for frame in (pd.read_parquet(path) for path in files) if len(frame)]
    return _concatenated(frames)


def _concatenated(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [frame for frame in frames if len(frame)]
    if not frames:
        return table.empty_claims()
    frame = pd.concat(frames, ignore_index=True).astype(table.SCHEMA)
    # Each frame is already sorted, stably; sorting the concatenation stably keeps ties in reading order.
    return frame.sort_values(["doc_id", "char_start"], kind="stable", ignore_index=True)


def extract_partitioned(paths: Iterable[Path | str], manifest: Path | str | None = None, *,
                        output_dir: Path | str | None = None, workers: int | None = None,
                        scheduler: str | None = None, partition_bytes: int | None = None,
                        collect: bool = True,
                        on_partition: Callable[[Partition, PartitionResult], None] | None = None
                        ) -> PartitionedExtraction:
    """Claims of files and folders, extracted partition by partition.

    Without `workers` or `scheduler` the partitions run one after another in
    this process; with `workers`, on a local Dask cluster of that many
    processes (one thread each); with `scheduler`, on an existing
    `dask.distributed` cluster, whose workers must see the input (and output)
    paths and import this package.

    Args:
        paths: files or folders, as for `pipeline.extract_corpus`.
        manifest: a manifest CSV for all paths (default: each folder's manifest.csv).
        output_dir: a folder for the partitioned Parquet dataset. Partitions are
            written as they finish; those already there are not redone; others
            named `part-*.parquet` are removed once the run completes.
        workers: processes of a local Dask cluster.
        scheduler: address of an existing Dask scheduler.
        partition_bytes: input bytes per partition (files grouped, JSONL cut);
            by default `auto_partition_bytes` of the corpus size and of `workers`, so a
            resumed run reuses its finished partitions when given the same `workers`.
        collect: return the whole claims table (read back from `output_dir`
            when given); otherwise memory stays bounded by one partition.
        on_partition: called with each partition and its result as it finishes
            (also for partitions found finished), e.g. to move a progress bar.

    Raises:
        InputError: a path does not exist or a manifest is unreadable.
        ValueError: both `workers` and `scheduler`, or a bad `partition_bytes`.
    """
    if workers is not None and scheduler is not None:
        raise ValueError("give workers or scheduler, not both")
    if partition_bytes is not None and partition_bytes < 1:
        raise ValueError(f"partition_bytes must be positive, not {partition_bytes}")
    manifest_warnings, partitions = plan_partitions(paths, manifest, partition_bytes=partition_bytes,
                                                    workers=workers or 1)
    results: dict[int, PartitionResult] = {}
    directory = Path(output_dir).resolve() if output_dir is not None else None
    if directory is not None:
        finished = _prepare_output_dir(directory)
        for index, partition in enumerate(partitions):
            if partition.file_name in finished:
                report = read_partition_report(directory / partition.file_name)
                if report is not None:
                    results[index] = report
                    if on_partition is not None:
                        on_partition(partition, report)
    resumed = len(results)
    todo = [index for index in range(len(partitions)) if index not in results]
    keep_frame = collect and directory is None
    target = None if directory is None else str(directory)
    if todo and (workers is not None or scheduler is not None):
        running = _on_dask(partitions, todo, target, keep_frame, workers=workers, scheduler=scheduler)
    else:
        running = _in_process(partitions, todo, target, keep_frame)
    for index, result in running:
        results[index] = result
        if on_partition is not None:
            on_partition(partitions[index], result)
    ordered = [results[index] for index in range(len(partitions))]
    if directory is not None:
        wanted = {partition.file_name for partition in partitions}
        for stale in directory.glob(PARTITION_GLOB):
            if stale.name not in wanted:
                stale.unlink(missing_ok=True)
    claims: pd.DataFrame | None = None
    if collect:
        claims = read_dataset(directory, partitions) if directory is not None and partitions \
            else _concatenated([result.frame for result in ordered if result.frame is not None])
    return PartitionedExtraction(
        claims=claims,
        claim_count=sum(result.claims for result in ordered),
        documents=sum(result.documents for result in ordered),
        skipped=[item for result in ordered for item in result.skipped],
        warnings=manifest_warnings + [item for result in ordered for item in result.warnings],
        partitions=len(partitions),
        resumed=resumed,
    )

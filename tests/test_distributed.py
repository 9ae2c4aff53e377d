"""Extraction in partitions: byte ranges, equality with one process (also on a Dask cluster), resuming a dataset."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Callable, Iterator
from unittest import mock

import pandas as pd
import pytest
from distributed import LocalCluster
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import config, distributed, extract_corpus
from extract.__main__ import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_SKIPPED, main
from extract.distributed import extract_partitioned, jsonl_range_documents, jsonl_ranges, plan_partitions
from extract.documents import load_file
from extract.pipeline import Extraction

DEVSET = config.REPO_ROOT / "tests" / "devset" / "articles"


def run(*arguments: object) -> int:
    return main([*map(str, arguments), "--no-progress"])


def assert_same_extraction(expected: Extraction, actual: distributed.PartitionedExtraction) -> None:
    assert actual.claims is not None
    pd.testing.assert_frame_equal(actual.claims, expected.claims)
    assert (actual.documents, actual.claim_count) == (expected.documents, len(expected.claims))
    assert actual.skipped == expected.skipped
    assert actual.warnings == expected.warnings


@pytest.fixture
def wire_corpus(tmp_path: Path) -> Path:
    """A folder with a JSONL of the development articles (two of them twice, a bad line between) and a text file."""
    corpus = tmp_path / "wire"
    corpus.mkdir()
    articles = sorted(DEVSET.glob("*.txt"))[:4]
    lines = [json.dumps({"id": f"dev-{path.stem}", "text": path.read_text(encoding="utf-8"), "published": "2024-03-01"})
             for path in articles]
    lines += ["{not json", json.dumps({"text": articles[0].read_text(encoding="utf-8")})]
    (corpus / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (corpus / "note.txt").write_text("Officials said 1,200 homes were damaged on Monday.", encoding="utf-8")
    return corpus


# --- byte ranges ------------------------------------------------------------------------------------------------


def _lines(data: bytes) -> list[bytes]:
    """Lines as a binary file yields them: split after b"\n" only (bytes.splitlines also splits at b"\r")."""
    parts = data.split(b"\n")
    return [part + b"\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _lines_by_ranges(path: Path, ranges: list[tuple[int, int, int]]) -> list[tuple[int, bytes]]:
    numbered = []
    with path.open("rb") as handle:
        for start, end, first_line in ranges:
            handle.seek(start)
            numbered += list(enumerate(_lines(handle.read(end - start)), start=first_line))
    return numbered


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(st.binary(max_size=40).map(lambda line: line.replace(b"\n", b"")), max_size=30),
       trailing_newline=st.booleans(), target=st.integers(1, 120), read_bytes=st.integers(1, 64))
def test_byte_ranges_hold_every_line_once_with_its_number(tmp_path_factory: pytest.TempPathFactory, lines: list[bytes],
                                                          trailing_newline: bool, target: int, read_bytes: int) -> None:
    data = b"\n".join(lines) + (b"\n" if trailing_newline and lines else b"")
    path = tmp_path_factory.mktemp("ranges") / "file.jsonl"
    path.write_bytes(data)
    with mock.patch.object(distributed, "_READ_BYTES", read_bytes):  # ranges cut across read chunks too
        ranges = jsonl_ranges(path, target)
    assert [start for start, _, _ in ranges] == ([0] + [end for _, end, _ in ranges[:-1]] if data else [])
    assert (ranges[-1][1] if ranges else 0) == len(data)
    assert all(start == 0 or data[start - 1:start] == b"\n" for start, _, _ in ranges)
    assert all(end - start >= target for start, end, _ in ranges[:-1])
    assert _lines_by_ranges(path, ranges) == list(enumerate(_lines(data), start=1))


@pytest.mark.parametrize("target", [1, 40, 200, 10**6])
def test_documents_read_by_range_equal_the_whole_file(bad_corpus: Path, wire_corpus: Path, target: int) -> None:
    for path in (bad_corpus / "articles.jsonl", bad_corpus / "nested.jsonl", wire_corpus / "wire.jsonl"):
        by_range = [item for start, end, first_line in jsonl_ranges(path, target)
                    for item in jsonl_range_documents(path, path.name, start, end, first_line)]
        assert by_range == list(load_file(path, path.name)), path.name


# --- equal to one process ---------------------------------------------------------------------------------------


def test_partitions_in_this_process_equal_extract_corpus(bad_corpus: Path, wire_corpus: Path) -> None:
    paths = [bad_corpus, wire_corpus]
    _, partitions = plan_partitions(paths, partition_bytes=200)
    assert sum(source.end is not None for partition in partitions for source in partition.sources) >= 4
    assert_same_extraction(extract_corpus(paths), extract_partitioned(paths, partition_bytes=200))


@pytest.fixture(scope="module")
def dask_cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        yield cluster


def test_dask_output_equals_one_process_and_workers_load_the_model_once(
        dask_cluster: LocalCluster, bad_corpus: Path, wire_corpus: Path, tmp_path: Path) -> None:
    from distributed import Client

    from extract import resources

    paths = [config.SEEDS_DIR, bad_corpus, wire_corpus]
    address = dask_cluster.scheduler_address
    _, partitions = plan_partitions(paths, partition_bytes=2048)
    assert sum(source.end is not None for partition in partitions for source in partition.sources) >= 2
    assert run(*paths, "-o", tmp_path / "single.csv") == EXIT_SKIPPED
    assert run(*paths, "-o", tmp_path / "dask" / "claims", "-o", tmp_path / "dask.csv", "--scheduler", address,
               "--partition-mb", 2048 / 2**20) == EXIT_SKIPPED
    for name in ("{}.csv", "{}.errors.csv", "{}.summary.json"):
        assert (tmp_path / name.format("dask")).read_bytes() == (tmp_path / name.format("single")).read_bytes(), name
    assert (tmp_path / "dask" / "claims.errors.csv").read_bytes() == (tmp_path / "single.errors.csv").read_bytes()
    assert len(list((tmp_path / "dask" / "claims").glob("part-*.parquet"))) == len(partitions)
    pd.testing.assert_frame_equal(distributed.read_dataset(tmp_path / "dask" / "claims"),
                                  extract_corpus(paths).claims)
    with Client(address, set_as_default=False) as client:
        loads = client.run(lambda: resources.language_model.cache_info().misses)
    assert sorted(loads.values()) == [1, 1]


def test_local_cluster_of_workers_gives_the_same_table(wire_corpus: Path, tmp_path: Path) -> None:
    assert run(wire_corpus, "-o", tmp_path / "single.parquet") == EXIT_SKIPPED
    assert run(wire_corpus, "-o", tmp_path / "workers.parquet", "--workers", 2, "--partition-mb", 0.002) == EXIT_SKIPPED
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "workers.parquet"),
                                  pd.read_parquet(tmp_path / "single.parquet"))


# --- dataset folder: written as partitions finish, resumed -------------------------------------------------------


def _identities(folder: Path) -> dict[str, tuple[int, int]]:
    return {path.name: (path.stat().st_ino, path.stat().st_mtime_ns) for path in folder.glob("part-*.parquet")}


def test_dataset_resumes_without_redoing_finished_partitions(bad_corpus: Path, wire_corpus: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from extract import pipeline

    out = tmp_path / "out" / "claims"
    arguments = [bad_corpus, wire_corpus, "-o", out, "--partition-mb", 300 / 2**20]
    assert run(*arguments) == EXIT_SKIPPED
    first, summary = _identities(out), (tmp_path / "out" / "claims.summary.json").read_text()
    assert len(first) >= 5
    redo = next(name for name in sorted(first) if (distributed.read_partition_report(out / name) or distributed.PartitionResult()).documents)
    redo_documents = distributed.read_partition_report(out / redo).documents  # type: ignore[union-attr]
    (out / redo).unlink()
    (out / f".{redo}.0123456789ab.tmp").write_bytes(b"PAR1 half a partition")  # what a killed run leaves
    (out / "part-stale-0000000000000000.parquet").write_bytes(b"from an earlier corpus")
    seen: list[str] = []
    counting = pipeline.claims_in_document
    monkeypatch.setattr(pipeline, "claims_in_document", lambda document: seen.append(document.doc_id) or counting(document))
    assert run(*arguments) == EXIT_SKIPPED
    again = _identities(out)
    assert set(again) == set(first)
    assert {name for name in first if again[name] != first[name]} == {redo}
    assert len(seen) == redo_documents  # only the documents of the one missing partition
    assert sorted(path.name for path in out.iterdir()) == sorted(first)  # temporary and stale files gone
    assert (tmp_path / "out" / "claims.summary.json").read_text() == summary
    pd.testing.assert_frame_equal(distributed.read_dataset(out), extract_corpus([bad_corpus, wire_corpus]).claims)


def test_interrupted_dataset_keeps_finished_partitions_and_the_rerun_completes(
        wire_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "claims"
    arguments = [wire_corpus, "-o", out, "--partition-mb", 2048 / 2**20]
    writes = 0
    writing = distributed.write_partition

    def ctrl_c_at_the_third(*args: object) -> None:
        nonlocal writes
        writes += 1
        if writes == 3:
            raise KeyboardInterrupt
        writing(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(distributed, "write_partition", ctrl_c_at_the_third)
    assert run(*arguments) == EXIT_INTERRUPTED
    assert f"{out}: finished partitions are kept; run the same command again to resume" in capsys.readouterr().err
    kept = _identities(out)
    assert len(kept) == 2 and not (tmp_path / "claims.summary.json").exists()
    monkeypatch.setattr(distributed, "write_partition", writing)
    assert run(*arguments) == EXIT_SKIPPED
    assert {name: identity for name, identity in _identities(out).items() if name in kept} == kept
    summary = json.loads((tmp_path / "claims.summary.json").read_text())
    result = extract_corpus([wire_corpus])
    assert (summary["documents"], summary["claims"], len(summary["skipped"])) == \
        (result.documents, len(result.claims), len(result.skipped))
    assert len(pd.read_parquet(out)) == len(result.claims)  # a plain folder of Parquet files, as pandas reads it
    pd.testing.assert_frame_equal(distributed.read_dataset(out), result.claims)


@pytest.mark.parametrize(("setup", "message"), [
    (lambda out: out.write_text("x"), "{out}: exists and is not a folder"),
    (lambda out: (out.mkdir(), (out / "notes.txt").write_text("x")),
     "{out}: holds files that are not claims partitions (notes.txt); give a new or empty folder"),
])
def test_dataset_folder_that_is_not_one_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                setup: Callable[[Path], object], message: str) -> None:
    out = tmp_path / "claims"
    setup(out)
    assert run(config.SEEDS_DIR, "-o", out) == EXIT_FAILED
    assert message.format(out=out) in capsys.readouterr().err
    assert os.path.exists(out)


_real_process_partition = distributed.process_partition


def _process_partition_on_a_warm_worker(*arguments: object, **options: object) -> distributed.PartitionResult:
    """Runs on a worker: a forked one has spaCy loaded before its first partition; a spawned one has not."""
    from extract import resources

    if not resources.language_model.cache_info().currsize:
        raise AssertionError("the worker had to load spaCy itself")
    return _real_process_partition(*arguments, **options)  # type: ignore[arg-type]


def test_local_workers_start_with_the_model_loaded(wire_corpus: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(distributed, "process_partition", _process_partition_on_a_warm_worker)
    assert run(wire_corpus, "-o", tmp_path / "workers.parquet", "--workers", 2, "--partition-mb", 0.002) == EXIT_SKIPPED
    assert len(pd.read_parquet(tmp_path / "workers.parquet")) > 0


@pytest.mark.parametrize(("corpus_bytes", "workers"), [(1_100_000, 2), (1_100_000, 3), (5_000_000, 2), (300_000, 2)])
def test_default_partitions_come_in_whole_rounds_of_the_workers(corpus_bytes: int, workers: int) -> None:
    from extract.distributed import auto_partition_bytes

    alone = auto_partition_bytes(corpus_bytes)
    size = auto_partition_bytes(corpus_bytes, workers)
    count = math.ceil(corpus_bytes / size)
    assert count % workers == 0 and size <= alone
    assert count <= math.ceil(corpus_bytes / alone) + workers - 1  # no more partitions than a round needs


def test_a_partition_skips_a_document_the_rules_fail_on_by_name(wire_corpus: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from extract import pipeline

    def always_trips(document: object) -> None:
        raise KeyError("no such entry")

    monkeypatch.setattr(pipeline, "claims_in_document", always_trips)
    _, partitions = plan_partitions([wire_corpus], partition_bytes=10**9)
    result = distributed.process_partition(partitions[0])
    assert result.documents == 0 and result.claims == 0
    failed = [item for item in result.skipped if "extraction failed (KeyError" in item.reason]
    assert failed and all(item.file for item in failed)

"""The benchmark's corpus: which parts it is made of, and its copies (timings are printed, never asserted)."""

import json

import pytest

from extract import bench


def test_parts_select_the_documents_of_the_corpus():
    seeds = list(bench.base_records(["seeds"]))
    annotated = list(bench.base_records(["annotated"]))
    assert seeds and {str(record["id"]).split("/")[0] for record in seeds} == {"seeds"}
    assert {str(record["id"]).split("/")[0] for record in annotated} == set(bench.ANNOTATED_SETS)
    both = list(bench.base_records(["seeds", "annotated"]))
    assert [record["id"] for record in both] == [record["id"] for record in seeds + annotated]


def test_copies_have_their_own_ids_and_count_their_bytes(tmp_path):
    records = [{"id": "a", "text": "Police said 40 people marched."}, {"id": "b", "text": "Crowds of 3 000 gathered."}]
    corpus = bench.write_corpus(tmp_path / "corpus.jsonl", records, copies=3)
    lines = [json.loads(line) for line in (tmp_path / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert corpus.documents == len(lines) == 6
    assert len({line["id"] for line in lines}) == 6
    assert corpus.text_bytes == 3 * sum(len(record["text"].encode()) for record in records)
    assert "seeds 1 docs" in bench._composition([{"id": "seeds/x", "text": "x"}])


def test_unknown_part_is_refused(capsys):
    with pytest.raises(SystemExit) as stopped:
        bench.main(["--parts", "seeds,wire"])
    assert stopped.value.code == 2
    assert "--parts: choose from seeds, annotated, newsquant" in capsys.readouterr().err

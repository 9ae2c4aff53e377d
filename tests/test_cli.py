"""The command line on bad input: messages, exit codes, surviving claims, re-runs and interruptions."""

from __future__ import annotations

import csv
import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from extract import config, read_claims
from extract.__main__ import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_SKIPPED, main

BAD_INPUTS = Path(__file__).parent / "fixtures" / "bad_inputs"
OUTPUT_NAMES = ["claims.csv", "claims.errors.csv", "claims.jsonl", "claims.parquet", "claims.summary.json"]
SURVIVING_CLAIMS = {
    ("articles.jsonl", "120"), ("articles.jsonl", "85"), ("articles.jsonl", "9,000"), ("café.txt", "14"),
    ("cp1252.txt", "75"), ("damaged_utf8.txt", "€5 million"), ("good.txt", "3,000"), ("nested.jsonl", "700"),
    ("scraped.html", "230"), ("utf16.jsonl", "60"), ("utf16.txt", "450"), ("utf8_bom.txt", "1,200"),
}


def run(*arguments: object) -> int:
    return main([*map(str, arguments), "--no-progress"])


def outputs_in(folder: Path) -> list[str]:
    return ["-o", str(folder / "claims.csv"), "-o", str(folder / "claims.parquet"), "-o", str(folder / "claims.jsonl")]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in a folder, hidden ones included, by name."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_bad_corpus_exits_1_lists_every_problem_and_keeps_the_good_claims(
        bad_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert run(bad_corpus, *outputs_in(out)) == EXIT_SKIPPED
    captured = capsys.readouterr()
    assert captured.out.startswith("12 documents, 12 claims, 11 skipped, 4 warnings -> ")
    assert "skipped image.txt: binary data (NUL bytes), not text" in captured.err.splitlines()
    assert f"warning {bad_corpus / 'manifest.csv'}:4: missing.txt: no such article file; row ignored" \
        in captured.err.splitlines()
    with (out / "claims.errors.csv").open(newline="", encoding="utf-8") as handle:
        problems = list(csv.DictReader(handle))
    assert [(row["file"], row["line"], row["kind"]) for row in problems] == [
        ("articles.jsonl", "2", "skipped"), ("articles.jsonl", "3", "skipped"), ("articles.jsonl", "4", "skipped"),
        ("binary.jsonl", "", "skipped"), ("blank.md", "", "skipped"), ("bom_only.txt", "", "skipped"),
        ("empty.jsonl", "", "skipped"), ("empty.txt", "", "skipped"), ("image.txt", "", "skipped"),
        ("nested.jsonl", "2", "skipped"), ("script_only.html", "", "skipped"),
        (str(bad_corpus / "manifest.csv"), "3", "warning"), (str(bad_corpus / "manifest.csv"), "4", "warning"),
        (str(bad_corpus / "manifest.csv"), "6", "warning"), ("articles.jsonl", "5", "warning"),
    ]
    summary = json.loads((out / "claims.summary.json").read_text(encoding="utf-8"))
    assert (summary["documents"], summary["claims"], len(summary["skipped"]), len(summary["warnings"])) == (12, 12, 11, 4)
    assert summary["skipped"][0] == {"file": "articles.jsonl", "line": 2,
                                     "reason": "invalid JSON (Unterminated string starting at: line 1 column 26 (char 25))"}
    for name in ("claims.csv", "claims.parquet", "claims.jsonl"):
        claims = read_claims(out / name)
        assert set(zip(claims["file"], claims["surface"])) == SURVIVING_CLAIMS, name


@pytest.mark.parametrize(("files", "manifest", "code", "summary"), [
    ({"good.txt": "Police said 3,000 people marched."}, None, EXIT_OK, "1 documents, 1 claims, 0 skipped, 0 warnings"),
    ({"good.txt": "Police said 3,000 people marched."}, "file,published\ngood.txt,last week\ngone.txt,\n", EXIT_OK,
     "1 documents, 1 claims, 0 skipped, 2 warnings"),
    ({"good.txt": "Police said 3,000 people marched.", "empty.txt": ""}, None, EXIT_SKIPPED,
     "1 documents, 1 claims, 1 skipped, 0 warnings"),
])
def test_warnings_do_not_change_the_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str], files: dict[str, str],
                                              manifest: str | None, code: int, summary: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text)
    if manifest is not None:
        (corpus / "manifest.csv").write_text(manifest)
    assert run(corpus, "-o", tmp_path / "claims.csv") == code
    assert capsys.readouterr().out.startswith(summary)


@pytest.mark.parametrize(("arguments", "message"), [
    (["{tmp}/nowhere", "-o", "{tmp}/claims.csv"],
     "error: {tmp}/nowhere: no such file or folder; give existing article files or folders"),
    (["{good}", "-o", "{tmp}/claims.xlsx"],
     "error: {tmp}/claims.xlsx: unknown output format; use one of .csv, .parquet, .jsonl"),
    (["{good}", "-o", "{tmp}/claims.csv", "--manifest", "{tmp}/nowhere.csv"],
     "error: {tmp}/nowhere.csv: cannot read manifest ([Errno 2] No such file or directory: '{tmp}/nowhere.csv'); "
     "give a CSV file with a 'file' column"),
    (["{good}", "-o", "{tmp}/claims.csv", "--manifest", "{tmp}/list.csv"],
     "error: {tmp}/list.csv: manifest has no 'file' column (columns: name, title); add a 'file' column naming each "
     "article file, as a header in the first line"),
    (["{bad}/empty.txt", "{bad}/blank.md", "-o", "{tmp}/claims.csv"],
     "error: no document could be used; check the paths and the skipped reasons above"),
    (["{bad}", "-o", "{bad}/claims.jsonl"],
     "error: {bad}/claims.jsonl: inside the input {bad}, so the next run would read it as articles; write it elsewhere"),
    (["{good}", "-o", "{tmp}/folder.csv"],
     "error: cannot write {tmp}/folder.csv (Is a directory); choose a writable output path"),
])
def test_unusable_arguments_exit_2_saying_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     arguments: list[str], message: str) -> None:
    (tmp_path / "list.csv").write_text("name,title\na.txt,A\n")
    (tmp_path / "folder.csv").mkdir()
    places = {"tmp": tmp_path, "bad": BAD_INPUTS, "good": BAD_INPUTS / "good.txt"}
    assert run(*(argument.format(**places) for argument in arguments)) == EXIT_FAILED
    assert message.format(**places) in capsys.readouterr().err


def test_rerun_gives_byte_identical_outputs(bad_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(bad_corpus, *outputs_in(out))
    first = snapshot(out)
    assert sorted(first) == OUTPUT_NAMES
    run(bad_corpus, *outputs_in(out))
    assert snapshot(out) == first
    umask = os.umask(0)
    os.umask(umask)
    assert {stat.S_IMODE((out / name).stat().st_mode) for name in OUTPUT_NAMES} == {0o666 & ~umask}


def test_interrupted_write_leaves_the_previous_outputs(bad_corpus: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    run(bad_corpus, *outputs_in(out))
    before = snapshot(out)
    (bad_corpus / "good.txt").write_text("Police said 4,500 people marched.")  # the next run's tables differ

    def half_then_ctrl_c(frame: pd.DataFrame, target: Path, **options: object) -> None:
        Path(target).write_bytes(b"PAR1 half a table")
        raise KeyboardInterrupt

    monkeypatch.setattr(pd.DataFrame, "to_parquet", half_then_ctrl_c)
    assert run(bad_corpus, *outputs_in(out)) == EXIT_INTERRUPTED
    assert "interrupted; every output is either complete or as it was before" in capsys.readouterr().err
    after = snapshot(out)
    # claims.csv was written in full before the parquet writer was interrupted; nothing else changed.
    assert sorted(after) == OUTPUT_NAMES
    assert {name for name in OUTPUT_NAMES if after[name] != before[name]} == {"claims.csv"}
    assert "4,500" in after["claims.csv"].decode()


_KILL_WHILE_WRITING = """
import os, signal, sys, time
import pandas as pd
from extract.__main__ import main

def half_then_signal(frame, target, **options):
    with open(target, "w") as handle:
        handle.write("claim_id,claim_key\\n")  # half a table
        handle.flush()
        os.kill(os.getpid(), getattr(signal, sys.argv[1]))
        time.sleep(30)

pd.DataFrame.to_csv = half_then_signal
signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal, even when the tests run in the background
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize(("signal_name", "returncode"), [("SIGINT", EXIT_INTERRUPTED), ("SIGKILL", -signal.SIGKILL)])
def test_signal_mid_write_leaves_no_partial_output(bad_corpus: Path, tmp_path: Path, signal_name: str,
                                                   returncode: int) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-c", _KILL_WHILE_WRITING, signal_name, str(bad_corpus), *outputs_in(out), "--no-progress"]
    finished = subprocess.run(command, cwd=config.REPO_ROOT, capture_output=True, text=True, timeout=300)
    assert finished.returncode == returncode, finished.stderr
    # No output was complete yet, so there is none; a killed process leaves only a hidden temporary file.
    visible = [path.name for path in out.iterdir() if not path.name.startswith(".")]
    hidden = [path.name for path in out.iterdir() if path.name.startswith(".")]
    assert visible == []
    if signal_name == "SIGINT":
        assert hidden == [] and "interrupted" in finished.stderr
    else:
        assert len(hidden) == 1 and hidden[0].startswith(".claims.csv.") and hidden[0].endswith(".tmp")


def test_unknown_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--frobnicate"])
    assert stopped.value.code == EXIT_FAILED
    assert "unrecognized arguments: --frobnicate" in capsys.readouterr().err


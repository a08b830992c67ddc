"""The ``crosswire`` command end to end, as a script would run it: exit codes, messages, output."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import crosswire as cw
import pytest

ENTRY_POINT = Path(sys.executable).with_name("crosswire.exe" if os.name == "nt" else "crosswire")
INVALID_AT = len(b"Valid start. ")  # where hostile/bad.txt stops being UTF-8


def run(*args: str, cmd: list[str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}  # export must still write UTF-8 data
    return subprocess.run(
        [*(cmd or [sys.executable, "-m", "crosswire"]), *args],
        capture_output=True,
        env=env,
        timeout=120,
    )


def out(p: subprocess.CompletedProcess) -> str:
    return p.stdout.decode("utf-8")


def err(p: subprocess.CompletedProcess) -> str:
    return p.stderr.decode("utf-8", errors="replace")


def assert_clean_error(p: subprocess.CompletedProcess, code: int, *needles: str) -> None:
    assert p.returncode == code, err(p)
    assert "Traceback" not in err(p)
    for needle in needles:
        assert needle in err(p)


@pytest.fixture(scope="module")
def sample():
    return cw.datasets.kherson_2022()


def expected_rows(df) -> list[dict]:
    return [dict(zip(df.columns, row)) for row in zip(*(df[c].tolist() for c in df.columns))]


def read_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def as_csv_strings(rows: list[dict]) -> list[dict]:
    return [{k: str(v) for k, v in row.items()} for row in rows]


# -- help, version, usage errors ------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["info"], ["tokens"], ["sentences"]])
def test_help_everywhere_with_examples(command):
    p = run(*command, "--help")
    assert p.returncode == 0, err(p)
    assert out(p).startswith("usage: crosswire")
    assert "examples:" in out(p)


def test_version():
    p = run("--version")
    assert p.returncode == 0 and out(p).strip() == f"crosswire {cw.__version__}"


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["frobnicate"],
        ["info"],
        ["info", "some/dir", "--sample"],
        ["info", "--sample", "--format", "csv"],
        ["tokens", "--sample", "--format", "xml"],
        ["tokens", "--sample", "--errors", "ignore"],
        ["sentences", "--sample", "--no-such-option"],
    ],
)
def test_usage_errors_exit_2(args):
    p = run(*args)
    assert_clean_error(p, 2, "usage: crosswire")
    assert p.stdout == b""


# -- info -----------------------------------------------------------------------------------


def test_info_table_on_the_sample(sample):
    p = run("info", "--sample")
    assert p.returncode == 0, err(p)
    lines = out(p).splitlines()
    assert lines[0].split() == [
        "document",
        "date",
        "source",
        "characters",
        "tokens",
        "sentences",
        "boilerplate",
    ]
    for doc in sample:
        row = next(line for line in lines if line.startswith(doc.name))
        assert f"{len(doc.text):,}" in row.split()
        assert (doc.date.isoformat() if doc.date else "-") == row.split()[1]
    total = lines[-1]
    assert total.startswith(f"total: {len(sample)} documents")
    assert f"{sum(len(d.text) for d in sample):,}" in total.split()
    assert f"{len(sample.tokens()):,}" in total.split()


def test_info_json_numbers(sample):
    p = run("info", "--sample", "--format", "json")
    assert p.returncode == 0, err(p)
    report = json.loads(out(p))
    tokens = sample.tokens().groupby("doc", observed=False).size()
    sentences = sample.sentences().groupby("doc", observed=False).size()
    bp = sample.boilerplate()
    bp_chars = (bp["end"] - bp["start"]).groupby(bp["doc"], observed=False).sum()
    assert [d["name"] for d in report["documents"]] == sample.names
    for entry, doc in zip(report["documents"], sample):
        assert entry["date"] == (doc.date.isoformat() if doc.date else None)
        assert entry["source"] == doc.source
        assert entry["characters"] == len(doc.text)
        assert entry["tokens"] == tokens[doc.name]
        assert entry["sentences"] == sentences[doc.name]
        assert entry["boilerplate_characters"] == bp_chars[doc.name]
        assert entry["boilerplate_share"] == pytest.approx(bp_chars[doc.name] / len(doc.text))
    totals = report["totals"]
    assert totals["documents"] == len(sample)
    assert totals["characters"] == sum(len(d.text) for d in sample)
    assert totals["tokens"] == len(sample.tokens())
    assert totals["sentences"] == len(sample.sentences())
    assert totals["boilerplate_share"] == pytest.approx(bp_chars.sum() / totals["characters"])


def test_info_on_a_folder_reads_only_txt_files(valid):
    p = run("info", str(valid), "--format", "json")
    assert p.returncode == 0, err(p)
    docs = {d["name"]: d for d in json.loads(out(p))["documents"]}
    assert sorted(docs) == ["bom_crlf", "empty", "markup"]
    assert docs["empty"]["characters"] == 0 and docs["empty"]["boilerplate_share"] == 0
    assert docs["bom_crlf"]["characters"] == len("First line.\r\nSecond line.\r\n")  # BOM dropped


def test_info_through_the_entry_point(sample):
    if not ENTRY_POINT.exists():
        pytest.skip("the crosswire script is not installed next to this interpreter")
    p = run("info", "--sample", cmd=[str(ENTRY_POINT)])
    assert p.returncode == 0, err(p)
    assert all(name in out(p) for name in sample.names)


# -- input errors ---------------------------------------------------------------------------


def test_invalid_utf8_names_file_and_offset(hostile, tmp_path):
    target = tmp_path / "tokens.csv"
    for command in (["info"], ["tokens", "-o", str(target)], ["sentences"]):
        p = run(*command, str(hostile))
        assert_clean_error(
            p, 1, "crosswire: error:", "bad.txt", f"byte offset {INVALID_AT}", "--errors replace"
        )
        assert p.stdout == b""
    assert not target.exists()  # no empty output file left behind


def test_errors_replace_reads_leniently_and_warns(hostile):
    p = run("tokens", str(hostile), "--errors", "replace", "--format", "jsonl")
    assert p.returncode == 0, err(p)
    assert "warning" in err(p) and "bad.txt" in err(p) and f"byte offset {INVALID_AT}" in err(p)
    rows = [json.loads(line) for line in out(p).splitlines()]
    assert {r["doc"] for r in rows} == {"bad", "bom_crlf", "markup"}  # empty.txt has no tokens
    bad = "".join(r["text"] for r in rows if r["doc"] == "bad")
    assert "\ufffd" in bad and bad.startswith("Validstart.")


@pytest.mark.parametrize("what", ["missing", "file", "no_txt"])
def test_unreadable_input_folder(what, tmp_path):
    path = {
        "missing": tmp_path / "does-not-exist",
        "file": tmp_path / "a-file.txt",
        "no_txt": tmp_path / "only-markdown",
    }[what]
    if what == "file":
        path.write_text("text", encoding="utf-8")
    if what == "no_txt":
        path.mkdir()
        (path / "readme.md").write_text("hi", encoding="utf-8")
    p = run("info", str(path))
    assert_clean_error(p, 1, "crosswire: error:", str(path))
    assert p.stdout == b""


def test_unwritable_output_file(tmp_path):
    target = tmp_path / "no-such-folder" / "tokens.csv"
    p = run("tokens", "--sample", "-o", str(target))
    assert_clean_error(p, 1, "crosswire: error:", str(target))


# -- export ---------------------------------------------------------------------------------


def test_tokens_csv_on_stdout_matches_the_library(sample):
    p = run("tokens", "--sample")
    assert p.returncode == 0, err(p)
    got = read_csv(out(p))
    assert list(got[0]) == ["doc", "i", "start", "end", "text", "kind", "boilerplate"] + [
        "pos",
        "tag",
        "lemma",
        "head",
        "dep",
    ]
    assert got == as_csv_strings(expected_rows(sample.tokens()))


def test_sentences_csv_file_keeps_line_breaks(sample, tmp_path):
    target = tmp_path / "sentences.csv"
    p = run("sentences", "--sample", "-o", str(target))
    assert p.returncode == 0, err(p)
    assert p.stdout == b""
    with open(target, encoding="utf-8", newline="") as f:
        got = list(csv.DictReader(f))
    assert got == as_csv_strings(expected_rows(sample.sentences()))
    for row in got:
        assert sample[row["doc"]].text[int(row["start"]) : int(row["end"])] == row["text"]


@pytest.mark.parametrize("table", ["tokens", "sentences"])
def test_jsonl_matches_the_library(sample, table):
    p = run(table, "--sample", "--format", "jsonl")
    assert p.returncode == 0, err(p)
    got = [json.loads(line) for line in out(p).splitlines()]
    assert got == expected_rows(getattr(sample, table)())


def test_markup_and_unicode_survive_export(valid):
    text = (valid / "markup.txt").read_text(encoding="utf-8")
    for fmt, parse in [
        ("csv", read_csv),
        ("jsonl", lambda s: [json.loads(x) for x in s.splitlines()]),
    ]:
        p = run("tokens", str(valid), "--format", fmt)
        assert p.returncode == 0, err(p)
        rows = [r for r in parse(out(p)) if r["doc"] == "markup"]
        assert "".join(r["text"] for r in rows) == "".join(text.split())
        for r in rows:
            assert text[int(r["start"]) : int(r["end"])] == r["text"]
    assert (
        "Stremoúsov".encode() in p.stdout and "💥".encode() in p.stdout
    )  # UTF-8 despite PYTHONIOENCODING


def test_broken_pipe_is_quiet():
    # The sample's token CSV is far larger than a pipe buffer, so the writer meets a closed pipe.
    proc = subprocess.Popen(
        [sys.executable, "-m", "crosswire", "tokens", "--sample"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    first = proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 141
    assert first.startswith(b"doc,i,start,end")
    assert stderr == ""


def test_broken_pipe_in_a_shell_pipeline():
    p = subprocess.run(
        [
            "bash",
            "-c",
            f'set -o pipefail; "{sys.executable}" -m crosswire tokens --sample | head -n 2',
        ],
        capture_output=True,
        timeout=120,
    )
    if p.returncode == 127:
        pytest.skip("no bash")
    assert p.returncode == 141 and p.stderr == b""
    assert len(p.stdout.splitlines()) == 2


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_write_failure_is_an_error_not_a_traceback():
    p = run("tokens", "--sample", "-o", "/dev/full")
    assert_clean_error(p, 1, "crosswire: error: cannot write")

"""The analysis commands end to end: entities, claims, align, compare and report, as a shell
script would run them (exit codes, messages on stderr, data on stdout or in -o FILE)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from html.parser import HTMLParser

import crosswire as cw
import pytest
from test_cli import INVALID_AT, assert_clean_error, err, out, read_csv, run


def native(value):
    """A table cell as CSV/JSON carry it: missing values None, tuples lists."""
    import pandas as pd

    if value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, (list, tuple)):
        return [native(v) for v in value]
    return value


def library_rows(df) -> list[dict]:
    return [
        {k: native(v) for k, v in zip(df.columns, row)}
        for row in zip(*(df[c].tolist() for c in df.columns))
    ]


# -- help and usage -------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["entities", "claims", "align", "compare", "report"])
def test_help_with_examples(command):
    p = run(command, "--help")
    assert p.returncode == 0, err(p)
    assert out(p).startswith(f"usage: crosswire {command}")
    assert "examples:" in out(p) and f"crosswire {command} " in out(p)


def test_top_level_help_leads_with_the_report():
    p = run("--help")
    examples = out(p).split("examples:")[1].strip().splitlines()
    assert examples[0].split()[:3] == ["crosswire", "report", "--sample"]


@pytest.mark.parametrize(
    "args",
    [
        ["entities"],
        ["claims", "--sample", "--format", "xml"],
        ["entities", "--sample", "--table", "people"],
        ["align", "--sample", "--table", "everything"],
        ["compare"],
        ["compare", "only one"],
        ["compare", "a", "b", "c"],
        ["compare", "a", "b", "--pairs", "pairs.csv"],
        ["compare", "a", "b", "--format", "xml"],
        ["report"],
        ["report", "dir", "--sample"],
    ],
)
def test_usage_errors_exit_2(args):
    p = run(*args)
    assert_clean_error(p, 2, "usage: crosswire")
    assert p.stdout == b""


# -- entities and claims --------------------------------------------------------------------


@pytest.mark.parametrize("table, method", [("mentions", "entities"), ("entities", "entity_table")])
def test_entities_json_matches_the_library(sample, table, method):
    p = run("entities", "--sample", "--table", table, "--format", "json")
    assert p.returncode == 0, err(p)
    assert json.loads(out(p)) == library_rows(getattr(sample, method)())


def test_claims_jsonl_matches_the_library(sample):
    p = run("claims", "--sample", "--format", "jsonl")
    assert p.returncode == 0, err(p)
    got = [json.loads(line) for line in out(p).splitlines()]
    assert got == library_rows(sample.claims())
    assert len(got) == len(sample.claims()) > 0


def test_claims_csv_file_has_json_lists_and_empty_missing_values(sample, tmp_path):
    target = tmp_path / "claims.csv"
    p = run("claims", "--sample", "-o", str(target))
    assert p.returncode == 0 and p.stdout == b"", err(p)
    with open(target, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    expected = library_rows(sample.claims())
    assert [r["claim"] for r in rows] == [e["claim"] for e in expected]
    for row, exp in zip(rows, expected):
        assert json.loads(row["entities"]) == exp["entities"]
        assert json.loads(row["figures"]) == exp["figures"]
        assert row["speaker"] == (exp["speaker"] or "")
        assert sample[row["doc"]].text[int(row["start"]) : int(row["end"])] == row["text"]


def test_hostile_folder_exports_and_reports_with_replace(hostile, tmp_path):
    for command in ("entities", "claims"):
        p = run(command, str(hostile), "--errors", "replace", "--format", "jsonl")
        assert p.returncode == 0, err(p)
        assert "bad.txt" in err(p) and f"byte offset {INVALID_AT}" in err(p)
        for line in out(p).splitlines():
            json.loads(line)


@pytest.mark.parametrize(
    "command", [["entities"], ["claims"], ["align"], ["report", "-o", "REPORT"]]
)
def test_invalid_utf8_is_an_input_error_and_leaves_no_file(hostile, tmp_path, command):
    target = tmp_path / "report.html"
    args = [str(target) if a == "REPORT" else a for a in command]
    p = run(*args, str(hostile))
    assert_clean_error(p, 1, "crosswire: error:", "bad.txt", f"byte offset {INVALID_AT}")
    assert p.stdout == b""
    assert not target.exists()


@pytest.mark.parametrize("command", ["entities", "claims", "report"])
def test_missing_folder_is_an_input_error(command, tmp_path):
    p = run(command, str(tmp_path / "nowhere"))
    assert_clean_error(p, 1, "crosswire: error:", "nowhere")


# -- the report -----------------------------------------------------------------------------


class Tags(HTMLParser):
    def __init__(self, markup: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def assert_safe_page(markup: str) -> None:
    tags = Tags(markup).tags
    assert not [t for t, _ in tags if t in {"script", "img", "iframe", "svg"}]
    assert not [a for _, a in tags for k in a if k.lower().startswith("on")]


def test_report_on_the_sample(tmp_path):
    target = tmp_path / "report.html"
    p = run("report", "--sample", "-o", str(target))
    assert p.returncode == 0, err(p)
    assert p.stdout == b""
    # stderr is not a terminal here: no progress bar, only the closing line.
    assert err(p) == f"crosswire: wrote {target} (5 documents)\n"
    markup = target.read_text(encoding="utf-8")
    assert markup.startswith("<!DOCTYPE html>")
    assert_safe_page(markup)
    for name in cw.datasets.kherson_2022().names:
        assert name in markup


def test_report_quiet_and_stdout(tmp_path):
    p = run("report", "--sample", "--quiet", "-o", "-", "--title", "Kherson & co")
    assert p.returncode == 0, err(p)
    assert p.stderr == b""
    markup = out(p)
    assert "<title>Kherson &amp; co</title>" in markup
    assert_safe_page(markup)


def test_progress_shows_stages_and_documents_on_a_terminal_only(tmp_path):
    import pty

    def stderr_on_a_terminal(*args: str) -> str:
        leader, follower = pty.openpty()
        p = subprocess.run(
            [sys.executable, "-m", "crosswire", *args], stderr=follower, stdout=subprocess.PIPE
        )
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal is closed and drained
                break
            if not chunk:
                break
            shown += chunk
        os.close(leader)
        assert p.returncode == 0, shown
        return shown.decode("utf-8")

    shown = stderr_on_a_terminal("claims", "--sample", "-o", str(tmp_path / "c.csv"))
    # Stages as fast as the sample's may finish between two looks; the last is always shown.
    for stage in ["reading", "claims 5/5 documents"]:
        assert f" {stage}…" in shown, shown
    assert shown.endswith("\r")  # the line is cleared at the end
    quiet = stderr_on_a_terminal("claims", "--sample", "--quiet", "-o", str(tmp_path / "q.csv"))
    assert quiet == ""


def test_recursive_reads_nested_folders(tmp_path):
    for path, text in [
        ("2024-05/herald/1.txt", "Kyiv said 30 soldiers were killed."),
        ("2024-05/courier/1.txt", "Moscow denied it."),
        ("top.txt", "x"),
    ]:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    p = run("info", str(tmp_path), "--recursive", "--format", "json")
    assert p.returncode == 0, err(p)
    names = [d["name"] for d in json.loads(out(p))["documents"]]
    assert names == ["2024-05/courier/1", "2024-05/herald/1", "top"]
    flat = json.loads(out(run("info", str(tmp_path), "--format", "json")))
    assert [d["name"] for d in flat["documents"]] == ["top"]


def test_report_default_output_is_report_html(tmp_path):
    import subprocess
    import sys

    p = subprocess.run(
        [sys.executable, "-m", "crosswire", "report", "--sample", "-q"],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
    )
    assert p.returncode == 0, p.stderr
    assert (tmp_path / "report.html").stat().st_size > 10_000


def test_report_on_a_hostile_folder(hostile, tmp_path):
    target = tmp_path / "hostile.html"
    p = run("report", str(hostile), "--errors", "replace", "-o", str(target))
    assert p.returncode == 0, err(p)
    assert "warning" in err(p) and "bad.txt" in err(p)
    markup = target.read_text(encoding="utf-8")
    assert_safe_page(markup)
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in markup
        or '&lt;script&gt;alert("x")' in markup
    )
    for name in ["markup", "empty", "bom_crlf", "bad"]:
        assert f">{name}<" in markup or f"{name}</span>" in markup


def test_report_to_an_unwritable_place(tmp_path):
    target = tmp_path / "missing-dir" / "report.html"
    p = run("report", "--sample", "-o", str(target))
    assert_clean_error(p, 1, "crosswire: error:", str(target))


# -- align and compare ----------------------------------------------------------------------


@pytest.mark.parametrize("table", ["pairs", "groups", "coverage"])
def test_align_tables(sample, table):
    p = run("align", "--sample", "--table", table, "--format", "json")
    assert p.returncode == 0, err(p)
    rows = json.loads(out(p))
    expected = getattr(sample.align(), table)()
    assert len(rows) == len(expected)
    if table == "pairs":
        assert {r["relation"] for r in rows} <= {"agree", "conflict", "related"}
        assert all(r["reason"] for r in rows)


def test_compare_two_sentences():
    p = run(
        "compare",
        "Moscow says as many as 20,000 people have fled.",
        "Kyiv says about 1,000 people have fled.",
    )
    assert p.returncode == 0, err(p)
    relation, score, reason = out(p).rstrip("\n").split("\t")
    assert relation in {"agree", "conflict", "related"}
    assert 0.0 <= float(score) <= 1.0 and reason
    p = run("compare", "a cat sat", "a cat sat", "--format", "json")
    assert json.loads(out(p))[0].keys() >= {"a", "b", "relation", "score", "reason"}


def test_compare_pairs_file_keeps_columns_and_adds_three(tmp_path):
    source = tmp_path / "pairs.csv"
    with open(source, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "a", "b"])
        w.writerow(
            [
                "1",
                "32 Russian soldiers were killed, Ukraine said.",
                "At least 30 Russians were killed.",
            ]
        )
        w.writerow(["2", 'He said "no", then left.', "Stremoúsov’s 💥 report, with a comma"])
    p = run("compare", "--pairs", str(source))
    assert p.returncode == 0, err(p)
    rows = read_csv(out(p))
    assert [list(r) for r in rows][0] == ["id", "a", "b", "relation", "score", "reason"]
    assert [r["id"] for r in rows] == ["1", "2"]
    assert rows[1]["b"] == "Stremoúsov’s 💥 report, with a comma"


@pytest.mark.parametrize(
    "content, needle",
    [(b"x,y\n1,2\n", "needs columns a and b"), (b"", "empty"), (b"a,b\n\xff\xfe,x\n", "UTF-8")],
)
def test_compare_bad_pairs_files(tmp_path, content, needle):
    source = tmp_path / "pairs.csv"
    source.write_bytes(content)
    p = run("compare", "--pairs", str(source))
    assert_clean_error(p, 1, "crosswire: error:", str(source), needle)
    assert p.stdout == b""


def test_compare_missing_pairs_file(tmp_path):
    p = run("compare", "--pairs", str(tmp_path / "nope.csv"))
    assert p.returncode == 1 and "Traceback" not in err(p)
    assert "crosswire: error:" in err(p)


def test_json_export_is_one_valid_document(sample):
    p = run("entities", "--sample", "--format", "json")
    assert isinstance(json.load(io.StringIO(out(p))), list)

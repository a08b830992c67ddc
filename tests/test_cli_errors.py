"""Every failure of the ``crosswire`` command is one line on stderr and a documented exit code,
never a traceback: bytes that are not UTF-8 in arguments and pairs files (with their byte
offset), a closed stdout, running out of memory, and a bug."""

from __future__ import annotations

import subprocess
import sys

import crosswire
import pytest
from conftest import REPO
from crosswire.cli import errors, main
from test_cli import assert_clean_error, err, run


def one_line(text: str) -> str:
    assert text.count("\n") == 1 and text.endswith("\n"), text
    return text


def run_bytes(*args: bytes, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable.encode(), b"-m", b"crosswire", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
    )


# -- bytes that are not UTF-8 ------------------------------------------------------------------


def test_a_sentence_that_is_not_utf8_is_an_input_error():
    p = run_bytes(b"compare", b"Kyiv said 32 died \xff", b"Moscow said 40 died")
    assert_clean_error(p, 1, "crosswire: error: SENTENCE 1 is not valid UTF-8 at byte offset 18")
    one_line(err(p))
    assert p.stdout == b""
    p = run_bytes(b"compare", b"Kyiv said", b"\xc3(")
    assert_clean_error(p, 1, "SENTENCE 2 is not valid UTF-8 at byte offset 0")


def test_a_title_that_is_not_utf8_is_an_input_error(tmp_path):
    target = tmp_path / "report.html"
    p = run_bytes(b"report", b"--sample", b"--title", b"Kh\xe9rson", b"-o", bytes(target))
    assert_clean_error(p, 1, "crosswire: error: --title is not valid UTF-8 at byte offset 2")
    assert not target.exists()


def test_a_folder_name_that_is_not_utf8_is_only_a_path(tmp_path):
    folder = bytes(tmp_path) + b"/caf\xe9"
    p = run_bytes(b"info", folder)
    assert_clean_error(p, 1, "crosswire: error:", "caf")  # missing: named, not a decoding error
    assert "UTF-8" not in err(p)


@pytest.mark.parametrize("where", ["file", "stdin"])
def test_a_pairs_file_names_the_offset_of_its_bad_byte(tmp_path, where):
    data = b"a,b\nabcdefghijklm,\xff\n"  # the bad byte is at 18
    if where == "file":
        source = tmp_path / "pairs.csv"
        source.write_bytes(data)
        p = run_bytes(b"compare", b"--pairs", bytes(source))
        name = str(source)
    else:
        p = run_bytes(b"compare", b"--pairs", b"-", stdin=data)
        name = "stdin"
    assert_clean_error(p, 1, f"crosswire: error: {name}: not valid UTF-8 at byte offset 18")
    one_line(err(p))


def test_a_pairs_file_may_start_with_a_byte_order_mark():
    p = run_bytes(b"compare", b"--pairs", b"-", stdin="\ufeffa,b\nx y z.,x y z.\n".encode())
    assert p.returncode == 0, err(p)
    assert p.stdout.decode().splitlines()[0] == "a,b,relation,score,reason"


# -- where output cannot go ----------------------------------------------------------------------


def test_a_closed_stdout_is_an_input_error():
    p = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m crosswire info --sample >&-'],
        capture_output=True,
        timeout=120,
    )
    if p.returncode == 127:
        pytest.skip("no bash")
    assert_clean_error(p, 1, "crosswire: error: cannot write the output: stdout is closed")


def test_non_ascii_data_reaches_an_ascii_stdout_as_utf8():
    p = run("compare", "Stremoúsov said 💥", "Stremoúsov said", "--format", "jsonl")
    assert p.returncode == 0, err(p)
    assert "Stremoúsov said 💥".encode() in p.stdout


# -- failures inside a command -------------------------------------------------------------------


def test_running_out_of_memory_is_one_line_and_exit_3(monkeypatch, capsys, tmp_path):
    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(crosswire.reporting, "render", exhausted)
    code = main(["report", "--sample", "--quiet", "-o", str(tmp_path / "r.html")])
    assert code == errors.EXIT_MEMORY == 3
    assert one_line(capsys.readouterr().err).startswith("crosswire: error: out of memory")
    assert not (tmp_path / "r.html").exists()


def test_a_bug_is_one_line_and_exit_4(monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise KeyError("no such column\nsecond line")

    monkeypatch.setattr(crosswire.summary, "corpus_summary", broken)
    code = main(["info", "--sample"])
    assert code == errors.EXIT_INTERNAL == 4
    message = one_line(capsys.readouterr().err)
    assert message.startswith("crosswire: internal error: KeyError:") and "report it" in message


def test_a_failure_with_stderr_closed_still_exits_with_its_code(monkeypatch):
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["info", "/no/such/folder/anywhere"]) == errors.EXIT_INPUT


# -- documented ---------------------------------------------------------------------------------


def test_every_exit_code_is_documented_in_help_and_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    p = run("--help")
    help_text = " ".join(p.stdout.decode().split())
    for code, meaning in errors.EXIT_CODES:
        assert f"{code} {meaning}" in help_text
        assert f"`{code}`" in readme, f"exit code {code} is not in README"

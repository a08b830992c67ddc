"""The hand-kept stubs (python/crosswire/_core.pyi) match the compiled module, and the Python
layer type-checks against them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

STUB = REPO / "python" / "crosswire" / "_core.pyi"


def stubtest(env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "crosswire._core"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_installed_package_is_typed():
    import crosswire

    installed = Path(crosswire.__file__).parent
    assert (installed / "py.typed").is_file()
    assert (installed / "_core.pyi").read_text() == STUB.read_text()


def test_stubs_match_the_built_module():
    result = stubtest()
    assert result.returncode == 0, result.stdout + result.stderr


def shadow_stubtest(tmp_path: Path, text: str) -> subprocess.CompletedProcess[str]:
    """Runs stubtest with ``text`` as the stubs, shadowing the real ones on MYPYPATH."""
    shadow = tmp_path / "crosswire"
    shadow.mkdir()
    (shadow / "__init__.pyi").write_text("")
    (shadow / "_core.pyi").write_text(text)
    return stubtest({"MYPYPATH": str(tmp_path)})


def test_shadowed_stubs_are_the_ones_checked(tmp_path: Path):
    result = shadow_stubtest(tmp_path, STUB.read_text())
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "    def analyse_text(self) -> None: ...\n",
            "",
            "Corpus.analyse_text is not present in stub",
        ),
        (
            "def index_of(self, name: str)",
            "def index_of(self, key: str)",
            "Corpus.index_of is inconsistent",
        ),
        (
            "    def __len__(self) -> int: ...\n    def names",
            "    def __len__(self) -> int: ...\n    def extra(self) -> None: ...\n    def names",
            "Corpus.extra is not present at runtime",
        ),
    ],
    ids=["missing", "renamed-argument", "extra"],
)
def test_stubtest_catches_drift(tmp_path: Path, old: str, new: str, message: str):
    text = STUB.read_text()
    assert text.count(old) == 1
    result = shadow_stubtest(tmp_path, text.replace(old, new))
    assert result.returncode != 0
    assert message in result.stdout, result.stdout


def test_python_layer_type_checks():
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr

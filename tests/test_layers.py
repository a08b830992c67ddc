"""The Python modules form one layer order: each imports, at run time, only modules listed
before it. Imports under ``if TYPE_CHECKING:`` are for annotations and may point anywhere.
A module missing from the order fails the test: place it where it belongs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import REPO

PACKAGE = REPO / "python" / "crosswire"

# Lowest first. The compiled core; helpers that know no corpus; tables, the tokenizer, HTML
# and alignment over the core; the report; the Corpus face and what builds on it; the command
# line; the package root, which only gathers names.
ORDER = [
    "crosswire._core",
    "crosswire.inputs",
    "crosswire.analysis_schema",
    "crosswire.export",
    "crosswire.progress",
    "crosswire.summary",
    "crosswire.patterns",
    "crosswire.columns",
    "crosswire.frames",
    "crosswire.markup",
    "crosswire.tokenizer",
    "crosswire.display",
    "crosswire.spacy_bridge",
    "crosswire.alignment",
    "crosswire.reporting.style",
    "crosswire.reporting.model",
    "crosswire.reporting.template",
    "crosswire.reporting",
    "crosswire.corpus",
    "crosswire.datasets",
    "crosswire.analysis",
    "crosswire.plots",
    "crosswire.dask_paused",
    "crosswire.dask_kept",
    "crosswire.dask_alignment",
    "crosswire.dask",
    "crosswire.cli.errors",
    "crosswire.cli.spec",
    "crosswire.cli.actions",
    "crosswire.cli.commands",
    "crosswire.cli.parser",
    "crosswire.cli.main",
    "crosswire.cli",
    "crosswire",
    "crosswire.__main__",
]


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = ["crosswire", *path.relative_to(root).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking_only(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def imports_of(name: str, source: str, is_package: bool, known: set[str]) -> set[str]:
    """The package's modules that ``name`` imports at run time (top level or in a function)."""
    package = name if is_package else name.rpartition(".")[0]
    out: set[str] = set()
    for node in _runtime_imports(ast.parse(source)):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == "crosswire")
            continue
        if node.level:
            base = package.split(".")
            base = base[: len(base) - (node.level - 1)]
            target = ".".join([*base, *([node.module] if node.module else [])])
        else:
            target = node.module or ""
        if target.split(".")[0] != "crosswire":
            continue
        for alias in node.names:  # `from . import frames` imports the module crosswire.frames
            sub = f"{target}.{alias.name}"
            out.add(sub if sub in known else target)
    return out - {name}


def package_modules(root: Path = PACKAGE) -> dict[str, tuple[str, bool]]:
    return {
        module_name(p, root): (p.read_text(encoding="utf-8"), p.name == "__init__.py")
        for p in sorted(root.rglob("*.py"))
    }


def violations(modules: dict[str, tuple[str, bool]], order: list[str]) -> list[str]:
    rank = {name: i for i, name in enumerate(order)}
    problems = [f"{name} is not in the layer order" for name in modules if name not in rank]
    for name, (source, is_package) in modules.items():
        for target in sorted(imports_of(name, source, is_package, set(rank))):
            if target not in rank:
                problems.append(f"{name} imports {target}, which is not in the layer order")
            elif name in rank and rank[target] >= rank[name]:
                problems.append(f"{name} imports {target}, which is not below it")
    return problems


def test_the_package_follows_its_layer_order():
    assert violations(package_modules(), ORDER) == []


def test_every_module_in_the_order_exists():
    modules = set(package_modules()) | {"crosswire._core"}
    assert [name for name in ORDER if name not in modules] == []


@pytest.mark.parametrize(
    "module, source, problem",
    [
        (
            "crosswire.analysis",
            "from . import __version__\n",
            "crosswire.analysis imports crosswire, which is not below it",
        ),
        (
            "crosswire.reporting.model",
            "def f():\n    from ..cli import main\n",
            "crosswire.reporting.model imports crosswire.cli.main, which is not below it",
        ),
        (
            "crosswire.frames",
            "import crosswire.corpus\n",
            "crosswire.frames imports crosswire.corpus, which is not below it",
        ),
        ("crosswire.newcomer", "import os\n", "crosswire.newcomer is not in the layer order"),
    ],
)
def test_the_check_catches_an_upward_import(module, source, problem):
    assert problem in violations({module: (source, False)}, ORDER)


def test_annotation_only_imports_may_point_up():
    source = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .corpus import Corpus\n"
    assert violations({"crosswire.frames": (source, False)}, ORDER) == []


def test_the_version_comes_from_the_core():
    import crosswire
    from crosswire import _core

    assert crosswire.__version__ == _core.__version__

"""The library's shape: no import cycle between ucjlib's modules, and no markup made in Python."""

from __future__ import annotations

import ast
import re

from ucjlib import paths


def _imports() -> dict[str, set[str]]:
    modules = {path.stem: path for path in paths.PACKAGE_DIR.glob("*.py")}
    graph = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                found |= {node.module.split(".")[0]} if node.module else {alias.name for alias in node.names}
        graph[name] = found & set(modules)
    return graph


def test_no_import_cycle_in_ucjlib():
    graph, state = _imports(), {}

    def visit(module, trail):
        state[module] = "open"
        for dependency in sorted(graph[module]):
            assert state.get(dependency) != "open", " → ".join(trail + [dependency])
            if dependency not in state:
                visit(dependency, trail + [dependency])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])


def _docstrings(tree) -> set[int]:
    """ids of the string constants that are docstrings (they may show markup as an example)."""
    owners = [tree, *(n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)))]
    return {id(owner.body[0].value) for owner in owners
            if owner.body and isinstance(owner.body[0], ast.Expr) and isinstance(owner.body[0].value, ast.Constant)}


def test_no_html_is_assembled_in_python():
    # Markup lives in ucjlib/templates; a tag inside a Python string literal is a page built by hand.
    tag = re.compile(r"<(html|body|p|h[1-6]|table|tr|td|th|ul|li|img|a|section|figure|strong|em|sup)[\s>]")
    for path in paths.PACKAGE_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                assert not tag.search(node.value), f"{path.name}:{node.lineno}: {node.value[:60]!r}"

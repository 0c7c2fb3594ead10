"""The library's shape: stages that import only downwards, no import cycle, no ucjlib import
inside a function, no markup made in Python."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

from ucjlib import paths

# A module imports only from its own stage or a lower one; analysis and publish stand side by side.
STAGES = {"foundation": 0, "data": 1, "model": 2, "view": 3, "analysis": 4, "publish": 4, "cli": 5}
SIDE_BY_SIDE = {("analysis", "publish"), ("publish", "analysis")}
PACKAGE_FACE = {"ucjlib", "ucjlib.__main__"}  # the re-exports of the public API, and `python -m ucjlib`


def _modules() -> dict[str, ast.Module]:
    found = {}
    for path in sorted(paths.PACKAGE_DIR.rglob("*.py")):
        parts = path.relative_to(paths.PACKAGE_DIR.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = ast.parse(path.read_text(encoding="utf-8"))
    return found


MODULES = _modules()


def stage_of(module: str) -> str:
    parts = module.split(".")
    if module == "ucjlib.cli":
        return "cli"
    return parts[1] if len(parts) > 2 or parts[1:] and parts[1] in STAGES else "foundation"


def _imported(module: str, node: ast.ImportFrom | ast.Import) -> set[str]:
    """The ucjlib modules an import statement names (a name imported from a package counts
    as that package's module when there is one)."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if alias.name.split(".")[0] == "ucjlib"}
    base = node.module or ""
    if node.level:
        package = module.split(".")[: -node.level] if module not in PACKAGE_FACE else module.split(".")
        base = ".".join(package + ([base] if base else []))
    if base.split(".")[0] != "ucjlib":
        return set()
    named = {f"{base}.{alias.name}" for alias in node.names}
    return {name for name in named if name in MODULES} or {base}


def _graph() -> dict[str, set[str]]:
    graph = {}
    for module, tree in MODULES.items():
        found = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                found |= _imported(module, node)
        graph[module] = {name for name in found if name in MODULES and name != module}
    return graph


def test_every_module_belongs_to_a_known_stage_and_the_top_stays_small():
    top = [m for m in MODULES if stage_of(m) in ("foundation", "cli") and m != "ucjlib"]
    assert {stage_of(m) for m in MODULES} <= set(STAGES)
    assert len(top) <= 14, top


def test_each_stage_imports_only_from_its_own_stage_or_below():
    wrong = []
    for module, imported in _graph().items():
        if module in PACKAGE_FACE:
            continue
        for target in imported - {"ucjlib"}:
            mine, theirs = stage_of(module), stage_of(target)
            if STAGES[theirs] > STAGES[mine] or (mine, theirs) in SIDE_BY_SIDE:
                wrong.append(f"{module} ({mine}) imports {target} ({theirs})")
    assert not wrong, "\n".join(wrong)


def test_the_layer_rule_can_fail():
    # The rule above, applied to an import it must refuse: a model module importing the view.
    node = ast.parse("from ucjlib.view.region import View").body[0]
    (target,) = _imported("ucjlib.model.region", node)
    assert STAGES[stage_of(target)] > STAGES[stage_of("ucjlib.model.region")]


def test_no_ucjlib_import_inside_a_function():
    inside = []
    for module, tree in MODULES.items():
        for function in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
            for node in ast.walk(function):
                if isinstance(node, (ast.Import, ast.ImportFrom)) and (
                    getattr(node, "level", 0) or _imported(module, node)
                ):
                    inside.append(f"{module}:{node.lineno}")
    assert not inside, inside


def test_no_import_cycle_in_ucjlib():
    graph, state = _graph(), {}

    def visit(module, trail):
        state[module] = "open"
        for dependency in sorted(graph[module] - PACKAGE_FACE):
            assert state.get(dependency) != "open", " → ".join(trail + [dependency])
            if dependency not in state:
                visit(dependency, trail + [dependency])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])


def test_the_research_tables_do_not_load_the_schema_library():
    # pandera takes seconds to import; only the build's schema checks need it.
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, ucjlib.analysis.tables; print('pandera' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert loaded == "False"


def _docstrings(tree) -> set[int]:
    """ids of the string constants that are docstrings (they may show markup as an example)."""
    owners = [
        tree,
        *(n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))),
    ]
    return {
        id(owner.body[0].value)
        for owner in owners
        if owner.body and isinstance(owner.body[0], ast.Expr) and isinstance(owner.body[0].value, ast.Constant)
    }


def test_no_html_is_assembled_in_python():
    # Markup lives in ucjlib/templates; a tag inside a Python string literal is a page built by hand.
    tag = re.compile(r"<(html|body|p|h[1-6]|table|tr|td|th|ul|li|img|a|section|figure|strong|em|sup)[\s>]")
    for module, tree in MODULES.items():
        docstrings = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                assert not tag.search(node.value), f"{module}:{node.lineno}: {node.value[:60]!r}"

"""pyproject.toml ([project].dependencies + the 'test' extra) and environment.yml (conda
dependencies other than python and pip) must name the same packages with the same bounds."""

import re
import tomllib
from pathlib import Path

from ucjlib import paths

ROOT = Path(paths.PACKAGE_DIR).parent
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*?)\s*$")


def requirements(specs):
    """{normalised name: version bounds without spaces} from 'name>=1.0' strings."""
    parsed = {}
    for spec in specs:
        name, bounds = _REQUIREMENT.match(spec).groups()
        parsed[re.sub(r"[-_.]+", "-", name).lower()] = bounds.replace(" ", "")
    return parsed


def pyproject_requirements(path=ROOT / "pyproject.toml"):
    project = tomllib.loads(path.read_text(encoding="utf-8"))["project"]
    return requirements(project["dependencies"] + project["optional-dependencies"]["test"])


def conda_requirements(path=ROOT / "environment.yml"):
    try:
        import yaml

        entries = yaml.safe_load(path.read_text(encoding="utf-8"))["dependencies"]
    except ImportError:  # the file's simple "  - item" list, read by hand
        entries = [
            line.strip()[2:]
            for line in path.read_text(encoding="utf-8").splitlines()
            if re.match(r"^  - ", line) and not line.rstrip().endswith(":")
        ]
    strings = [e for e in entries if isinstance(e, str)]  # the nested 'pip:' mapping is skipped
    return {name: bounds for name, bounds in requirements(strings).items() if name not in ("python", "pip")}


def compare(pip_side, conda_side):
    """Every disagreement between the two lists, as sentences (empty when they agree)."""
    problems = [f"{n} only in pyproject.toml" for n in sorted(pip_side.keys() - conda_side.keys())]
    problems += [f"{n} only in environment.yml" for n in sorted(conda_side.keys() - pip_side.keys())]
    problems += [
        f"{n}: {pip_side[n]!r} in pyproject.toml but {conda_side[n]!r} in environment.yml"
        for n in sorted(pip_side.keys() & conda_side.keys())
        if pip_side[n] != conda_side[n]
    ]
    return problems


def test_pyproject_and_environment_yml_agree():
    pip_side, conda_side = pyproject_requirements(), conda_requirements()
    assert {"pandas", "pandera", "babel", "pytest", "hypothesis"} <= pip_side.keys()
    assert compare(pip_side, conda_side) == []


def test_compare_catches_an_extra_package_and_a_different_bound():
    pip_side = requirements(["pandas>=2.2", "babel>=2.14", "Foo_Bar>=1.0"])
    conda_side = requirements(["pandas >=2.2", "babel>=2.15", "seaborn>=0.13"])
    assert compare(pip_side, conda_side) == [
        "foo-bar only in pyproject.toml",
        "seaborn only in environment.yml",
        "babel: '>=2.14' in pyproject.toml but '>=2.15' in environment.yml",
    ]
    assert compare(pip_side, dict(pip_side)) == []

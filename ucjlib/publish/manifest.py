"""What each published report was rendered from: a fingerprint of its inputs (template,
ucjlib version, parameters, and the processed rows the report reads), kept in
``reports/manifest.json`` with the SHA-256 of the HTML itself.

The fingerprint lets the runner skip reports whose inputs are unchanged, and
``python -m ucjlib verify`` list reports that no longer match the data.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ucjlib import __version__, paths
from ucjlib.data.processed import load_all
from ucjlib.files import write_text_atomically
from ucjlib.i18n import LANGUAGES
from ucjlib.model.summary import report_regions
from ucjlib.publish.pages import INDEX_FILE, page_path

MANIFEST = "manifest.json"
INDEX_PAGES = {page_path(INDEX_FILE, language) for language in LANGUAGES}
FORMAT = 3  # bump when the manifest's layout changes: an older one is ignored, not misread
TEMPLATE = "report-region.ipynb"
log = logging.getLogger(__name__)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def code_sha256() -> str:
    """SHA-256 of ucjlib's own source, vocabulary, page templates, message catalogs and boundaries:
    a change to any of them re-renders the reports even when nobody bumped the version number."""
    digest = hashlib.sha256(__version__.encode())
    package = paths.PACKAGE_DIR
    files = [
        *package.glob("*.py"),
        *package.glob("*.csv"),
        *package.glob("templates/*"),
        *package.glob("locale/*/LC_MESSAGES/*.po"),
    ]
    for name, path in [
        *((path.relative_to(package).as_posix(), path) for path in sorted(files)),
        ("boundaries", paths.boundaries_file()),
    ]:
        digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@dataclass
class Inputs:
    """The processed tables every report reads, loaded once per run."""

    processed: pd.DataFrame
    checks: pd.DataFrame
    legal: pd.DataFrame
    template_sha256: str
    code_sha256: str
    bases_sha256: str = ""  # the official bases and every printed potensi base: estimates and growth read them

    @staticmethod
    def _bases_sha256(tables) -> str:
        """Over the labour-force table and every printed worker base: a region's estimated base
        uses the potensi ratio of all regions, its growth its province's series."""
        workers = tables.observations[tables.observations["indicator"] == "workers"]
        digest = hashlib.sha256()
        for frame in (tables.labour_force, workers):
            digest.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
        return digest.hexdigest()

    @classmethod
    def load(cls, template_path: Path | None = None) -> Inputs:
        tables = load_all()  # says which file is missing and to run the build first
        template = (template_path or paths.notebooks_dir() / TEMPLATE).read_bytes()
        return cls(
            tables.observations,
            tables.checks,
            tables.legal,
            sha256_bytes(template),
            code_sha256(),
            cls._bases_sha256(tables),
        )

    @staticmethod
    def _row_digests(frame: pd.DataFrame, key: str) -> dict[str, bytes]:
        """Per value of ``key``: the 64-bit hashes of its rows, in file order, as bytes
        (vectorised: fingerprinting 552 regions must not take seconds)."""
        hashes = pd.util.hash_pandas_object(frame, index=False).to_numpy()
        return {value: hashes[positions].tobytes() for value, positions in frame.groupby(key).indices.items()}

    @functools.cached_property
    def _digests(self) -> tuple[dict, dict, dict, dict, list, dict]:
        processed = self._row_digests(self.processed, "region_code")
        checks = self._row_digests(self.checks, "region_code")
        legal = self._row_digests(self.legal, "source_id")
        sources = {code: sorted(set(group)) for code, group in self.processed.groupby("region_code")["source_id"]}
        national = sorted(set(self.processed.loc[self.processed["level"] == "national", "region_code"]))
        # A province's report lists its kabupaten/kota: their rows are its inputs too.
        members = self.processed.loc[
            self.processed["level"].isin(["regency", "city"]), ["province_code", "region_code"]
        ]
        children = {code: sorted(set(group)) for code, group in members.groupby("province_code")["region_code"]}
        return processed, checks, legal, sources, national, children

    def fingerprint(self, region_code: str, parameters: dict) -> str:
        """SHA-256 over everything a region's report depends on: the template, ucjlib's
        code, the parameters, the region's and the nation's rows (and a province's kabupaten/kota),
        the region's checks and the legal references of its sources. Another region's edit leaves it unchanged."""
        processed, checks, legal, sources, national, children = self._digests
        digest = hashlib.sha256()
        for part in (
            self.template_sha256.encode(),
            self.code_sha256.encode(),
            self.bases_sha256.encode(),
            json.dumps(parameters, sort_keys=True).encode(),
            processed.get(region_code, b""),
            *(processed[code] for code in national),
            *(processed[code] + checks.get(code, b"") for code in children.get(region_code, [])),
            checks.get(region_code, b""),
            *(legal.get(source, b"") for code in (region_code, *national) for source in sources.get(code, [])),
        ):
            digest.update(part)
            digest.update(b"\0")
        return digest.hexdigest()


# Every field of an entry the run writes, by type: a manifest lacking one was not written by the run.
REPORT_FIELDS = {
    "file": str,
    "html_sha256": str,
    "inputs_sha256": str,
    "language": str,
    "parameters": dict,
    "region_code": str,
    "region_name": str,
}
FAILED_FIELDS = {"error": str, "language": str, "region_code": str}
# A published report whose last rendering failed for a reason other than its data (a full disk,
# a kernel that hung) keeps its page, marked stale with that reason: the run renders it again.
OPTIONAL_REPORT_FIELDS = {"stale": str}


def read_manifest(reports_dir: Path) -> dict:
    """The manifest, or an empty one when there is none. One the run cannot trust (not UTF-8
    JSON, not the layout the run writes, or naming a page outside ``reports_dir``)
    is treated as absent, with one warning line: the run rebuilds it. Code that reads the
    manifest can then rely on its layout, and read, replace or delete the pages it names."""
    path = reports_dir / MANIFEST
    try:
        manifest = json.loads(path.read_bytes().decode("utf-8"))
        _check_layout(manifest, reports_dir)
        return manifest
    except FileNotFoundError:
        pass
    except UnicodeDecodeError:
        _set_aside(path, "is not UTF-8 text")
    except json.JSONDecodeError as err:
        _set_aside(path, f"is not JSON ({err.msg}, line {err.lineno})")
    except (ValueError, RecursionError) as err:  # not OSError: a folder that cannot be read cannot be written either
        _set_aside(path, str(err))
    return {"format": FORMAT, "reports": {}, "failed": {}}


def _set_aside(path: Path, reason: str) -> None:
    log.warning("%s: %s; treated as absent (`python -m ucjlib reports` rebuilds it)", paths.shown_path(path), reason)


def _check_layout(manifest, reports_dir: Path) -> None:
    """Raise ValueError naming the first part of ``manifest`` that is not as the run writes it."""
    if not isinstance(manifest, dict):
        raise ValueError("is not a JSON object")
    if manifest.get("format") != FORMAT:
        raise ValueError(f"has format {manifest.get('format')!r}, not {FORMAT}: another ucjlib wrote it")
    for table, fields in (("reports", REPORT_FIELDS), ("failed", FAILED_FIELDS)):
        if not isinstance(manifest.get(table), dict):
            raise ValueError(f'its "{table}" is not a JSON object')
        for key, entry in manifest[table].items():
            wrong = [
                name
                for name, kind in fields.items()
                if not isinstance(entry, dict) or not isinstance(entry.get(name), kind)
            ]
            if table == "reports":
                wrong += [
                    name
                    for name, kind in OPTIONAL_REPORT_FIELDS.items()
                    if name in entry and not isinstance(entry[name], kind)
                ]
            if wrong:
                raise ValueError(f'its "{table}" entry {key!r} lacks a valid {", ".join(wrong)}')
            if table == "reports" and not is_inside(reports_dir, entry["file"]):
                raise ValueError(
                    f'its "reports" entry {key!r}: {entry["file"]!r} is not inside {paths.shown_path(reports_dir)}/'
                )
    index = manifest.get("index", {"inputs_sha256": "", "html_sha256": {}})
    pages = index.get("html_sha256") if isinstance(index, dict) else None
    if not (
        isinstance(pages, dict)
        and set(pages) <= INDEX_PAGES
        and isinstance(index.get("inputs_sha256"), str)
        and all(isinstance(sha256, str) for sha256 in pages.values())
    ):
        raise ValueError('its "index" is not the index pages with their hashes')


def is_inside(folder: Path, name: str) -> bool:
    """Whether ``name`` leads into ``folder`` once resolved: ``..`` applied, symbolic links
    followed, an absolute name taken as it is. A manifest is a file anyone can edit: a page
    it names may be deleted by the run, so it must be one of the run's own."""
    folder = folder.resolve()
    try:
        target = (folder / name).resolve()
    except (OSError, ValueError, RuntimeError):  # a link loop, a NUL byte
        return False
    return target != folder and target.is_relative_to(folder)


def write_manifest(reports_dir: Path, manifest: dict) -> None:
    """Write the manifest with one report per line: as readable as an indented dump, and
    written by json's C encoder (an indented dump runs the pure-Python one, and a national run
    rewrites the manifest every few seconds; benchmarks/README.md)."""
    manifest["ucjlib_version"] = __version__

    def dumps(value) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    def member(key: str, value) -> str:
        if not isinstance(value, dict) or not value:
            return f"  {dumps(key)}: {dumps(value)}"
        return (
            f"  {dumps(key)}: {{\n"
            + ",\n".join(f"    {dumps(name)}: {dumps(entry)}" for name, entry in sorted(value.items()))
            + "\n  }"
        )

    text = "{\n" + ",\n".join(member(key, manifest[key]) for key in sorted(manifest)) + "\n}\n"
    write_text_atomically(text, reports_dir / MANIFEST)


def entry_key(region_code: str, language: str) -> str:
    return f"{region_code}/{language}"


def is_current(reports_dir: Path, entry: dict | None, fingerprint: str) -> bool:
    """Whether a manifest entry matches the current inputs, its HTML is the one published, and
    its last rendering did not fail (a page marked stale is rendered again)."""
    if not entry or entry.get("inputs_sha256") != fingerprint or "stale" in entry:
        return False
    page = reports_dir / entry["file"]
    return page.exists() and sha256_bytes(page.read_bytes()) == entry.get("html_sha256")


def stale_reports(
    reports_dir: Path | None = None, languages=LANGUAGES
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Reports that do not match the current data, and the files kept in ``reports_dir`` that
    the run did not make: two lists of ``(name, reason)`` pairs."""
    reports_dir = reports_dir or paths.reports_dir()
    manifest = read_manifest(reports_dir)
    inputs = Inputs.load()
    regions = report_regions(inputs.processed)
    current = {entry_key(code, language) for code in regions["region_code"] for language in languages}
    problems = [
        (key, "published, but its region is no longer in the data")
        for key in sorted(set(manifest["reports"]) - current)
    ]
    for region in regions.itertuples(index=False):
        for language in languages:
            key = entry_key(region.region_code, language)
            entry = manifest["reports"].get(key)
            if entry is None:
                problems.append(
                    (
                        key,
                        "not rendered"
                        if key not in manifest["failed"]
                        else "failed: " + manifest["failed"][key]["error"],
                    )
                )
            elif not (reports_dir / entry["file"]).exists():
                problems.append((key, f"{entry['file']} is missing"))
            elif sha256_bytes((reports_dir / entry["file"]).read_bytes()) != entry["html_sha256"]:
                problems.append((key, f"{entry['file']} differs from the file the manifest records"))
            elif "stale" in entry:
                problems.append(
                    (key, f"stale: its last rendering failed ({entry['stale']}); {entry['file']} is the last good page")
                )
            elif entry["inputs_sha256"] != inputs.fingerprint(region.region_code, entry["parameters"]):
                problems.append((key, "stale: its inputs changed since it was rendered"))
    kept = [
        (name, "kept, not made by the run (the manifest does not record it)")
        for name in foreign_files(reports_dir, manifest)
    ]
    return problems + _index_problems(reports_dir, manifest), kept


def foreign_files(reports_dir: Path, manifest: dict) -> list[str]:
    """Files in ``reports_dir`` (paths relative to it) the run did not make, by what the
    manifest records: a person's page, or one an interrupted run left unrecorded. The run
    keeps them: it cannot tell a stray page from one someone put there on purpose. Hidden
    files (``.gitkeep``, a write in progress) are left out."""
    made = {MANIFEST, *INDEX_PAGES, *(entry["file"] for entry in manifest["reports"].values())}
    found = (
        path.relative_to(reports_dir).as_posix()
        for path in reports_dir.rglob("*")
        if path.is_symlink() or not path.is_dir()
    )
    return sorted(
        name for name in found if name not in made and not any(part.startswith(".") for part in name.split("/"))
    )


def _index_problems(reports_dir: Path, manifest: dict) -> list[tuple[str, str]]:
    """Each index page must link exactly the published reports of its language."""
    problems = []
    for language in LANGUAGES:
        index = page_path(INDEX_FILE, language)
        published = {entry["file"] for entry in manifest["reports"].values() if entry["language"] == language}
        if not (reports_dir / index).exists():
            if published:
                problems.append((index, "missing"))
            continue
        folder = Path(index).parent
        hrefs = re.findall(r'href="([^"#:]+\.html)"', (reports_dir / index).read_text(encoding="utf-8"))
        links = {os.path.normpath(folder / href) for href in hrefs} - INDEX_PAGES
        problems += [(index, f"links {link}, which is not published") for link in sorted(links - published)]
        problems += [(index, f"does not link {page}") for page in sorted(published - links)]
    return problems

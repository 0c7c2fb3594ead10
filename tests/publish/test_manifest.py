"""The manifest: its fingerprint of the code (:func:`ucjlib.publish.manifest.code_sha256`), its layout, and
what reading one the run cannot trust does."""

import json
import shutil

import pytest

from ucjlib import paths
from ucjlib.publish import manifest


def test_a_template_or_catalog_change_changes_the_code_fingerprint(tmp_path, monkeypatch):
    package = tmp_path / "ucjlib"
    shutil.copytree(paths.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(paths.boundaries_file().parent, tmp_path / "data" / "boundaries")
    monkeypatch.setattr(paths, "PACKAGE_DIR", package)
    before = manifest.code_sha256()
    assert manifest.code_sha256() == before
    report = package / "templates" / "report.html"
    report.write_text(report.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_template = manifest.code_sha256()
    assert after_template != before
    catalog = package / "locale" / "id" / "LC_MESSAGES" / "ucjlib.po"
    catalog.write_text(catalog.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert manifest.code_sha256() not in (before, after_template)


def test_the_manifest_is_written_one_report_a_line_and_reads_back_equal(tmp_path):
    written = {
        "format": manifest.FORMAT,
        "failed": {},
        "reports": {
            "12.75/id": report_entry(),
            "12.10/en": report_entry("en/12.10-kabupaten-labuhanbatu.html", region_name="Kabupaten Labuhanbatu"),
        },
        "index": {"html_sha256": {"index.html": "ab"}, "inputs_sha256": "cd"},
    }
    manifest.write_manifest(tmp_path, written)
    assert manifest.read_manifest(tmp_path) == written  # ucjlib_version added to both
    lines = (tmp_path / "manifest.json").read_text(encoding="utf-8").splitlines()
    # Sorted, one report a line (the nested parameters stay on it), non-ASCII as it is.
    assert lines[lines.index('  "reports": {') + 1] == (
        '    "12.10/en": {"file": "en/12.10-kabupaten-labuhanbatu.html", '
        '"html_sha256": "ab", "inputs_sha256": "cd", "language": "id", '
        '"parameters": {"region": "12.75"}, "region_code": "12.75", '
        '"region_name": "Kabupaten Labuhanbatu"},'
    )
    assert '  "failed": {},' in lines and lines[0] == "{" and lines[-1] == "}"


# -- a manifest the run cannot trust is set aside ------------------------------------------------


def report_entry(file: str = "12.75-kota-binjai.html", **changes) -> dict:
    """A manifest entry with every field the run writes."""
    return {
        "file": file,
        "html_sha256": "ab",
        "inputs_sha256": "cd",
        "language": "id",
        "parameters": {"region": "12.75"},
        "region_code": "12.75",
        "region_name": "Kota Binjai",
    } | changes


def valid_manifest(**reports) -> dict:
    return {"format": manifest.FORMAT, "failed": {}, "reports": reports or {"12.75/id": report_entry()}}


DAMAGED = {
    "UTF-16": json.dumps(valid_manifest()).encode("utf-16"),
    "Latin-1": json.dumps(
        valid_manifest(**{"12.75/id": report_entry(region_name="Kota Binjai é")}), ensure_ascii=False
    ).encode("latin-1"),
    "not JSON": b'{"format": 2, "reports": {',
    "not an object": b"[1, 2, 3]",
    "reports null": json.dumps(valid_manifest() | {"reports": None}).encode(),
    "failed a list": json.dumps(valid_manifest() | {"failed": []}).encode(),
    "an entry not an object": json.dumps(valid_manifest(**{"12.75/id": "12.75-kota-binjai.html"})).encode(),
    "an entry without its hash": json.dumps(
        valid_manifest(**{"12.75/id": {name: value for name, value in report_entry().items() if name != "html_sha256"}})
    ).encode(),
    "a stale mark not text": json.dumps(valid_manifest(**{"12.75/id": report_entry(stale=None)})).encode(),
    "the format before stale marks": json.dumps(valid_manifest() | {"format": 2}).encode(),
    "an index naming another page": json.dumps(
        valid_manifest() | {"index": {"inputs_sha256": "ab", "html_sha256": {"../x.html": "cd"}}}
    ).encode(),
}


@pytest.mark.parametrize("damage", DAMAGED)
def test_a_damaged_manifest_is_treated_as_absent_with_one_line(tmp_path, caplog, damage):
    (tmp_path / "manifest.json").write_bytes(DAMAGED[damage])
    assert manifest.read_manifest(tmp_path) == {"format": manifest.FORMAT, "reports": {}, "failed": {}}
    [record] = caplog.records
    assert record.getMessage().startswith(f"{tmp_path / 'manifest.json'}: ") and "\n" not in record.getMessage()
    assert "treated as absent" in record.getMessage()


def test_a_stale_mark_is_part_of_the_format_and_a_stale_page_is_never_current(tmp_path, caplog):
    (tmp_path / "12.75-kota-binjai.html").write_text("page", encoding="utf-8")
    entry = report_entry(
        html_sha256=manifest.sha256_bytes(b"page"), stale="TaskTimeout: the report did not finish within 5 s"
    )
    manifest.write_manifest(tmp_path, valid_manifest(**{"12.75/id": entry}))
    assert manifest.read_manifest(tmp_path)["reports"]["12.75/id"]["stale"] == entry["stale"] and not caplog.records
    assert not manifest.is_current(tmp_path, entry, "cd")  # rendered again by the next run
    assert manifest.is_current(tmp_path, {key: value for key, value in entry.items() if key != "stale"}, "cd")


def test_a_missing_manifest_is_absent_without_a_word(tmp_path, caplog):
    assert manifest.read_manifest(tmp_path) == {"format": manifest.FORMAT, "reports": {}, "failed": {}}
    assert not caplog.records


@pytest.mark.parametrize(
    "outside",
    ["../data/raw/sources.csv", "{root}/data/raw/sources.csv", "en/../../data/raw/sources.csv", "linked.html", ".", ""],
)
def test_a_manifest_naming_a_path_outside_reports_is_set_aside_with_one_line(tmp_path, caplog, outside):
    reports, sources = tmp_path / "reports", tmp_path / "data" / "raw" / "sources.csv"
    (reports / "en").mkdir(parents=True)
    sources.parent.mkdir(parents=True)
    sources.write_text("source_id\n", encoding="utf-8")
    (reports / "linked.html").symlink_to(sources)  # inside by its name, outside where it leads
    file = outside.format(root=tmp_path)
    manifest.write_manifest(reports, valid_manifest(**{"12.75/id": report_entry(file)}))
    assert manifest.read_manifest(reports)["reports"] == {}
    [record] = caplog.records
    assert f"{file!r} is not inside" in record.getMessage() and "treated as absent" in record.getMessage()

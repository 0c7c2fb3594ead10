"""The manifest's fingerprint of the code (:func:`ucjlib.manifest.code_sha256`)."""

import shutil

from ucjlib import manifest, paths


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
    written = {"format": manifest.FORMAT, "failed": {},
               "reports": {"12.75/id": {"file": "12.75-kota-binjai.html", "region_name": "Kota Binjai", "parameters": {"region": "12.75"}},
                           "12.10/en": {"file": "en/12.10-kabupaten-labuhanbatu.html", "region_name": "Kabupaten Labuhanbatu"}},
               "index": {"html_sha256": {"index.html": "ab"}, "inputs_sha256": "cd"}}
    manifest.write_manifest(tmp_path, written)
    assert manifest.read_manifest(tmp_path) == written  # ucjlib_version added to both
    lines = (tmp_path / "manifest.json").read_text(encoding="utf-8").splitlines()
    # Sorted, one report a line (the nested parameters stay on it), non-ASCII as it is.
    assert lines[lines.index('  "reports": {') + 1] == ('    "12.10/en": {"file": "en/12.10-kabupaten-labuhanbatu.html", '
                                                         '"region_name": "Kabupaten Labuhanbatu"},')
    assert '  "failed": {},' in lines and lines[0] == "{" and lines[-1] == "}"

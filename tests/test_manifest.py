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

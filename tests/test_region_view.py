"""The region model written for readers: rules that settled a printed figure are shown in words."""

from __future__ import annotations

import shutil

from ucjlib import paths
from ucjlib.build import build
from ucjlib.processed import load_checks, load_processed
from ucjlib.region_model import region_model
from ucjlib.region_view import View


def test_a_figure_read_by_a_rule_is_listed_with_the_rule_in_the_readers_language(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(paths.raw_dir(), raw)
    # SYNTHETIC: Binjai's coverage printed with a decimal point. "27.5 persen" can only be 27,5%:
    # with '.' grouping thousands it would be 275%, above the 100% a coverage can reach.
    with (raw / "observations.csv").open("a", encoding="utf-8") as f:
        f.write("Kota Binjai,,,ucj_coverage,27.5 persen,2023-12,fgd-binjai-2024-10" + "," * 10 + "\n")
    out = tmp_path / "processed"
    build(raw_dir=raw, out_dir=out)
    processed = load_processed(out / "observations.csv")
    model = region_model("12.75", processed, load_checks(out / "checks.csv"), processed.iloc[:0])
    [row] = View(model, "id").reading_rows()
    assert row["Tercetak"] == "27.5 persen" and row["Dibaca sebagai"] == "27,5%"
    assert row["Aturan"].startswith("'.' dibaca sebagai tanda desimal")
    [english] = View(model, "en").reading_rows()
    assert english["Read as"] == "27.5%" and english["Rule"].startswith("'.' read as the decimal mark")

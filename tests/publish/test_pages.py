"""The report's words built in :mod:`ucjlib.publish.pages` (the page one sentences are in the template)."""

from __future__ import annotations

import datetime as dt

from ucjlib.data.processed import load_all
from ucjlib.model.region import Assumptions, model_from
from ucjlib.publish.pages import report_context

REPORT_DATE = dt.date(2026, 12, 6)


def test_a_shared_base_is_derived_in_full_among_the_assumptions():
    # Lampung Tengah's base is Lampung's employed persons shared out by population (tests/model/test_bases.py):
    # page one names the estimate; the assumptions give every figure with its outlet and date.
    lampung_tengah = model_from(load_all(), "18.02", Assumptions(as_of=REPORT_DATE))
    first = report_context(lampung_tengah, "id")["assumptions"][0]
    assert first.startswith("Jumlah pekerja untuk langkah berikutnya: perkiraan ")
    assert "penduduk bekerja Lampung Agustus 2025, 4.853.000 (Suara Lampung)" in first
    assert "16,35% (1.500.022 dari 9.176.546, Juni 2022, Radar Lampung)" in first
    assert "× 0,647" in first  # the potensi ratio (tests/model/test_bases.py): Lampung Tengah's source names no base
    # A region on a printed base has no such line.
    binjai = model_from(load_all(), "12.75", Assumptions(as_of=REPORT_DATE))
    assert not any("langkah berikutnya: perkiraan" in item for item in report_context(binjai, "id")["assumptions"])


def test_the_assumptions_name_every_region_an_estimate_rests_on():
    # Lampung Tengah's base carries the potensi ratio (the seven regions with a printed potensi base and a BPS
    # figure, mean 0,647: tests/model/test_bases.py) and the kabupaten/kota share factor (Kota Metro among its
    # pairs; 0,955 over 15, Sulawesi Selatan's having no employed persons of the rounds of Luwu's and Makassar's).
    lampung_tengah = model_from(load_all(), "18.02", Assumptions(as_of=REPORT_DATE))
    assumptions = report_context(lampung_tengah, "en")["assumptions"]
    ratio = next(item for item in assumptions if item.startswith("The ratio 0.647"))
    for name in [
        "Kabupaten Musi Banyuasin",
        "Lampung",
        "Nusa Tenggara Barat",
        "Sulawesi Selatan",
        "Gorontalo",
        "Maluku Utara",
        "Papua Barat",
    ]:
        assert name in ratio
    factor = next(item for item in assumptions if item.startswith("The factor 0.955"))
    assert "Kota Metro" in factor and "Kabupaten Lampung Tengah" not in factor

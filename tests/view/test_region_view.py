"""The region model written for readers: rules that settled a printed figure are shown in words."""

from __future__ import annotations

import dataclasses
import io
import shutil
from urllib.parse import unquote

import pandas as pd
from conftest import REPORT_DATE

from ucjlib import paths
from ucjlib.data.build import build
from ucjlib.data.processed import load_all, load_checks, load_processed
from ucjlib.model.region import Assumptions, region_model
from ucjlib.view.region import View


def test_a_figure_read_by_a_rule_is_listed_with_the_rule_in_the_readers_language(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(paths.raw_dir(), raw)
    # SYNTHETIC: Binjai's coverage printed with a decimal point. "27.5 persen" can only be 27,5%:
    # with '.' grouping thousands it would be 275%, above the 100% a coverage can reach.
    with (raw / "observations.csv").open("a", encoding="utf-8") as f:
        f.write("Kota Binjai,,,ucj_coverage,27.5 persen,2023-12,fgd-binjai-2024-10" + "," * 11 + "\n")
    out = tmp_path / "processed"
    build(raw_dir=raw, out_dir=out)
    processed = load_processed(out / "observations.csv")
    model = region_model("12.75", processed, load_checks(out / "checks.csv"), processed.iloc[:0])
    [row] = View(model, "id").reading_rows()
    assert row["Tercetak"] == "27.5 persen" and row["Dibaca sebagai"] == "27,5%"
    assert row["Aturan"].startswith("'.' dibaca sebagai tanda desimal")
    [english] = View(model, "en").reading_rows()
    assert english["Read as"] == "27.5%" and english["Rule"].startswith("'.' read as the decimal mark")


def _downloaded(context: dict, separator: str, decimal: str) -> pd.DataFrame:
    href = context["download"]["href"]
    assert href.startswith("data:text/csv;charset=utf-8,")  # inside the page: works offline and from an e-mail
    text = unquote(href.split(",", 1)[1])
    assert text.startswith("\ufeff")  # a BOM, so that spreadsheets read UTF-8
    return pd.read_csv(io.StringIO(text[1:]), sep=separator, decimal=decimal, keep_default_na=False)


def test_a_report_carries_its_figures_as_csv_for_a_spreadsheet():
    from ucjlib.publish.pages import report_context

    processed = load_all()
    model = region_model(
        "12.10", processed.observations, processed.checks, processed.legal, Assumptions(as_of=REPORT_DATE)
    )
    table = _downloaded(report_context(model, "id"), ";", ",")  # Indonesian spreadsheets: ';' and a decimal comma
    coverage = table[(table["Butir"] == "Cakupan UCJ") & (table["Per"] == "2025-04-22")]
    assert coverage[["Nilai", "Tercetak", "Satuan"]].values.tolist() == [[36.48, "36,48%", "persen"]]
    gap = table[(table["Bagian"] == "Kesenjangan (orang)") & table["Butir"].str.startswith("Kemendagri UCJ 2025")]
    assert gap["Nilai"].tolist() == [28_453]  # 0,5215 × 181.567 − 66.234 = 28.453,1905, whole persons as the page shows
    # RPJMN 2029 from 2028: 13.510,2264 ÷ 2 = 6.755,1132 a year, the APBD paying 12 × 16.800 each.
    budget = table[(table["Bagian"] == "Anggaran") & table["Butir"].str.startswith("RPJMN 2025–2029")]
    assert budget[["Per", "Nilai"]].values.tolist() == [
        ["2028", 1_361_830_821],
        ["2029", 2_723_661_642],
    ]  # whole rupiah
    # The scenarios are in the file too: the one-off plan's 13.800 participants in 2028, at 13.800 × 201.600.
    plan = table[(table["Bagian"] == "Skenario") & table["Butir"].str.startswith("Rencana pendaftaran sekali")]
    assert plan["Nilai"].tolist()[:2] == [13_800, 2_782_080_000]
    english = _downloaded(report_context(model, "en"), ",", ".")
    english_budget = english[(english["Section"] == "Budget") & english["Item"].str.startswith("RPJMN 2025–2029")]
    assert english_budget["Value"].tolist() == budget["Nilai"].tolist()


def test_check_inputs_cite_sources_by_their_number(model_of):
    # The nation's two October 2025 figures (37,01% and 42 persen) come from two sources; the
    # same-month check's inputs name them by the numbers the page cites, not by file ids.
    view = View(model_of("00"), "id")
    row = next(row for row in view.check_rows("flag") if "42 persen" in row["Masukan"])
    numbers = view.source_numbers
    assert f"42 persen [{numbers['kabarbaru-purwakarta-2025-10']}]" in row["Masukan"]
    assert "kabarbaru-purwakarta-2025-10" not in row["Masukan"]


def test_the_over_time_chart_draws_a_figure_printed_twice_once(model_of):
    # The nation: 35,68% (April 2025) and 37,01% (October 2025) are each printed by two outlets;
    # the 42% printed for October 2025 conflicts with 37,01% and stays beside it.
    _chart, alt = View(model_of("00"), "id").over_time_chart()
    assert alt == "April 2025: 35,68%; Oktober 2025: 37,01%; Oktober 2025: 42%"


def test_every_unit_a_figure_can_have_has_words_in_both_languages():
    from ucjlib.data.indicators import indicators
    from ucjlib.i18n import gettext_for
    from ucjlib.view.region import UNIT_WORDS

    assert set(indicators()["unit"]) <= set(UNIT_WORDS)
    indonesian = gettext_for("id")
    assert [indonesian(UNIT_WORDS[unit]) for unit in ("claims", "rank", "villages")] == ["klaim", "peringkat", "desa"]


def test_why_no_projection_is_said_in_words_not_code(model_of, seed_data):
    # Binjai has one coverage figure (33%, 2024) and a trend needs three on one denominator.
    binjai = model_of("12.75")
    assert binjai.trend_problem == ("few", 1, 3)
    assert View(binjai, "en").trend_reason() == (
        "No statistical projection: only 1 coverage figure(s), while a trend needs at least 3 on one denominator; "
        "only scenarios are shown."
    )
    assert View(binjai, "id").trend_reason() != View(binjai, "en").trend_reason()  # the reader's language
    # Lampung's seed article prints no coverage figure at all.
    lampung = region_model(
        "18", seed_data.observations, seed_data.checks, seed_data.legal, Assumptions(as_of=REPORT_DATE)
    )
    assert View(lampung, "en").trend_reason() == (
        "No statistical projection: the data holds no coverage figure to fit a trend to."
    )
    # SYNTHETIC: two denominators, one of them unstated (shown as a dash).
    mixed = dataclasses.replace(binjai, trend_problem=("mixed", ("angkatan kerja", "")))
    assert View(mixed, "en").trend_reason() == (
        "No statistical projection: the coverage figures use different denominators (angkatan kerja, –); "
        "no trend is fitted across a change of denominator."
    )


def test_a_coverage_figure_names_its_denominator_or_says_it_is_not_stated(model_of):
    binjai = model_of("12.75").coverage  # 33% of the angkatan kerja
    assert View(model_of("12.75"), "en").basis_text(binjai) == "denominator: labour force"
    assert View(model_of("12.75"), "id").basis_text(binjai) == "penyebut: angkatan kerja"
    unstated = dataclasses.replace(binjai, basis="", basis_en="")
    assert View(model_of("12.75"), "en").basis_text(unstated) == "denominator not stated"
    assert View(model_of("12.75"), "id").basis_text(unstated) == "penyebut tidak disebut"


def test_a_rank_is_a_number_and_a_top_n_says_so(model_of):
    # Labuhanbatu is printed among "lima besar" (the top five) award nominees: 5 besar / top 5, never "fifth";
    # Musi Banyuasin is "satu" (first) and "dua" (second) in Sumatera Selatan: 1 and 2.
    def ranks(code, language):
        view = View(model_of(code), language)
        return [
            row[view._("Value")]
            for row in view.figure_rows()
            if row[view._("Indicator")] == view.indicator_title("provincial_rank")
        ]

    assert ranks("12.10", "id") == ["5 besar"] and ranks("12.10", "en") == ["top 5"]
    assert sorted(ranks("16.06", "id")) == ["1", "2"]


def test_an_english_page_names_a_regions_own_yardstick_in_english(model_of):
    # Jambi's own 2024 target was set by BPJS Ketenagakerjaan's Jambi branch ("Cabang Jambi").
    def names(language):
        view = View(model_of("15"), language)
        return [row[view._("Yardstick")] for row in view.target_rows()]

    assert "target of the BPJS Ketenagakerjaan Jambi branch" in names("en")
    assert "target BPJS Ketenagakerjaan Cabang Jambi" in names("id")
    assert not any("Cabang" in name for name in names("en"))


def test_the_nations_own_targets_are_not_called_a_regions(model_of):
    # Indonesia's pair of participant targets (29,6 juta for 2018, 57,55 juta for 2025) is its own, not a
    # region's: (57.550.000 − 29.600.000) ÷ 7 = 3.992.857 participants a year.
    nation = model_of("00")
    labels = [View(nation, "en").scenario_label(scenario) for scenario in nation.scenarios]
    assert "Pace of the nation's own participant targets: 3,992,857 participants a year" in labels
    binjai_labels = [View(model_of("12.75"), "en").scenario_label(s) for s in model_of("12.75").scenarios]
    assert not any("nation's own" in label for label in binjai_labels)


def test_a_base_of_another_date_is_said_with_the_count_it_is_carried_to(model_of):
    # Sarolangun: 110 ribu printed with its figure of 15 October 2024, carried 5 months to 16 March 2025 at Jambi's
    # 1,3794% a year: 110.000 × 1,013794^(5/12) = 110.630 (tests/model/test_region_model.py).
    headline = View(model_of("15.03"), "id").headline()
    assert (headline["workers_of"], headline["workers"], headline["carried"]) == (
        "15 Oktober 2024",
        "110.000",
        "110.630",
    )


def test_a_target_still_ahead_that_the_latest_figure_exceeds_is_not_called_reached(model_of):
    # Sumatera Utara's 49,35% (2024) is above RKP 2026's 34,99%; 2026 is the report's year: not "reached".
    sumut = model_of("12")
    gap = next(g for g in sumut.gaps if g.target.name == "RKP 2026")
    assert gap.reached and gap.timing != "passed"
    assert View(sumut, "en").status_word(gap) == "above it at the latest figure"
    assert View(sumut, "en").verdict(gap) == "above it at the latest figure (2024)"

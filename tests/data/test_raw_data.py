"""Tests on data/raw itself: sources are consistent, every figure the seed articles print
is carried over, and no sentence of the articles is copied (facts carry over, wording not).
"""

import math
import re
from pathlib import Path

import pandas as pd
import pytest

from ucjlib import paths
from ucjlib.data.parse import parse_figure
from ucjlib.errors import ParseError

RAW = paths.raw_dir()
SEEDS = Path(paths.PACKAGE_DIR).parent.parent / "shared" / "seeds"


def read(name):
    return pd.read_csv(RAW / name, dtype=str, keep_default_na=False)


def seed_texts():
    if not SEEDS.is_dir() or not list(SEEDS.glob("*.txt")):
        pytest.skip(f"seed articles not found at {SEEDS}")
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def test_every_source_is_listed_and_used():
    used, listed = set(read("observations.csv")["source_id"]), set(read("sources.csv")["source_id"])
    assert not used - listed, f"observations cite unlisted sources: {sorted(used - listed)}"
    assert not listed - used, f"sources never used: {sorted(listed - used)}"


# --- figures in the seeds -------------------------------------------------------------

_NOT_FIGURES = re.compile(
    r"\b\d{1,2}[.:]\d{2}[.:]\d{2}\b"  # times: 15.09.00 WIB
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"  # dates: 16/9/2025
    r"|\b(?:No\.?|Nomor)\s*\d+(?:\s+Tahun\s+\d{4})?",  # legal instruments: Nomor 2 Tahun 2021
    flags=re.IGNORECASE,
)
_NUMBER = r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d])|(?<![\d.,])\d+(?:,\d+)?(?![\d])"
_FIGURE = re.compile(
    rf"(?P<rp>Rp\.?\s?)?(?P<number>{_NUMBER})"
    r"(?P<suffix>\s?%|\s(?:persen|ribu|juta|miliar)\b)?",
    flags=re.IGNORECASE,
)


def seed_figures(text):
    """Printed figures with a thousands separator, a decimal comma, '%'/'persen', 'Rp' or a scale word."""
    text = _NOT_FIGURES.sub(" ", text)
    for match in _FIGURE.finditer(text):
        number = match["number"]
        if match["rp"] or match["suffix"] or "." in number or "," in number:
            yield match.group(0).strip()


def test_figure_extraction_on_a_hand_made_sentence():
    sentence = (
        "Pada Rabu (23/4/2025) pukul 15.09.00 WIB, sesuai Instruksi Presiden Nomor 2 Tahun 2021, "
        "cakupan 36,48% atau 66.234 dari 181.567 pekerja; klaim Rp105,2 miliar, 42 ribu jiwa, "
        "20 persen, Rp 42.000.000,00 dan 75 desa."
    )
    assert list(seed_figures(sentence)) == [
        "36,48%",
        "66.234",
        "181.567",
        "Rp105,2 miliar",
        "42 ribu",
        "20 persen",
        "Rp 42.000.000,00",
    ]


def test_every_seed_figure_is_in_the_raw_observations():
    raw_values = []
    for text in read("observations.csv")["value"]:
        try:
            raw_values.append(parse_figure(text).value)
        except ParseError:
            pass  # the build test reports unreadable values; here only readable ones count
    missing = []
    for name, text in seed_texts().items():
        for printed in seed_figures(text):
            value = parse_figure(printed).value
            if not any(math.isclose(value, v, rel_tol=1e-9) for v in raw_values):
                missing.append(f"{name}: {printed!r} ({value:g})")
    assert not missing, "figures printed in the seeds but absent from data/raw/observations.csv:\n" + "\n".join(missing)


def test_no_seed_sentence_is_copied_into_raw():
    raw_text = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in sorted(RAW.rglob("*")) if p.is_file())
    copied = []
    for name, text in seed_texts().items():
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
            sentence = " ".join(sentence.split()).strip("“”\"' ")
            if len(sentence) > 50 and sentence in raw_text:
                copied.append(f"{name}: {sentence}")
    assert not copied, "seed sentences copied verbatim into data/raw:\n" + "\n".join(copied)


# --- official labour-force bases --------------------------------------------------------


def test_every_labour_force_figure_names_its_page():
    frame = read("labour_force.csv")
    assert len(frame)
    assert frame["url"].str.match(r"^https?://\S+$").all(), frame.loc[~frame["url"].str.match(r"^https?://\S+$")]
    assert (frame["outlet"].str.strip() != "").all()
    assert set(frame["checked"]) <= {"yes", "no"}


def test_national_labour_force_series_is_complete_from_2021():
    # Issue 27 §1: the nation's three bases for every February and August, at least 2021–2025.
    frame = read("labour_force.csv")
    national = frame[frame["level"] == "national"]
    present = set(zip(national["indicator"], national["as_of"], strict=False))
    wanted = {
        (indicator, f"{year}-{month}")
        for indicator in ("employed_persons", "labour_force", "informal_share")
        for year in range(2021, 2026)
        for month in ("02", "08")
    }
    assert not wanted - present, sorted(wanted - present)


def test_labour_force_values_are_printed_figures_without_their_noun():
    # "146,54 juta orang" is kept as "146,54 juta", as observations.csv keeps figures.
    frame = read("labour_force.csv")
    assert not frame["value"].str.contains(r"\b(?:orang|jiwa|people)\b").any()
    for text, convention in zip(frame["value"], frame["number_convention"], strict=False):
        parse_figure(text, convention or "id")  # every value reads (the build checks units and limits)


# --- what "checked" may claim (issue 27 §5) -------------------------------------------------


def test_checked_claims_match_the_sources():
    # "yes" means the figure was read in a copy of its page, so the page must have an address;
    # a figure taken from the team's domain notes has no page to re-read: it says domain-notes.
    observations, sources = read("observations.csv"), read("sources.csv").set_index("source_id")
    assert set(observations["checked"]) <= {"", "yes", "no", "domain-notes"}
    urls = observations["source_id"].map(sources["url"])
    read_without_page = observations[(observations["checked"] == "yes") & (urls == "")]
    assert read_without_page.empty, read_without_page[["region", "indicator", "value", "source_id"]]
    notes_with_page = observations[(observations["checked"] == "domain-notes") & (urls != "")]
    assert notes_with_page.empty, notes_with_page[["region", "indicator", "value", "source_id"]]

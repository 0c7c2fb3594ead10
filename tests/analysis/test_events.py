"""Known events (:mod:`ucjlib.analysis.events`) tested on the project's data.

Hand-worked from the raw rows: the nation's active participants (Bisnis.com) 45,23 juta (end
2024) → 39,35 juta (June 2025): 39,35 ÷ 45,23 − 1 = −13,00%, six months after the boundary.
Sulawesi Utara 76,11% (2024) → 67,95% (16 December 2025): −8,16 points (−10,72%: 8,16 ÷ 76,11).
Musi Banyuasin 41,65% (December 2024) → 26,8% (January 2025): 14,85 ÷ 41,65 = 35,65% of the
covered share lost across one January, its base unknown. Kabupaten Sarolangun 40% (15 October
2024) → 52% (16 March 2025): a rise of 30% (12 ÷ 40) across the same January. Banjarmasin
80.225 (2023) → 86.329 (2024): +7,61% (6.104 ÷ 80.225), two year-end counts twelve months apart,
which cannot show a January drop.
"""

from __future__ import annotations

import pytest

from ucjlib.analysis.events import KNOWN_EVENTS, across_event, event_test, events_table, lapse_estimates, series_pairs
from ucjlib.data.processed import load_labour_force

ELECTION, JANUARY = KNOWN_EVENTS


@pytest.fixture(scope="module")
def pairs(model_of):
    codes = ("00", "71", "16.06", "15.03", "63.71", "33.18", "91")
    return series_pairs([model_of(code) for code in codes], load_labour_force())


def _row(frame, code, indicator):
    found = frame[(frame["region_code"] == code) & (frame["indicator"] == indicator)]
    assert len(found) == 1, found
    return found.iloc[0]


def test_the_events_name_their_sources():
    table = events_table()
    assert table["key"].tolist() == ["election-workers-2024", "january-budget-turnover"]
    assert "barometer-sulut-2025-12" in table.loc[0, "sources"] and table.loc[1, "boundary"] == "every 12-31"


def test_election_workers_national_count_and_sulawesi_utara(pairs):
    spanning = across_event(pairs, ELECTION)
    nation = _row(spanning, "00", "active_participants")
    assert (nation["from_value"], nation["to_value"]) == (45_230_000, 39_350_000)
    assert nation["relative"] == pytest.approx(-13.00, abs=0.005)
    sulut = _row(spanning, "71", "ucj_coverage")
    assert sulut["points"] == pytest.approx(-8.16) and sulut["relative"] == pytest.approx(-10.72, abs=0.005)
    # The nation's 2023 → 2024 pair lies too far before the boundary to span it.
    assert not ((spanning["region_code"] == "00") & (spanning["from_as_of"] == "2023")).any()


def test_event_summary_counts_falls_and_sets_aside_changed_denominators(pairs):
    summary = event_test(pairs, ELECTION)
    # Spanning the end of 2024: the nation's count, Sulut, Muba's coverage (Dec → Jan) and count
    # (Dec → Jul), Sarolangun, Pati (denominator changed): six pairs, four falling.
    assert (summary["series"], summary["fell"], summary["denominator_changed"]) == (6, 4, 1)
    assert summary["count_pairs"] == 2


def test_january_lapse_estimates_and_what_yearly_counts_cannot_show(pairs):
    lapses = lapse_estimates(pairs).set_index("region_code")
    assert sorted(lapses.index) == ["15.03", "16.06", "33.18"]
    assert lapses.loc["16.06", "lapse_percent"] == pytest.approx(35.65, abs=0.005)
    assert lapses.loc["15.03", "lapse_percent"] == pytest.approx(-30.0)
    assert lapses.loc["33.18", "denominator"] == "changed"
    banjarmasin = _row(pairs, "63.71", "active_participants")
    assert banjarmasin["months"] == 12 and banjarmasin["relative"] == pytest.approx(7.61, abs=0.005)
    assert "63.71" not in lapses.index

"""Cost-effectiveness and peers (:mod:`ucjlib.analysis.peers`), worked out by hand.

Binjai (see tests/analysis/test_sensitivity.py): 11.584,5178 participants a year on 132.826
workers add 11.584,5178 ÷ 132.826 × 100 = 8,7216 points a year; a point costs the first budget
year 1.328,26 participants × Rp201.600 (12 × 16.800) = Rp267.777.216, and a worker Rp201.600.
Bintan (Tribun Batam, 2024):
Rp1,259 milyar for 6.249 vulnerable workers: Rp201.472 each, 11,99 months at Rp16.800.
"""

from __future__ import annotations

import pytest

from ucjlib.analysis.notebook import all_models
from ucjlib.analysis.peers import cost_effectiveness, peer_table, printed_budgets


def test_binjai_cost_per_point_and_per_worker(data):
    costs = cost_effectiveness(all_models(data)).set_index("region_code")
    binjai = costs.loc["12.75"]
    # 11.584,5178 new participants a year (2028–2029, to RPJMN 43,92%) of 132.826 workers: 8,7216 points.
    assert binjai["points_per_year"] == pytest.approx(8.7216, abs=5e-5)
    assert binjai["rupiah_per_point"] == pytest.approx(267_777_216, abs=1)
    assert binjai["rupiah_per_worker"] == pytest.approx(201_600)
    # Lampung's latest coverage (25,27%, December 2025) rests on its printed base of 3,1 juta.
    assert "18" in costs.index
    # The nation is costed too, on the 101,81 juta potential workers Bisnis.com prints (issue 27 §2).
    assert "00" in costs.index


def test_printed_budget_per_worker(data):
    bintan = printed_budgets(data.observations).set_index("region_name").loc["Kabupaten Bintan"]
    assert bintan["rupiah_per_worker"] == pytest.approx(201_472.2, abs=0.05)
    assert bintan["months_at_full_rate"] == pytest.approx(11.99, abs=0.005)


def test_peer_rank_and_percentile_within_a_level(model_of):
    models = [model_of(code) for code in ("12.10", "12.75", "16.06", "18", "21")]
    peers = peer_table(models).set_index("region_code")
    # Kabupaten/kota: Muba 49,2% > Labuhanbatu 36,48% > Binjai 33%.
    assert peers.loc[["16.06", "12.10", "12.75"], "rank"].tolist() == [1, 2, 3]
    assert peers.loc[["16.06", "12.10", "12.75"], "percentile"].tolist() == [100, 50, 0]
    # Provinces, ranked apart: Kepri 58% (2025) > Lampung 25,27% (December 2025).
    assert peers.loc[["21", "18"], ["rank", "of", "percentile"]].values.tolist() == [[1, 2, 100], [2, 2, 0]]


def test_peers_carry_their_denominator(model_of):
    peers = peer_table([model_of(code) for code in ("12.10", "12.75", "16.06")]).set_index("region_code")
    # Labuhanbatu counts potensi pekerja, Binjai its angkatan kerja; Muba's source names none.
    assert peers["basis"].to_dict() == {"12.10": "potential workers", "12.75": "labour force", "16.06": ""}

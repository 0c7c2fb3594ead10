"""The build at scale (issue 15): the real data plus SYNTHETIC rows for regions without real
figures, built in a temporary copy (the project's data/ is never touched).

The synthetic rows come from benchmarks/build_scale.py: a coverage figure per region and
month, and each June the worker count and active participants beside it.
"""

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from ucjlib import config, paths
from ucjlib.data.build import build
from ucjlib.data.processed import load_checks, load_processed

SPEC = importlib.util.spec_from_file_location(
    "build_scale", Path(__file__).resolve().parents[2] / "benchmarks" / "build_scale.py"
)
scale = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(scale)

FELL = "coverage fell between two figures"
COUNTS = "printed percent vs participants ÷ workers"


def _built(raw: Path, out: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    build(raw_dir=raw, out_dir=out)
    return load_processed(out / "observations.csv"), load_checks(out / "checks.csv")


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """(real observations, real checks), (combined observations, combined checks), synthetic rows."""
    real = _built(paths.raw_dir(), tmp_path_factory.mktemp("real"))
    codes = [code for code in scale.region_codes() if code not in set(real[0]["region_code"])]
    rows = scale.synthetic_rows(codes, 3_000)
    folder = tmp_path_factory.mktemp("synthetic")
    combined = _built(scale.synthetic_raw(folder, rows), folder / "processed")
    return real, combined, rows


def test_synthetic_rows_leave_the_real_regions_output_unchanged(builds):
    (observations, checks), (all_observations, all_checks), _ = builds
    real = all_observations[all_observations["source_id"] != scale.SOURCE["source_id"]].reset_index(drop=True)
    pd.testing.assert_frame_equal(real, observations)
    # Every check row of a real region, in the same order and with the same figures.
    pd.testing.assert_frame_equal(
        all_checks[all_checks["region_code"].isin(observations["region_code"])].reset_index(drop=True), checks
    )


def _percent(text: str) -> float:
    return float(text.rstrip("%").replace(",", "."))


def test_every_fall_in_the_synthetic_coverage_is_flagged(builds):
    _, (_, checks), rows = builds
    series = {}
    for row in rows:
        if row["indicator"] == "ucj_coverage":
            series.setdefault(row["region"], []).append((row["as_of"], _percent(row["value"])))
    # Consecutive months, at most one of them a June with its worker base known; tolerance
    # 0,1 point plus half of the last printed digit (0,005) of each figure.
    expected = {
        (code, later_month)
        for code, figures in series.items()
        for (_, earlier), (later_month, later) in zip(figures, figures[1:], strict=False)
        if later < earlier - (config.CHECK_TOLERANCE_POINTS + 0.005 + 0.005)
    }
    flagged = checks[(checks["check"] == FELL) & checks["region_code"].isin(set(series))]
    assert len(expected) > 50  # the random walk falls now and then
    assert set(zip(flagged["region_code"], flagged["as_of"], strict=False)) == expected
    assert set(flagged["status"]) == {"flag"}


def test_each_synthetic_june_is_recomputed_from_its_counts(builds):
    _, (_, checks), rows = builds
    indicators = {}
    for row in rows:
        indicators.setdefault((row["region"], row["as_of"]), {})[row["indicator"]] = row["value"]
    complete = {key: values for key, values in indicators.items() if len(values) == 3}
    results = checks[(checks["check"] == COUNTS) & checks["region_code"].isin({code for code, _ in indicators})]
    assert len(complete) > 100 and set(zip(results["region_code"], results["as_of"], strict=False)) == set(complete)
    # participants = workers × coverage ÷ 100 rounded to a person: the quotient is the printed coverage.
    for result in results.itertuples():
        assert result.printed == _percent(complete[(result.region_code, result.as_of)]["ucj_coverage"])
        assert abs(result.recomputed - result.printed) < 0.01 and result.status == "pass"

"""Benchmark: the Monte Carlo over every input at once (issue 28 §1), for every region in the data.

    python benchmarks/monte_carlo.py
    python benchmarks/monte_carlo.py --draws 10000 --loop-draws 200

Reads data/processed/ (run `python -m ucjlib build` first) and builds every region's model
(untimed: the models are what the reports compute anyway), then times
`ucjlib.model.uncertainty.region_bands` with 10.000 draws for every region with an observed
start: every draw, every target's gap, participants a year, first-year budget and year reached,
their 5–50–95% bands and the variance decomposition. Goal: at most 10 s on this project's
2-core machine.

The baseline runs in the same process, after: the same engine one draw at a time (a Python loop
over draws, each drawing every input and computing every output for one draw; the bands and
shares once at the end), on `--loop-draws` draws a region, scaled to the vectorised run's draws.
Prints seconds (wall and CPU) and `speedup_vs_loop` (baseline ÷ vectorised, CPU).
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

import numpy as np

from ucjlib.analysis.notebook import ANALYSIS_DATE
from ucjlib.data.processed import load_all
from ucjlib.model.region import Assumptions, region_model
from ucjlib.model.uncertainty import bands, first_order_shares, outputs, region_bands


def models(as_of: dt.date) -> list:
    processed = load_all()
    observations = processed.observations
    codes = sorted(set(observations.loc[observations["level"] != "national", "region_code"])) + ["00"]
    found = [
        region_model(code, observations, processed.checks, processed.legal, Assumptions(as_of=as_of)) for code in codes
    ]
    return [model for model in found if model.recipe is not None]


def one_draw_at_a_time(model, draws: int, seed: int) -> None:
    """The engine run draw by draw: what a plain loop over draws costs."""
    collected: dict[str, list[np.ndarray]] = {}
    inputs: dict[str, list[np.ndarray]] = {}
    for i in range(draws):
        one = model.recipe.draw(1, seed + i)
        for output, (_, values) in outputs(model, one).items():
            collected.setdefault(output, []).append(values)
        for name, values in one.inputs.items():
            inputs.setdefault(name, []).append(values)
    stacked = {name: np.concatenate(values) for name, values in inputs.items()}
    for values in collected.values():
        values = np.hstack(values)
        bands(values)
        first_order_shares(stacked, values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=10_000)
    parser.add_argument("--loop-draws", type=int, default=200)
    args = parser.parse_args()

    started = time.perf_counter()
    regions = models(ANALYSIS_DATE)
    built = time.perf_counter() - started
    print(f"{len(regions)} regions with an observed start (models built in {built:.1f} s, untimed)")
    region_bands(regions[0], 100)  # warm-up: imports, first calls

    wall, cpu = time.perf_counter(), time.process_time()
    rows = sum(len(region_bands(model, args.draws)[0]) for model in regions)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"vectorised: {args.draws:,} draws × {len(regions)} regions ({rows} bands) in {wall:.2f} s wall, "
        f"{cpu:.2f} s CPU ({cpu / len(regions) * 1000:.1f} ms a region)"
    )

    loop_wall, loop_cpu = time.perf_counter(), time.process_time()
    for model in regions:
        one_draw_at_a_time(model, args.loop_draws, 28)
    loop_wall, loop_cpu = time.perf_counter() - loop_wall, time.process_time() - loop_cpu
    scale = args.draws / args.loop_draws
    print(
        f"one draw at a time: {args.loop_draws} draws × {len(regions)} regions in {loop_wall:.2f} s wall, "
        f"{loop_cpu:.2f} s CPU; scaled to {args.draws:,} draws: {loop_cpu * scale:.0f} s CPU"
    )
    print(f"goal (10.000 draws, every region, at most 10 s): {'met' if wall <= 10 else 'NOT met'}")
    print(f"speedup_vs_loop: {loop_cpu * scale / cpu:.0f}")


if __name__ == "__main__":
    main()

"""The charts' palette: seaborn's colour-blind one, dark enough on white; and a report's
path that draws without pyplot."""

import colorsys
import os
import subprocess
import sys

import seaborn as sns

from ucjlib.palette import PALETTE


def _relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #rrggbb colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_palette_is_seaborns_colorblind_palette_darkened_to_3_to_1_on_white():
    seaborn = sns.color_palette("colorblind").as_hex()
    assert len(PALETTE) == len(seaborn)
    for ours, theirs in zip(PALETTE, seaborn, strict=False):
        assert 1.05 / (_relative_luminance(ours) + 0.05) >= 3.0, ours  # contrast against white (luminance 1)
        hue = colorsys.rgb_to_hls(*(int(ours[i : i + 2], 16) / 255 for i in (1, 3, 5)))[0]
        their_hue = colorsys.rgb_to_hls(*(int(theirs[i : i + 2], 16) / 255 for i in (1, 3, 5)))[0]
        assert abs(hue - their_hue) < 0.02, (ours, theirs)  # the same colour, only darker
        assert _relative_luminance(ours) <= _relative_luminance(theirs) + 1e-9
    # The colours seaborn's palette already gives at 3:1 are kept as they are.
    assert [o for o, t in zip(PALETTE, seaborn, strict=False) if o == t] == [
        "#0173b2",
        "#029e73",
        "#d55e00",
        "#cc78bc",
        "#949494",
    ]


def test_a_report_is_drawn_without_importing_pyplot():
    """pyplot and its backend machinery cost a report kernel a third of a core-second to import."""
    code = (
        "import sys\nfrom ucjlib.publish.pages import report_body\nfrom ucjlib.model.region import for_region\n"
        "report_body(for_region('18'), 'id')\nprint('matplotlib.pyplot' in sys.modules, 'seaborn' in sys.modules)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "MPLBACKEND": "Agg"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0 and run.stdout.split() == ["False", "False"], run.stderr[-2000:]

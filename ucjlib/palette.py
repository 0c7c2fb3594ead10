"""The colours of every chart, the notebooks' (matplotlib, :mod:`ucjlib.analysis.plots`) and the
reports' (SVG, :mod:`ucjlib.view.charts`); a module of its own, so that drawing a report imports
neither matplotlib's pyplot nor seaborn."""

# seaborn's "colorblind" palette, each colour darkened (HLS lightness lowered) just enough to
# stand at least 3:1 against white, as marks on a white page must; spelled out, not asked of
# seaborn. tests/test_palette.py checks hues and contrast against seaborn's.
PALETTE = ["#0173b2", "#cd8405", "#029e73", "#d55e00", "#cc78bc", "#c58652", "#f653c5", "#949494", "#a0970f", "#229de2"]

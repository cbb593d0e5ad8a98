"""Charts as SVG text, drawn by the same Python at build time, in the browser and in the PDF.

Standard library only. :func:`render_svg` draws a :class:`~calculators.spec.Chart` as an
inline line chart that is

- readable at any width: the drawing has no ``viewBox`` to scale, so its text keeps its size
  in CSS pixels (13 px on a phone and on a laptop alike) while it spans the width of its
  container: horizontal positions are percentages of that width, and the lines are drawn in
  a nested plot that stretches only sideways, with strokes that do not stretch;
- accessible: ``role="img"``, named by its ``<title>`` and described by its ``<desc>``
  (the chart's text alternative), with ids unique to the chart;
- readable without color: every series has its own dash pattern and marker shape, and
  the legend (:func:`render_legend`, HTML text beside small drawn keys) shows both;
- themeable: lines and text use ``currentColor`` and the classes ``calc-series-N``, which
  the site's stylesheet colors for light and dark themes and for print (no inline styles,
  so a strict Content-Security-Policy needs no exception);
- deterministic: coordinates are rounded to a tenth of a unit with integer arithmetic, and
  nothing depends on the platform's ``libm``, so CPython and Pyodide write the same bytes.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from calculators import formatting
from calculators.markup import escape
from calculators.spec import Chart, show

PLOT_TOP = 34  # y of the plot's top edge, below the y axis' title and the top tick's label
PLOT_HEIGHT = 200
PLOT_BOTTOM = PLOT_TOP + PLOT_HEIGHT  # y of the x axis; tick labels and the axis title go below
HEIGHT = PLOT_BOTTOM + 46
PLOT_LEFT = 1.5  # the plot's left edge, in percent of the chart's width (room for a marker)
PLOT_WIDTH = 96.5  # its width, in percent (room for a marker on the right)
PLOT_UNITS = 640  # the nested plot's own width in units, stretched sideways to the chart's width
FONT_SIZE = 13  # CSS pixels: the drawing is never scaled, so this is the size a reader sees
KEY_WIDTH = 36  # a legend key: a short stretch of line with its marker
KEY_HEIGHT = 14
DASHES = ("", "8 4", "2 4", "12 4 2 4", "6 3 1 3")
MARKERS = ("circle", "square", "triangle", "diamond", "cross")
MAX_MARKERS = 12
MAX_SERIES = len(DASHES)


def _c(value: float) -> str:
    """A coordinate rounded to a tenth, written without float formatting: 12.34 -> '12.3'."""
    tenths = round(value * 10)
    sign = "-" if tenths < 0 else ""
    whole, fraction = divmod(abs(tenths), 10)
    return f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}"


def _power_of_ten(exponent: int) -> float:
    """10 ** exponent computed exactly (no ``pow`` from the platform's math library)."""
    return float(10**exponent) if exponent >= 0 else 1 / 10 ** (-exponent)


WHOLE_STEPS = (1, 2, 3, 6, 12, 24, 36, 48, 60, 120, 240, 360, 480, 600)
"""Steps for whole-number axes (mostly months): divisors and multiples of a year read best."""


def nice_step(span: float, target: int = 5, *, whole: bool = False) -> float:
    """A round step giving about ``target`` ticks: 1, 2, 2.5 or 5 times a power of ten, or for
    whole-number axes one of :data:`WHOLE_STEPS` while those are fine enough."""
    if span <= 0:
        return 1.0
    if whole and span / target <= WHOLE_STEPS[-1]:
        return float(next(step for step in WHOLE_STEPS if step >= span / target))
    raw = span / target
    exponent = 0
    while _power_of_ten(exponent + 1) <= raw:
        exponent += 1
    while _power_of_ten(exponent) > raw:
        exponent -= 1
    base = _power_of_ten(exponent)
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * base
        if step >= raw and not (whole and step != int(step)):
            return step
    return 10 * base  # pragma: no cover - factor 10 always qualifies


def _span(low: float, high: float) -> tuple[float, float]:
    """An axis range that is never empty or too narrow to divide into ticks."""
    if high - low <= 1e-9 * max(1.0, abs(low), abs(high)):
        return low, low + 1
    return low, high


def _ticks(low: float, high: float, step: float) -> list[float]:
    first = int(low // step)
    last = -int(-high // step)
    return [index * step for index in range(first, last + 1)]


MARKER_SHAPES = {
    "circle": '<circle{attrs} r="3.5"/>',
    "square": '<rect{attrs} x="-3.5" y="-3.5" width="7" height="7"/>',
    "triangle": '<path{attrs} d="M0 -4.5L4 3.5L-4 3.5Z"/>',
    "diamond": '<path{attrs} d="M0 -4.5L4.5 0L0 4.5L-4.5 0Z"/>',
    "cross": '<path{attrs} d="M-4 -4L4 4M-4 4L4 -4" class="calc-chart-cross"/>',
}
"""Each marker drawn around (0, 0), in CSS pixels."""


def _marked(count: int) -> list[int]:
    """Which point indexes carry a marker: at most MAX_MARKERS, evenly spread, always the last."""
    if count <= MAX_MARKERS:
        return list(range(count))
    every = -(-(count - 1) // (MAX_MARKERS - 1))
    chosen = list(range(0, count, every))
    if chosen[-1] != count - 1:
        chosen.append(count - 1)
    return chosen


def chart_id(chart: Chart) -> str:
    """An id derived from the chart's content: the same chart gets the same id everywhere.

    A CRC-32, not a cryptographic hash: it only tells a page's few charts apart, and zlib is
    loaded when Python starts while hashlib would cost a first start in the browser about
    9 ms to import."""
    return f"calc-chart-{zlib.crc32(repr(chart).encode('utf-8')):08x}"


def _pct(value: float) -> str:
    """A share of the chart's width (0 to 1) as a percentage of it, to a hundredth: 0.4321 -> '43.21%'."""
    hundredths = round((PLOT_LEFT + value * PLOT_WIDTH) * 100)
    whole, fraction = divmod(hundredths, 100)
    text = f"{whole}.{fraction:02d}".rstrip("0").rstrip(".")
    return f"{text}%"


@dataclass(frozen=True)
class _Axes:
    """Where values land: x as a share of the plot's width, y in pixels from the chart's top."""

    x_low: float
    x_high: float
    y_low: float
    y_high: float

    def x(self, value: float) -> float:
        return (value - self.x_low) / (self.x_high - self.x_low)

    def y(self, value: float) -> float:
        return PLOT_BOTTOM - (value - self.y_low) / (self.y_high - self.y_low) * PLOT_HEIGHT


def render_svg(chart: Chart, *, id_prefix: str | None = None) -> str:
    """``chart`` as an accessible inline SVG line chart that spans its container's width.

    ``id_prefix`` makes the ids unique when the same chart may appear twice on one page
    (for example the same calculator embedded twice); by default it comes from the
    chart's content.
    """
    uid = id_prefix or chart_id(chart)
    series = chart.series[:MAX_SERIES]
    points = [point for item in series for point in item.points]
    xs = [x for x, _ in points] or [0.0]
    ys = [y for _, y in points] or [0.0]
    x_low, x_high = _span(min(xs), max(xs))
    x_step = nice_step(x_high - x_low, 8, whole=all(x == int(x) for x in xs))
    y_low, y_high = _span(min(0.0, *ys), max(0.0, *ys))
    y_ticks = _ticks(y_low, y_high, nice_step(y_high - y_low, 4))
    axes = _Axes(x_low, x_high, y_ticks[0], y_ticks[-1])
    x_ticks = [tick for tick in _ticks(x_low, x_high, x_step) if x_low <= tick <= x_high]
    if not x_ticks:
        x_ticks = [x_low, x_high]
    elif x_high - x_ticks[-1] > x_step / 2:
        x_ticks.append(x_high)  # label the last point, unless it crowds the last tick

    title_id, desc_id = f"{uid}-title", f"{uid}-desc"
    parts = [
        f'<svg class="calc-chart" id="{uid}" role="img" width="100%" height="{HEIGHT}" '
        f'aria-labelledby="{title_id}" aria-describedby="{desc_id}" '
        f'font-size="{FONT_SIZE}" fill="currentColor" stroke="none" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{title_id}">{escape(chart.title)}</title>'
        f'<desc id="{desc_id}">{escape(chart.description)}</desc>',
        '<g class="calc-chart-grid" stroke="currentColor" stroke-opacity="0.2" stroke-width="1">',
        *(f'<line x1="0" y1="{_c(axes.y(tick))}" x2="100%" y2="{_c(axes.y(tick))}"/>' for tick in y_ticks),
        "</g>",
        '<g class="calc-chart-axes" stroke="currentColor" stroke-width="1">',
        f'<line x1="0" y1="{_c(PLOT_BOTTOM)}" x2="100%" y2="{_c(PLOT_BOTTOM)}"/>',
        *(
            f'<line x1="{_pct(axes.x(tick))}" y1="{_c(PLOT_BOTTOM)}" '
            f'x2="{_pct(axes.x(tick))}" y2="{_c(PLOT_BOTTOM + 5)}"/>'
            for tick in x_ticks
        ),
        "</g>",
    ]
    for index, item in enumerate(series):
        parts.extend(_series(index, item.points, axes))
    parts += [
        # The y axis' title and tick labels sit at the left, above their grid lines, drawn over
        # the lines (the stylesheet gives them a halo of the background's color).
        f'<text class="calc-chart-axis-label" x="0" y="{_c(FONT_SIZE)}">{escape(chart.y_label)}</text>',
        '<g class="calc-chart-ticks">',
        *(
            f'<text x="0" y="{_c(axes.y(tick) - 4)}">{escape(show(chart.y_kind, tick, chart.currency))}</text>'
            for tick in y_ticks
        ),
        *(_x_tick(axes.x(tick), formatting.number(tick), index, len(x_ticks)) for index, tick in enumerate(x_ticks)),
        "</g>",
        f'<text class="calc-chart-axis-label" x="50%" y="{_c(PLOT_BOTTOM + 38)}" '
        f'text-anchor="middle">{escape(chart.x_label)}</text>',
        "</svg>",
    ]
    return "".join(parts)


def _x_tick(share: float, text: str, index: int, count: int) -> str:
    """An x tick's label: the first starts at its tick and the last ends there, so neither is cut off."""
    anchor = "start" if index == 0 and count > 1 else "end" if index == count - 1 and count > 1 else "middle"
    return f'<text x="{_pct(share)}" y="{_c(PLOT_BOTTOM + 18)}" text-anchor="{anchor}">{escape(text)}</text>'


def _stroke(index: int) -> str:
    dash = DASHES[index]
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'class="calc-series calc-series-{index + 1}" stroke="currentColor" fill="currentColor" '
        f'stroke-width="2"{dashed} stroke-linejoin="round"'
    )


def _series(index: int, points: Sequence[tuple[float, float]], axes: _Axes) -> list[str]:
    """One series: its line in a plot that stretches only sideways (the stroke keeps its width
    and dashes), and its markers, each in a small unscaled viewport placed by percentage so that
    it keeps its shape (no ``<use href>``: Material's page script rewrites every ``href``)."""
    if not points:
        return []
    path = "M" + "L".join(f"{_c(axes.x(x) * PLOT_UNITS)} {_c(axes.y(y) - PLOT_TOP)}" for x, y in points)
    parts = [
        f"<g {_stroke(index)}>",
        f'<svg x="{_pct(0)}" y="{PLOT_TOP}" width="{PLOT_WIDTH}%" height="{PLOT_HEIGHT}" '
        f'viewBox="0 0 {PLOT_UNITS} {PLOT_HEIGHT}" preserveAspectRatio="none" overflow="visible">'
        f'<path d="{path}" fill="none" vector-effect="non-scaling-stroke"/></svg>',
        '<g stroke-dasharray="none">',
    ]
    shape = MARKER_SHAPES[MARKERS[index]].format(attrs="")
    parts.extend(
        f'<svg x="{_pct(axes.x(points[i][0]))}" y="{_c(axes.y(points[i][1]))}" overflow="visible">{shape}</svg>'
        for i in _marked(len(points))
    )
    parts.append("</g></g>")
    return parts


def key_svg(index: int) -> str:
    """A legend's key for series ``index``: its dash pattern and its marker, drawn small."""
    middle = KEY_HEIGHT / 2
    marker = MARKER_SHAPES[MARKERS[index]].format(attrs=f' transform="translate({KEY_WIDTH // 2} {_c(middle)})"')
    return (
        f'<svg class="calc-chart-key" width="{KEY_WIDTH}" height="{KEY_HEIGHT}" aria-hidden="true" '
        f'xmlns="http://www.w3.org/2000/svg"><g {_stroke(index)}>'
        f'<line x1="0" y1="{_c(middle)}" x2="{KEY_WIDTH}" y2="{_c(middle)}"/>'
        f'<g stroke-dasharray="none">{marker}</g></g></svg>'
    )


def render_legend(chart: Chart) -> str:
    """The chart's legend as HTML: each series' label (text that wraps and reads at the page's
    size) after a key showing its line and marker."""
    items = "".join(
        f"<li>{key_svg(index)} {escape(item.label)}</li>" for index, item in enumerate(chart.series[:MAX_SERIES])
    )
    return f'<ul class="calc-chart-legend">{items}</ul>'

"""Charts as SVG text, drawn by the same Python at build time, in the browser and in the PDF.

Standard library only. :func:`render_svg` draws a :class:`~calculators.spec.Chart` as an
inline line chart that is

- accessible: ``role="img"``, named by its ``<title>`` and described by its ``<desc>``
  (the chart's text alternative), with ids unique to the chart;
- readable without color: every series has its own dash pattern and marker shape, and
  the legend shows both;
- themeable: lines and text use ``currentColor`` and the classes ``calc-series-N``, which
  the site's stylesheet colors for light and dark themes and for print (no inline styles,
  so a strict Content-Security-Policy needs no exception);
- deterministic: coordinates are rounded to a tenth of a unit with integer arithmetic, and
  nothing depends on the platform's ``libm``, so CPython and Pyodide write the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from html import escape

from calculators import formatting
from calculators.spec import Chart, show

WIDTH = 640
HEIGHT = 340
TOP = 16
RIGHT = 20
PLOT_BOTTOM = 262  # y of the x axis; tick labels, axis title and legend go below
CHAR_WIDTH = 7  # rough width of a character at font-size 12, for the left margin
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


def _marker(shape: str, x: str, y: str) -> str:
    if shape == "circle":
        return f'<circle cx="{x}" cy="{y}" r="3.5"/>'
    if shape == "square":
        return f'<rect x="{x}" y="{y}" width="7" height="7" transform="translate(-3.5 -3.5)"/>'
    if shape == "triangle":
        return f'<path d="M0 -4.5L4 3.5L-4 3.5Z" transform="translate({x} {y})"/>'
    if shape == "diamond":
        return f'<path d="M0 -4.5L4.5 0L0 4.5L-4.5 0Z" transform="translate({x} {y})"/>'
    return f'<path d="M-4 -4L4 4M-4 4L4 -4" transform="translate({x} {y})" class="calc-chart-cross"/>'


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
    """An id derived from the chart's content: the same chart gets the same id everywhere."""
    digest = hashlib.sha256(repr(chart).encode("utf-8")).hexdigest()
    return f"calc-chart-{digest[:10]}"


def render_svg(chart: Chart, *, id_prefix: str | None = None) -> str:
    """``chart`` as an accessible inline SVG line chart.

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
    y_step = nice_step(y_high - y_low, 5)
    y_ticks = _ticks(y_low, y_high, y_step)
    y_low, y_high = y_ticks[0], y_ticks[-1]
    x_ticks = [tick for tick in _ticks(x_low, x_high, x_step) if x_low <= tick <= x_high]
    if not x_ticks:
        x_ticks = [x_low, x_high]
    elif x_high - x_ticks[-1] > x_step / 2:
        x_ticks.append(x_high)  # label the last point, unless it crowds the last tick
    y_labels = [show(chart.y_kind, tick, chart.currency) for tick in y_ticks]
    left = 28 + CHAR_WIDTH * max(len(text) for text in y_labels)
    plot_w, plot_h = WIDTH - RIGHT - left, PLOT_BOTTOM - TOP

    def px(x: float) -> float:
        return left + (x - x_low) / (x_high - x_low) * plot_w

    def py(y: float) -> float:
        return PLOT_BOTTOM - (y - y_low) / (y_high - y_low) * plot_h

    title_id, desc_id = f"{uid}-title", f"{uid}-desc"
    parts: list[str] = ['<g class="calc-chart-grid" stroke="currentColor" stroke-opacity="0.2" stroke-width="1">']
    for tick in y_ticks:
        y = _c(py(tick))
        parts.append(f'<line x1="{_c(left)}" y1="{y}" x2="{_c(WIDTH - RIGHT)}" y2="{y}"/>')
    parts.append("</g>")
    parts.append('<g class="calc-chart-axes" stroke="currentColor" stroke-width="1">')
    parts.append(f'<line x1="{_c(left)}" y1="{_c(TOP)}" x2="{_c(left)}" y2="{_c(PLOT_BOTTOM)}"/>')
    parts.append(f'<line x1="{_c(left)}" y1="{_c(PLOT_BOTTOM)}" x2="{_c(WIDTH - RIGHT)}" y2="{_c(PLOT_BOTTOM)}"/>')
    for tick in x_ticks:
        x = _c(px(tick))
        parts.append(f'<line x1="{x}" y1="{_c(PLOT_BOTTOM)}" x2="{x}" y2="{_c(PLOT_BOTTOM + 5)}"/>')
    parts.append("</g>")
    parts.append('<g class="calc-chart-ticks">')
    for tick, text in zip(y_ticks, y_labels, strict=True):
        parts.append(f'<text x="{_c(left - 6)}" y="{_c(py(tick) + 4)}" text-anchor="end">{escape(text)}</text>')
    for tick in x_ticks:
        text = formatting.number(tick)
        parts.append(f'<text x="{_c(px(tick))}" y="{_c(PLOT_BOTTOM + 18)}" text-anchor="middle">{escape(text)}</text>')
    parts.append("</g>")
    middle_x, middle_y = left + plot_w / 2, TOP + plot_h / 2
    parts.append(
        f'<text class="calc-chart-axis-label" x="{_c(middle_x)}" y="{_c(PLOT_BOTTOM + 36)}" '
        f'text-anchor="middle">{escape(chart.x_label)}</text>'
    )
    parts.append(
        f'<text class="calc-chart-axis-label" x="0" y="0" text-anchor="middle" '
        f'transform="translate(12 {_c(middle_y)}) rotate(-90)">{escape(chart.y_label)}</text>'
    )
    for index, item in enumerate(series):
        parts.extend(_series(index, item.points, px, py))
    legend, last_row = _legend([item.label for item in series], left)
    parts.extend(legend)
    height = max(HEIGHT, round(last_row) + 12)
    head = (
        f'<svg class="calc-chart" id="{uid}" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'aria-labelledby="{title_id}" aria-describedby="{desc_id}" '
        f'font-size="12" fill="currentColor" stroke="none" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{title_id}">{escape(chart.title)}</title>'
        f'<desc id="{desc_id}">{escape(chart.description)}</desc>'
    )
    return head + "".join(parts) + "</svg>"


def _stroke(index: int) -> str:
    dash = DASHES[index]
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'class="calc-series calc-series-{index + 1}" stroke="currentColor" fill="currentColor" '
        f'stroke-width="2"{dashed} stroke-linejoin="round"'
    )


def _series(
    index: int,
    points: Sequence[tuple[float, float]],
    px: Callable[[float], float],
    py: Callable[[float], float],
) -> list[str]:
    if not points:
        return []
    coords = [(_c(px(x)), _c(py(y))) for x, y in points]
    path = "M" + "L".join(f"{x} {y}" for x, y in coords)
    parts = [f"<g {_stroke(index)}>", f'<path d="{path}" fill="none"/>', '<g stroke-dasharray="none">']
    parts.extend(_marker(MARKERS[index], *coords[i]) for i in _marked(len(coords)))
    parts.append("</g></g>")
    return parts


def _legend(labels: Sequence[str], left: float) -> tuple[list[str], float]:
    """The legend's SVG and the y of its last row's baseline."""
    parts = ['<g class="calc-chart-legend">']
    x = left
    y = PLOT_BOTTOM + 62
    for index, label in enumerate(labels):
        width = 44 + CHAR_WIDTH * len(label)
        if x + width > WIDTH - RIGHT and x > left:
            x = left
            y += 18
        parts.append(f"<g {_stroke(index)}>")
        parts.append(f'<line x1="{_c(x)}" y1="{_c(y - 4)}" x2="{_c(x + 28)}" y2="{_c(y - 4)}"/>')
        parts.append(f'<g stroke-dasharray="none">{_marker(MARKERS[index], _c(x + 14), _c(y - 4))}</g>')
        parts.append("</g>")
        parts.append(f'<text x="{_c(x + 34)}" y="{_c(y)}">{escape(label)}</text>')
        x += width + 12
    parts.append("</g>")
    return parts, y

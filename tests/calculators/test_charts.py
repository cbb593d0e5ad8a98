"""The SVG line chart: well-formed, accessible, distinguishable without color, deterministic."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.charts import (
    DASHES,
    FONT_SIZE,
    MARKERS,
    PLOT_BOTTOM,
    PLOT_LEFT,
    PLOT_WIDTH,
    nice_step,
    render_legend,
    render_svg,
)
from calculators.spec import Chart, Series
from macros.currencies import currency

SVG = "{http://www.w3.org/2000/svg}"


def _chart(*series: Series, title: str = "Cumulative cost", kind: str = "money") -> Chart:
    return Chart(
        title=title,
        x_label="Month",
        y_label="Cost (USD)",
        y_kind=kind,  # type: ignore[arg-type]
        series=series,
        description="Three lines; the table below has the numbers.",
        currency=currency("USD"),
    )


THREE = _chart(
    Series("Full-time", tuple((float(m), 12500.0 * m) for m in range(13))),
    Series("Freelance", tuple((float(m), 6800.0 * m) for m in range(13))),
    Series("Agency <US>", tuple((float(m), 25600.0 * m) for m in range(13))),
)


def test_accessible_and_well_formed() -> None:
    svg = render_svg(THREE)
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title is not None
    assert desc is not None
    assert root.get("aria-labelledby") == title.get("id")
    assert root.get("aria-describedby") == desc.get("id")
    assert title.text == "Cumulative cost"
    legend = render_legend(THREE)
    assert "Agency &lt;US&gt;" in legend  # labels are escaped
    assert "<US>" not in legend
    for drawing in (svg, legend):
        assert "style=" not in drawing  # no inline styles: a strict CSP needs no exception
        assert "#" not in re.sub(r'id="[^"]*"|aria-[a-z]+="[^"]*"', "", drawing)  # no hard-coded colors
        assert "href" not in drawing  # Material's page script rewrites every href: none in a drawing


def test_text_keeps_its_size_at_any_width() -> None:
    """No viewBox on the drawing: it spans its container (width 100%) without scaling, so its
    text is FONT_SIZE CSS pixels on a phone and on a laptop; only the plot inside stretches,
    sideways, with strokes that keep their width."""
    root = ET.fromstring(render_svg(THREE))  # noqa: S314
    assert root.get("viewBox") is None
    assert root.get("width") == "100%"
    assert root.get("font-size") == str(FONT_SIZE) == "13"
    plots = [plot for plot in root.iter(f"{SVG}svg") if plot.get("viewBox")]
    assert len(plots) == 3
    for plot in plots:
        assert plot.get("preserveAspectRatio") == "none"
        assert plot.get("width") == f"{PLOT_WIDTH}%"
        assert plot.get("height") == plot.get("viewBox", "").split()[3]  # stretched sideways only
        (path,) = plot.findall(f"{SVG}path")
        assert path.get("vector-effect") == "non-scaling-stroke"
    assert all(text.get("font-size") is None for text in root.iter(f"{SVG}text"))


def test_markers_sit_where_the_values_are() -> None:
    """x is a percentage of the width: the plot's left edge plus the value's share of the x range
    times the plot's width; month 6 of 0-12 is 1.5 + 0.5 × 96.5 = 49.75%. y is in pixels."""
    root = ET.fromstring(render_svg(THREE))  # noqa: S314
    first = next(group for group in root.iter(f"{SVG}g") if "calc-series-1" in (group.get("class") or ""))
    markers = [marker for marker in first.iter(f"{SVG}svg") if not marker.get("viewBox")]
    assert all(marker.find(f"{SVG}circle") is not None for marker in markers)
    xs = [marker.get("x") for marker in markers]
    assert xs[0] == f"{PLOT_LEFT}%" == "1.5%"
    assert xs[3] == "49.75%"
    assert xs[-1] == f"{PLOT_LEFT + PLOT_WIDTH:g}%" == "98%"
    ys = [float(marker.get("y") or "nan") for marker in markers]
    assert ys == sorted(ys, reverse=True)  # cost grows: each marker higher than the last
    assert ys[0] == PLOT_BOTTOM  # month 0 costs 0: on the x axis


def test_ticks_are_formatted_with_the_shared_formatting() -> None:
    svg = render_svg(THREE)
    for text in ("$0", "$100,000", "$300,000", ">12<", ">Month<"):
        assert text in svg


def test_series_differ_without_color() -> None:
    svg = render_svg(THREE)
    assert 'stroke-dasharray="8 4"' in svg
    assert 'stroke-dasharray="2 4"' in svg
    assert "<circle" in svg
    assert "<rect" in svg
    assert 'd="M0 -4.5L4 3.5L-4 3.5Z"' in svg  # triangle
    assert len(DASHES) == len(MARKERS) == len(set(DASHES)) == len(set(MARKERS))
    assert svg.count('class="calc-series calc-series-3"') == 1  # the line and its markers
    legend = render_legend(THREE)
    assert legend.count('class="calc-series calc-series-3"') == 1  # its key in the legend
    assert legend.count('stroke-dasharray="2 4"') == 1
    assert legend.count("<li>") == 3


def test_ids_are_unique_per_chart_and_stable() -> None:
    other = _chart(Series("A", ((0.0, 1.0), (1.0, 2.0))))
    first, second = render_svg(THREE), render_svg(other)
    ids_first = set(re.findall(r' id="([^"]+)"', first))
    ids_second = set(re.findall(r' id="([^"]+)"', second))
    assert len(ids_first) == 3  # the drawing, its title and its description
    assert not ids_first & ids_second
    assert render_svg(THREE) == first
    assert 'id="calc-2-title"' in render_svg(THREE, id_prefix="calc-2")


def test_degenerate_charts_still_render() -> None:
    for chart in (
        _chart(),
        _chart(Series("Flat", ((0.0, 0.0), (5.0, 0.0)))),
        _chart(Series("One point", ((3.0, 7.0),))),
        _chart(Series("Negative", ((0.0, -5.0), (1.0, 5.0))), kind="number"),
    ):
        ET.fromstring(render_svg(chart))  # noqa: S314


def test_nice_steps() -> None:
    assert nice_step(307200, 5) == 100000
    assert nice_step(12, 8, whole=True) == 2
    assert nice_step(48, 8, whole=True) == 6
    assert nice_step(120, 8, whole=True) == 24
    assert nice_step(1, 5) == 0.2
    assert nice_step(0.3, 5) == 0.1
    assert nice_step(0, 5) == 1.0


_values = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)


@settings(deadline=None, max_examples=100)
@given(st.lists(st.lists(st.tuples(_values, _values), min_size=1, max_size=30), min_size=1, max_size=5))
def test_any_finite_data_gives_a_valid_svg_with_plain_numbers(data: list[list[tuple[float, float]]]) -> None:
    chart = _chart(*(Series(f"S{index}", tuple(points)) for index, points in enumerate(data)), kind="number")
    svg = render_svg(chart)
    ET.fromstring(svg)  # noqa: S314
    assert render_svg(chart) == svg
    coordinates = re.findall(r' (?:x|y|x1|x2|y1|y2|cx|cy)="([^"]*)"', svg)
    assert all(re.fullmatch(r"-?\d+(\.\d)?|\d+(\.\d{1,2})?%", value) for value in coordinates)
    assert all(0 <= float(value[:-1]) <= 100 for value in coordinates if value.endswith("%"))
    assert "e+" not in svg
    assert "nan" not in svg.lower()

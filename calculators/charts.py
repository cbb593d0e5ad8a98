"""Charts as SVG text, drawn by the same Python at build time, in the browser and in the PDF.

Standard library only. (A first, minimal version: the calculators work fills it in.)
"""

from __future__ import annotations

from html import escape

from calculators.spec import Chart


def render_svg(chart: Chart) -> str:
    """``chart`` as an accessible inline SVG (role="img" with a title and a description)."""
    return (
        f'<svg class="calc-chart" role="img" viewBox="0 0 640 320" aria-labelledby="t d">'
        f'<title id="t">{escape(chart.title)}</title><desc id="d">{escape(chart.description)}</desc></svg>'
    )

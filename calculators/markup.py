"""Text into HTML: the one escaping function the calculators' markup uses.

It gives the same result as the standard library's ``html.escape(text, quote=True)`` (a
property test checks it on arbitrary text) without importing :mod:`html`, which builds its
table of named character references on import. In the browser, where Pyodide's standard
library ships as sources, that import took about 45 ms of every first start.
"""

from __future__ import annotations


def escape(text: str) -> str:
    """``text`` with ``& < > " '`` written as character references (ampersands first)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


__all__ = ["escape"]

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from calculators.markup import escape


def test_escape_by_hand() -> None:
    assert escape("""<a href="x">Tom & Jerry's</a>""") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#x27;s&lt;/a&gt;"
    assert escape("&amp;") == "&amp;amp;"  # escaped again, never taken as already escaped
    assert escape("") == ""


@given(st.text())
def test_escape_is_the_standard_librarys(text: str) -> None:
    assert escape(text) == html.escape(text, quote=True)

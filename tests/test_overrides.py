"""Template overrides stay copies of Material's partials plus our one change, so an upgrade
of Material that changes the partial is noticed instead of silently reverted."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from tests.support.build import ROOT

_spec = importlib.util.find_spec("material")
assert _spec is not None
assert _spec.origin is not None
MATERIAL = Path(_spec.origin).parent / "templates"
COMMENT = re.compile(r"\{#-.*?-#\}\n?", re.DOTALL)


def test_the_search_partial_is_materials_with_a_name_for_the_dialog() -> None:
    ours = COMMENT.sub("", (ROOT / "docs/overrides/partials/search.html").read_text(encoding="utf-8"))
    theirs = COMMENT.sub("", (MATERIAL / "partials/search.html").read_text(encoding="utf-8"))
    named = ' role="dialog" aria-label="{{ lang.t(\'search\') }}">'
    assert named in ours
    assert ours.replace(named, ' role="dialog">') == theirs

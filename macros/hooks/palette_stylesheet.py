"""Material's palette stylesheet, less the rule that restyles every element twice as a page starts.

Material's palette script marks the body ``data-md-color-switching`` while it applies the
reader's theme and removes the mark a frame later; its stylesheet holds one rule for that mark,
``[data-md-color-switching] * {transition-duration: 0s !important}`` (and the same for
``:before`` and ``:after``), so that a change of theme does not animate. A rule on every
descendant of a marked body makes the browser restyle the whole page when the mark comes and
again when it goes, and Material applies the theme on every page load, not only when the reader
switches: on the Sources page that was 50 ms of a phone-sized page's start at full speed (20 on
a calculator page), four times that on the mid-range phone Lighthouse emulates.

What is given up: when the theme changes, the header and links ease into their new colours over
Material's own transitions (a quarter of a second) instead of changing at once. That happens
when a reader switches theme, and on the first page a reader with a dark system theme opens
(Material's header script applies a kept theme before the page is drawn from then on).

The file keeps its name: for a given Material release the result is always the same bytes, so a
name still means one content. If the rule is not there exactly once (a new Material release),
the build stops: check whether Material still marks the body so, then update or drop this hook.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

SWITCHING_RULE = (
    "[data-md-color-switching] *,[data-md-color-switching] :after,[data-md-color-switching] :before"
    "{transition-duration:0s!important}"
)
STYLESHEETS = Path("assets") / "stylesheets"


def without_switching_rule(stylesheet: str, name: str) -> str:
    """``stylesheet`` less :data:`SWITCHING_RULE`; a stylesheet without it exactly once stops the build."""
    found = stylesheet.count(SWITCHING_RULE)
    if found != 1:
        raise PluginError(
            f"{name}: Material's palette stylesheet holds the rule {SWITCHING_RULE!r} {found} times, not once: "
            "macros/hooks/palette_stylesheet.py removes it (its docstring says why); check whether Material "
            "still marks the body so, then update or drop the hook"
        )
    return stylesheet.replace(SWITCHING_RULE, "")


def on_post_build(config: MkDocsConfig) -> None:
    """Write the site's palette stylesheet from the theme's own copy, so that a build which did
    not copy it again (``mkdocs serve --dirty``) is patched the same and never twice."""
    site = Path(config.site_dir)
    sheets = sorted((site / STYLESHEETS).glob("palette.*.css"))
    if len(sheets) != 1:
        found = [sheet.name for sheet in sheets]
        raise PluginError(f"{site / STYLESHEETS}: expected Material's one palette stylesheet, found {found}")
    relative = sheets[0].relative_to(site)
    sources = [Path(folder) / relative for folder in config.theme.dirs if (Path(folder) / relative).is_file()]
    if not sources:
        raise PluginError(f"{relative}: no theme folder holds the palette stylesheet the site has")
    patched = without_switching_rule(sources[0].read_text(encoding="utf-8"), str(sources[0]))
    sheets[0].write_text(patched, encoding="utf-8")

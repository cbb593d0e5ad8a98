"""Long-lived caching for files whose name changes with their content, in ``_headers``.

Runs after ``csp.py``, which writes ``_headers``, and adds one rule per such file:
``Cache-Control: public, max-age=31536000, immutable``, so a returning reader's browser
uses its copy without asking. Safe only because a changed file gets a new address:

- the calculators' wheel and lock file, in ``assets/pyodide/calculators-<content hash>/``
  (``pyodide_assets.py``);
- Material's bundles and style sheets, named ``name.<8 hex digits>.min.js`` / ``.css``.

Netlify and Cloudflare Pages read ``_headers``; GitHub Pages sends no custom header, and
there the service worker (``offline.py``) keeps these files instead. Everything else keeps
the host's default (revalidated on each visit), since its address stays the same.
"""

from __future__ import annotations

import re
from pathlib import Path

from macros.built_site import BuiltSiteOnly

# As pyodide_assets.py writes them (hooks import nothing from each other: MkDocs loads each by
# its path; tests/macros/hooks/test_cache_headers.py checks they agree).
RUNTIME_FOLDER = Path("assets") / "pyodide"
PACKAGES_PREFIX = "calculators-"
IMMUTABLE = "public, max-age=31536000, immutable"
_MATERIAL_HASHED = re.compile(r"^assets/(?:javascripts|stylesheets)/.*\.[0-9a-f]{8}\.min\.(?:js|css)$")


def immutable_paths(site: Path) -> list[str]:
    """The ``_headers`` path patterns of every content-addressed file of a built site."""
    folders = sorted(
        f"/{folder.relative_to(site).as_posix()}/*" for folder in (site / RUNTIME_FOLDER).glob(PACKAGES_PREFIX + "*")
    )
    material = sorted(
        f"/{relative}"
        for path in (site / "assets").rglob("*.min.*")
        if _MATERIAL_HASHED.match(relative := path.relative_to(site).as_posix())
    )
    return folders + material


def rules(paths: list[str]) -> str:
    lines = ["# Written by macros/hooks/cache_headers.py: these addresses change with their content."]
    for path in paths:
        lines += [path, f"  Cache-Control: {IMMUTABLE}"]
    return "\n".join(lines) + "\n"


def apply(site: Path) -> list[str]:
    headers = site / "_headers"
    paths = immutable_paths(site)
    text = headers.read_text(encoding="utf-8") if headers.is_file() else ""
    headers.write_text(text + rules(paths), encoding="utf-8")
    return paths


# ``csp.py`` writes no ``_headers`` while serving; nothing to add to then.
_events = BuiltSiteOnly(apply)
on_startup = _events.on_startup
on_post_build = _events.on_post_build

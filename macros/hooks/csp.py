"""Content-Security-Policy for every page, and the ``_headers`` file static hosts read.

One policy for the whole site, built after every page is written:

- ``script-src 'self' 'wasm-unsafe-eval'`` plus the sha256 hash of every inline script
  that any page carries (Material writes a few; ``__md_scope`` differs with page depth).
  One site-wide list rather than one list per page because Material's instant navigation
  swaps in the next page's content and re-runs its inline scripts under the policy of the
  page the reader first opened; a hash only ever allows that exact script, so the union
  is as strict as the per-page lists and never blocks a page reached by a link.
- ``style-src 'self'`` plus hashes of inline ``<style>`` elements and ``style=""``
  attributes (Markdown tables write ``style="text-align: right;"``), with
  ``'unsafe-hashes'`` only when such attributes exist.
- Everything else from the site's own origin only; no plugin, no frame, no other origin.

The policy goes into every HTML file as ``<meta http-equiv="Content-Security-Policy">``
(this is all GitHub Pages can do) and into ``_headers`` (Netlify, Cloudflare Pages; the
local test server applies it too), which also covers what a meta tag cannot: the Web
Worker scripts and ``frame-ancestors``.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from pathlib import Path

from macros.built_site import BuiltSiteOnly
from macros.html_tokens import Attributes, inline_code, rewrite, start_tag

META = ("http-equiv", "Content-Security-Policy")
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}

# Sensible headers beyond the policy. Permissions-Policy lists only features Chromium knows:
# an unknown one is logged as a console error on every page.
EXTRA_HEADERS: tuple[tuple[str, str], ...] = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
)
HEADERS_ONLY_DIRECTIVES = ("frame-ancestors",)
"""Directives a ``<meta>`` policy may not carry (browsers ignore them there, with a warning)."""


def sha256_source(text: str) -> str:
    """The CSP hash source for an inline script or style: ``'sha256-<base64>'``."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run (no ``src``, a JavaScript type)."""
    scripts, _, _ = inline_code(html)
    found: list[str] = []
    for attrs, body in scripts:
        values = dict(attrs)
        if "src" not in values and (values.get("type") or "").lower() in EXECUTABLE_TYPES:
            found.append(body)
    return found


def inline_styles(html: str) -> tuple[list[str], list[str]]:
    """The text of every ``<style>`` element and every ``style=""`` attribute value (decoded,
    as the browser hashes it)."""
    _, elements, attributes = inline_code(html)
    return elements, attributes


def policy(script_hashes: Iterable[str], style_hashes: Iterable[str], *, unsafe_hashes: bool) -> dict[str, str]:
    """The site's policy as ordered directives (name -> sources)."""
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *sorted(set(script_hashes))])
    styles = " ".join(["'self'", *(["'unsafe-hashes'"] if unsafe_hashes else []), *sorted(set(style_hashes))])
    return {
        "default-src": "'self'",
        "script-src": scripts,
        "style-src": styles,
        "img-src": "'self' data:",  # Material's CSS draws its icons from data: SVGs
        "font-src": "'self'",
        "connect-src": "'self'",
        "worker-src": "'self'",
        "manifest-src": "'self'",
        "media-src": "'self'",
        "object-src": "'none'",
        "frame-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }


def serialize(directives: dict[str, str], *, for_meta: bool) -> str:
    return "; ".join(
        f"{name} {sources}"
        for name, sources in directives.items()
        if not (for_meta and name in HEADERS_ONLY_DIRECTIVES)
    )


def insert_meta(html: str, content: str) -> str:
    """Put the policy first in ``<head>`` (right after the charset), replacing an older one."""
    tag = start_tag("meta", [META, ("content", content)])
    placed = False

    def edit(name: str, attrs: Attributes, written: str) -> str | None:
        nonlocal placed
        if name == "meta" and META in attrs:
            return ""  # an older policy: the new one goes after the charset
        if not placed and name == "meta" and (dict(attrs).get("charset") or "").lower() == "utf-8":
            placed = True
            return f"{written}\n    {tag}"
        return None

    updated = rewrite(html, edit)
    if not placed:  # a page without a charset: the policy opens <head>
        updated = rewrite(html, lambda name, attrs, written: f"{written}\n    {tag}" if name == "head" else None)
    return updated


def headers_file(directives: dict[str, str]) -> str:
    """The ``_headers`` file: one rule for every path, the worker scripts included."""
    lines = [
        "# Written by macros/hooks/csp.py at build time. Netlify and Cloudflare Pages read this file;",
        "# for other hosts, send the same headers (see README.md, Publishing).",
        "/*",
        f"  Content-Security-Policy: {serialize(directives, for_meta=False)}",
        *(f"  {name}: {value}" for name, value in EXTRA_HEADERS),
    ]
    return "\n".join(lines) + "\n"


def apply(site_dir: Path) -> dict[str, str]:
    """Hash every page's inline code, write the meta tag into each page and ``_headers``."""
    pages = sorted(site_dir.rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    script_hashes: set[str] = set()
    style_hashes: set[str] = set()
    unsafe_hashes = False
    for text in texts.values():
        script_hashes.update(sha256_source(script) for script in inline_scripts(text))
        elements, attributes = inline_styles(text)
        style_hashes.update(sha256_source(style) for style in [*elements, *attributes])
        unsafe_hashes = unsafe_hashes or bool(attributes)
    directives = policy(script_hashes, style_hashes, unsafe_hashes=unsafe_hashes)
    meta = serialize(directives, for_meta=True)
    for page, text in texts.items():
        updated = insert_meta(text, meta)
        if updated != text:
            page.write_text(updated, encoding="utf-8")
    (site_dir / "_headers").write_text(headers_file(directives), encoding="utf-8")
    return directives


# ``mkdocs serve`` injects an inline live-reload script that changes on every request and
# so cannot be hashed: while serving, pages carry no policy (the built site always does).
_events = BuiltSiteOnly(apply)
on_startup = _events.on_startup
on_post_build = _events.on_post_build

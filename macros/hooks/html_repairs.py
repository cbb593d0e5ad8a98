"""Small repairs to the HTML Material writes, so that every page is valid (the Nu validator),
made on the page's parsed tokens (:mod:`macros.html_tokens`).

- Material's hidden toggle checkboxes (drawer, search) carry ``autocomplete="off"``, which
  HTML allows only on text-like inputs. Browsers other than Firefox ignore it there; in
  Firefox it only stops a toggle's state coming back on "back".
- Material writes ``tabindex=""`` on section labels in the navigation; an empty tabindex is
  invalid and means the same as none, so it is dropped.
- A heading's permanent link (the pilcrow Python-Markdown's ``toc`` writes) names itself in
  ``aria-label`` instead of ``title``: a screen reader hears "Permanent link" rather than the
  pilcrow, and no tooltip covers the heading (were ``content.tooltips`` turned on, Material
  would also build one for each of the hundred such links on Sources and method as it starts,
  about 60 ms of blocking time on an emulated phone).

Repairs to what Markdown writes (task-list checkboxes' names, empty header cells) are made in
the Markdown tree instead: :mod:`macros.markdown_repairs`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from macros.html_tokens import Attributes, rewrite, start_tag


def _classes(attrs: Attributes) -> set[str]:
    return set((dict(attrs).get("class") or "").split())


def repair_tag(tag: str, attrs: Attributes, written: str) -> str | None:
    """The repaired start tag, or ``None`` when it needs nothing."""
    if tag == "input" and "md-toggle" in _classes(attrs) and ("autocomplete", "off") in attrs:
        return start_tag(tag, [(name, value) for name, value in attrs if name != "autocomplete"])
    if tag == "label" and "md-nav__link" in _classes(attrs) and ("tabindex", "") in attrs:
        return start_tag(tag, [(name, value) for name, value in attrs if name != "tabindex"])
    if tag == "a" and "headerlink" in _classes(attrs) and any(name == "title" for name, _ in attrs):
        return start_tag(tag, [("aria-label" if name == "title" else name, value) for name, value in attrs])
    return None


def repair(page_html: str) -> str:
    return rewrite(page_html, repair_tag)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return repair(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return repair(output_content) if template_name.endswith(".html") else output_content

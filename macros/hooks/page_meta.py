"""What a page's front matter says about the page itself.

- ``description``, or failing that the start of its first paragraph, as plain text: Material
  writes it as ``<meta name="description">``, and ``docs/overrides/main.html`` repeats it in the
  Open Graph and Twitter card tags for link previews.
- ``toc_depth``: the deepest heading level the page's table of contents lists (``2``: its
  sections, not their subsections). For a page whose subsections are a long list, such as the
  Sources page: the contents stay a map of the page, and a phone has hundreds fewer elements to
  style each time the theme restyles the page.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils.templates import TemplateContext

DESCRIPTION_LIMIT = 160


class _FirstParagraph(HTMLParser):
    """The text of the first ``<p>`` that has any."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p" and not self.text:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self.depth:
            self.depth -= 1
            if not self.depth and not self.text:
                self.text = " ".join("".join(self.parts).split())
                self.parts = []

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def summary(page_html: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """The first paragraph with any text, as plain text cut at a word before ``limit``."""
    reader = _FirstParagraph()
    reader.feed(page_html)
    text = reader.text
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.–—-") + "…"


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Stop the build on front matter that did not parse: MkDocs would otherwise show it as a
    heading (``description: a: b`` needs quotes around its value)."""
    if markdown.startswith("---\n") and not page.meta:
        first = markdown.split("\n", 3)[1]
        raise PluginError(
            f"{page.file.src_uri}: the front matter is not valid YAML ({first[:60]!r}); quote a value "
            'that contains ": ", e.g. description: "…"'
        )
    return markdown


def on_page_content(html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    text = str(page.meta.get("description") or summary(html_text) or config.site_description or "")
    # Material writes page.meta.description into an attribute as it is: escape it once here.
    page.meta["description"] = html.escape(text, quote=True)
    return html_text


def trim_contents(items: list[AnchorLink], depth: int) -> None:
    """Drop the entries of a table of contents below heading level ``depth`` (1 is ``h1``)."""
    for item in items:
        if item.level >= depth:
            item.children = []
        else:
            trim_contents(item.children, depth)


def on_page_context(context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    depth = page.meta.get("toc_depth")
    if depth is None:
        return context
    if isinstance(depth, bool) or not isinstance(depth, int) or not 1 <= depth <= 6:
        raise PluginError(f"{page.file.src_uri}: toc_depth must be a heading level, 1 to 6 (it is {depth!r})")
    trim_contents(list(page.toc), depth)
    return context

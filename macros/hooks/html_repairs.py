"""Small repairs to the HTML Material and Python-Markdown write, so that every page is valid
(the Nu validator) and accessible (axe-core). Each repair is a pure function of the page.

- Material's hidden toggle checkboxes (drawer, search) carry ``autocomplete="off"``, which
  HTML allows only on text-like inputs. Browsers other than Firefox ignore it there; in
  Firefox it only stops a toggle's state coming back on "back".
- A task-list checkbox (``- [ ] item``) sits in a label of its own, apart from the item's
  text, so it has no accessible name: it gets the item's text as ``aria-label``.
- Material writes ``tabindex=""`` on section labels in the navigation; an empty tabindex is
  invalid and means the same as none, so it is dropped.
- An empty header cell (the corner of a table whose first column names the rows) is a
  header for nothing; it becomes an ordinary empty cell (axe: empty-table-header).
"""

from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?)\s+autocomplete="off"([^>]*>)')
_TASK = re.compile(
    r'(?P<input><label class="task-list-control"><input type="checkbox"(?P<attrs>[^>]*?)/?>)'
    r"(?P<rest>.*?</label>(?P<text>.*?))(?=</li>|<ul|<ol)",
    re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")
_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link"[^>]*?)\s+tabindex=""')
_EMPTY_HEADER = re.compile(r"<th(?P<attrs>(?:\s[^>]*)?)>\s*</th>")


def drop_toggle_autocomplete(page_html: str) -> str:
    return _TOGGLE.sub(r"\1\2", page_html)


def name_task_checkboxes(page_html: str) -> str:
    def named(match: re.Match[str]) -> str:
        if "aria-label" in match.group("attrs"):
            return match.group(0)
        text = " ".join(html.unescape(_TAG.sub("", match.group("text"))).split())
        if not text:
            return match.group(0)
        tag = match.group("input")
        tag = tag.replace('type="checkbox"', f'type="checkbox" aria-label="{html.escape(text)}"', 1)
        return tag + match.group("rest")

    if "task-list-control" not in page_html:
        return page_html
    return _TASK.sub(named, page_html)


def empty_headers_to_cells(page_html: str) -> str:
    return _EMPTY_HEADER.sub(r"<td\g<attrs>></td>", page_html)


def drop_empty_tabindex(page_html: str) -> str:
    return _EMPTY_TABINDEX.sub(r"\1", page_html)


def repair(page_html: str) -> str:
    for step in (drop_toggle_autocomplete, drop_empty_tabindex, name_task_checkboxes, empty_headers_to_cells):
        page_html = step(page_html)
    return page_html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return repair(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return repair(output_content) if template_name.endswith(".html") else output_content

"""A Python-Markdown extension: accessible names and honest headers, fixed in the tree.

- A task-list checkbox (``- [ ] item``, from ``pymdownx.tasklist``) sits in a label of its
  own, apart from the item's text, so it has no accessible name: it gets the item's own
  text (not that of a nested list) as ``aria-label``.
- An empty header cell (the corner of a table whose first column names the rows) is a
  header for nothing (axe: empty-table-header): it becomes an ordinary cell.
- Each table sits alone in a ``div.table-holder``. When a page starts, Material moves every
  table into its scrolling box; a table whose parent is the article changes the article's
  children, and the browser restyles the whole article (40 ms at full speed on a calculator
  page, four times that on the mid-range phone Lighthouse emulates). In a holder of its own
  the move restyles the holder only, and the stylesheet (guide.css) lets the browser skip a
  holder while it is off screen. The page looks the same.

Listed in ``mkdocs.yml`` under ``markdown_extensions`` as ``macros.markdown_repairs``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import escape
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER

_PLACEHOLDER = re.compile(HTML_PLACEHOLDER.replace("%s", r"(\d+)"))
CHECKBOX = '<input type="checkbox"'
AFTER_TASKLIST_AND_INLINE = 15
"""pymdownx.tasklist runs at 25 and Python-Markdown's inline patterns at 20: after both."""
TABLE_HOLDER = "table-holder"


def own_text(item: ET.Element) -> str:
    """An element's words, less nested lists and stashed HTML, whitespace collapsed."""
    parts = [item.text or ""]
    for child in item:
        if child.tag not in {"ul", "ol"}:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join(_PLACEHOLDER.sub(" ", "".join(parts)).split())


class _Repairs(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for item in root.iter("li"):
            if "task-list-item" in (item.get("class") or "").split():
                self._name_checkbox(item)
        for cell in root.iter("th"):
            if not (cell.text or "").strip() and len(cell) == 0:
                cell.tag = "td"
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "table":
                    hold(parent, index, child)

    def _name_checkbox(self, item: ET.Element) -> None:
        first = item[0] if (not item.text or not item.text.strip()) and len(item) else None
        holder = first.text if first is not None and first.tag == "p" else item.text
        found = _PLACEHOLDER.search(holder or "")
        name = own_text(item)
        if found is None or not name:
            return
        blocks = self.md.htmlStash.rawHtmlBlocks
        index = int(found[1])
        block = str(blocks[index])
        if CHECKBOX in block and "aria-label" not in block:
            blocks[index] = block.replace(CHECKBOX, f'{CHECKBOX} aria-label="{escape(name, quote=True)}"', 1)


def hold(parent: ET.Element, index: int, table: ET.Element) -> None:
    """Put ``table`` (``parent``'s child at ``index``) alone in a ``div.table-holder``."""
    holder = ET.Element("div", {"class": TABLE_HOLDER})
    holder.tail, table.tail = table.tail, None
    parent.remove(table)
    parent.insert(index, holder)
    holder.append(table)


class MarkdownRepairs(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(_Repairs(md), "guide-repairs", AFTER_TASKLIST_AND_INLINE)


def makeExtension(**kwargs: Any) -> MarkdownRepairs:  # noqa: N802 - Python-Markdown's name
    return MarkdownRepairs(**kwargs)

"""Edits to a built page made on its parsed tokens, never with regular expressions on the text.

:func:`rewrite` runs the standard library's HTML tokenizer over a page and writes every token
back exactly as it was written, except the start tags an edit function replaces (or drops).
Script and style bodies come back untouched, so hashes taken of them (the
Content-Security-Policy) stay true. :func:`start_tag` writes a tag with its attributes
escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from html.parser import HTMLParser

Attributes = Sequence[tuple[str, str | None]]
Edit = Callable[[str, Attributes, str], str | None]
"""(tag, attributes, the tag as written) -> the text to write instead, or ``None`` to keep it."""


def start_tag(tag: str, attributes: Attributes) -> str:
    """``<tag a="1" b>`` with every value escaped for a double-quoted attribute (``&``, ``<``,
    ``>`` and ``"``); ``None`` is an attribute with no value."""
    parts = [tag, *(name if value is None else f'{name}="{_attribute(value)}"' for name, value in attributes)]
    return "<" + " ".join(parts) + ">"


def _attribute(value: str) -> str:
    return escape(value, quote=False).replace('"', "&quot;")


class _Rewriter(HTMLParser):
    def __init__(self, edit: Edit) -> None:
        super().__init__(convert_charrefs=False)
        self._edit = edit
        self.out: list[str] = []
        self.scripts: list[tuple[Attributes, str]] = []
        self.styles: list[str] = []
        self._open: tuple[str, Attributes] | None = None

    def _start(self, tag: str, attrs: Attributes) -> None:
        written = self.get_starttag_text() or start_tag(tag, attrs)
        replaced = self._edit(tag, attrs, written)
        self.out.append(written if replaced is None else replaced)
        if tag in {"script", "style"}:
            self._open = (tag, attrs)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)
        self._open = None

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and self._open[0] == tag:
            self._open = None
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            tag, attrs = self._open
            if tag == "script":
                self.scripts.append((attrs, data))
            else:
                self.styles.append(data)
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


def rewrite(page: str, edit: Edit) -> str:
    """``page`` with the start tags ``edit`` replaces; everything else exactly as written."""
    parser = _Rewriter(edit)
    parser.feed(page)
    parser.close()
    return "".join(parser.out)


def inline_code(page: str) -> tuple[list[tuple[Attributes, str]], list[str], list[str]]:
    """(scripts as (attributes, body), ``<style>`` bodies, ``style=""`` values) of a page.

    Attribute values come back decoded, as a browser hashes them.
    """
    found: list[str] = []

    def collect(tag: str, attrs: Attributes, written: str) -> None:
        found.extend(value for name, value in attrs if name == "style" and value is not None)

    parser = _Rewriter(collect)
    parser.feed(page)
    parser.close()
    return parser.scripts, parser.styles, found

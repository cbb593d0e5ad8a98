"""Small repairs that make Material's pages valid HTML (checked by the Nu validator).

- Material's hidden toggle checkboxes (drawer, search) carry ``autocomplete="off"``, which
  HTML allows only on text-like inputs. Browsers other than Firefox ignore it there; in
  Firefox it only stops a toggle's state coming back on "back", which the theme resets anyway.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?)\s+autocomplete="off"([^>]*>)')


def repair(html: str) -> str:
    return _TOGGLE.sub(r"\1\2", html)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return repair(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return repair(output_content) if template_name.endswith(".html") else output_content

"""Description, Open Graph and Twitter card meta for every page.

A page's description is its front matter ``description`` or, failing that, the start of its
first paragraph; Material writes it as ``<meta name="description">`` and this hook repeats it
for link previews together with the title, the canonical address and the site's preview
image (drawn by ``macros/hooks/social_card.py``). The 404 page is kept out of search indexes.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

DESCRIPTION_LIMIT = 160
SOCIAL_CARD = "assets/images/social-card.png"
SOCIAL_CARD_SIZE = (1200, 630)

_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def summary(page_html: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """The first paragraph with any text, as plain text cut at a word before ``limit``."""
    for match in _PARAGRAPH.finditer(page_html):
        text = " ".join(html.unescape(_TAG.sub("", match.group(1))).split())
        if not text:
            continue
        if len(text) <= limit:
            return text
        cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.–—-")
        return cut + "…"
    return ""


def social_meta(*, title: str, description: str, url: str | None, image: str | None, site_name: str, kind: str) -> str:
    """Open Graph and Twitter card tags, attribute values escaped."""
    tags: list[tuple[str, str, str]] = [
        ("property", "og:type", kind),
        ("property", "og:site_name", site_name),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:locale", "en_US"),
    ]
    if url:
        tags.append(("property", "og:url", url))
    if image:
        tags += [
            ("property", "og:image", image),
            ("property", "og:image:type", "image/png"),
            ("property", "og:image:width", str(SOCIAL_CARD_SIZE[0])),
            ("property", "og:image:height", str(SOCIAL_CARD_SIZE[1])),
            ("property", "og:image:alt", site_name),
        ]
    tags += [
        ("name", "twitter:card", "summary_large_image" if image else "summary"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
    ]
    if image:
        tags.append(("name", "twitter:image", image))
    return "\n".join(
        f'    <meta {attr}="{html.escape(key)}" content="{html.escape(value)}">' for attr, key, value in tags
    )


def _insert_before_head_end(output: str, block: str) -> str:
    index = output.find("</head>")
    return output if index < 0 else output[:index] + block + "\n  " + output[index:]


_descriptions: dict[str, str] = {}
"""Each page's description as plain text, by source file (for the Open Graph tags)."""


def on_page_content(html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    text = str(page.meta.get("description") or summary(html_text) or config.site_description or "")
    _descriptions[page.file.src_uri] = text
    # Material writes page.meta.description into an attribute as it is: escape it once here.
    page.meta["description"] = html.escape(text, quote=True)
    return html_text


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    site_url = config.site_url or ""
    title = config.site_name if page.is_homepage else f"{page.title} - {config.site_name}"
    description = _descriptions.get(page.file.src_uri) or config.site_description or ""
    block = social_meta(
        title=title,
        description=description,
        url=page.canonical_url,
        image=urljoin(site_url, SOCIAL_CARD) if site_url else None,
        site_name=config.site_name,
        kind="website" if page.is_homepage else "article",
    )
    return _insert_before_head_end(output, block)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        return _insert_before_head_end(output_content, '    <meta name="robots" content="noindex">')
    return output_content

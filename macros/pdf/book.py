"""The book: every page made ready for paper, in reading order, behind a cover and a contents."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from bs4 import Tag

from macros.manifest import ManifestPage
from macros.pdf.links import Book, chapter_anchor, ids_of, prefix_ids, relink
from macros.pdf.paper import article_of, for_paper, keep_figures_whole, new_tag, text_of
from macros.render import long_date


@dataclass(frozen=True, kw_only=True)
class Page(ManifestPage):
    """A page of the guide in reading order, as the build's manifest lists it, with its built HTML."""

    html: str


@dataclass(frozen=True)
class Edition:
    """What the cover says about this copy."""

    title: str
    description: str
    site_url: str
    sources_read: tuple[datetime.date, datetime.date]
    built_on: datetime.date


@dataclass(frozen=True)
class Chapter:
    url: str
    anchor: str
    title: str
    article: Tag
    part: str = ""


def chapters(pages: Sequence[Page], site: Path, site_url: str, calculator_pages: Mapping[str, str]) -> list[Chapter]:
    """Every page made ready for paper, in order, with unique ids and links pointing inside the PDF
    (to what is left once the screen furniture is gone). ``calculator_pages`` maps a
    calculator's name to its own page, where a worked example sends the reader to try it."""
    site_url = site_url.rstrip("/") + "/"
    live = {name: site_url + url for name, url in calculator_pages.items()}
    articles = [(page, article_of(page.html)) for page in pages]
    for page, article in articles:
        for_paper(article, live_url=live, page_live_url=site_url + page.url)
        keep_figures_whole(article)
    book = Book(
        anchors={page.url: chapter_anchor(page.url) for page, _ in articles},
        ids={page.url: ids_of(article) for page, article in articles},
        site_url=site_url,
    )
    result = []
    part = ""
    for page, article in articles:
        anchor = chapter_anchor(page.url)
        relink(article, page.url, book, site)
        prefix_ids(article, anchor)
        heading = article.find("h1")
        title = text_of(heading) if isinstance(heading, Tag) else page.url
        article.name = "section"
        classes = ["chapter"]
        if page.part:
            # Chapters in a nav section carry its name above their title; the first one also
            # opens the section in the bookmarks.
            classes += ["in-part", "part-start"] if page.part != part else ["in-part"]
            article.insert(0, new_tag("p", page.part, **{"class": "part-title"}))
        part = page.part
        article.attrs = {"class": " ".join(classes), "id": anchor}
        if isinstance(heading, Tag):
            online = new_tag("p", "", **{"class": "chapter-online"})
            online.append(new_tag("a", site_url + page.url, href=site_url + page.url))
            heading.insert_after(online)
        result.append(Chapter(url=page.url, anchor=anchor, title=title, article=article, part=page.part))
    return result


def contents(chapters: Sequence[Chapter]) -> str:
    """The table of contents: each chapter and its sections, page numbers filled in by the CSS."""
    items = []
    part = ""
    for chapter in chapters:
        if chapter.part and chapter.part != part:
            items.append(f'<li class="toc-part">{escape(chapter.part)}</li>')
        part = chapter.part
        sections = [
            f'<li><a href="#{escape(str(h2["id"]))}">{escape(text_of(h2))}</a></li>'
            for h2 in chapter.article.find_all("h2")
            if h2.has_attr("id")
        ]
        inner = f'<ol class="toc-sections">{"".join(sections)}</ol>' if sections else ""
        kind = "toc-chapter in-part" if chapter.part else "toc-chapter"
        link = f'<a href="#{chapter.anchor}">{escape(chapter.title)}</a>'
        items.append(f'<li class="{kind}">{link}{inner}</li>')
    return f'<nav class="toc" id="contents"><h1>Contents</h1><ol>{"".join(items)}</ol></nav>'


def dates_text(first: datetime.date, last: datetime.date) -> str:
    if first == last:
        return long_date(first)
    return f"between {long_date(first)} and {long_date(last)}"


def cover(edition: Edition) -> str:
    url = escape(edition.site_url)
    return (
        '<section class="cover">'
        f'<p class="cover-title">{escape(edition.title)}</p>'
        f'<p class="cover-description">{escape(edition.description)}</p>'
        '<dl class="cover-facts">'
        f"<dt>Sources read</dt><dd>{dates_text(*edition.sources_read)}</dd>"
        f"<dt>This copy built on</dt><dd>{long_date(edition.built_on)}</dd>"
        f'<dt>Read online, with live calculators</dt><dd><a href="{url}">{url}</a></dd>'
        "</dl></section>"
    )


def assemble(edition: Edition, chapters: Sequence[Chapter]) -> str:
    """The print document: cover, contents, then every chapter in reading order."""
    body = "".join(str(chapter.article) for chapter in chapters)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(edition.title)}</title>"
        f'<meta name="description" content="{escape(edition.description)}">'
        f'<meta name="dcterms.created" content="{edition.built_on.isoformat()}">'
        f"</head><body>{cover(edition)}{contents(chapters)}{body}</body></html>"
    )

"""The whole guide as one PDF, assembled from the built site's own pages.

The PDF is one more output of the same pages: the site is built (strictly) as usual, then
each page in the navigation, in reading order, gives its ``<article>``; the screen
furniture is dropped, calculators become worked examples (their build-time results kept,
their inputs listed as "label: value"), ids are made unique and links between pages are
pointed at the matching place in the PDF. A cover and a table of contents go in front,
and WeasyPrint lays it all out with ``macros/pdf.css`` (page numbers, running chapter
titles, contents with page numbers, bookmarks). Nothing is fetched from the network: the
URL fetcher refuses anything that is not a file of the site or of the font.

The functions up to :func:`assemble` are pure (HTML in, HTML out) and tested directly;
:func:`render` and :func:`main` are the thin edges. ``python -m macros.pdf --help``.
"""

from __future__ import annotations

import argparse
import datetime
import logging
import os
import posixpath
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from macros.data import load_data
from macros.render import long_date

ROOT = Path(__file__).resolve().parent.parent
STYLESHEET = Path(__file__).with_name("pdf.css")
PAPER_SIZES = {"a4": "A4", "letter": "letter"}

# The text font, from the Debian package fonts-sil-charis (SIL Open Font Licence), and the
# code font from fonts-dejavu-core; both are listed in .ci/system-packages.txt. Debian 12
# names the files CharisSIL-*, later releases Charis-*.
FONT_PACKAGES = {"Charis SIL": "fonts-sil-charis", "DejaVu Sans Mono": "fonts-dejavu-core"}
FONT_FILES: dict[str, dict[str, tuple[str, ...]]] = {
    "Charis SIL": {
        "regular": ("charis/CharisSIL-Regular.ttf", "charis/Charis-Regular.ttf"),
        "bold": ("charis/CharisSIL-Bold.ttf", "charis/Charis-Bold.ttf"),
        "italic": ("charis/CharisSIL-Italic.ttf", "charis/Charis-Italic.ttf"),
        "bold-italic": ("charis/CharisSIL-BoldItalic.ttf", "charis/Charis-BoldItalic.ttf"),
    },
    "DejaVu Sans Mono": {
        "regular": ("dejavu/DejaVuSansMono.ttf",),
        "bold": ("dejavu/DejaVuSansMono-Bold.ttf",),
    },
}
FONT_DIRS = (Path("/usr/share/fonts/truetype"), Path("/usr/share/fonts/opentype"))
FONT_FACES = {
    "regular": ("normal", "normal"),
    "bold": ("bold", "normal"),
    "italic": ("normal", "italic"),
    "bold-italic": ("bold", "italic"),
}

# What a screen needs and paper does not.
FURNITURE = ", ".join(
    (
        "a.headerlink",
        ".md-content__button",
        ".md-source-file",
        ".md-feedback",
        ".md-tags",
        "a.footnote-backref",
        "script",
        "style",
        "noscript",
        "button",
        "progress",
        "[hidden]",
        "[data-pdf='omit']",
        ".pdf-omit",
        "[data-error-for]",
        # A calculator's live status ("loading...", "runs in your browser") and its announcements.
        "[data-status]",
        "[data-announce]",
    )
)
CONTROLS = "input, select, textarea"
# Inside a calculator: what holds its result (kept) as opposed to its fields (listed, then dropped).
RESULTS = "[data-output], svg, table, output, [data-result], [role='status']"
NOT_SHOWN_TYPES = {"hidden", "submit", "button", "reset", "image", "file"}
# A money figure or range ("$140,000–$200,000") or a percentage ("20–30%"): kept on one line.
FIGURE = re.compile(r"[$€£]\d[\d,]*(?:\.\d+)?(?:–[$€£]?\d[\d,]*(?:\.\d+)?)?|\d+(?:\.\d+)?(?:–\d+(?:\.\d+)?)?%")
WIDE_TABLE = 6  # columns from which a table is set smaller to fit the page
REFERENCE_ATTRIBUTES = ("for", "headers", "aria-labelledby", "aria-describedby", "aria-controls")


class PdfError(Exception):
    """The PDF could not be built; the message says why and what to do."""


@dataclass(frozen=True)
class Page:
    """A page of the guide in reading order: its address in the site and its built HTML."""

    url: str
    """Site-relative, as in the site's links: ``""`` for home, ``"cost/"``, ``"calculators/equity/"``."""
    html: str
    part: str = ""
    """The nav section the page belongs to ("Calculators"), or "" for a page at the top level."""


@dataclass(frozen=True)
class Edition:
    """What the cover says about this copy."""

    title: str
    description: str
    site_url: str
    figures_as_of: tuple[datetime.date, datetime.date]
    built_on: datetime.date


@dataclass(frozen=True)
class Chapter:
    url: str
    anchor: str
    title: str
    article: Tag
    part: str = ""


# --- Reading order ---------------------------------------------------------------------------


def nav_entries(nav: Sequence[Any], part: str = "") -> list[tuple[str, str]]:
    """(Markdown source, nav section it sits in or "") for each page of a MkDocs ``nav``, in
    reading order; sections are flattened (a nested one counts as its top-level section) and
    links to other sites skipped."""
    found: list[tuple[str, str]] = []
    for item in nav:
        pairs = list(item.items()) if isinstance(item, dict) else [("", item)]
        for title, value in pairs:
            if isinstance(value, list):
                found.extend(nav_entries(value, part or str(title)))
            elif isinstance(value, str) and "://" not in value and value.endswith(".md"):
                found.append((value, part))
    return found


def nav_sources(nav: Sequence[Any]) -> list[str]:
    """The Markdown sources in a MkDocs ``nav``, in reading order."""
    return [source for source, _ in nav_entries(nav)]


def page_url(source: str, *, directory_urls: bool = True) -> str:
    """``cost.md`` -> ``cost/``; ``index.md`` -> ``""``; ``calculators/equity.md`` -> ``calculators/equity/``."""
    stem, _ = posixpath.splitext(source)
    parent, name = posixpath.split(stem)
    if name in {"index", "README"}:
        return f"{parent}/" if parent else ""
    return f"{stem}/" if directory_urls else f"{stem}.html"


def built_file(site: Path, url: str) -> Path:
    return site / (url + "index.html" if url == "" or url.endswith("/") else url)


def normal_path(path: str) -> str:
    """A site path as pages are keyed: ``/cost/index.html`` -> ``cost/``."""
    path = path.lstrip("/")
    return path.removesuffix("index.html")


def chapter_anchor(url: str) -> str:
    stem = url.strip("/").removesuffix(".html").replace("/", "-")
    return "page-" + (stem or "home")


# --- One page: from screen to paper ----------------------------------------------------------


def article_of(html: str) -> Tag:
    """The page's content: Material's ``<article>``."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article")
    if not isinstance(article, Tag):
        raise PdfError("a page has no <article>: is this a page built with the Material theme?")
    return article


def text_of(element: Tag) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


def new_tag(name: str, text: str = "", **attrs: str) -> Tag:
    tag = BeautifulSoup("", "html.parser").new_tag(name, attrs=attrs)
    if text:
        tag.string = text
    return tag


def label_for(control: Tag, form: Tag) -> str:
    """The words a reader sees for a field: its ``<label>``, legend or accessible name."""
    if control.get("type") == "radio":
        fieldset = control.find_parent("fieldset")
        legend = fieldset.find("legend") if fieldset else None
        if isinstance(legend, Tag):
            return text_of(legend).rstrip(":")
    label: Tag | None = None
    ident = control.get("id")
    if isinstance(ident, str):
        found = form.find("label", attrs={"for": ident})
        label = found if isinstance(found, Tag) else None
    if label is None:
        label = control.find_parent("label")
    if label is not None:
        copy = BeautifulSoup(str(label), "html.parser")
        for nested in copy.select(f"{CONTROLS}, [data-error-for], .help, small"):
            nested.decompose()
        words = " ".join(copy.get_text(" ", strip=True).split()).rstrip(":")
        if words:
            return words
    name = control.get("aria-label") or control.get("name") or ""
    return str(name)


def value_of(control: Tag, form: Tag) -> str | None:
    """What a field holds, as a reader would read it; ``None`` for what shows nothing."""
    if control.name == "select":
        option = control.find("option", selected=True) or control.find("option")
        return text_of(option) if isinstance(option, Tag) else ""
    if control.name == "textarea":
        return control.get_text().strip()
    kind = str(control.get("type", "text")).lower()
    if kind in NOT_SHOWN_TYPES:
        return None
    if kind == "checkbox":
        return "yes" if control.has_attr("checked") else "no"
    if kind == "radio":
        if not control.has_attr("checked"):
            return None
        ident = control.get("id")
        label = form.find("label", attrs={"for": ident}) if isinstance(ident, str) else control.find_parent("label")
        return text_of(label) if isinstance(label, Tag) else str(control.get("value", ""))
    return str(control.get("value", ""))


def _field_block(control: Tag, form: Tag) -> Tag:
    """The largest element around ``control`` inside ``form`` that holds no result."""
    block = control
    while isinstance(block.parent, Tag) and block.parent is not form and not block.parent.select_one(RESULTS):
        block = block.parent
    return block


def worked_example(form: Tag, live_url: str) -> Tag:
    """A calculator form as a worked example: inputs listed read-only, results kept, link to the live one."""
    inputs: list[tuple[str, str]] = []
    blocks: list[Tag] = []
    for control in form.select(CONTROLS):
        value = value_of(control, form)
        if value is not None:
            inputs.append((label_for(control, form), value))
        block = _field_block(control, form)
        if not any(block is seen for seen in blocks):
            blocks.append(block)
    listing = new_tag("dl", **{"class": "example-inputs"})
    for label, value in inputs:
        listing.append(new_tag("dt", label))
        listing.append(new_tag("dd", value or "—"))  # an empty field shows as a dash
    legend = form.find("legend")
    title = text_of(legend) if isinstance(legend, Tag) else str(form.get("aria-label", ""))
    heading = new_tag("p", "Worked example with the default inputs", **{"class": "example-label"})
    named = bool(title) and not form.find(["h1", "h2", "h3", "h4", "h5", "h6"])
    # Blocks are disjoint: each is the largest result-free element around its fields.
    if blocks:
        blocks[0].replace_with(listing)
        for block in blocks[1:]:
            block.decompose()
    else:
        form.insert(0, listing)
    listing.insert_before(heading)
    if named:
        heading.insert_before(new_tag("p", title, **{"class": "example-title"}))
    for fieldset in form.select("fieldset"):
        fieldset.unwrap()
    for group in form.select("dl > div"):
        group.unwrap()  # <div><dt><dd></div> groups: the pairs line up as in the list of inputs
    form.name = "div"
    name = str(form.get("data-calculator", ""))
    form.attrs = {"class": "worked-example", "data-calculator": name}
    link = new_tag("p", "Try it with your own figures: ", **{"class": "example-link"})
    anchor = new_tag("a", live_url, href=live_url)
    link.append(anchor)
    form.append(link)
    return form


def _checkbox(control: Tag) -> Tag:
    box = new_tag("span", "✓" if control.has_attr("checked") else "", **{"class": "print-checkbox"})
    box["aria-hidden"] = "true"
    return box


def for_paper(article: Tag, *, live_url: dict[str, str], page_live_url: str) -> None:
    """Drop screen furniture; calculators become worked examples; checklists get boxes to tick."""
    for form in article.select("form[data-calculator]"):
        name = str(form.get("data-calculator", ""))
        worked_example(form, live_url.get(name, page_live_url))
    for element in article.select(FURNITURE):
        # A drawing's own <style> and <title> are part of the drawing.
        if not element.decomposed and element.find_parent("svg") is None:
            element.decompose()
    for control in article.select("input[type='checkbox']"):
        control.replace_with(_checkbox(control))
    for element in article.select(f"{CONTROLS}, .task-list-indicator, form"):
        if element.name == "form":
            element.name = "div"
        else:
            element.decompose()
    for details in article.select("details"):
        details["open"] = ""
    for table in article.select("table"):
        header = table.find("tr")
        if isinstance(header, Tag) and len(header.find_all(["th", "td"])) >= WIDE_TABLE:
            table["class"] = " ".join([*table.get_attribute_list("class"), "wide"]).strip()
    for drawing in article.select("svg"):
        # Text in charts is set in the book's font (embedded) rather than whatever the SVG names.
        style = new_tag("style", 'text, tspan { font-family: "Charis SIL" !important; }')
        drawing.insert(0, style)
    for image in article.select("img, source"):
        for attribute in ("srcset", "sizes", "loading"):
            if image.has_attr(attribute):
                del image[attribute]


def keep_figures_whole(article: Tag) -> None:
    """Wrap each figure in ``<span class="print-figure">`` so that a line never breaks inside one."""
    for text in list(article.find_all(string=FIGURE)):
        if type(text) is not NavigableString or text.find_parent(["pre", "code", "svg", "script", "style"]):
            continue
        pieces: list[NavigableString | Tag] = []
        last = 0
        for match in FIGURE.finditer(text):
            figure = new_tag("span", match[0], **{"class": "print-figure"})
            pieces += [NavigableString(text[last : match.start()]), figure]
            last = match.end()
        pieces.append(NavigableString(text[last:]))
        text.replace_with(*[piece for piece in pieces if piece != ""])


def ids_of(article: Tag) -> set[str]:
    """The ids a link can point at (not those inside inline SVG, which belong to the drawing)."""
    return {str(element["id"]) for element in article.find_all(id=True) if element.find_parent("svg") is None}


def prefix_ids(article: Tag, anchor: str) -> None:
    """Make the page's ids unique in the book: ``fees`` -> ``page-cost--fees``, references too.

    A drawing (inline SVG) gets its own prefix, so that the same chart shown twice (on a
    guide page and on its calculator's page, or twice on one page) still has unique ids.
    """
    drawn: dict[str, str] = {}  # a drawing's ids as the page outside it refers to them (the first one's)
    for number, drawing in enumerate(article.find_all("svg"), start=1):
        if drawing.find_parent("svg") is None:
            drawn = prefix_drawing(drawing, f"{anchor}--svg{number}") | drawn
    for element in article.find_all(True):
        if element.name == "svg" or element.find_parent("svg") is not None:
            continue
        if element.has_attr("id"):
            element["id"] = f"{anchor}--{element['id']}"
        for attribute in REFERENCE_ATTRIBUTES:
            value = element.get(attribute)
            items = value if isinstance(value, list) else str(value or "").split()
            if items:
                element[attribute] = " ".join(drawn.get(item, f"{anchor}--{item}") for item in items)


def prefix_drawing(drawing: Tag, prefix: str) -> dict[str, str]:
    """Prefix every id inside an inline SVG and every reference to one (``#id``, ``url(#id)``, ARIA);
    returns the new id of each old one."""
    elements = [drawing, *drawing.find_all(True)]
    renamed = {str(e["id"]): f"{prefix}--{e['id']}" for e in elements if e.has_attr("id")}
    if not renamed:
        return renamed
    local = re.compile(r"(url\(\s*['\"]?#|^#)([^)'\"\s]+)")
    for element in elements:
        for attribute, value in list(element.attrs.items()):
            if attribute == "id":
                element["id"] = renamed[str(value)]
            elif attribute in REFERENCE_ATTRIBUTES:
                items = value if isinstance(value, list) else str(value).split()
                element[attribute] = " ".join(renamed.get(item, item) for item in items)
            elif isinstance(value, str) and "#" in value:
                element[attribute] = local.sub(lambda m: m[1] + renamed.get(m[2], m[2]), value)
    return renamed


@dataclass(frozen=True)
class Book:
    """Where every page and id of the guide ends up in the PDF, and where the site lives online."""

    anchors: dict[str, str]
    ids: dict[str, set[str]]
    site_url: str

    def target(self, href: str, page: str) -> tuple[str, bool]:
        """``href`` as written on ``page`` -> (where it points from the PDF, whether it is inside the PDF)."""
        base = "https://site.invalid/"
        joined = urljoin(base + page, href)
        parts = urlsplit(joined)
        if f"{parts.scheme}://{parts.netloc}/" != base:
            return href, False
        path = normal_path(parts.path)
        if path in self.anchors and not parts.query:
            anchor = self.anchors[path]
            if parts.fragment and parts.fragment in self.ids[path]:
                return f"#{anchor}--{parts.fragment}", True
            return f"#{anchor}", True
        online = self.site_url + parts.path.lstrip("/")
        online += f"?{parts.query}" if parts.query else ""
        online += f"#{parts.fragment}" if parts.fragment else ""
        return online, False


def relink(article: Tag, page: str, book: Book, site: Path) -> None:
    """Links between pages point inside the PDF; links to other files of the site go online;
    images are read from the built site."""
    for link in article.select("a[href]"):
        target, inside = book.target(str(link["href"]), page)
        link["href"] = target
        if inside and not link.find_parent(["sup", "nav"]) and "footnote" not in str(link.get("class")):
            classes = link.get("class")
            link["class"] = " ".join([*(classes if isinstance(classes, list) else []), "internal"])
    for image in article.select("img[src]"):
        src = str(image["src"])
        if "://" not in src and not src.startswith("data:"):
            path = urlsplit(urljoin("https://site.invalid/" + page, src)).path.lstrip("/")
            image["src"] = (site / path).resolve().as_uri()


# --- The book --------------------------------------------------------------------------------


def chapters(pages: Sequence[Page], site: Path, site_url: str, calculator_pages: Iterable[str] = ()) -> list[Chapter]:
    """Every page made ready for paper, in order, with unique ids and links pointing inside the PDF
    (to what is left once the screen furniture is gone)."""
    site_url = site_url.rstrip("/") + "/"
    live = {name: f"{site_url}calculators/{name}/" for name in calculator_pages}
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


def as_of_text(first: datetime.date, last: datetime.date) -> str:
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
        f"<dt>Figures as of</dt><dd>{as_of_text(*edition.figures_as_of)}</dd>"
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


# --- Fonts, stylesheet, rendering ------------------------------------------------------------


def font_files(dirs: Sequence[Path] = FONT_DIRS) -> dict[str, dict[str, Path]]:
    """The font files the stylesheet embeds; a missing one stops the build with the package to install."""
    found: dict[str, dict[str, Path]] = {}
    for family, faces in FONT_FILES.items():
        for face, candidates in faces.items():
            path = next((d / c for d in dirs for c in candidates if (d / c).is_file()), None)
            if path is None:
                package = FONT_PACKAGES[family]
                raise PdfError(
                    f"the font {family} ({face}) is not installed. Install the Debian package {package} "
                    f"(`make system` does, or: sudo apt-get install {package})."
                )
            found.setdefault(family, {})[face] = path
    return found


def font_css(fonts: dict[str, dict[str, Path]]) -> str:
    rules = []
    for family, faces in fonts.items():
        for face, path in faces.items():
            weight, style = FONT_FACES[face]
            rules.append(
                f'@font-face {{ font-family: "{family}"; src: url("{path.as_uri()}"); '
                f"font-weight: {weight}; font-style: {style}; }}"
            )
    return "\n".join(rules)


def stylesheet(paper: str, fonts: dict[str, dict[str, Path]]) -> str:
    if paper not in PAPER_SIZES:
        raise PdfError(f"unknown paper size {paper!r}: use one of {', '.join(PAPER_SIZES)}")
    return f"{font_css(fonts)}\n@page {{ size: {PAPER_SIZES[paper]}; }}\n{STYLESHEET.read_text(encoding='utf-8')}"


def local_only(roots: Sequence[Path]) -> Any:
    """A WeasyPrint URL fetcher that reads files under ``roots`` and ``data:`` URLs, and refuses the rest."""
    from weasyprint.urls import URLFetcher  # noqa: PLC0415 - WeasyPrint loads pango; import it only to render

    allowed = [root.resolve() for root in roots]

    class LocalOnly(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            if url.startswith("file:"):
                path = Path(url2pathname(urlsplit(url).path)).resolve()
                if any(path.is_relative_to(root) for root in allowed):
                    return super().fetch(url, headers)
            raise PdfError(f"refused to fetch {url}: the PDF is built from local files only")

    return LocalOnly(fail_on_errors=True)


@contextmanager
def weasyprint_messages() -> Iterator[list[str]]:
    """Collect what WeasyPrint logs as warnings or errors while rendering."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logger = logging.getLogger("weasyprint")
    handler = Collect(level=logging.WARNING)
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)


def render(document: str, css: str, *, site: Path, fonts: Iterable[Path], target: Path) -> int:
    """Lay out ``document`` and write the PDF; returns the number of pages."""
    from weasyprint import CSS, HTML  # noqa: PLC0415 - see local_only

    fetcher = local_only([site, *(path.parent for path in fonts)])
    with weasyprint_messages() as messages:
        html = HTML(string=document, base_url=site.resolve().as_uri() + "/", url_fetcher=fetcher)
        laid_out = html.render(stylesheets=[CSS(string=css, url_fetcher=fetcher)], pdf_tags=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        laid_out.write_pdf(target, pdf_tags=True)
    broken = [message for message in messages if "anchor" in message.lower() or "fetch" in message.lower()]
    if broken:
        raise PdfError("broken references in the PDF: " + "; ".join(broken))
    for message in messages:
        sys.stderr.write(f"warning: WeasyPrint: {message}\n")
    return len(laid_out.pages)


# --- From a project and its built site -------------------------------------------------------


def reading_order(config_file: Path) -> tuple[list[tuple[str, str]], Any]:
    """(URL, nav section) of each page in nav order, and the MkDocs configuration."""
    from mkdocs.config import load_config  # noqa: PLC0415 - MkDocs is only needed at this edge

    config = load_config(str(config_file))
    if not config.nav:
        raise PdfError(f"{config_file}: the PDF follows the nav, and there is none")
    pages = [
        (page_url(source, directory_urls=config.use_directory_urls), part) for source, part in nav_entries(config.nav)
    ]
    return pages, config


def built_on() -> datetime.date:
    """Today (UTC), or the day of ``SOURCE_DATE_EPOCH`` for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch else datetime.datetime.now(datetime.UTC)
    return moment.date()


def figures_as_of(project: Path) -> tuple[datetime.date, datetime.date]:
    """The oldest and newest as-of dates of the sources the figures come from."""
    days = [source.as_of for source in load_data(project / "data").sources.values()]
    return min(days), max(days)


def calculators_online(site: Path) -> list[str]:
    """Calculators that have their own page in the built site (``calculators/NAME/``)."""
    folder = site / "calculators"
    return sorted(path.parent.name for path in folder.glob("*/index.html")) if folder.is_dir() else []


def build_pdf(site: Path, target: Path, *, config_file: Path, paper: str = "a4") -> int:
    """The PDF of the guide from a built ``site``; returns the number of pages."""
    order, config = reading_order(config_file)
    pages = []
    for url, part in order:
        path = built_file(site, url)
        if not path.is_file():
            raise PdfError(f"{path}: a page in the nav was not built (build the site first)")
        pages.append(Page(url=url, html=path.read_text(encoding="utf-8"), part=part))
    if not config.site_url:
        raise PdfError(f"{config_file}: set site_url; the PDF links to the live calculators and pages with it")
    site_url = str(config.site_url).rstrip("/") + "/"
    edition = Edition(
        title=str(config.site_name),
        description=" ".join(str(config.site_description or "").split()),
        site_url=site_url,
        figures_as_of=figures_as_of(config_file.parent),
        built_on=built_on(),
    )
    fonts = font_files()
    document = assemble(edition, chapters(pages, site, site_url, calculators_online(site)))
    every_font = [path for faces in fonts.values() for path in faces.values()]
    return render(document, stylesheet(paper, fonts), site=site, fonts=every_font, target=target)


def build_site(config_file: Path, site: Path) -> None:
    """A strict build of the site, as ``make build`` does, into ``site``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(config_file.parent.resolve())}
    done = subprocess.run(  # noqa: S603 - our own interpreter running MkDocs
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config_file), "-d", str(site)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise PdfError("the site did not build:\n" + done.stderr.strip())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.pdf", description="Build the guide as one PDF.")
    parser.add_argument("--paper", choices=sorted(PAPER_SIZES), default="a4", help="paper size (default a4)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "guide.pdf", help="where to write the PDF")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the MkDocs configuration")
    parser.add_argument("--site", type=Path, help="an already built site (default: build one into a temporary folder)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        if args.site is not None:
            count = build_pdf(args.site, args.out, config_file=args.config, paper=args.paper)
        else:
            with tempfile.TemporaryDirectory(prefix="guide-site-") as folder:
                build_site(args.config, Path(folder))
                count = build_pdf(Path(folder), args.out, config_file=args.config, paper=args.paper)
    except PdfError as error:
        sys.stderr.write(f"error: {error}\n")
        return 1
    size = args.out.stat().st_size
    sys.stdout.write(
        f"Wrote {args.out}: {count} pages, {size / 1024:.0f} KiB, {args.paper}, in {time.monotonic() - started:.1f} s\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Typesetting: fonts, the stylesheet and WeasyPrint, reading local files only."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from macros.pdf.paper import PdfError

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


PINNED = "data-page"
"""The attribute each internal link carries the page it lands on in (``pdf.css`` prints it)."""
UNKNOWN_PAGE = "000"
"""What a link shows before the first layout has said where its target is: as wide as the
three-digit page numbers most references end up with, so that the layout barely moves when the
real numbers come in."""
MAX_LAYOUTS = 3


def anchor_pages(laid_out: Any) -> dict[str, int]:
    """Each anchor (an element's id) of a laid-out document, and the page it starts on (an element
    that runs over several pages is an anchor on each of them: a chapter's is on all its pages)."""
    pages: dict[str, int] = {}
    for number, page in enumerate(laid_out.pages, start=1):
        for name in page.anchors:
            pages.setdefault(name, number)
    return pages


def stale_references(laid_out: Any) -> list[tuple[str, int, int | None]]:
    """The internal links whose printed page number is not the page their anchor is on, as
    (``#anchor``, the page printed, the page it is on or ``None`` when no element has that id).

    The numbers are read from the laid-out boxes (the text of each ``a::after``), against the
    pages the anchors ended up on."""
    where = anchor_pages(laid_out)
    stale = []
    for page in laid_out.pages:
        for box in page._page_box.descendants():  # the laid-out boxes (no public accessor)
            if getattr(box, "element_tag", None) != "a::after":
                continue
            href = box.element.get("href") or ""
            shown = "".join(getattr(child, "text", "") or "" for child in box.descendants())
            digits = "".join(char for char in shown if char.isdigit())
            if href.startswith("#") and digits and int(digits) != where.get(href[1:]):
                stale.append((href, int(digits), where.get(href[1:])))
    return stale


def page_pinner(document: str) -> Callable[[dict[str, int]], str]:
    """``document``, parsed once, as a function of the pages its internal links land on: it
    returns the document with every such link carrying its page (``data-page``), or
    :data:`UNKNOWN_PAGE` where it is not given."""
    from bs4 import BeautifulSoup  # noqa: PLC0415 - only when typesetting

    soup = BeautifulSoup(document, "html.parser")
    links = [(link, str(link.get("href"))[1:]) for link in soup.select('a[href^="#"]')]

    def pinned(pages: dict[str, int]) -> str:
        for link, anchor in links:
            link[PINNED] = str(pages.get(anchor, UNKNOWN_PAGE))
        return str(soup)

    return pinned


def render(document: str, css: str, *, site: Path, fonts: Iterable[Path], target: Path, draft: bool = False) -> int:
    """Lay out ``document`` and write the PDF; returns the number of pages.

    Page references are written into the document, not left to CSS ``target-counter()``:
    WeasyPrint (70) fills those in while it paginates, re-making pages as numbers arrive, and
    a heading it then moves to the next page keeps the page it was first laid out on (136
    references in the Sources chapter came out one page early). So the first layout shows
    :data:`UNKNOWN_PAGE` for every reference, and each further layout the pages the previous
    one put the anchors on (:func:`page_pinner`), until every printed number is right (one more
    layout, as a rule).
    Each layout is a single pass, a third cheaper than one with ``target-counter()``.

    A ``draft`` is the first layout only, in about half the time: every page reference prints
    as :data:`UNKNOWN_PAGE`; the text, the figures and the pages' look are as in the final PDF."""
    from weasyprint import CSS, HTML  # noqa: PLC0415 - see local_only

    fetcher = local_only([site, *(path.parent for path in fonts)])
    stylesheets = [CSS(string=css, url_fetcher=fetcher)]
    pinned = page_pinner(document)
    with weasyprint_messages() as messages:
        pages: dict[str, int] = {}
        for _ in range(MAX_LAYOUTS):
            html = HTML(string=pinned(pages), base_url=site.resolve().as_uri() + "/", url_fetcher=fetcher)
            laid_out = html.render(stylesheets=stylesheets, pdf_tags=True)
            stale = stale_references(laid_out)
            if nowhere := sorted({href for href, _, page in stale if page is None}):
                raise PdfError("broken references in the PDF: no element has the id of " + ", ".join(nowhere[:5]))
            if not stale or draft:
                break
            pages = anchor_pages(laid_out)
        else:
            moved = (f"{href} printed as p. {printed}, on p. {page}" for href, printed, page in stale[:5])
            raise PdfError("page references in the PDF do not settle: " + "; ".join(moved))
        target.parent.mkdir(parents=True, exist_ok=True)
        laid_out.write_pdf(target, pdf_tags=True)
    broken = [message for message in messages if "anchor" in message.lower() or "fetch" in message.lower()]
    if broken:
        raise PdfError("broken references in the PDF: " + "; ".join(broken))
    for message in messages:
        sys.stderr.write(f"warning: WeasyPrint: {message}\n")
    return len(laid_out.pages)

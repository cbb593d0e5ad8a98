"""The whole guide as one PDF, assembled from the built site's own pages.

The PDF is one more output of the same pages: the site is built (strictly) as usual, then
each page in the reading order the build's manifest records (:mod:`macros.manifest`) gives
its ``<article>``. The builder is split by job:

- :mod:`macros.pdf.paper`: one page from screen to paper (furniture dropped, calculators
  made worked examples from the inputs the build listed for paper);
- :mod:`macros.pdf.links`: ids made unique across the book, links pointed inside the PDF;
- :mod:`macros.pdf.book`: chapters in reading order, the cover and the contents;
- :mod:`macros.pdf.typeset`: fonts, the stylesheet (``pdf.css``) and WeasyPrint, which may read
  only the built site and the font files;
- :mod:`macros.pdf.__main__`: the command line (``python -m macros.pdf --help``).

Everything but the typesetting is pure (HTML in, HTML out) and tested directly.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from macros import manifest
from macros.pdf.book import Edition, Page, assemble, chapters
from macros.pdf.paper import PdfError
from macros.pdf.typeset import font_files, render, stylesheet

ROOT = Path(__file__).resolve().parents[2]


def built_file(site: Path, url: str) -> Path:
    return site / (url + "index.html" if url == "" or url.endswith("/") else url)


def built_on() -> datetime.date:
    """Today (UTC), or the day of ``SOURCE_DATE_EPOCH`` for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch else datetime.datetime.now(datetime.UTC)
    return moment.date()


def build_pdf(site: Path, target: Path, *, project: Path = ROOT, paper: str = "a4", draft: bool = False) -> int:
    """The PDF of the guide from a built ``site`` (of ``project``); returns the number of pages.
    A ``draft`` is laid out once: quicker, with page references left unnumbered (:func:`render`)."""
    try:
        made = manifest.read(project, site)
    except manifest.ManifestMissing as error:
        raise PdfError(str(error)) from None
    pages = []
    for page in made.pages:
        path = built_file(site, page.url)
        if not path.is_file():
            raise PdfError(f"{path}: a page in the nav was not built (build the site first)")
        pages.append(Page(url=page.url, title=page.title, part=page.part, html=path.read_text(encoding="utf-8")))
    first, last = (datetime.date.fromisoformat(day) for day in made.sources_read)
    edition = Edition(
        title=made.site_name,
        description=made.site_description,
        site_url=made.site_url,
        sources_read=(first, last),
        built_on=built_on(),
    )
    fonts = font_files()
    document = assemble(edition, chapters(pages, site, made.site_url, made.calculators))
    every_font = [path for faces in fonts.values() for path in faces.values()]
    return render(document, stylesheet(paper, fonts), site=site, fonts=every_font, target=target, draft=draft)


__all__ = ["PdfError", "build_pdf", "built_file", "built_on"]

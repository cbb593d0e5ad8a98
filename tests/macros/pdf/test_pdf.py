"""The guide as a PDF (macros/pdf/): the pure assembly functions, then the PDF of the real site.

The PDF is built once per session from the ``site`` fixture. The checks read its text and
word positions with poppler's pdftotext and its structure (bookmarks, links, fonts) with
pypdf, and discover what to look for (headings, table figures, calculators' pre-rendered
results) in the built pages, so they grow with the guide.
"""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from pypdf import PdfReader

from calculators import dom, formatting, registry
from calculators.exchange import convert
from calculators.html import answer_html, example_inputs
from calculators.results import calculate, present
from macros import country_page, manifest, pdf
from macros.pdf import book, links, paper, typeset
from macros.pdf.__main__ import main
from tests.calculators.helpers import figures
from tests.support.build import ROOT, cut_site
from tests.support.edited import (
    NEW_AREA_KEY,
    NEW_COUNTRY_LABEL,
    NEW_COUNTRY_LINE,
    NEW_FLAG_KEY,
    NEW_SENIOR_BAND,
    Edited,
    stray_dollars,
)

CONFIG = ROOT / "mkdocs.yml"
MM = 72 / 25.4

# --- Pure functions --------------------------------------------------------------------------


BOOK = links.Book(
    anchors={"": "page-home", "cost/": "page-cost"},
    ids={"": {"start"}, "cost/": {"agency-rates"}},
    site_url="https://example.org/guide/",
)


@pytest.mark.parametrize(
    ("href", "page", "target", "inside"),
    [
        ("../cost/#agency-rates", "", "#page-cost--agency-rates", True),  # as Material writes it from home
        ("cost/#agency-rates", "", "#page-cost--agency-rates", True),
        ("../", "cost/", "#page-home", True),
        ("..", "cost/", "#page-home", True),
        ("#agency-rates", "cost/", "#page-cost--agency-rates", True),
        ("../cost/#no-such-id", "", "#page-cost", True),  # an unknown id falls back to the chapter
        ("../cost/index.html", "", "#page-cost", True),
        ("guide.pdf", "", "https://example.org/guide/guide.pdf", False),  # a file of the site: online
        ("../calculators/equity/?months=3", "cost/", "https://example.org/guide/calculators/equity/?months=3", False),
        ("https://other.example/x", "", "https://other.example/x", False),
        ("mailto:someone@example.org", "", "mailto:someone@example.org", False),
    ],
)
def test_links_point_inside_the_pdf_or_online(href: str, page: str, target: str, inside: bool) -> None:
    assert BOOK.target(href, page) == (target, inside)


CALCULATOR = registry()["loaded-cost"]
SHOWN = present(CALCULATOR, *calculate(CALCULATOR, [("level", "senior"), ("base_salary", "170,000")]))
FORM = f"""
<article><h1 id="t">Title</h1>
<form {dom.CALCULATOR}="loaded-cost" {dom.STATE}="static" id="calc">
  <h2 id="calc-title">Loaded cost</h2>
  <fieldset><legend>Fully loaded cost</legend>
    <div {dom.FIELD}="level"><label for="calc-level">Level</label>
      <select id="calc-level" name="level"><option value="junior">Junior</option>
      <option value="senior" selected>Senior</option></select></div>
    <div {dom.FIELD}="base_salary"><label for="calc-base">Base salary</label>
      <input id="calc-base" name="base_salary" type="text" value="170,000" aria-describedby="calc-base-help">
      <p class="help" id="calc-base-help">From $1 to $10,000,000</p>
      <p {dom.ERROR_FOR}="base_salary" hidden>Not a number</p></div>
  </fieldset>
  {example_inputs(SHOWN)}
  <div class="results">
    {answer_html(SHOWN.answer)}
    <p>Total a year: <output {dom.OUTPUT}="total_annual" {dom.VALUE}="212500">$212,500</output></p>
    <svg viewBox="0 0 10 10" role="img" aria-labelledby="chart-t"><title id="chart-t">Chart</title></svg>
  </div>
  <button type="submit">Calculate</button>
</form>
<ul class="task-list"><li class="task-list-item"><label class="task-list-control">
  <input type="checkbox" disabled><span class="task-list-indicator"></span></label> Write the role</li></ul>
<p><a class="headerlink" href="#t">¶</a><script>alert(1)</script></p>
</article>
"""


def paper_version(html: str = FORM) -> Tag:
    article = paper.article_of(html)
    paper.for_paper(article, live_url={"loaded-cost": "https://example.org/calculators/loaded-cost/"}, page_live_url="")
    return article


def test_a_calculator_becomes_a_worked_example_from_its_own_result() -> None:
    article = paper_version()
    example = article.select_one(f".worked-example[{dom.CALCULATOR}='loaded-cost']")
    assert example is not None
    listing = example.select_one("dl.example-inputs")
    assert listing is not None
    assert not listing.has_attr(dom.PDF)  # shown on paper
    labels = [paper.text_of(dt) for dt in listing.find_all("dt")]
    values = [paper.text_of(dd) for dd in listing.find_all("dd")]
    assert list(zip(labels, values, strict=True)) == [
        (f"{spec.label} ({spec.unit})" if spec.unit else spec.label, item.display or "—")
        for spec, item in zip(CALCULATOR.inputs, SHOWN.fields, strict=True)
        if spec.applies(SHOWN.inputs)  # a field that does not count here (a relief, in the US) is not listed
    ]
    assert ("Level", "Senior") in zip(labels, values, strict=True)
    output = example.select_one(f"[{dom.OUTPUT}='total_annual']")
    assert output is not None
    assert output.get_text() == "$212,500"
    assert output[dom.VALUE] == "212500"
    assert example.select_one("svg title") is not None
    assert paper.text_of(example).endswith("Try it with your own figures: https://example.org/calculators/loaded-cost/")
    assert example.select_one("h2") is not None  # the calculator's own heading stays, before the inputs
    answer = example.select_one(f"[{dom.ANSWER}]")
    assert answer is not None
    assert paper.text_of(answer) == SHOWN.answer
    assert answer.find_next_sibling("dl") is listing  # the answer first, then the inputs it comes from
    label = example.select_one(".example-label")
    assert label is not None
    assert label.find_next_sibling() is answer


def test_a_form_without_its_list_of_inputs_stops_the_pdf() -> None:
    with pytest.raises(pdf.PdfError, match=dom.EXAMPLE_INPUTS):
        paper_version(FORM.replace(dom.EXAMPLE_INPUTS, "data-something-else"))


def test_a_link_to_something_dropped_points_at_its_chapter(tmp_path: Path) -> None:
    pages = [
        book.Page(
            url="", title="Home", html='<article><h1 id="t">Home</h1><a href="calc/#calc-field">a field</a></article>'
        ),
        book.Page(url="calc/", title="Calc", html=FORM.replace('id="calc-base"', 'id="calc-field"')),
    ]
    home = book.chapters(pages, tmp_path, "https://example.org/", {})[0]
    assert home.article.select_one("a.internal")["href"] == "#page-calc"  # type: ignore[index]


def test_paper_has_no_controls_or_screen_furniture() -> None:
    article = paper_version()
    assert article.select("input, select, textarea, button, form, script, .headerlink, [data-error-for]") == []
    assert "From $1 to" not in article.get_text()  # a field's help goes with the field
    assert article.select("fieldset, [data-field]") == []
    assert [box.get_text() for box in article.select(".print-checkbox")] == [""]  # a box to tick on paper


def test_ids_are_made_unique_even_for_a_chart_shown_twice() -> None:
    chart = (
        '<svg id="c" aria-labelledby="c-t"><title id="c-t">Chart</title><defs><clipPath id="k"/></defs>'
        '<g clip-path="url(#k)"><use href="#k"/></g></svg>'
    )
    article = paper.article_of(
        f'<article><h1 id="t">T</h1><p aria-describedby="t">x</p>{chart}{chart}<p aria-labelledby="c">y</p></article>'
    )
    links.prefix_ids(article, "page-x")
    assert article.select_one("h1")["id"] == "page-x--t"  # type: ignore[index]
    assert article.select_one("p")["aria-describedby"] == "page-x--t"  # type: ignore[index]
    ids = [str(element["id"]) for element in article.find_all(id=True)]
    assert len(ids) == len(set(ids)) == 7
    first, second = article.find_all("svg")
    assert first["aria-labelledby"] == "page-x--svg1--c-t"
    assert second["aria-labelledby"] == "page-x--svg2--c-t"
    assert first.select_one("g")["clip-path"] == "url(#page-x--svg1--k)"  # type: ignore[index]
    assert second.select_one("use")["href"] == "#page-x--svg2--k"  # type: ignore[index]
    assert article.find_all("p")[1]["aria-labelledby"] == "page-x--svg1--c"  # the page names the first chart


def test_a_missing_font_names_the_package(tmp_path: Path) -> None:
    with pytest.raises(pdf.PdfError, match="fonts-sil-charis"):
        typeset.font_files((tmp_path,))


def test_paper_sizes() -> None:
    fonts = typeset.font_files()
    assert "size: letter;" in typeset.stylesheet("letter", fonts)
    assert "size: A4;" in typeset.stylesheet("a4", fonts)
    with pytest.raises(pdf.PdfError, match="a4, letter"):
        typeset.stylesheet("a5", fonts)


def test_the_fetcher_reads_only_local_files(tmp_path: Path) -> None:
    (tmp_path / "inside.txt").write_text("ok", encoding="utf-8")
    fetcher = typeset.local_only([tmp_path])
    assert fetcher.fetch((tmp_path / "inside.txt").as_uri()).read() == b"ok"
    for url in ("https://example.org/font.woff2", "http://127.0.0.1/x", Path("/etc/hostname").as_uri()):
        with pytest.raises(pdf.PdfError, match="refused"):
            fetcher.fetch(url)


REFERENCES = (
    '<html lang="en"><body><nav class="toc"><ol><li><a href="#far">Far</a></li></ol></nav>'
    '<section class="chapter"><h1 id="near">Near</h1><p>See <a class="internal" href="#far">it</a>.</p></section>'
    '<section class="chapter"><h1>Middle</h1></section>'
    '<section class="chapter"><h1 id="far">Far</h1><p>Back to <a class="internal" href="{back}">it</a>.</p></section>'
    "</body></html>"
)


def typeset_small(document: str, tmp_path: Path, *, draft: bool = False) -> BuiltPdf:
    fonts = typeset.font_files()
    target = tmp_path / "small.pdf"
    every_font = [path for faces in fonts.values() for path in faces.values()]
    typeset.render(
        document, typeset.stylesheet("a4", fonts), site=tmp_path, fonts=every_font, target=target, draft=draft
    )
    return read_pdf(target)


def test_page_references_name_the_page_their_target_starts_on(tmp_path: Path) -> None:
    """Forward and backward, in the contents and in the text (cover: no page; chapters: 2, 3, 4)."""
    printed = typeset_small(REFERENCES.format(back="#near"), tmp_path).printed
    assert re.search(r"Far[ .]+4$", printed[0].text)
    assert "See it (p. 4)" in printed[1].text
    assert "Back to it (p. 2)" in printed[3].text


@pytest.mark.parametrize("draft", [False, True])
def test_a_reference_to_no_element_stops_the_pdf(tmp_path: Path, draft: bool) -> None:
    with pytest.raises(pdf.PdfError, match="no element has the id of #nowhere"):
        typeset_small(REFERENCES.format(back="#nowhere"), tmp_path, draft=draft)


def test_a_draft_is_laid_out_once_and_says_no_page(tmp_path: Path) -> None:
    printed = typeset_small(REFERENCES.format(back="#near"), tmp_path, draft=True).printed
    assert re.search(rf"Far[ .]+{typeset.UNKNOWN_PAGE}$", printed[0].text)
    assert f"See it (p. {typeset.UNKNOWN_PAGE})" in printed[1].text
    assert f"Back to it (p. {typeset.UNKNOWN_PAGE})" in printed[3].text


def test_the_cover_says_how_current_the_figures_are() -> None:
    import datetime  # noqa: PLC0415

    day = datetime.date(2026, 11, 25)
    edition = book.Edition("T", "D", "https://e.org/", (day, day), day)
    assert "Sources read</dt><dd>November 25, 2026" in book.cover(edition)
    assert book.dates_text(datetime.date(2026, 1, 5), day) == "between January 5, 2026 and November 25, 2026"


# --- The PDF of the built site ---------------------------------------------------------------


@dataclass(frozen=True)
class PrintedPage:
    text: str
    """The page's text, whitespace collapsed to single spaces."""
    lines: list[str]
    off_page: str
    """Characters that lie (partly) outside the page."""
    body_chars: int
    """Characters inside the margins, where the running title and page number are not."""
    images: int


@dataclass(frozen=True)
class BuiltPdf:
    path: Path
    printed: list[PrintedPage]
    reader: PdfReader

    @property
    def pages(self) -> list[str]:
        return [page.text for page in self.printed]

    @property
    def text(self) -> str:
        return " ".join(self.pages)


def squash(text: str) -> str:
    return " ".join(text.split())


PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>')


def poppler(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=120).stdout


def read_pdf(path: Path) -> BuiltPdf:
    """What the tests look at, read with poppler's pdftotext (fast): text and word positions."""
    texts = poppler("pdftotext", "-enc", "UTF-8", str(path), "-").split("\f")
    boxes = PAGE.findall(poppler("pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-"))
    images = poppler("pdfimages", "-list", str(path)).splitlines()[2:]
    printed = []
    for number, (width, height, words) in enumerate(boxes, start=1):
        right, bottom = float(width), float(height)
        placed = [(float(x0), float(y0), float(x1), float(y1), word) for x0, y0, x1, y1, word in WORD.findall(words)]
        text = html.unescape(texts[number - 1])
        printed.append(
            PrintedPage(
                text=squash(text),
                lines=[line for line in text.splitlines() if line.strip()],
                off_page=" ".join(w for x0, y0, x1, y1, w in placed if x0 < 0 or y0 < 0 or x1 > right or y1 > bottom),
                body_chars=sum(len(w) for _, y0, _, _, w in placed if 20 * MM < y0 < bottom - 20 * MM),
                images=sum(1 for line in images if line.split()[0] == str(number)),
            )
        )
    return BuiltPdf(path=path, printed=printed, reader=PdfReader(path))


@pytest.fixture(scope="session")
def guide_pdf(site: Path) -> BuiltPdf:
    """The PDF the ``site`` fixture built, as ``make build`` does, at ``guide.pdf``."""
    return read_pdf(site / "guide.pdf")


def built(site: Path) -> manifest.Manifest:
    return manifest.read(ROOT, site)


def nav_parts(site: Path) -> set[str]:
    """The nav's sections ("Calculators"): bookmarks and contents name them, pages do not."""
    return {page.part for page in built(site).pages if page.part}


def nav_pages(site: Path) -> Iterator[tuple[str, BeautifulSoup]]:
    for page in built(site).pages:
        yield page.url, BeautifulSoup(pdf.built_file(site, page.url).read_text(encoding="utf-8"), "html.parser")


def heading_text(heading: Tag) -> str:
    for link in heading.select("a.headerlink"):
        link.decompose()
    return paper.text_of(heading)


def headings(site: Path, levels: str = "h1, h2, h3") -> list[str]:
    return [heading_text(heading) for _, page in nav_pages(site) for heading in page.select(f"article :is({levels})")]


def test_every_section_heading_is_in_the_pdf(site: Path, guide_pdf: BuiltPdf) -> None:
    titles = headings(site, "h1, h2, h3, h4")
    assert len(titles) >= 3
    missing = [title for title in titles if title not in guide_pdf.text]
    assert missing == []


def test_sections_come_in_reading_order(site: Path, guide_pdf: BuiltPdf) -> None:
    bookmarks = outline(guide_pdf.reader, parts=nav_parts(site))[1:]
    assert [title for title, _ in bookmarks] == headings(site)  # after "Contents", less the nav's sections
    pages = [number for _, number in bookmarks]
    assert pages == sorted(pages)
    chapters: dict[str, int] = {}
    for title, number in bookmarks:
        chapters.setdefault(title, number)
    starts = [chapters[title] for title in headings(site, "h1")]
    assert len(set(starts)) == len(starts)  # each chapter starts on a page of its own
    for title, number in bookmarks:
        assert title in guide_pdf.pages[number - 1]


FIGURE = re.compile(r"[$€£]\d[\d,]*(?:\.\d+)?(?:–[$€£]?\d[\d,]*(?:\.\d+)?)?")


def test_every_figure_of_the_tables_is_in_the_pdf(site: Path, guide_pdf: BuiltPdf) -> None:
    figures = {
        figure
        for _, page in nav_pages(site)
        for cell in page.select("article table td")
        for figure in FIGURE.findall(cell.get_text())
    }
    assert "$140,000–$200,000" in figures  # the senior salary band, as the site writes it
    assert sorted(figure for figure in figures if figure not in guide_pdf.text) == []


def test_the_country_page_is_in_the_pdf_with_local_amounts(guide_pdf: BuiltPdf) -> None:
    """Each country's worked example, in its currency as its country writes it and in US dollars."""
    text = " ".join(guide_pdf.text.replace("\u00a0", " ").replace("\u202f", " ").split())
    data = figures()
    home = data.pay_currency
    for key, costs in data.employer_costs.items():
        if costs.pay is None:
            continue
        local = data.currencies[costs.currency]
        _, cost = country_page.example(data, key)
        for shown in (
            formatting.money(cost.total, local),
            formatting.money(convert(data, cost.total, local.code, home.code), home),
        ):
            assert " ".join(shown.replace("\u00a0", " ").split()) in text, (key, shown)
    assert "₹15,20,000" in text  # lakhs
    assert "Employer costs by country" in text


def test_every_calculator_is_a_worked_example_with_its_result(site: Path, guide_pdf: BuiltPdf) -> None:
    forms = [form for _, page in nav_pages(site) for form in page.select("article form[data-calculator]")]
    if not forms:
        pytest.skip("no calculator in the guide's pages yet")
    flat = "".join(guide_pdf.text.split())
    for form in forms:
        outputs = [paper.text_of(output) for output in form.select("[data-output]")]
        assert outputs, f"{form['data-calculator']}: no pre-rendered output"
        for output in outputs:
            assert "".join(output.split()) in flat, f"{form['data-calculator']}: {output!r} is not in the PDF"
        answer = form.select_one(f"[{dom.ANSWER}]")
        assert answer is not None, f"{form['data-calculator']}: no answer"
        assert "".join(paper.text_of(answer).split()) in flat, (
            f"{form['data-calculator']}: its answer is not in the PDF"
        )
    assert guide_pdf.text.count("Try it with your own figures:") == len(forms)
    site_url = built(site).site_url
    for name in {str(form["data-calculator"]) for form in forms}:
        if (site / "calculators" / name / "index.html").is_file():
            assert f"{site_url}calculators/{name}/" in flat  # the live calculator, online


LEADER = r"\s*(?:\. ?){3,}\s*(\d+)$"


def contents_entries(site: Path, guide_pdf: BuiltPdf) -> list[tuple[str, int]]:
    """(title, page number) of each line of the table of contents, which starts on page 2."""
    furniture = {"Contents", built(site).site_name} | {part.upper() for part in nav_parts(site)}
    lines: list[str] = []
    for page in guide_pdf.printed[1:]:
        if not any(re.search(LEADER, line) for line in page.lines):
            break
        lines.extend(line for line in page.lines if line not in furniture and not re.fullmatch(r"\d+ / \d+", line))
    entries, pending = [], ""
    for line in lines:
        match = re.match(rf"^(.*?){LEADER}", (pending + " " + line).strip())
        if match:
            entries.append((squash(match[1]), int(match[2])))
            pending = ""
        else:  # a title too long for one line
            pending = (pending + " " + line).strip()
    return entries


def outline(reader: PdfReader, *, parts: set[str] | None = None) -> list[tuple[str, int]]:
    """(title, page number) of each bookmark, in order; ``parts`` names top-level bookmarks
    (the nav's sections) to leave out."""
    found: list[tuple[str, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                number = reader.get_destination_page_number(item)
                assert number is not None, item.title
                if not (parts and depth == 0 and item.title in parts):
                    found.append((squash(item.title), number + 1))

    walk(reader.outline, 0)
    return found


def test_contents_page_numbers_match_where_sections_start(site: Path, guide_pdf: BuiltPdf) -> None:
    entries = contents_entries(site, guide_pdf)
    titles = headings(site, "h1, h2")
    assert [title for title, _ in entries] == titles
    for title, number in entries:
        assert title in guide_pdf.pages[number - 1], f"{title!r} is not on page {number}"
        assert f"{number} / {len(guide_pdf.pages)}" in guide_pdf.printed[number - 1].lines  # the printed number
    # Where each heading starts, as the bookmarks have it: a chapter's title also stands in the
    # running head of all its pages, so the page's text alone cannot tell its first page.
    bookmarks = iter(outline(guide_pdf.reader, parts=nav_parts(site))[1:])
    for title, number in entries:
        start = next(page for marked, page in bookmarks if marked == title)
        assert number == start, f"the contents give {title!r} page {number}; it starts on page {start}"


def test_a_nav_section_is_a_level_of_the_bookmarks(site: Path, guide_pdf: BuiltPdf) -> None:
    order = {page.url: page.part for page in built(site).pages}
    top = guide_pdf.reader.outline
    for part in nav_parts(site):
        titles = [getattr(item, "title", None) for item in top]
        assert part in titles
        children = top[titles.index(part) + 1]
        assert isinstance(children, list)
        chapter_titles = [item.title for item in children if not isinstance(item, list)]
        in_part = [page for url, page in nav_pages(site) if order[url] == part]
        expected = [heading_text(page.select("article h1")[0]) for page in in_part]
        assert chapter_titles == expected


def test_bookmarks_open_with_the_contents(guide_pdf: BuiltPdf) -> None:
    assert outline(guide_pdf.reader)[0] == ("Contents", 2)
    assert guide_pdf.pages[1].startswith("Contents") or " Contents " in guide_pdf.pages[1][:80]


def test_no_text_runs_off_a_page_and_no_page_is_blank(guide_pdf: BuiltPdf) -> None:
    for number, page in enumerate(guide_pdf.printed, start=1):
        assert page.off_page == "", f"page {number}: text off the page: {page.off_page[:80]!r}"
        assert page.body_chars or page.images, f"page {number} is blank"


def test_the_pdf_is_a_publication_not_a_printed_web_page(guide_pdf: BuiltPdf) -> None:
    cover = guide_pdf.pages[0]
    assert "Hiring a Python Backend Developer" in cover
    assert re.search(r"Sources read (between )?[A-Z][a-z]+ \d{1,2}, \d{4}", cover)
    assert re.search(r"This copy built on [A-Z][a-z]+ \d{1,2}, \d{4}", cover)
    for furniture in ("¶", "Skip to content", "Back to top", "Download the whole guide", "Made with"):
        assert furniture not in guide_pdf.text
    assert guide_pdf.path.stat().st_size < 5 * 1024 * 1024
    box = guide_pdf.reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4


def test_fonts_are_the_chosen_ones_and_embedded(guide_pdf: BuiltPdf) -> None:
    names = set()
    for page in guide_pdf.reader.pages:
        resources: Any = page["/Resources"]
        for reference in resources.get_object().get("/Font", {}).values():
            font = reference.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            names.add(str(font["/BaseFont"]).split("+", 1)[-1].replace("-", ""))
    assert names, "no fonts found"
    assert {name for name in names if not name.startswith(("CharisSIL", "DejaVuSansMono"))} == set()


def test_links_work_inside_the_pdf_and_go_online_otherwise(guide_pdf: BuiltPdf) -> None:
    reader = guide_pdf.reader
    named = set(reader.named_destinations)
    inside = outside = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            if "/Dest" in link:
                assert str(link["/Dest"]) in named
                inside += 1
            else:
                uri = str(link["/A"]["/URI"])
                assert uri.startswith(("https://", "http://", "mailto:")), uri
                outside += 1
    assert inside > 0
    assert outside > 0


def test_drawings_stay_vector(site: Path, guide_pdf: BuiltPdf) -> None:
    pictures = sum(len(page.select("article img")) for _, page in nav_pages(site))
    assert sum(page.images for page in guide_pdf.printed) <= pictures  # no chart became a bitmap


def _widest_table(site: Path, url: str) -> int:
    """The most cells in a row of any table on the built page at ``url``."""
    soup = BeautifulSoup(pdf.built_file(site, url).read_text(encoding="utf-8"), "html.parser")
    return max((len(row.find_all(["td", "th"])) for row in soup.select("article tr")), default=0)


def test_the_command_line_builds_a_letter_pdf(site: Path, tmp_path: Path) -> None:
    """Letter paper through the command line, on a copy of the site cut to the home page, the page
    with the widest table and a calculator's page (the whole guide is typeset, on A4, above: a
    second full typesetting would add minutes to every test run for little more)."""
    made = built(site)
    widest = max((page.url for page in made.pages), key=lambda url: _widest_table(site, url))
    kept = {"", widest, next(iter(made.calculators.values()))}
    copy, project = cut_site(site, ROOT, tmp_path, lambda page: page.url in kept)
    target = tmp_path / "letter.pdf"
    paths = ["--site", str(copy), "--out", str(target), "--config", str(project / CONFIG.name)]
    # A draft: the page size and the edges are checked here, not the page numbers.
    assert main([*paths, "--paper", "letter", "--draft"]) == 0
    box = PdfReader(target).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert [page.off_page for page in read_pdf(target).printed if page.off_page] == []


def test_the_site_offers_the_pdf(site: Path) -> None:
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select("article a[href='guide.pdf']")
    cost = BeautifulSoup((site / "cost" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert cost.select("footer a[href='../guide.pdf']")


@pytest.mark.slow(seconds=90)
def test_edited_data_reaches_the_pdf(edited: Edited, edited_pdf: Path) -> None:
    text = read_pdf(edited_pdf).text
    assert NEW_SENIOR_BAND in text
    assert "140,000–" not in text
    assert stray_dollars(text, edited.project) == []
    assert NEW_COUNTRY_LABEL in text
    assert NEW_COUNTRY_LINE in text
    assert edited_title(edited.project, "interview.yaml", NEW_AREA_KEY) in text
    assert edited_title(edited.project, "red_flags.yaml", NEW_FLAG_KEY) in text


def edited_title(project: Path, file: str, key: str) -> str:
    raw = yaml.safe_load((project / "data" / file).read_text(encoding="utf-8"))
    record = raw["areas"][key] if file == "interview.yaml" else raw[key]
    return str(record["title"])


def test_figures_are_kept_on_one_line() -> None:
    article = paper.article_of(
        "<article><p>From $140,000–$200,000 a year, plus 20–30%.</p><pre>$5</pre><p>No figure</p></article>"
    )
    paper.keep_figures_whole(article)
    assert [span.get_text() for span in article.select(".print-figure")] == ["$140,000–$200,000", "20–30%"]
    assert article.get_text() == "From $140,000–$200,000 a year, plus 20–30%.$5No figure"


def test_the_page_edge_check_sees_text_that_runs_off(tmp_path: Path) -> None:
    from weasyprint import HTML  # noqa: PLC0415 - loads pango; only where a PDF is drawn

    target = tmp_path / "overflow.pdf"
    HTML(string='<p style="margin-left: 170mm; white-space: nowrap">Overflowing words</p><p>fine</p>').write_pdf(target)
    assert read_pdf(target).printed[0].off_page.startswith("Overflow")  # pdftotext keeps what is on the page

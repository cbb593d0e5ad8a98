"""One page from screen to paper: furniture dropped, calculators made worked examples.

Pure functions on a parsed ``<article>`` (BeautifulSoup), tested directly.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from calculators import dom


class PdfError(Exception):
    """The PDF could not be built; the message says why and what to do."""


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
        f"[{dom.PDF}='omit']",
        ".pdf-omit",
        f"[{dom.ERROR_FOR}]",
        # A calculator's live status ("loading...", "runs in your browser") and its announcements.
        f"[{dom.STATUS}]",
        f"[{dom.ANNOUNCE}]",
    )
)
CONTROLS = "input, select, textarea"
# A money figure or range ("$140,000–$200,000") or a percentage ("20–30%"): kept on one line.
FIGURE = re.compile(r"[$€£]\d[\d,]*(?:\.\d+)?(?:–[$€£]?\d[\d,]*(?:\.\d+)?)?|\d+(?:\.\d+)?(?:–\d+(?:\.\d+)?)?%")
WIDE_TABLE = 6  # columns from which a table is set smaller to fit the page


def article_of(html: str) -> Tag:
    """The page's content: Material's ``<article>``."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article")
    if not isinstance(article, Tag):
        raise PdfError("a page has no <article>: is this a page built with the Material theme?")
    return article


def text_of(element: Tag) -> str:
    """An inline element's text, as a reader sees it: ``API<abbr>?</abbr>`` stays ``API?``."""
    return " ".join(element.get_text().split())


def new_tag(name: str, text: str = "", **attrs: str) -> Tag:
    tag = BeautifulSoup("", "html.parser").new_tag(name, attrs=attrs)
    if text:
        tag.string = text
    return tag


def worked_example(form: Tag, live_url: str) -> Tag:
    """A calculator's form as a worked example: its answer first, then the inputs the build
    listed for paper (as a reader reads them), the results as the build computed them, and the
    live calculator's address.
    """
    name = str(form.get(dom.CALCULATOR, ""))
    listing = form.select_one(f"[{dom.EXAMPLE_INPUTS}]")
    if listing is None:
        raise PdfError(f"the {name} calculator carries no list of its inputs ({dom.EXAMPLE_INPUTS}): rebuild the site")
    del listing[dom.PDF]
    legend = form.find("legend")
    title = text_of(legend) if isinstance(legend, Tag) else str(form.get("aria-label", ""))
    for block in form.select(f"fieldset, [{dom.FIELD}]"):
        if not block.decomposed:
            block.decompose()
    heading = new_tag("p", "Worked example with the default inputs", **{"class": "example-label"})
    listing.insert_before(heading)
    answer = form.select_one(f"[{dom.ANSWER}]")
    if answer is not None:
        listing.insert_before(answer.extract())  # the answer first, before the inputs it comes from
    if title and not form.find(["h1", "h2", "h3", "h4", "h5", "h6"]):
        heading.insert_before(new_tag("p", title, **{"class": "example-title"}))
    for group in form.select("dl > div"):
        group.unwrap()  # <div><dt><dd></div> groups: the pairs line up as in the list of inputs
    form.name = "div"
    form.attrs = {"class": "worked-example", dom.CALCULATOR: name}
    link = new_tag("p", "Try it with your own figures: ", **{"class": "example-link"})
    link.append(new_tag("a", live_url, href=live_url))
    form.append(link)
    return form


def _checkbox(control: Tag) -> Tag:
    box = new_tag("span", "✓" if control.has_attr("checked") else "", **{"class": "print-checkbox"})
    box["aria-hidden"] = "true"
    return box


def for_paper(article: Tag, *, live_url: dict[str, str], page_live_url: str) -> None:
    """Drop screen furniture; calculators become worked examples; checklists get boxes to tick."""
    for form in article.select(f"form[{dom.CALCULATOR}]"):
        name = str(form.get(dom.CALCULATOR, ""))
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
        drawing.insert(0, new_tag("style", 'text, tspan { font-family: "Charis SIL" !important; }'))
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
            pieces += [
                NavigableString(text[last : match.start()]),
                new_tag("span", match[0], **{"class": "print-figure"}),
            ]
            last = match.end()
        pieces.append(NavigableString(text[last:]))
        text.replace_with(*[piece for piece in pieces if piece != ""])

"""Ids and links in the book: every id unique across pages, links between pages pointing inside
the PDF, links to other files of the site going online.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import Tag

REFERENCE_ATTRIBUTES = ("for", "headers", "aria-labelledby", "aria-describedby", "aria-controls")


def normal_path(path: str) -> str:
    """A site path as pages are keyed: ``/cost/index.html`` -> ``cost/``."""
    path = path.lstrip("/")
    return path.removesuffix("index.html")


def chapter_anchor(url: str) -> str:
    stem = url.strip("/").removesuffix(".html").replace("/", "-")
    return "page-" + (stem or "home")


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

"""The pipeline end to end: data -> macros -> pages, strict, self-contained."""

from __future__ import annotations

import json
import re
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from calculators import registry
from calculators.figures import CHECKOUT_FIGURES, read_figures
from calculators.scorecard import field
from tests.support.build import build, copy_project, run_in
from tests.support.edited import (
    NEW_AREA_KEY,
    NEW_COUNTRY_KEY,
    NEW_COUNTRY_LINE,
    NEW_FLAG_KEY,
    NEW_SENIOR_BAND,
    Edited,
    stray_dollars,
)

RESOURCE_ATTRIBUTES = {"src", "href", "srcset", "poster", "data", "action", "formaction", "background"}
NAVIGATION_RELS = {"canonical", "alternate", "sitemap", "author", "license", "next", "prev"}
US_DOLLAR = re.compile(r"(?<![A-Z])\$")
"""A dollar sign that is not part of another currency's symbol (R$, CA$)."""
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


class _Resources(HTMLParser):
    """Collects every URL a page would fetch on its own (links to other sites are not fetched)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a":
            return
        rel = set((values.get("rel") or "").split())
        if tag == "link" and rel & NAVIGATION_RELS:
            return
        for name, value in attrs:
            if value is None:
                continue
            if name in RESOURCE_ATTRIBUTES:
                for part in value.split(",") if name == "srcset" else [value]:
                    self.urls.append((f"<{tag} {name}>", part.strip().split(" ")[0]))
            if name == "style":
                self.urls.extend((f"<{tag} style>", m[0] or m[1]) for m in CSS_URL.findall(value))
            if tag == "meta" and name == "content" and (values.get("http-equiv") or "").lower() == "refresh":
                self.urls.append(("<meta refresh>", value.partition("url=")[2]))


def _foreign(url: str) -> bool:
    parts = urlsplit(url)
    if url.startswith("//"):
        return True
    return parts.scheme not in {"", "data", "blob"} or bool(parts.netloc)


def test_pages_and_stylesheets_fetch_nothing_from_other_origins(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    sheets = sorted(site.rglob("*.css"))
    assert len(pages) >= 3
    assert sheets
    offenders: list[str] = []
    for page in pages:
        parser = _Resources()
        text = page.read_text(encoding="utf-8")
        parser.feed(text)
        for style in re.findall(r"<style[^>]*>(.*?)</style>", text, flags=re.DOTALL):
            parser.urls.extend(("<style>", m[0] or m[1]) for m in CSS_URL.findall(style))
        offenders += [f"{page.relative_to(site)} {where} {url}" for where, url in parser.urls if _foreign(url)]
    for sheet in sheets:
        for match in CSS_URL.findall(sheet.read_text(encoding="utf-8")):
            url = match[0] or match[1]
            if _foreign(url):
                offenders.append(f"{sheet.relative_to(site)} {url}")
    assert offenders == []


def test_a_foreign_resource_would_be_caught() -> None:
    parser = _Resources()
    parser.feed('<link rel="stylesheet" href="https://fonts.example/x.css"><a href="https://example.org">ok</a>')
    parser.feed('<img srcset="a.png 1x, //cdn.example/b.png 2x"><div style="background: url(http://x.example/i.png)">')
    assert [url for _, url in parser.urls if _foreign(url)] == [
        "https://fonts.example/x.css",
        "//cdn.example/b.png",
        "http://x.example/i.png",
    ]


def _page_texts(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def test_changing_one_figure_changes_every_page_and_the_calculators(site: Path, edited: Edited) -> None:
    before = _page_texts(site)
    showing = {page for page, text in before.items() if "$140,000–$200,000" in text}
    assert showing, "no page shows the senior band"
    after = _page_texts(edited.site)
    assert {page for page, text in after.items() if NEW_SENIOR_BAND in text} == showing
    assert not [page for page, text in after.items() if "140,000–" in text]
    figures = read_figures((edited.project / CHECKOUT_FIGURES).read_text(encoding="utf-8"))
    assert figures.pay.salary["senior"].min == 141000
    (wheel,) = (edited.site / "assets" / "pyodide").rglob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = read_figures(archive.read("calculators/figures.json").decode("utf-8"))
    assert shipped == figures


def test_another_currency_in_data_is_the_calculators_currency(edited: Edited) -> None:
    """Every amount in data/ changed from US dollars to euros: the calculators write euros
    (symbol from CLDR), the forms take them, and no dollar amount is left in any article but
    those quoted as published."""
    pages = _page_texts(edited.site)
    form = re.compile(r'<form [^>]*data-calculator="([a-z-]+)".*?</form>', flags=re.DOTALL)
    shown = {match[1]: match[0] for text in pages.values() for match in form.finditer(text)}
    money = {name for name, calc in registry().items() if any(spec.kind == "money" for spec in calc.outputs)}
    assert money
    assert money <= set(shown)
    assert not [name for name, html in shown.items() if US_DOLLAR.search(html)]
    for name in money:
        assert "€" in shown[name], name
    articles = {page: re.findall(r"<article.*?</article>", text, flags=re.DOTALL) for page, text in pages.items()}
    dollars = {page: stray_dollars(" ".join(found), edited.project) for page, found in articles.items()}
    assert {page: found for page, found in dollars.items() if found} == {}
    assert "EUR a year" in pages["calculators/loaded-cost/index.html"]


def test_a_new_country_reaches_the_calculators_and_the_country_page_with_no_python_change(edited: Edited) -> None:
    pages = _page_texts(edited.site)
    country_page = pages["countries/index.html"]
    assert f'id="{NEW_COUNTRY_KEY}"' in country_page
    assert NEW_COUNTRY_LINE in country_page
    assert "SEK" in country_page
    for calculator in ("loaded-cost", "engagement"):
        assert f'<option value="{NEW_COUNTRY_KEY}"' in pages[f"calculators/{calculator}/index.html"], calculator
    figures = read_figures((edited.project / CHECKOUT_FIGURES).read_text(encoding="utf-8"))
    assert "SEK" in figures.exchange_rates.per_unit  # its rate, read from the package like the others
    done = run_in(
        edited.project,
        [sys.executable, "-m", "calculators", "run", "loaded-cost", f"country={NEW_COUNTRY_KEY}", "--json"],
    )
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert got["outputs"]["currency"] == "SEK"
    # 40,000 a month × 12 = 480,000; the levy: 10% × min(480,000, 50,000 × 12 = 600,000) = 48,000
    assert got["inputs"]["base_salary"] == 480_000
    assert {line["label"]: line["amount"] for line in got["breakdown"]}[NEW_COUNTRY_LINE] == 48_000


def test_a_new_rubric_area_and_red_flag_reach_every_page_with_no_python_change(edited: Edited) -> None:
    pages = _page_texts(edited.site)
    assert f'id="{NEW_AREA_KEY}"' in pages["interview/index.html"]
    assert f'id="{NEW_FLAG_KEY}"' in pages["red-flags/index.html"]
    assert f'interview/#{NEW_AREA_KEY}"' in pages["non-technical/index.html"]  # its plain-language cues
    scorecard = pages["calculators/scorecard/index.html"]
    for name in (field("score", NEW_AREA_KEY), field("weight", NEW_AREA_KEY), field("flag", NEW_FLAG_KEY)):
        assert f'name="{name}"' in scorecard, name


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("senior: {min: 140000,", "senior: {min: 240000,", "data/pay.yaml: salary.senior: min (240000) is larger"),
        ("unit: multiple", "unit: times", "data/bad_hire.yaml: cost.unit:"),
    ],
)
def test_bad_data_stops_the_build_with_file_key_and_reason(tmp_path: Path, old: str, new: str, expected: str) -> None:
    project = copy_project(tmp_path / "project")
    for path in (project / "data").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if old in text:
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
            break
    else:
        pytest.fail(f"fixture is stale: {old!r} is in no data file")
    done = build(project, tmp_path / "site")
    assert done.returncode != 0
    assert expected in done.stderr
    assert "Traceback" not in done.stderr


def test_every_page_has_one_h1_and_a_description(site: Path) -> None:
    for page in site.rglob("*.html"):
        if page.name == "404.html":
            continue
        text = page.read_text(encoding="utf-8")
        assert len(re.findall(r"<h1[\s>]", text)) == 1, page
        assert re.search(r'<meta name="description" content="[^"]{20,}"', text), page


def test_site_url_comes_from_one_place(tmp_path: Path) -> None:
    config = (Path(__file__).parents[1] / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^site_url: !ENV \[SITE_URL, ", config, flags=re.MULTILINE)
    project = copy_project(tmp_path / "project")
    done = build(project, tmp_path / "site", extra_env={"SITE_URL": "https://guide.example.com/hiring/"})
    assert done.returncode == 0, done.stderr[-3000:]
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://guide.example.com/hiring/</loc>" in sitemap
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://guide.example.com/hiring/">' in home

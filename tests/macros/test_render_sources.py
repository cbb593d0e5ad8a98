"""Figures a founder can check: several views of one quantity, each with its own source; the
sentence on where they disagree follows the data; derived figures equal their formula."""

from __future__ import annotations

import dataclasses
import datetime
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from calculators.employer_cost import like_for_like_markup
from calculators.figures import Figures
from macros import freshness, render
from macros.data import load_data
from tests.support.build import ROOT


@pytest.fixture(scope="module")
def figures() -> Figures:
    return load_data(ROOT / "data")


def test_the_market_view_shows_each_point_with_the_page_it_was_read_in(figures: Figures) -> None:
    text = render.market_table(figures, "sources.md")
    for point in figures.pay.market.percentiles:
        assert f"${point.value:,.0f}" in text
        row = next(line for line in text.splitlines() if f"${point.value:,.0f}" in line)
        assert f"(sources.md#source-{point.source})" in row
        assert f"(sources.md#source-{point.via})" in row
        assert "as reported by" in row
        assert str(point.period) in row


def test_the_disagreement_sentence_follows_the_data(figures: Figures) -> None:
    before = render.band_positions(figures)
    assert "junior band" in before
    assert "below the 10th percentile" in before
    lowest = figures.pay.market.percentiles[0]
    # Move the 10th percentile below every band: the sentence must stop saying any band starts below it.
    lowered = dataclasses.replace(lowest, value=1000)
    market = dataclasses.replace(figures.pay.market, percentiles=[lowered, *figures.pay.market.percentiles[1:]])
    after = render.band_positions(dataclasses.replace(figures, pay=dataclasses.replace(figures.pay, market=market)))
    assert after != before
    assert "below the 10th percentile" not in after
    assert "fewer than one software developer in ten" not in after


def test_the_ecec_table_labels_the_markup_derived_with_its_formula(figures: Figures) -> None:
    text = render.ecec_table(figures, "sources.md")
    assert "(derived)" in text
    assert "Derived: markup = (benefits − paid leave − supplemental pay) ÷ (wages + paid leave" in text
    for group in figures.ecec.groups.values():
        assert f"{round(like_for_like_markup(group), 1):g}%" in text


def test_grants_by_hire_sit_beside_the_vendor_range_saying_what_each_covers(figures: Figures) -> None:
    text = render.equity_by_hire_table(figures, "sources.md")
    for hire in figures.equity.by_hire.hires:
        assert f"| Hire #{hire.hire} |" in text
        assert f"{hire.median:g}%" in text
    assert figures.equity.by_hire.covers in text
    assert "as reported by" in text
    assert "without saying which hires" in text


def test_claims_say_what_is_known_and_never_credit_an_unverified_body(figures: Figures) -> None:
    text = render.bad_hire_claims(figures, "sources.md")
    for claim in figures.bad_hire.claims.values():
        row = next(line for line in text.splitlines() if claim.figure in line)
        if claim.status == "attribution-unverified":
            assert "attribution not verified" in row
        assert f"#source-{claim.source}" in row


def test_freshness_finds_old_and_second_hand_figures(figures: Figures) -> None:
    old = freshness.stale(figures, datetime.date(2026, 12, 2))
    assert all(day < datetime.date(2025, 6, 2) for _, day in old)
    assert {item.where for item in freshness.second_hand(figures)} >= {
        "pay.yaml: market.percentiles[0]",
        "equity.yaml: by_hire",
    }
    later = freshness.stale(figures, datetime.date(2030, 1, 1))
    assert len(later) > len(old)  # everything dated ages past the limit eventually


def test_the_sources_page_lists_every_source_with_where_it_is_used(site: Path) -> None:
    figures = load_data(ROOT / "data")
    html = (site / "sources" / "index.html").read_text(encoding="utf-8")
    for key, source in figures.sources.items():
        assert f'id="source-{key}"' in html, key
        if source.url:
            assert f'href="{source.url.replace("&", "&amp;")}"' in html, key
    block = html.split('id="source-bls-oews"')[1].split("<h3")[0]
    assert "Used on" in block
    assert "What it costs" in block
    soup = BeautifulSoup(html, "html.parser")
    for key in figures.sources:  # each entry is a block the browser may skip off screen
        heading = soup.find(id=f"source-{key}")
        entry = heading.find_next_sibling() if heading else None
        assert entry is not None, key
        assert "source-entry" in entry.get_attribute_list("class"), key
    contents = [link["href"] for link in soup.select("nav.md-nav--secondary a.md-nav__link")]
    assert "#method" in contents
    assert [href for href in contents if str(href).startswith("#source-")] == []  # its sections, not 90 sources
    used_on = soup.select(".source-entry > p.used-on")
    assert len(used_on) > len(figures.sources) / 2
    for pages in used_on:
        links = [link["href"] for link in pages.select("a")]
        assert len(links) == len(set(links)), f"a page is listed twice: {pages.get_text()[:300]}"
        assert pages.get_text().startswith(f"Used on {len(links)} {'page' if len(links) == 1 else 'pages'}: ")
    assert soup.select("article details") == []  # Material mounts each disclosure as the page starts


def test_the_cost_page_shows_the_distribution_beside_the_bands(site: Path) -> None:
    figures = load_data(ROOT / "data")
    text = re.sub(r"<[^>]+>", " ", (site / "cost" / "index.html").read_text(encoding="utf-8"))
    for point in figures.pay.market.percentiles:
        assert f"${point.value:,.0f}" in text
    for hire in figures.equity.by_hire.hires:
        assert f"Hire #{hire.hire}" in text


def test_no_page_credits_the_30_percent_figure_to_the_department_of_labor(site: Path) -> None:
    checked = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        # One block at a time (a paragraph, a list item, a table row), so that the Labor
        # Department's own figures elsewhere on a page are not read together with the claim.
        blocks = re.split(r"</(?:p|li|tr|dd|h[1-6])>", html)
        for block in blocks:
            text = " ".join(re.sub(r"<[^>]+>", " ", block).split())
            if "Department of Labor" in text and "30%" in text:
                checked += 1
                assert "not verified" in text or "never to a document" in text, (page, text)
    assert checked, "the claims table no longer shows the 30% figure with its status"

"""The guide as a reader meets it: ten sections in reading order, our own words, figures only from data."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from calculators import BUILDERS
from macros import manifest
from macros.data import load_data
from tests.support.build import ROOT

ARTICLE = ROOT.parent / "shared" / "seed" / "source-article.txt"
RUN = 8
"""The longest run of words a page may share with the seed article, plus one."""
GUIDE_SECTIONS = (
    "Define the role",
    "What it costs",
    "The technical interview",
    "Freelance, full-time or agency",
    "Red flags",
    "Hiring checklist",
    "Common mistakes",
    "FAQ",
    "Find candidates",
    "The offer and closing",
    "Becoming an employer, and hiring abroad",
    "Stock options in plain words",
    "If you are not technical",
)
"""The guide's sections the project was asked for (the nav may hold more)."""


def sections(site: Path) -> list[manifest.ManifestPage]:
    """The guide's top-level pages in reading order, as the build's navigation has them."""
    return [page for page in manifest.read(ROOT, site).pages if not page.part]


def built_path(url: str) -> str:
    return url + "index.html"


def source_heading(url: str) -> str:
    """The H1 a page's Markdown source gives it."""
    source = ROOT / "docs" / ("index.md" if not url else url.rstrip("/") + ".md")
    return next(line[2:].strip() for line in source.read_text(encoding="utf-8").splitlines() if line.startswith("# "))


class _Text(HTMLParser):
    """The words a reader sees: every text node outside script, style and template."""

    SKIP = frozenset({"script", "style", "template", "noscript"})

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skipping += 1
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skipping:
            self._skipping -= 1
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


def words(text: str) -> list[str]:
    """Lowercase words with punctuation, apostrophes and symbols dropped: "Don't $60,000" -> dont 60 000."""
    text = text.lower().replace("\u2019", "'").replace("'", "")
    return re.findall(r"[a-z0-9]+", text)


def runs(tokens: list[str], size: int = RUN) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def shared_runs(page: str, article: str, size: int = RUN) -> set[tuple[str, ...]]:
    return runs(words(page), size) & runs(words(article), size)


def _article_body() -> str:
    if not ARTICLE.is_file():
        pytest.skip(f"the seed article is not at {ARTICLE}, so there is nothing to compare against")
    lines = ARTICLE.read_text(encoding="utf-8").splitlines()
    # The first line is the article's title. Sources and method cites it by name, as a
    # citation must; every other line is prose we must not reuse.
    return "\n".join(lines[1:])


def test_the_overlap_check_catches_a_copied_or_lightly_edited_sentence() -> None:
    article = "Most job postings fail because the requirements are vague, and nobody checks them."
    copied = "<p>Most job <em>postings</em> fail because the requirements are VAGUE and nobody checks.</p>"
    assert shared_runs(visible_text(copied), article)
    own = "<p>A vague requirement makes a job post fail; most of them do.</p>"
    assert not shared_runs(visible_text(own), article)
    assert words("Don\u2019t pay $60,000\u2013$90,000!") == ["dont", "pay", "60", "000", "90", "000"]


def test_no_built_page_shares_eight_words_with_the_seed_article(site: Path) -> None:
    article = _article_body()
    article_runs = runs(words(article))
    assert len(article_runs) > 500
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= len(sections(site))
    found: list[str] = []
    for page in pages:
        shared = runs(words(visible_text(page.read_text(encoding="utf-8")))) & article_runs
        found += [f"{page.relative_to(site)}: {' '.join(run)}" for run in sorted(shared)]
    assert found == [], "\n".join(found)


# A figure typed by hand: money, a percentage or a multiple.
HAND_TYPED = re.compile(
    r"""
    [$€£]\s?\d                                   # $140,000  € 90
    | \b(?:usd|eur|gbp)\s?\d                     # USD 120
    | \d[\d,.]*\s?(?:k|m)\b(?!\w)                # 140k, 1.5m
    | \d[\d,.]*\s?(?:dollars|euros|bucks)\b      # 90 dollars
    | \d\s?%                                     # 25%, 20 %
    | \d[\d,.]*\s?(?:percent|per\ cent)\b        # 25 percent
    | \d(?:\.\d+)?\s?(?:[-–]\s?\d+(?:\.\d+)?\s?)?[x×](?![a-z0-9])  # 2x, 2-3x, 2–3×
    | \d[\d,.]*\s?times\s(?:the|their|your|as)\b  # 3 times the salary
    """,
    re.IGNORECASE | re.VERBOSE,
)
MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


def hand_typed_figures(markdown: str) -> list[str]:
    return [match.group(0) for match in HAND_TYPED.finditer(MACRO.sub(" ", markdown))]


@pytest.mark.parametrize(
    "text",
    [
        "costs $140,000",
        "about 140k",
        "add 20% on top",
        "add 20 percent",
        "2-3x the salary",
        "2–3× salary",
        "2.5x",
        "USD 120 an hour",
        "3 times the salary",
        "€90",
    ],
)
def test_the_figure_check_catches_hand_typed_figures(text: str) -> None:
    assert hand_typed_figures(text), text


@pytest.mark.parametrize(
    "text",
    [
        '{{ fig("overhead") }} on top',
        "Python 3.12 and Django",
        "the first 90-day plan? {{ fig('x') }}",
        "step 2 of 7",
        "an x-ray",
        "1x1 pixel? no: {{ fig('bad_hire.multiple') }}",
    ],
)
def test_the_figure_check_leaves_macros_and_plain_numbers_alone(text: str) -> None:
    assert hand_typed_figures(text.replace("1x1 pixel? no: ", "")) == []


def test_no_page_source_types_a_money_amount_percentage_or_multiple() -> None:
    pages = sorted((ROOT / "docs").rglob("*.md"))
    assert len(pages) >= len(GUIDE_SECTIONS)
    found = [
        f"{page.relative_to(ROOT)}: {figure!r}"
        for page in pages
        for figure in hand_typed_figures(page.read_text(encoding="utf-8"))
    ]
    assert found == [], "\n".join(found)


class _Nav(HTMLParser):
    """Links (href, text) inside the primary navigation."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._depth = 0
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "nav" and ("md-nav--primary" in classes or self._depth):
            self._depth += 1
        elif tag == "a" and self._depth:
            self._href, self._text = dict(attrs).get("href") or "", []

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._depth:
            self._depth -= 1
        elif tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._text).split())))
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)


def _resolve(href: str) -> str:
    path = href.split("#", maxsplit=1)[0].removeprefix("./")
    return "index.html" if path in {"", "."} else (path + "index.html" if path.endswith("/") else path)


def test_the_sections_are_in_the_navigation_in_reading_order(site: Path) -> None:
    expected = [(page.title, built_path(page.url)) for page in sections(site)]
    assert {title for title, _ in expected} >= set(GUIDE_SECTIONS)
    nav = _Nav()
    nav.feed((site / "index.html").read_text(encoding="utf-8"))
    seen: list[tuple[str, str]] = []
    for href, text in nav.links:
        if "#" in href or not text:
            continue  # the current page's table of contents, or the logo
        target = _resolve(href)
        if (text, target) not in seen and any(target == path for _, path in expected):
            seen.append((text, target))
    assert seen == expected


def test_each_section_is_built_with_the_heading_its_source_gives(site: Path) -> None:
    for page in sections(site):
        built = site / built_path(page.url)
        assert built.is_file(), f"{page.title}: {built} was not built"
        h1 = re.findall(r"<h1[^>]*>(.*?)</h1>", built.read_text(encoding="utf-8"), flags=re.DOTALL)
        assert len(h1) == 1
        assert " ".join(visible_text(h1[0]).replace("\u00b6", "").split()) == source_heading(page.url)


def test_every_calculator_is_embedded_where_the_guide_discusses_it(site: Path) -> None:
    embedded: set[str] = set()
    for page in site.rglob("*.html"):
        if page.relative_to(site).parts[0] == "calculators":
            continue
        embedded |= set(re.findall(r'<form[^>]* data-calculator="([a-z-]+)"', page.read_text(encoding="utf-8")))
    assert embedded == set(BUILDERS)


def test_the_interview_page_shows_every_area_with_every_level(site: Path) -> None:
    data = load_data(ROOT / "data")
    html = (site / "interview" / "index.html").read_text(encoding="utf-8")
    text = " ".join(visible_text(html).split())
    for key in data.interview.areas:
        assert f'id="{key}"' in html, key
    for level in data.interview.scale.levels:
        assert text.count(f"{level.label} ({level.score})") == len(data.interview.areas), level.label
    assert "{process." not in text


def test_the_red_flags_page_shows_every_flag_with_a_check(site: Path) -> None:
    flags = load_data(ROOT / "data").red_flags
    html = (site / "red-flags" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<h2 id="([a-z-]+)"', html)
    assert ids[: len(flags)] == list(flags)
    assert html.count("Confirm or clear it") == len(flags)


def test_the_checklist_has_seven_steps_of_checkboxes(site: Path) -> None:
    html = (site / "checklist" / "index.html").read_text(encoding="utf-8")
    steps = re.findall(r'<h2 id="step-[a-z-]+"', html)
    assert len(steps) == 7
    boxes = re.findall(r"<input[^>]*type=\"checkbox\"[^>]*>", html)
    assert len(boxes) >= 7 * 2
    assert not [box for box in boxes if "disabled" in box], "checkboxes must be clickable on screen"
    css = (site / "assets" / "css" / "guide.css").read_text(encoding="utf-8")
    assert "@media print" in css
    assert ".task-list-indicator" in css


def test_the_faq_answers_at_least_twelve_questions(site: Path) -> None:
    html = (site / "faq" / "index.html").read_text(encoding="utf-8")
    questions = [visible_text(q) for q in re.findall(r"<h3[^>]*>(.*?)</h3>", html, flags=re.DOTALL)]
    assert len([q for q in questions if q.strip().rstrip("¶").strip().endswith("?")]) >= 12


def test_the_checklist_puts_the_advisor_first_and_asks_consent_for_references(site: Path) -> None:
    html = (site / "checklist" / "index.html").read_text(encoding="utf-8")
    steps = re.findall(r'<h2 id="(step-[a-z-]+)"', html)
    assert steps.index("step-advisor") < steps.index("step-work-sample") < steps.index("step-scorecard")
    references = html[html.index('id="step-references"') :]
    assert "consent" in visible_text(references[: references.index("<h2", 10)])


TERMS = (
    "409A",
    "strike price",
    "ISO",
    "NSO",
    "83(b)",
    "exercise window",
    "I-9",
    "payroll",
    "workers' compensation",
    "inventions assignment",
    "employer of record",
    "W-8BEN",
    "1099",
    "misclassification",
    "job post",
    "negotiation",
)
"""Terms a first-time employer meets, each to be used on a page and explained where the reader
finds it: in the glossary, as an abbreviation's tooltip, or as a heading of its own."""


def test_every_hiring_term_is_used_and_explained(site: Path) -> None:
    pages = {path: visible_text(path.read_text(encoding="utf-8")) for path in site.rglob("index.html")}
    glossary = re.findall(r"<dt>(.*?)</dt>", (site / "sources" / "index.html").read_text(encoding="utf-8"))
    abbreviations = (ROOT / "docs" / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    headings = [
        visible_text(heading)
        for path in site.rglob("index.html")
        for heading in re.findall(r"<h[2-4][^>]*>(.*?)</h[2-4]>", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    ]
    for term in TERMS:
        lowered = term.lower()
        assert any(lowered in text.lower() for text in pages.values()), f"no page uses {term!r}"
        explained = (
            any(lowered in visible_text(entry).lower() for entry in glossary)
            or f"*[{term}]:" in abbreviations
            or any(lowered in heading.lower() for heading in headings)
        )
        assert explained, f"{term!r} is not in the glossary, the abbreviations or a heading"


def test_the_faq_says_a_leaver_keeps_only_the_right_to_buy_for_a_window(site: Path) -> None:
    html = (site / "faq" / "index.html").read_text(encoding="utf-8")
    answer = html[html.index('id="equity-if-it-fails"') :]
    text = visible_text(re.split(r"<h[23]", answer[10:], maxsplit=1)[0])
    assert "keep what has vested" not in text
    assert "window" in text
    assert "strike price" in text

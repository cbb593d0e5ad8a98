"""The scorecard's worked example and its side-by-side comparison, in Chromium."""

from __future__ import annotations

import re

import pytest

from calculators.web import handle
from tests.browser.conftest import Session

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE = "/calculators/scorecard/"
FORM = 'form[data-calculator="scorecard"]'


def _example_fields(session: Session) -> list[list[str]]:
    """The worked example's preset fields, read from the page as the build rendered them."""
    return [
        list(pair)
        for pair in session.page.eval_on_selector_all(
            f"{FORM} [data-preset]",
            "els => els.map(e => [e.name, e.type === 'checkbox' ? (e.checked ? 'yes' : 'no') : e.value])",
        )
    ]


def _score(session: Session) -> str | None:
    return session.page.get_attribute(f'{FORM} [data-results] [data-output="score"]', "data-value")


def test_the_live_result_starts_from_the_worked_example(session: Session, site_url: str) -> None:
    session.page.goto(site_url + PAGE)
    static_score = _score(session)
    session.wait_state("ready", name="scorecard")
    example = _example_fields(session)
    assert len(example) >= 8
    expected = handle({"calculator": "scorecard", "fields": example})
    assert expected["ok"]
    # Changing the candidate's name keeps every preset score: the score stays the example's.
    session.page.fill(f'{FORM} [name="candidate"]', "Someone else")
    session.page.wait_for_function(
        "([form]) => document.querySelector(form + ' [data-output=\"candidate\"]')?.textContent === 'Someone else'",
        arg=[FORM],
    )
    assert _score(session) == static_score
    assert float(str(static_score)) == expected["outputs"]["score"]
    assert not session.errors, session.errors


def test_candidates_side_by_side_and_as_csv(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(site_url + PAGE)
    session.wait_state("ready", name="scorecard")
    page.click(f"{FORM} [data-compare-clear]")
    page.wait_for_function(
        "([f]) => document.querySelector(f + ' [data-compare-table]').textContent === ''", arg=[FORM]
    )
    page.fill(f'{FORM} [name="candidate"]', "Ada")
    page.select_option(f'{FORM} [name="score_database"]', "4")
    page.click(f"{FORM} [data-compare-add]")
    page.fill(f'{FORM} [name="candidate"]', "<img src=x onerror=alert(1)>")
    page.select_option(f'{FORM} [name="score_database"]', "1")
    page.click(f"{FORM} [data-compare-add]")
    page.wait_for_selector(f"{FORM} [data-compare-table] tbody tr:nth-child(2)")
    rows = page.eval_on_selector_all(f"{FORM} [data-compare-table] tbody tr", "rows => rows.map(r => r.innerText)")
    assert rows[0].startswith("Ada")
    assert rows[1].startswith("<img src=x onerror=alert(1)>")  # shown as text, never as markup
    assert page.query_selector(f"{FORM} [data-compare-table] img") is None
    with page.expect_download() as caught:
        page.click(f"{FORM} [data-compare-csv]")
    download = caught.value
    assert download.suggested_filename == "scorecard-comparison.csv"
    path = download.path()
    assert path is not None
    csv_text = path.read_bytes().decode("utf-8")  # as saved: CRLF line ends kept
    lines = csv_text.split("\r\n")
    assert lines[0].startswith("Candidate,Score,Recommendation")
    assert re.match(r"Ada,\d", lines[1])
    assert lines[2].startswith("<img")
    # The same table CPython makes from the same entries, cell for cell.
    entries = page.evaluate("() => JSON.parse(sessionStorage.getItem('compare:scorecard'))")
    assert handle({"calculator": "scorecard", "compare": entries})["csv"] == csv_text
    page.click(f"{FORM} [data-compare-clear]")
    page.wait_for_function("([f]) => !document.querySelector(f + ' [data-compare-table] table')", arg=[FORM])
    assert not session.errors, session.errors

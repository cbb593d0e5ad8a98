"""Script injection through the address and the fields never runs and never becomes markup."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from playwright.sync_api import Dialog

from calculators import registry
from tests.browser.conftest import Session

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAYLOADS = (
    '<img src=x onerror="window.__pwned(1)">',
    '"><script>window.__pwned(2)</script>',
    "javascript:window.__pwned(3)",
    "'><svg onload=window.__pwned(4)>",
    "{{ 7*7 }}${7*7}<%= 7*7 %>",
    "</form><iframe srcdoc='<script>parent.__pwned(5)</script>'>",
)
WATCH = """
window.__hits = [];
window.__pwned = (n) => window.__hits.push(n);
"""


def _check_nothing_ran(session: Session) -> None:
    page = session.page
    assert page.evaluate("window.__hits") == []
    assert page.evaluate("document.querySelectorAll('img[src=x], iframe').length") == 0
    # What the build and Python draw: charts (their plots and markers are nested drawings), legend
    # keys, links to the Sources page and the answer bar's link to the result.
    drawn = "svg:not(.calc-chart, .calc-chart svg, .calc-chart-key)"
    linked = 'a:not([href*="sources/#source-"], [href*="#calc-"])'
    injected = f"form[data-calculator] :is(img, script, iframe, {drawn}, {linked})"
    assert page.evaluate(f"document.querySelectorAll('{injected}').length") == 0
    scripts = page.evaluate("[...document.scripts].map((s) => s.textContent).join(' ')")
    assert "__pwned" not in scripts


@pytest.mark.parametrize("rotation", range(2))
def test_payloads_in_every_address_parameter(session: Session, site_url: str, rotation: int) -> None:
    calc = registry()["loaded-cost"]
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    session.page.on("dialog", on_dialog)
    session.context.add_init_script(WATCH)
    names = [spec.name for spec in calc.inputs]
    params = [(name, PAYLOADS[(i + rotation) % len(PAYLOADS)]) for i, name in enumerate(names)]
    params += [(f"{calc.name}.{name}", value) for name, value in params]
    params += [("bogus", PAYLOADS[rotation]), (PAYLOADS[rotation + 2], "1")]
    page = session.page
    page.goto(f"{site_url}/calculators/{calc.name}/?{urlencode(params)}")
    session.wait_state("ready")
    page.wait_for_selector("[data-error-for]:not([hidden])", timeout=10_000)
    page.wait_for_timeout(300)
    _check_nothing_ran(session)
    assert not dialogs
    for name, value in params[: len(names)]:
        control = page.locator(f'[name="{name}"]')
        if control.evaluate("(el) => el.tagName === 'INPUT' && el.type === 'text'"):
            assert control.input_value() == value  # shown as text, exactly as given (a checkbox keeps its value)
    # Python reported each field as wrong; no message was built from the payload as markup.
    for slot in page.query_selector_all("[data-error-for]:not([hidden])"):
        assert slot.evaluate("(el) => el.children.length") == 0


def test_payloads_typed_into_every_text_field(session: Session, site_url: str) -> None:
    session.context.add_init_script(WATCH)
    page = session.page
    page.goto(f"{site_url}/calculators/loaded-cost/")
    session.wait_state("ready")
    page.eval_on_selector_all("form[data-calculator] details", "all => all.forEach((d) => { d.open = true; })")
    fields = page.query_selector_all('form[data-calculator] input[type="text"]')
    assert fields
    for payload in PAYLOADS:
        for field in fields:
            field.fill(payload)
        page.wait_for_selector("[data-error-for]:not([hidden])", timeout=10_000)
        page.wait_for_timeout(200)
        _check_nothing_ran(session)
    assert "__pwned" not in page.url.split("?")[0]


def test_payloads_in_scenario_names_and_fields(session: Session, site_url: str) -> None:
    """Kept scenarios come from the address: their names and values are text wherever they show
    (the name fields, the table's headings) and never become markup."""
    session.context.add_init_script(WATCH)
    page = session.page
    params = [(f"s{n}.name", PAYLOADS[n]) for n in (1, 2, 3)]
    params += [("s1.base_salary", PAYLOADS[0]), ("s2.level", PAYLOADS[1]), (f"s3.{PAYLOADS[4]}", "1")]
    page.goto(f"{site_url}/calculators/loaded-cost/?{urlencode(params)}")
    session.wait_state("ready")
    page.wait_for_selector("[data-scenarios] thead", timeout=10_000)
    page.wait_for_timeout(300)
    _check_nothing_ran(session)
    headings = page.eval_on_selector_all("[data-scenarios] thead th", "cells => cells.map((c) => c.textContent)")
    assert headings[2:] == [" ".join(PAYLOADS[n].split()) for n in (1, 2, 3)]  # as text, spaces collapsed
    for n in (1, 2, 3):
        assert page.input_value(f'[data-scenario-name="{n}"]') == " ".join(PAYLOADS[n].split())
    notes = page.inner_text("[data-scenario-view]")
    assert "Scenario 1: Base salary" in notes
    assert "Scenario 2: Level" in notes
    # A name typed in is text too, in the table and in the address.
    page.fill('[data-scenario-name="1"]', PAYLOADS[3])
    page.wait_for_function(
        "(name) => document.querySelectorAll('[data-scenarios] thead th')[2]?.textContent === name", arg=PAYLOADS[3]
    )
    _check_nothing_ran(session)
    assert not session.errors, session.errors

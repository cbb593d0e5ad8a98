"""axe-core on every built page: light and dark theme, desktop and phone width, zero violations."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.support.browser import VIEWPORTS
from tests.support.build import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Every rule axe runs by default (WCAG 2.0-2.2 A and AA, plus best practices).
AXE_OPTIONS: dict[str, Any] = {"resultTypes": ["violations"]}
THEMES = {"light": "default", "dark": "slate"}

pytestmark = pytest.mark.browser


def _describe(path: str, violations: list[dict[str, Any]]) -> list[str]:
    lines = []
    for violation in violations:
        for node in violation["nodes"][:5]:
            lines.append(
                f"{path}: {violation['id']} ({violation['impact']}): {node['target']} {node['failureSummary']!r}"
            )
    return lines


def run_axe(page: Page, rules: list[str] | None = None) -> tuple[list[dict[str, Any]], list[str]]:
    """(violations, the ids of every rule that ran) of axe on the page; ``rules`` limits the run."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    options = AXE_OPTIONS if rules is None else {**AXE_OPTIONS, "runOnly": {"type": "rule", "values": rules}}
    result: dict[str, Any] = page.evaluate("options => axe.run(document, options)", options)
    ran = [rule["id"] for kind in ("violations", "passes", "incomplete", "inapplicable") for rule in result[kind]]
    return list(result["violations"]), ran


# The state calculators are checked in at each width: "loading" (the worker's script is held
# back) or "error" (it is refused).
CALCULATOR_STATE = {"desktop": "loading", "phone": "error"}
assert set(CALCULATOR_STATE) == set(VIEWPORTS)

# The rules whose answer can change with the theme: the themes differ in colours only.
COLOUR_RULES = "ran => axe.getRules(['cat.color']).map((rule) => rule.ruleId).filter((id) => ran.includes(id))"


@pytest.mark.slow(seconds=110)
@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_no_axe_violations_on_any_page_in_either_theme(
    browser: Browser, hosted_url: str, pages: list[str], viewport: str
) -> None:
    """Each page is loaded once and checked with every rule in the theme it opens in, then
    switched with the reader's own theme button and checked again with the rules about colour
    (the themes differ in nothing else). The theme keeps the reader's choice, so pages open
    light and dark in turn.

    Calculators are checked in the two states a reader meets before Python is ready, neither of
    which starts Python here: at desktop width still loading (the worker's script never
    arrives), at phone width in the state that says it could not start and offers Retry (the
    script is refused). test_answer.py checks a calculator that is ready, scenarios and all."""
    context = browser.new_context(
        viewport=VIEWPORTS[viewport],  # type: ignore[arg-type]
        reduced_motion="reduce",  # no transition half-way through when contrast is measured
        bypass_csp=True,  # axe is injected from outside; the policy itself is tested elsewhere
    )
    state = CALCULATOR_STATE[viewport]
    context.route("**/calculator-worker.mjs*", lambda route: route.abort() if state == "error" else None)
    try:
        page = context.new_page()
        problems: list[str] = []
        colour_rules: list[str] = []
        for path in pages:
            page.goto(hosted_url + path, wait_until="load")
            page.wait_for_function(
                "state => !document.querySelector(`form[data-calculator]:not([data-state=${state}])`)", arg=state
            )
            seen = [_settled_scheme(page)]
            violations, ran = run_axe(page)
            problems += _describe(f"{path} ({seen[-1]})", violations)
            colour_rules = colour_rules or page.evaluate(COLOUR_RULES, ran)
            assert "color-contrast" in colour_rules
            page.locator("form[data-md-component=palette] label:not([hidden])").click()
            page.wait_for_function("scheme => document.body.dataset.mdColorScheme !== scheme", arg=seen[-1])
            seen.append(_settled_scheme(page))
            problems += _describe(f"{path} ({seen[-1]})", run_axe(page, colour_rules)[0])
            assert sorted(seen) == sorted(THEMES.values()), path
        assert problems == []
    finally:
        context.close()


def _settled_scheme(page: Page) -> str:
    """The page's colour scheme once the theme has finished switching to it."""
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
    return str(page.evaluate("document.body.dataset.mdColorScheme"))


def test_axe_finds_a_real_violation(browser: Browser) -> None:
    """The harness itself: a page with an unlabeled input and a low-contrast text fails."""
    page = browser.new_page()
    try:
        page.set_content(
            '<!doctype html><html lang="en"><title>t</title><main><h1>t</h1>'
            '<input type="text"><p style="color:#aaa;background:#fff">faint</p></main></html>'
        )
        found = {violation["id"] for violation in run_axe(page)[0]}
        assert {"label", "color-contrast"} <= found
        assert {violation["id"] for violation in run_axe(page, ["color-contrast"])[0]} == {"color-contrast"}
    finally:
        page.close()


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_motion_follows_the_readers_preference(browser: Browser, hosted_url: str, motion: str) -> None:
    context = browser.new_context(reduced_motion=motion)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        page.goto(hosted_url + "/", wait_until="load")
        longest = page.evaluate(
            """() => Math.max(...[...document.querySelectorAll("*")].map(el => {
                const style = getComputedStyle(el);
                return Math.max(...`${style.transitionDuration},${style.animationDuration}`
                  .split(",").map(s => parseFloat(s) * (s.trim().endsWith("ms") ? 0.001 : 1)));
            }))"""
        )
        scroll = page.evaluate("getComputedStyle(document.documentElement).scrollBehavior")
        if motion == "reduce":
            assert longest <= 0.001
            assert scroll == "auto"
        else:
            assert longest > 0.05  # Material animates by default: the check above can fail
    finally:
        context.close()

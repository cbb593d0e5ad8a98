"""The answer stays in view while a reader edits, charts span the content, scenarios sit side by
side and come back from the address (issue 16, items 1-4), in Chromium at a laptop's and a
phone's size."""

from __future__ import annotations

import time
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import Browser, Page

from calculators import registry
from calculators.web import handle
from tests.browser.conftest import Session
from tests.support.build import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SIZES = {"laptop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}

ANSWER_IN_VIEW = """(form) => {
    const inView = (element) => {
        if (!element || element.hidden || !element.getClientRects().length) return false;
        const box = element.getBoundingClientRect();
        const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
        return box.top >= header - 1 && box.bottom <= window.innerHeight + 1 && box.height > 0;
    };
    const root = document.querySelector(form);
    if (inView(root.querySelector("[data-answer]"))) return "answer";
    return inView(root.querySelector("[data-answer-bar]")) ? "bar" : false;
}"""

CHART_WIDTHS = """() => {
    const article = document.querySelector("article.md-content__inner");
    const style = getComputedStyle(article);
    const content = article.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return [...document.querySelectorAll("svg.calc-chart")].map((chart) => ({
        share: chart.getBoundingClientRect().width / content,
        scale: chart.getScreenCTM().a,
        smallest: Math.min(...[...chart.querySelectorAll("text")].map((t) => parseFloat(getComputedStyle(t).fontSize))),
    }));
}"""


@pytest.mark.parametrize("size", sorted(SIZES))
def test_the_answer_stays_in_view_and_charts_span_the_content(browser: Browser, site_url: str, size: str) -> None:
    """Focusing any field of any calculator leaves its answer, or its answer bar, on screen; every
    chart is at least 90% of the article's width with text of at least 12 px, unscaled. Layout
    only: the Python runtime is kept from starting (the pre-rendered answer is the one in view)."""
    context = browser.new_context(viewport=SIZES[size])  # type: ignore[arg-type]
    context.route("**/calculator-worker.mjs*", lambda route: route.abort())
    page = context.new_page()
    started, charts = time.monotonic(), 0
    seen: dict[str, int] = {"answer": 0, "bar": 0}
    try:
        for name, calc in registry().items():
            page.goto(f"{site_url}/calculators/{name}/")
            form = f'form[data-calculator="{name}"]'
            page.wait_for_selector(f"{form}[data-state=error]")  # the page script is running
            page.eval_on_selector_all(f"{form} details", "all => all.forEach((d) => { d.open = true; })")
            for spec in calc.inputs:
                page.focus(f'{form} [name="{spec.name}"]')
                seen[page.wait_for_function(ANSWER_IN_VIEW, arg=form, timeout=2_000).json_value()] += 1
            for chart in page.evaluate(CHART_WIDTHS):
                charts += 1
                assert chart["share"] >= 0.9, (name, size, chart)
                assert chart["scale"] == 1, (name, size, chart)  # never scaled: text at its CSS size
                assert chart["smallest"] >= 12, (name, size, chart)
        assert sum(seen.values()) == sum(len(calc.inputs) for calc in registry().values())
        assert charts >= 2
        if size == "phone":
            assert seen["bar"] > 0  # one column: the bar keeps the answer in view
        else:
            assert seen["answer"] > seen["bar"]  # two columns: the answer itself, sticky
    finally:
        context.close()
    print(f"{size}: {seen} fields, {charts} charts in {time.monotonic() - started:.1f} s")


PAGE = "/calculators/loaded-cost/"
FORM = 'form[data-calculator="loaded-cost"]'
TABLE = f"{FORM} [data-scenario-view] [data-scenarios]"
TWO_COLUMNS = """(table) => {
    const cells = [...document.querySelectorAll(table + " tbody tr:first-child td")];
    return cells.length === 2 && cells[0].dataset.value !== cells[1].dataset.value;
}"""
SAME_HTML = """([selector, html]) => {
    const parsed = document.createElement("div");
    parsed.innerHTML = html;
    return parsed.innerHTML === document.querySelector(selector)?.innerHTML;
}"""


def _python_table(page: Page) -> str:
    """The scenarios' HTML CPython makes from the page's address (the page's own prefix is empty)."""
    query = parse_qsl(urlsplit(page.url).query, keep_blank_values=True)
    fields = [[key, value] for key, value in query if "." not in key]
    kept = [[key, value] for key, value in query if "." in key]
    answer = handle({"calculator": "loaded-cost", "fields": fields, "scenarios": kept})
    assert answer["ok"], answer
    return str(answer["scenarios"]["html"])


# The page's answers can be held back and let through on cue, as a slow phone would deliver them:
# a name typed while an answer is on its way must not be replaced by the name that answer carries.
HELD_ANSWERS = """(() => {
    window.calculatorConfig = { debounceMs: 1000 };
    window.heldAnswers = null; // a list while answers are held
    window.releaseAnswers = () => {
        const held = window.heldAnswers || [];
        window.heldAnswers = null;
        held.forEach((deliver) => deliver());
    };
    const listen = Worker.prototype.addEventListener;
    Worker.prototype.addEventListener = function (type, handler, ...rest) {
        if (type !== "message") return listen.call(this, type, handler, ...rest);
        const held = (event) => {
            const answer = event.data && event.data.type === "result";
            if (window.heldAnswers && answer) window.heldAnswers.push(() => handler(event));
            else handler(event);
        };
        return listen.call(this, type, held, ...rest);
    };
})();"""


def test_scenarios_side_by_side_survive_a_reload(session: Session, site_url: str) -> None:
    page = session.page
    session.context.add_init_script(HELD_ANSWERS)
    page.goto(site_url + PAGE)
    session.wait_state("ready")
    page.evaluate("() => { window.heldAnswers = []; }")
    page.click(f"{FORM} [data-scenario-save]")
    page.wait_for_function("() => window.heldAnswers.length === 1")  # the answer to the save, held
    page.fill(f'{FORM} [data-scenario-name="1"]', "Mid <b>level</b>")
    page.fill(f'{FORM} [name="base_salary"]', "150,000")
    page.evaluate("() => window.releaseAnswers()")  # it arrives after the new name, with the old one
    page.wait_for_function(TWO_COLUMNS, arg=TABLE, timeout=10_000)
    page.wait_for_function(
        "(table) => document.querySelector(table + ' thead').textContent.includes('Mid <b>level</b>')",
        arg=TABLE,
        timeout=10_000,
    )
    query = dict(parse_qsl(urlsplit(page.url).query, keep_blank_values=True))
    assert query["s1.name"] == "Mid <b>level</b>"
    assert query["base_salary"] == "150,000"
    assert len([key for key in query if key.startswith("s1.")]) == len(registry()["loaded-cost"].inputs) + 1
    assert page.evaluate(SAME_HTML, [f"{FORM} [data-scenario-view]", _python_table(page)])  # Python's table
    assert page.query_selector(f"{TABLE} b") is None  # the name stays text
    shown = page.inner_html(TABLE)

    # The same address, with a stale scenario parameter, shows the same comparison and a note.
    page.goto(page.url + "&s2.no_such_field=1")
    session.wait_state("ready")
    page.wait_for_function(TWO_COLUMNS, arg=TABLE, timeout=10_000)
    assert page.inner_html(TABLE) == shown
    assert page.input_value(f'{FORM} [data-scenario-name="1"]') == "Mid <b>level</b>"
    assert "“s2.no_such_field” is not a field of" in page.inner_text(f"{FORM} [data-scenario-view]")
    # The scenarios as shown (list, names, table, note) pass axe like the rest of the page.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate("(form) => axe.run(document.querySelector(form), {resultTypes: ['violations']})", FORM)
    assert [violation["id"] for violation in found["violations"]] == []
    assert not session.errors, session.errors

"""The loaded-cost calculator in headless Chromium against the built site."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from calculators import registry
from calculators.parsing import unparse
from calculators.web import handle
from tests.browser.conftest import Session

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE = "/calculators/loaded-cost/"


SAME_HTML = """([selector, html]) => {
    // Links compared as addresses: Material's instant navigation rewrites each href in full.
    const resolved = (element) => {
        for (const link of element.querySelectorAll("a[href]")) link.setAttribute("href", link.href);
        return element.innerHTML;
    };
    const parsed = document.createElement("div");
    parsed.innerHTML = html;
    const shown = document.querySelector(selector);
    return Boolean(shown) && resolved(parsed) === resolved(shown.cloneNode(true));
}"""


def _same_html(page: Page, selector: str, html: str) -> bool:
    """Whether the element's content is ``html`` (compared after the browser's own parsing)."""
    return bool(page.evaluate(SAME_HTML, [selector, html]))


SOURCES = "../../sources/"  # the Sources page from a calculator's page, as the form tells Python


def cpython(**fields: str) -> dict[str, object]:
    request = {"calculator": "loaded-cost", "fields": [[k, v] for k, v in fields.items()], "sources_href": SOURCES}
    answer = handle(request)
    assert answer["ok"], answer
    return answer


def foreign(requests: list[str], site_url: str) -> list[str]:
    origin = urlsplit(site_url).netloc
    return [url for url in requests if not url.startswith("data:") and urlsplit(url).netloc != origin]


def test_reaches_ready_and_follows_cpython(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(site_url + PAGE)
    form = session.calculator()
    assert page.get_attribute(form, "data-state") in {"static", "loading", "ready"}
    session.wait_state("ready")
    # The pre-rendered example is what CPython computes from the defaults.
    assert session.output("total_annual") == json.dumps(cpython()["outputs"]["total_annual"])  # type: ignore[index]

    page.fill('[name="base_salary"]', "150,000")
    page.fill('[name="overhead_pct"]', "25")
    expected = cpython(base_salary="150,000", overhead_pct="25")
    session.wait_output("total_annual", expected["outputs"]["total_annual"])  # type: ignore[index]
    assert page.get_attribute(form, "data-stale") is None
    # The panel is exactly CPython's HTML (compared after the browser's own parsing).
    assert _same_html(page, f"{form} [data-results]", str(expected["html"]))
    assert page.text_content("[data-announce]")

    # A field that follows the level shows the new default until the reader sets it.
    page.goto(site_url + PAGE)
    session.wait_state("ready")
    page.select_option('[name="level"]', "senior")
    senior = cpython(level="senior")
    session.wait_output("total_annual", senior["outputs"]["total_annual"])  # type: ignore[index]
    assert page.input_value('[name="base_salary"]') == senior["fields"]["base_salary"]  # type: ignore[index]
    assert "level=senior" in page.url
    assert "base_salary" not in page.url

    assert not session.errors, session.errors
    assert not foreign(session.requests, site_url)
    assert any(url.endswith("pyodide.asm.wasm") for url in session.requests), "worker requests are recorded"


def test_invalid_input_shows_inline_error_and_keeps_stale_result(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(site_url + PAGE)
    session.wait_state("ready")
    before = session.output("total_annual")
    page.fill('[name="base_salary"]', "150.000")
    slot = '[data-error-for="base_salary"]'
    page.wait_for_selector(f"{slot}:not([hidden])", timeout=10_000)
    assert "Base salary" in (page.text_content(slot) or "")
    field = page.locator('[name="base_salary"]')
    assert field.get_attribute("aria-invalid") == "true"
    error_id = page.get_attribute(slot, "id")
    assert error_id in (field.get_attribute("aria-describedby") or "").split()
    assert page.get_attribute(session.calculator(), "data-stale") == ""
    assert session.output("total_annual") == before

    page.fill('[name="base_salary"]', "150000")
    session.wait_output("total_annual", cpython(base_salary="150000")["outputs"]["total_annual"])  # type: ignore[index]
    assert field.get_attribute("aria-invalid") is None
    assert page.is_hidden(slot)
    assert page.get_attribute(session.calculator(), "data-stale") is None
    assert not session.errors, session.errors


def test_shared_address_restores_and_computes(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(site_url + PAGE + "?level=senior&base_salary=150%2C000&overhead_pct=25")
    assert page.input_value('[name="base_salary"]') == "150,000"
    session.wait_state("ready")
    expected = cpython(level="senior", base_salary="150,000", overhead_pct="25")
    session.wait_output("total_annual", expected["outputs"]["total_annual"])  # type: ignore[index]
    assert page.input_value('[name="level"]') == "senior"
    assert page.input_value('[name="overhead_pct"]') == "25"
    assert page.get_attribute(session.calculator(), "data-stale") is None
    assert not session.errors, session.errors


def test_shared_address_with_a_bad_value_shows_its_error(session: Session, site_url: str) -> None:
    page = session.page
    page.goto(site_url + PAGE + "?overhead_pct=lots")
    session.wait_state("ready")
    page.wait_for_selector('[data-error-for="overhead_pct"]:not([hidden])', timeout=10_000)
    assert page.input_value('[name="overhead_pct"]') == "lots"
    assert page.get_attribute('[name="overhead_pct"]', "aria-invalid") == "true"


def test_guide_pages_download_no_pyodide(session: Session, site_url: str) -> None:
    page = session.page
    for path in ("/", "/red-flags/", "/faq/", "/sources/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        assert not page.query_selector("form[data-calculator]")
    assert len(session.requests) > 3
    assert not [url for url in session.requests if "/assets/pyodide/" in url or "calculator-worker" in url]
    assert not session.errors, session.errors


def test_one_worker_serves_the_visit_from_a_sub_path(session: Session, subpath_site_url: str) -> None:
    page = session.page
    page.goto(subpath_site_url + "/red-flags/")
    page.wait_for_load_state("networkidle")
    # Instant navigation to the calculator starts the runtime; away and back reuses it.
    page.click('.md-nav a[href$="calculators/loaded-cost/"]')
    session.wait_state("ready")
    page.click('.md-nav a[href$="red-flags/"]')
    page.wait_for_selector("form[data-calculator]", state="detached")
    page.click('.md-nav a[href$="calculators/loaded-cost/"]')
    session.wait_state("ready", timeout=5_000)
    page.fill('[name="overhead_pct"]', "27")
    session.wait_output("total_annual", cpython(overhead_pct="27")["outputs"]["total_annual"])  # type: ignore[index]
    wasm = [url for url in session.requests if url.endswith("pyodide.asm.wasm")]
    assert len(wasm) == 1, wasm
    assert not session.errors, session.errors


def test_every_calculator_page_runs_with_one_worker(session: Session, subpath_site_url: str) -> None:
    """Each registered calculator's page reaches ready and follows CPython, on one worker."""
    page = session.page
    page.goto(subpath_site_url + "/calculators/")
    for name, calc in registry().items():
        page.click(f'.md-nav a[href$="calculators/{name}/"]')
        session.wait_state("ready", name=name)
        form = session.calculator(name)
        preset = page.eval_on_selector_all(  # a worked example's fields, when the page gives one
            f"{session.calculator(name)} [data-preset]",
            "els => els.map(e => [e.name, e.type === 'checkbox' ? (e.checked ? 'yes' : 'no') : e.value])",
        )
        default = handle({"calculator": name, "fields": preset, "sources_href": SOURCES})
        assert _same_html(page, f"{form} [data-results]", str(default["html"])), name
        spec = next((spec for spec in calc.inputs if spec.kind in {"number", "integer"}), calc.inputs[0])
        control = f'{form} [name="{spec.name}"]'
        page.eval_on_selector(control, "el => { if (el.closest('details')) el.closest('details').open = true; }")
        if spec.kind == "choice":
            value = spec.choices[-1].value
            page.select_option(control, value)
        else:
            value = unparse(spec, spec.minimum if spec.minimum is not None else 1)
            page.fill(control, value)
        expected = handle(
            {
                "calculator": name,
                "fields": [*(p for p in preset if p[0] != spec.name), [spec.name, value]],
                "sources_href": SOURCES,
            }
        )
        if expected["ok"]:
            page.wait_for_function(SAME_HTML, arg=[f"{form} [data-results]", expected["html"]], timeout=10_000)
        else:
            field = next(iter(expected["errors"]))
            page.wait_for_selector(f'{form} [data-error-for="{field}"]:not([hidden])', timeout=10_000)
    wasm = [url for url in session.requests if url.endswith("pyodide.asm.wasm")]
    assert len(wasm) == 1, wasm
    assert not session.errors, session.errors

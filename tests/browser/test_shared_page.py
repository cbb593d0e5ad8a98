"""Two calculators on one page: each reads and writes its own NAME.field address parameters."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

from calculators.web import handle
from tests.browser.conftest import Session
from tests.support.build import build, copy_project
from tests.support.server import serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHARED_PAGE = """# Two calculators

{{ calculator("loaded-cost", prefix="loaded-cost") }}

{{ calculator("bad-hire", prefix="bad-hire") }}
"""


@pytest.fixture(scope="module")
def shared_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("shared-project"))
    (project / "docs" / "shared.md").write_text(SHARED_PAGE, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("\nnav:\n", "\nnav:\n  - Two calculators: shared.md\n", 1), encoding="utf-8")
    site = project / "site"
    done = build(project, site)
    assert done.returncode == 0, done.stderr[-4000:]
    with serve(site) as url:
        yield url


def expected(name: str, **fields: str) -> float:
    answer = handle({"calculator": name, "fields": [[k, v] for k, v in fields.items()]})
    outputs = answer["outputs"]
    assert isinstance(outputs, dict)
    return float(next(iter(outputs.values())))


def test_each_calculator_keeps_to_its_own_parameters(session: Session, shared_site_url: str) -> None:
    page = session.page
    page.goto(shared_site_url + "/shared/?loaded-cost.overhead_pct=27&bad-hire.level=senior&overhead_pct=99")
    session.wait_state("ready", name="loaded-cost")
    session.wait_state("ready", name="bad-hire")
    loaded = 'form[data-calculator="loaded-cost"]'
    bad = 'form[data-calculator="bad-hire"]'
    assert page.input_value(f'{loaded} [name="overhead_pct"]') == "27"
    assert page.input_value(f'{bad} [name="level"]') == "senior"
    first = "[data-output]"
    page.wait_for_function(
        "([selector, value]) => Number(document.querySelector(selector).dataset.value) === value",
        arg=[f"{loaded} {first}", expected("loaded-cost", overhead_pct="27")],
        timeout=10_000,
    )
    page.wait_for_function(
        "([selector, value]) => Number(document.querySelector(selector).dataset.value) === value",
        arg=[f"{bad} {first}", expected("bad-hire", level="senior")],
        timeout=10_000,
    )
    page.fill(f'{loaded} [name="recruiting_fee"]', "5000")
    page.wait_for_function("() => location.search.includes('recruiting_fee')")
    query = parse_qs(urlsplit(page.url).query)
    assert query["loaded-cost.recruiting_fee"] == ["5000"]
    assert query["loaded-cost.overhead_pct"] == ["27"]
    assert query["bad-hire.level"] == ["senior"]
    assert query["overhead_pct"] == ["99"]  # not ours: left alone
    assert not page.is_visible(f'{loaded} [data-error-for="overhead_pct"]')
    assert not session.errors, session.errors

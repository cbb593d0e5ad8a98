"""The DOM contract is named once (calculators/dom.py): the page script and the stylesheets
may spell its attributes as literals, but only attributes the contract defines."""

from __future__ import annotations

import re

from calculators import dom
from tests.support.build import ROOT

ASSETS = ROOT / "docs" / "assets"
LITERAL = re.compile(r"\bdata-([a-z][a-z0-9-]*)")
DATASET = re.compile(r"\bdataset(?:\.([a-zA-Z][a-zA-Z0-9]*)|\[\s*[\"']([a-zA-Z][a-zA-Z0-9]*)[\"']\s*\])")


def kebab(name: str) -> str:
    """``errorFor`` -> ``data-error-for`` (how ``element.dataset`` names an attribute)."""
    return "data-" + re.sub(r"[A-Z]", lambda match: "-" + match[0].lower(), name)


def used_in(text: str) -> set[str]:
    found = {f"data-{name}" for name in LITERAL.findall(text)}
    found |= {kebab(first or second) for first, second in DATASET.findall(text)}
    return {name for name in found if not name.startswith("data-md-")}  # Material's own


def test_the_scripts_and_stylesheets_use_only_the_contracts_attributes() -> None:
    files = [*ASSETS.glob("js/*.js"), *ASSETS.glob("js/*.mjs"), *ASSETS.glob("css/*.css")]
    assert files
    unknown = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in files
        for name in used_in(path.read_text("utf-8")) - set(dom.ATTRIBUTES)
    }
    assert unknown == set()


def test_the_check_reads_both_spellings() -> None:
    assert used_in('el.dataset.errorFor; el.dataset["urlPrefix"]; q("[data-output]"); [data-md-color-scheme]') == {
        dom.ERROR_FOR,
        dom.URL_PREFIX,
        dom.OUTPUT,
    }


def test_every_attribute_is_a_data_attribute_named_once() -> None:
    assert len(dom.ATTRIBUTES) == len(set(dom.ATTRIBUTES))
    assert all(re.fullmatch(r"data-[a-z][a-z0-9-]*", name) for name in dom.ATTRIBUTES)
    assert dom.selector(dom.OUTPUT, "total") == '[data-output="total"]'

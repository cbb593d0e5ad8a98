"""A copy of the project with its data edited the way an editor would, built once per session.

Several tests need a build from changed data (a figure changed, every amount in another
currency, a rubric area, a red flag and a country added); one copy carries all the edits, so the suite
builds it, and its PDF, only once. Every edit is to ``data/`` only: no Python changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.support.build import build, copy_project

OLD_SENIOR, NEW_SENIOR = "senior: {min: 140000,", "senior: {min: 141000,"
CURRENCY = ("USD", "EUR")

NEW_AREA_KEY = "api-design"
NEW_AREA = """
  api-design:
    title: "API design: versioning a public endpoint"
    kind: interview
    prompt: >-
      A customer integration depends on an endpoint you must change. How do you change it
      without breaking them?
    reveals: Whether they think about the people who call an API, not only the code behind it.
    rubric:
      source: editorial
      levels:
        weak: Changes the endpoint in place and tells nobody.
        mixed: Adds a version number but has no plan for retiring the old one.
        solid: Versions the change, announces a deprecation date and measures who still calls the old one.
        excellent: All of that, and designs the next change so that it needs no new version.
    plain:
      source: editorial
      strong: Talks about the customers who call the endpoint before the code behind it.
      weak: Would change it and let customers find out.
    follow_ups:
      - How would you know who still calls the old version?
    source: editorial
"""
NEW_AREA_WEIGHT = "    api-design: 5\n"
NEW_FLAG_KEY = "ghosting"
NEW_FLAG = """
ghosting:
  title: Goes quiet between interviews
  looks_like: Days pass without an answer to a scheduling message, then a reply as if nothing happened.
  why_it_matters: A small team depends on people who answer; silence during hiring rarely improves after it.
  check: Ask plainly about it; a real reason such as a family matter clears it.
  check_source: editorial
  shows_in: [references]
  source: editorial
"""


NEW_COUNTRY_KEY = "tl"
NEW_COUNTRY_LABEL = "Testland (a fixture)"
NEW_COUNTRY_LINE = "Testland social levy, employer's share"
NEW_COUNTRY = """
tl:
  label: Testland (a fixture)
  currency: SEK
  locale: sv_SE
  limits:
    levy-ceiling:
      label: Testland levy ceiling
      amount: 50000
      per: month
      source: editorial
      reason: A fixture for the tests, not a real rule.
  contributions:
    levy:
      label: Testland social levy, employer's share
      kind: percent
      rate_pct: 10
      up_to: levy-ceiling
      source: editorial
      reason: A fixture for the tests, not a real rule.
  pay:
    measures: A fixture pay figure for the tests, not a real one
    value: 40000
    currency: SEK
    per: month
    source: editorial
    reason: A fixture for the tests, not a real figure.
  left_out:
    - text: Everything real; Testland is a fixture.
      source: editorial
"""
"""A country that exists only in the edited copy: data only, no Python change."""


NEW_SENIOR_BAND = "€141,000–€200,000"
"""How the edited senior band reads on a page."""
SHOWN_EDITS = (
    NEW_SENIOR_BAND,
    str(yaml.safe_load(NEW_AREA)[NEW_AREA_KEY]["title"]),
    str(yaml.safe_load(NEW_FLAG)[NEW_FLAG_KEY]["title"]),
    NEW_COUNTRY_LABEL,
)
"""Text that only the edits put on a page."""


def shows_an_edit(text: str) -> bool:
    return any(shown in text for shown in SHOWN_EDITS)


@dataclass(frozen=True)
class Edited:
    project: Path
    site: Path


def _replace(path: Path, old: str, new: str, *, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture is stale: {old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def edit(data: Path) -> None:
    """The edits: one figure, every currency, a new rubric area, a new red flag and a new country."""
    _replace(data / "pay.yaml", OLD_SENIOR, NEW_SENIOR)
    for path in sorted(data.glob("*.yaml")):
        path.write_text(path.read_text(encoding="utf-8").replace(*CURRENCY), encoding="utf-8")
    _replace(data / "interview.yaml", "\n  references:\n", NEW_AREA.rstrip("\n") + "\n\n  references:\n")
    _replace(data / "scorecard.yaml", "    references: ", NEW_AREA_WEIGHT + "    references: ")
    with (data / "red_flags.yaml").open("a", encoding="utf-8") as handle:
        handle.write(NEW_FLAG)
    with (data / "employer_costs.yaml").open("a", encoding="utf-8") as handle:
        handle.write(NEW_COUNTRY)


DOLLARS = re.compile(r"(?<![A-Z])\$\s?\d[\d,.]*")
"""A dollar amount as text: ``$14,900`` (not another currency's ``R$ 7.210`` or ``CA$95,000``)."""


def stray_dollars(text: str, project: Path) -> list[str]:
    """Dollar amounts in ``text`` that are not quoted in the edited data's own words (a survey's
    "$14,900", a document's title): after every currency code became EUR, any other is a figure
    of ours left in dollars."""
    quoted = {
        " ".join(amount.split()).rstrip(",.")
        for path in (project / "data").glob("*.yaml")
        for amount in DOLLARS.findall(path.read_text(encoding="utf-8"))
    }
    return [amount for amount in DOLLARS.findall(text) if " ".join(amount.split()).rstrip(",.") not in quoted]


def edited_in(folder: Path) -> Edited:
    """The edited copy :func:`build_edited` made in ``folder``."""
    return Edited(project=folder / "project", site=folder / "site")


def build_edited(folder: Path) -> Edited:
    made = edited_in(folder)
    copy_project(made.project)
    edit(made.project / "data")
    done = build(made.project, made.site)
    assert done.returncode == 0, done.stderr[-4000:]
    return made

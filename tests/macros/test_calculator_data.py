"""The calculators' data files: bad values stop the build naming file, key and reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from calculators.figures import Citation
from macros.data import DataError, load_data
from macros.figures import catalogue, lookup
from tests.support.build import ROOT

DATA = ROOT / "data"

# (case, file, old text, new text, file named, key named, words in the reason)
BAD = [
    ("driver missing", "bad_hire.yaml", "  severance_months:", "  severance_mnths:", "bad_hire.yaml",
     "drivers.severance_months", "a calculator reads it"),
    ("percent driver above 100", "bad_hire.yaml", "value: 50\n", "value: 150\n", "bad_hire.yaml",
     "drivers.productivity_pct", "cannot exceed 100"),
    ("driver with an unknown source", "bad_hire.yaml", "against what they cost.\n    source: editorial",
     "against what they cost.\n    source: hearsay", "bad_hire.yaml", "drivers.output_value_multiple.source",
     "unknown source 'hearsay'"),
    ("deadline with a count and a date", "rules.yaml", "    by: their first day of work\n",
     "    by: their first day of work\n    within: 2\n    unit: day\n    of: hiring\n", "rules.yaml",
     "deadlines.i9_section1", "give either within, unit and of, or by"),
    ("deadline in an unknown unit", "rules.yaml", "    unit: business day\n", "    unit: fortnight\n", "rules.yaml",
     "deadlines.i9_section2.unit", "'day', 'business day' or 'month'"),
    ("plain cue missing", "interview.yaml", "      weak: >-\n        Starts naming",
     "      wek: >-\n        Starts naming",
     "interview.yaml", "areas.system-design.plain.weak", "required key is missing"),
    ("engagement level unknown", "engagement.yaml", "level: mid", "level: principal", "engagement.yaml",
     "defaults.level", "unknown level"),
    ("agency region unknown", "engagement.yaml", "agency_region: us", "agency_region: mars", "engagement.yaml",
     "defaults.agency_region", "unknown region"),
    ("bands out of order", "scorecard.yaml", "min_score: 60", "min_score: 90", "scorecard.yaml",
     "recommendation", "highest min_score down"),
    ("last band above zero", "scorecard.yaml", "min_score: 0,", "min_score: 10,", "scorecard.yaml",
     "recommendation", "must start at 0"),
    ("scorecard area missing", "scorecard.yaml", "    hindsight: 10\n", "", "scorecard.yaml",
     "weights.points.hindsight", "required key is missing"),
    ("role answer names an unknown area", "role.yaml", "areas: [system-design, database]",
     "areas: [system-design, databse]", "role.yaml", "questions.work.answers.api.areas", "unknown interview area"),
    ("role answer names an unknown level", "role.yaml", "seniority: senior", "seniority: staff", "role.yaml",
     "questions.work.answers.data-pipeline.seniority", "unknown level"),
    ("rule names an unknown answer", "role.yaml", "when: {work: migration}", "when: {work: migrate}", "role.yaml",
     "engagement[1].when", "has no answer 'migrate'"),
    ("last rule has conditions", "role.yaml", "when: {}", "when: {ai: none}", "role.yaml", "engagement[3]",
     "must have no conditions"),
    ("default is not an answer", "role.yaml", "default: api", "default: apis", "role.yaml", "questions.work.default",
     "is not one of the answers"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "file", "old", "new", "named", "key", "reason"), BAD, ids=[case[0] for case in BAD])
def test_bad_calculator_data_names_file_key_and_reason(
    tmp_path: Path, *, name: str, file: str, old: str, new: str, named: str, key: str, reason: str
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{name}: fixture is stale"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_data(folder)
    matching = [p for p in caught.value.problems if p.file == f"data/{named}" and p.key.startswith(key)]
    assert matching, f"no problem for {named} {key}: {caught.value}"
    assert any(reason in p.message for p in matching), str(caught.value)


def test_calculator_figures_are_in_the_catalogue() -> None:
    figures = catalogue(load_data(DATA))
    assert lookup(figures, "bad_hire.output_value_multiple").text == "1.5×"
    assert lookup(figures, "rules.i9_section2").text == "within 3 business days of the employee's first day of work"
    assert lookup(figures, "rules.i9_section2.time").text == "3 business days"
    assert lookup(figures, "rules.i9_section1").text == "by their first day of work"
    assert "rules.i9_section1.time" not in figures  # a deadline named in words has no count to show
    assert lookup(figures, "rules.threshold.form_1099_nec").text == "$2,000"
    assert lookup(figures, "eor.price").inline() == "$599 a month"
    assert lookup(figures, "process.slow_query_rows").text == "1,000,000 rows"
    assert lookup(figures, "bad_hire.severance_months").text == "1 month"
    assert lookup(figures, "equity.valuation").citation == Citation("editorial")
    assert lookup(figures, "scorecard.band.hire").text == "60"
    assert lookup(figures, "scorecard.weight_total").text == "100 points"
    assert lookup(figures, "engagement.months").text == "12 months"

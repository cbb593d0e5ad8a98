"""``scorecard``: one structured interview scored the same way for every candidate.

Each rubric area is scored 1-4 (or left unscored) and weighted in points; only the ratio
between weights matters, and the starting weights from data add up to 100 so each reads
as a percentage. The score from 0 to 100 is (weighted mean of the scored areas − 1) ÷ 3
× 100: all areas at 1 gives 0, all at 4 gives 100. The recommendation band comes from the
thresholds in ``data/scorecard.yaml``; ticked red flags are shown next to it.

:func:`compare_table` and :func:`compare_csv` put several candidates' results side by side
(for the page's comparison view and its CSV export); they take the records that
:func:`calculators.results.as_record` returns, so the browser can call them directly.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from calculators import fields
from calculators.figures import Figures, shipped
from calculators.formatting import half_up, number
from calculators.spec import (
    Calculator,
    Choice,
    Column,
    Comparison,
    Group,
    Input,
    Inputs,
    Line,
    Output,
    Result,
    Table,
    assumption,
    citations_of,
)

NAME = "scorecard"
MAX_WEIGHT = 100
NOT_SCORED = "Not scored"


def field(prefix: str, key: str) -> str:
    """The input name for an area or flag key: ``score_system_design``, ``flag_no_questions``."""
    return f"{prefix}_{key.replace('-', '_')}"


@dataclass(frozen=True)
class Area:
    """An interview area as the scorecard weighs it: its key, short title and starting weight."""

    key: str
    title: str
    weight: float


def areas_of(figures: Figures) -> tuple[Area, ...]:
    """The rubric's areas in interview order, each with the scorecard's starting weight."""
    weights = figures.scorecard.weights.points
    return tuple(Area(key, area.short_title, weights[key]) for key, area in figures.interview.areas.items())


def build(figures: Figures) -> Calculator:
    areas = areas_of(figures)
    levels = figures.rubric_labels
    bands = figures.scorecard.recommendation.bands
    flags = {key: flag.title for key, flag in figures.red_flags.items()}
    needed = min(figures.scorecard.recommendation.min_scored_areas, len(areas))
    capped_at = next(index for index, band in enumerate(bands) if band.key == figures.scorecard.knockouts.cap)
    cap_label = bands[capped_at].label.lower()
    lowest = min(levels)

    def compute(inputs: Inputs) -> Result:
        scored: list[tuple[Area, int, float]] = []
        for area in areas:
            raw = inputs[field("score", area.key)]
            if raw is not None:
                scored.append((area, int(str(raw)), inputs.number(field("weight", area.key))))
        total_weight = sum(weight for _, _, weight in scored)
        ticked = [label for key, label in flags.items() if inputs.flag(field("flag", key))]
        warnings: list[str] = []

        points = {
            area.key: (score - 1) / 3 * 100 * weight / total_weight for area, score, weight in scored if total_weight
        }
        if scored and total_weight > 0:
            score_value = sum(points.values())
            mean = sum(score * weight for _, score, weight in scored) / total_weight
            # Banded on the score as shown (6 places), so 59.9999999 from float sums reads as 60.
            band = next(band for band in bands if round(score_value, 6) >= band.min_score)
            recommendation, meaning = band.label, band.meaning
        else:
            score_value, mean = 0.0, 0.0
            recommendation = NOT_SCORED
            meaning = "Score at least one area with a weight above 0."
            warnings.append(
                "No area is scored with a weight above 0, so there is no score yet."
                if scored
                else "No area is scored yet."
            )
        if scored and len(scored) < needed:
            warnings.append(
                f"Only {len(scored)} of {len(areas)} areas are scored; a score from fewer than {needed} rests "
                "on too little evidence."
            )
        knockouts = [f"red flag: {label}" for label in ticked]
        knockouts += [
            f"{levels[lowest].lower()} in {area.title}"
            for area, score, weight in scored
            if score == lowest and weight > 0
        ]
        capped = False
        if knockouts and recommendation != NOT_SCORED:
            found = next(index for index, item in enumerate(bands) if item.label == recommendation)
            if found < capped_at:
                capped = True
                recommendation, meaning = bands[capped_at].label, bands[capped_at].meaning
                warnings.append(f"Capped at {cap_label} whatever the score, because of: {'; '.join(knockouts)}.")
        if ticked:
            warnings.append("Red flags ticked: " + "; ".join(ticked) + ". Talk them through before any offer.")

        breakdown: list[Line] = []
        rows: list[tuple[float | int | str, ...]] = []
        for area in areas:
            raw = inputs[field("score", area.key)]
            weight = inputs.number(field("weight", area.key))
            if raw is None:
                breakdown.append(Line(area.title, 0.0, "not scored: left out of the mean", kind="number"))
                rows.append((area.title, NOT_SCORED, number(weight), 0.0, 0.0))
                continue
            score = int(str(raw))
            share = weight / total_weight * 100 if total_weight > 0 else 0.0
            breakdown.append(
                Line(
                    area.title,
                    points.get(area.key, 0.0),
                    f"({score} {levels[score]} − 1) ÷ 3 × 100 × weight {number(weight)} ÷ "
                    f"{number(total_weight)} scored weight",
                    kind="number",
                )
            )
            rows.append((area.title, f"{score} {levels[score]}", number(weight), share, points.get(area.key, 0.0)))
        breakdown.append(
            Line(
                "Score",
                score_value,
                "the sum of the areas' points = (weighted mean of the scored areas − 1) ÷ 3 × 100",
                kind="number",
            )
        )
        table = Table(
            caption="Score by area",
            columns=(
                Column("Area", "text"),
                Column("Score", "text"),
                Column("Weight (points)", "text"),
                Column("Share of the scored weight", "percent"),
                Column("Points toward the score", "number"),
            ),
            rows=tuple(rows),
        )
        who = inputs.text("candidate") if inputs["candidate"] else "This candidate"
        if recommendation == NOT_SCORED:
            answer = (
                "No scored area carries any weight yet, so there is no score: give a scored area a weight above 0."
                if scored
                else "No area is scored yet: score the areas you covered to see a score out of 100 and a "
                "recommendation."
            )
        else:
            said = f"{who} scores {number(half_up(score_value))} out of 100 on {len(scored)} of {len(areas)} areas"
            answer = (
                f"{said}, but a knock-out caps the recommendation at “{recommendation}”."
                if capped
                else f"{said}: “{recommendation}”."
            )
        return Result(
            answer=answer,
            outputs={
                "candidate": inputs.text("candidate") if inputs["candidate"] else "",
                "score": score_value,
                "weighted_mean": mean,
                "recommendation": recommendation,
                "recommendation_meaning": meaning,
                "red_flags": "; ".join(ticked) if ticked else "None ticked",
                "red_flag_count": len(ticked),
                "knockouts": "; ".join(knockouts),
                "scored_areas": len(scored),
            },
            breakdown=tuple(breakdown),
            warnings=tuple(warnings),
            tables=(table,),
        )

    thresholds = ", ".join(f"{band.label} from {number(band.min_score)}" for band in bands)
    return Calculator(
        name=NAME,
        title="Interview scorecard",
        summary=(
            "Score every candidate on the same rubric areas; the weighted score from 0 to 100 and its band are an "
            "estimate that helps compare candidates, not a verdict."
        ),
        inputs=_inputs(figures),
        outputs=(
            Output("candidate", "Candidate", "text"),
            Output("score", "Score", "number", "out of 100"),
            Output("weighted_mean", "Weighted mean", "number", "on the 1-4 scale"),
            Output("recommendation", "Recommendation", "text"),
            Output("recommendation_meaning", "What it means", "text"),
            Output("red_flags", "Red flags", "text"),
            Output("red_flag_count", "Red flags ticked", "number"),
            Output(
                "knockouts",
                "Knock-outs",
                "text",
                help=f"A ticked red flag or a {levels[lowest].lower()} score in a weighted area caps the "
                f"recommendation at {cap_label}.",
            ),
            Output("scored_areas", "Areas scored", "number", f"of {len(areas)}"),
        ),
        compute=compute,
        assumptions=(
            assumption(
                figures,
                "The score is an estimate built from judgement calls: the same answers scored by another "
                "interviewer may land elsewhere.",
            ),
            assumption(
                figures,
                "Score = (weighted mean of the scored areas − 1) ÷ 3 × 100; unscored areas are left out, not "
                "counted as zero.",
            ),
            assumption(
                figures,
                "Weights are points: only their ratio matters. The starting weights add up to "
                f"{number(sum(area.weight for area in areas))}.",
                figures.scorecard.weights,
            ),
            assumption(figures, f"The bands: {thresholds}.", figures.scorecard.recommendation),
            assumption(
                figures,
                "A ticked red flag, or the lowest score in an area that carries weight, caps the recommendation at "
                f"{cap_label} whatever the "
                "score: a strong average should not hide one disqualifying answer. The score itself is not changed.",
                figures.scorecard.knockouts,
            ),
        ),
        citations=citations_of(
            figures.scorecard.weights,
            figures.scorecard.recommendation,
            figures.scorecard.knockouts,
            figures.interview.scale,
            *figures.red_flags.values(),
        ),
        groups=_groups(figures),
        comparison=Comparison(
            noun="candidate",
            table=lambda records: compare_table(records, figures),
            csv=lambda records: compare_csv(records, figures),
        ),
    )


def _groups(figures: Figures) -> tuple[Group, ...]:
    """The candidate, the scores, the red flags, and the weights (rarely changed) folded away."""
    areas = areas_of(figures)
    return (
        Group("The candidate", ("candidate",)),
        Group("Scores", tuple(field("score", area.key) for area in areas)),
        Group("Red flags seen", tuple(field("flag", key) for key in figures.red_flags)),
        Group("Weights", tuple(field("weight", area.key) for area in areas), folded=True),
    )


def _inputs(figures: Figures) -> tuple[Input, ...]:
    """The candidate's name, a score and a weight for each area, and a tick box for each red flag."""
    levels = figures.rubric_labels
    score_choices = (
        Choice("", NOT_SCORED),
        *(Choice(str(score), f"{score} – {label}") for score, label in levels.items()),
    )
    inputs: list[Input] = [
        Input(
            "candidate",
            "Candidate",
            "text",
            required=False,
            max_length=100,
            private=True,
            help="A name or a code for the candidate, to tell scorecards apart. Optional; it stays in your browser.",
        )
    ]
    for area in areas_of(figures):
        inputs.append(
            Input(
                field("score", area.key),
                area.title,
                "choice",
                choices=score_choices,
                required=False,
                help="Score against the rubric, or leave it not scored.",
            )
        )
        inputs.append(
            fields.count(
                field("weight", area.key),
                f"Weight: {area.title}",
                "points",
                maximum=MAX_WEIGHT,
                whole=False,
                default=area.weight,
                help=f"Starts at {number(area.weight)} points (our assumption). Only the ratio between weights "
                "matters.",
            )
        )
    inputs.extend(
        Input(field("flag", key), flag.title, "yes-no", default=False, help="Tick if you saw this in the interview.")
        for key, flag in figures.red_flags.items()
    )
    return tuple(inputs)


def _cell(value: object) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula gets a leading apostrophe."""
    text = "" if value is None else str(value)
    if text[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        return "'" + text
    return text


def compare_table(records: Iterable[Mapping[str, Any]], figures: Figures | None = None) -> Table:
    """Several candidates' scorecard records side by side, one row each, in the given order."""
    figures = figures or shipped()
    areas = areas_of(figures)
    levels = figures.rubric_labels
    columns = (
        Column("Candidate", "text"),
        Column("Score", "number"),
        Column("Recommendation", "text"),
        Column("Red flags", "text"),
        Column("Knock-outs", "text"),
        *(Column(area.title, "text") for area in areas),
    )
    rows: list[tuple[float | int | str, ...]] = []
    for index, record in enumerate(records, start=1):
        inputs, outputs = record.get("inputs", {}), record.get("outputs", {})
        name = str(outputs.get("candidate") or inputs.get("candidate") or f"Candidate {index}")
        cells: list[float | int | str] = [
            name,
            float(outputs.get("score", 0.0)),
            str(outputs.get("recommendation", "")),
            str(outputs.get("red_flags", "")),
            str(outputs.get("knockouts", "")) or "None",
        ]
        for area in areas:
            raw = inputs.get(field("score", area.key))
            cells.append(NOT_SCORED if raw in {None, ""} else f"{raw} {levels.get(int(str(raw)), '')}".strip())
        rows.append(tuple(cells))
    return Table(caption="Candidates side by side", columns=columns, rows=tuple(rows))


def compare_csv(records: Iterable[Mapping[str, Any]], figures: Figures | None = None) -> str:
    """The side-by-side comparison as CSV text (RFC 4180: comma-separated, CRLF line ends)."""
    # Imported here: only an export needs it, and in the browser it would add about 17 ms to
    # every first start (Pyodide's standard library is compiled on import).
    import csv  # noqa: PLC0415

    table = compare_table(records, figures)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_cell(column.label) for column in table.columns])
    for row in table.rows:
        writer.writerow([_cell(number(cell)) if isinstance(cell, float | int) else _cell(cell) for cell in row])
    return out.getvalue()

"""``role``: from the six "define the role" questions to a concrete hire.

The rules live in ``data/role.yaml`` as a table; this module only applies them:

- seniority: the highest level any answer calls for (levels in the order of ``levels.yaml``);
- engagement model: the first rule whose answers all match;
- skills: every skill the answers name, in question order, without repeats;
- interview areas: the areas named by the most answers (ties in the scorecard's order);
- cost: the band in ``pay.yaml`` for that seniority and engagement model.

Every recommendation says which answers led to it.
"""

from __future__ import annotations

from calculators import fields
from calculators.employer_cost import cited_records, default_choices, employer_cost
from calculators.figures import Figures, MoneyBand, RoleAnswer
from calculators.formatting import about, money_range, span
from calculators.scorecard import areas_of
from calculators.spec import (
    Calculator,
    Column,
    Inputs,
    Line,
    Output,
    Result,
    Table,
    assumption,
    citations_of,
)

NAME = "role"


def _quoted(answers: list[RoleAnswer]) -> str:
    return "; ".join(f"“{answer.label}”" for answer in answers)


def build(figures: Figures) -> Calculator:
    role = figures.role
    questions = role.questions
    level_order = list(figures.levels)
    models = {key: model.label for key, model in role.models.items()}
    rules = role.engagement
    area_titles = {area.key: area.title for area in areas_of(figures)}
    area_order = list(area_titles)
    top = role.top_areas
    currency = figures.pay_currency
    choices = default_choices(figures)
    location = figures.engagement.defaults.freelancer_location
    full_month = figures.quantity("full_time_year") / 12

    def cost(model: str, level: str) -> tuple[float, float, str, str]:
        """The band's ends, its period in words, and where it comes from."""
        level_label = figures.level_label(level)
        band: MoneyBand
        if model == "full-time":
            band = figures.pay.salary[level]
            return band.min, band.max, "a year", f"the {level_label} salary band ({band.region})"
        if model == "freelance":
            rates = figures.pay.freelance[location]
            rate = rates.bands[level]
            return rate.min, rate.max, "an hour", f"the {level_label} range for a freelancer {rates.label}"
        bands = list(figures.pay.agency.values())
        where = " and ".join(band.name for band in bands)
        return min(b.min for b in bands), max(b.max for b in bands), "an hour", f"agency rates ({where})"

    def compute(inputs: Inputs) -> Result:
        chosen = {key: question.answers[inputs.text(key)] for key, question in questions.items()}
        answers = list(chosen.values())

        rank = max(level_order.index(answer.seniority) for answer in answers)
        level = level_order[rank]
        level_because = [answer for answer in answers if answer.seniority == level]
        seniority_why = f"Because of {_quoted(level_because)}: " + " ".join(a.reason for a in level_because)

        rule = next(
            rule for rule in rules if all(inputs.text(question) == answer for question, answer in rule.when.items())
        )
        model = rule.model
        matched = [chosen[question] for question in rule.when]
        engagement_why = (f"Because of {_quoted(matched)}: " if matched else "No special case applies: ") + rule.reason

        skills: dict[str, list[RoleAnswer]] = {}
        areas: dict[str, list[RoleAnswer]] = {}
        for answer in answers:
            for skill in answer.skills:
                skills.setdefault(skill, []).append(answer)
            for area in answer.areas:
                areas.setdefault(area, []).append(answer)
        ranked = sorted(areas, key=lambda key: (-len(areas[key]), area_order.index(key)))[:top]
        areas_text = "; ".join(area_titles[key] for key in ranked)
        areas_why = " ".join(f"{area_titles[key]}: named by {_quoted(areas[key])}." for key in ranked)
        skills_text = "; ".join(skills)
        skills_why = " ".join(f"{skill}: from {_quoted(by)}." for skill, by in skills.items())

        low, high, period, where = cost(model, level)
        level_label = figures.level_label(level)
        cost_text = f"{money_range(low, high, currency)} {period}"
        salary = figures.pay.salary[level]
        loaded_low = employer_cost(figures, salary.min, choices).total
        loaded_high = employer_cost(figures, salary.max, choices).total
        rows: list[tuple[float | int | str, ...]] = [
            ("Seniority", level_label, seniority_why),
            ("Engagement", models[model], engagement_why),
            ("Cost", cost_text, f"From {where}, for {models[model].lower()} at {level_label} level."),
        ]
        rows.extend(("Interview area", area_titles[key], f"Named by {_quoted(areas[key])}.") for key in ranked)
        rows.extend(("Skill", skill, f"From {_quoted(by)}.") for skill, by in skills.items())

        warnings: list[str] = [answer.warning for answer in answers if answer.warning]
        if model != "full-time":
            warnings.append(f"{models[model]} still needs someone in-house to set goals and accept the work.")
            warnings.append(
                f"At a full-time month of {round(full_month)} hours, {models[model].lower()} costs "
                f"{money_range(low * full_month, high * full_month, currency)} a month, against "
                f"{money_range(loaded_low / 12, loaded_high / 12, currency)} for an employee at this level."
            )
        model_words = models[model][:1].lower() + models[model][1:]
        pay = (
            f"on a base salary of {cost_text} (about "
            f"{span(about(loaded_low, currency), about(loaded_high, currency))} a year fully loaded)"
            if model == "full-time"
            else f"at {cost_text}"
        )
        sentence = (
            f"These answers point to a {level_label.lower()} developer, and the model that fits is "
            f"{model_words}, {pay}."
        )
        return Result(
            answer=sentence,
            outputs={
                "seniority": level_label,
                "seniority_because": seniority_why,
                "engagement": models[model],
                "engagement_because": engagement_why,
                "skills": skills_text or "No special skills beyond solid Python.",
                "skills_because": skills_why or "No answer adds a skill.",
                "interview_areas": areas_text or "Weight the areas evenly.",
                "interview_areas_because": areas_why or "No answer makes one area more important.",
                "cost_range": cost_text,
                "cost_low": low,
                "cost_high": high,
                "loaded_cost_low": loaded_low,
                "loaded_cost_high": loaded_high,
            },
            breakdown=(
                Line("Cost, low end", low, f"the low end of {where}, {period}"),
                Line("Cost, high end", high, f"the high end of {where}, {period}"),
                Line(
                    "Employee, fully loaded, low end",
                    loaded_low,
                    f"the {level_label} salary band's low end, fully loaded (the loaded-cost calculator's itemised "
                    "cost with its starting choices), a year",
                ),
                Line(
                    "Employee, fully loaded, high end",
                    loaded_high,
                    f"the {level_label} salary band's high end, fully loaded, a year",
                ),
                *(
                    (
                        Line(
                            "A full-time month, low end",
                            low * full_month,
                            f"the low end × {round(full_month)} hours (a full-time month)",
                        ),
                        Line(
                            "A full-time month, high end",
                            high * full_month,
                            f"the high end × {round(full_month)} hours (a full-time month)",
                        ),
                    )
                    if model != "full-time"
                    else ()
                ),
            ),
            warnings=tuple(warnings),
            tables=(
                Table(
                    caption="How your answers led to each recommendation",
                    columns=(Column("Recommendation", "text"), Column("What", "text"), Column("Because", "text")),
                    rows=tuple(rows),
                ),
            ),
        )

    return Calculator(
        name=NAME,
        title="Role worksheet",
        summary=(
            "Answer the six questions that define the role; the worksheet suggests a seniority, an engagement "
            "model, the skills and interview areas that matter most and an estimated cost range. A starting point, "
            "not a verdict: each suggestion says which answers led to it."
        ),
        inputs=tuple(
            fields.choice(
                key,
                question.label,
                ((answer_key, answer.label) for answer_key, answer in question.answers.items()),
                default=question.default,
                help="Pick the answer closest to your situation.",
            )
            for key, question in questions.items()
        ),
        outputs=(
            Output("seniority", "Seniority", "text"),
            Output("seniority_because", "Why this seniority", "text"),
            Output("engagement", "Engagement model", "text"),
            Output("engagement_because", "Why this model", "text"),
            Output("skills", "Skills to look for", "text"),
            Output("skills_because", "Where the skills come from", "text"),
            Output("interview_areas", "Interview areas to weight most", "text"),
            Output("interview_areas_because", "Why these areas", "text"),
            Output("cost_range", "Pay range", "text", help="Base salary a year for an employee, an hour otherwise."),
            Output("cost_low", "Pay, low end", "money", currency.code, "Base salary a year, or a rate an hour."),
            Output("cost_high", "Pay, high end", "money", currency.code, "Base salary a year, or a rate an hour."),
            Output(
                "loaded_cost_low",
                "An employee's full cost, low end",
                "money",
                fields.per(currency, "a year"),
                "The salary band's low end with taxes, benefits and equipment.",
            ),
            Output(
                "loaded_cost_high",
                "An employee's full cost, high end",
                "money",
                fields.per(currency, "a year"),
                "The salary band's high end with taxes, benefits and equipment.",
            ),
        ),
        compute=compute,
        assumptions=(
            assumption(figures, "These are suggestions from rules of thumb, not a verdict.", role),
            assumption(figures, "The seniority is the highest that any single answer calls for."),
            assumption(
                figures,
                "The engagement model is the first rule whose answers all match; otherwise "
                f"{models[rules[-1].model].lower()}.",
            ),
            assumption(figures, f"The interview areas are the {top} named by the most answers."),
            assumption(
                figures,
                "The pay range is base salary (before taxes and benefits) for an employee and an hourly rate for a "
                "freelancer or an agency; an employee's full cost adds the loaded-cost calculator's itemised cost.",
                next(iter(figures.pay.salary.values())),
                figures.pay.freelance[location],
                *figures.pay.agency.values(),
                figures.employer_costs["us"].start,
            ),
        ),
        citations=citations_of(
            role,
            *figures.pay.salary.values(),
            figures.pay.freelance[location],
            *figures.pay.agency.values(),
            *cited_records(figures),
        ),
        currency=currency,
        headline=("seniority", "engagement", "cost_range", "loaded_cost_low", "loaded_cost_high"),
    )

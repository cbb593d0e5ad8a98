"""``python -m calculators``: list the calculators or run one.

    python -m calculators list [--json]
    python -m calculators run NAME [field=value ...] [sN.field=value ...] [--json]

``sN.field=value`` (and ``sN.name=...``) keeps scenario N beside the result, as the page's
address does: the output then sets each scenario's headline outputs beside the current ones,
with their differences (``--json``: a ``scenarios`` object). Parameters it cannot read are
ignored with a note.
Bad input exits with status 2, a message on stderr naming the field and what it accepts,
and with ``--json`` also ``{"errors": {field: message}}`` on stdout. So do missing or stale
figures (key ``figures``: the message says which command writes them). Never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from calculators import UnknownCalculator, get, registry, scenarios
from calculators.figures import FiguresUnavailable
from calculators.parsing import InputErrors
from calculators.results import CalculationError, Presented, calculate, dumps, present

USAGE_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"error: {message}", file=sys.stderr)
        raise SystemExit(USAGE_ERROR)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m calculators", description="Hiring calculators (figures from data/).")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    listing = commands.add_parser("list", help="list the calculators and their fields")
    listing.add_argument("--json", action="store_true", help="print machine-readable JSON")
    run = commands.add_parser("run", help="run one calculator")
    run.add_argument("name", help="the calculator, e.g. loaded-cost")
    run.add_argument("fields", nargs="*", metavar="field=value", help="inputs; unset fields take their defaults")
    run.add_argument("--json", action="store_true", help="print machine-readable JSON")
    return parser


def _fail(errors: dict[str, str], *, as_json: bool) -> int:
    for message in errors.values():
        print(f"error: {message}", file=sys.stderr)
    if as_json:
        print(dumps({"errors": errors}))
    return USAGE_ERROR


def _list(*, as_json: bool) -> int:
    calculators = registry()
    if as_json:
        print(json.dumps([calc.describe() for calc in calculators.values()], indent=2, ensure_ascii=False))
        return 0
    for calc in calculators.values():
        print(f"{calc.name}: {calc.title}")
        for spec in calc.inputs:
            print(f"    {spec.name:<22} {spec.label} ({spec.allowed()})")
    return 0


def _run(name: str, raw_fields: Sequence[str], *, as_json: bool) -> int:
    try:
        calculator = get(name)
    except UnknownCalculator as error:
        return _fail({"calculator": str(error)}, as_json=as_json)
    pairs: list[tuple[str, str]] = []
    kept_pairs: list[tuple[str, str]] = []
    for item in raw_fields:
        field, sep, value = item.partition("=")
        if not sep or not field:
            return _fail({field or item: f"“{item}” is not of the form field=value"}, as_json=as_json)
        (kept_pairs if scenarios.KEY.match(field.strip()) else pairs).append((field.strip(), value))
    try:
        shown = present(calculator, *calculate(calculator, pairs))
    except InputErrors as problem:
        return _fail(problem.errors, as_json=as_json)
    except CalculationError:
        return _fail({"calculator": "these figures give a result too large to compute"}, as_json=as_json)
    kept = scenarios.read(calculator, kept_pairs) if kept_pairs else None
    if as_json:
        document = shown.record()
        if kept is not None:
            document["scenarios"] = scenarios.record(shown, kept)
        print(dumps(document))
        return 0
    print(calculator.title)
    print()
    print(f"  {shown.answer}")
    print()
    for shown_input, spec in zip(shown.fields, calculator.inputs, strict=True):
        print(f"  {shown_input.label:<30} {shown_input.text} {spec.unit or ''}".rstrip())
    print()
    width = max((len(line.label) for line in shown.breakdown), default=0)
    for line in shown.breakdown:
        print(f"  {line.label:<{width}}  {line.amount.display:>14}   = {line.formula}")
    print()
    for output in calculator.outputs:
        print(f"  {output.label}: {shown.outputs[output.name].display}")
    for warning in shown.warnings:
        print(f"\n  Note: {warning}")
    for note in shown.notes:
        print(f"\n  {note}")
    if kept is not None:
        _print_scenarios(shown, kept)
    return 0


def _print_scenarios(shown: Presented, kept: scenarios.Kept) -> None:
    """The scenarios' headline outputs beside the current ones, with the differences."""
    calculator = shown.calculator
    names = ["Current inputs", *(scenario.name for scenario in kept.scenarios)]
    print("\n  Scenarios: " + " | ".join(names))
    for name in calculator.headline:
        spec = calculator.output(name)
        now = shown.outputs[name]
        cells = [now.display]
        for scenario in kept.scenarios:
            theirs = scenario.presented.outputs[name]
            change = scenarios.difference(spec.kind, now.value, theirs.value)
            extra = "" if change is None else f" ({scenarios.show_difference(spec.kind, change, shown)})"
            cells.append(theirs.display + extra)
        print(f"  {spec.label}: " + " | ".join(cells))
    for note in kept.notes:
        print(f"  Ignored: {note}")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "list":
            return _list(as_json=args.json)
        return _run(args.name, args.fields, as_json=args.json)
    except FiguresUnavailable as problem:
        return _fail({"figures": str(problem)}, as_json=args.json)
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0

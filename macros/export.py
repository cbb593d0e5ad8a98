"""Write the validated figures as JSON for the calculators: ``.cache/figures.json``.

The calculators cannot read YAML or run pydantic (they must stay standard-library only for
Pyodide), so the tooling writes what they compute with: every data file, validated, plus
what the build derives (how each currency is written). The file is a build product, outside
the packages; the wheel carries it as ``calculators/figures.json`` (hatch ``force-include``
in ``pyproject.toml``).

``make figures`` runs this module (``python -m macros.export``), and so do ``make serve``
and ``make test`` through it; the MkDocs hook that builds the wheel calls :func:`write_figures`
itself. The file is rewritten only when its content changes, and touched otherwise, so it is
never older than ``data/`` after a run.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from calculators.figures import CHECKOUT_FIGURES, Figures
from calculators.schema import to_json
from macros.data import DataError, load_data

ROOT = Path(__file__).resolve().parent.parent


def figures_json(figures: Figures) -> str:
    """The figures as the calculators read them (:func:`calculators.figures.read_figures`)."""
    return json.dumps(to_json(figures), indent=1, ensure_ascii=False) + "\n"


def write_figures(figures: Figures, target: Path) -> bool:
    """Write the JSON if it changed (else only touch the file); return whether it changed."""
    text = figures_json(figures)
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        target.touch()
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    scratch.write_text(text, encoding="utf-8")
    scratch.replace(target)  # atomic: a reader never sees half a file
    return True


def export(project: Path = ROOT) -> Path:
    """Validate ``project/data`` and write its figures file; returns the file's path."""
    target = project / CHECKOUT_FIGURES
    write_figures(load_data(project / "data"), target)
    return target


def main() -> int:
    try:
        export()
    except DataError as error:
        print(f"error: {error}", file=sys.stderr)  # noqa: T201 - a command-line entry point
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

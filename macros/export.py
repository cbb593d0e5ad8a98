"""Write the validated data as ``calculators/defaults.json``, the calculators' only source.

Run by the build (the MkDocs hook) and by ``python -m macros.export``; the file is
rewritten only when its content changes, so ``mkdocs serve`` does not loop.
"""

from __future__ import annotations

import json
import sys
from dataclasses import fields
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from macros.data import DataError, GuideData, load_data

ROOT = Path(__file__).resolve().parent.parent
DEFAULTS = ROOT / "calculators" / "defaults.json"


def as_json_document(data: GuideData) -> dict[str, Any]:
    """Every data file as plain JSON values (dates as ISO strings)."""
    document: dict[str, Any] = {}
    for item in fields(data):
        value = getattr(data, item.name)
        if isinstance(value, BaseModel):
            document[item.name] = value.model_dump(mode="json")
        else:  # a mapping of records, e.g. sources or levels
            document[item.name] = {key: record.model_dump(mode="json") for key, record in value.items()}
    return document


def write_defaults(data: GuideData, target: Path = DEFAULTS) -> bool:
    """Write the JSON if it changed; return whether it did."""
    text = json.dumps(as_json_document(data), indent=1, ensure_ascii=False, sort_keys=False) + "\n"
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return False
    target.write_text(text, encoding="utf-8")
    return True


def main() -> int:
    try:
        write_defaults(load_data(ROOT / "data"))
    except DataError as error:
        print(f"error: {error}", file=sys.stderr)  # noqa: T201 - a command-line entry point
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

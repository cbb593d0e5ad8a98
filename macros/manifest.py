"""What a build made, for the tools that work from the built site (the PDF).

After each build the macros module writes a small manifest outside ``site/`` (in
``.cache/manifests/``, one per site folder): the pages in reading order as MkDocs' own
navigation has them (address, title, nav section), the site's name, description and
public address, the dates the figures were checked, and which calculators have a page of
their own. The PDF builder reads it instead of parsing ``mkdocs.yml`` again, deriving
addresses itself or validating the data a second time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from calculators.schema import from_json

FOLDER = Path(".cache") / "manifests"


@dataclass(frozen=True)
class ManifestPage:
    url: str
    """Site-relative, as MkDocs writes it: ``""`` for home, ``"cost/"``, ``"calculators/equity/"``."""
    title: str
    part: str = ""
    """The nav section the page belongs to ("Calculators"), or "" for a page at the top level."""


@dataclass(frozen=True)
class Manifest:
    site_name: str
    site_description: str
    site_url: str
    """The public address, ending in ``/``."""
    pages: tuple[ManifestPage, ...]
    sources_read: tuple[str, str]
    """The first and last days (ISO) on which the figures' sources were read."""
    calculators: dict[str, str]
    """Calculator name -> the address of its own page."""
    site_dir: str
    """Where the site was built (manifests of folders that are gone are pruned)."""


class ManifestMissing(FileNotFoundError):
    """No build has written a manifest for this site folder."""


def location(project: Path, site_dir: Path) -> Path:
    """Where the manifest of the site built into ``site_dir`` lives."""
    key = hashlib.sha256(str(site_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return project / FOLDER / f"{key}.json"


def reading_order(items: Iterable[Any], part: str = "") -> Iterator[ManifestPage]:
    """The pages of MkDocs navigation items in reading order; a section's pages carry its
    title (a nested section counts as its top-level one); links to other sites are skipped."""
    for item in items:
        if getattr(item, "is_section", False):
            yield from reading_order(item.children, part or str(item.title))
        elif getattr(item, "is_page", False):
            yield ManifestPage(url=str(item.url), title=str(item.title or ""), part=part)


def write(manifest: Manifest, project: Path) -> Path:
    """Write the manifest where :func:`read` finds it, and drop those of sites that are gone."""
    target = location(project, Path(manifest.site_dir))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(asdict(manifest), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for other in target.parent.glob("*.json"):
        try:
            gone = not Path(json.loads(other.read_text(encoding="utf-8"))["site_dir"]).is_dir()
        except (OSError, ValueError, KeyError):
            gone = True
        if gone and other != target:
            other.unlink(missing_ok=True)
    return target


def read(project: Path, site_dir: Path) -> Manifest:
    """The manifest the last build into ``site_dir`` wrote. Raises :class:`ManifestMissing`."""
    path = location(project, site_dir)
    if not path.is_file():
        raise ManifestMissing(f"no build manifest for {site_dir} in {FOLDER}: build the site first (make build)")
    manifest: Manifest = from_json(Manifest, json.loads(path.read_text(encoding="utf-8")))
    return manifest


def move(project: Path, old: Path, new: Path) -> Path:
    """Re-file the manifest of a site built into ``old`` and since renamed ``new`` (``make build``
    builds beside ``site/`` and swaps the result in)."""
    manifest = read(project, old)
    location(project, old).unlink()
    return write(replace(manifest, site_dir=str(new.resolve())), project)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.manifest", description=move.__doc__)
    parser.add_argument("old", type=Path, help="the folder the site was built into")
    parser.add_argument("new", type=Path, help="the folder it is now")
    args = parser.parse_args(argv)
    try:
        move(Path.cwd(), args.old, args.new)
    except ManifestMissing as error:
        sys.stderr.write(f"error: {error}\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""``python -m macros.pdf``: build the guide as one PDF (from a built site, or building one)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from macros.pdf import ROOT, build_pdf
from macros.pdf.paper import PdfError
from macros.pdf.typeset import PAPER_SIZES, UNKNOWN_PAGE


def build_site(config_file: Path, site: Path) -> None:
    """A strict build of the site, as ``make build`` does, into ``site``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(config_file.parent.resolve())}
    done = subprocess.run(  # noqa: S603 - our own interpreter running MkDocs
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config_file), "-d", str(site)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise PdfError("the site did not build:\n" + done.stderr.strip())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.pdf", description="Build the guide as one PDF.")
    parser.add_argument("--paper", choices=sorted(PAPER_SIZES), default="a4", help="paper size (default a4)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "guide.pdf", help="where to write the PDF")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the MkDocs configuration")
    parser.add_argument("--site", type=Path, help="an already built site (default: build one into a temporary folder)")
    parser.add_argument(
        "--draft",
        action="store_true",
        help=f"lay out once, in about half the time: page references print as {UNKNOWN_PAGE}",
    )
    args = parser.parse_args(argv)
    project = args.config.resolve().parent
    started = time.monotonic()
    try:
        if args.site is not None:
            count = build_pdf(args.site, args.out, project=project, paper=args.paper, draft=args.draft)
        else:
            with tempfile.TemporaryDirectory(prefix="guide-site-") as folder:
                build_site(args.config, Path(folder))
                count = build_pdf(Path(folder), args.out, project=project, paper=args.paper, draft=args.draft)
    except PdfError as error:
        sys.stderr.write(f"error: {error}\n")
        return 1
    size = args.out.stat().st_size
    kind = f"a draft (page references print as {UNKNOWN_PAGE}), " if args.draft else ""
    took = time.monotonic() - started
    sys.stdout.write(f"Wrote {args.out}: {kind}{count} pages, {size / 1024:.0f} KiB, {args.paper}, in {took:.1f} s\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

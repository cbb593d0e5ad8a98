"""Lighthouse (mobile settings) on the home page, a long guide page and a calculator page.

Serves the built site (``make build`` first) gzipped, as static hosts serve it, runs the
pinned Lighthouse from node_modules against the system Chromium, and prints performance,
accessibility, best practices and SEO for each page, with any audit that cost points.
Pages that do not exist are skipped. Exit status 1 when accessibility, best practices or
SEO is below 1.00 (performance is reported only; the aim is 0.95 or better).

    .venv/bin/python -m tests.bench.lighthouse_report [--site site] [PATH ...]
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.support.browser import CHROMIUM_FLAGS, page_paths  # noqa: E402 - after the path is set
from tests.support.reports import site_arguments  # noqa: E402
from tests.support.server import serve  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MUST_BE_PERFECT = ("accessibility", "best-practices", "seo")


def default_pages(site: Path) -> list[str]:
    """The home page, the longest guide page (by words) and the first calculator page."""
    pages = [p for p in page_paths(site) if p != "/404.html"]
    guide = [p for p in pages if p != "/" and not p.startswith("/calculators/")]

    def words(path: str) -> int:
        text = (site / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
        article = text.split('<article class="md-content__inner', 1)[-1].split("</article>", 1)[0]
        return len(re.sub(r"<[^>]+>", " ", article).split())

    chosen = ["/"]
    if guide:
        chosen.append(max(guide, key=words))
    calculators = [p for p in pages if p.startswith("/calculators/")]
    chosen.append(calculators[0] if calculators else "/calculators/")
    return chosen


def run_lighthouse(
    url: str, workdir: Path, categories: tuple[str, ...] = CATEGORIES, attempts: int = 3
) -> dict[str, Any]:
    """One Lighthouse run of ``categories``; retried when Chromium's trace comes back broken
    (NO_NAVSTART, on a busy machine)."""
    chrome = shutil.which("chromium") or "/usr/bin/chromium"
    output = workdir / "report.json"
    done = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={output}",
            f"--only-categories={','.join(categories)}",
            f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
            "--max-wait-for-load=60000",
        ],
        env={**os.environ, "CHROME_PATH": chrome},
        check=False,
        timeout=300,
    )
    if done.returncode != 0:
        if attempts > 1:
            return run_lighthouse(url, workdir, categories, attempts - 1)
        raise RuntimeError(f"Lighthouse failed on {url} (exit {done.returncode})")
    report: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return report


def lost_points(report: dict[str, Any], category: str) -> list[str]:
    audits = report["audits"]
    refs = report["categories"][category]["auditRefs"]
    found = []
    for ref in refs:
        audit = audits[ref["id"]]
        if ref["weight"] > 0 and audit.get("score") is not None and audit["score"] < 1:
            found.append(f"{ref['id']} ({audit['score']:.2f}): {audit.get('displayValue') or audit['title']}")
    return found


def main(argv: list[str] | None = None) -> int:
    args = site_arguments(__doc__, argv, pages="home, the longest guide page, a calculator")
    if args is None:
        return 2
    if not LIGHTHOUSE.exists():
        print("error: Lighthouse is not installed: run `make node_modules/.installed`", file=sys.stderr)
        return 2
    paths = args.paths or default_pages(args.site)
    failed = False
    rows: list[str] = []
    speeds: list[float] = []
    with serve(args.site, compress=True) as url, tempfile.TemporaryDirectory() as workdir:
        for path in paths:
            file = args.site / path.lstrip("/")
            if not (file.is_file() or (file / "index.html").is_file()):
                print(f"skipped {path}: no such page in {args.site}")
                continue
            report = run_lighthouse(url + path, Path(workdir))
            scores = {name: report["categories"][name]["score"] for name in CATEGORIES}
            speeds.append(report["environment"]["benchmarkIndex"])
            rows.append(f"{path:<32}" + "".join(f"{scores[name]:>16.2f}" for name in CATEGORIES))
            for name in CATEGORIES:
                for line in lost_points(report, name):
                    rows.append(f"    {name}: {line}")
            failed = failed or any(scores[name] < 1 for name in MUST_BE_PERFECT)
    print("Lighthouse (mobile, simulated throttling), site served with gzip")
    print(f"{'page':<32}" + "".join(f"{name:>16}" for name in CATEGORIES))
    print("\n".join(rows))
    if speeds:
        # Simulated throttling slows what this machine measured by four, so a slower machine
        # reads worse: compare scores only between runs on machines of like index.
        print(f"This machine's Lighthouse benchmark index: {min(speeds):.0f}–{max(speeds):.0f} (higher is faster)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

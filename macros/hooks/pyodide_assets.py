"""Put the calculators' wheel and the Pyodide runtime into the built site.

After every build (``on_post_build``) this hook:

1. writes the calculators' figures from ``data/`` (``.cache/figures.json``, by
   :func:`macros.export.export`: this hook depends on no other having run) and builds the
   calculators into a pure ``py3-none-any`` wheel with the ``build`` package and hatchling,
   without an isolated environment (the wheel holds ``calculators/`` and the figures);
2. registers that wheel in a copy of Pyodide's lock file with ``pyodide lockfile
   add-wheels`` (pyodide-build), which records its sha256: Pyodide checks it at load;
3. copies the wheel, the lock file and only the runtime files the worker needs from
   ``node_modules/pyodide`` into ``assets/pyodide/``.

Steps 1 and 2 are cached in ``.cache/pyodide-assets/`` under a hash of everything that goes
into them, so ``mkdocs serve`` rebuilds stay fast. Every address the page uses is relative,
so the site works from any sub-path.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from calculators.figures import CHECKOUT_FIGURES
from macros.data import DataError
from macros.export import export

log = logging.getLogger("mkdocs.hooks.pyodide_assets")

RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
LOCK_FILE = "pyodide-lock.json"
TARGET = Path("assets") / "pyodide"
CACHE = Path(".cache") / "pyodide-assets"
KEEP = 3


def _inputs(root: Path) -> list[Path]:
    """Every file whose change changes the wheel or the lock file."""
    package = sorted(path for path in (root / "calculators").rglob("*.py"))
    return [
        root / "pyproject.toml",
        root / "README.md",
        root / CHECKOUT_FIGURES,
        root / "node_modules" / "pyodide" / LOCK_FILE,
        *package,
    ]


def _key(root: Path) -> str:
    digest = hashlib.sha256()
    for path in _inputs(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def build_wheel(root: Path, outdir: Path) -> Path:
    """Build the calculators' pure wheel into ``outdir`` (no isolation: the venv has hatchling)."""
    from build import ProjectBuilder  # noqa: PLC0415 - only needed when the cache misses

    name = ProjectBuilder(root, python_executable=sys.executable).build("wheel", outdir)
    return Path(name)


def add_to_lock(wheel: Path, lock_in: Path, lock_out: Path) -> None:
    """Register ``wheel`` in a copy of Pyodide's lock file (``pyodide lockfile add-wheels``)."""
    pyodide_cli = Path(sys.executable).with_name("pyodide")
    done = subprocess.run(  # noqa: S603 - fixed arguments, our own tool
        [
            str(pyodide_cli),
            "lockfile",
            "add-wheels",
            "--input",
            str(lock_in),
            "--output",
            str(lock_out),
            "--base-path",
            str(wheel.parent),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise PluginError(f"pyodide lockfile add-wheels failed:\n{done.stdout}{done.stderr}")


def prepare(root: Path) -> Path:
    """The cached folder holding the wheel and its lock file, built if missing."""
    runtime = root / "node_modules" / "pyodide"
    if not (runtime / LOCK_FILE).is_file():
        raise PluginError("node_modules/pyodide is missing: run `make node_modules/.installed` (npm ci)")
    try:
        export(root)
    except DataError as error:
        raise PluginError(f"The build stopped: {error}") from None
    cache = root / CACHE
    ready = cache / _key(root)
    if (ready / LOCK_FILE).is_file():
        return ready
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache, prefix="tmp-") as scratch:
        work = Path(scratch)
        wheel = build_wheel(root, work)
        add_to_lock(wheel, runtime / LOCK_FILE, work / LOCK_FILE)
        try:
            work.rename(ready)
        except OSError:  # a build running at the same time got there first
            if not (ready / LOCK_FILE).is_file():
                raise
        else:
            work.mkdir()  # TemporaryDirectory removes it again on exit
    # Keep the few newest entries (a concurrent build may still be copying from one).
    entries = sorted(
        (entry for entry in cache.iterdir() if not entry.name.startswith("tmp-")),
        key=lambda entry: entry.stat().st_mtime,
    )
    for old in entries[:-KEEP]:
        shutil.rmtree(old, ignore_errors=True)
    log.info("Built %s and registered it in %s", wheel.name, LOCK_FILE)
    return ready


def _copy(source: Path, target: Path) -> None:
    if (
        target.is_file()
        and target.stat().st_size == source.stat().st_size
        and target.stat().st_mtime >= source.stat().st_mtime
    ):
        return
    shutil.copy2(source, target)


def on_post_build(*, config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).resolve().parent
    ready = prepare(root)
    target = Path(config.site_dir) / TARGET
    target.mkdir(parents=True, exist_ok=True)
    runtime = root / "node_modules" / "pyodide"
    for name in RUNTIME_FILES:
        _copy(runtime / name, target / name)
    for item in ready.iterdir():
        _copy(item, target / item.name)

"""Put the calculators' wheel and the Pyodide runtime into the built site.

After every build (``on_post_build``) this hook:

1. writes the calculators' figures from ``data/`` (``.cache/figures.json``, by
   :func:`macros.export.export`: this hook depends on no other having run) and builds the
   calculators into a pure ``py3-none-any`` wheel with the ``build`` package and hatchling,
   without an isolated environment (the wheel holds ``calculators/`` and the figures);
2. registers that wheel in a copy of Pyodide's lock file with ``pyodide lockfile
   add-wheels`` (pyodide-build), which records its sha256: Pyodide checks it at load;
3. copies only the runtime files the worker needs from ``node_modules/pyodide`` into
   ``assets/pyodide/``, and the wheel and the lock file into ``assets/pyodide/calculators-HASH/``,
   a folder named by the lock file's content (which holds the wheel's sha256): a changed wheel
   gets a new address, so both may be cached for good (see ``cache_headers.py``);
4. writes that folder's name, and the identity of the whole runtime set, into the worker
   (``assets/js/calculator-worker.mjs``), which keeps the set in the browser's Cache Storage
   under that identity: a rebuilt wheel is never paired with an old lock file.

Steps 1 and 2 are cached in ``.cache/pyodide-assets/`` under a hash of everything that goes
into them, so ``mkdocs serve`` rebuilds stay fast. Every address the page uses is relative,
so the site works from any sub-path.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
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
PACKAGES_PREFIX = "calculators-"
"""The wheel and its lock file live in ``assets/pyodide/calculators-<hash of the lock file>/``."""
WORKER = Path("assets") / "js" / "calculator-worker.mjs"
CACHE = Path(".cache") / "pyodide-assets"
KEEP = 3
HASH_LENGTH = 16
_STAMPS = {
    "PACKAGES": re.compile(r'^const PACKAGES = "[^"\n]*";$', re.MULTILINE),
    "RUNTIME_SET": re.compile(r'^const RUNTIME_SET = "[^"\n]*";$', re.MULTILINE),
}


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


@functools.cache
def _file_digest(path: Path, size: int, mtime_ns: int) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def file_digest(path: Path) -> str:
    """The sha256 of a file (remembered while it is unchanged: the runtime is 13 MB)."""
    stat = path.stat()
    return _file_digest(path, stat.st_size, stat.st_mtime_ns)


def packages_folder(ready: Path) -> str:
    """The content-addressed folder name for a prepared wheel and lock file."""
    return PACKAGES_PREFIX + file_digest(ready / LOCK_FILE)[:HASH_LENGTH]


def runtime_set(runtime: Path, folder: str) -> str:
    """The identity of everything the worker loads: the runtime files and the packages folder."""
    digest = hashlib.sha256()
    for name in RUNTIME_FILES:
        digest.update(f"{name}:{file_digest(runtime / name)}\n".encode())
    digest.update(folder.encode())
    return digest.hexdigest()[:HASH_LENGTH]


def read_stamp(text: str, name: str) -> str:
    """A value ``stamp_worker`` wrote into the worker's source (``PACKAGES`` or ``RUNTIME_SET``)."""
    found = _STAMPS[name].findall(text)
    if len(found) != 1:
        raise PluginError(f'{WORKER.as_posix()} must hold exactly one line `const {name} = "...";`')
    return str(found[0]).split('"')[1]


def stamp_worker(text: str, *, folder: str, identity: str) -> str:
    """The worker's source with the packages folder and the runtime set's identity written in."""
    for name, value in (("PACKAGES", f"{folder}/"), ("RUNTIME_SET", identity)):
        read_stamp(text, name)  # exactly one such line
        text = _STAMPS[name].sub(f'const {name} = "{value}";', text)
    return text


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
    site = Path(config.site_dir)
    target = site / TARGET
    target.mkdir(parents=True, exist_ok=True)
    runtime = root / "node_modules" / "pyodide"
    for name in RUNTIME_FILES:
        _copy(runtime / name, target / name)
    folder = packages_folder(ready)
    for old in target.glob(PACKAGES_PREFIX + "*"):
        if old.name != folder:
            shutil.rmtree(old)
    (target / folder).mkdir(exist_ok=True)
    for item in ready.iterdir():
        _copy(item, target / folder / item.name)
    worker = site / WORKER
    worker.write_text(
        stamp_worker(worker.read_text(encoding="utf-8"), folder=folder, identity=runtime_set(runtime, folder)),
        encoding="utf-8",
    )

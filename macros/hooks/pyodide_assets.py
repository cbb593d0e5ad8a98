"""Put the calculators' wheel and the Pyodide runtime into the built site.

After every build (``on_post_build``) this hook:

1. writes the calculators' figures from ``data/`` (``.cache/figures.json``, by
   :func:`macros.export.export`: this hook depends on no other having run) and builds the
   calculators into a pure ``py3-none-any`` wheel with the ``build`` package and hatchling,
   without an isolated environment (the wheel holds ``calculators/`` and the figures), then
   compiles its modules to bytecode with the runtime's own Python (``pyodide_compile.mjs``,
   Pyodide under Node) and ships the bytecode in place of the sources, as Pyodide's own
   ``pyodide py-compile`` does: a reader's first start then imports the calculators without
   compiling 300 KB of Python in the browser (about a third of their import time);
2. registers that wheel in a copy of Pyodide's lock file with ``pyodide lockfile
   add-wheels`` (pyodide-build), which records its sha256: the worker checks the download
   against it, then imports from the wheel as it is (on ``sys.path``);
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

import base64
import functools
import hashlib
import json
import logging
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
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
COMPILER = Path(__file__).with_name("pyodide_compile.mjs")
PURE = "py3-none-any"
"""The tag of the wheel ``build`` writes: pure Python, any version."""
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
        root / "node_modules" / "pyodide" / "package.json",  # the runtime's version: its bytecode
        COMPILER,
        Path(__file__),  # how the wheel is built and registered
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


def compile_with_runtime(sources: dict[str, bytes]) -> tuple[str, dict[str, bytes]]:
    """The runtime's Python version (``"3.14"``) and each module's bytecode, compiled by that
    Python (``pyodide_compile.mjs``): only it writes bytecode it accepts."""
    node = shutil.which("node")
    if node is None:
        raise PluginError("node is not on the PATH: the build compiles the calculators with Pyodide under Node")
    request = {name: base64.b64encode(source).decode("ascii") for name, source in sources.items()}
    done = subprocess.run(  # noqa: S603 - fixed arguments, our own script
        [node, str(COMPILER)], input=json.dumps(request), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise PluginError(f"{COMPILER.name} could not compile the calculators:\n{done.stderr[-4000:]}")
    answer = json.loads(done.stdout)
    compiled = {name: base64.b64decode(text) for name, text in answer["compiled"].items()}
    if set(compiled) != set(sources):
        raise PluginError(f"{COMPILER.name} answered for other modules than it was given")
    return str(answer["python"]), compiled


def _record_line(name: str, content: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b"=").decode("ascii")
    return f"{name},sha256={digest},{len(content)}"


def _compiled_entry(name: str, content: bytes, compiled: dict[str, bytes], tag: str) -> tuple[str, bytes]:
    """One file of the pure wheel as the sourceless wheel holds it."""
    if name.endswith(".py"):
        return name + "c", compiled[name]
    if name.endswith(".dist-info/WHEEL"):
        lines = content.decode("utf-8").splitlines()
        if f"Tag: {PURE}" not in lines:
            raise PluginError(f"{name} does not name the tag {PURE}")
        return name, "".join(f"Tag: {tag}\n" if line == f"Tag: {PURE}" else line + "\n" for line in lines).encode()
    return name, content


def _entry_like(info: zipfile.ZipInfo, name: str) -> zipfile.ZipInfo:
    """A new archive entry named ``name`` with ``info``'s date and mode, compressed."""
    entry = zipfile.ZipInfo(name, date_time=info.date_time)
    entry.external_attr, entry.compress_type = info.external_attr, zipfile.ZIP_DEFLATED
    return entry


def sourceless_wheel(wheel: Path, python: str, compiled: dict[str, bytes]) -> Path:
    """``wheel`` rewritten with each module's ``.py`` replaced by its ``.pyc`` (from
    ``compiled``, by source name), as ``pyodide py-compile`` writes them.

    The wheel is then for that Python only, so its tag names it (``py314-none-any``, the form
    Pyodide's lock file accepts for a wheel without compiled extensions) in the file name and
    in ``WHEEL``, and ``RECORD`` lists what it now holds. Dates and modes are kept: the same
    sources give the same wheel. The pure wheel is removed.
    """
    pure = f"-{PURE}.whl"
    if not wheel.name.endswith(pure):
        raise PluginError(f"{wheel.name}: expected a pure wheel (*{pure}) to compile")
    tag = "py" + python.replace(".", "") + "-none-any"
    target = wheel.with_name(wheel.name.removesuffix(pure) + f"-{tag}.whl")
    with zipfile.ZipFile(wheel) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    shipped: list[tuple[zipfile.ZipInfo, bytes]] = []
    record: zipfile.ZipInfo | None = None
    for info, content in entries:
        if info.filename.endswith(".dist-info/RECORD"):
            record = info
            continue
        name, shipped_content = _compiled_entry(info.filename, content, compiled, tag)
        shipped.append((_entry_like(info, name), shipped_content))
    if record is None:
        raise PluginError(f"{wheel.name} has no RECORD")
    lines = [_record_line(info.filename, content) for info, content in shipped] + [f"{record.filename},,"]
    with zipfile.ZipFile(target, "w") as archive:
        for info, content in shipped:
            archive.writestr(info, content)
        archive.writestr(_entry_like(record, record.filename), "".join(line + "\n" for line in lines))
    wheel.unlink()
    return target


def compile_wheel(wheel: Path) -> Path:
    """The pure ``wheel`` as a sourceless wheel for the runtime's Python (see ``sourceless_wheel``)."""
    with zipfile.ZipFile(wheel) as archive:
        sources = {name: archive.read(name) for name in archive.namelist() if name.endswith(".py")}
    python, compiled = compile_with_runtime(sources)
    return sourceless_wheel(wheel, python, compiled)


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


def point_lock_at(lock_file: Path, registered: str, wheel: Path) -> None:
    """Point the lock file's entry for the wheel named ``registered`` at ``wheel`` instead,
    with its sha256 (what ``pyodide py-compile`` does to a lock file)."""
    from pyodide_lock import PyodideLockSpec  # noqa: PLC0415 - only needed when the cache misses

    lock = PyodideLockSpec.from_json(lock_file)
    entries = [entry for entry in lock.packages.values() if entry.file_name == registered]
    if len(entries) != 1:
        raise PluginError(f"{lock_file.name}: expected one entry for {registered}, found {len(entries)}")
    entries[0].file_name = wheel.name
    entries[0].sha256 = file_digest(wheel)
    lock.to_json(lock_file)


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
        pure = build_wheel(root, work)
        # Registered from its sources (pyodide-lock finds a package's imports by its .py
        # files), then pointed at the compiled wheel that replaces it.
        add_to_lock(pure, runtime / LOCK_FILE, work / LOCK_FILE)
        wheel = compile_wheel(pure)
        point_lock_at(work / LOCK_FILE, pure.name, wheel)
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

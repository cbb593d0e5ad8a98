"""The offline copy: what the site's service worker keeps, under which version.

After every ``mkdocs build`` (and after ``csp.py``, so the pages are final), this hook:

1. turns on the registration in ``assets/js/offline.js``;
2. writes the manifest into ``service-worker.js`` at the site's root: the files to keep at
   install as ``[path, sha256]`` pairs (every page, asset, the search index and the
   sitemap Material's instant navigation reads), the PDF as optional (``make build`` copies
   it in after this hook), the folder of the Python runtime (never kept at install: a guide
   page downloads no Python) and the name of the cache the calculators' worker keeps the
   runtime in; and the version, a hash of all of it. A new build changes the manifest, so
   browsers install the new worker on their next visit and drop the old caches.

``mkdocs serve`` does neither: its ``offline.js`` stays off (and removes a worker a built
site left on the same address) and its ``service-worker.js`` refuses to install.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.built_site import BuiltSiteOnly

SERVICE_WORKER = "service-worker.js"
REGISTRATION = Path("assets") / "js" / "offline.js"
# As pyodide_assets.py writes them (hooks import nothing from each other: MkDocs loads each
# by its path; tests/macros/hooks/test_offline.py checks they agree).
RUNTIME_FOLDER = Path("assets") / "pyodide"
WORKER = Path("assets") / "js" / "calculator-worker.mjs"
_RUNTIME_SET = re.compile(r'^const RUNTIME_SET = "([^"\n]+)";$', re.MULTILINE)
RUNTIME_CACHE_PREFIX = "hiring-guide-runtime-"
"""Must match ``KEPT_PREFIX`` in ``calculator-worker.mjs``."""
OPTIONAL = ("guide.pdf",)
LEFT_OUT = (
    f"{RUNTIME_FOLDER.as_posix()}/*",  # the Python runtime: kept when a calculator page loads it
    "*.map",  # source maps are for developer tools
    "assets/javascripts/lunr/*",  # Material's search for languages other than English
    "_headers",  # read by the host, not the browser
    "robots.txt",
    "sitemap.xml.gz",
    SERVICE_WORKER,
    *OPTIONAL,
)
VERSION_LENGTH = 16
ENABLED_LINE = "const ENABLED = false;"
_MANIFEST_LINE = re.compile(r"^const MANIFEST = .*;$", re.MULTILINE)


@dataclass(frozen=True)
class Manifest:
    """What the service worker keeps: ``files`` as (path, sha256), paths relative to the site."""

    files: tuple[tuple[str, str], ...]
    optional: tuple[str, ...]
    runtime: str
    runtime_cache: str

    @property
    def version(self) -> str:
        digest = hashlib.sha256()
        for path, sha256 in self.files:
            digest.update(f"{path}:{sha256}\n".encode())
        digest.update(json.dumps([self.optional, self.runtime, self.runtime_cache]).encode())
        return digest.hexdigest()[:VERSION_LENGTH]

    def as_json(self) -> str:
        return json.dumps(
            {
                "version": self.version,
                "files": [list(entry) for entry in self.files],
                "optional": list(self.optional),
                "runtime": self.runtime,
                "runtimeCache": self.runtime_cache,
            },
            separators=(",", ":"),
        )


def url_path(relative: str) -> str:
    """The address a page is linked by: ``cost/index.html`` is ``cost/``, the home page ``""``."""
    if relative == "index.html":
        return ""
    return relative.removesuffix("index.html") if relative.endswith("/index.html") else relative


def kept(relative: str) -> bool:
    return not any(fnmatch.fnmatchcase(relative, pattern) for pattern in LEFT_OUT)


def _sha256(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def runtime_set(site: Path) -> str:
    """The runtime set's identity, as ``pyodide_assets.py`` wrote it into the built worker."""
    found = _RUNTIME_SET.findall((site / WORKER).read_text(encoding="utf-8"))
    if len(found) != 1:
        raise PluginError(f"{WORKER.as_posix()} names no runtime set: pyodide_assets.py must run before this hook")
    return str(found[0])


def manifest(site: Path) -> Manifest:
    """The manifest of a built site (its worker already stamped by ``pyodide_assets.py``)."""
    files = sorted(
        (url_path(relative), _sha256(path))
        for path in site.rglob("*")
        if path.is_file() and kept(relative := path.relative_to(site).as_posix())
    )
    return Manifest(
        files=tuple(files),
        optional=OPTIONAL,
        runtime=RUNTIME_FOLDER.as_posix() + "/",
        runtime_cache=RUNTIME_CACHE_PREFIX + runtime_set(site),
    )


def write_manifest(site: Path) -> Manifest:
    """Write the manifest of the site's files as they are now into its service worker."""
    worker = site / SERVICE_WORKER
    text = worker.read_text(encoding="utf-8")
    if len(_MANIFEST_LINE.findall(text)) != 1:
        raise PluginError(f"{SERVICE_WORKER} must hold exactly one line `const MANIFEST = null;` (the build fills it)")
    found = manifest(site)
    worker.write_text(_MANIFEST_LINE.sub(lambda _: f"const MANIFEST = {found.as_json()};", text), encoding="utf-8")
    return found


def apply(site: Path) -> Manifest:
    """Turn the registration on, then write the manifest of the final files into the worker."""
    registration = site / REGISTRATION
    text = registration.read_text(encoding="utf-8")
    if text.count(ENABLED_LINE) != 1:
        raise PluginError(f"{REGISTRATION.as_posix()} must hold the line `{ENABLED_LINE}` exactly once")
    registration.write_text(text.replace(ENABLED_LINE, "const ENABLED = true;"), encoding="utf-8")
    return write_manifest(site)


# ``mkdocs serve`` rebuilds on every edit: it must never leave a worker in a browser.
_events = BuiltSiteOnly(apply)
on_startup = _events.on_startup
on_post_build = _events.on_post_build

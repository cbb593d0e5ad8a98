"""A static file server for tests that behaves like a static host.

It serves a built site on 127.0.0.1 and applies the site's ``_headers`` file (the format
Netlify and Cloudflare Pages read: a path pattern line, then indented ``Name: value``
lines), so browser tests run under the same headers, Content-Security-Policy included,
that a host would send. ``/path/`` serves ``/path/index.html``; a missing file serves
``404.html`` with status 404. ``compress=True`` gzips text, scripts and WebAssembly for
clients that accept it, as static hosts do (used by the Lighthouse and size reports; the
tests' default stays uncompressed).
"""

from __future__ import annotations

import fnmatch
import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import ClassVar

Rules = list[tuple[str, list[tuple[str, str]]]]


def parse_headers_file(text: str) -> Rules:
    """Parse a ``_headers`` file into (pattern, [(name, value), ...]) rules, in order."""
    rules: Rules = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def headers_for(rules: Rules, path: str) -> list[tuple[str, str]]:
    """Every header whose pattern matches ``path`` (``*`` matches anything, ``/`` included)."""
    found: list[tuple[str, str]] = []
    for pattern, headers in rules:
        if fnmatch.fnmatchcase(path, pattern):
            found.extend(headers)
    return found


COMPRESSIBLE = {
    "text/html",
    "text/css",
    "text/javascript",
    "text/plain",
    "application/json",
    "application/xml",
    "text/xml",
    "image/svg+xml",
    "application/wasm",
    "application/manifest+json",
}


@functools.lru_cache(maxsize=256)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)


class _Handler(http.server.SimpleHTTPRequestHandler):
    rules: ClassVar[Rules] = []
    mount: ClassVar[str] = "/"
    compress: ClassVar[bool] = False
    extensions_map = {  # noqa: RUF012 - the stdlib's own class attribute
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".whl": "application/zip",
        ".zip": "application/zip",
        ".svg": "image/svg+xml",
        ".webmanifest": "application/manifest+json",
    }

    def _site_path(self, path: str) -> str:
        """The request path relative to where the site is mounted (outside it: a missing file)."""
        if self.mount == "/":
            return path
        if not path.startswith(self.mount):
            return "/.outside-the-site/"
        return "/" + path.removeprefix(self.mount)

    def translate_path(self, path: str) -> str:
        return super().translate_path(self._site_path(path))

    def end_headers(self) -> None:
        for name, value in headers_for(self.rules, self._site_path(self.path.split("?", 1)[0])):
            self.send_header(name, value)
        super().end_headers()

    def do_GET(self) -> None:
        if not (self.compress and self._send_compressed()):
            super().do_GET()

    def _send_compressed(self) -> bool:
        """Send a compressible file gzipped; False leaves the request to the plain handler."""
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return False
        url_path = self.path.split("?", 1)[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                return False  # the plain handler redirects to the slash
            path = path / "index.html"
        if not path.is_file() or self.guess_type(path).split(";")[0] not in COMPRESSIBLE:
            return False
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@contextmanager
def serve(root: Path, *, port: int = 0, mount: str = "/", compress: bool = False) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1; yields the base URL (``http://127.0.0.1:PORT``).

    ``mount`` serves the site under a path instead, as GitHub Pages serves a project site
    (``/python-backend/``); the URL yielded then ends with it.
    """
    headers_file = root / "_headers"
    rules = parse_headers_file(headers_file.read_text(encoding="utf-8")) if headers_file.is_file() else []
    mount = "/" + mount.strip("/") + "/" if mount.strip("/") else "/"
    handler = type("Handler", (_Handler,), {"rules": rules, "mount": mount, "compress": compress})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(root)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}" + mount.rstrip("/")
    finally:
        server.shutdown()
        server.server_close()

"""The policy builder: which inline code is hashed, where the tag goes, what the header says."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from macros.hooks.csp import (
    apply,
    headers_file,
    inline_scripts,
    inline_styles,
    insert_meta,
    policy,
    serialize,
    sha256_source,
)


def test_hash_is_the_browsers_sha256_of_the_exact_text() -> None:
    expected = base64.b64encode(hashlib.sha256(b"alert(1)").digest()).decode()
    assert sha256_source("alert(1)") == f"'sha256-{expected}'"
    assert sha256_source("alert(1) ") != sha256_source("alert(1)")


def test_only_scripts_a_browser_runs_are_hashed() -> None:
    page = (
        '<script>run()</script><script src="a.js"></script><script type="application/json">{"a": 1}</script>'
        '<script type="module">mod()</script><SCRIPT type="text/javascript">\nold()\n</SCRIPT>'
    )
    assert inline_scripts(page) == ["run()", "mod()", "\nold()\n"]


def test_style_attributes_are_found_decoded_and_not_inside_scripts() -> None:
    page = "<td style=\"text-align: right;\">1</td><p style='color: &quot;red&quot;'>x</p><style>a{}</style>"
    page += '<script>x = "<b style=\\"no\\">"</script>'
    elements, attributes = inline_styles(page)
    assert elements == ["a{}"]
    assert attributes == ["text-align: right;", 'color: "red"']


def test_the_policy_allows_only_the_own_origin_and_never_unsafe_inline_scripts() -> None:
    directives = policy(["'sha256-a'"], [], unsafe_hashes=False)
    assert directives["script-src"] == "'self' 'wasm-unsafe-eval' 'sha256-a'"
    assert directives["style-src"] == "'self'"
    assert directives["worker-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    text = serialize(directives, for_meta=False)
    assert "unsafe-inline" not in text
    assert "http" not in text
    assert "frame-ancestors" in text
    assert "frame-ancestors" not in serialize(directives, for_meta=True)


def test_meta_goes_right_after_the_charset_and_is_replaced_not_repeated() -> None:
    page = '<html><head>\n<meta charset="utf-8">\n<link rel="stylesheet" href="a.css"></head></html>'
    once = insert_meta(page, "default-src 'self'")
    assert once.index('<meta charset="utf-8">') < once.index("Content-Security-Policy") < once.index("<link")
    twice = insert_meta(once, "default-src 'none'")
    assert twice.count("Content-Security-Policy") == 1
    assert "default-src 'none'" in twice


def test_headers_file_has_one_rule_for_every_path() -> None:
    text = headers_file(policy([], [], unsafe_hashes=False))
    rules = [line for line in text.splitlines() if line and not line.startswith((" ", "#"))]
    assert rules == ["/*"]
    assert "  X-Content-Type-Options: nosniff" in text.splitlines()


def test_apply_hashes_the_union_of_every_pages_scripts(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<head><meta charset="utf-8"><script>one()</script></head>')
    (tmp_path / "a" / "index.html").write_text('<head><meta charset="utf-8"><script>two()</script></head>')
    directives = apply(tmp_path)
    for page in ("index.html", "a/index.html"):
        text = (tmp_path / page).read_text()
        assert sha256_source("one()") in text
        assert sha256_source("two()") in text
    assert sha256_source("two()") in (tmp_path / "_headers").read_text()
    assert "'unsafe-hashes'" not in directives["style-src"]

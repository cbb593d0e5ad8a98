"""``robots.txt``: everything may be crawled; the sitemap is at the site's public address."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig


def robots_txt(site_url: str | None) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {urljoin(site_url, 'sitemap.xml')}")
    return "\n".join(lines) + "\n"


def on_post_build(config: MkDocsConfig) -> None:
    (Path(config.site_dir) / "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")

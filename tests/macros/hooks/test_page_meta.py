"""Descriptions, link-preview tags, robots.txt, the preview image and the HTML repairs."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import markdown
import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils.templates import TemplateContext
from PIL import Image
from pymdownx.tasklist import TasklistExtension

from macros.hooks.html_repairs import repair
from macros.hooks.page_meta import on_page_context, on_page_markdown, summary, trim_contents
from macros.hooks.robots import robots_txt
from macros.hooks.social_card import HEIGHT, WIDTH, draw_card
from macros.markdown_repairs import MarkdownRepairs


def test_summary_is_the_first_paragraph_as_plain_text_cut_at_a_word() -> None:
    page = '<h1>T</h1><p></p><p>A <a href="x">linked</a> &amp; plain <em>start</em>.</p><p>Second.</p>'
    assert summary(page) == "A linked & plain start."
    long = "<p>" + "word " * 60 + "</p>"
    cut = summary(long, limit=50)
    assert len(cut) <= 50
    assert cut.endswith("word…")
    assert summary("<h1>Only a heading</h1>") == ""


def test_front_matter_that_did_not_parse_stops_the_build() -> None:
    class File:
        src_uri = "stock-options.md"

    class Page:
        def __init__(self) -> None:
            self.file = File()
            self.meta: dict[str, str] = {}

    unparsed = "---\ndescription: Options: plain words\n---\n\n# Options\n"
    with pytest.raises(PluginError, match=r"stock-options\.md: the front matter is not valid YAML"):
        on_page_markdown(unparsed, page=Page(), config=None, files=None)  # type: ignore[arg-type]
    parsed = Page()
    parsed.meta = {"description": "Options: plain words"}
    assert on_page_markdown("# Options\n", page=parsed, config=None, files=None) == "# Options\n"  # type: ignore[arg-type]


def test_robots_points_at_the_sitemap_of_the_public_address() -> None:
    assert robots_txt("https://a.example/guide/").splitlines() == [
        "User-agent: *",
        "Allow: /",
        "Sitemap: https://a.example/guide/sitemap.xml",
    ]
    assert "Sitemap" not in robots_txt(None)


def test_the_preview_image_is_drawn_without_network(tmp_path: Path) -> None:
    image = draw_card("A title", "A description " * 20, "a.example/guide")
    image.save(tmp_path / "card.png")
    with Image.open(tmp_path / "card.png") as saved:
        assert saved.size == (WIDTH, HEIGHT)
        colors = saved.convert("RGB").getcolors(maxcolors=100_000)
        assert colors is not None
        assert len(colors) > 2  # text was drawn on the background


def test_html_repairs_change_only_the_tags_they_mend() -> None:
    toggle = '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
    assert repair(toggle) == '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'
    nav = '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">'
    assert repair(nav) == '<label class="md-nav__link" for="__nav_2" id="__nav_2_label">'
    permalink = '<a class="headerlink" href="#pay" title="Permanent link">&para;</a>'
    assert repair(permalink) == '<a class="headerlink" href="#pay" aria-label="Permanent link">&para;</a>'
    page = '<!doctype html><p a=1 b="&amp;">x &amp; y<input type="text" autocomplete="off"><script>if (a<b) {}</script>'
    page += '<a href="#x" title="A titled link">x</a>'
    assert repair(page) == page  # everything else comes back exactly as written


def test_markdown_repairs_name_task_checkboxes_and_drop_empty_headers() -> None:
    text = markdown.markdown(
        "- [ ] Do [it](x) & *more*\n    - [x] sub\n\n|   | B |\n|---|---|\n| a | b |\n",
        extensions=[
            "tables",
            TasklistExtension(custom_checkbox=True, clickable_checkbox=True),
            MarkdownRepairs(),
        ],
    )
    assert '<input type="checkbox" aria-label="Do it &amp; more"/>' in text
    assert '<input type="checkbox" aria-label="sub" checked/>' in text
    assert "<th></th>" not in text
    assert "<td></td>" in text
    assert "<th>B</th>" in text


def test_markdown_repairs_put_each_table_alone_in_a_holder() -> None:
    text = markdown.markdown(
        "Before.\n\n| A |\n|---|\n| 1 |\n\nBetween.\n\n!!! note\n\n    | B |\n    |---|\n    | 2 |\n\nAfter.\n",
        extensions=["tables", "admonition", MarkdownRepairs()],
    )
    holders = re.findall(r'<div class="table-holder">\s*<table>.*?</table>\s*</div>', text, flags=re.S)
    assert len(holders) == 2
    assert text.index("Before.") < text.index("<table>") < text.index("Between.")  # each stays where it was
    assert text.index("Between.") < text.rindex("<table>") < text.index("After.")
    assert text.count("<table>") == 2


def test_every_built_page_has_description_canonical_and_open_graph(site: Path) -> None:
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if page.name == "404.html":
            assert '<meta name="robots" content="noindex">' in text
            continue
        for pattern in (
            r'<meta name="description" content="[^"]{20,}">',
            r'<link rel="canonical" href="https://[^"]+">',
            r'<meta property="og:title" content="[^"]+">',
            r'<meta property="og:image" content="https://[^"]+/assets/images/social-card\.png">',
        ):
            assert re.search(pattern, text), f"{page}: {pattern}"
    assert (site / "assets" / "images" / "social-card.png").is_file()
    assert "Sitemap: " in (site / "robots.txt").read_text(encoding="utf-8")
    assert (site / "sitemap.xml").is_file()


def _contents() -> list[AnchorLink]:
    page = AnchorLink("Sources", "sources", 1)
    section = AnchorLink("Sources list", "list", 2)
    section.children = [AnchorLink("One source", "one", 3), AnchorLink("Another", "another", 3)]
    page.children = [section, AnchorLink("Method", "method", 2)]
    return [page]


def test_toc_depth_keeps_the_headings_down_to_its_level() -> None:
    contents = _contents()
    trim_contents(contents, 2)
    assert [item.id for item in contents[0].children] == ["list", "method"]
    assert [item.children for item in contents[0].children] == [[], []]
    whole = _contents()
    trim_contents(whole, 3)
    assert [item.id for item in whole[0].children[0].children] == ["one", "another"]


@pytest.mark.parametrize("depth", [0, 7, "2", True, 2.5])
def test_a_toc_depth_that_is_no_heading_level_stops_the_build(depth: object) -> None:
    page = SimpleNamespace(file=SimpleNamespace(src_uri="sources.md"), meta={"toc_depth": depth}, toc=_contents())
    with pytest.raises(PluginError, match=r"sources.md: toc_depth must be a heading level, 1 to 6"):
        on_page_context(
            cast("TemplateContext", {}), page=cast("Page", page), config=MkDocsConfig(), nav=cast("Navigation", None)
        )

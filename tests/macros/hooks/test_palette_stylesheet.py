"""Material's palette stylesheet without the rule that restyles each page twice as it starts."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from macros.hooks.palette_stylesheet import STYLESHEETS, SWITCHING_RULE, on_post_build, without_switching_rule


def test_the_rule_goes_and_every_other_rule_stays() -> None:
    before = "[data-md-color-scheme=slate]{color-scheme:dark}"
    after = "@media print{.x{color:#000}}"
    assert without_switching_rule(before + SWITCHING_RULE + after, "palette.css") == before + after


@pytest.mark.parametrize("times", [0, 2])
def test_a_stylesheet_without_the_rule_once_stops_the_build_naming_it(times: int) -> None:
    with pytest.raises(PluginError, match=rf"palette\.1234\.min\.css: .* {times} times, not once"):
        without_switching_rule(".a{}" + SWITCHING_RULE * times, "palette.1234.min.css")


def test_the_hook_rewrites_the_one_palette_stylesheet_in_place(tmp_path: Path) -> None:
    folder = tmp_path / STYLESHEETS
    folder.mkdir(parents=True)
    sheet = folder / "palette.1234.min.css"
    sheet.write_text(".a{}" + SWITCHING_RULE, encoding="utf-8")
    (folder / "palette.1234.min.css.map").write_text("{}", encoding="utf-8")
    on_post_build(SimpleNamespace(site_dir=str(tmp_path)))  # type: ignore[arg-type]
    assert sheet.read_text(encoding="utf-8") == ".a{}"
    (folder / "palette.5678.min.css").write_text(SWITCHING_RULE, encoding="utf-8")
    with pytest.raises(PluginError, match="one palette stylesheet"):
        on_post_build(SimpleNamespace(site_dir=str(tmp_path)))  # type: ignore[arg-type]


def test_the_built_site_marks_no_switch_of_theme(site: Path) -> None:
    [sheet] = (site / STYLESHEETS).glob("palette.*.css")
    text = sheet.read_text(encoding="utf-8")
    assert "data-md-color-switching" not in text
    assert "[data-md-color-scheme=slate]" in text  # the palettes themselves are all there

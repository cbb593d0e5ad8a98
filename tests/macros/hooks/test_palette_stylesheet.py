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


def test_the_hook_writes_the_site_copy_from_the_theme_copy(tmp_path: Path) -> None:
    theme, site = tmp_path / "theme", tmp_path / "site"
    for folder in (theme, site):
        (folder / STYLESHEETS).mkdir(parents=True)
    (theme / STYLESHEETS / "palette.1234.min.css").write_text(".a{}" + SWITCHING_RULE, encoding="utf-8")
    sheet = site / STYLESHEETS / "palette.1234.min.css"
    sheet.write_text(".a{}" + SWITCHING_RULE, encoding="utf-8")
    (site / STYLESHEETS / "palette.1234.min.css.map").write_text("{}", encoding="utf-8")
    config = SimpleNamespace(site_dir=str(site), theme=SimpleNamespace(dirs=[str(tmp_path / "custom"), str(theme)]))
    for _ in range(2):  # a build that did not copy the theme's files again is patched the same
        on_post_build(config)  # type: ignore[arg-type]
        assert sheet.read_text(encoding="utf-8") == ".a{}"
    (site / STYLESHEETS / "palette.5678.min.css").write_text(SWITCHING_RULE, encoding="utf-8")
    with pytest.raises(PluginError, match="one palette stylesheet"):
        on_post_build(config)  # type: ignore[arg-type]


def test_the_built_site_marks_no_switch_of_theme(site: Path) -> None:
    [sheet] = (site / STYLESHEETS).glob("palette.*.css")
    text = sheet.read_text(encoding="utf-8")
    assert "data-md-color-switching" not in text
    assert "[data-md-color-scheme=slate]" in text  # the palettes themselves are all there

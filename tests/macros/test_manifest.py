"""The build manifest follows a site folder that ``make build`` renames."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.manifest import Manifest, ManifestMissing, ManifestPage, main, read, write


def _manifest(site_dir: Path) -> Manifest:
    return Manifest(
        site_name="Guide",
        site_description="A guide",
        site_url="https://example.com/",
        pages=(ManifestPage(url="", title="Home"),),
        sources_read=("2026-01-01", "2026-02-01"),
        calculators={},
        site_dir=str(site_dir.resolve()),
    )


def test_a_renamed_site_keeps_its_manifest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built, final = tmp_path / ".site.new", tmp_path / "site"
    built.mkdir()
    write(_manifest(built), tmp_path)
    built.rename(final)
    monkeypatch.chdir(tmp_path)
    assert main([".site.new", "site"]) == 0
    assert read(tmp_path, final) == _manifest(final)
    with pytest.raises(ManifestMissing):
        read(tmp_path, built)


def test_moving_a_site_that_no_build_made_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["nowhere", "site"]) == 1
    assert "build the site first" in capsys.readouterr().err

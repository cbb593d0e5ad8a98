"""The GitHub Pages workflow builds with the README's commands and publishes site/."""

from __future__ import annotations

from typing import Any

import yaml

from tests.support.build import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return list(job["steps"])


def test_the_workflow_builds_with_the_readme_commands_and_publishes_the_site() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = "\n".join(step.get("run", "") for step in _steps(build))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("make system", "make build"):
        assert command in runs
        assert command in readme
    upload = [step for step in _steps(build) if str(step.get("uses", "")).startswith("actions/upload-pages-artifact")]
    assert upload
    assert upload[0]["with"]["path"] == "site"
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["permissions"] == {"contents": "read"}  # nothing else may write
    assert all("SITE_URL" in step.get("env", {}) for step in _steps(build) if "make build" in step.get("run", ""))

"""The GitHub workflow files are valid and do what the README says they do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_there_are_three_workflows() -> None:
    assert {path.name for path in WORKFLOWS} == {"tests.yml", "pages.yml", "release.yml"}


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_matches_github_schema(workflow: Path) -> None:
    """check-jsonschema ships GitHub's workflow schema, so this needs no network."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(workflow),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_tests_workflow_runs_the_readme_test_command() -> None:
    steps = yaml.safe_load((ROOT / ".github/workflows/tests.yml").read_text())["jobs"]["test"][
        "steps"
    ]
    assert any(step.get("run", "").strip() == "python3 dev.py test" for step in steps)
    assert "python3 dev.py test" in (ROOT / "README.md").read_text()


def test_pages_workflow_builds_strictly_then_deploys() -> None:
    jobs = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text())["jobs"]
    build_steps = jobs["build"]["steps"]
    assert any("python3 dev.py build" in step.get("run", "") for step in build_steps)
    assert any(
        step.get("uses", "").startswith("actions/upload-pages-artifact") for step in build_steps
    )
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")


def test_release_workflow_builds_once_checks_and_publishes_without_a_token() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/release.yml").read_text())
    # PyYAML reads the key "on" as True.
    assert workflow[True]["push"]["tags"] == ["v*"]
    jobs = workflow["jobs"]
    runs = "\n".join(step.get("run", "") for step in jobs["build"]["steps"])
    assert 'GITHUB_REF_NAME}" != "v${version}"' in runs, "the tag must match the version"
    assert "python3 -m build --sdist --wheel" in runs and "twine check --strict" in runs
    assert "python3 .ci/check_dist.py dist" in runs
    builds = [job for job in jobs.values() if "python3 -m build" in str(job)]
    assert len(builds) == 1, "the files are built once, then passed on as an artifact"
    publish = jobs["publish-pypi"]
    assert publish["needs"] == "build" and publish["permissions"] == {"id-token": "write"}
    (step,) = [s for s in publish["steps"] if "pypi-publish" in s.get("uses", "")]
    assert "with" not in step, "trusted publishing: no password or token"
    release = jobs["github-release"]
    assert release["permissions"] == {"contents": "write"}
    assert "gh release create" in release["steps"][-1]["run"]
    readme = (ROOT / "README.md").read_text()
    assert "git tag v" in readme and (ROOT / "CHANGELOG.md").read_text().count("## [0.1.0]") == 1


def test_package_tests_run_on_every_supported_python() -> None:
    """requires-python, the classifiers and the tests workflow's matrix name the same versions."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    prefix = "Programming Language :: Python :: 3."
    classified = sorted(
        (c.removeprefix("Programming Language :: Python :: ") for c in project["classifiers"]
         if c.startswith(prefix)),
        key=lambda v: int(v.split(".")[1]),
    )  # fmt: skip
    assert project["requires-python"] == f">={classified[0]}"
    minors = [int(v.split(".")[1]) for v in classified]
    assert minors == list(range(minors[0], minors[-1] + 1)), "no version skipped"
    jobs = yaml.safe_load((ROOT / ".github/workflows/tests.yml").read_text())["jobs"]
    assert jobs["package"]["strategy"]["matrix"]["python-version"] == classified
    run = " ".join(step.get("run", "") for step in jobs["package"]["steps"])
    assert "tests/unit" in run and "src/lossnotes" in run

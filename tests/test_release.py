"""Was ein Release braucht: Metadaten, publiccode.yml, die Prüfliste zwischen zwei Releases.

Die Prüfungen, die bauen oder einen Browser brauchen (reproduzierbare Artefakte,
``twine check``, die Tests aus dem entpackten sdist, die Doku im Browser), führt
``.ci/run`` aus; hier steht, was ohne sie geht.
"""

from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

WURZEL = Path(__file__).resolve().parent.parent


def _pyproject() -> dict[str, Any]:
    return tomllib.loads((WURZEL / "pyproject.toml").read_text(encoding="utf-8"))


def _werkzeug(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, WURZEL / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


# --- publiccode.yml -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def publiccode() -> dict[str, Any]:
    daten = yaml.safe_load((WURZEL / "publiccode.yml").read_text(encoding="utf-8"))
    assert isinstance(daten, dict)
    return daten


def test_publiccode_hat_alle_pflichtfelder_des_standards(publiccode: dict[str, Any]) -> None:
    for schluessel in (
        "publiccodeYmlVersion",
        "name",
        "url",
        "platforms",
        "developmentStatus",
        "softwareType",
        "description",
        "legal",
        "maintenance",
        "localisation",
    ):
        assert publiccode.get(schluessel), f"publiccode.yml: {schluessel} fehlt"
    assert isinstance(publiccode["publiccodeYmlVersion"], str)
    assert publiccode["url"].startswith("https://")
    assert set(publiccode["platforms"]) <= {"web", "windows", "mac", "linux", "ios", "android"}
    assert publiccode["developmentStatus"] in {
        "concept",
        "development",
        "beta",
        "stable",
        "obsolete",
    }
    assert publiccode["softwareType"] == "library"
    assert publiccode["legal"]["license"] == _pyproject()["project"]["license"]
    wartung = publiccode["maintenance"]
    assert wartung["type"] in {"internal", "contract", "community", "none"}
    if wartung["type"] in {"internal", "community"}:
        assert all(k.get("name") for k in wartung["contacts"])
    sprache = publiccode["localisation"]
    assert isinstance(sprache["localisationReady"], bool)
    assert sprache["availableLanguages"] == ["de"]


def test_publiccode_beschreibt_deutsch_in_den_grenzen_des_standards(
    publiccode: dict[str, Any],
) -> None:
    de = publiccode["description"]["de"]
    assert 0 < len(de["shortDescription"]) <= 150
    assert 150 <= len(de["longDescription"]) <= 10_000
    assert de["features"] and all(isinstance(f, str) and f for f in de["features"])


def test_entwicklungsstand_stimmt_mit_den_klassifikatoren(publiccode: dict[str, Any]) -> None:
    klassifikatoren = _pyproject()["project"]["classifiers"]
    stand = {
        "development": "Development Status :: 3 - Alpha",
        "beta": "Development Status :: 4 - Beta",
        "stable": "Development Status :: 5 - Production/Stable",
    }[publiccode["developmentStatus"]]
    assert stand in klassifikatoren


def test_publiccode_nennt_version_und_tag_des_releases(publiccode: dict[str, Any]) -> None:
    """``softwareVersion`` und ``releaseDate`` folgen dem letzten datierten Abschnitt des
    CHANGELOG (zwischen zwei Releases: dem letzten Release)."""
    changelog = (WURZEL / "CHANGELOG.md").read_text(encoding="utf-8")
    treffer = re.search(r"^## \[(\d+\.\d+\.\d+)\] [–-] (\d{4}-\d{2}-\d{2})$", changelog, re.M)
    if treffer is None:  # vor dem ersten Release
        assert "softwareVersion" not in publiccode
        return
    assert publiccode["softwareVersion"] == treffer.group(1)
    assert str(publiccode["releaseDate"]) == treffer.group(2)


# --- Metadaten -----------------------------------------------------------------------------


def test_klassifikatoren_nennen_jede_unterstuetzte_python_version() -> None:
    projekt = _pyproject()["project"]
    klassifikatoren = set(projekt["classifiers"])
    assert projekt["requires-python"] == ">=3.11"
    for version in ("3.11", "3.12", "3.13"):
        assert f"Programming Language :: Python :: {version}" in klassifikatoren
    for pflicht in (
        "License :: OSI Approved :: MIT License",
        "Natural Language :: German",
        "Typing :: Typed",
    ):
        assert pflicht in klassifikatoren
    assert any(k.startswith("Topic :: ") for k in klassifikatoren)
    assert any(k.startswith("Development Status :: ") for k in klassifikatoren)
    assert projekt["keywords"]


def test_das_test_extra_enthaelt_keine_entwicklungswerkzeuge() -> None:
    extras = _pyproject()["project"]["optional-dependencies"]
    namen = {re.split(r"[<>=!~\[ ;]", d, maxsplit=1)[0].lower() for d in extras["test"]}
    werkzeuge = {
        "ruff",
        "import-linter",
        "build",
        "twine",
        "pydantic",
        "sphinx",
        "furo",
        "myst-parser",
        "sphinx-copybutton",
        "playwright",
    }
    assert not namen & werkzeuge, namen & werkzeuge
    assert "sphinx-copybutton" in " ".join(extras["docs"])


def test_das_sdist_enthaelt_was_die_tests_der_readme_brauchen() -> None:
    enthalten = set(_pyproject()["tool"]["hatch"]["build"]["targets"]["sdist"]["include"])
    for pfad in (".ci", "tests", "src", "README.md", "publiccode.yml", "docs", "examples"):
        assert pfad in enthalten, pfad


def test_zwischen_zwei_releases_passt_alles_zur_version() -> None:
    """Pin des Downstream-Beispiels, API-Stand und Schemas (``release_pruefen --entwurf``)."""
    werkzeug = _werkzeug("release_pruefen")
    befunde = werkzeug.pruefe_pin(werkzeug.version()) + werkzeug.pruefe_schemas()
    assert befunde == []


def test_die_release_pruefung_erkennt_einen_undatierten_abschnitt(tmp_path: Path) -> None:
    werkzeug = _werkzeug("release_pruefen")
    werkzeug.WURZEL = tmp_path  # type: ignore[attr-defined]
    (tmp_path / "CHANGELOG.md").write_text(
        "# Changelog\n\n## [Unreleased]\n\n## [1.2.0] – 2026-12-01\n\n- neu\n", encoding="utf-8"
    )
    assert werkzeug.pruefe_changelog("1.2.0") == []
    assert werkzeug.pruefe_changelog("1.3.0")
    (tmp_path / "CHANGELOG.md").write_text(
        "# Changelog\n\n## [Unreleased]\n\n- offen\n\n## [1.2.0] – 2026-12-01\n", encoding="utf-8"
    )
    assert any("Unreleased" in b for b in werkzeug.pruefe_changelog("1.2.0"))

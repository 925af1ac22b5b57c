"""Prüft vor einem Release, ob alles zur Version passt (die Liste in docs/anleitungen/release.rst).

Aufruf aus der Wurzel des Repositorys::

    .venv/bin/python tools/release_pruefen.py          # für das Release: alles muss stimmen
    .venv/bin/python tools/release_pruefen.py --entwurf  # zwischen Releases: .dev erlaubt

Geprüft wird:

* ``kim_nrw.__version__`` ist eine Release-Version ``MAJOR.MINOR.PATCH`` (ohne ``.dev``);
* CHANGELOG.md hat einen datierten Abschnitt ``## [VERSION] – JJJJ-MM-TT`` und der
  Abschnitt „Unreleased“ ist leer;
* ``examples/downstream/pyproject.toml`` pinnt genau diese Version;
* der Stand der öffentlichen API (``tools/api_stand.py``) und die mitgelieferten JSON
  Schemas (``tools/schemas.py --pruefen``) sind aktuell;
* ``publiccode.yml`` nennt eine echte Adresse (keine ``.invalid``-Platzhalter).

Mit ``--entwurf`` gelten nur die Prüfungen, die auch zwischen zwei Releases stimmen
müssen (API-Stand, Schemas, Pin gleich ``__version__``). Exit-Code 0, wenn alles stimmt.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

WURZEL = Path(__file__).resolve().parent.parent
_RELEASE = re.compile(r"\d+\.\d+\.\d+")


def _werkzeug(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, WURZEL / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


def version() -> str:
    """Die Version aus ``src/kim_nrw/__init__.py`` (ohne das Paket zu importieren)."""
    text = (WURZEL / "src" / "kim_nrw" / "__init__.py").read_text(encoding="utf-8")
    treffer = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if treffer is None:
        raise RuntimeError("__version__ nicht gefunden")
    return treffer.group(1)


def pruefe_changelog(v: str) -> list[str]:
    """Datierter Abschnitt für ``v``, leerer Abschnitt „Unreleased“."""
    text = (WURZEL / "CHANGELOG.md").read_text(encoding="utf-8")
    fehler = []
    if not re.search(rf"^## \[{re.escape(v)}\] [–-] \d{{4}}-\d{{2}}-\d{{2}}$", text, re.MULTILINE):
        fehler.append(f"CHANGELOG.md: kein Abschnitt „## [{v}] – JJJJ-MM-TT“")
    offen = re.search(r"^## \[Unreleased\]\n(.*?)(?=^## \[|\Z)", text, re.MULTILINE | re.DOTALL)
    if offen is not None and offen.group(1).strip():
        fehler.append("CHANGELOG.md: „Unreleased“ ist nicht leer – Einträge gehören zur Version")
    return fehler


def pruefe_pin(v: str) -> list[str]:
    """Das Downstream-Beispiel pinnt genau ``v``."""
    datei = WURZEL / "examples" / "downstream" / "pyproject.toml"
    daten = tomllib.loads(datei.read_text("utf-8"))
    pins = [d for d in daten["project"]["dependencies"] if d.startswith("kim-nrw")]
    if pins != [f"kim-nrw=={v}"]:
        return [f"examples/downstream/pyproject.toml pinnt {pins}, erwartet kim-nrw=={v}"]
    return []


def pruefe_api() -> list[str]:
    """Der gespeicherte Stand der öffentlichen API ist aktuell."""
    werkzeug = _werkzeug("api_stand")
    if werkzeug.bericht(werkzeug.lies(), werkzeug.erfasse()):
        return ["API-Stand veraltet: tools/api_stand.py (Bericht lesen, dann --schreiben)"]
    return []


def pruefe_schemas() -> list[str]:
    """Die mitgelieferten JSON Schemas gleichen den Modellen."""
    ergebnis = subprocess.run(
        [sys.executable, str(WURZEL / "tools" / "schemas.py"), "--pruefen"],
        capture_output=True,
        text=True,
    )
    return [] if ergebnis.returncode == 0 else [f"Schemas: {ergebnis.stdout.strip()}"]


def pruefe_publiccode() -> list[str]:
    """``publiccode.yml`` nennt keine Platzhalter-Adresse."""
    text = (WURZEL / "publiccode.yml").read_text(encoding="utf-8")
    if ".invalid" in text:
        return ["publiccode.yml: url ist noch der Platzhalter (.invalid)"]
    return []


def main(argv: list[str] | None = None) -> int:
    """Alle Prüfungen; listet jeden Befund."""
    parser = argparse.ArgumentParser(description="Ist das Repository bereit für ein Release?")
    parser.add_argument("--entwurf", action="store_true", help="zwischen Releases prüfen")
    args = parser.parse_args(argv)
    v = version()
    befunde = pruefe_pin(v) + pruefe_api() + pruefe_schemas()
    if not args.entwurf:
        if not _RELEASE.fullmatch(v):
            befunde.insert(0, f"__version__ = {v!r} ist keine Release-Version MAJOR.MINOR.PATCH")
        befunde += pruefe_changelog(v) + pruefe_publiccode()
    for b in befunde:
        print("FEHLER:", b)
    print(f"kim_nrw {v}: " + ("bereit" if not befunde else f"{len(befunde)} Befunde"))
    return 1 if befunde else 0


if __name__ == "__main__":
    sys.exit(main())

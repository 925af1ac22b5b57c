"""Die Doku-Werkzeuge: Referenz aus der Stub-Tabelle, CLI-Seite, Zeitleiste, deutsche Suche.

Diese Tests brauchen Sphinx und Babel (``.[docs]``); sie liegen deshalb neben den
Erweiterungen und nicht unter ``tests/`` (dem Testbefehl der README), und ``.ci/run`` führt
sie nach der Installation der Entwicklungswerkzeuge aus:
``.venv/bin/python -m pytest docs/_ext/tests``. Den gebauten Seiten im Browser gilt
``tools/doku_im_browser.py``.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import runpy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

WURZEL = Path(__file__).resolve().parents[3]
DOCS = WURZEL / "docs"


def _erweiterung(name: str) -> ModuleType:
    if str(DOCS / "_ext") not in sys.path:
        sys.path.insert(0, str(DOCS / "_ext"))
    spec = importlib.util.spec_from_file_location(name, DOCS / "_ext" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    sys.modules[name] = modul
    spec.loader.exec_module(modul)
    return modul


# --- conf.py und Inventare ---------------------------------------------------------------


def test_die_doku_baut_nitpicky_mit_kopierknopf_und_inventaren() -> None:
    conf: dict[str, Any] = runpy.run_path(str(DOCS / "conf.py"))
    assert conf["nitpicky"] is True
    assert conf["language"] == "de"
    assert "sphinx_copybutton" in conf["extensions"]
    assert conf["copybutton_only_copy_prompt_lines"] is True
    muster = re.compile(conf["copybutton_prompt_text"])
    assert muster.match(">>> x") and muster.match("... x") and not muster.match("x = 1")
    for name, (adresse, inventar) in conf["intersphinx_mapping"].items():
        assert adresse.startswith("https://"), name
        kopf = Path(inventar).read_bytes()[:80]
        assert kopf.startswith(b"# Sphinx inventory version 2"), name
    assert {"python", "attrs", "cattrs", "hypothesis"} <= set(conf["intersphinx_mapping"])


def test_die_versionierung_nennt_den_abschnitt_wie_das_changelog() -> None:
    seite = (DOCS / "erklaerung" / "versionierung.rst").read_text(encoding="utf-8")
    changelog = (WURZEL / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "„Regeln und Daten“" in changelog
    assert "„Regeln und Daten“" in seite
    assert "Recht und Daten" not in seite


# --- Zeitleiste -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def zeitleiste() -> ModuleType:
    return _erweiterung("kim_zeitleiste")


def test_die_zeitleistentabelle_macht_aus_einer_nummer_keine_aufzaehlung(
    zeitleiste: ModuleType,
) -> None:
    assert zeitleiste._rst("1. Änderung KI-Erlass: maßgeblich").startswith("1\\. Änderung")
    tabelle = zeitleiste.erzeuge_rst()
    assert "- 1\\. Änderung KI-Erlass" in tabelle
    assert not re.search(r"^\s+- \d+\. ", tabelle, re.MULTILINE)


@pytest.mark.parametrize("fassung", ["BREIT", "SCHMAL"])
def test_jeder_balken_ist_beschriftet_und_die_schrift_gross_genug(
    zeitleiste: ModuleType, fassung: str
) -> None:
    g = getattr(zeitleiste, fassung)
    zeilen = zeitleiste.alle_zeilen()
    svg = ET.fromstring(zeitleiste.erzeuge_svg(zeilen, g))
    texte = [t for t in svg.iter("{http://www.w3.org/2000/svg}text") if (t.text or "").strip()]
    sichtbar = [t.text for t in texte]
    for zeile in zeilen:
        for a in zeile.abschnitte:
            assert a.text in sichtbar, f"{fassung}: Balken ohne Beschriftung: {a.text}"
    standard = float(svg.get("font-size", "0"))
    for t in texte:
        groesse = float(t.get("font-size", standard))
        assert groesse >= 12.5, (fassung, t.text, groesse)
        x = float(t.get("x", "0"))
        breite = zeitleiste._textbreite(t.text or "", groesse)
        anker = t.get("text-anchor", "start")
        links = x - breite if anker == "end" else x - breite / 2 if anker == "middle" else x
        rechts = links + breite
        assert links >= 0 and rechts <= g.breite + 1, (fassung, t.text, links, rechts)
    assert svg.get("style", "").startswith(f"max-width:{g.breite}px"), "nie größer gestreckt"


def test_die_seite_bindet_beide_fassungen_ein(zeitleiste: ModuleType) -> None:
    html = ET.fromstring(zeitleiste.erzeuge_html())
    klassen = [s.get("class", "") for s in html.iter("{http://www.w3.org/2000/svg}svg")]
    assert klassen == [
        "kim-zeitleiste kim-zeitleiste-breit",
        "kim-zeitleiste kim-zeitleiste-schmal",
    ]
    css = (DOCS / "_static" / "kim.css").read_text(encoding="utf-8")
    assert "@container" in css and ".kim-zeitleiste-schmal" in css
    seite = (DOCS / "erklaerung" / "zeitleiste.rst").read_text(encoding="utf-8")
    assert "_generiert/zeitleiste.html" in seite


# --- deutsche Oberfläche und Suche ----------------------------------------------------------


def test_die_suche_bekommt_eine_zahl_als_pluralform_und_deutsche_texte() -> None:
    sprache = _erweiterung("kim_sprache")
    import json

    mitgeliefert = (
        'Documentation.addTranslations({"locale": "de", "messages": {'
        '"Search finished, found one page matching the search query.": ["", ""],'
        '"Searching": "Suchen", "Leer": ""}, "plural_expr": "(n != 1)"});'
    )
    po = DOCS / "locale" / "de" / "LC_MESSAGES" / "sphinx.po"
    js = sprache.javascript(mitgeliefert, po)
    katalog = json.loads(js.removeprefix("Documentation.addTranslations(").rstrip(");\n"))
    assert katalog["plural_expr"] == "Number((n != 1))"
    einzahl, mehrzahl = katalog["messages"][
        "Search finished, found one page matching the search query."
    ]
    assert einzahl.startswith("Suche beendet") and "${resultCount}" in mehrzahl
    assert katalog["messages"]["Searching"] == "Suchen"
    assert "Leer" not in katalog["messages"], "leere Übersetzungen fallen weg"
    assert katalog["messages"]["Back to top"] == "Nach oben"


def test_fest_eingebaute_englische_attribute_werden_deutsch() -> None:
    sprache = _erweiterung("kim_sprache")
    html = (
        '<input aria-label="Toggle site navigation sidebar">'
        '<svg><title>Light mode</title></svg><p>Toggle site navigation sidebar</p>'
    )
    neu = sprache.ersetze(html)
    assert 'aria-label="Navigation ein- und ausblenden"' in neu
    assert "<title>Hell</title>" in neu
    assert "<p>Toggle site navigation sidebar</p>" in neu, "Text der Seiten bleibt unberührt"


# --- API-Referenz ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def api() -> ModuleType:
    return _erweiterung("kim_api")


def test_jeder_name_der_wurzel_steht_auf_genau_einer_themenseite(api: ModuleType) -> None:
    import kim_nrw

    seiten = api.sammle()
    dokumentiert = [e.name for s in seiten for e in s.wurzel]
    erwartet = [f"kim_nrw.{n}" for n in kim_nrw.__all__ if n != "__version__"]
    assert sorted(dokumentiert) == sorted(erwartet)
    texte = {s.thema.datei: api.seite_rst(s) for s in seiten}
    for name in erwartet:
        kurz = name.rsplit(".", 1)[1]
        treffer = [
            d
            for d, t in texte.items()
            if re.search(rf"^\.\. (auto\w+|py:\w+):: ({re.escape(name)}|{kurz})$", t, re.M)
        ]
        assert len(treffer) == 1, (name, treffer)
    assert "testing" in texte and "kim_nrw.testing.kommunen" in texte["testing"]


def test_verweise_auf_das_definierende_modul_fuehren_zum_oeffentlichen_namen(
    api: ModuleType,
) -> None:
    alias, kurz = api._alias_tabelle(api.sammle())
    assert next(api._kandidaten("kim_nrw.serial.dokument.lade", alias, kurz)) == "kim_nrw.lade"
    assert next(api._kandidaten("kim_nrw.serial.lade", alias, kurz)) == "kim_nrw.lade"
    kandidaten = list(api._kandidaten("kim_nrw.recht.Parameter.wert_am", alias, kurz))
    assert "kim_nrw.Parameter.wert_am" in kandidaten
    assert "kim_nrw.recht.Gewissheit" in list(
        api._kandidaten("kim_nrw.recht.quellen.Gewissheit", alias, kurz)
    )


# --- Kommandozeile --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli_seite() -> str:
    text: str = _erweiterung("kim_cli").erzeuge()
    return text


def test_die_cli_referenz_nennt_jeden_unterbefehl_und_die_exit_codes(cli_seite: str) -> None:
    import argparse

    from kim_nrw import cli

    bauer = _erweiterung("kim_cli").parser_bauer(cli)
    parser = bauer()
    unter = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, unterparser in unter.choices.items():
        assert f"``kim-nrw {name}``" in cli_seite
        for aktion in unterparser._actions:
            for option in aktion.option_strings:
                assert option in cli_seite, (name, option)
    assert "Exit-Codes" in cli_seite
    for wert in (0, 1, 2, 3):
        assert f"   * - {wert}\n" in cli_seite


def test_die_cli_referenz_ist_deutsch(cli_seite: str) -> None:
    for englisch in ("show this help message", "show program's version", "usage:"):
        assert englisch not in cli_seite

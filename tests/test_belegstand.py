"""Belegstand: die Paketdaten zitieren nur öffentliche Quellen, und jede Lücke ist sichtbar.

* Kein ausgelieferter Text (``src/kim_nrw/**``, ``docs/**``) nennt die internen
  Recherchenotizen des Projekts; Daten, Meldungen und Doku zitieren Kurznamen des
  Quellenkatalogs (mit Adresse) oder die eigenen Doku-Seiten.
* Die Doku-Seite „Belegstand“ (``docs/_ext/kim_belegstand.py``) listet jede Lücke eines
  Parameters, jeden unbekannten Parameter, jede Lücke der Rechtsgrundlage, jeden unsicheren
  Wert, jede unsichere Rechtsgrundlage und Quelle.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kim_nrw.programme import alle_programme
from kim_nrw.recht import Gewissheit, alle_parameter, alle_rechtsquellen

WURZEL = Path(__file__).resolve().parent.parent
VERBOTEN = re.compile(r"Faktenblatt|NOT FOUND|domain\.md|domain-nachtrag|seeds/")
"""Wörter, an denen man die internen Recherchenotizen erkennt (wie ``grep`` sie sucht)."""

NOCH_ZU_BEREINIGEN: set[str] = set()
"""Dateien, die vorübergehend noch einen Treffer haben dürfen (etwa weil ein anderer Zweig
sie gerade neu schreibt). Der Test verlangt, dass jede noch einen Treffer hat – sonst
gehört sie aus der Liste. Zur Zeit keine."""


ERZEUGT = {("_build",), ("_generiert",), ("referenz", "api")}
"""Beim Bauen erzeugte Ordner der Doku (nicht im Repository); ihre Quellen werden geprüft."""


def _ausgeliefert() -> list[Path]:
    dateien = [p for p in (WURZEL / "src" / "kim_nrw").rglob("*") if p.is_file()]
    for p in (WURZEL / "docs").rglob("*"):
        teile = p.relative_to(WURZEL / "docs").parts
        if p.is_file() and not any(teile[: len(e)] == e for e in ERZEUGT):
            dateien.append(p)
    return [p for p in dateien if "__pycache__" not in p.parts and p.suffix not in {".inv", ".pyc"}]


def _treffer(p: Path) -> list[str]:
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return []
    return [z.strip() for z in text.splitlines() if VERBOTEN.search(z)]


def test_kein_ausgelieferter_text_nennt_die_recherchenotizen() -> None:
    funde = {}
    for p in _ausgeliefert():
        name = p.relative_to(WURZEL).as_posix()
        if name not in NOCH_ZU_BEREINIGEN and (treffer := _treffer(p)):
            funde[name] = treffer[:3]
    assert funde == {}


def test_die_ausnahmen_sind_noch_noetig() -> None:
    for name in sorted(NOCH_ZU_BEREINIGEN):
        assert _treffer(WURZEL / name), f"{name} ist bereinigt: aus NOCH_ZU_BEREINIGEN streichen"


def test_die_suche_erkennt_die_woerter() -> None:
    for text in ("laut Faktenblatt 3.3", "NOT FOUND", "siehe domain.md", "domain-nachtrag.md",
                 "Textkopie seeds/004"):  # fmt: skip
        assert VERBOTEN.search(text), text
    assert not VERBOTEN.search("in den gelesenen Quellen nicht belegt")


# -- Die Seite „Belegstand“ -----------------------------------------------------------------


@pytest.fixture(scope="module")
def belegstand() -> ModuleType:
    ordner = WURZEL / "docs" / "_ext"
    if str(ordner) not in sys.path:
        sys.path.insert(0, str(ordner))
    spec = importlib.util.spec_from_file_location("kim_belegstand", ordner / "kim_belegstand.py")
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


@pytest.fixture(scope="module")
def seite(belegstand: ModuleType) -> str:
    text: str = belegstand.erzeuge()
    # die Seite ist reStructuredText mit Zeilenumbrüchen in Tabellenzellen nur als Leerzeichen
    return text


def _ohne_auszeichnung(text: str) -> str:
    return text.replace("\\", "")


def test_seite_nennt_keine_recherchenotizen(seite: str) -> None:
    assert not VERBOTEN.search(seite)


def test_jede_luecke_eines_parameters_steht_mit_grund_auf_der_seite(seite: str) -> None:
    text = _ohne_auszeichnung(seite)
    anzahl = 0
    for p in alle_parameter().values():
        for lu in p.luecken:
            assert f"`{p.name} <" in seite and lu.grund in text, (p.name, lu.zeitraum)
            anzahl += 1
    assert anzahl >= 40
    assert f"dazu {anzahl} Lücken" in seite


def test_jeder_unbekannte_parameter_steht_auf_der_seite(seite: str) -> None:
    text = _ohne_auszeichnung(seite)
    unbekannt = [p for p in alle_parameter().values() if not p.ist_bekannt]
    assert unbekannt
    for p in unbekannt:
        assert p.nicht_bekannt in text, p.name


def test_jede_luecke_der_rechtsgrundlage_steht_auf_der_seite(seite: str) -> None:
    text = _ohne_auszeichnung(seite)
    luecken = [(t, lu) for p in alle_programme() for t in p.teile for lu in t.grundlagenluecken]
    assert len(luecken) >= 6
    for t, lu in luecken:
        assert lu.grund in text and t.bezeichnung in text, t.teil


def test_jeder_unsichere_wert_und_jede_unsichere_quelle_steht_auf_der_seite(seite: str) -> None:
    text = _ohne_auszeichnung(seite)
    for p in alle_parameter().values():
        for w in p.werte:
            if w.gewissheit is Gewissheit.UNSICHER:
                assert w.anmerkung in text, (p.name, w.zeitraum)
    for q in alle_rechtsquellen().values():
        if q.gewissheit is Gewissheit.UNSICHER:
            assert f"`{q.kurzname} <" in seite, q.kurzname
    for programm in alle_programme():
        for t in programm.teile:
            for g in t.rechtsgrundlagen:
                if g.gewissheit is Gewissheit.UNSICHER:
                    assert g.anmerkung in text, (t.teil, g.quelle)


def test_seite_nennt_die_gefolgerten_rechenweisen(seite: str) -> None:
    assert "Sachausgaben für das Ehrenamt im Kontext Prävention" in seite
    assert "je Haushaltsjahr voll" in seite
    assert "deckt nur die Stellen" in seite


def test_seite_wird_nur_bei_aenderung_geschrieben(belegstand: ModuleType, tmp_path: Path) -> None:
    ziel = tmp_path / "belegstand.rst"
    assert belegstand.schreibe(ziel) is True
    assert belegstand.schreibe(ziel) is False
    assert ziel.read_text(encoding="utf-8") == belegstand.erzeuge()

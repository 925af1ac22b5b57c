"""Der Aktenvermerk: Deutsch aus einer Hand, ohne interne Kennungen.

Jedes mitgelieferte Beispiel (``examples/antraege/*.json``) wird zu mehreren Stichtagen
geprüft; sein Aktenvermerk (:meth:`~kim_nrw.Pruefergebnis.erklaerung`) nennt Quellen mit
ihrem Zitat, Parameter mit ihrer Beschreibung und Aufzählungen mit ihrer Bezeichnung –
nie einen Kurznamen des Quellenkatalogs (``S-Heinsberg-2021``), einen Parameternamen
(``kim.b2.case_management.betrag_je_stelle``) oder einen Aufzählungswert
(``case_management``, ``abh_ebh``, ``KIM.B2``). Nur die Kennungen der Regeln stehen darin:
der Regelkatalog der Doku führt sie.
"""

from __future__ import annotations

import enum
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from kim_nrw.antrag import Foerderantrag
from kim_nrw.programme import beschreibung as programmbeschreibung
from kim_nrw.programme import teile as programmteile
from kim_nrw.pruefung import REGELN, ergebnis, geltung, pruefe
from kim_nrw.recht import alle_parameter, alle_rechtsquellen
from kim_nrw.recht import parameter as parametermodul
from kim_nrw.recht import quellen as quellenmodul
from kim_nrw.serial import lade

WURZEL = Path(__file__).resolve().parent.parent
BEISPIELE = sorted((WURZEL / "examples" / "antraege").glob("*.json"))


def _aufzaehlungen() -> list[type[enum.Enum]]:
    module = (programmteile, programmbeschreibung, ergebnis, geltung, parametermodul, quellenmodul)
    return [
        wert
        for modul in module
        for wert in vars(modul).values()
        if isinstance(wert, type)
        and issubclass(wert, enum.Enum)
        and wert.__module__ == modul.__name__
    ]


def _interne_werte() -> set[str]:
    """Aufzählungswerte, die keine Wörter sind: mit ``_`` oder ``.`` oder klein geschrieben –
    und keine Bezeichnung (``erfüllt``, ``abgeleitet`` sind Wert und Bezeichnung zugleich)."""
    werte = {"in_kraft", "vorlaeufig"}  # die alten Werte der Gewissheit
    mitglieder = [m for art in _aufzaehlungen() for m in art]
    bezeichnungen = {getattr(m, "bezeichnung", None) for m in mitglieder}
    for mitglied in mitglieder:
        wert = mitglied.value
        if isinstance(wert, str) and wert not in bezeichnungen and re.search(r"[._]|^[a-z]", wert):
            werte.add(wert)
    return werte


def _stichtage(antrag: Foerderantrag) -> list[date]:
    beginn = antrag.zeitraum.beginn
    return [beginn - timedelta(days=1), beginn, date(beginn.year, 6, 1), date(beginn.year, 2, 1)]


def _ohne_regelkennungen(text: str) -> str:
    for regel in sorted(REGELN, key=lambda r: -len(r.id)):
        text = text.replace(regel.id, "")
    return text


def _treffer(text: str, woerter: set[str]) -> list[str]:
    return sorted(w for w in woerter if re.search(rf"(?<![\w.-]){re.escape(w)}(?![\w-])", text))


def test_die_aufzaehlungen_haben_bezeichnungen() -> None:
    for art in _aufzaehlungen():
        for mitglied in art:
            assert getattr(mitglied, "bezeichnung", ""), f"{art.__name__}.{mitglied.name}"


@pytest.mark.parametrize("datei", BEISPIELE, ids=lambda p: p.name)
def test_aktenvermerk_ohne_interne_kennungen(datei: Path) -> None:
    antrag = lade(Foerderantrag, datei.read_text(encoding="utf-8"))
    kurznamen = set(alle_rechtsquellen())
    parameternamen = set(alle_parameter())
    aufzaehlungswerte = _interne_werte()
    for stichtag in _stichtage(antrag):
        text = pruefe(antrag, stichtag).erklaerung()
        assert "Hinweis: „förderfähig“ begründet keinen Rechtsanspruch" in text
        rest = _ohne_regelkennungen(text)
        assert _treffer(rest, kurznamen) == [], (datei.name, stichtag)
        assert _treffer(rest, parameternamen) == [], (datei.name, stichtag)
        assert _treffer(rest, aufzaehlungswerte) == [], (datei.name, stichtag)
        assert not re.search(r"\d{4}-\d{2}-\d{2}", rest), "ein ISO-Datum statt der deutschen Form"


def test_der_test_findet_was_er_sucht() -> None:
    werte = _interne_werte()
    assert {"case_management", "abh_ebh", "KIM.B2", "bestaetigt", "in_kraft"} <= werte
    assert "erfüllt" not in werte and "abgeleitet" not in werte
    assert _treffer("Quelle S-Heinsberg-2021 und case_management", {"S-Heinsberg-2021",
                                                                     "case_management"}) == [
        "S-Heinsberg-2021", "case_management"]  # fmt: skip
    assert _treffer("Förderantrag und Landkreis", {"antrag", "kreis"}) == []


def test_gemeinsamer_antrag_nennt_die_teile_je_bedingung() -> None:
    datei = next(p for p in BEISPIELE if "kleve" in p.name)
    text = pruefe(lade(Foerderantrag, datei.read_text(encoding="utf-8")),
                  date(2025, 2, 1)).erklaerung()  # fmt: skip
    assert text.startswith("Prüfung: KIM Baustein 1: Strategische Steuerung (Koordinierende "
                           "Stellen) und KIM Baustein 2: Rechtskreisübergreifendes Case "
                           "Management (gemeinsamer Antrag)")  # fmt: skip
    assert "(ALLG.TRAEGER; KIM Baustein 1 und KIM Baustein 2)" in text
    assert "(KIM.B1.ZUSATZSTELLE.KREIS; KIM Baustein 1)" in text
    assert "- Höchstbetrag KIM Baustein 1 = 222.000,00 €" in text
    assert "- Höchstbetrag KIM Baustein 2 = 285.000,00 €" in text
    assert "- Höchstbetrag = 507.000,00 €" in text
    assert "Ergebnis: förderfähig, vorbehaltlich: " in text

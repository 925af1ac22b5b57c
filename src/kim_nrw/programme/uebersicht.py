"""Die Übersicht für ``kim-nrw programme``: alle Programme, Teile und Parameter an einem Stichtag.

Die Übersicht ist deutscher Text, eine Angabe je Zeile. Jeder Parameter erscheint mit dem
am Stichtag geltenden Wert (mit Zeitraum, Gewissheit und Quellen) oder mit dem Grund, warum
es keinen gibt: „nicht belegt“ (eine Lücke der Quellen) oder „keine Geltung“ (der
Parameter galt an dem Tag nicht). Den Stichtag gibt der Aufrufer; nur die CLI nimmt
ohne Angabe den heutigen Tag und druckt ihn.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from kim_nrw.fehler import UngueltigeEingabe
from kim_nrw.programme.beschreibung import (
    Programmbeschreibung,
    Teilbeschreibung,
    Vorgaengerprogramm,
)
from kim_nrw.programme.katalog import alle_programme, einwanderung_gestalten
from kim_nrw.programme.parameterstand import Parameterstand
from kim_nrw.programme.teile import Foerderart
from kim_nrw.recht import Gewissheit, alle_parameter, parameter
from kim_nrw.schreibweise import datum as deutsches_datum
from kim_nrw.validatoren import ist_datum

__all__ = ["RAHMEN_PRAEFIX", "programme_uebersicht"]

RAHMEN_PRAEFIX = "tintg."
"""Präfix der Parameter des gesetzlichen Rahmens (§ 3 Abs. 2 TIntG 2021), ohne Programm."""

_EINRUECKUNG = "    "


def _parameterzeilen(staende: Iterable[Parameterstand], tiefe: int) -> list[str]:
    return [f"{_EINRUECKUNG * tiefe}{s.text}" for s in staende]


def _foerderart(t: Teilbeschreibung, stichtag: date) -> str:
    s = Parameterstand.ermittle(parameter(t.parameter_foerderart), stichtag)
    if s.wert is None:
        return f"{s.stand.bezeichnung} – {s.grund}"
    w = s.wert
    status = f"{w.gewissheit.kennung} {w.gewissheit.bezeichnung}"
    return f"{Foerderart(w.text).bezeichnung} ({status}, {w.zeitraum})"


def _grundlagen(t: Teilbeschreibung, stichtag: date) -> list[str]:
    zeilen = []
    for g in t.rechtsgrundlagen_am(stichtag):
        marke = "" if g.gewissheit is Gewissheit.BESTAETIGT else f" {g.gewissheit.kennung}"
        zeilen.append(f"{_EINRUECKUNG * 3}{g.zitat().text}{marke}")
    luecke = t.grundlagenluecke_am(stichtag)
    if luecke is not None:
        zeilen.append(f"{_EINRUECKUNG * 3}nicht belegt – {luecke.grund}")
    return zeilen or [f"{_EINRUECKUNG * 3}keine"]


def _teil(t: Teilbeschreibung, stichtag: date) -> list[str]:
    zeilen = [f"{_EINRUECKUNG}{t.bezeichnung} [{t.teil.value}]"]
    beginn = t.beginn()
    if stichtag < beginn:
        zeilen.append(
            f"{_EINRUECKUNG * 2}am Stichtag noch nicht eingeführt "
            f"(erster Fördertag: {deutsches_datum(beginn)})"
        )
        return zeilen
    zeilen.append(f"{_EINRUECKUNG * 2}Gefördert seit: {deutsches_datum(beginn)}")
    ende = t.ende()
    if ende is not None:
        marke = f"{ende.gewissheit.kennung} {ende.gewissheit.bezeichnung}"
        nachfolger = (
            f"; abgelöst durch {t.abgeloest_durch.bezeichnung}" if t.abgeloest_durch else ""
        )
        lage = "läuft"
        if stichtag > ende.datum:
            lage = "vielleicht beendet" if ende.gewissheit is Gewissheit.UNSICHER else "beendet"
        zeilen.append(
            f"{_EINRUECKUNG * 2}Letzter Fördertag: {deutsches_datum(ende.datum)} ({marke}; "
            f"am Stichtag {lage}{nachfolger}; Quellen: {', '.join(ende.quellen)})"
        )
    zeilen += [
        f"{_EINRUECKUNG * 2}Förderart: {_foerderart(t, stichtag)}",
        f"{_EINRUECKUNG * 2}Empfänger: {', '.join(e.bezeichnung for e in t.empfaenger)}",
        f"{_EINRUECKUNG * 2}Rechtsgrundlagen:",
        *_grundlagen(t, stichtag),
        f"{_EINRUECKUNG * 2}Parameter:",
        *_parameterzeilen(t.parameter_am(stichtag), 3),
    ]
    return zeilen


def _programm(p: Programmbeschreibung, stichtag: date) -> list[str]:
    titel = f"{p.programm.value}: {p.bezeichnung}"
    zeilen = [titel, "=" * len(titel), f"Bewilligung: {p.bewilligungsbehoerde.text}"]
    if stichtag < p.beginn():
        zeilen.append(
            f"Am Stichtag noch nicht eingeführt (erster Fördertag: {deutsches_datum(p.beginn())})."
        )
        return zeilen
    programmweit = p.parameter_am(stichtag)
    if programmweit:
        zeilen += ["Parameter des ganzen Programms:", *_parameterzeilen(programmweit, 1)]
    for t in p.teile:
        zeilen += ["", *_teil(t, stichtag)]
    return zeilen


def _vorgaenger(v: Vorgaengerprogramm, stichtag: date) -> list[str]:
    titel = f"Vorgängerprogramm des {v.nachfolger.value}: {v.name} ({v.zeitraum})"
    if stichtag.year < v.beginn_jahr:
        lage = "noch nicht begonnen"
    elif stichtag > v.ende:
        lage = f"beendet; Nachfolger: {v.nachfolger.bezeichnung}"
    else:
        lage = f"Modellphase (Beginn im {v.beginn_text}, Tag nicht belegt)"
    kommunen = ", ".join(f"{m.name} ({m.schluessel})" for m in v.modellkommunen)
    return [
        titel,
        "=" * len(titel),
        f"Am Stichtag: {lage}",
        f"Modellkommunen: {kommunen}",
        "Parameter:",
        *_parameterzeilen(v.parameter_am(stichtag), 1),
    ]


def _rahmen(stichtag: date) -> list[str]:
    namen = [n for n in alle_parameter() if n.startswith(RAHMEN_PRAEFIX)]
    titel = "Gesetzlicher Rahmen: Mindestbudget nach § 3 Abs. 2 TIntG 2021"
    staende = (Parameterstand.ermittle(parameter(n), stichtag) for n in namen)
    return [titel, "=" * len(titel), *_parameterzeilen(staende, 1)]


def _uebrige(stichtag: date, bekannt: set[str]) -> list[str]:
    rest = [n for n in alle_parameter() if n not in bekannt]
    if not rest:
        return []
    titel = "Weitere Parameter (keinem Programm zugeordnet)"
    staende = (Parameterstand.ermittle(parameter(n), stichtag) for n in rest)
    return ["", titel, "=" * len(titel), *_parameterzeilen(staende, 1)]


def programme_uebersicht(stichtag: date) -> str:
    """Alle Programme, Teile, Förderarten, Empfänger, Rechtsgrundlagen und Parameter am Stichtag.

    Der Text endet mit einem Zeilenumbruch. Jeder Parameter des Pakets kommt genau einmal vor,
    sobald alle Programme eingeführt sind; bei einem Programm, das am Stichtag noch nicht
    begonnen hat, steht nur sein erster Fördertag. Bei einem Teil mit bekanntem Ende steht
    der letzte Fördertag mit Gewissheit, Quellen und Nachfolger.

    >>> from datetime import date
    >>> from kim_nrw.programme import programme_uebersicht
    >>> text = programme_uebersicht(date(2021, 7, 1))
    >>> print(text.splitlines()[0])
    Förderprogramme in NRW am Stichtag 01.07.2021
    >>> "kim.b2.case_management.betrag_je_stelle = 55.000,00 EUR" in text
    True
    >>> "Förderart: fachbezogene Pauschale" in text
    True
    """
    if not ist_datum(stichtag):
        raise UngueltigeEingabe("stichtag", stichtag, "ein datetime.date ohne Uhrzeit")
    kopf = f"Förderprogramme in NRW am Stichtag {deutsches_datum(stichtag)}"
    zeilen = [
        kopf,
        "Gewissheit der Werte: "
        + "; ".join(f"{g.kennung} {g.bezeichnung}" for g in Gewissheit)
        + ".",
        "„nicht belegt“: die Quellen nennen den Wert nicht; „keine Geltung“: der Wert galt "
        "an diesem Tag nicht.",
    ]
    bekannt: set[str] = set()
    for p in alle_programme():
        zeilen += ["", *_programm(p, stichtag)]
        bekannt.update(p.parameternamen())
        for t in p.teile:
            bekannt.update(t.parameternamen())
    vorgaenger = einwanderung_gestalten()
    zeilen += ["", *_vorgaenger(vorgaenger, stichtag)]
    bekannt.update(vorgaenger.parameternamen())
    zeilen += ["", *_rahmen(stichtag)]
    bekannt.update(n for n in alle_parameter() if n.startswith(RAHMEN_PRAEFIX))
    zeilen += _uebrige(stichtag, bekannt)
    return "\n".join(zeilen) + "\n"

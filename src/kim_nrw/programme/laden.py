"""Laden des Programmkatalogs aus ``kim_nrw/daten/programme/`` – streng, einmal je Prozess.

Die Dateien:

* ``ki.toml``, ``kim.toml``, ``komman.toml``, ``ehrenamt_praevention.toml`` – je ein Programm
  (:class:`~kim_nrw.programme.Programmbeschreibung`) mit seinen Teilen;
* ``einwanderung_gestalten.toml`` – das Vorgängerprogramm des KIM mit seinen
  Modellkommunen;
* ``behoerden.toml`` – die Bewilligungsbehörden (:mod:`kim_nrw.programme.behoerden`).

Was die Schlüssel bedeuten, erklärt der Kopf von ``kim.toml``; die Modelle stehen in
:mod:`kim_nrw.programme.beschreibung`. Gelesen wird mit dem einen Konverter des Pakets
(:func:`kim_nrw.konverter.lies_toml`): unbekannte und fehlende Schlüssel, falsche Typen
und jede Formprüfung der Modelle sind ein :class:`~kim_nrw.fehler.DatenFehler` mit Datei
und Pfad. Danach prüft der Lader jeden
Verweis: jeder Kurzname steht im Quellenkatalog (eine Rechtsgrundlage ist ein Rechtsakt
mit ableitbarem Zeitraum), jeder Parametername in den Paketdaten, jede Behörde in
``behoerden.toml``, jede Modellkommune im Gebietsregister. ``import kim_nrw`` liest keine
dieser Dateien; :func:`katalog` liest sie beim ersten Aufruf einmal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import kim_nrw._paketdaten as paketdaten
from kim_nrw._modell import frozen
from kim_nrw.einmal import einmal
from kim_nrw.fehler import DatenFehler, KimNrwFehler
from kim_nrw.konverter import lies_toml
from kim_nrw.programme.behoerden import alle_behoerden
from kim_nrw.programme.beschreibung import (
    Programmbeschreibung,
    Rechtsgrundlage,
    Teilbeschreibung,
    Vorgaengerprogramm,
)
from kim_nrw.programme.teile import Programm, Programmteil
from kim_nrw.recht import alle_parameter, alle_rechtsquellen
from kim_nrw.schreibweise import datum

__all__ = [
    "DATEI_VORGAENGER",
    "PROGRAMMDATEIEN",
    "Katalog",
    "katalog",
    "lade_programm",
    "lade_vorgaenger",
]

ORDNER = "kim_nrw/daten/programme"
PROGRAMMDATEIEN: Mapping[Programm, str] = MappingProxyType(
    {
        Programm.KI: "ki.toml",
        Programm.KIM: "kim.toml",
        Programm.KOMM_AN: "komman.toml",
        Programm.EHRENAMT_PRAEVENTION: "ehrenamt_praevention.toml",
    }
)
"""Die Datei jedes Programms in ``kim_nrw/daten/programme/``."""
DATEI_VORGAENGER = "einwanderung_gestalten.toml"


@frozen
class Katalog:
    """Der geladene Programmkatalog: die Programme (in der Reihenfolge von
    :class:`~kim_nrw.programme.Programm`) und das Vorgängerprogramm."""

    programme: Mapping[Programm, Programmbeschreibung]
    vorgaenger: Vorgaengerprogramm
    teile: Mapping[Programmteil, Teilbeschreibung]
    """Jeder Teil aller Programme, nach Kennung (für schnelles Nachschlagen in der Prüfung)."""


class _Pruefer:
    """Prüft die Verweise einer Datei gegen Quellenkatalog, Parameter und Behörden."""

    def __init__(self, datei: str) -> None:
        self.datei = datei
        self.quellen = alle_rechtsquellen()
        self.parameter = alle_parameter()

    def fehler(self, ort: str, problem: str) -> DatenFehler:
        return DatenFehler(self.datei, ort, problem)

    def kurznamen(self, ort: str, kurznamen: Iterable[str | None]) -> None:
        for k in kurznamen:
            if k is not None and k not in self.quellen:
                raise self.fehler(ort, f"Quelle {k!r} steht nicht im Quellenkatalog")

    def parameternamen(self, namen: Iterable[tuple[str, str]]) -> None:
        for ort, name in namen:
            if name not in self.parameter:
                raise self.fehler(ort, f"Parameter {name!r} fehlt in den Paketdaten")

    def grundlage(self, ort: str, g: Rechtsgrundlage) -> None:
        self.kurznamen(f"{ort}.quelle", (g.quelle,))
        self.kurznamen(f"{ort}.ab", (g.ab,))
        self.kurznamen(f"{ort}.bis", (g.bis,))
        if not self.quellen[g.quelle].ist_rechtsakt:
            raise self.fehler(f"{ort}.quelle", f"{g.quelle!r} ist kein Rechtsakt, nur ein Beleg")
        try:
            beginn, ende = g.gilt_ab, g.gilt_bis
        except KimNrwFehler as fehler:
            raise self.fehler(ort, f"{fehler}; mit ab = '<Kurzname>' nennen") from fehler
        if ende is not None and ende < beginn:
            zeitraum = f"maßgeblich bis {datum(ende)}, vor dem Beginn am {datum(beginn)}"
            raise self.fehler(ort, zeitraum)

    def teil(self, t: Teilbeschreibung) -> None:
        ort = f"teile[{t.teil.value}]"
        self.kurznamen(f"{ort}.quellen", t.quellen)
        self.kurznamen(f"{ort}.stellen.quelle", (t.stellen.quelle,))
        namen = [
            (f"{ort}.parameter_beginn", t.parameter_beginn),
            (f"{ort}.parameter_foerderart", t.parameter_foerderart),
        ]
        if t.parameter_ende is not None:
            namen.append((f"{ort}.parameter_ende", t.parameter_ende))
        for nr, p in enumerate(t.posten):
            namen.append((f"{ort}.posten[{nr}].betrag", p.betrag))
            namen += [(f"{ort}.posten[{nr}].hoechstumfang", g.parameter) for g in p.hoechstumfang]
            if p.zuschlag_zusatzstelle is not None:
                namen.append((f"{ort}.posten[{nr}].zuschlag_zusatzstelle", p.zuschlag_zusatzstelle))
        if t.obergrenze is not None:
            namen.append((f"{ort}.obergrenze.parameter", t.obergrenze.parameter))
        if t.sachkosten is not None:
            namen.append((f"{ort}.sachkosten.hoechstbetrag", t.sachkosten.hoechstbetrag))
            self.kurznamen(f"{ort}.sachkosten.quellen", t.sachkosten.quellen)
        if (r := t.raumpauschalen) is not None:
            namen += [(f"{ort}.raumpauschalen.{feld}", getattr(r, feld))
                      for feld in ("renovierung", "ausstattung", "je_gebaeude")]  # fmt: skip
            self.kurznamen(f"{ort}.raumpauschalen.quellen", r.quellen)
        self.parameternamen(namen)
        for nr, g in enumerate(t.rechtsgrundlagen):
            self.grundlage(f"{ort}.rechtsgrundlagen[{nr}]", g)
        for nr, lu in enumerate(t.grundlagenluecken):
            self.kurznamen(f"{ort}.grundlagenluecken[{nr}].quellen", lu.quellen)
        for b in t.bausteine:
            self.kurznamen(f"{ort}.bausteine[{b.kennung}].quellen", b.quellen)


def lade_programm(text: str | Mapping[str, Any], datei: str) -> Programmbeschreibung:
    """Liest eine Programmdatei und prüft alle ihre Verweise (Fehler: DatenFehler).

    ``text`` darf auch schon gelesenes TOML sein (siehe :func:`~kim_nrw.konverter.lies_toml`).
    """
    p = lies_toml(Programmbeschreibung, text, datei)
    pruefer = _Pruefer(datei)
    pruefer.kurznamen("quellen", p.quellen)
    if p.bewilligt_von not in alle_behoerden():
        raise pruefer.fehler("bewilligt_von", f"Behörde {p.bewilligt_von!r} steht nicht in "
                             "behoerden.toml")  # fmt: skip
    for t in p.teile:
        pruefer.teil(t)
    return p


def lade_vorgaenger(text: str | Mapping[str, Any], datei: str) -> Vorgaengerprogramm:
    """Liest die Datei eines Vorgängerprogramms; jede Modellkommune muss im Register stehen.

    ``text`` darf auch schon gelesenes TOML sein (siehe :func:`~kim_nrw.konverter.lies_toml`).
    """
    v = lies_toml(Vorgaengerprogramm, text, datei)
    pruefer = _Pruefer(datei)
    pruefer.kurznamen("quellen", v.quellen)
    for m in v.modellkommunen:
        try:
            m.einheit()
        except KimNrwFehler as fehler:
            raise pruefer.fehler(f"modellkommunen[{m.name}]", str(fehler)) from fehler
    return v


def _text(name: str) -> tuple[str | dict[str, Any], str]:
    return paketdaten.inhalt(f"programme/{name}"), f"{ORDNER}/{name}"


@einmal
def katalog() -> Katalog:
    """Der Programmkatalog des Pakets (beim ersten Aufruf einmal geladen, schnell aus der
    geladenen Form in :mod:`kim_nrw._paketdaten`)."""
    return paketdaten.geladen_oder("katalog", katalog_aus_toml)


def katalog_aus_toml() -> Katalog:
    """Der Programmkatalog, gelesen aus den TOML-Dateien und geprüft gegen Quellenkatalog,
    Parameter, Behörden und Gebietsregister (ohne die geladene Form)."""
    pruefer = _Pruefer(f"{ORDNER}/behoerden.toml")
    for kennung, behoerde in alle_behoerden().items():
        pruefer.kurznamen(f"behoerde.{kennung}.quellen", behoerde.quellen)
    programme = {}
    for programm, name in PROGRAMMDATEIEN.items():
        p = lade_programm(*_text(name))
        if p.programm is not programm:
            raise DatenFehler(f"{ORDNER}/{name}", "programm", f"erwartet {programm.value!r}")
        programme[programm] = p
    teile = {t.teil: t for p in programme.values() for t in p.teile}
    vorgaenger = lade_vorgaenger(*_text(DATEI_VORGAENGER))
    return Katalog(MappingProxyType(programme), vorgaenger, MappingProxyType(teile))

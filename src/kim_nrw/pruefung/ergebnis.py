"""Das Ergebnis einer Prüfung: jede Bedingung, der Höchstbetrag und seine Rechnung.

Förderfähigkeit ist nie eine Ausnahme, sondern ein Ergebnis: jede Bedingung
wird geprüft (kein Abbruch beim ersten Fehlschlag) und trägt einen Status, eine
deutsche Begründung mit den konkreten Werten und ihre Rechtsquelle.
"""

from __future__ import annotations

import enum
from datetime import date

from attrs import frozen

from kim_nrw.antrag import Foerderantrag
from kim_nrw.fehler import NichtGefunden
from kim_nrw.geld import Betrag

__all__ = [
    "Entscheidung",
    "Pruefergebnis",
    "Pruefpunkt",
    "Pruefstatus",
    "Rechenschritt",
    "VerwendeterWert",
]


class Pruefstatus(enum.Enum):
    """Der Ausgang einer einzelnen Bedingung."""

    ERFUELLT = "erfüllt"
    NICHT_ERFUELLT = "nicht erfüllt"
    NICHT_ANWENDBAR = "nicht anwendbar"
    UNBEKANNT = "unbekannt"
    """Eine Angabe, nach der die Bedingung fragt, fehlt im Antrag (oder in den Quellen)."""


class Entscheidung(enum.Enum):
    """Das Gesamtergebnis: förderfähig, nicht förderfähig oder (mangels Angaben) offen."""

    FOERDERFAEHIG = "förderfähig"
    NICHT_FOERDERFAEHIG = "nicht förderfähig"
    UNENTSCHIEDEN = "unentschieden"

    @classmethod
    def aus(cls, status: list[Pruefstatus]) -> Entscheidung:
        """Nicht erfüllt schlägt unbekannt; unbekannt schlägt erfüllt."""
        if Pruefstatus.NICHT_ERFUELLT in status:
            return cls.NICHT_FOERDERFAEHIG
        if Pruefstatus.UNBEKANNT in status:
            return cls.UNENTSCHIEDEN
        return cls.FOERDERFAEHIG


@frozen
class Pruefpunkt:
    """Eine geprüfte Bedingung.

    :param id: stabile Kennung, z. B. ``KIM.KI_VORHANDEN``.
    :param titel: kurz, was geprüft wird.
    :param status: der Ausgang.
    :param begruendung: deutscher Satz mit den konkreten Werten.
    :param quelle: die Fundstelle, z. B. ``§ 9 Abs. 1 TIntG 2021 (GV. NRW. S. 1213a)``.
    :param quellen_id: Kurzname der Rechtsquelle im Katalog.
    """

    id: str
    titel: str
    status: Pruefstatus
    begruendung: str
    quelle: str
    quellen_id: str


@frozen
class Rechenschritt:
    """Ein Schritt der Höchstbetragsrechnung; ``betrag`` ist das Zwischenergebnis."""

    beschreibung: str
    betrag: Betrag | None


@frozen
class VerwendeterWert:
    """Ein Parameterwert, den die Prüfung benutzt hat – für die Nachprüfung."""

    parameter: str
    wert: str
    zeitraum: str
    status: str
    quellen: tuple[str, ...]


@frozen
class Pruefergebnis:
    """Was :func:`~kim_nrw.pruefung.pruefe` über einen Antrag zu einem Stichtag sagt.

    ``hoechstbetrag`` ist ``None``, wenn er sich nicht berechnen lässt (etwa weil
    ein Betrag je Stelle in den Quellen nicht belegt ist); ``bewilligungsfaehig``
    ist der beantragte Betrag, gekürzt auf den Höchstbetrag.
    """

    antrag: Foerderantrag
    stichtag: date
    entscheidung: Entscheidung
    pruefpunkte: tuple[Pruefpunkt, ...]
    hoechstbetrag: Betrag | None
    bewilligungsfaehig: Betrag | None
    rechnung: tuple[Rechenschritt, ...]
    verwendete_werte: tuple[VerwendeterWert, ...]
    regelversionen: tuple[str, ...]

    def punkt(self, id: str) -> Pruefpunkt:
        """Der Prüfpunkt mit dieser Kennung; eine unbekannte Kennung ist :class:`NichtGefunden`."""
        for p in self.pruefpunkte:
            if p.id == id:
                return p
        kennungen = ", ".join(p.id for p in self.pruefpunkte)
        raise NichtGefunden("Prüfpunkt", id, f"dieses Ergebnis hat: {kennungen}")

    def erklaerung(self) -> str:
        """Das Ergebnis als deutscher Text für einen Aktenvermerk."""
        a = self.antrag
        kopf = [
            f"Prüfung: {a.programmteil.bezeichnung}",
            f"Antragsteller: {a.kommune.bezeichnung} ({a.antragsteller})",
            f"Förderzeitraum: {a.zeitraum.deutsch()}",
            f"Stichtag: {self.stichtag:%d.%m.%Y}",
            f"Ergebnis: {self.entscheidung.value}",
            "",
            "Bedingungen:",
        ]
        punkte = [
            f"- [{p.status.value}] {p.titel} ({p.id}): {p.begruendung} – {p.quelle}"
            for p in self.pruefpunkte
        ]
        rechnung = ["", "Höchstbetrag:"] + [
            f"- {s.beschreibung}" + (f" = {s.betrag.deutsch()}" if s.betrag else "")
            for s in self.rechnung
        ]
        werte = ["", "Verwendete Werte:"] + [
            f"- {w.parameter} = {w.wert} ({w.zeitraum}, {w.status}; Quellen: "
            f"{', '.join(w.quellen)})"
            for w in self.verwendete_werte
        ]
        fuss = ["", "Regelversionen: " + ", ".join(self.regelversionen)]
        return "\n".join(kopf + punkte + rechnung + werte + fuss)

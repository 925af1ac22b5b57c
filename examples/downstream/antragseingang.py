"""Antragseingang: Anträge als JSON annehmen, prüfen und eine Eingangsbestätigung schreiben.

So könnte Fachsoftware einer Kommune kim_nrw einbinden: Dokumente mit
:func:`kim_nrw.serial.lade` lesen (alle Fehler auf einmal, mit JSON-Pfad), mit
:func:`kim_nrw.pruefung.pruefe` zu einem Stichtag prüfen und das Ergebnis für die
Akte als JSON ablegen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kim_nrw.antrag import Foerderantrag
from kim_nrw.fehler import DokumentFehler
from kim_nrw.pruefung import Entscheidung, Pruefergebnis, pruefe
from kim_nrw.serial import als_json, lade

__all__ = ["Eingang", "nimm_an"]


@dataclass(frozen=True)
class Eingang:
    """Was der Eingang zu einem Dokument festhält."""

    angenommen: bool
    antrag: Foerderantrag | None
    ergebnis: Pruefergebnis | None
    maengel: tuple[str, ...]

    @property
    def akte(self) -> str | None:
        """Das Prüfergebnis als JSON-Dokument für die Akte (nur bei angenommenen Anträgen)."""
        return None if self.ergebnis is None else als_json(self.ergebnis)

    @property
    def foerderfaehig(self) -> bool:
        """Ob die Prüfung den Antrag am Stichtag für förderfähig hält – auch unter Vorbehalt
        (dann nennt :attr:`vorbehalte`, worauf das Ergebnis beruht)."""
        if self.ergebnis is None:
            return False
        return self.ergebnis.entscheidung.ist_foerderfaehig

    @property
    def ohne_vorbehalt(self) -> bool:
        """Ob die Prüfung den Antrag ohne jeden Vorbehalt für förderfähig hält."""
        ergebnis = self.ergebnis
        return ergebnis is not None and ergebnis.entscheidung is Entscheidung.FOERDERFAEHIG

    @property
    def vorbehalte(self) -> tuple[str, ...]:
        """Die Vorbehalte der Entscheidung in Worten (leer: keine)."""
        if self.ergebnis is None or not self.ergebnis.vorbehalte:
            return ()
        return (self.ergebnis.entscheidungszeile,)


def nimm_an(dokument: str | bytes | Path, stichtag: dt.date) -> Eingang:
    """Nimmt einen Antrag an (Text, Bytes oder Datei) und prüft ihn zum ``stichtag``.

    Ein formal fehlerhaftes Dokument wird nicht geprüft; der Eingang listet dann
    jeden Mangel mit seiner Stelle im Dokument.
    """
    daten = dokument.read_bytes() if isinstance(dokument, Path) else dokument
    try:
        antrag = lade(Foerderantrag, daten)
    except DokumentFehler as fehler:
        return Eingang(False, None, None, tuple(str(p) for p in fehler.probleme))
    return Eingang(True, antrag, pruefe(antrag, stichtag), ())

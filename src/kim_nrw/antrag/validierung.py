"""Validatoren der Antragsmodelle: je Feld eine einfache Funktion, die alles prüft.

Die Fabriken liefern attrs-Validatoren, die Feldname, Wert und Erwartung in
einer :class:`~kim_nrw.fehler.UngueltigeEingabe` nennen.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from kim_nrw.fehler import UngueltigeEingabe

__all__ = ["datum", "folge", "nachweis", "tatsache", "text", "typ"]


def typ(feld: str, erwartet: str, *typen: type) -> Any:
    """Validator, der nur den Typ prüft (Werttypen prüfen ihren Inhalt selbst)."""

    def pruefe(_instanz: object, _attribut: object, wert: object) -> None:
        if not isinstance(wert, typen) or (isinstance(wert, bool) and bool not in typen):
            raise UngueltigeEingabe(feld, wert, erwartet)

    return pruefe


def datum(feld: str, leer_erlaubt: bool = True) -> Any:
    """Validator für ein Datum (kein datetime), wahlweise auch None."""

    def pruefe(_instanz: object, _attribut: object, wert: object) -> None:
        if wert is None and leer_erlaubt:
            return
        if not isinstance(wert, date) or isinstance(wert, datetime):
            raise UngueltigeEingabe(feld, wert, "ein Datum (datetime.date)" +
                                    (" oder None (unbekannt)" if leer_erlaubt else ""))  # fmt: skip

    return pruefe


def tatsache(feld: str) -> Any:
    """Validator für eine Tatsache: true, false oder None (unbekannt)."""

    def pruefe(_instanz: object, _attribut: object, wert: object) -> None:
        if wert is not None and not isinstance(wert, bool):
            raise UngueltigeEingabe(feld, wert, "true, false oder null (unbekannt)")

    return pruefe


def nachweis(feld: str) -> Any:
    """Validator für einen Nachweis: Datum, true, false oder None."""

    def pruefe(_instanz: object, _attribut: object, wert: object) -> None:
        if wert is None or isinstance(wert, bool):
            return
        if not isinstance(wert, date) or isinstance(wert, datetime):
            raise UngueltigeEingabe(
                feld, wert, "ein Datum, true (liegt vor), false (liegt nicht vor) oder null"
            )

    return pruefe


def folge(feld: str, art: type) -> Any:
    """Validator für ein Tupel, dessen Elemente alle von ``art`` sind."""

    def pruefe(_instanz: object, _attribut: object, wert: object) -> None:
        if not isinstance(wert, tuple) or not all(isinstance(e, art) for e in wert):
            raise UngueltigeEingabe(feld, wert, f"ein Tupel von {art.__name__}")

    return pruefe


def text(feld: str, leer_erlaubt: bool = True) -> Any:
    """Validator für einen Text bis 500 Zeichen, wahlweise nicht leer."""

    def pruefe(_instanz: object, _attribut: object, wert: object) -> None:
        if not isinstance(wert, str) or len(wert) > 500 or (not leer_erlaubt and not wert.strip()):
            raise UngueltigeEingabe(feld, wert, "ein Text mit höchstens 500 Zeichen"
                                    + ("" if leer_erlaubt else ", nicht leer"))  # fmt: skip

    return pruefe

"""Die Bewilligungsbehörden der Programme, gelesen aus ``daten/programme/behoerden.toml``.

Eine Behörde steht dort einmal unter ihrer Kennung (``BRA``); die Programme nennen nur die
Kennung (``bewilligt_von = "BRA"``). Die Datei wird beim ersten Zugriff einmal gelesen.

>>> from kim_nrw.programme.behoerden import bewilligungsbehoerde
>>> bewilligungsbehoerde("BRA").name
'Bezirksregierung Arnsberg'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from attrs import field

import kim_nrw._paketdaten as paketdaten
from kim_nrw._modell import frozen
from kim_nrw.einmal import einmal
from kim_nrw.fehler import DatenFehler, NichtGefunden
from kim_nrw.konverter import lies_toml
from kim_nrw.programme.felder import QUELLEN, TEXT, TEXT_ODER_LEER
from kim_nrw.validatoren import Muster

__all__ = [
    "DATEI_BEHOERDEN",
    "KENNUNG",
    "Bewilligungsbehoerde",
    "alle_behoerden",
    "bewilligungsbehoerde",
    "lade_behoerden",
]

DATEI_BEHOERDEN = "kim_nrw/daten/programme/behoerden.toml"

KENNUNG = Muster("[A-Z][A-Za-z0-9]*", "eine Kennung aus Buchstaben und Ziffern, z. B. 'BRA'")
"""Die Kennung einer Behörde."""


@frozen
class Bewilligungsbehoerde:
    """Die Behörde, die Anträge prüft und Zuwendungen bewilligt.

    >>> from kim_nrw.programme import programm, Programm
    >>> programm(Programm.KIM).bewilligungsbehoerde.text
    'Bezirksregierung Arnsberg, Dezernat 36 – Kompetenzzentrum für Integration (KfI)'
    """

    name: str = field(validator=TEXT)
    dezernat: str = field(validator=TEXT)
    stelle: str = field(validator=TEXT)
    quellen: tuple[str, ...] = field(validator=QUELLEN)
    anmerkung: str = field(default="", validator=TEXT_ODER_LEER)

    @property
    def text(self) -> str:
        """Behörde, Dezernat und Stelle in einer Zeile."""
        return f"{self.name}, {self.dezernat} – {self.stelle}"


@frozen
class _Behoerden:
    """Die Datei: je Kennung eine Behörde (``[behoerde.BRA]``)."""

    behoerde: dict[str, Bewilligungsbehoerde]


def lade_behoerden(
    text: str | Mapping[str, Any], datei: str
) -> Mapping[str, Bewilligungsbehoerde]:
    """Liest eine Behördendatei streng (unbekannte Schlüssel sind Fehler).

    ``text`` darf auch schon gelesenes TOML sein (siehe :func:`~kim_nrw.konverter.lies_toml`).
    """
    behoerden = lies_toml(_Behoerden, text, datei).behoerde
    for kennung in behoerden:
        if not KENNUNG.gilt(kennung):
            problem = f"ungültig; erwartet: {KENNUNG.erwartet}"
            raise DatenFehler(datei, f"behoerde.{kennung}", problem)
    return MappingProxyType(behoerden)


def behoerden_aus_toml() -> Mapping[str, Bewilligungsbehoerde]:
    """Die Behörden des Pakets, gelesen aus ihrer TOML-Datei (ohne die geladene Form)."""
    return lade_behoerden(paketdaten.inhalt("programme/behoerden.toml"), DATEI_BEHOERDEN)


@einmal
def alle_behoerden() -> Mapping[str, Bewilligungsbehoerde]:
    """Die Behörden des Pakets nach Kennung (beim ersten Aufruf einmal gelesen, schnell aus
    der geladenen Form in :mod:`kim_nrw._paketdaten`)."""
    return paketdaten.geladen_oder("behoerden", behoerden_aus_toml)


def bewilligungsbehoerde(kennung: str) -> Bewilligungsbehoerde:
    """Die Behörde zu einer Kennung; :class:`~kim_nrw.fehler.NichtGefunden`, wenn unbekannt."""
    try:
        return alle_behoerden()[kennung]
    except (KeyError, TypeError):
        raise NichtGefunden("Bewilligungsbehörde", kennung) from None

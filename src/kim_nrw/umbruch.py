"""Text für ein Terminal mit 80 Spalten: Umbruch an Wortgrenzen und Tabellen.

* :func:`umbrechen` – jede Zeile, die breiter ist als ``breite``, an Wortgrenzen umbrechen;
  Folgezeilen rücken unter den Text ein (nach Einzug und Aufzählungszeichen);
* :func:`tabelle_als_text` – Zeilen (``dict``) als ausgerichtete Tabelle; passt sie nicht in
  die Breite, brechen die breitesten Spalten um, und wenn auch das nicht reicht, steht jede
  Zeile als Block „Spalte: Wert“.

Das Modul liest keine Daten und importiert außer der Standardbibliothek nur
:mod:`kim_nrw.fehler` (die Kommandozeile braucht es bei jedem Befehl).

>>> from kim_nrw.umbruch import umbrechen
>>> print(umbrechen("- " + "ein langer Satz " * 8, breite=40))
- ein langer Satz ein langer Satz ein
  langer Satz ein langer Satz ein langer
  Satz ein langer Satz ein langer Satz
  ein langer Satz
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping, Sequence

from kim_nrw.fehler import UngueltigeEingabe

__all__ = ["BREITE", "tabelle_als_text", "umbrechen"]

BREITE = 80
"""Die Breite der Textausgabe (ein Terminal mit 80 Spalten)."""

MINDESTBREITE = 20
"""Die kleinste Breite, auf die umbrochen wird (Einzug und Spalten brauchen Platz)."""


def _breite(breite: object) -> int:
    if not isinstance(breite, int) or isinstance(breite, bool) or breite < MINDESTBREITE:
        raise UngueltigeEingabe("breite", breite, f"eine ganze Zahl ≥ {MINDESTBREITE} (Spalten)")
    return breite


def _folge(wert: object, name: str, erwartet: str) -> Sequence[object]:
    if isinstance(wert, str | bytes | Mapping) or not isinstance(wert, Sequence):
        raise UngueltigeEingabe(name, wert, erwartet)
    return wert


_MARKE = re.compile(r"(\s*)(- |\* |• |\[[^\]]{1,20}\] )?")


def _zeile(zeile: str, breite: int) -> list[str]:
    if len(zeile) <= breite:
        return [zeile]
    treffer = _MARKE.match(zeile)
    einzug = treffer.group(1) if treffer else ""
    marke = (treffer.group(2) or "") if treffer else ""
    folge = einzug + (" " * len(marke) if marke else "  ")
    if len(folge) > breite // 2:
        folge = " " * (breite // 4)
    return textwrap.wrap(
        zeile, width=breite, initial_indent="", subsequent_indent=folge,
        break_long_words=True, break_on_hyphens=False, drop_whitespace=True,
    )  # fmt: skip


def umbrechen(text: str, breite: int = BREITE) -> str:
    """Bricht jede Zeile von ``text``, die breiter ist als ``breite``, an Wortgrenzen um.

    Kürzere Zeilen bleiben, wie sie sind (auch Leerzeilen). Ein Wort, das allein breiter
    ist (eine lange Adresse), wird geteilt – keine Zeile ist danach breiter als ``breite``.
    """
    if not isinstance(text, str):
        raise UngueltigeEingabe("text", text, "ein Text (str)")
    breite = _breite(breite)
    return "\n".join(z for zeile in text.split("\n") for z in _zeile(zeile, breite))


def _zelle(wert: object) -> str:
    if wert is None:
        return "–"
    return str(wert)


def tabelle_als_text(
    spalten: Sequence[tuple[str, str]],
    zeilen: Sequence[Mapping[str, object]],
    *,
    breite: int = BREITE,
    rechts: Sequence[str] = (),
) -> str:
    """Zeilen als Tabelle mit Kopf: ``spalten`` sind Paare (Schlüssel, Überschrift).

    Spalten in ``rechts`` stehen rechtsbündig (Zahlen). Passt die Tabelle nicht in
    ``breite``, brechen die breitesten Spalten an Wortgrenzen um; reicht auch das nicht,
    steht jede Zeile als Block.

    >>> from kim_nrw.planung.text import tabelle_als_text
    >>> print(tabelle_als_text([("a", "Name"), ("b", "Zahl")], [{"a": "Eins", "b": 1}],
    ...                        rechts=["b"]))
    Name  Zahl
    ----  ----
    Eins     1
    """
    breite = _breite(breite)
    paar = "ein Paar (Schlüssel, Überschrift) aus Texten"
    for i, sp in enumerate(_folge(spalten, "spalten", f"eine Liste; jeder Eintrag {paar}")):
        if not (isinstance(sp, tuple) and len(sp) == 2 and all(isinstance(x, str) for x in sp)):
            raise UngueltigeEingabe(f"spalten[{i}]", sp, paar)
    for i, z in enumerate(_folge(zeilen, "zeilen", "eine Liste von Zeilen (dict)")):
        if not isinstance(z, Mapping):
            raise UngueltigeEingabe(f"zeilen[{i}]", z, "eine Zeile (dict: Schlüssel → Wert)")
    for i, r in enumerate(_folge(rechts, "rechts", "eine Liste von Spaltenschlüsseln")):
        if not isinstance(r, str):
            raise UngueltigeEingabe(f"rechts[{i}]", r, "ein Spaltenschlüssel (str)")
    zellen = [[_zelle(z.get(s)) for s, _ in spalten] for z in zeilen]
    koepfe = [k for _, k in spalten]
    natuerlich = [max([len(k), *(len(r[i]) for r in zellen)]) for i, k in enumerate(koepfe)]
    abstand = 2
    verfuegbar = breite - abstand * (len(spalten) - 1)
    breiten = list(natuerlich)
    mindest = [max(len(k), 8) for k in koepfe]
    while sum(breiten) > verfuegbar:
        i = max(range(len(breiten)), key=lambda j: breiten[j] - mindest[j])
        if breiten[i] <= mindest[i]:
            return _bloecke(spalten, zellen, breite)
        breiten[i] -= 1
    linien = []
    kopf = [k.ljust(breiten[i]) for i, k in enumerate(koepfe)]
    linien.append((" " * abstand).join(kopf).rstrip())
    linien.append((" " * abstand).join("-" * b for b in breiten))
    for reihe in zellen:
        teile = [textwrap.wrap(z, width=breiten[i], break_long_words=True,
                               break_on_hyphens=False) or [""]
                 for i, z in enumerate(reihe)]  # fmt: skip
        for n in range(max(len(t) for t in teile)):
            stueck = []
            for i, t in enumerate(teile):
                text = t[n] if n < len(t) else ""
                schluessel = spalten[i][0]
                stueck.append(text.rjust(breiten[i]) if schluessel in rechts
                              else text.ljust(breiten[i]))  # fmt: skip
            linien.append((" " * abstand).join(stueck).rstrip())
    return "\n".join(linien)


def _bloecke(spalten: Sequence[tuple[str, str]], zellen: list[list[str]], breite: int) -> str:
    weite = max(len(k) for _, k in spalten) + 2
    linien: list[str] = []
    for reihe in zellen:
        for (_, kopf), wert in zip(spalten, reihe, strict=True):
            linien += textwrap.wrap(f"{(kopf + ':').ljust(weite)}{wert}", width=breite,
                                    subsequent_indent=" " * min(weite, breite // 2),
                                    break_long_words=True) or [kopf]  # fmt: skip
        linien.append("")
    return "\n".join(linien).rstrip("\n")

"""Text für ein 80-Spalten-Terminal: Umbruch an Wortgrenzen, Tabellen, der Plan in Worten.

* :func:`umbrechen` – jede Zeile, die breiter ist als ``breite``, an Wortgrenzen umbrechen;
  Folgezeilen rücken unter den Text ein (nach Einzug und Aufzählungszeichen);
* :func:`tabelle_als_text` – Zeilen (``dict``) als ausgerichtete Tabelle; passt sie nicht in
  die Breite, brechen die Textspalten um, und wenn auch das nicht reicht, steht jede Zeile
  als Block „Spalte: Wert“;
* :func:`plan_als_text` – ein :class:`~kim_nrw.planung.Plan` auf Deutsch.

Deutsche Schreibweisen kommen aus :mod:`kim_nrw.schreibweise`.

>>> from kim_nrw.planung.text import umbrechen
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
from decimal import Decimal

from kim_nrw import schreibweise
from kim_nrw.planung.plan import Plan, Planposten, Zugang
from kim_nrw.programme import teil
from kim_nrw.pruefung import Fundstelle, Hinweis, Hinweisart, VerwendeterWert, Vorbehaltsart
from kim_nrw.pruefung.erklaerung import (
    hinweis_text,
    parameter_text,
    rechenschritt_text,
    vorbehalt_text,
    wert_text,
)
from kim_nrw.recht import parameter

__all__ = ["BREITE", "plan_als_text", "tabelle_als_text", "umbrechen"]

BREITE = 80
"""Die Breite der Textausgabe (ein Terminal mit 80 Spalten)."""

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


# -- der Plan -------------------------------------------------------------------------------


def _vzae(wert: Decimal | None) -> str:
    return "unbegrenzt" if wert is None else schreibweise.vzae(wert)


def _stellen(p: Planposten) -> str:
    teile = []
    for s in p.stellen:
        text = f"{_vzae(s.vzae)} {s.funktion.bezeichnung}"
        if s.vzae is None and s.betrag_je_einheit is not None:
            einheit = "Stelle" if s.einheit == 1 else f"{schreibweise.vzae(s.einheit)}"
            text += f" (je {einheit} {s.betrag_je_einheit.deutsch()})"
        teile.append(text)
    return "; ".join(teile)


def _eigene_werte(p: Planposten) -> list[VerwendeterWert]:
    """Die Werte, die der Teil benutzt (bei einem gemeinsamen Antrag nicht die des anderen)."""
    if p.ergebnis is None:
        return []
    praefix = teil(p.teil).praefix
    in_rechnung = {s.parameter for s in p.rechnung if s.teil is p.teil}
    andere = tuple(teil(t).praefix for t in p.ergebnis.antrag.programmteile if t is not p.teil)
    return [w for w in p.ergebnis.verwendete_werte
            if w.parameter in in_rechnung or w.parameter.startswith(praefix)
            or not w.parameter.startswith(andere)]  # fmt: skip


def _wert(p: Planposten) -> list[str]:
    zeilen = []
    for w in _eigene_werte(p):
        einheit = parameter(w.parameter).einheit
        zeilen.append(f"  - {w.gewissheit.kennung} {parameter_text(w.parameter)} = "
                      f"{wert_text(w.art, w.wert, einheit)} "
                      f"({schreibweise.spanne(w.gilt_ab, w.gilt_bis)})")  # fmt: skip
    return zeilen


def _selbst(p: Planposten) -> list[str]:
    betrag = "keine Zahl" if p.hoechstbetrag is None else p.hoechstbetrag.deutsch()
    zeilen = [f"{p.teil.bezeichnung} [{p.teil.value}]: {betrag}"]
    if p.ergebnis is not None:
        zeilen.append(f"  Entscheidung: {p.ergebnis.entscheidung.bezeichnung}")
    if p.grund:
        zeilen.append(f"  Grund: {p.grund}")
    if p.stellen:
        zeilen.append(f"  Stellen: {_stellen(p)}")
    rechnung = [s for s in p.rechnung if s.teil is p.teil]
    if rechnung:
        unbegrenzt = any(st.vzae is None for st in p.stellen)
        zeilen.append("  Rechnung (eine Einheit je unbegrenzter Funktion):" if unbegrenzt
                      else "  Rechnung:")  # fmt: skip
        zeilen += [f"  - {rechenschritt_text(s)}" for s in rechnung]
    werte = _wert(p)
    if werte:
        zeilen.append("  Werte ([C] bestätigt, [I] abgeleitet, [U] unsicher):")
        zeilen += werte
    if p.ergebnis is not None:
        namen = {w.parameter for w in _eigene_werte(p)}
        vorbehalte = [v for v in p.ergebnis.vorbehalte
                      if v.art not in (Vorbehaltsart.ABGELEITET, Vorbehaltsart.UNSICHER)
                      and (v.parameter is None or v.parameter in namen)]  # fmt: skip
        if vorbehalte:
            zeilen.append("  Vorbehalte (außer den Werten mit [I] und [U]):")
            zeilen += [f"  - {vorbehalt_text(v, p.ergebnis.verwendete_werte)}"
                       for v in vorbehalte]  # fmt: skip
    if p.offen:
        zeilen.append("  Offen (der gedachte Antrag kennt kein Antragsdatum):")
        zeilen += [f"  - {o.id}: {o.begruendung}" for o in p.offen]
    if p.nicht_erfuellt:
        zeilen.append("  Nicht erfüllt:")
        zeilen += [f"  - {o.id}: {o.begruendung}" for o in p.nicht_erfuellt]
    return zeilen


def plan_als_text(plan: Plan, *, breite: int = BREITE) -> str:
    """Der Plan einer Kommune als deutscher Text, umbrochen auf ``breite`` Spalten.

    >>> from kim_nrw.planung import plane
    >>> from kim_nrw.planung.text import plan_als_text
    >>> print(plan_als_text(plane("05370", 2023)).splitlines()[0])
    Höchstbeträge 2023: Kreis Heinsberg (05370), Kreis
    """
    k = plan.kommune
    zeilen = [
        f"Höchstbeträge {plan.jahr}: {k.bezeichnung} ({k.schluessel}), "
        f"{plan.empfaenger.bezeichnung}",
        f"Regierungsbezirk {k.regierungsbezirk.name_kurz}",
        "Gedachter Höchstantrag je Programmteil: jede Voraussetzung erfüllt, die größte "
        "Stellenausstattung, die die Regeln erlauben, geprüft nach dem Recht am ersten Tag "
        "des Förderzeitraums; ohne Antragsdatum.",
        "",
    ]
    fundstellen: list[Fundstelle] = []
    for p in plan.posten:
        if p.zugang is Zugang.SELBST:
            zeilen += _selbst(p)
            zeilen.append("")
            if p.ergebnis is not None:
                fundstellen += [f for h in p.ergebnis.hinweise for f in h.fundstellen]
    ueber = [p for p in plan.posten if p.zugang is Zugang.UEBER]
    if ueber:
        zeilen.append("Über eine andere Körperschaft:")
        for p in ueber:
            betrag = "" if p.hoechstbetrag is None else f": {p.hoechstbetrag.deutsch()}"
            zeilen.append(f"- {p.teil.bezeichnung} [{p.teil.value}]{betrag} – {p.grund}")
        zeilen.append("")
    sonst = [p for p in plan.posten if p.zugang in (Zugang.KEIN_EMPFAENGER, Zugang.NICHT_IM_JAHR)]
    if sonst:
        zeilen.append("Nicht für diese Kommune oder nicht in diesem Jahr:")
        zeilen += [f"- {p.teil.bezeichnung} [{p.teil.value}]: {p.grund}" for p in sonst]
        zeilen.append("")
    ohne = [p.teil.value for p in plan.posten
            if p.zugang is Zugang.SELBST and p.hoechstbetrag is None]  # fmt: skip
    summe = f"Summe der bezifferten Teile: {plan.summe.deutsch()}"
    if ohne:
        summe += f" (ohne Zahl: {', '.join(ohne)})"
    zeilen.append(summe)
    if fundstellen:
        hinweis = Hinweis(Hinweisart.KEIN_RECHTSANSPRUCH, tuple(dict.fromkeys(fundstellen)))
        zeilen.append(f"Hinweis: {hinweis_text(hinweis)}")
    return umbrechen("\n".join(zeilen), breite)

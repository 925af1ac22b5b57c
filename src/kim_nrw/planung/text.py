"""Der Plan in Worten (:func:`plan_als_text`), umbrochen für ein 80-Spalten-Terminal.

Umbruch und Tabellen kommen aus :mod:`kim_nrw.umbruch`, deutsche Schreibweisen aus
:mod:`kim_nrw.schreibweise`.
"""

from __future__ import annotations

from kim_nrw import schreibweise
from kim_nrw.fehler import UngueltigeEingabe
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
from kim_nrw.umbruch import BREITE, tabelle_als_text, umbrechen

__all__ = ["BREITE", "plan_als_text", "tabelle_als_text", "umbrechen"]

# -- der Plan -------------------------------------------------------------------------------


def _stellen(p: Planposten) -> str:
    teile = []
    for s in p.stellen:
        umfang = s.umfang_text if s.vzae is None else schreibweise.vzae(s.vzae)
        text = f"{umfang} {s.funktion.bezeichnung}"
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
    zeilen += [f"  Anmerkung: {a}" for a in p.anmerkungen]
    rechnung = [s for s in p.rechnung if s.teil is p.teil]
    if rechnung:
        unbegrenzt = p.hoechstbetrag is None and any(st.vzae is None for st in p.stellen)
        zeilen.append("  Rechnung (eine Einheit, wo der Umfang offen ist):" if unbegrenzt
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
    if not isinstance(plan, Plan):
        raise UngueltigeEingabe("plan", plan, "ein Plan (kim_nrw.planung.plane)")
    k = plan.kommune
    zeilen = [
        f"Höchstbeträge {plan.jahr}: {k.bezeichnung} ({plan.schluessel}), "
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

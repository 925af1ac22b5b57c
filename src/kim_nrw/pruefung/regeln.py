"""Die Förderbedingungen: eine kleine Funktion je Bedingung, mit stabiler Kennung.

Jede Regel gilt für bestimmte Programmteile und liefert einen :class:`Befund`
(Status, Begründung mit den konkreten Werten, Fundstelle). Bedingungen, die
mehrere Programme teilen (Träger mit KI, Förderzeitraum, Höchstbetrag), gibt es
einmal. Welche Fassung gilt, entscheidet der Stichtag (TIntG 2012 bis
31.12.2021, TIntG 2021 ab 01.01.2022; die Richtlinien nach ihrem Erlassdatum);
Beträge und Fristen richten sich nach dem Förderzeitraum.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from attrs import frozen
from dateutil.relativedelta import relativedelta

from kim_nrw.fehler import NichtGefunden
from kim_nrw.gebiet import (
    AGS,
    DATENSTAND,
    Kreis,
    KreisangehoerigeGemeinde,
    KreisfreieStadt,
    register,
)
from kim_nrw.programme import Programmteil, Stellenfunktion
from kim_nrw.programme import teil as katalogteil
from kim_nrw.pruefung.ergebnis import Pruefstatus
from kim_nrw.pruefung.kontext import TINTG_2021_AB, Kontext, zitat
from kim_nrw.zentren import zustaendiges_ki

__all__ = ["REGELN", "Befund", "Regel"]

E, N, A, U = (Pruefstatus.ERFUELLT, Pruefstatus.NICHT_ERFUELLT, Pruefstatus.NICHT_ANWENDBAR,
              Pruefstatus.UNBEKANNT)  # fmt: skip

KI, B1, B2, B3 = Programmteil.KI, Programmteil.KIM_B1, Programmteil.KIM_B2, Programmteil.KIM_B3
K1, K2, K3 = Programmteil.KOMMAN_I, Programmteil.KOMMAN_II, Programmteil.KOMMAN_III
KIM = frozenset({B1, B2, B3})
ALLE = frozenset(Programmteil)


@frozen
class Befund:
    """Was eine Regel über den Antrag sagt; ``quelle`` ist ein Kurzname des Katalogs."""

    status: Pruefstatus
    begruendung: str
    quelle: str
    norm: str | None = None


@frozen
class Regel:
    """Eine Förderbedingung mit Kennung, Titel und den Programmteilen, für die sie gilt."""

    id: str
    titel: str
    teile: frozenset[Programmteil]
    pruefe: Callable[[Kontext], Befund]


REGELN: list[Regel] = []
"""Alle Regeln in der Reihenfolge der Prüfung (die Reihenfolge ändert kein Ergebnis)."""


def regel(
    id: str, titel: str, teile: frozenset[Programmteil] | set[Programmteil]
) -> Callable[[Callable[[Kontext], Befund]], Callable[[Kontext], Befund]]:
    """Meldet eine Regelfunktion unter ``id`` an."""

    def anmelden(funktion: Callable[[Kontext], Befund]) -> Callable[[Kontext], Befund]:
        REGELN.append(Regel(id, titel, frozenset(teile), funktion))
        return funktion

    return anmelden


def _tag(t: date) -> str:
    return f"{t:%d.%m.%Y}"


def _tintg_norm(k: Kontext, alt: str, neu: str) -> tuple[str, str | None]:
    """Quelle und Norm nach der am Stichtag geltenden Fassung des TIntG."""
    return ("TIntG-2021", neu) if k.stichtag >= TINTG_2021_AB else ("TIntG-2012", alt)


def _kim_norm(k: Kontext, norm: str) -> tuple[str, str | None]:
    """§ 9 TIntG 2021 ab 2022. Davor regelte die KIM-RL 2020 (ab 25.11.2020) nur Baustein 1;
    für die Pauschalen der Bausteine 2 und 3 ist keine Rechtsgrundlage belegt
    (Faktenblatt 1.4), es bleibt die Programmseite der Bezirksregierung."""
    if k.stichtag >= TINTG_2021_AB:
        return "TIntG-2021", norm
    return (k.richtlinie or "S-BRA-KIM"), None


_GEBIETSSTAND = f"Gebietsstand {DATENSTAND.gebietsstand:%d.%m.%Y}"


def _gemeinde(ags: AGS) -> KreisfreieStadt | KreisangehoerigeGemeinde | None:
    """Die Gemeinde zum AGS, ``None`` für einen formal gültigen AGS ohne Gemeinde."""
    try:
        return register().gemeinde(ags)
    except NichtGefunden:
        return None


def _ist_kreisebene(k: Kontext) -> bool:
    """Kreis, StädteRegion, kreisfreie Stadt oder Stadt Aachen (Rechtsstellung kreisfrei)."""
    return not isinstance(k.kommune, KreisangehoerigeGemeinde) or k.kommune.ist_kreisfrei


def _tatsache(wert: bool | None, ja: str, nein: str, frage: str, quelle: str,
              norm: str | None = None) -> Befund:  # fmt: skip
    if wert is None:
        return Befund(U, f"Angabe fehlt: {frage}", quelle, norm)
    return Befund(E if wert else N, ja if wert else nein, quelle, norm)


# -- Träger ------------------------------------------------------------------------


@regel("ALLG.TRAEGER", "Zulässiger Zuwendungsempfänger", ALLE - {B3})
def traeger(k: Kontext) -> Befund:
    """KI, KIM 1/2, KOMM-AN I/II: nur Kreise und kreisfreie Städte (mit Stadt Aachen);
    KOMM-AN III: nur Träger der Integrationsagenturen, keine Kommunen."""
    name = k.kommune.bezeichnung
    if k.antrag.programmteil is K3:
        return Befund(N, f"{name} ist eine Kommune; Programmteil III fördert die "
                      "Integrationsagenturen der Wohlfahrtsverbände",
                      "S-BRA-KOMMAN-III")  # fmt: skip
    quelle, norm = _tintg_norm(k, "§ 7", "§ 8 Abs. 1")
    if k.antrag.programmteil in KIM:
        quelle, norm = _kim_norm(k, "§ 9 Abs. 1")
    if _ist_kreisebene(k):
        return Befund(E, f"{name} ist ein Kreis oder eine kreisfreie Stadt "
                      f"({k.kommune.art.bezeichnung})", quelle, norm)  # fmt: skip
    zentrum = zustaendiges_ki(k.kommune)
    return Befund(
        N,
        f"{name} ist kreisangehörig; gefördert werden nur Kreise und kreisfreie Städte. "
        f"Zuständig ist das {zentrum.name}; eine zusätzliche Stelle für die Gemeinde "
        "kann nur der Kreis beantragen",
        quelle, norm,
    )  # fmt: skip


@regel("KIM.B3.BEHOERDE", "Antragsteller führt die Ausländer- oder Einbürgerungsbehörde", {B3})
def b3_behoerde(k: Kontext) -> Befund:
    """Baustein 3 erhält die Kommune, die die Behörde führt; für Stadt Aachen die StädteRegion."""
    kommune = k.kommune
    if isinstance(kommune, KreisangehoerigeGemeinde) and kommune.sonderstatus is not None:
        traeger = register().kreis(kommune.sonderstatus.auslaenderwesen_bei)
        return Befund(N, f"das Ausländerwesen für {kommune.bezeichnung} führt die "
                      f"{traeger.name} ({traeger.schluessel}); sie ist Empfängerin von "
                      "Baustein 3", "AachenG")  # fmt: skip
    eigene = k.antrag.eigene_auslaenderbehoerde
    if eigene is None and isinstance(kommune, Kreis | KreisfreieStadt):
        return Befund(E, f"{kommune.bezeichnung} ist als Kreis bzw. kreisfreie Stadt "
                      "Ausländerbehörde (abgeleitet, Faktenblatt 4.3)", "S-BRA-KIM")  # fmt: skip
    return _tatsache(
        eigene, f"{kommune.bezeichnung} hat eine eigene Ausländer-/Einbürgerungsbehörde",
        f"{kommune.bezeichnung} hat keine eigene Ausländer-/Einbürgerungsbehörde",
        "hat der Antragsteller eine eigene Ausländer- oder Einbürgerungsbehörde?", "S-BRA-KIM",
    )  # fmt: skip


@regel("ALLG.KI_VORHANDEN", "Der Antragsteller hat ein Kommunales Integrationszentrum",
       {B1, B2, K1, K2})  # fmt: skip
def ki_vorhanden(k: Kontext) -> Befund:
    """§ 9 Abs. 1 TIntG 2021: KIM nur für Kreise und kreisfreie Städte mit KI; KOMM-AN I/II
    ebenso (BRA)."""
    quelle, norm = (
        _kim_norm(k, "§ 9 Abs. 1") if k.antrag.programmteil in KIM else ("S-BRA-KOMMAN-I", None)
    )
    name = k.kommune.bezeichnung
    return _tatsache(
        k.antrag.ki_vorhanden,
        f"{name} hat ein KI eingerichtet",
        f"{name} hat kein KI eingerichtet",
        "besteht ein KI?",
        quelle,
        norm,
    )


# -- KI-Förderung -----------------------------------------------------------------


@regel("KI.RATSBESCHLUSS", "Beschluss von Rat oder Kreistag zur Einrichtung des KI", {KI})
def ratsbeschluss(k: Kontext) -> Befund:
    """Voraussetzung seit den Rahmenbedingungen 2012 (S-KI-Rahmenbed)."""
    wert = k.antrag.ratsbeschluss
    if isinstance(wert, date) and not isinstance(wert, bool):
        if wert > k.stichtag:
            return Befund(N, f"der Beschluss vom {_tag(wert)} liegt nach dem Stichtag "
                          f"{_tag(k.stichtag)}", "S-KI-Rahmenbed")  # fmt: skip
        return Befund(E, f"Beschluss vom {_tag(wert)}", "S-KI-Rahmenbed")
    return _tatsache(wert, "Beschluss liegt vor (ohne Datum)", "kein Beschluss von Rat oder "
                     "Kreistag", "liegt ein Beschluss von Rat oder Kreistag vor?",
                     "S-KI-Rahmenbed")  # fmt: skip


@regel("KI.INTEGRATIONSKONZEPT", "Integrationskonzept (nach TIntG 2012 höchstens drei Jahre alt)",
       {KI})  # fmt: skip
def integrationskonzept(k: Kontext) -> Befund:
    """§ 7 TIntG 2012 / § 8 Abs. 1 TIntG 2021; das Höchstalter gilt nach den Regeln von 2012."""
    quelle, norm = _tintg_norm(k, "§ 7", "§ 8 Abs. 1")
    wert = k.antrag.integrationskonzept
    if wert is None:
        return Befund(
            U, "Angabe fehlt: liegt ein beschlossenes Integrationskonzept vor?", quelle, norm
        )
    if wert is False:
        return Befund(N, "kein beschlossenes Integrationskonzept", quelle, norm)
    alter = k.wert("ki.integrationskonzept.hoechstalter_jahre", k.stichtag)
    if isinstance(alter, str):  # kein Höchstalter nach TIntG 2021
        if isinstance(wert, date) and wert > k.stichtag:
            return Befund(N, f"das Konzept vom {_tag(wert)} ist am Stichtag noch nicht "
                          "beschlossen", quelle, norm)  # fmt: skip
        return Befund(E, "ein beschlossenes Integrationskonzept liegt vor", quelle, norm)
    jahre = alter.ganzzahl
    if wert is True:
        return Befund(U, f"Beschlussdatum fehlt: das Konzept darf höchstens {jahre} Jahre alt "
                      "sein", "S-KI-Rahmenbed")  # fmt: skip
    grenze = k.stichtag - relativedelta(years=jahre)
    if not grenze <= wert <= k.stichtag:
        return Befund(N, f"Konzept vom {_tag(wert)}: am Stichtag {_tag(k.stichtag)} nicht "
                      f"innerhalb der letzten {jahre} Jahre (ab {_tag(grenze)}) beschlossen",
                      "S-KI-Rahmenbed")  # fmt: skip
    return Befund(E, f"Konzept vom {_tag(wert)}, nicht älter als {jahre} Jahre", "S-KI-Rahmenbed")


# -- Stellen ----------------------------------------------------------------------

def vzae(k: Kontext, funktion: Stellenfunktion) -> Decimal:
    """Die beantragten VZÄ einer Funktion."""
    return sum((s.anteil.wert for s in k.antrag.stellen if s.funktion is funktion), Decimal(0))


def _komman_i_umfang(k: Kontext, quelle: str) -> Befund | None:
    """KOMM-AN I: Fachkraftstellen in halben Stellen zwischen Mindest- und Höchstumfang."""
    summe = vzae(k, Stellenfunktion.FACHKRAFT)
    text = format(summe.normalize(), "f").replace(".", ",")
    unten = k.wert("komman.i.fachkraft.stellen_mindestens", k.antrag.zeitraum.beginn)
    oben = k.wert("komman.i.fachkraft.stellen_hoechstens", k.antrag.zeitraum.beginn)
    if isinstance(unten, str):
        return Befund(U, f"zulässiger Stellenumfang nicht belegt: {unten}", quelle)
    # ganze und halbe Stellen (1, 1,5 oder 2; S-BRA-KOMMAN-I)
    if summe < unten.dezimal or (summe * 2) % 1:
        return Befund(N, f"beantragt {text} Fachkraftstellen; zulässig sind mindestens "
                      f"{unten.dezimal} in halben Stellen", quelle)  # fmt: skip
    if isinstance(oben, str):
        if summe == unten.dezimal:
            return None
        return Befund(U, f"beantragt {text} Fachkraftstellen; eine Höchstzahl ist für "
                      f"diesen Zeitraum nicht belegt ({oben})", quelle)  # fmt: skip
    if summe > oben.dezimal:
        return Befund(N, f"beantragt {text} Fachkraftstellen; zulässig sind höchstens "
                      f"{oben.dezimal}", quelle)  # fmt: skip
    return None


@regel("ALLG.STELLEN", "Beantragte Stellen gehören zum Programmteil", ALLE)
def stellen(k: Kontext) -> Befund:
    """Nur Stellen der Funktionen, die der Programmteil fördert; KOMM-AN I: 1, 1,5 oder 2."""
    teil = k.antrag.programmteil
    gefoerdert = katalogteil(teil).stellen
    quelle = gefoerdert.quelle
    fremd = sorted(
        {s.funktion.value for s in k.antrag.stellen} - {f.value for f in gefoerdert.funktionen}
    )
    if not k.antrag.stellen:
        if gefoerdert.funktionen:
            return Befund(N, "der Antrag enthält keine Stelle", quelle)
        return Befund(A, f"{teil.bezeichnung} fördert Maßnahmen, keine Stellen", quelle)
    if fremd:
        return Befund(N, f"{teil.bezeichnung} fördert keine Stellen der Funktion "
                      f"{', '.join(fremd)}", quelle)  # fmt: skip
    if teil is K1:
        befund = _komman_i_umfang(k, quelle)
        if befund is not None:
            return befund
    beschreibung = ", ".join(
        f"{format(vzae(k, f).normalize(), 'f').replace('.', ',')} VZÄ {f.value}"
        for f in Stellenfunktion if vzae(k, f)
    )  # fmt: skip
    return Befund(E, f"beantragt: {beschreibung}", quelle)


# -- Zeitraum und Fristen -----------------------------------------------------------

@regel("ALLG.FOERDERZEITRAUM", "Der Förderzeitraum liegt in der Laufzeit des Programmteils", ALLE)
def foerderzeitraum(k: Kontext) -> Befund:
    """Kein Geld vor dem Beginn des Programmteils (z. B. Baustein 2 erst ab 01.07.2020)."""
    zeitraum = k.antrag.zeitraum
    beginn = k.wert(katalogteil(k.antrag.programmteil).parameter_beginn, zeitraum.ende)
    if isinstance(beginn, str):
        return Befund(N, f"der Programmteil hat im Zeitraum {zeitraum.deutsch()} keine "
                      f"Laufzeit: {beginn}", "S-BRA-KIM")  # fmt: skip
    quelle = beginn.quellen[0]
    if zeitraum.beginn < beginn.datum:
        return Befund(N, f"der Zeitraum beginnt am {_tag(zeitraum.beginn)}, vor dem Beginn des "
                      f"Programmteils am {_tag(beginn.datum)}", quelle)  # fmt: skip
    return Befund(E, f"{zeitraum.deutsch()} liegt nach dem Beginn am {_tag(beginn.datum)}", quelle)


@regel("KIM.ANTRAGSFRIST", "Antrag im Antragsfenster gestellt", {B1, B2})
def antragsfrist(k: Kontext) -> Befund:
    """Belegt ist das Fenster 19.12.2024–16.01.2025 für 2025; sonst keine belegte Frist.

    Baustein 2 wurde 2020–2024 als Pauschale ohne Antrag gezahlt."""
    jahr = k.antrag.zeitraum.beginn
    beginn = k.wert("kim.antragsfenster.beginn", jahr)
    ende = k.wert("kim.antragsfenster.ende", jahr)
    if isinstance(beginn, str) or isinstance(ende, str):
        return Befund(A, f"für den Förderzeitraum ab {_tag(jahr)} ist kein Antragsfenster "
                      "belegt", "S-NRWfoerdert-KIM-2025")  # fmt: skip
    quelle = beginn.quellen[0]
    tag = k.antrag.antragsdatum
    if tag is None:
        return Befund(U, "Antragsdatum fehlt", quelle)
    if not beginn.datum <= tag <= ende.datum:
        return Befund(N, f"Antrag vom {_tag(tag)} außerhalb des Fensters "
                      f"{_tag(beginn.datum)}–{_tag(ende.datum)}", quelle)  # fmt: skip
    return Befund(E, f"Antrag vom {_tag(tag)} im Fenster {_tag(beginn.datum)}–"
                  f"{_tag(ende.datum)}", quelle)  # fmt: skip


# -- KIM 2025 ---------------------------------------------------------------------

_KIM_2025 = date(2025, 1, 1)
"""Erstes Förderjahr nach der KIM-RL 2024 (Förderaufruf 2025, S-NRWfoerdert-KIM-2025)."""


def _kim_2025(k: Kontext, wert: bool | None, was: str) -> Befund:
    if k.richtlinie != "KIM-RL-2024" or k.antrag.zeitraum.ende < _KIM_2025:
        return Befund(A, "gilt erst nach der KIM-Richtlinie 2024 für Förderzeiträume ab 2025",
                      "KIM-RL-2024")  # fmt: skip
    return _tatsache(
        wert, f"{was}: liegt vor", f"{was}: fehlt", f"{was}?", "S-NRWfoerdert-KIM-2025"
    )


@regel("KIM.2025.LENKUNGSGRUPPE", "Lenkungsgruppe auf Leitungsebene (ab 2025)", {B1, B2})
def lenkungsgruppe(k: Kontext) -> Befund:
    """Voraussetzung (4) des Förderaufrufs 2025."""
    return _kim_2025(k, k.antrag.lenkungsgruppe, "Lenkungsgruppe")


@regel("KIM.2025.KONZEPT", "Örtliches KIM-Konzept nach dem Handlungskonzept (ab 2025)",
       {B1, B2})  # fmt: skip
def kim_konzept(k: Kontext) -> Befund:
    """Voraussetzung (3) des Förderaufrufs 2025."""
    return _kim_2025(k, k.antrag.kim_konzept, "örtliches KIM-Konzept")


@regel("KIM.2025.KOORDINATION_AM_KI", "Koordinierende Stellen am KI angebunden (ab 2025)",
       {B1, B2})  # fmt: skip
def koordination_am_ki(k: Kontext) -> Befund:
    """Voraussetzung (2) des Förderaufrufs 2025."""
    return _kim_2025(k, k.antrag.koordination_am_ki, "Anbindung der Koordination an das KI")


# -- KIM: Zusatzstelle, Weiterleitung, Doppelförderung --------------------------------


@regel("KIM.B1.ZUSATZSTELLE", "Zusätzliche Koordinierungsstelle für eine kreisangehörige "
       "Gemeinde", {B1})  # fmt: skip
def zusatzstelle(k: Kontext) -> Befund:
    """Eine Gemeinde mit Ausländerbehörde, Jugendamt und Integrationsrat, über ihren Kreis."""
    z = k.antrag.zusatzstelle
    if z is None:
        return Befund(A, "keine Zusatzstelle beantragt", "S-BRA-KIM")
    gemeinde = _gemeinde(z.gemeinde)
    if gemeinde is None:
        return Befund(N, f"{z.gemeinde} ist kein Gemeindeschlüssel des Gebietsregisters "
                      f"({_GEBIETSSTAND})", "S-BRA-KIM")  # fmt: skip
    if not isinstance(k.kommune, Kreis) or str(gemeinde.ags)[:5] != str(k.kommune.schluessel):
        return Befund(N, f"{gemeinde.bezeichnung} gehört nicht zum antragstellenden Kreis; "
                      "die Zusatzstelle beantragt der zuständige Kreis", "S-BRA-KIM")  # fmt: skip
    fakten = {"Ausländerbehörde": z.auslaenderbehoerde, "Jugendamt": z.jugendamt,
              "Integrationsrat oder -ausschuss": z.integrationsrat}  # fmt: skip
    fehlt = [n for n, w in fakten.items() if w is False]
    offen = [n for n, w in fakten.items() if w is None]
    if fehlt:
        return Befund(N, f"{gemeinde.bezeichnung} hat kein(e) {', '.join(fehlt)}", "S-BRA-KIM")
    if offen:
        return Befund(U, f"Angabe fehlt für {gemeinde.bezeichnung}: {', '.join(offen)}",
                      "S-BRA-KIM")  # fmt: skip
    return Befund(E, f"{gemeinde.bezeichnung} hat Ausländerbehörde, Jugendamt und "
                  "Integrationsrat", "S-BRA-KIM")  # fmt: skip


@regel("KIM.WEITERLEITUNG", "Weiterleitung an Gemeinden oder freie Träger", KIM)
def weiterleitung(k: Kontext) -> Befund:
    """§ 9 Abs. 2 TIntG 2021: Weitergabe an kreisangehörige Gemeinden ist zulässig."""
    quelle, norm = _kim_norm(k, "§ 9 Abs. 2")
    w = k.antrag.weiterleitungen
    if not w:
        return Befund(A, "keine Weiterleitung vorgesehen", quelle, norm)
    unbekannt = [f"{x.empfaenger} ({x.ags})" for x in w
                 if x.ags is not None and _gemeinde(x.ags) is None]  # fmt: skip
    if unbekannt:
        return Befund(N, f"kein Gemeindeschlüssel des Gebietsregisters ({_GEBIETSSTAND}): "
                      f"{', '.join(unbekannt)}", quelle, norm)  # fmt: skip
    fremd = [x.empfaenger for x in w if x.ags is not None
             and str(x.ags)[:5] != str(k.kommune.schluessel)[:5]]  # fmt: skip
    if fremd or (isinstance(k.kommune, KreisfreieStadt) and any(x.ags for x in w)):
        return Befund(N, f"Empfänger außerhalb des Gebiets des Antragstellers: "
                      f"{', '.join(fremd) or 'Gemeinden'}", quelle, norm)  # fmt: skip
    summe = sum((x.betrag for x in w), start=type(w[0].betrag).null())
    beantragt = k.antrag.beantragter_betrag
    if beantragt is not None and summe > beantragt:
        return Befund(N, f"weitergeleitet {summe.deutsch()}, mehr als beantragt "
                      f"({beantragt.deutsch()})", quelle, norm)  # fmt: skip
    return Befund(E, f"{len(w)} Weiterleitung(en) über {summe.deutsch()}", quelle, norm)


@regel("KIM.DOPPELFOERDERUNG", "Keine Doppelförderung aus anderen öffentlichen Mitteln", KIM)
def doppelfoerderung(k: Kontext) -> Befund:
    """§ 9 Abs. 4 TIntG 2021, gilt ab 01.01.2022."""
    if k.tintg != "TIntG-2021":
        return Befund(A, "§ 9 Abs. 4 TIntG gilt erst ab 01.01.2022", "TIntG-2021", "§ 9 Abs. 4")
    andere = k.antrag.andere_foerderung
    if andere is None:
        return Befund(U, "Angabe fehlt: gibt es andere öffentliche Förderung für denselben "
                      "Zweck?", "TIntG-2021", "§ 9 Abs. 4")  # fmt: skip
    gleich = [d for d in andere if d.gleicher_zweck]
    if gleich:
        liste = ", ".join(f"{d.geber} ({d.betrag.deutsch()})" for d in gleich)
        return Befund(N, f"für denselben Zweck schon gefördert: {liste}", "TIntG-2021",
                      "§ 9 Abs. 4")  # fmt: skip
    return Befund(E, "keine andere öffentliche Förderung für denselben Zweck", "TIntG-2021",
                  "§ 9 Abs. 4")  # fmt: skip


def befund_zitat(befund: Befund) -> str:
    """Die Fundstelle eines Befunds als deutscher Text."""
    return zitat(befund.quelle, befund.norm)

"""Die Förderbedingungen: je Bedingung eine Regel, je Fassung eine Anmeldung.

Jede Regel meldet sich mit Kennung und Titel an (:class:`~kim_nrw.pruefung.regelwerk.Regel`),
jede ihrer Fassungen mit den Programmteilen, der Fundstelle und der Geltung
(:mod:`kim_nrw.pruefung.geltung`). Bedingungen, die mehrere Programme teilen (Träger,
KI, Stellen, Förderzeitraum, Höchstbetrag), gibt es einmal. Welche Fassung gilt,
entscheidet der Regelmotor aus dem Quellenkatalog und den Parametern; keine Regel
vergleicht selbst den Stichtag mit einem Datum. Beträge und Fristen richten sich nach
dem Förderzeitraum.

Den generierten Katalog aller Regeln (Kennung, Titel, Teile, Fundstelle, Geltung)
zeigt die Doku (Referenz, Regelkatalog).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Context, Decimal

from dateutil.relativedelta import relativedelta

from kim_nrw import schreibweise
from kim_nrw.fehler import NichtGefunden
from kim_nrw.gebiet import (
    AGS,
    DATENSTAND,
    Kreis,
    KreisangehoerigeGemeinde,
    KreisfreieStadt,
    register,
)
from kim_nrw.programme import Belegstand, Programmteil, Stellenfunktion
from kim_nrw.programme import teil as katalogteil
from kim_nrw.pruefung.betrag import berechne, berechnet, halbe_stellen
from kim_nrw.pruefung.ergebnis import Fundstelle, Pruefstatus
from kim_nrw.pruefung.geltung import (
    Bezug,
    InKraft,
    InLuecke,
    Massgeblich,
    NachParameter,
    SeitInkrafttreten,
    Spanne,
    VorInkrafttreten,
)
from kim_nrw.pruefung.kontext import FehlenderWert, Kontext
from kim_nrw.pruefung.regelwerk import REGELN, Befund, Pruefe, Regel, konstant
from kim_nrw.recht import Gewissheit, Parameterwert, parameter
from kim_nrw.zeit import Zeitraum
from kim_nrw.zentren import zustaendiges_ki

__all__ = ["GEMEINSAMER_ANTRAG", "REGELN", "Befund", "Regel"]

Dekorator = Callable[[Pruefe], Pruefe]

# -- Programmteile und Geltungen, die mehrere Regeln teilen ------------------------------

ALLE_TEILE = frozenset(Programmteil)
KIM_BAUSTEINE = frozenset({Programmteil.KIM_B1, Programmteil.KIM_B2, Programmteil.KIM_B3})
KIM_MIT_ANTRAG = frozenset({Programmteil.KIM_B1, Programmteil.KIM_B2})
EHRENAMT = frozenset({Programmteil.EHRENAMT_PRAEVENTION})

TINTG_2012 = InKraft("TIntG-2012")
TINTG_2021 = InKraft("TIntG-2021")
VOR_TINTG_2021 = VorInkrafttreten("TIntG-2021")
KIM_RL_2020 = Massgeblich("KIM-RL-2020")
VOR_KI_RL_2023 = VorInkrafttreten("KI-RL-2023")
SEIT_KI_RL_2023 = SeitInkrafttreten("KI-RL-2023")

ANTRAGSVERFAHREN: Mapping[Programmteil, str] = {
    Programmteil.KIM_B1: "kim.b1.antragsverfahren",
    Programmteil.KIM_B2: "kim.b2.antragsverfahren",
}
"""Die Parameter mit dem Antragsverfahren der KIM-Bausteine, die beantragt werden."""

GEMEINSAMER_ANTRAG = "gemeinsamer_antrag_b1_b2"
"""Der Wert des Antragsverfahrens, wenn Baustein 1 und 2 in einem Antrag beantragt werden."""

IM_GEMEINSAMEN_VERFAHREN = NachParameter(
    ANTRAGSVERFAHREN, frozenset({GEMEINSAMER_ANTRAG}), Bezug.FOERDERZEITRAUM
)
"""Ein Tag des Förderzeitraums fällt in das gemeinsame Verfahren (Förderaufruf 2025)."""


# -- Befunde ----------------------------------------------------------------------------

def erfuellt(text: str, fundstelle: Fundstelle | None = None) -> Befund:
    """Die Bedingung hält."""
    return Befund(Pruefstatus.ERFUELLT, text, fundstelle)


def nicht_erfuellt(text: str, fundstelle: Fundstelle | None = None) -> Befund:
    """Die Bedingung hält nicht."""
    return Befund(Pruefstatus.NICHT_ERFUELLT, text, fundstelle)


def unbekannt(text: str, fundstelle: Fundstelle | None = None) -> Befund:
    """Eine Angabe fehlt."""
    return Befund(Pruefstatus.UNBEKANNT, text, fundstelle)


def ohne_gegenstand(text: str, fundstelle: Fundstelle | None = None) -> Befund:
    """Die Bedingung hat in diesem Antrag keinen Gegenstand (etwa: keine Zusatzstelle)."""
    return Befund(Pruefstatus.NICHT_ANWENDBAR, text, fundstelle)


def _tatsache(wert: bool | None, ja: str, nein: str, frage: str) -> Befund:
    if wert is None:
        return unbekannt(f"Angabe fehlt: {frage}")
    return erfuellt(ja) if wert else nicht_erfuellt(nein)


KEINE_ZUSATZSTELLE = konstant(ohne_gegenstand("keine Zusatzstelle beantragt"))
KEINE_WEITERLEITUNG = konstant(ohne_gegenstand("keine Weiterleitung vorgesehen"))
KEINE_ANDERE_FOERDERUNG = konstant(
    erfuellt("keine andere öffentliche Förderung für denselben Zweck")
)


@functools.lru_cache(maxsize=4096)  # je Stichtag und Höchstalter einmal (wiederkehrende Stichtage)
def _jahre_vor(tag: date, jahre: int) -> date:
    """Der Tag ``jahre`` Kalenderjahre vor ``tag`` (29.02. → 28.02., wie ``relativedelta``)."""
    return tag - relativedelta(years=jahre)


@functools.lru_cache(maxsize=4096)  # Stichtage, Jahresgrenzen und Geltungsbeginne wiederholen sich
def _tag(tag: date) -> str:
    return schreibweise.datum(tag)


@functools.lru_cache(maxsize=4096)  # Haushaltsjahre als Förderzeiträume wiederholen sich
def _zeitraum(z: Zeitraum) -> str:
    return schreibweise.zeitraum(z.beginn, z.ende)


def _teile(teile: Iterable[Programmteil]) -> str:
    return _teile_text(tuple(teile))


@functools.cache  # die Teile eines Antrags: wenige Tupel, immer wieder
def _teile_text(teile: tuple[Programmteil, ...]) -> str:
    return " und ".join(t.bezeichnung for t in teile)


@functools.cache
def _fundstelle(quelle: str) -> Fundstelle:
    return Fundstelle(quelle)


def _quelle(w: Parameterwert) -> Fundstelle:
    return _fundstelle(w.quellen[0])


_GEBIETSSTAND = f"Gebietsstand {schreibweise.datum(DATENSTAND.gebietsstand)}"


def _gemeinde(ags: AGS) -> KreisfreieStadt | KreisangehoerigeGemeinde | None:
    """Die Gemeinde zum AGS, ``None`` für einen formal gültigen AGS ohne Gemeinde."""
    try:
        return register().gemeinde(ags)
    except NichtGefunden:
        return None


def _ist_kreisebene(k: Kontext) -> bool:
    """Kreis, StädteRegion, kreisfreie Stadt oder Stadt Aachen (Rechtsstellung kreisfrei)."""
    return not isinstance(k.kommune, KreisangehoerigeGemeinde) or k.kommune.ist_kreisfrei


def _bis_zum_stichtag(k: Kontext) -> Spanne:
    return Spanne(None, k.stichtag)


def kim_fassungen(regel: Regel, teile: Iterable[Programmteil], norm: str) -> Dekorator:
    """Meldet die drei KIM-Fassungen einer Bedingung an, wie die Quellen sie tragen.

    Vor dem TIntG 2021 ist für die Bausteine keine gesetzliche Grundlage belegt: es gilt
    die Programmseite der Bezirksregierung Arnsberg, für Baustein 1 die KIM-RL 2020,
    solange sie maßgeblich ist; ab dem TIntG 2021 die ``norm`` in § 9 TIntG 2021.
    """
    menge = frozenset(teile)

    def anmelden(funktion: Pruefe) -> Pruefe:
        regel.fassung(menge, Fundstelle("S-BRA-KIM"), VOR_TINTG_2021)(funktion)
        if Programmteil.KIM_B1 in menge:
            regel.fassung({Programmteil.KIM_B1}, Fundstelle("KIM-RL-2020"), VOR_TINTG_2021,
                          KIM_RL_2020)(funktion)  # fmt: skip
        regel.fassung(menge, Fundstelle("TIntG-2021", norm), TINTG_2021)(funktion)
        return funktion

    return anmelden


# -- Zuwendungsempfänger -----------------------------------------------------------------

TRAEGER = Regel.neu("ALLG.TRAEGER", "Zulässiger Zuwendungsempfänger", felder=("antragsteller",))


def komman_fassungen(regel: Regel) -> Dekorator:
    """Meldet die Fassungen einer Bedingung der KOMM-AN-Programmteile I und II an.

    Bis zur KI-RL 2023 (10.03.2023) nennt keine gelesene Quelle für KOMM-AN eine Norm des
    TIntG: es gilt die Programmseite der Bezirksregierung Arnsberg, für jeden Teil seine
    eigene. Seit der KI-RL 2023, die auf § 8 Abs. 1 TIntG 2021 beruht und KOMM-AN umfasst,
    gilt diese Norm (bis zum Ende der Teile, das die Bedingung ``ALLG.FOERDERZEITRAUM``
    prüft).
    """

    def anmelden(funktion: Pruefe) -> Pruefe:
        regel.fassung({Programmteil.KOMMAN_I}, Fundstelle("S-BRA-KOMMAN-I"),
                      VOR_KI_RL_2023)(funktion)  # fmt: skip
        regel.fassung({Programmteil.KOMMAN_II}, Fundstelle("S-BRA-KOMMAN-II"),
                      VOR_KI_RL_2023)(funktion)  # fmt: skip
        regel.fassung({Programmteil.KOMMAN_I, Programmteil.KOMMAN_II},
                      Fundstelle("TIntG-2021", "§ 8 Abs. 1"),
                      SEIT_KI_RL_2023)(funktion)  # fmt: skip
        return funktion

    return anmelden


@TRAEGER.fassung({Programmteil.KI}, Fundstelle("TIntG-2012", "§ 7"), TINTG_2012)
@TRAEGER.fassung({Programmteil.KI}, Fundstelle("TIntG-2021", "§ 8 Abs. 1"), TINTG_2021)
@komman_fassungen(TRAEGER)
@TRAEGER.fassung(EHRENAMT, Fundstelle("N-Hoexter-Ehrenamt"))
@kim_fassungen(TRAEGER, KIM_MIT_ANTRAG, "§ 9 Abs. 1")
def traeger(k: Kontext) -> Befund:
    """Nur Kreise und kreisfreie Städte (auch die Stadt Aachen mit ihrer Rechtsstellung);
    beim Ehrenamt im Kontext Prävention beantragt das KI, also ebenso Kreis bzw. Stadt."""
    name = k.kommune.bezeichnung
    if _ist_kreisebene(k):
        art = k.kommune.art.bezeichnung
        if isinstance(k.kommune, KreisangehoerigeGemeinde):  # die Stadt Aachen
            art = "regionsangehörig mit der Rechtsstellung einer kreisfreien Stadt"
        return erfuellt(f"{name} ist ein Kreis oder eine kreisfreie Stadt ({art})")
    zentrum = zustaendiges_ki(k.kommune)
    zusatz = ("; eine zusätzliche Stelle für die Gemeinde kann nur der Kreis beantragen"
              if Programmteil.KIM_B1 in k.antragsteile else "")  # fmt: skip
    return nicht_erfuellt(
        f"{name} ist kreisangehörig; gefördert werden nur Kreise und kreisfreie Städte. "
        f"Zuständig ist: {zentrum.name}{zusatz}"
    )


@TRAEGER.fassung({Programmteil.KOMMAN_III}, Fundstelle("S-BRA-KOMMAN-III"))
def traeger_integrationsagentur(k: Kontext) -> Befund:
    """KOMM-AN Programmteil III fördert die Integrationsagenturen der Wohlfahrtsverbände."""
    return nicht_erfuellt(f"{k.kommune.bezeichnung} ist eine Kommune; Programmteil III fördert "
                          "die Integrationsagenturen der Wohlfahrtsverbände")  # fmt: skip


B3_BEHOERDE = Regel.neu(
    "KIM.B3.BEHOERDE",
    "Antragsteller führt die Ausländer- oder Einbürgerungsbehörde",
    felder=("antragsteller", "eigene_auslaenderbehoerde"),
)


@B3_BEHOERDE.fassung({Programmteil.KIM_B3}, Fundstelle("S-BRA-KIM"))
def b3_behoerde(k: Kontext) -> Befund:
    """Baustein 3 erhält die Kommune, die die Behörde führt; für Stadt Aachen die StädteRegion."""
    kommune = k.kommune
    if isinstance(kommune, KreisangehoerigeGemeinde) and kommune.sonderstatus is not None:
        traeger = register().kreis(kommune.sonderstatus.auslaenderwesen_bei)
        return nicht_erfuellt(
            f"das Ausländerwesen für {kommune.bezeichnung} führt die {traeger.name} "
            f"({traeger.schluessel}); sie ist Empfängerin von Baustein 3",
            Fundstelle("AachenG"),
        )
    eigene = k.antrag.eigene_auslaenderbehoerde
    if eigene is None and isinstance(kommune, Kreis | KreisfreieStadt):
        return erfuellt(f"{kommune.bezeichnung} ist als Kreis bzw. kreisfreie Stadt "
                        "Ausländerbehörde (abgeleitet)")  # fmt: skip
    return _tatsache(
        eigene,
        f"{kommune.bezeichnung} hat eine eigene Ausländer- oder Einbürgerungsbehörde",
        f"{kommune.bezeichnung} hat keine eigene Ausländer- oder Einbürgerungsbehörde",
        "hat der Antragsteller eine eigene Ausländer- oder Einbürgerungsbehörde?",
    )


KI_VORHANDEN = Regel.neu(
    "ALLG.KI_VORHANDEN",
    "Der Antragsteller hat ein Kommunales Integrationszentrum",
    felder=("antragsteller", "ki_vorhanden"),
)


@KI_VORHANDEN.fassung({Programmteil.KOMMAN_I}, Fundstelle("S-BRA-KOMMAN-I"))
@KI_VORHANDEN.fassung({Programmteil.KOMMAN_II}, Fundstelle("S-BRA-KOMMAN-II"))
@KI_VORHANDEN.fassung(EHRENAMT, Fundstelle("N-Hoexter-Ehrenamt"))
@kim_fassungen(KI_VORHANDEN, KIM_MIT_ANTRAG, "§ 9 Abs. 1")
def ki_vorhanden(k: Kontext) -> Befund:
    """KIM nur für Kreise und kreisfreie Städte mit KI; KOMM-AN I und II ebenso, und das
    Ehrenamt im Kontext Prävention beantragt das KI selbst."""
    name = k.kommune.bezeichnung
    return _tatsache(k.antrag.ki_vorhanden, f"{name} hat ein KI eingerichtet",
                     f"{name} hat kein KI eingerichtet", "besteht ein KI?")  # fmt: skip


# -- KI-Förderung -------------------------------------------------------------------------

RATSBESCHLUSS = Regel.neu(
    "KI.RATSBESCHLUSS",
    "Beschluss von Rat oder Kreistag zur Einrichtung des KI",
    felder=("ratsbeschluss",),
)


@RATSBESCHLUSS.fassung({Programmteil.KI}, Fundstelle("S-KI-Rahmenbed"))
def ratsbeschluss(k: Kontext) -> Befund:
    """Voraussetzung seit den Rahmenbedingungen 2012."""
    wert = k.antrag.ratsbeschluss
    if isinstance(wert, date):
        if not _bis_zum_stichtag(k).enthaelt(wert):
            return nicht_erfuellt(f"der Beschluss vom {_tag(wert)} liegt nach dem Stichtag "
                                  f"{_tag(k.stichtag)}")  # fmt: skip
        return erfuellt(f"Beschluss vom {_tag(wert)}")
    return _tatsache(wert, "Beschluss liegt vor (ohne Datum)",
                     "kein Beschluss von Rat oder Kreistag",
                     "liegt ein Beschluss von Rat oder Kreistag vor?")  # fmt: skip


INTEGRATIONSKONZEPT = Regel.neu(
    "KI.INTEGRATIONSKONZEPT",
    "Vom Rat oder Kreistag beschlossenes Integrationskonzept",
    felder=("integrationskonzept",),
)


@INTEGRATIONSKONZEPT.fassung({Programmteil.KI}, Fundstelle("TIntG-2012", "§ 7"), TINTG_2012)
@INTEGRATIONSKONZEPT.fassung({Programmteil.KI}, Fundstelle("TIntG-2021", "§ 8 Abs. 1"),
                             TINTG_2021)  # fmt: skip
def integrationskonzept(k: Kontext) -> Befund:
    """Das KI setzt ein beschlossenes Integrationskonzept voraus."""
    wert = k.antrag.integrationskonzept
    if isinstance(wert, date):
        if not _bis_zum_stichtag(k).enthaelt(wert):
            return nicht_erfuellt(f"das Konzept vom {_tag(wert)} ist am Stichtag noch nicht "
                                  "beschlossen")  # fmt: skip
        return erfuellt(f"Konzept vom {_tag(wert)}")
    return _tatsache(wert, "ein beschlossenes Integrationskonzept liegt vor",
                     "kein beschlossenes Integrationskonzept",
                     "liegt ein beschlossenes Integrationskonzept vor?")  # fmt: skip


KONZEPT_ALTER = Regel.neu(
    "KI.INTEGRATIONSKONZEPT_ALTER",
    "Integrationskonzept nicht älter als das Höchstalter",
    felder=("integrationskonzept",),
)
_HOECHSTALTER = "ki.integrationskonzept.hoechstalter_jahre"


@KONZEPT_ALTER.fassung({Programmteil.KI}, Fundstelle("S-KI-Rahmenbed"),
                       NachParameter(_HOECHSTALTER))  # fmt: skip
def konzept_alter(k: Kontext) -> Befund:
    """Das Konzept darf am Stichtag höchstens so alt sein, wie die Rahmenbedingungen sagen."""
    wert = k.antrag.integrationskonzept
    if wert is None:
        return unbekannt("Angabe fehlt: liegt ein beschlossenes Integrationskonzept vor?")
    if wert is False:
        return ohne_gegenstand("kein beschlossenes Integrationskonzept")
    alter = k.wert(_HOECHSTALTER, k.stichtag)
    if isinstance(alter, FehlenderWert):  # nur, wenn die Geltung und der Wert auseinanderfallen
        return unbekannt(f"Höchstalter nicht belegt: {alter.grund}")
    jahre = alter.ganzzahl
    if wert is True:
        return unbekannt(f"Beschlussdatum fehlt: das Konzept darf höchstens {jahre} Jahre "
                         "alt sein")  # fmt: skip
    grenze = _jahre_vor(k.stichtag, jahre)
    if not Spanne(grenze, None).enthaelt(wert):
        return nicht_erfuellt(
            f"Konzept vom {_tag(wert)}: am Stichtag {_tag(k.stichtag)} älter als {jahre} Jahre "
            f"(beschlossen vor dem {_tag(grenze)})"
        )
    return erfuellt(f"Konzept vom {_tag(wert)}, nicht älter als {jahre} Jahre")


@KONZEPT_ALTER.fassung({Programmteil.KI}, Fundstelle("S-KI-Rahmenbed"), InLuecke(_HOECHSTALTER))
def konzept_alter_nicht_belegt(k: Kontext) -> Befund:
    """Nach der KI-RL 2012 schweigen die Quellen zum Höchstalter: ein Konzept, das auch die
    letzte belegte Grenze einhält, genügt in jedem Fall; ein älteres ist unbekannt – ob
    eine Grenze gilt, ist nicht belegt. Kein geratener Wert."""
    wert = k.antrag.integrationskonzept
    if wert is None:
        return unbekannt("Angabe fehlt: liegt ein beschlossenes Integrationskonzept vor?")
    if wert is False:
        return ohne_gegenstand("kein beschlossenes Integrationskonzept")
    fehlt = k.wert(_HOECHSTALTER, k.stichtag)
    grund = fehlt.grund if isinstance(fehlt, FehlenderWert) else ""
    letzter = parameter(_HOECHSTALTER).werte[-1]
    jahre = letzter.ganzzahl
    bis = "" if letzter.gilt_bis is None else f" (belegt bis {_tag(letzter.gilt_bis)})"
    if wert is True:
        return unbekannt(f"Beschlussdatum fehlt; ob ein Höchstalter gilt, ist nicht belegt: "
                         f"{grund}")  # fmt: skip
    grenze = _jahre_vor(k.stichtag, jahre)
    if Spanne(grenze, None).enthaelt(wert):
        return erfuellt(f"Konzept vom {_tag(wert)}, nicht älter als {jahre} Jahre – es hält "
                        f"die letzte belegte Grenze{bis} ein; ob heute eine gilt, ist nicht "
                        "belegt")  # fmt: skip
    return unbekannt(f"Konzept vom {_tag(wert)}: am Stichtag {_tag(k.stichtag)} älter als "
                     f"{jahre} Jahre, der letzten belegten Grenze{bis}; ob eine Grenze gilt, "
                     f"ist nicht belegt: {grund}")  # fmt: skip


# -- Stellen ------------------------------------------------------------------------------


@functools.cache
def _funktionen(teile: tuple[Programmteil, ...]) -> tuple[Stellenfunktion, ...]:
    return tuple(dict.fromkeys(f for t in teile for f in katalogteil(t).stellen.funktionen))


def _stellenquelle(k: Kontext) -> Fundstelle:
    return _stellenquelle_fuer(k.teil)


@functools.cache  # der Programmkatalog ändert sich im Prozess nicht
def _stellenquelle_fuer(teil: Programmteil) -> Fundstelle:
    return _fundstelle(katalogteil(teil).stellen.quelle)


STELLEN_BEANTRAGT = Regel.neu(
    "ALLG.STELLEN_BEANTRAGT", "Der Antrag enthält Stellen des Programmteils", felder=("stellen",)
)


@STELLEN_BEANTRAGT.fassung(ALLE_TEILE, None)
def stellen_beantragt(k: Kontext) -> Befund:
    """Ein Teil, der Stellen fördert, braucht mindestens eine Stelle seiner Funktionen."""
    if not _funktionen(k.teile):
        return ohne_gegenstand(f"{_teile(k.teile)} fördert Maßnahmen, keine Stellen",
                               _stellenquelle(k))  # fmt: skip
    umfaenge = k.pruefung.umfaenge.keys()  # nur Funktionen mit Stellen (jeder Anteil > 0)
    ohne = [t for t in k.teile if (funktionen := _funktionen((t,)))
            and umfaenge.isdisjoint(funktionen)]  # fmt: skip
    if ohne:
        return nicht_erfuellt(f"der Antrag enthält keine Stelle für {_teile(ohne)}",
                              _stellenquelle(k))  # fmt: skip
    return erfuellt(f"Stellen beantragt für {_teile(k.teile)}", _stellenquelle(k))


STELLEN = Regel.neu(
    "ALLG.STELLEN",
    "Beantragte Stellen gehören zum Programmteil",
    felder=("stellen[*].funktion", "zeitraum"),
)


def _wohin(k: Kontext, funktion: Stellenfunktion) -> str:
    """Wohin eine fremde Stelle gehört, mit dem Hinweis auf den gemeinsamen KIM-Antrag."""
    teile = [t for t in Programmteil if funktion in katalogteil(t).stellen.funktionen]
    if not teile:  # pragma: no cover - jede Funktion gehört zu einem Teil
        return f"{funktion.bezeichnung} fördert kein Programmteil"
    text = f"{funktion.bezeichnung} gehört zu {_teile(teile)}"
    kim = [t for t in (*teile, *k.antragsteile) if t in KIM_MIT_ANTRAG]
    if len(set(kim)) == 2 and all(t in KIM_MIT_ANTRAG for t in teile):
        spannen = IM_GEMEINSAMEN_VERFAHREN.spannen(teile[0])
        if any(s.ueberschneidet(k.antrag.zeitraum) for s in spannen):
            return f"{text}; beantragen Sie sie im gemeinsamen Antrag für die Bausteine 1 und 2"
        ab = min((s.ab for s in spannen if s.ab is not None), default=None)
        if ab is not None:
            return f"{text} (ab {_tag(ab)} im gemeinsamen Antrag für die Bausteine 1 und 2)"
    return text


@STELLEN.fassung(ALLE_TEILE, None)
def stellen(k: Kontext) -> Befund:
    """Nur Stellen der Funktionen, die die beantragten Teile fördern."""
    gefoerdert = _funktionen(k.teile)
    if not k.antrag.stellen:
        return ohne_gegenstand("der Antrag enthält keine Stelle", _stellenquelle(k))
    umfaenge = k.pruefung.umfaenge  # nur Funktionen mit Stellen (jeder Anteil ist > 0)
    beantragt = [f for f in Stellenfunktion if f in umfaenge]  # Reihenfolge der Aufzählung
    fremd = [f for f in beantragt if f not in gefoerdert]
    if fremd:
        wohin = "; ".join(_wohin(k, f) for f in fremd)
        return nicht_erfuellt(f"{_teile(k.teile)} fördert keine Stellen der Funktion "
                              f"{', '.join(f.bezeichnung for f in fremd)}: {wohin}",
                              _stellenquelle(k))  # fmt: skip
    beschreibung = ", ".join(f"{schreibweise.vzae(umfaenge[f])} {f.bezeichnung}" for f in beantragt)
    return erfuellt(f"beantragt: {beschreibung}", _stellenquelle(k))


KOMMAN_I_UMFANG = Regel.neu(
    "KOMMAN.I.STELLENUMFANG",
    "Zulässige Zahl der Fachkraftstellen (KOMM-AN Programmteil I)",
    felder=("stellen[*].anteil", "zeitraum"),
)


@KOMMAN_I_UMFANG.fassung({Programmteil.KOMMAN_I}, Fundstelle("S-BRA-KOMMAN-I"))
def komman_i_umfang(k: Kontext) -> Befund:
    """Fachkraftstellen in halben Stellen zwischen Mindest- und Höchstumfang (1, 1,5 oder 2)."""
    summe = k.pruefung.umfang(Stellenfunktion.FACHKRAFT)
    beginn = k.antrag.zeitraum.beginn
    unten = k.wert("komman.i.fachkraft.stellen_mindestens", beginn)
    oben = k.wert("komman.i.fachkraft.stellen_hoechstens", beginn)
    text = f"beantragt {schreibweise.zahl(summe)} Fachkraftstellen"
    if isinstance(unten, FehlenderWert):
        return unbekannt(f"zulässiger Stellenumfang nicht belegt: {unten.grund}")
    if summe < unten.dezimal or not halbe_stellen(summe):
        return nicht_erfuellt(f"{text}; zulässig sind mindestens "
                              f"{schreibweise.zahl(unten.dezimal)} in halben Stellen")  # fmt: skip
    if isinstance(oben, FehlenderWert):
        if summe == unten.dezimal:
            return erfuellt(f"{text}: der Mindestumfang")
        return unbekannt(f"{text}; eine Höchstzahl ist für diesen Zeitraum nicht belegt "
                         f"({oben.grund})")  # fmt: skip
    if summe > oben.dezimal:
        return nicht_erfuellt(f"{text}; zulässig sind höchstens "
                              f"{schreibweise.zahl(oben.dezimal)}")  # fmt: skip
    return erfuellt(f"{text}; zulässig sind {schreibweise.zahl(unten.dezimal)} bis "
                    f"{schreibweise.zahl(oben.dezimal)} in halben Stellen")  # fmt: skip


# -- Zeitraum, gemeinsamer Antrag und Fristen ---------------------------------------------

FOERDERZEITRAUM = Regel.neu(
    "ALLG.FOERDERZEITRAUM",
    "Der Förderzeitraum liegt in der Laufzeit des Programmteils",
    felder=("zeitraum",),
)


@functools.cache  # Paketdaten: das Ende eines Teils ändert sich im Prozess nicht
def _ende(teil: Programmteil) -> Parameterwert | None:
    return katalogteil(teil).ende()


def _nach_dem_ende(k: Kontext, teil: Programmteil) -> Befund | None:
    """Der Befund, wenn der Förderzeitraum nach dem letzten Fördertag des Teils endet.

    Ein gefolgertes Ende (KOMM-AN Programmteil II: gestrichen für 2025) ist nicht erfüllt;
    ein unsicheres (Programmteil I: ob seine Stellen fortbestehen, ist nicht belegt;
    Ehrenamt im Kontext Prävention: „bis zum 31.12.2028 angelegt“) ist unbekannt. Der Grund
    nennt den Nachfolger und die Quellen, nie die Werte des letzten Jahres.
    """
    beschreibung = katalogteil(teil)
    ende = _ende(teil)
    zeitraum = k.antrag.zeitraum
    if ende is None or zeitraum.ende <= ende.datum:  # endet bis zum letzten Fördertag
        return None
    assert beschreibung.parameter_ende is not None  # ende() hat einen Wert geliefert
    k.wert(beschreibung.parameter_ende, zeitraum.beginn, fuer=zeitraum)  # als benutzt merken
    nachfolger = ""
    if beschreibung.abgeloest_durch is not None:
        nachfolger = f"; an seine Stelle tritt {beschreibung.abgeloest_durch.bezeichnung}"
    text = (f"der Zeitraum {_zeitraum(zeitraum)} reicht über den letzten Fördertag von "
            f"{teil.bezeichnung} ({_tag(ende.datum)}) hinaus{nachfolger}: "
            f"{ende.anmerkung}")  # fmt: skip
    if ende.gewissheit is Gewissheit.UNSICHER:
        return unbekannt(f"{text} – das Ende ist unsicher belegt, ob der Teil fortbesteht, "
                         "ist nicht bekannt", _quelle(ende))  # fmt: skip
    return nicht_erfuellt(text, _quelle(ende))


@FOERDERZEITRAUM.fassung(ALLE_TEILE, None)
def foerderzeitraum(k: Kontext) -> Befund:
    """Kein Geld vor dem Beginn des Programmteils (z. B. Baustein 2 erst ab 01.07.2020) und
    keins nach seinem Ende (KOMM-AN Programmteil II nach 2024)."""
    zeitraum = k.antrag.zeitraum
    texte: list[str] = []
    fundstelle: Fundstelle | None = None
    for teil in k.teile:
        if (danach := _nach_dem_ende(k, teil)) is not None:
            return danach
        beschreibung = katalogteil(teil)
        beginn = k.wert(beschreibung.parameter_beginn, zeitraum.ende)
        name = teil.bezeichnung
        if isinstance(beginn, FehlenderWert):
            return nicht_erfuellt(
                f"{name} hat im Zeitraum {_zeitraum(zeitraum)} keine Laufzeit: {beginn.grund}",
                Fundstelle(beschreibung.quellen[0]),
            )
        fundstelle = fundstelle or _quelle(beginn)
        if zeitraum.beginn < beginn.datum:  # beginnt vor dem Programmteil
            return nicht_erfuellt(
                f"der Zeitraum beginnt am {_tag(zeitraum.beginn)}, vor dem Beginn von {name} am "
                f"{_tag(beginn.datum)}",
                _quelle(beginn),
            )
        texte.append(f"{name} ab {_tag(beginn.datum)}")
    return erfuellt(f"{_zeitraum(zeitraum)} liegt in der Laufzeit ({'; '.join(texte)})",
                    fundstelle)  # fmt: skip


GEMEINSAMER_ANTRAG_REGEL = Regel.neu(
    "ALLG.GEMEINSAMER_ANTRAG",
    "Die Programmteile dürfen in einem Antrag beantragt werden",
    nur_gemeinsam=True,
    felder=("programmteile", "zeitraum"),
)


@GEMEINSAMER_ANTRAG_REGEL.fassung(ALLE_TEILE, Fundstelle("S-NRWfoerdert-KIM-2025"))
def gemeinsamer_antrag(k: Kontext) -> Befund:
    """Ein Antrag für mehrere Teile nur, wo das Recht das vorsieht: KIM Baustein 1 und 2
    ab dem Förderaufruf 2025."""
    fremd = [t for t in k.antragsteile if t not in ANTRAGSVERFAHREN]
    if fremd:
        return nicht_erfuellt(f"{_teile(fremd)} wird nicht zusammen mit anderen "
                              "Programmteilen beantragt; einen gemeinsamen Antrag gibt es nur "
                              "für KIM Baustein 1 und 2")  # fmt: skip
    getrennt: list[str] = []
    for abschnitt in k.antrag.zeitraum.nach_haushaltsjahren():
        verfahren = {t: k.wert(ANTRAGSVERFAHREN[t], abschnitt.beginn, fuer=abschnitt)
                     for t in k.antragsteile}  # fmt: skip
        if all(isinstance(v, Parameterwert) and v.wert == GEMEINSAMER_ANTRAG
               for v in verfahren.values()):  # fmt: skip
            continue
        from kim_nrw.pruefung.erklaerung import verfahren_text

        je_teil = "; ".join(f"{t.bezeichnung}: {verfahren_text(v)}" for t, v in verfahren.items())
        getrennt.append(f"{_zeitraum(abschnitt)} ({je_teil})")
    if getrennt:
        ab = min((s.ab for t in k.antragsteile for s in IM_GEMEINSAMEN_VERFAHREN.spannen(t)
                  if s.ab is not None), default=None)  # fmt: skip
        seit = f"; den gemeinsamen Antrag gibt es ab {_tag(ab)}" if ab is not None else ""
        return nicht_erfuellt("die Teile wurden damals getrennt beantragt bzw. gezahlt: "
                              f"{', '.join(getrennt)}{seit}")  # fmt: skip
    return erfuellt(f"ein Antrag für {_teile(k.antragsteile)}, wie der Förderaufruf es vorgibt")


ANTRAGSFRIST = Regel.neu(
    "KIM.ANTRAGSFRIST",
    "Antrag innerhalb der Antragsfrist gestellt",
    felder=("antragsdatum", "zeitraum"),
)

_FENSTER_BEGINN = "kim.antragsfenster.beginn"
_FENSTER_ENDE = "kim.antragsfenster.ende"


@ANTRAGSFRIST.fassung({Programmteil.KIM_B1}, Fundstelle("S-ufa-BRA-KIM"),
                      NachParameter(ANTRAGSVERFAHREN, frozenset({"antrag"}),
                                    Bezug.FOERDERZEITRAUM))  # fmt: skip
@ANTRAGSFRIST.fassung(KIM_MIT_ANTRAG, Fundstelle("S-NRWfoerdert-KIM-2025"),
                      IM_GEMEINSAMEN_VERFAHREN)  # fmt: skip
def antragsfrist(k: Kontext) -> Befund:
    """Der Antrag liegt in der Frist des Förderjahrs – soweit eine Quelle sie nennt.

    Ist die Frist nur unsicher belegt (die Fristen bis 2023 stehen nur in einer gescrapten
    Kopie des älteren BRA-Texts), zählt ein Antrag in der Frist als erfüllt (das Ergebnis
    trägt den Vorbehalt), einer danach als unbekannt: die Frist galt vielleicht nicht.
    Ist für das Förderjahr keine Frist belegt, ist die Bedingung unbekannt – eine Frist
    gibt es wahrscheinlich, kim_nrw kennt sie nicht.
    """
    return _frist(k, _FENSTER_BEGINN, _FENSTER_ENDE)


def _luecken_quelle(name: str, tag: date) -> Fundstelle | None:
    """Die erste Quelle, in der für die Lücke von ``name`` am ``tag`` gesucht wurde."""
    for lu in parameter(name).luecken:
        if lu.enthaelt(tag) and lu.quellen:
            return _fundstelle(lu.quellen[0])
    return None


def _frist(k: Kontext, beginn_name: str, ende_name: str) -> Befund:
    """Prüft das Antragsdatum gegen das Fenster des Förderjahrs aus zwei Parametern."""
    jahr = k.antrag.zeitraum.beginn
    ende = k.wert(ende_name, jahr)
    if isinstance(ende, FehlenderWert) and ende.stand is Belegstand.KEINE_GELTUNG:
        return ohne_gegenstand(f"für den Förderzeitraum ab {_tag(jahr)} gab es kein "
                               "Antragsverfahren (vor dem Beginn des Programmteils)")  # fmt: skip
    if isinstance(ende, FehlenderWert):
        return unbekannt(f"für den Förderzeitraum ab {_tag(jahr)} ist keine Antragsfrist "
                         f"belegt; wahrscheinlich gibt es eine: {ende.grund}",
                         _luecken_quelle(ende_name, jahr))  # fmt: skip
    beginn = k.wert(beginn_name, jahr)
    fenster = Spanne(None if isinstance(beginn, FehlenderWert) else beginn.datum, ende.datum)
    frist = (f"bis {_tag(ende.datum)}" if fenster.ab is None
             else f"{_tag(fenster.ab)}–{_tag(ende.datum)}")  # fmt: skip
    sicher = ende.gewissheit is Gewissheit.BESTAETIGT and (
        isinstance(beginn, FehlenderWert) or beginn.gewissheit is Gewissheit.BESTAETIGT
    )
    tag = k.antrag.antragsdatum
    if tag is None:
        return unbekannt(f"Antragsdatum fehlt (Frist {frist})", _quelle(ende))
    if not fenster.enthaelt(tag):
        if sicher:
            return nicht_erfuellt(f"Antrag vom {_tag(tag)} außerhalb der Frist {frist}",
                                  _quelle(ende))  # fmt: skip
        return unbekannt(
            f"Antrag vom {_tag(tag)} außerhalb der Frist {frist}, die nur eine unsichere Quelle "
            "nennt; ob sie galt, ist nicht belegt",
            _quelle(ende),
        )
    return erfuellt(f"Antrag vom {_tag(tag)} in der Frist {frist}", _quelle(ende))


KI_ANTRAGSFRIST = Regel.neu(
    "KI.ANTRAGSFRIST",
    "Antrag innerhalb der Antragsfrist gestellt",
    felder=("antragsdatum", "zeitraum"),
)


@KI_ANTRAGSFRIST.fassung({Programmteil.KI}, Fundstelle("N-NRWfoerdert-KI-2026"))
def ki_antragsfrist(k: Kontext) -> Befund:
    """Wie beim KIM: der Antrag liegt im Antragsfenster des Förderjahrs (für 2026 vom
    17.04. bis 31.10.2025). Für die Jahre davor ist keine Frist belegt und für 2027 kein
    Förderaufruf gefunden – dann ist die Bedingung unbekannt, denn eine Frist gibt es
    wahrscheinlich."""
    return _frist(k, "ki.antragsfenster.beginn", "ki.antragsfenster.ende")


# -- KIM ab dem Förderaufruf 2025 -----------------------------------------------------------


def _aufruf_2025(regel: Regel) -> Dekorator:
    """Die Fassung einer Voraussetzung des Förderaufrufs 2025: solange die KIM-RL 2024
    maßgeblich ist und der Förderzeitraum in das gemeinsame Verfahren fällt."""
    return regel.fassung(KIM_MIT_ANTRAG, Fundstelle("S-NRWfoerdert-KIM-2025"),
                         Massgeblich("KIM-RL-2024"), IM_GEMEINSAMEN_VERFAHREN)  # fmt: skip


def _aufruf_2025_tatsache(kennung: str, titel: str, feld: str, was: str, nummer: int) -> Regel:
    """Eine Voraussetzung des Förderaufrufs 2025, die der Antrag als Tatsache angibt."""
    regel = Regel.neu(kennung, titel, felder=(feld,))

    @_aufruf_2025(regel)
    def pruefe(k: Kontext) -> Befund:
        wert: bool | None = getattr(k.antrag, feld)
        return _tatsache(wert, f"{was}: liegt vor", f"{was}: fehlt", f"{was}?")

    pruefe.__doc__ = f"Voraussetzung ({nummer}) des Förderaufrufs 2025."
    return regel


LENKUNGSGRUPPE = _aufruf_2025_tatsache(
    "KIM.2025.LENKUNGSGRUPPE", "Lenkungsgruppe auf Leitungsebene", "lenkungsgruppe",
    "Lenkungsgruppe", 4,
)  # fmt: skip
KIM_KONZEPT = _aufruf_2025_tatsache(
    "KIM.2025.KONZEPT", "Örtliches KIM-Konzept nach dem Handlungskonzept", "kim_konzept",
    "örtliches KIM-Konzept", 3,
)  # fmt: skip
KOORDINATION_AM_KI = _aufruf_2025_tatsache(
    "KIM.2025.KOORDINATION_AM_KI", "Koordinierende Stellen am KI angebunden",
    "koordination_am_ki", "Anbindung der Koordination an das KI", 2,
)  # fmt: skip


# -- KIM Baustein 1: Zusatzstelle für eine kreisangehörige Gemeinde -------------------------

ZUSATZSTELLE_KREIS = Regel.neu(
    "KIM.B1.ZUSATZSTELLE.KREIS",
    "Zusatzstelle für eine Gemeinde des antragstellenden Kreises",
    felder=("zusatzstelle.gemeinde", "antragsteller"),
)


@ZUSATZSTELLE_KREIS.fassung({Programmteil.KIM_B1}, Fundstelle("S-BRA-KIM"))
def zusatzstelle_kreis(k: Kontext) -> Befund:
    """Die zusätzliche Koordinierungsstelle beantragt der Kreis für eine seiner Gemeinden."""
    z = k.antrag.zusatzstelle
    if z is None:
        return KEINE_ZUSATZSTELLE
    gemeinde = _gemeinde(z.gemeinde)
    if gemeinde is None:
        return nicht_erfuellt(f"{z.gemeinde} ist kein Gemeindeschlüssel des Gebietsregisters "
                              f"({_GEBIETSSTAND})")  # fmt: skip
    if not _im_kreis(k, gemeinde):
        return nicht_erfuellt(f"{gemeinde.bezeichnung} gehört nicht zum antragstellenden Kreis; "
                              "die Zusatzstelle beantragt der zuständige Kreis")  # fmt: skip
    if gemeinde.ist_kreisfrei:
        return nicht_erfuellt(
            f"{gemeinde.bezeichnung} hat die Rechtsstellung einer kreisfreien Stadt und ein "
            "eigenes KI; sie beantragt Baustein 1 selbst (bis zu drei Personalstellen), eine "
            "Zusatzstelle der StädteRegion für sie gibt es nicht",
            Fundstelle("AachenG"),
        )
    return erfuellt(f"{gemeinde.bezeichnung} gehört zum {k.kommune.bezeichnung}")


def _im_kreis(k: Kontext, gemeinde: KreisfreieStadt | KreisangehoerigeGemeinde) -> bool:
    """Ob die Gemeinde zum antragstellenden Kreis gehört – nach dem Register, nicht nach dem
    Schlüssel (die Stadt Aachen hat den Schlüssel einer Gemeinde der StädteRegion)."""
    kreis = k.kommune
    return (isinstance(kreis, Kreis) and isinstance(gemeinde, KreisangehoerigeGemeinde)
            and gemeinde.kreis.schluessel == kreis.schluessel)  # fmt: skip


def _zusatzstelle_tatsache(regel: Regel, feld: str, was: str) -> None:
    @regel.fassung({Programmteil.KIM_B1}, Fundstelle("S-BRA-KIM"))
    def pruefe(k: Kontext) -> Befund:
        z = k.antrag.zusatzstelle
        if z is None:
            return KEINE_ZUSATZSTELLE
        gemeinde = _gemeinde(z.gemeinde)
        name = gemeinde.bezeichnung if gemeinde is not None else str(z.gemeinde)
        wert: bool | None = getattr(z, feld)
        return _tatsache(wert, f"{name} hat {was}", f"{name} hat kein(e) {was}",
                         f"hat {name} {was}?")  # fmt: skip


_zusatzstelle_tatsache(
    Regel.neu(
        "KIM.B1.ZUSATZSTELLE.AUSLAENDERBEHOERDE",
        "Die Gemeinde hat eine Ausländerbehörde",
        felder=("zusatzstelle.auslaenderbehoerde",),
    ),
    "auslaenderbehoerde",
    "eine Ausländerbehörde",
)
_zusatzstelle_tatsache(
    Regel.neu(
        "KIM.B1.ZUSATZSTELLE.JUGENDAMT",
        "Die Gemeinde hat ein Jugendamt",
        felder=("zusatzstelle.jugendamt",),
    ),
    "jugendamt",
    "ein Jugendamt",
)
_zusatzstelle_tatsache(
    Regel.neu("KIM.B1.ZUSATZSTELLE.INTEGRATIONSRAT",
              "Die Gemeinde hat einen Integrationsrat oder -ausschuss",
              felder=("zusatzstelle.integrationsrat",)),
    "integrationsrat", "einen Integrationsrat oder -ausschuss",
)  # fmt: skip


# -- KIM: Weiterleitung und Doppelförderung -------------------------------------------------

WEITERLEITUNG_SCHLUESSEL = Regel.neu(
    "KIM.WEITERLEITUNG.SCHLUESSEL",
    "Weiterleitung nur an Gemeinden des Gebietsregisters",
    felder=("weiterleitungen[*].ags",),
)


@WEITERLEITUNG_SCHLUESSEL.fassung(EHRENAMT, Fundstelle("N-Coesfeld-MSO"))
@kim_fassungen(WEITERLEITUNG_SCHLUESSEL, KIM_BAUSTEINE, "§ 9 Abs. 2")
def weiterleitung_schluessel(k: Kontext) -> Befund:
    """Ein Empfänger mit Gemeindeschlüssel muss eine Gemeinde des Registers sein."""
    w = k.antrag.weiterleitungen
    if not w:
        return KEINE_WEITERLEITUNG
    unbekannt_ = [f"{x.empfaenger} ({x.ags})" for x in w
                  if x.ags is not None and _gemeinde(x.ags) is None]  # fmt: skip
    if unbekannt_:
        return nicht_erfuellt(f"kein Gemeindeschlüssel des Gebietsregisters ({_GEBIETSSTAND}): "
                              f"{', '.join(unbekannt_)}")  # fmt: skip
    return erfuellt("jeder Empfänger mit Gemeindeschlüssel ist eine Gemeinde des Registers")


WEITERLEITUNG_GEBIET = Regel.neu(
    "KIM.WEITERLEITUNG.GEBIET",
    "Weiterleitung nur an Gemeinden im Gebiet des Antragstellers",
    felder=("weiterleitungen[*].ags", "antragsteller"),
)


@kim_fassungen(WEITERLEITUNG_GEBIET, KIM_BAUSTEINE, "§ 9 Abs. 2")
def weiterleitung_gebiet(k: Kontext) -> Befund:
    """Weitergabe an kreisangehörige Gemeinden des eigenen Kreises oder an freie Träger.

    Maßgeblich ist das Register, nicht der Schlüssel: die Stadt Aachen (``05334002``) hat
    den Schlüssel einer Gemeinde der StädteRegion, aber die Rechtsstellung einer
    kreisfreien Stadt und ein eigenes KIM – die StädteRegion gibt an sie nichts weiter,
    und die Stadt Aachen gibt wie eine kreisfreie Stadt nicht an Gemeinden weiter.
    """
    w = k.antrag.weiterleitungen
    if not w:
        return KEINE_WEITERLEITUNG
    fremd: list[str] = []
    aachen = False
    for x in w:
        if x.ags is None:
            continue  # freier Träger
        gemeinde = _gemeinde(x.ags)
        if gemeinde is None:
            continue  # meldet KIM.WEITERLEITUNG.SCHLUESSEL
        if not _im_kreis(k, gemeinde) or gemeinde.ist_kreisfrei:
            fremd.append(x.empfaenger)
            aachen = aachen or (isinstance(gemeinde, KreisangehoerigeGemeinde)
                                and gemeinde.ist_kreisfrei)  # fmt: skip
    if fremd:
        grund = ""
        if aachen or (isinstance(k.kommune, KreisangehoerigeGemeinde) and k.kommune.ist_kreisfrei):
            grund = (" (die Stadt Aachen hat die Rechtsstellung einer kreisfreien Stadt und "
                     "ein eigenes KIM)")  # fmt: skip
        return nicht_erfuellt(
            f"Empfänger außerhalb des Gebiets des Antragstellers: {', '.join(fremd)}{grund}",
            Fundstelle("AachenG") if grund else None,
        )
    return erfuellt(f"{len(w)} Weiterleitung(en) im Gebiet des Antragstellers oder an freie Träger")


WEITERLEITUNG_BETRAG = Regel.neu(
    "KIM.WEITERLEITUNG.BETRAG",
    "Weitergeleitet wird nicht mehr als beantragt",
    felder=("weiterleitungen[*].betrag", "beantragter_betrag"),
)


@WEITERLEITUNG_BETRAG.fassung(EHRENAMT, Fundstelle("N-Coesfeld-MSO"))
@kim_fassungen(WEITERLEITUNG_BETRAG, KIM_BAUSTEINE, "§ 9 Abs. 2")
def weiterleitung_betrag(k: Kontext) -> Befund:
    """Die Summe der Weiterleitungen übersteigt den beantragten Betrag nicht."""
    w = k.antrag.weiterleitungen
    if not w:
        return KEINE_WEITERLEITUNG
    # Als Decimal summiert: die Summe darf über den größten Betrag (BETRAG_MAX) gehen.
    summe = Decimal("0.00")
    for x in w:
        summe = _SUMMEN.add(summe, x.betrag.wert)
    beantragt = k.antrag.beantragter_betrag
    if beantragt is not None and summe > beantragt.wert:
        return nicht_erfuellt(f"weitergeleitet {schreibweise.betrag(summe)}, mehr als "
                              f"beantragt ({schreibweise.betrag(beantragt.wert)})")  # fmt: skip
    return erfuellt(f"{len(w)} Weiterleitung(en) über {schreibweise.betrag(summe)}")


_SUMMEN = Context(prec=60)
"""Exakt für Summen von Cent-Beträgen bis 10^58 €, unabhängig vom Kontext des Aufrufers."""


DOPPELFOERDERUNG = Regel.neu(
    "KIM.DOPPELFOERDERUNG",
    "Keine Doppelförderung aus anderen öffentlichen Mitteln",
    felder=("andere_foerderung",),
)


@DOPPELFOERDERUNG.fassung(KIM_BAUSTEINE, Fundstelle("TIntG-2021", "§ 9 Abs. 4"), TINTG_2021)
def doppelfoerderung(k: Kontext) -> Befund:
    """Kein KIM-Geld für Vorhaben, die schon EU-, Bundes-, Landes- oder Drittmittel erhalten."""
    andere = k.antrag.andere_foerderung
    if andere is None:
        return unbekannt("Angabe fehlt: gibt es andere öffentliche Förderung für denselben "
                         "Zweck?")  # fmt: skip
    gleich = [d for d in andere if d.gleicher_zweck]
    if gleich:
        liste = ", ".join(f"{d.geber} ({schreibweise.betrag(d.betrag.wert)})" for d in gleich)
        return nicht_erfuellt(f"für denselben Zweck schon gefördert: {liste}")
    return KEINE_ANDERE_FOERDERUNG


# -- Höchstbetrag ---------------------------------------------------------------------------

HOECHSTBETRAG = Regel.neu(
    "ALLG.HOECHSTBETRAG",
    "Beantragter Betrag im Rahmen des Höchstbetrags",
    felder=("beantragter_betrag", "stellen", "sonstige_kosten", "ankommenstreffpunkte", "zeitraum"),
)


@HOECHSTBETRAG.fassung(ALLE_TEILE, Fundstelle("LHO-44"))
def hoechstbetrag(k: Kontext) -> Befund:
    """Der beantragte Betrag wird auf den Höchstbetrag gekürzt; ohne Höchstbetrag unbekannt."""
    rechnung = berechne(k.pruefung)
    hoechst = rechnung.hoechstbetrag
    beantragt = k.antrag.beantragter_betrag
    je_teil = ""
    if len(rechnung.teilbetraege) > 1:
        je_teil = " (" + "; ".join(
            f"{t.teil.bezeichnung}: "
            + ("nicht berechenbar" if t.betrag is None else schreibweise.betrag(t.betrag.wert))
            for t in rechnung.teilbetraege) + ")"  # fmt: skip
    if beantragt is None:
        text = "kein Betrag beantragt"
        if hoechst is not None:
            text += f"; Höchstbetrag {schreibweise.betrag(hoechst.wert)}{je_teil}"
        return ohne_gegenstand(text)
    text = f"beantragt {schreibweise.betrag(beantragt.wert)}"
    if not all(berechnet(t) for t in k.teile):
        return ohne_gegenstand(f"{text}; für {_teile(t for t in k.teile if not berechnet(t))} "
                               "rechnet kim_nrw keinen Höchstbetrag (Anteil der zuwendungsfähigen "
                               "Ausgaben)")  # fmt: skip
    if hoechst is None:
        return unbekannt(f"{text}; der Höchstbetrag ist nicht berechenbar (siehe Rechnung)")
    if any(katalogteil(t).raumpauschalen is not None for t in k.teile):
        text += " (kim_nrw rechnet nur die Pauschalen je Raum der Ankommenstreffpunkte)"
    if beantragt > hoechst:
        return erfuellt(f"{text}, höchstens {schreibweise.betrag(hoechst.wert)}{je_teil}: auf "
                        f"{schreibweise.betrag(hoechst.wert)} gekürzt "
                        f"({schreibweise.betrag((beantragt - hoechst).wert)} über dem "
                        "Höchstbetrag)")  # fmt: skip
    return erfuellt(f"{text}, höchstens {schreibweise.betrag(hoechst.wert)}{je_teil}")

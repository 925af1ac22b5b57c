"""Das Ergebnis in Worten: Aktenvermerk, Entscheidungszeile, Rechnung, Vorbehalte, Geltungen.

Das :class:`~kim_nrw.pruefung.Pruefergebnis` ist Daten; dieses Modul ist die eine Stelle,
die es auf Deutsch schreibt – für :meth:`~kim_nrw.pruefung.Pruefergebnis.erklaerung`
(den Aktenvermerk), die Kommandozeile und die Doku (Regelkatalog). Zahlen, Daten, Beträge
und Stellenanteile schreibt :mod:`kim_nrw.schreibweise`; Aufzählungen erscheinen mit
ihrer Bezeichnung, Quellen mit ihrem Zitat, Parameter mit ihrer Beschreibung. Der
Aktenvermerk nennt nie eine interne Kennung (Kurzname, Parametername, Aufzählungswert);
nur die Kennungen der Regeln stehen darin, denn der Regelkatalog der Doku führt sie.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from kim_nrw import schreibweise
from kim_nrw.geld import Betrag
from kim_nrw.programme import Antragsverfahren, Foerderart, Programmteil
from kim_nrw.pruefung.ergebnis import (
    Entscheidung,
    Hinweis,
    Hinweisart,
    Pruefergebnis,
    Pruefpunkt,
    Rechenschritt,
    Regelversion,
    Schrittart,
    Versionsart,
    VerwendeterWert,
    Vorbehalt,
    Vorbehaltsart,
)
from kim_nrw.pruefung.geltung import (
    Bezug,
    Geltung,
    InKraft,
    InLuecke,
    Massgeblich,
    NachParameter,
    SeitInkrafttreten,
    Spanne,
    VorInkrafttreten,
)
from kim_nrw.recht import Gewissheit, Parameterart, Parameterwert, parameter, rechtsquelle

if TYPE_CHECKING:
    from kim_nrw.pruefung.kontext import FehlenderWert, Pruefung
    from kim_nrw.pruefung.regelwerk import Fassung, Regel

__all__ = [
    "aktenvermerk",
    "ausserhalb_der_geltung",
    "entscheidungszeile",
    "fassung_text",
    "geltung_text",
    "je_teil",
    "parameter_text",
    "quellen_text",
    "rechenschritt_text",
    "regelversion_text",
    "spannen_text",
    "verfahren_text",
    "vorbehalt_text",
    "wert_text",
    "zitat",
]


# -- Bausteine --------------------------------------------------------------------------------


@functools.cache
def zitat(quelle: str, norm: str | None = None) -> str:
    """Das deutsche Zitat einer Stelle aus dem Quellenkatalog (je Stelle einmal gebildet).

    >>> from kim_nrw.pruefung.erklaerung import zitat
    >>> zitat("TIntG-2021", "§ 9 Abs. 1")
    '§ 9 Abs. 1 TIntG 2021 (GV. NRW. S. 1213a)'
    """
    return rechtsquelle(quelle).zitiere(norm).text


def quellen_text(quellen: Iterable[str]) -> str:
    """Die Zitate mehrerer Quellen, mit Semikolon getrennt."""
    return "; ".join(zitat(q) for q in quellen)


def _teile(teile: Iterable[Programmteil]) -> str:
    return " und ".join(t.bezeichnung for t in teile)


def _kurz(teile: Iterable[Programmteil]) -> str:
    """Die Teile mit ihrem kurzen Namen (vor dem Doppelpunkt), z. B. ``KIM Baustein 1``."""
    return " und ".join(t.bezeichnung.split(":")[0] for t in teile)


@functools.cache
def parameter_text(name: str) -> str:
    """Ein Parameter in Worten: seine Beschreibung (nie der interne Name)."""
    return parameter(name).beschreibung


def _text_wert(wert: str) -> str:
    for art in (Foerderart, Antragsverfahren):
        for mitglied in art:
            if mitglied.value == wert:
                return mitglied.bezeichnung
    return wert


def wert_text(art: Parameterart, wert: str, einheit: str = "") -> str:
    """Ein Parameterwert (kanonische Schreibweise) auf Deutsch, z. B. ``57.000,00 €``.

    >>> from kim_nrw.recht import Parameterart
    >>> from kim_nrw.pruefung.erklaerung import wert_text
    >>> wert_text(Parameterart.BETRAG, "57000.00"), wert_text(Parameterart.TEXT, "ohne_antrag")
    ('57.000,00 €', 'fachbezogene Pauschale ohne Antrag')
    """
    if art is Parameterart.BETRAG:
        return schreibweise.betrag(Decimal(wert))
    if art is Parameterart.VZAE:
        return schreibweise.vzae(Decimal(wert))
    if art is Parameterart.QUOTE:
        return schreibweise.prozent(Decimal(wert))
    if art is Parameterart.ANZAHL:
        return f"{schreibweise.ganzzahl(int(wert))} {einheit}".rstrip()
    if art is Parameterart.DATUM:
        return schreibweise.datum(date.fromisoformat(wert))
    return _text_wert(wert)


def verfahren_text(wert: Parameterwert | FehlenderWert) -> str:
    """Das Antragsverfahren eines Teils in Worten (oder: nicht belegt)."""
    if isinstance(wert, Parameterwert):
        return _text_wert(str(wert.wert))
    return "nicht belegt"


def _betrag(b: Betrag) -> str:
    return schreibweise.betrag(b.wert)


def _spanne(s: Spanne) -> str:
    if s.ab is None and s.bis is None:
        return "immer"
    if s.ab is None:
        assert s.bis is not None
        return f"bis {schreibweise.datum(s.bis)}"
    return schreibweise.spanne(s.ab, s.bis)


def spannen_text(spannen: Sequence[Spanne]) -> str:
    """Zeiträume in Worten, z. B. ``ab 01.01.2022`` oder ``nie``."""
    if not spannen:
        return "nie"
    return " oder ".join(_spanne(s) for s in spannen)


_BEZUG = {Bezug.STICHTAG: "für Stichtage", Bezug.FOERDERZEITRAUM: "für Förderzeiträume"}


def _fundstelle(fassung: Fassung) -> str:
    if fassung.fundstelle is None:
        return "die Quelle des benutzten Werts"
    return zitat(fassung.fundstelle.quelle, fassung.fundstelle.norm)


def fassung_text(fassung: Fassung, teil: Programmteil, *, mit_fundstelle: bool = True) -> str:
    """Wann eine Fassung für ``teil`` gilt, wahlweise mit ihrer Fundstelle."""
    spannen = fassung.spannen(teil)
    text = " und ".join(f"{_BEZUG[b]} {spannen_text(s)}" for b, s in spannen.items())
    text = text or "immer"
    return f"{text} ({_fundstelle(fassung)})" if mit_fundstelle else text


def geltung_text(geltung: Geltung, teil: Programmteil) -> str:
    """Woraus eine Geltung folgt, für den Regelkatalog der Doku."""
    if isinstance(geltung, InKraft):
        herkunft = f"solange {rechtsquelle(geltung.quelle).abkuerzung} in Kraft ist"
    elif isinstance(geltung, VorInkrafttreten):
        herkunft = f"vor dem Inkrafttreten von {rechtsquelle(geltung.quelle).abkuerzung}"
    elif isinstance(geltung, SeitInkrafttreten):
        herkunft = f"seit dem Inkrafttreten von {rechtsquelle(geltung.quelle).abkuerzung}"
    elif isinstance(geltung, InLuecke):
        herkunft = f"solange ``{geltung.name}`` nicht belegt ist"
    elif isinstance(geltung, Massgeblich):
        herkunft = (f"solange {rechtsquelle(geltung.quelle).abkuerzung} für den Programmteil "
                    "maßgeblich ist")  # fmt: skip
    elif isinstance(geltung, NachParameter):
        name = geltung.parametername(teil) or "–"
        werte = ""
        if geltung.werte is not None:
            werte = " = " + " oder ".join(sorted(_text_wert(w) for w in geltung.werte))
        herkunft = f"solange ``{name}``{werte}"
    else:  # pragma: no cover - es gibt nur diese Arten
        herkunft = type(geltung).__name__
    return f"{_BEZUG[geltung.bezug]} {spannen_text(geltung.spannen(teil))}: {herkunft}"


def ausserhalb_der_geltung(regel: Regel, teile: tuple[Programmteil, ...], p: Pruefung) -> str:
    """Der Grund für „nicht anwendbar“ außerhalb der Geltung: welche Fassung wann gilt."""
    del p  # der Grund nennt alle Fassungen; er hängt nicht vom Antrag ab
    texte = [_ausserhalb(regel, t) for t in teile]
    if len(set(texte)) == 1:
        return texte[0]
    return "; ".join(f"{_kurz([t])}: {x}" for t, x in zip(teile, texte, strict=True))


@functools.cache
def _ausserhalb(regel: Regel, teil: Programmteil) -> str:
    fassungen = regel.fassungen_fuer(teil)
    mit = len(fassungen) > 1
    texte = "; ".join(fassung_text(f, teil, mit_fundstelle=mit) for f in fassungen)
    return f"außerhalb der Geltung: die Bedingung gilt {texte}"


def je_teil(befunde: Sequence[tuple[tuple[Programmteil, ...], str]]) -> str:
    """Begründungen je Teil in einem Satz."""
    return "; ".join(f"{_kurz(teile)}: {text}" for teile, text in befunde)


# -- Rechnung ---------------------------------------------------------------------------------


def _einheit(je: Decimal | None) -> str:
    if je is None or je == 1:
        return "je Stelle"
    return f"je {schreibweise.vzae(je)}"


def rechenschritt_text(s: Rechenschritt, *, mit_teil: bool = False) -> str:
    """Ein Schritt der Höchstbetragsrechnung in Worten."""
    teil = f"{_kurz([s.teil])}, " if mit_teil and s.teil is not None else ""
    zeit = "" if s.zeitraum is None else (
        f"{schreibweise.zeitraum(s.zeitraum.beginn, s.zeitraum.ende)}: ")  # fmt: skip
    funktion = "" if s.funktion is None else s.funktion.bezeichnung
    if s.art is Schrittart.POSTEN:
        assert s.vzae is not None and s.satz is not None and s.betrag is not None
        return (f"{teil}{zeit}{schreibweise.vzae(s.vzae)} {funktion} × {_betrag(s.satz)} "
                f"{_einheit(s.je_vzae)} × {s.monate}/12 Jahr (volle Monate) = "
                f"{_betrag(s.betrag)}")  # fmt: skip
    if s.art is Schrittart.KUERZUNG_STELLEN:
        assert s.vzae is not None and s.hoechstens_vzae is not None
        return (f"{teil}{zeit}{schreibweise.vzae(s.vzae)} {funktion} auf höchstens "
                f"{schreibweise.vzae(s.hoechstens_vzae)} gekürzt")  # fmt: skip
    if s.art is Schrittart.ZUSCHLAG_STELLEN:
        assert s.vzae is not None and s.hoechstens_vzae is not None
        return (f"{teil}{zeit}Zusatzstelle für eine Gemeinde: {schreibweise.vzae(s.vzae)} "
                f"{funktion} mehr, höchstens {schreibweise.vzae(s.hoechstens_vzae)}")  # fmt: skip
    if s.art is Schrittart.SACHKOSTEN:
        assert s.satz is not None and s.betrag is not None
        name = parameter_text(s.parameter) if s.parameter else "Sachkosten"
        weise = ("je Jahr" if s.monate is not None
                 else "je Haushaltsjahr, nicht nach Monaten gekürzt")  # fmt: skip
        return (f"{teil}{zeit}Sachkosten ({name}), höchstens {_betrag(s.satz)} {weise} = "
                f"{_betrag(s.betrag)}")  # fmt: skip
    if s.art is Schrittart.RAUMPAUSCHALE:
        assert s.satz is not None and s.betrag is not None and s.anzahl is not None
        name = parameter_text(s.parameter) if s.parameter else "Pauschale je Raum"
        gekuerzt = ""
        if s.beantragt not in (None, s.anzahl):
            gekuerzt = f" (beantragt {s.beantragt}, höchstens {s.anzahl} je Gebäude)"
        raeume = "Raum" if s.anzahl == 1 else "Räume"
        return (f"{teil}{zeit}{s.text}: {s.anzahl} {raeume}{gekuerzt} × {_betrag(s.satz)} "
                f"({name}) = {_betrag(s.betrag)}")  # fmt: skip
    if s.art is Schrittart.RAUMGRENZE_NICHT_BELEGT:
        return (f"{teil}{zeit}keine belegte Höchstzahl der Pauschalen je Gebäude, alle Räume "
                f"zählen ({s.text})")  # fmt: skip
    if s.art is Schrittart.OBERGRENZE:
        assert s.satz is not None and s.betrag is not None
        deckt = f" ({s.text})" if s.text else ""
        return (f"{teil}{zeit}auf die Obergrenze von {_betrag(s.satz)} je Jahr gekürzt{deckt} = "
                f"{_betrag(s.betrag)}")  # fmt: skip
    if s.art is Schrittart.OBERGRENZE_NICHT_BELEGT:
        return f"{teil}{zeit}keine belegte Jahresobergrenze ({s.text})"
    if s.art is Schrittart.NICHT_AUS_DER_ZUWENDUNG:
        assert s.vzae is not None
        return (f"{teil}{schreibweise.vzae(s.vzae)} {funktion}: vom Land gestellt, nicht aus "
                "der Zuwendung bezahlt = 0,00 €")  # fmt: skip
    if s.art is Schrittart.KEINE_RECHNUNG_JE_STELLE:
        return (f"{s.teil.bezeichnung if s.teil else ''}: Anteil der zuwendungsfähigen "
                "Ausgaben; kim_nrw berechnet keinen Höchstbetrag")  # fmt: skip
    if s.art is Schrittart.NICHT_BERECHENBAR:
        return f"{teil}nicht berechenbar: {s.text}"
    if s.art is Schrittart.SUMME_TEIL:
        assert s.betrag is not None and s.teil is not None
        return f"Höchstbetrag {_kurz([s.teil])} = {_betrag(s.betrag)}"
    if s.art is Schrittart.BESCHRIEBEN:
        betrag = "" if s.betrag is None else f" = {_betrag(s.betrag)}"
        return f"{teil}{s.text}{betrag}"
    assert s.betrag is not None
    return f"Höchstbetrag = {_betrag(s.betrag)}"


# -- Werte, Vorbehalte, Fassungen, Hinweise ---------------------------------------------------


def _wert(w: VerwendeterWert) -> str:
    return wert_text(w.art, w.wert, parameter(w.parameter).einheit)


def _wertzeile(w: VerwendeterWert) -> str:
    belegt = ""
    if w.belegt_bis is not None:
        belegt = f"; von den Quellen belegt bis {schreibweise.datum(w.belegt_bis)}"
    return (
        f"{parameter_text(w.parameter)} = {_wert(w)} "
        f"({schreibweise.spanne(w.gilt_ab, w.gilt_bis)}; {w.gewissheit.kennung} "
        f"{w.gewissheit.bezeichnung}{belegt}{_geprueft(w)}; Quellen: {quellen_text(w.quellen)})"
    )


def _geprueft(w: VerwendeterWert) -> str:
    if w.zuletzt_geprueft is None:
        return ""
    return f"; zuletzt geprüft {schreibweise.datum(w.zuletzt_geprueft)}"


def vorbehalt_text(v: Vorbehalt, werte: Sequence[VerwendeterWert] = ()) -> str:
    """Ein Vorbehalt in Worten."""
    art = v.art.bezeichnung
    if v.parameter is not None:
        wert = next((w for w in werte if w.parameter == v.parameter and w.gilt_ab == v.gilt_ab),
                    None)  # fmt: skip
        was = parameter_text(v.parameter)
        if wert is not None:
            was += f" = {_wert(wert)}"
        if v.art is Vorbehaltsart.FORTGESCHRIEBEN:
            assert v.bis is not None
            benutzt = ("" if v.benutzt_bis is None
                       else f", benutzt bis {schreibweise.datum(v.benutzt_bis)}")  # fmt: skip
            return f"{art}: {was}, von den Quellen belegt bis {schreibweise.datum(v.bis)}{benutzt}"
        if v.gilt_ab is not None:
            was += f" ({schreibweise.spanne(v.gilt_ab, v.bis)})"
        return f"{art}: {was}"
    if v.art is Vorbehaltsart.NACH_STAND_DER_QUELLEN:
        assert v.bis is not None
        return (f"{art}: die benutzten Werte wurden zuletzt am {schreibweise.datum(v.bis)} an "
                "den Quellen geprüft; für spätere Zeiträume ist nichts belegt")  # fmt: skip
    assert v.quelle is not None and v.bis is not None and v.benutzt_bis is not None
    return (f"{art}: {zitat(v.quelle)} ist bis {schreibweise.datum(v.bis)} maßgeblich, der "
            f"Förderzeitraum reicht bis {schreibweise.datum(v.benutzt_bis)}; geprüft nach dem "
            "am Stichtag geltenden Recht")  # fmt: skip


def _kurzer_vorbehalt(v: Vorbehalt) -> str:
    if v.parameter is not None:
        return parameter_text(v.parameter)
    if v.art is Vorbehaltsart.NACH_STAND_DER_QUELLEN:
        assert v.bis is not None
        return f"Stand der Quellen {schreibweise.datum(v.bis)}"
    assert v.quelle is not None and v.bis is not None
    return f"{rechtsquelle(v.quelle).abkuerzung} bis {schreibweise.datum(v.bis)}"


def regelversion_text(r: Regelversion) -> str:
    """Eine Fassung in Worten, z. B. ``TIntG 2021 (GV. NRW. S. 1213a), ab 01.01.2022``."""
    fuer = "" if r.teil is None else f"{_kurz([r.teil])}: "
    if r.quelle is None:
        art = "kein Gesetz" if r.art is Versionsart.GESETZ else "keine Richtlinie"
        return f"{fuer}{art} belegt"
    zeit = "" if r.gilt_ab is None else f", {schreibweise.spanne(r.gilt_ab, r.gilt_bis)}"
    abgeleitet = "" if r.gewissheit is Gewissheit.BESTAETIGT else f" ({r.gewissheit.bezeichnung})"
    return f"{fuer}{zitat(r.quelle)}{zeit}{abgeleitet}"


def hinweis_text(h: Hinweis) -> str:
    """Ein Hinweis des Ergebnisses in Worten."""
    if h.art is Hinweisart.KEIN_RECHTSANSPRUCH:
        stellen = "; ".join(zitat(f.quelle, f.norm) for f in h.fundstellen)
        return ("„förderfähig“ begründet keinen Rechtsanspruch auf die Zuwendung; die "
                "Bewilligungsbehörde entscheidet nach pflichtgemäßem Ermessen im Rahmen der "
                f"verfügbaren Haushaltsmittel (Standardklausel der Förderrichtlinien, "
                f"belegt in: {stellen})")  # fmt: skip
    return h.art.bezeichnung  # pragma: no cover - es gibt nur diese Art


# -- Entscheidung und Aktenvermerk --------------------------------------------------------------


def entscheidungszeile(e: Pruefergebnis) -> str:
    """Die Entscheidung in einer Zeile; förderfähig unter Vorbehalt nennt jeden Vorbehalt.

    Etwa ``förderfähig, vorbehaltlich: abgeleiteter Wert (Höchstbetrag je …)``.
    """
    if e.entscheidung is not Entscheidung.FOERDERFAEHIG_VORBEHALTLICH:
        return e.entscheidung.bezeichnung
    gruppen: dict[Vorbehaltsart, list[str]] = {}
    for v in e.vorbehalte:
        eintrag = _kurzer_vorbehalt(v)
        liste = gruppen.setdefault(v.art, [])
        if eintrag not in liste:
            liste.append(eintrag)
    teile = [f"{art.bezeichnung} ({'; '.join(namen)})" for art, namen in gruppen.items()]
    return f"{e.entscheidung.bezeichnung}: {', '.join(teile)}"


def _punktzeile(p: Pruefpunkt, mehrere: bool) -> str:
    teile = f"; {_kurz(p.teile)}" if mehrere else ""
    return (f"- [{p.status.bezeichnung}] {p.titel} ({p.id}{teile}): {p.begruendung} – "
            f"{p.zitat}")  # fmt: skip


def aktenvermerk(e: Pruefergebnis) -> str:
    """Das Ergebnis als deutscher Text für einen Aktenvermerk."""
    from kim_nrw.pruefung.pruefe import _teile as antragsteile

    a = e.antrag
    teile = antragsteile(a)
    mehrere = len(teile) > 1
    pruefung = _teile(teile) + (" (gemeinsamer Antrag)" if mehrere else "")
    z = a.zeitraum
    kopf = [
        f"Prüfung: {pruefung}",
        f"Antragsteller: {a.kommune.bezeichnung} ({a.antragsteller})",
        f"Förderzeitraum: {schreibweise.zeitraum(z.beginn, z.ende)}",
        f"Stichtag: {schreibweise.datum(e.stichtag)}",
        f"Ergebnis: {entscheidungszeile(e)}",
    ]
    kopf += [f"Hinweis: {hinweis_text(h)}" for h in e.hinweise]
    punkte = ["", "Bedingungen:"] + [_punktzeile(p, mehrere) for p in e.pruefpunkte]
    rechnung = ["", "Höchstbetrag:"] + [
        f"- {rechenschritt_text(s, mit_teil=mehrere)}"
        for s in e.rechnung
        if mehrere or s.art is not Schrittart.SUMME_TEIL
    ]
    werte = ["", "Verwendete Werte:"] + [f"- {_wertzeile(w)}" for w in e.verwendete_werte]
    vorbehalte: list[str] = []
    if e.vorbehalte:
        vorbehalte = ["", "Vorbehalte:"] + [
            f"- {vorbehalt_text(v, e.verwendete_werte)}" for v in e.vorbehalte
        ]
    fuss = ["", "Regelversionen: " + "; ".join(regelversion_text(r) for r in e.regelversionen)]
    return "\n".join(kopf + punkte + rechnung + werte + vorbehalte + fuss)

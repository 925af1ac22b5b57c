"""Der Regelmotor: Regeln melden sich mit Kennung, Titel, Teilen, Fundstelle und Geltung an.

Eine :class:`Regel` ist eine Förderbedingung mit stabiler Kennung (``ALLG.TRAEGER``) und
Titel. Sie hat eine oder mehrere :class:`Fassung` en; jede nennt

* die Programmteile, die sie betrifft,
* ihre Fundstelle (:class:`~kim_nrw.pruefung.ergebnis.Fundstelle`: Kurzname und Norm),
* ihre Geltung (:mod:`kim_nrw.pruefung.geltung`: aus dem Quellenkatalog oder den
  Parametern, nie aus einem Datum im Code) und
* die kleine, reine Funktion, die die Bedingung prüft.

Eine neue Fassung einer Bedingung ist eine weitere Anmeldung unter derselben Kennung,
etwa der Zuwendungsempfänger nach § 7 TIntG 2012 bis 31.12.2021 und nach § 8 Abs. 1 TIntG
2021 ab 01.01.2022::

    TRAEGER = Regel.neu("ALLG.TRAEGER", "Zulässiger Zuwendungsempfänger")

    @TRAEGER.fassung({KI}, Fundstelle("TIntG-2012", "§ 7"), InKraft("TIntG-2012"))
    @TRAEGER.fassung({KI}, Fundstelle("TIntG-2021", "§ 8 Abs. 1"), InKraft("TIntG-2021"))
    def traeger(k: Kontext) -> Befund: ...

Der Motor, nicht die Funktion, entscheidet „nicht anwendbar“ außerhalb der Geltung – mit
dem Grund, welche Fassung wann gilt. Gelten für einen Teil mehrere Fassungen zugleich,
gilt die, deren Geltung zuletzt begann (die jüngere Fassung). Bei einem gemeinsamen
Antrag wird jede Bedingung einmal geprüft, für alle Teile, die sie betrifft.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, NamedTuple

from kim_nrw.fehler import UngueltigeEingabe
from kim_nrw.programme import Programmteil
from kim_nrw.pruefung.ergebnis import Fundstelle, Pruefpunkt, Pruefstatus
from kim_nrw.pruefung.erklaerung import ausserhalb_der_geltung, je_teil
from kim_nrw.pruefung.geltung import Bezug, Geltung, NachParameter, Spanne
from kim_nrw.pruefung.kontext import Kontext, Pruefung
from kim_nrw.recht import Parameterwert, parameter

__all__ = ["REGELN", "Befund", "Fassung", "Regel", "konstant", "werte_alle_aus", "werte_aus"]

Pruefe = Callable[[Kontext], "Befund"]


class Befund(NamedTuple):
    """Was eine Regelfunktion über den Antrag sagt.

    ``fundstelle`` ersetzt die Fundstelle der Fassung, wenn der Befund auf einer anderen
    Stelle beruht (etwa dem Aachen-Gesetz für die Stadt Aachen oder der Quelle des
    benutzten Parameterwerts). Ein kleines Tupel: jede Prüfung erzeugt viele davon.
    """

    status: Pruefstatus
    begruendung: str
    fundstelle: Fundstelle | None = None


_KONSTANT: set[int] = set()


def konstant(befund: Befund) -> Befund:
    """Meldet einen Befund an, der nicht vom einzelnen Antrag abhängt (etwa „keine
    Zusatzstelle beantragt“): sein Prüfpunkt wird je Regel, Teil, Stichtag und Zeitraum
    nur einmal gebaut."""
    _KONSTANT.add(id(befund))
    return befund


class Fassung:
    """Eine Fassung einer Regel: Teile, Fundstelle, Geltung und Prüffunktion."""

    __slots__ = ("_spannen", "fundstelle", "gilt", "pruefe", "regel", "teile")

    def __init__(
        self,
        regel: Regel,
        teile: frozenset[Programmteil],
        fundstelle: Fundstelle | None,
        gilt: tuple[Geltung, ...],
        pruefe: Pruefe,
    ) -> None:
        self.regel = regel
        self.teile = teile
        self.fundstelle = fundstelle
        self.gilt = gilt
        self.pruefe = pruefe
        self._spannen: dict[Programmteil, dict[Bezug, tuple[Spanne, ...]]] = {}

    def spannen(self, teil: Programmteil) -> dict[Bezug, tuple[Spanne, ...]]:
        """Die Geltung für ``teil`` je Bezug als Zeiträume (einmal aus den Daten berechnet);
        ein fehlender Bezug heißt: nicht beschränkt."""
        ergebnis = self._spannen.get(teil)
        if ergebnis is None:
            ergebnis = {}
            for geltung in self.gilt:
                neu = geltung.spannen(teil)
                alt = ergebnis.get(geltung.bezug)
                ergebnis[geltung.bezug] = neu if alt is None else _schnitt(alt, neu)
            self._spannen[teil] = ergebnis
        return ergebnis

    def beginn(self, teil: Programmteil, p: Pruefung) -> date | None:
        """Wann die Geltung für diesen Antrag begann; ``None``: sie gilt nicht."""
        beginn = date.min
        for bezug, spannen in self.spannen(teil).items():
            if bezug is Bezug.STICHTAG:
                treffer = [s for s in spannen if s.enthaelt(p.stichtag)]
            else:
                treffer = [s for s in spannen if s.ueberschneidet(p.antrag.zeitraum)]
            if not treffer:
                return None
            beginn = max([beginn, *(s.ab or date.min for s in treffer)])
        return beginn

    def tragende_werte(
        self, teil: Programmteil, p: Pruefung
    ) -> tuple[tuple[str, Parameterwert, date], ...]:
        """Die Parameterwerte, auf denen die Geltung beruht, und bis wann sie gebraucht werden."""
        werte: list[tuple[str, Parameterwert, date]] = []
        for geltung in self.gilt:
            if not isinstance(geltung, NachParameter):
                continue
            name = geltung.parametername(teil)
            if name is None:
                continue
            for w in parameter(name).werte:
                if geltung.werte is not None and w.wert not in geltung.werte:
                    continue
                s = Spanne(w.gilt_ab, w.gilt_bis)
                if geltung.bezug is Bezug.STICHTAG and s.enthaelt(p.stichtag):
                    werte.append((name, w, p.stichtag))
                elif geltung.bezug is Bezug.FOERDERZEITRAUM and s.ueberschneidet(
                    p.antrag.zeitraum
                ):
                    ende = p.antrag.zeitraum.ende
                    werte.append((name, w, ende if w.gilt_bis is None else min(ende, w.gilt_bis)))
        return tuple(werte)


def _schnitt(a: tuple[Spanne, ...], b: tuple[Spanne, ...]) -> tuple[Spanne, ...]:
    return tuple(s for x in a for y in b if (s := x.schnitt(y)) is not None)


_KENNUNG = re.compile(r"[A-Z][A-Z0-9_]*(?:\.[A-Z0-9_]+)+", re.ASCII)
"""Form einer Kennung: Großbuchstaben, Ziffern und Unterstriche, mit Punkten gegliedert."""


_FELDPFAD = re.compile(r"[a-z_]+(?:\[\*\])?(?:\.[a-z_]+(?:\[\*\])?)*", re.ASCII)


def _feldpfade(felder: object) -> tuple[str, ...]:
    """Die JSON-Pfade zu Feldern des Förderantrags; jedes Feld muss es geben."""
    import attrs

    from kim_nrw.antrag import Foerderantrag

    if isinstance(felder, str) or not isinstance(felder, Iterable):
        raise UngueltigeEingabe("Regel.felder", felder, "eine Folge von Feldnamen des Antrags")
    namen = {a.name for a in attrs.fields(Foerderantrag)}
    pfade = []
    for feld in felder:
        if not (isinstance(feld, str) and _FELDPFAD.fullmatch(feld)):
            raise UngueltigeEingabe("Regel.felder", feld, "ein Feldpfad wie ki_vorhanden")
        if re.split(r"[.\[]", feld, maxsplit=1)[0] not in namen:
            raise UngueltigeEingabe("Regel.felder", feld, "ein Feld von Foerderantrag")
        pfade.append(f"$.inhalt.{feld}")
    return tuple(pfade)


class Regel:
    """Eine Förderbedingung: Kennung, Titel, die Felder des Antrags, die sie liest, und
    ihre Fassungen."""

    __slots__ = ("_geltung", "fassungen", "felder", "id", "nur_gemeinsam", "teile", "titel")

    def __init__(
        self, id: str, titel: str, *, nur_gemeinsam: bool = False, felder: Iterable[str] = ()
    ) -> None:
        self.id = id
        self.titel = titel
        self.nur_gemeinsam = nur_gemeinsam
        self.felder: tuple[str, ...] = _feldpfade(felder)
        """Die JSON-Pfade der Felder des Antrags, die die Regel liest (``$.inhalt.…``)."""
        self.fassungen: list[Fassung] = []
        self.teile: frozenset[Programmteil] = frozenset()
        """Alle Programmteile, die eine Fassung der Regel betrifft."""
        self._geltung: dict[tuple[object, ...], _Geltung] = {}

    @classmethod
    def neu(
        cls, id: str, titel: str, *, nur_gemeinsam: bool = False, felder: Iterable[str] = ()
    ) -> Regel:
        """Legt die Regel an und meldet sie in :data:`REGELN` an (jede Kennung einmal).

        ``nur_gemeinsam``: die Regel betrifft nur Anträge auf mehrere Programmteile.
        ``felder``: die Felder des Förderantrags, die die Regel liest, als Pfad im
        Inhalt (``"ki_vorhanden"``, ``"zusatzstelle.jugendamt"``,
        ``"weiterleitungen[*].ags"``); jeder Prüfpunkt nennt sie als JSON-Pfade.
        """
        if not isinstance(id, str) or not _KENNUNG.fullmatch(id):
            raise UngueltigeEingabe("Regel.id", id, "eine Kennung wie ALLG.TRAEGER")
        if not isinstance(titel, str) or not titel.strip():
            raise UngueltigeEingabe("Regel.titel", titel, "ein nicht leerer Titel")
        if any(r.id == id for r in REGELN):
            raise UngueltigeEingabe("Regel.id", id, "eine Kennung, die noch nicht angemeldet ist")
        regel = cls(id, titel, nur_gemeinsam=nur_gemeinsam, felder=felder)
        REGELN.append(regel)
        return regel

    def fassung(
        self,
        teile: Iterable[Programmteil],
        fundstelle: Fundstelle | None,
        *gilt: Geltung,
    ) -> Callable[[Pruefe], Pruefe]:
        """Meldet eine Fassung an (als Dekorator der Prüffunktion).

        ``fundstelle`` ``None`` heißt: jeder Befund nennt seine Fundstelle selbst (etwa die
        Quelle des benutzten Parameterwerts). Ohne ``gilt`` gilt die Fassung immer.
        """

        def anmelden(funktion: Pruefe) -> Pruefe:
            fassung = Fassung(self, frozenset(teile), fundstelle, gilt, funktion)
            self.fassungen.append(fassung)
            self.teile = self.teile | fassung.teile
            self._geltung.clear()
            return funktion

        return anmelden

    def fassungen_fuer(self, teil: Programmteil) -> tuple[Fassung, ...]:
        """Die Fassungen, die ``teil`` betreffen, in der Reihenfolge ihrer Anmeldung."""
        return tuple(f for f in self.fassungen if teil in f.teile)

    def waehle(self, teil: Programmteil, p: Pruefung) -> Fassung | None:
        """Die für ``teil`` in dieser Prüfung geltende Fassung: die jüngste (``None``: keine)."""
        beste: Fassung | None = None
        bester_beginn = date.min
        for f in self.fassungen:
            if teil not in f.teile:
                continue
            beginn = f.beginn(teil, p)
            if beginn is not None and (beste is None or beginn >= bester_beginn):
                beste, bester_beginn = f, beginn
        return beste

    def geltung(self, teil: Programmteil, p: Pruefung) -> _Geltung:
        """Fassung und tragende Parameterwerte für ``teil`` – je Stichtag und Zeitraum einmal.

        Die Geltung hängt nur von Programmteil, Stichtag und Förderzeitraum ab; eine
        landesweite Übersicht prüft viele Anträge mit denselben, daher der Zwischenspeicher
        (begrenzt; die Paketdaten ändern sich im Prozess nicht).
        """
        zeitraum = p.antrag.zeitraum
        schluessel = (teil, p.stichtag, zeitraum.beginn, zeitraum.ende)
        gefunden = self._geltung.get(schluessel)
        if gefunden is None:
            fassung = self.waehle(teil, p)
            werte = () if fassung is None else fassung.tragende_werte(teil, p)
            gefunden = _Geltung(fassung, werte)
            if len(self._geltung) >= _GRENZE_ZWISCHENSPEICHER:
                self._geltung.clear()
            self._geltung[schluessel] = gefunden
        return gefunden


_GRENZE_ZWISCHENSPEICHER = 4096


class _Geltung:
    """Die geltende Fassung für einen Teil an einem Stichtag und Zeitraum, mit den Werten,
    die sie tragen, und (beim ersten Bedarf) dem Prüfpunkt „nicht anwendbar“."""

    __slots__ = ("fassung", "konstant", "punkt", "werte")

    def __init__(self, fassung: Fassung | None, werte: tuple[tuple[str, Any, date], ...]) -> None:
        self.fassung = fassung
        self.werte = werte
        self.punkt: Pruefpunkt | None = None
        self.konstant: dict[int, Pruefpunkt] = {}


REGELN: list[Regel] = []
"""Alle Regeln in der Reihenfolge ihrer Anmeldung (die Reihenfolge ändert kein Ergebnis)."""

_RANG = {
    Pruefstatus.NICHT_ERFUELLT: 3,
    Pruefstatus.UNBEKANNT: 2,
    Pruefstatus.ERFUELLT: 1,
    Pruefstatus.NICHT_ANWENDBAR: 0,
}


def _naechste(regel: Regel, teil: Programmteil, p: Pruefung) -> Fassung | None:
    """Die Fassung, die dem Stichtag zeitlich am nächsten liegt (für den Grund und die
    Fundstelle von „nicht anwendbar“): die nächste künftige, sonst die zuletzt endende."""
    kuenftig: list[tuple[date, Fassung]] = []
    vergangen: list[tuple[date, Fassung]] = []
    for f in regel.fassungen_fuer(teil):
        for bezug, spannen in f.spannen(teil).items():
            tag = p.stichtag if bezug is Bezug.STICHTAG else p.antrag.zeitraum.beginn
            for s in spannen:
                if s.ab is not None and s.beginnt_nach(tag):
                    kuenftig.append((s.ab, f))
                elif s.bis is not None:
                    vergangen.append((s.bis, f))
    if kuenftig:
        return min(kuenftig, key=lambda x: x[0])[1]
    if vergangen:
        return max(vergangen, key=lambda x: x[0])[1]
    fassungen = regel.fassungen_fuer(teil)
    return fassungen[-1] if fassungen else None


def _fundstelle(fassungen: Iterable[Fassung | None]) -> Fundstelle:
    for f in fassungen:
        if f is not None and f.fundstelle is not None:
            return f.fundstelle
    raise AssertionError("jede Regel braucht eine Fassung mit Fundstelle")  # pragma: no cover


def _punkt(
    regel: Regel, fassung: Fassung, teile: tuple[Programmteil, ...], befund: Befund
) -> Pruefpunkt:
    fundstelle = befund.fundstelle or fassung.fundstelle or _fundstelle([fassung])
    return Pruefpunkt(regel.id, regel.titel, teile, befund.status, befund.begruendung,
                      fundstelle.quelle, fundstelle.norm, regel.felder)  # fmt: skip


def _ausserhalb(regel: Regel, teile: tuple[Programmteil, ...], p: Pruefung) -> Pruefpunkt:
    naechste = [_naechste(regel, t, p) for t in teile]
    grund = ausserhalb_der_geltung(regel, teile, p)
    fundstelle = _fundstelle([*naechste, *(regel.fassungen_fuer(teile[0]))])
    return Pruefpunkt(regel.id, regel.titel, teile, Pruefstatus.NICHT_ANWENDBAR, grund,
                      fundstelle.quelle, fundstelle.norm, regel.felder)  # fmt: skip


_PLAENE: dict[tuple[object, ...], tuple[tuple[Regel, _Geltung], ...]] = {}


def werte_alle_aus(p: Pruefung) -> list[Pruefpunkt]:
    """Prüft alle Regeln aus :data:`REGELN`, die den Antrag der Prüfung ``p`` betreffen.

    Für einen Antrag auf einen Teil hängt, welche Regeln in welcher Fassung gelten, nur
    von Teil, Stichtag und Förderzeitraum ab; dieser Plan wird je Schlüssel einmal
    aufgestellt (eine landesweite Übersicht prüft viele Anträge mit denselben).
    """
    if len(p.teile) != 1:
        return [punkt for regel in REGELN if (punkt := werte_aus(regel, p)) is not None]
    teil = p.teile[0]
    zeitraum = p.antrag.zeitraum
    # tuple(REGELN): der Plan gilt nur für genau diese Regeln (Regeln vergleichen sich
    # nach Identität); billiger als ein Tupel ihrer id()
    schluessel = (teil, p.stichtag, zeitraum.beginn, zeitraum.ende, tuple(REGELN))
    plan = _PLAENE.get(schluessel)
    if plan is None:
        plan = tuple((r, r.geltung(teil, p)) for r in REGELN
                     if not r.nur_gemeinsam and teil in r.teile)  # fmt: skip
        if len(_PLAENE) >= _GRENZE_ZWISCHENSPEICHER:
            _PLAENE.clear()
        _PLAENE[schluessel] = plan
    punkte: list[Pruefpunkt] = []
    kontext = p.kontext
    teile = p.teile
    for regel, geltung in plan:
        fassung = geltung.fassung
        if fassung is None:
            punkt = geltung.punkt
            if punkt is None:
                punkt = geltung.punkt = _ausserhalb(regel, teile, p)
            punkte.append(punkt)
            continue
        for name, w, bis in geltung.werte:
            p.merke(name, w, bis)
        befund = fassung.pruefe(kontext)
        if id(befund) in _KONSTANT:
            punkt = geltung.konstant.get(id(befund))
            if punkt is None:
                punkt = geltung.konstant[id(befund)] = _punkt(regel, fassung, teile, befund)
            punkte.append(punkt)
        else:
            punkte.append(_punkt(regel, fassung, teile, befund))
    return punkte


def werte_aus(regel: Regel, p: Pruefung) -> Pruefpunkt | None:
    """Prüft ``regel`` für den Antrag der Prüfung ``p``; ``None``, wenn sie ihn nicht betrifft.

    Jeder Teil des Antrags, den die Regel betrifft, erhält seine geltende Fassung; Teile
    mit derselben Fassung werden zusammen geprüft. Gilt für keinen Teil eine Fassung,
    ist die Bedingung „nicht anwendbar“, mit dem Grund aus den Geltungen.
    """
    if len(p.teile) == 1:  # der häufige Fall: ein Antrag auf einen Teil
        teil = p.teile[0]
        if regel.nur_gemeinsam or teil not in regel.teile:
            return None
        geltung = regel.geltung(teil, p)
        fassung = geltung.fassung
        if fassung is None:
            if geltung.punkt is None:
                geltung.punkt = _ausserhalb(regel, p.teile, p)
            return geltung.punkt
        for name, w, bis in geltung.werte:
            p.merke(name, w, bis)
        befund = fassung.pruefe(p.kontext)
        schluessel = id(befund)
        if schluessel in _KONSTANT:
            punkt = geltung.konstant.get(schluessel)
            if punkt is None:
                punkt = geltung.konstant[schluessel] = _punkt(regel, fassung, p.teile, befund)
            return punkt
        return _punkt(regel, fassung, p.teile, befund)
    teile = tuple(t for t in p.teile if t in regel.teile)
    if not teile or (regel.nur_gemeinsam and len(p.teile) < 2):
        return None
    gruppen: dict[int, tuple[Fassung, list[Programmteil]]] = {}
    ohne: list[Programmteil] = []
    for t in teile:
        g = regel.geltung(t, p)
        if g.fassung is None:
            ohne.append(t)
            continue
        for name, w, bis in g.werte:
            p.merke(name, w, bis)
        gruppen.setdefault(id(g.fassung), (g.fassung, []))[1].append(t)
    if not gruppen:
        return _ausserhalb(regel, tuple(ohne), p)
    befunde: list[tuple[Befund, Fundstelle, tuple[Programmteil, ...]]] = []
    for fassung, liste in gruppen.values():
        befund = fassung.pruefe(Kontext(p, tuple(liste)))
        fundstelle = befund.fundstelle or _fundstelle([fassung])
        befunde.append((befund, fundstelle, tuple(liste)))
    if len(befunde) == 1:
        befund, fundstelle, teile_der_fassung = befunde[0]
        return Pruefpunkt(regel.id, regel.titel, teile_der_fassung, befund.status,
                          befund.begruendung, fundstelle.quelle, fundstelle.norm,
                          regel.felder)  # fmt: skip
    # Verschiedene Fassungen je Teil (kommt bei gemeinsamen Anträgen ab 2025 nicht vor):
    # ein Prüfpunkt, der strengste Status, jede Begründung mit ihrem Teil.
    befund, fundstelle, _ = max(befunde, key=lambda b: _RANG[b[0].status])
    alle = tuple(t for _, _, g in befunde for t in g)
    text = je_teil([(g, b.begruendung) for b, _, g in befunde])
    return Pruefpunkt(regel.id, regel.titel, alle, befund.status, text,
                      fundstelle.quelle, fundstelle.norm, regel.felder)  # fmt: skip

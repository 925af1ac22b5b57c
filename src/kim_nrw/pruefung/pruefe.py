"""Die Prüfung eines Antrags zu einem Stichtag: alle Regeln, der Höchstbetrag, das Ergebnis."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from datetime import date

from kim_nrw.antrag import Foerderantrag
from kim_nrw.einmal import je_objekt
from kim_nrw.fehler import UngueltigeEingabe
from kim_nrw.geld import Betrag
from kim_nrw.programme import Programmteil
from kim_nrw.programme import teil as katalogteil
from kim_nrw.pruefung.betrag import Rechnung, berechne, berechnet
from kim_nrw.pruefung.ergebnis import (
    Entscheidung,
    Fundstelle,
    Hinweis,
    Hinweisart,
    Pruefergebnis,
    Regelversion,
    Versionsart,
    VerwendeterWert,
    Vorbehalt,
    Vorbehaltsart,
)
from kim_nrw.pruefung.kontext import Pruefung
from kim_nrw.pruefung.regeln import TINTG_2012, TINTG_2021
from kim_nrw.pruefung.regelwerk import werte_alle_aus
from kim_nrw.recht import STAND_ERSTERFASSUNG, Gewissheit, Parameterwert, parameter
from kim_nrw.validatoren import ist_datum
from kim_nrw.zeit import Zeitraum

__all__ = ["KEIN_RECHTSANSPRUCH", "pruefe", "pruefe_alle"]

KEIN_RECHTSANSPRUCH: tuple[str, ...] = ("KIM-RL-2020", "KIM-RL-2024", "KI-RL-2018")
"""Richtlinien, deren Standardklausel belegt ist: kein Rechtsanspruch auf die Zuwendung, die
Bewilligungsbehörde entscheidet nach pflichtgemäßem Ermessen im Rahmen der verfügbaren
Haushaltsmittel. Jedes Ergebnis zitiert die maßgebliche Richtlinie, wenn sie dazugehört,
sonst alle drei."""

_GESETZE = (TINTG_2012, TINTG_2021)


def _teile(antrag: Foerderantrag) -> tuple[Programmteil, ...]:
    teile = getattr(antrag, "programmteile", None)
    if isinstance(teile, tuple) and teile:
        return teile
    return (antrag.programmteil,)


@functools.lru_cache(maxsize=8192)  # Stichtage wiederholen sich (etwa je Jahr der 01.06.)
def regelversionen(teile: tuple[Programmteil, ...], stichtag: date) -> tuple[Regelversion, ...]:
    """Die am ``stichtag`` maßgeblichen Fassungen: das TIntG und je Teil die Richtlinie."""
    gesetz = Regelversion(Versionsart.GESETZ, None)
    for g in _GESETZE:
        for s in g.spannen(teile[0]):
            if s.enthaelt(stichtag):
                gesetz = Regelversion(Versionsart.GESETZ, g.quelle, None, s.ab, s.bis, s.gewissheit)
    versionen = [gesetz]
    for teil in teile:
        grundlage = katalogteil(teil).richtlinie_am(stichtag)
        if grundlage is None:
            versionen.append(Regelversion(Versionsart.RICHTLINIE, None, teil))
        else:
            versionen.append(Regelversion(Versionsart.RICHTLINIE, grundlage.quelle, teil,
                                          grundlage.gilt_ab, grundlage.gilt_bis,
                                          grundlage.gewissheit))  # fmt: skip
    return tuple(versionen)


@je_objekt(8192)
def _verwendet(w: Parameterwert, name: str, bis: date) -> VerwendeterWert:
    """Der verwendete Wert, je Parameterwert und Tag einmal gebaut (dieselben Werte in vielen
    Prüfungen); nach der Identität des Werts gesucht, nicht nach seinem Hash über alle Felder."""
    return VerwendeterWert(
        name, parameter(name).art, str(w.wert), w.gilt_ab, w.gilt_bis, w.belegt_bis,
        w.gewissheit, w.quellen, w.zuletzt_geprueft, bis,
    )  # fmt: skip


def _verwendete_werte(p: Pruefung) -> tuple[VerwendeterWert, ...]:
    return tuple([_verwendet(v.wert, v.parameter, v.bis) for _, v in sorted(p.benutzt.items())])


def _vorbehalte(
    p: Pruefung, werte: tuple[VerwendeterWert, ...], versionen: tuple[Regelversion, ...]
) -> tuple[Vorbehalt, ...]:
    """Worauf das Ergebnis beruht, ohne dass die Quellen es bestätigen."""
    return _vorbehalte_fuer(werte, p.antrag.zeitraum, versionen)


@functools.lru_cache(maxsize=8192)  # landesweite Übersichten wiederholen Werte und Zeiträume
def _vorbehalte_fuer(
    werte: tuple[VerwendeterWert, ...], zeitraum: Zeitraum, versionen: tuple[Regelversion, ...]
) -> tuple[Vorbehalt, ...]:
    vorbehalte: list[Vorbehalt] = []
    for w in werte:
        if w.gewissheit is Gewissheit.ABGELEITET:
            vorbehalte.append(Vorbehalt(Vorbehaltsart.ABGELEITET, w.parameter, None, w.gilt_ab,
                                        w.gilt_bis, w.benutzt_bis))  # fmt: skip
        elif w.gewissheit is Gewissheit.UNSICHER:
            vorbehalte.append(Vorbehalt(Vorbehaltsart.UNSICHER, w.parameter, None, w.gilt_ab,
                                        w.gilt_bis, w.benutzt_bis))  # fmt: skip
        if w.belegt_bis is not None and w.benutzt_bis is not None and w.belegt_bis < w.benutzt_bis:
            vorbehalte.append(Vorbehalt(Vorbehaltsart.FORTGESCHRIEBEN, w.parameter, None,
                                        w.gilt_ab, w.belegt_bis, w.benutzt_bis))  # fmt: skip
    stand = max((w.zuletzt_geprueft for w in werte if w.zuletzt_geprueft is not None),
                default=STAND_ERSTERFASSUNG)  # fmt: skip
    if stand < zeitraum.beginn:
        vorbehalte.append(Vorbehalt(Vorbehaltsart.NACH_STAND_DER_QUELLEN, bis=stand,
                                    benutzt_bis=zeitraum.ende))  # fmt: skip
    for v in versionen:
        if v.quelle is not None and v.gilt_bis is not None and v.gilt_bis < zeitraum.ende:
            vorbehalte.append(Vorbehalt(Vorbehaltsart.NACH_ENDE_DER_FASSUNG, None, v.quelle,
                                        v.gilt_ab, v.gilt_bis, zeitraum.ende))  # fmt: skip
    return tuple(dict.fromkeys(vorbehalte))


@functools.lru_cache(maxsize=8192)  # wie regelversionen: je Teilen und Stichtag einmal
def _hinweise_am(teile: tuple[Programmteil, ...], stichtag: date) -> tuple[Hinweis, ...]:
    return _hinweise(regelversionen(teile, stichtag))


@functools.lru_cache(maxsize=1024)
def _hinweise(versionen: tuple[Regelversion, ...]) -> tuple[Hinweis, ...]:
    richtlinien = [
        v.quelle
        for v in versionen
        if v.art is Versionsart.RICHTLINIE and v.quelle in KEIN_RECHTSANSPRUCH
    ]
    quellen = tuple(dict.fromkeys(richtlinien)) or KEIN_RECHTSANSPRUCH
    return (Hinweis(Hinweisart.KEIN_RECHTSANSPRUCH, tuple(Fundstelle(q) for q in quellen)),)


def _bewilligungsfaehig(
    antrag: Foerderantrag, teile: tuple[Programmteil, ...], rechnung: Rechnung
) -> Betrag | None:
    beantragt = antrag.beantragter_betrag
    hoechst = rechnung.hoechstbetrag
    if beantragt is None:
        return hoechst
    if not all(berechnet(t) for t in teile):
        return beantragt
    if hoechst is None:
        return None
    return min(beantragt, hoechst)


def pruefe(antrag: Foerderantrag, stichtag: date) -> Pruefergebnis:
    """Prüft ``antrag`` nach dem am ``stichtag`` geltenden Recht.

    Jede Regel der beantragten Programmteile wird ausgewertet (kein Abbruch); das
    Ergebnis ist förderfähig, förderfähig unter Vorbehalt, nicht förderfähig oder –
    wenn eine nötige Angabe fehlt – unentschieden. „förderfähig“ begründet keinen
    Rechtsanspruch (siehe :attr:`~kim_nrw.pruefung.Pruefergebnis.hinweise`). Wirft nie
    bei einem gültigen Antrag.

    >>> from datetime import date
    >>> from kim_nrw.antrag import Foerderantrag, Stelle, Stellenfunktion
    >>> from kim_nrw.gebiet import Kreisschluessel
    >>> from kim_nrw.geld import Stellenanteil
    >>> from kim_nrw.programme import Programmteil
    >>> from kim_nrw.pruefung import pruefe
    >>> from kim_nrw.zeit import Zeitraum
    >>> antrag = Foerderantrag(Kreisschluessel("05370"), Programmteil.KIM_B2, Zeitraum.jahr(2021),
    ...     stellen=(Stelle(Stellenfunktion.CASE_MANAGEMENT, Stellenanteil.von(1)),),
    ...     ki_vorhanden=True)
    >>> ergebnis = pruefe(antrag, stichtag=date(2021, 6, 1))
    >>> ergebnis.entscheidung.value, ergebnis.hoechstbetrag.deutsch()
    ('förderfähig', '55.000,00 €')
    >>> pruefe(antrag, stichtag=date(2021, 6, 1)).vorbehalte
    ()
    """
    if antrag.__class__ is not Foerderantrag and not isinstance(antrag, Foerderantrag):
        raise UngueltigeEingabe("antrag", antrag, _ANTRAG_ERWARTET)
    if stichtag.__class__ is not date and not ist_datum(stichtag):
        raise UngueltigeEingabe("stichtag", stichtag, _STICHTAG_ERWARTET)
    return _pruefe(antrag, stichtag)


_ANTRAG_ERWARTET = "ein Foerderantrag (kim_nrw.antrag.Foerderantrag)"
_STICHTAG_ERWARTET = "ein Kalendertag (datetime.date, kein datetime mit Uhrzeit)"


def _pruefe(antrag: Foerderantrag, stichtag: date) -> Pruefergebnis:
    teile = _teile(antrag)
    p = Pruefung(antrag, stichtag, teile)
    punkte = werte_alle_aus(p)
    rechnung = berechne(p)
    versionen = regelversionen(teile, stichtag)
    werte = _verwendete_werte(p)
    vorbehalte = _vorbehalte(p, werte, versionen)
    entscheidung = Entscheidung.aus([pt.status for pt in punkte], vorbehalte)
    return Pruefergebnis(
        antrag=antrag,
        stichtag=stichtag,
        entscheidung=entscheidung,
        pruefpunkte=tuple(punkte),
        hoechstbetrag=rechnung.hoechstbetrag,
        bewilligungsfaehig=None
        if entscheidung is Entscheidung.NICHT_FOERDERFAEHIG
        else _bewilligungsfaehig(antrag, teile, rechnung),
        rechnung=rechnung.schritte,
        verwendete_werte=werte,
        regelversionen=versionen,
        hoechstbetraege=rechnung.teilbetraege,
        vorbehalte=vorbehalte,
        hinweise=_hinweise_am(teile, stichtag),
    )


def pruefe_alle(antraege: Iterable[Foerderantrag], stichtag: date) -> list[Pruefergebnis]:
    """Prüft viele Anträge zum selben Stichtag (etwa eine landesweite Übersicht).

    ``antraege`` ist eine Folge (Liste, Tupel, Generator …) von Förderanträgen; ein
    falsches Element nennt seine Stelle (``antraege[3]``).
    """
    if stichtag.__class__ is not date and not ist_datum(stichtag):
        raise UngueltigeEingabe("stichtag", stichtag, _STICHTAG_ERWARTET)
    if isinstance(antraege, Foerderantrag | str | bytes | Mapping) or not isinstance(
        antraege, Iterable
    ):
        raise UngueltigeEingabe(
            "antraege", antraege, "eine Folge von Förderanträgen (list, tuple, Generator …)"
        )
    ergebnisse = []
    for i, antrag in enumerate(antraege):
        if antrag.__class__ is not Foerderantrag and not isinstance(antrag, Foerderantrag):
            raise UngueltigeEingabe(f"antraege[{i}]", antrag, _ANTRAG_ERWARTET)
        ergebnisse.append(_pruefe(antrag, stichtag))
    return ergebnisse

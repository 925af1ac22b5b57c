"""Der Höchstbetrag: Stellen × Betrag je Stelle × Anteil am Haushaltsjahr, mit Obergrenzen.

Je Programmteil des Antrags: der Förderzeitraum wird nach Haushaltsjahren geteilt; je
Jahr gilt der Betrag, der am ersten Tag des Abschnitts in Kraft ist, und der Anteil des
Jahres nach vollen Monaten (01.07.–31.12.2020 = 6/12; Zuwendungen werden monatsweise
bemessen, siehe :meth:`kim_nrw.zeit.Zeitraum.jahresanteil_monate`). Jeder Schritt rundet
einmal kaufmännisch auf den Cent (:meth:`kim_nrw.geld.Betrag.mal`). Welche Stellen zu
welchem Teil gehören, sagt der Programmkatalog (die geförderten Stellenfunktionen); bei
einem gemeinsamen Antrag für KIM Baustein 1 und 2 gibt es so einen Höchstbetrag je
Teil und die Summe. Ist ein Betrag in den Quellen nicht belegt, gibt es für den Teil
keinen Höchstbetrag – nur den Grund.

Die Rechnung ist Daten (:class:`~kim_nrw.pruefung.ergebnis.Rechenschritt`); den Text
schreibt :mod:`kim_nrw.pruefung.erklaerung`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

from attrs import frozen

from kim_nrw.antrag import Foerderantrag
from kim_nrw.geld import Betrag, Stellenanteil
from kim_nrw.programme import Programmteil, Stellenfunktion, empfaengerart
from kim_nrw.programme import teil as katalogteil
from kim_nrw.pruefung.ergebnis import Rechenschritt, Schrittart, Teilbetrag
from kim_nrw.pruefung.kontext import FehlenderWert, Pruefung
from kim_nrw.zeit import Zeitraum

__all__ = ["Rechnung", "berechne", "berechnet", "halbe_stellen", "vzae"]

_KONTEXT = Context(prec=60, rounding=ROUND_HALF_UP)


def vzae(antrag: Foerderantrag, funktion: Stellenfunktion) -> Decimal:
    """Die beantragten VZÄ einer Funktion (exakt, unabhängig vom Decimal-Kontext des Aufrufers)."""
    return Stellenanteil.summe(s.anteil for s in antrag.stellen if s.funktion is funktion)


def halbe_stellen(umfang: Decimal) -> bool:
    """Ob ``umfang`` ein Vielfaches einer halben Stelle ist (1, 1,5, 2 …)."""
    return _KONTEXT.remainder(_KONTEXT.multiply(umfang, Decimal(2)), Decimal(1)).is_zero()


def berechnet(teil: Programmteil) -> bool:
    """Ob kim_nrw für den Programmteil einen Höchstbetrag je Stelle berechnet.

    KOMM-AN II und III fördern Maßnahmen mit Festbeträgen bzw. Anteilen; dafür
    gibt es keine Rechnung je Stelle (der Katalog nennt für sie keine Posten).
    """
    return bool(katalogteil(teil).posten)


@frozen
class Rechnung:
    """Die Höchstbetragsrechnung eines Antrags: Summe, Beträge je Teil und die Schritte."""

    hoechstbetrag: Betrag | None
    teilbetraege: tuple[Teilbetrag, ...]
    schritte: tuple[Rechenschritt, ...]


class _Unbekannt(Exception):
    """Intern: ein nötiger Wert ist nicht belegt (nie nach außen)."""

    def __init__(self, fehlt: FehlenderWert) -> None:
        super().__init__(fehlt.grund)
        self.fehlt = fehlt


def _wert(p: Pruefung, name: str, abschnitt: Zeitraum) -> Decimal:
    w = p.wert(name, abschnitt.beginn, fuer=abschnitt)
    if isinstance(w, FehlenderWert):
        raise _Unbekannt(w)
    return w.dezimal


_MONATE: dict[tuple[object, object], int] = {}


def _volle_monate(abschnitt: Zeitraum) -> int:
    """Die vollen Monate eines Abschnitts (je Abschnitt einmal berechnet: Haushaltsjahre
    wiederholen sich in jeder landesweiten Übersicht)."""
    schluessel = (abschnitt.beginn, abschnitt.ende)
    monate = _MONATE.get(schluessel)
    if monate is None:
        if len(_MONATE) > 4096:
            _MONATE.clear()
        monate = _MONATE[schluessel] = abschnitt.volle_monate
    return monate


def _abschnitt(
    p: Pruefung, teil: Programmteil, abschnitt: Zeitraum, schritte: list[Rechenschritt]
) -> Betrag:
    beschreibung = katalogteil(teil)
    empfaenger = empfaengerart(p.kommune)
    monate = _volle_monate(abschnitt)
    anteil = Fraction(monate, 12)
    summe = Betrag.null()
    for posten in beschreibung.posten:
        umfang = p.umfang(posten.funktion)
        if not umfang:
            continue
        hoechstumfang = posten.hoechstumfang_fuer(empfaenger)
        if hoechstumfang is not None:
            grenze = _wert(p, hoechstumfang, abschnitt)
            if umfang > grenze:
                schritte.append(Rechenschritt(
                    Schrittart.KUERZUNG_STELLEN, teil, abschnitt, posten.funktion,
                    vzae=umfang, hoechstens_vzae=grenze, parameter=hoechstumfang))  # fmt: skip
                umfang = grenze
        satz = Betrag.von(_wert(p, posten.betrag, abschnitt))
        betrag = satz.mal(Fraction(umfang) / Fraction(posten.einheit) * anteil)
        schritte.append(Rechenschritt(
            Schrittart.POSTEN, teil, abschnitt, posten.funktion, vzae=umfang, satz=satz,
            je_vzae=posten.einheit, monate=monate, betrag=betrag,
            parameter=posten.betrag))  # fmt: skip
        summe += betrag
    sachkosten = beschreibung.sachkosten
    if sachkosten is not None and p.antrag.sonstige_kosten > Betrag.null():
        pool = Betrag.von(_wert(p, sachkosten.hoechstbetrag, abschnitt))
        sach = min(p.antrag.sonstige_kosten, pool.mal(anteil))
        schritte.append(Rechenschritt(
            Schrittart.SACHKOSTEN, teil, abschnitt, satz=pool, monate=monate, betrag=sach,
            parameter=sachkosten.hoechstbetrag))  # fmt: skip
        summe += sach
    grenze_je_jahr = beschreibung.obergrenze
    if grenze_je_jahr is not None and grenze_je_jahr.gilt_fuer(empfaenger):
        name = grenze_je_jahr.parameter
        jahresgrenze = p.wert(name, abschnitt.beginn, fuer=abschnitt)
        if isinstance(jahresgrenze, FehlenderWert):
            schritte.append(Rechenschritt(
                Schrittart.OBERGRENZE_NICHT_BELEGT, teil, abschnitt, parameter=name,
                text=jahresgrenze.grund))  # fmt: skip
        else:
            satz = Betrag.von(jahresgrenze.dezimal)
            obergrenze = satz.mal(anteil)
            if summe > obergrenze:
                schritte.append(Rechenschritt(
                    Schrittart.OBERGRENZE, teil, abschnitt, satz=satz, monate=monate,
                    betrag=obergrenze, parameter=name))  # fmt: skip
                summe = obergrenze
    return summe


def _teil(p: Pruefung, teil: Programmteil, schritte: list[Rechenschritt]) -> Betrag | None:
    beschreibung = katalogteil(teil)
    if not beschreibung.posten:
        schritte.append(Rechenschritt(Schrittart.KEINE_RECHNUNG_JE_STELLE, teil))
        return None
    mit_posten = {posten.funktion for posten in beschreibung.posten}
    for funktion in beschreibung.stellen.funktionen:
        if funktion not in mit_posten and (umfang := p.umfang(funktion)):
            schritte.append(Rechenschritt(
                Schrittart.NICHT_AUS_DER_ZUWENDUNG, teil, funktion=funktion, vzae=umfang,
                betrag=Betrag.null()))  # fmt: skip
    try:
        summe = sum(
            (_abschnitt(p, teil, a, schritte) for a in p.antrag.zeitraum.nach_haushaltsjahren()),
            Betrag.null(),
        )
    except _Unbekannt as grund:
        schritte.append(Rechenschritt(
            Schrittart.NICHT_BERECHENBAR, teil, parameter=grund.fehlt.parameter,
            text=grund.fehlt.grund))  # fmt: skip
        return None
    schritte.append(Rechenschritt(Schrittart.SUMME_TEIL, teil, betrag=summe))
    return summe


def berechne(p: Pruefung) -> Rechnung:
    """Der Höchstbetrag des Antrags je Programmteil und in Summe, mit der Rechnung.

    Einmal je Prüfung berechnet (die Regel ``ALLG.HOECHSTBETRAG`` und das Ergebnis
    teilen sich die Rechnung).
    """
    if p.rechnung is not None:
        return p.rechnung
    schritte: list[Rechenschritt] = []
    teilbetraege = tuple(Teilbetrag(t, _teil(p, t, schritte)) for t in p.teile)
    betraege = [t.betrag for t in teilbetraege]
    gesamt: Betrag | None = None
    if betraege and all(b is not None for b in betraege):
        gesamt = sum((b for b in betraege if b is not None), Betrag.null())
        schritte.append(Rechenschritt(Schrittart.SUMME, betrag=gesamt))
    p.rechnung = Rechnung(gesamt, teilbetraege, tuple(schritte))
    return p.rechnung

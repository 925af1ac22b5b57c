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

Was der Programmkatalog dazu sagt, setzt die Rechnung um: die Höchstzahl der Stellen je
Empfänger (KIM Baustein 1: 3,5 bzw. 2,5 Koordinierungsstellen) und eine Stelle mehr je
Zusatzstelle, deren Gemeinde die Voraussetzungen erfüllt; ob eine Obergrenze die
Sachkosten mit deckt (``Obergrenze.mit_sachkosten``); ob ein Jahresbetrag für Sachkosten
nach Monaten gekürzt wird (``Sachkosten.anteilig``: beim Ehrenamt im Kontext Prävention
nicht); die Pauschalen je Raum eines Ankommenstreffpunkts mit ihrer Höchstzahl je Gebäude
(KOMM-AN II).

Die Rechnung ist Daten (:class:`~kim_nrw.pruefung.ergebnis.Rechenschritt`); den Text
schreibt :mod:`kim_nrw.pruefung.erklaerung`.
"""

from __future__ import annotations

import functools
from decimal import ROUND_HALF_UP, Context, Decimal

from kim_nrw._modell import frozen
from kim_nrw.antrag import Foerderantrag
from kim_nrw.einmal import je_objekt
from kim_nrw.fehler import NichtGefunden
from kim_nrw.gebiet import Kreis, KreisangehoerigeGemeinde, register
from kim_nrw.geld import Betrag, Stellenanteil
from kim_nrw.programme import Programmteil, Stellenfunktion, empfaengerart
from kim_nrw.programme import teil as katalogteil
from kim_nrw.pruefung.ergebnis import Rechenschritt, Schrittart, Teilbetrag
from kim_nrw.pruefung.kontext import FehlenderWert, Pruefung
from kim_nrw.recht import Parameterwert
from kim_nrw.zeit import Zeitraum

__all__ = ["Rechnung", "berechne", "berechnet", "halbe_stellen", "vzae", "zusatzstelle_zaehlt"]

_KONTEXT = Context(prec=60, rounding=ROUND_HALF_UP)


def vzae(antrag: Foerderantrag, funktion: Stellenfunktion) -> Decimal:
    """Die beantragten VZÄ einer Funktion (exakt, unabhängig vom Decimal-Kontext des Aufrufers)."""
    return Stellenanteil.summe(s.anteil for s in antrag.stellen if s.funktion is funktion)


def halbe_stellen(umfang: Decimal) -> bool:
    """Ob ``umfang`` ein Vielfaches einer halben Stelle ist (1, 1,5, 2 …)."""
    return _KONTEXT.remainder(_KONTEXT.multiply(umfang, Decimal(2)), Decimal(1)).is_zero()


def berechnet(teil: Programmteil) -> bool:
    """Ob kim_nrw für den Programmteil einen Höchstbetrag berechnet: aus Stellen (Posten),
    Sachkosten je Jahr oder Pauschalen je Raum.

    KOMM-AN III fördert einen Anteil der zuwendungsfähigen Ausgaben; dafür gibt es keine
    Rechnung (der Katalog nennt weder Posten noch Sachkosten noch Pauschalen).
    """
    t = katalogteil(teil)
    return bool(t.posten) or t.sachkosten is not None or t.raumpauschalen is not None


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
    if w.__class__ is FehlenderWert:
        raise _Unbekannt(w)
    return w.dezimal  # type: ignore[union-attr]


@je_objekt(4096)
def _als_betrag(w: Parameterwert) -> Betrag:
    """Der Parameterwert als Betrag, je Wert einmal gebildet: dieselben Sätze kommen in
    jeder Prüfung desselben Jahres vor (Auflösung der Parameter, kein Ergebnis)."""
    return Betrag.von(w.dezimal)


def _satz(p: Pruefung, name: str, abschnitt: Zeitraum) -> Betrag:
    """Der Betrag des Parameters ``name`` für den Abschnitt (gemerkt wie :func:`_wert`)."""
    w = p.wert(name, abschnitt.beginn, fuer=abschnitt)
    if w.__class__ is FehlenderWert:
        raise _Unbekannt(w)
    return _als_betrag(w)  # type: ignore[arg-type]


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


def zusatzstelle_zaehlt(p: Pruefung) -> bool:
    """Ob die beantragte Zusatzstelle für eine kreisangehörige Gemeinde die Höchstzahl der
    Koordinierungsstellen erhöht: die Gemeinde gehört zum antragstellenden Kreis (nach dem
    Register), hat nicht die Rechtsstellung einer kreisfreien Stadt (Stadt Aachen) und hat
    nachweislich Ausländerbehörde, Jugendamt und Integrationsrat oder -ausschuss. Ist eine
    Angabe offen, zählt sie nicht (die Bedingungen ``KIM.B1.ZUSATZSTELLE.*`` sagen, was fehlt).
    """
    z = p.antrag.zusatzstelle
    kreis = p.kommune
    if z is None or not isinstance(kreis, Kreis):
        return False
    try:
        gemeinde = register().gemeinde(z.gemeinde)
    except NichtGefunden:
        return False
    return (isinstance(gemeinde, KreisangehoerigeGemeinde) and not gemeinde.ist_kreisfrei
            and gemeinde.kreis.schluessel == kreis.schluessel
            and z.auslaenderbehoerde is True and z.jugendamt is True
            and z.integrationsrat is True)  # fmt: skip


def _raeume(
    p: Pruefung, teil: Programmteil, abschnitt: Zeitraum, schritte: list[Rechenschritt]
) -> Betrag:
    """Pauschalen je Raum: je Gebäude höchstens die Höchstzahl je Pauschale.

    Ist die Höchstzahl nicht belegt, zählen alle Räume und die Rechnung sagt es (wie bei
    einer nicht belegten Jahresobergrenze): der Betrag ist dann eine obere Schranke. Über
    mehrere Haushaltsjahre zählen die Räume einmal, mit den Werten des ersten (gefolgert:
    die Höchstzahl gilt je Gebäude, und renoviert und ausgestattet wird ein Raum einmal).
    """
    r = katalogteil(teil).raumpauschalen
    if r is None or not p.antrag.ankommenstreffpunkte:
        return Betrag.null()
    hoechstens = p.wert(r.je_gebaeude, abschnitt.beginn, fuer=abschnitt)
    saetze = [
        (art, name, _satz(p, name, abschnitt))
        for art, name in (("renovierung", r.renovierung), ("ausstattung", r.ausstattung))
    ]
    summe = Betrag.null()
    for treffpunkt in p.antrag.ankommenstreffpunkte:
        if isinstance(hoechstens, FehlenderWert) and (
                treffpunkt.raeume_renovierung or treffpunkt.raeume_ausstattung):  # fmt: skip
            schritte.append(Rechenschritt(
                Schrittart.RAUMGRENZE_NICHT_BELEGT, teil, abschnitt, parameter=r.je_gebaeude,
                text=f"{treffpunkt.bezeichnung}: {hoechstens.grund}"))  # fmt: skip
        for art, name, satz in saetze:
            raeume: int = getattr(treffpunkt, f"raeume_{art}")
            if not raeume:
                continue
            gezaehlt = raeume
            if not isinstance(hoechstens, FehlenderWert) and raeume > hoechstens.ganzzahl:
                gezaehlt = hoechstens.ganzzahl
            betrag = satz.mal(gezaehlt)
            schritte.append(Rechenschritt(
                Schrittart.RAUMPAUSCHALE, teil, abschnitt, satz=satz, betrag=betrag,
                parameter=name, anzahl=gezaehlt, beantragt=raeume,
                text=treffpunkt.bezeichnung))  # fmt: skip
            summe += betrag
    return summe


def _abschnitt(
    p: Pruefung,
    teil: Programmteil,
    abschnitt: Zeitraum,
    schritte: list[Rechenschritt],
    sachkosten_offen: list[Betrag],
) -> Betrag:
    beschreibung = katalogteil(teil)
    empfaenger = empfaengerart(p.kommune)
    monate = _volle_monate(abschnitt)
    # Der Anteil am Jahr ist monate/12; gerechnet wird in ganzen Zahlen (Zähler, Nenner),
    # exakt wie mit Brüchen, gerundet einmal in Betrag.mal.
    summe = Betrag.null()
    for posten in beschreibung.posten:
        umfang = p.umfang(posten.funktion)
        if not umfang:
            continue
        hoechstumfang = posten.hoechstumfang_fuer(empfaenger)
        if hoechstumfang is not None:
            grenze = _wert(p, hoechstumfang, abschnitt)
            if posten.zuschlag_zusatzstelle is not None and zusatzstelle_zaehlt(p):
                zuschlag = _wert(p, posten.zuschlag_zusatzstelle, abschnitt)
                schritte.append(Rechenschritt(
                    Schrittart.ZUSCHLAG_STELLEN, teil, abschnitt, posten.funktion,
                    vzae=zuschlag, hoechstens_vzae=_KONTEXT.add(grenze, zuschlag),
                    parameter=posten.zuschlag_zusatzstelle))  # fmt: skip
                grenze = _KONTEXT.add(grenze, zuschlag)
            if umfang > grenze:
                schritte.append(Rechenschritt(
                    Schrittart.KUERZUNG_STELLEN, teil, abschnitt, posten.funktion,
                    vzae=umfang, hoechstens_vzae=grenze, parameter=hoechstumfang))  # fmt: skip
                umfang = grenze
        satz = _satz(p, posten.betrag, abschnitt)
        einheit = posten.einheit
        u_zaehler, u_nenner = umfang.as_integer_ratio()
        e_zaehler, e_nenner = einheit.as_integer_ratio()
        # umfang / einheit · monate / 12
        betrag = satz._mal_bruch(u_zaehler * e_nenner * monate, u_nenner * e_zaehler * 12)
        schritte.append(Rechenschritt(
            Schrittart.POSTEN, teil, abschnitt, posten.funktion, vzae=umfang, satz=satz,
            je_vzae=einheit, monate=monate, betrag=betrag,
            parameter=posten.betrag))  # fmt: skip
        summe += betrag
    if abschnitt.beginn == p.antrag.zeitraum.beginn:
        # die Pauschalen je Raum zählen einmal je Antrag, im ersten Haushaltsjahr: die
        # Höchstzahl gilt je Gebäude, nicht je Jahr (Renovierung und Ausstattung einmal)
        summe += _raeume(p, teil, abschnitt, schritte)
    sach = Betrag.null()
    sachkosten = beschreibung.sachkosten
    if sachkosten is not None and sachkosten_offen[0] > Betrag.null():
        pool = _satz(p, sachkosten.hoechstbetrag, abschnitt)
        sachgrenze = pool._mal_bruch(monate, 12) if sachkosten.anteilig else pool
        sach = min(sachkosten_offen[0], sachgrenze)
        sachkosten_offen[0] -= sach  # beantragte Sachkosten zählen über alle Jahre einmal
        schritte.append(Rechenschritt(
            Schrittart.SACHKOSTEN, teil, abschnitt, satz=pool,
            monate=monate if sachkosten.anteilig else None, betrag=sach,
            parameter=sachkosten.hoechstbetrag))  # fmt: skip
    grenze_je_jahr = beschreibung.obergrenze
    if grenze_je_jahr is not None and grenze_je_jahr.mit_sachkosten:
        summe += sach
        sach = Betrag.null()
    if grenze_je_jahr is not None and grenze_je_jahr.gilt_fuer(empfaenger):
        name = grenze_je_jahr.parameter
        jahresgrenze = p.wert(name, abschnitt.beginn, fuer=abschnitt)
        if isinstance(jahresgrenze, FehlenderWert):
            schritte.append(Rechenschritt(
                Schrittart.OBERGRENZE_NICHT_BELEGT, teil, abschnitt, parameter=name,
                text=jahresgrenze.grund))  # fmt: skip
        else:
            satz = _als_betrag(jahresgrenze)
            obergrenze = satz._mal_bruch(monate, 12)
            if summe > obergrenze:
                schritte.append(Rechenschritt(
                    Schrittart.OBERGRENZE, teil, abschnitt, satz=satz, monate=monate,
                    betrag=obergrenze, parameter=name,
                    text=grenze_je_jahr.anmerkung or None))  # fmt: skip
                summe = obergrenze
    return summe + sach


def _teil(p: Pruefung, teil: Programmteil, schritte: list[Rechenschritt]) -> Betrag | None:
    beschreibung = katalogteil(teil)
    if not berechnet(teil):
        schritte.append(Rechenschritt(Schrittart.KEINE_RECHNUNG_JE_STELLE, teil))
        return None
    if (not beschreibung.posten and beschreibung.sachkosten is None
            and not p.antrag.ankommenstreffpunkte):  # fmt: skip
        schritte.append(Rechenschritt(
            Schrittart.NICHT_BERECHENBAR, teil,
            text="der Antrag nennt keine Räume eines Ankommenstreffpunkts; für die übrigen "
            "Maßnahmen sind keine Beträge belegt"))  # fmt: skip
        return None
    for funktion in _ohne_posten(teil):
        if umfang := p.umfang(funktion):
            schritte.append(Rechenschritt(
                Schrittart.NICHT_AUS_DER_ZUWENDUNG, teil, funktion=funktion, vzae=umfang,
                betrag=Betrag.null()))  # fmt: skip
    sachkosten_offen = [p.antrag.sonstige_kosten]
    abschnitte = p.antrag.zeitraum.nach_haushaltsjahren()
    try:
        summe = _summe([_abschnitt(p, teil, a, schritte, sachkosten_offen) for a in abschnitte])
    except _Unbekannt as grund:
        schritte.append(Rechenschritt(
            Schrittart.NICHT_BERECHENBAR, teil, parameter=grund.fehlt.parameter,
            text=grund.fehlt.grund))  # fmt: skip
        return None
    schritte.append(Rechenschritt(Schrittart.SUMME_TEIL, teil, betrag=summe))
    return summe


@functools.cache  # der Programmkatalog ändert sich im Prozess nicht
def _ohne_posten(teil: Programmteil) -> tuple[Stellenfunktion, ...]:
    """Die Stellenfunktionen des Teils, die die Zuwendung nicht bezahlt (ohne Posten)."""
    beschreibung = katalogteil(teil)
    mit_posten = {posten.funktion for posten in beschreibung.posten}
    return tuple(f for f in beschreibung.stellen.funktionen if f not in mit_posten)


def _summe(betraege: list[Betrag]) -> Betrag:
    """Die Summe mindestens eines Betrags (wie ``sum`` ab 0,00 €, ohne die Addition der Null)."""
    summe = betraege[0]
    for b in betraege[1:]:
        summe += b
    return summe


def berechne(p: Pruefung) -> Rechnung:
    """Der Höchstbetrag des Antrags je Programmteil und in Summe, mit der Rechnung.

    Einmal je Prüfung berechnet (die Regel ``ALLG.HOECHSTBETRAG`` und das Ergebnis
    teilen sich die Rechnung).
    """
    if p.rechnung is not None:
        return p.rechnung
    schritte: list[Rechenschritt] = []
    teilbetraege = tuple([Teilbetrag(t, _teil(p, t, schritte)) for t in p.teile])
    betraege = [t.betrag for t in teilbetraege]
    gesamt: Betrag | None = None
    if betraege and all(b is not None for b in betraege):
        gesamt = _summe([b for b in betraege if b is not None])
        schritte.append(Rechenschritt(Schrittart.SUMME, betrag=gesamt))
    p.rechnung = Rechnung(gesamt, teilbetraege, tuple(schritte))
    return p.rechnung

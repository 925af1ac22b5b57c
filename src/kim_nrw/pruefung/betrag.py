"""Der Höchstbetrag: Stellen × Betrag je Stelle × Anteil am Haushaltsjahr, mit Obergrenzen.

Der Förderzeitraum wird nach Haushaltsjahren geteilt; je Jahr gilt der Betrag,
der am ersten Tag des Abschnitts in Kraft ist, und der Anteil des Jahres nach
vollen Monaten (01.07.–31.12.2020 = 6/12; Zuwendungen werden monatsweise
bemessen, siehe :meth:`kim_nrw.zeit.Zeitraum.jahresanteil_monate`). Jeder
Schritt rundet einmal kaufmännisch auf den Cent (:meth:`kim_nrw.geld.Betrag.mal`).
Ist ein Betrag in den Quellen nicht belegt, gibt es keinen Höchstbetrag – nur
den Grund.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from kim_nrw.geld import Betrag
from kim_nrw.programme import Programmteil, Stellenfunktion, empfaengerart
from kim_nrw.programme import teil as katalogteil
from kim_nrw.pruefung.ergebnis import Rechenschritt
from kim_nrw.pruefung.kontext import Kontext
from kim_nrw.pruefung.regeln import vzae
from kim_nrw.zeit import Zeitraum

__all__ = ["berechnet", "hoechstbetrag"]


def berechnet(teil: Programmteil) -> bool:
    """Ob kim_nrw für den Programmteil einen Höchstbetrag je Stelle berechnet.

    KOMM-AN II und III fördern Maßnahmen mit Festbeträgen bzw. Anteilen; dafür
    gibt es keine Rechnung je Stelle (der Katalog nennt für sie keine Posten).
    """
    return bool(katalogteil(teil).posten)


class _Unbekannt(Exception):
    """Intern: ein nötiger Wert ist nicht belegt (nie nach außen)."""


def _zahl(wert: Decimal) -> str:
    return format(wert.normalize(), "f").replace(".", ",")


def _wert(k: Kontext, name: str, abschnitt: Zeitraum) -> Decimal:
    w = k.wert(name, abschnitt.beginn)
    if isinstance(w, str):
        raise _Unbekannt(w)
    return w.dezimal


def _abschnitt(k: Kontext, abschnitt: Zeitraum, schritte: list[Rechenschritt]) -> Betrag:
    beschreibung = katalogteil(k.antrag.programmteil)
    empfaenger = empfaengerart(k.kommune)
    anteil = abschnitt.jahresanteil_monate()
    summe = Betrag.null()
    for posten in beschreibung.posten:
        umfang = vzae(k, posten.funktion)
        if not umfang:
            continue
        hoechstumfang = posten.hoechstumfang_fuer(empfaenger)
        if hoechstumfang is not None:
            grenze = _wert(k, hoechstumfang, abschnitt)
            if umfang > grenze:
                text = (f"{abschnitt.deutsch()}: {_zahl(umfang)} VZÄ {posten.funktion.value} "
                        f"auf höchstens {_zahl(grenze)} VZÄ gekürzt")  # fmt: skip
                schritte.append(Rechenschritt(text, None))
                umfang = grenze
        satz = Betrag.von(_wert(k, posten.betrag, abschnitt))
        betrag = satz.mal(Fraction(umfang) / Fraction(posten.einheit) * anteil)
        text = (f"{abschnitt.deutsch()}: {_zahl(umfang)} VZÄ {posten.funktion.value} × "
                f"{satz.deutsch()} je {_zahl(posten.einheit)} VZÄ × "
                f"{anteil.numerator}/{anteil.denominator} Jahr")  # fmt: skip
        schritte.append(Rechenschritt(text, betrag))
        summe += betrag
    sachkosten = beschreibung.sachkosten
    if sachkosten is not None and k.antrag.sonstige_kosten > Betrag.null():
        pool = Betrag.von(_wert(k, sachkosten.hoechstbetrag, abschnitt))
        sach = min(k.antrag.sonstige_kosten, pool.mal(anteil))
        text = (f"{abschnitt.deutsch()}: Sachkosten {sachkosten.bezeichnung}, höchstens "
                f"{pool.deutsch()} je Jahr")  # fmt: skip
        schritte.append(Rechenschritt(text, sach))
        summe += sach
    grenze_je_jahr = beschreibung.obergrenze
    if grenze_je_jahr is not None and grenze_je_jahr.gilt_fuer(empfaenger):
        jahresgrenze = k.wert(grenze_je_jahr.parameter, abschnitt.beginn)
        if isinstance(jahresgrenze, str):
            schritte.append(
                Rechenschritt(
                    f"{abschnitt.deutsch()}: keine belegte Jahresobergrenze ({jahresgrenze})", None
                )
            )
        elif summe > (obergrenze := Betrag.von(jahresgrenze.dezimal).mal(anteil)):
            schritte.append(
                Rechenschritt(
                    f"{abschnitt.deutsch()}: auf die Obergrenze von "
                    f"{Betrag.von(jahresgrenze.dezimal).deutsch()} je Jahr gekürzt",
                    obergrenze,
                )
            )
            summe = obergrenze
    return summe


def hoechstbetrag(k: Kontext) -> tuple[Betrag | None, tuple[Rechenschritt, ...]]:
    """Der Höchstbetrag des Antrags mit seiner Rechnung; ``None`` mit Grund, wenn unbekannt."""
    teil = k.antrag.programmteil
    schritte: list[Rechenschritt] = []
    if not berechnet(teil):
        schritte.append(Rechenschritt(
            f"{teil.bezeichnung}: Festbeträge je Maßnahme; kim_nrw berechnet keinen Höchstbetrag",
            None))  # fmt: skip
        return None, tuple(schritte)
    if teil is Programmteil.KI and vzae(k, Stellenfunktion.LEHRKRAFT):
        schritte.append(Rechenschritt("Lehrkräfte werden vom Land abgeordnet, nicht aus der "
                                      "Zuwendung bezahlt: 0 €", None))  # fmt: skip
    try:
        summe = sum(
            (_abschnitt(k, a, schritte) for a in k.antrag.zeitraum.nach_haushaltsjahren()),
            Betrag.null(),
        )
    except _Unbekannt as grund:
        schritte.append(Rechenschritt(f"nicht berechenbar: {grund}", None))
        return None, tuple(schritte)
    schritte.append(Rechenschritt("Höchstbetrag", summe))
    return summe, tuple(schritte)

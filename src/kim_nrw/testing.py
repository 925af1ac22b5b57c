"""Hypothesis-Strategien für Tests, die kim_nrw benutzen.

Wer kim_nrw in eigene Software einbaut, kann damit gültige Objekte erzeugen
lassen, statt Beispiele von Hand zu pflegen: Schlüssel aus dem Gebietsregister,
Kommunen, Zeiträume, Beträge, Stellen und ganze Förderanträge. Jedes erzeugte
Objekt ist gültig (der Konstruktor des Modells hat es geprüft) und übersteht die
Rundreise durch :mod:`kim_nrw.serial`.

Dieses Modul braucht Hypothesis, das nur im Extra ``test`` steht
(``pip install 'kim-nrw[test]'``); ``import kim_nrw`` lädt es nie.

>>> from hypothesis import find
>>> from kim_nrw.testing import foerderantraege
>>> antrag = find(foerderantraege(), lambda a: len(a.stellen) >= 2)
>>> len(antrag.stellen)
2
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from kim_nrw.antrag import (
    Ausgabe,
    Drittmittel,
    Foerderantrag,
    Nachweis,
    Stelle,
    Stellenfunktion,
    Verwendungsnachweis,
    Weiterleitung,
    Zusatzstelle,
    Zuwendungsbescheid,
)
from kim_nrw.fehler import UngueltigeEingabe
from kim_nrw.gebiet import (
    AGS,
    Gebietsart,
    Kommune,
    Kreis,
    KreisangehoerigeGemeinde,
    KreisfreieStadt,
    Kreisschluessel,
    register,
)
from kim_nrw.geld import BETRAG_MAX, Betrag, Stellenanteil
from kim_nrw.programme import Foerderart, Programmteil
from kim_nrw.zeit import HAUSHALTSJAHR_MAX, HAUSHALTSJAHR_MIN, Zeitraum

__all__ = [
    "ags",
    "betraege",
    "foerderantraege",
    "kommunen",
    "kreisschluessel",
    "stellen",
    "stellenanteile",
    "verwendungsnachweise",
    "zeitraeume",
    "zuwendungsbescheide",
]

ERSTER_TAG = dt.date(HAUSHALTSJAHR_MIN, 1, 1)
LETZTER_TAG = dt.date(HAUSHALTSJAHR_MAX, 12, 31)

_KLEIN_CENT = 10**10
"""Beträge bis 100 Mio. €: so oft wie Beträge bis ``BETRAG_MAX`` (siehe :func:`betraege`)."""


def _wahrheitswert(name: str, wert: object) -> None:
    if wert is not True and wert is not False:
        raise UngueltigeEingabe(name, wert, "true oder false")


def _strategie(name: str, wert: object) -> None:
    if wert is not None and not isinstance(wert, st.SearchStrategy):
        raise UngueltigeEingabe(name, wert, "eine Hypothesis-Strategie oder None")


def _tag(name: str, wert: object) -> dt.date:
    if not isinstance(wert, dt.date) or isinstance(wert, dt.datetime):
        raise UngueltigeEingabe(name, wert, "ein Kalendertag (datetime.date)")
    return wert


def ags(*, nur_register: bool = True) -> st.SearchStrategy[AGS]:
    """Amtliche Gemeindeschlüssel.

    ``nur_register=True`` (Vorgabe): nur AGS von Gemeinden und kreisfreien Städten
    des Registers (396 Stück). ``False``: jeder formal gültige NRW-AGS, auch ohne
    Gemeinde – gut, um Code zu prüfen, der unbekannte Schlüssel melden soll.

    >>> from hypothesis import find
    >>> from kim_nrw.testing import ags
    >>> str(find(ags(), lambda a: True))
    '05111000'
    """
    _wahrheitswert("nur_register", nur_register)
    if nur_register:
        gemeinden = register().gemeinden()
        return st.sampled_from(sorted((g.ags for g in gemeinden), key=str))
    return st.builds(
        lambda rb, rest: AGS(f"05{rb}{rest:05d}"),
        st.sampled_from("13579"),
        st.integers(0, 99_999),
    )


def kreisschluessel(*, nur_register: bool = True) -> st.SearchStrategy[Kreisschluessel]:
    """Fünfstellige Schlüssel von Kreisen, der StädteRegion und kreisfreien Städten.

    ``nur_register=False`` erzeugt auch formal gültige Schlüssel ohne Kreis.
    """
    _wahrheitswert("nur_register", nur_register)
    if nur_register:
        kreise = {k.schluessel for k in register().kreise()}
        kreise |= {s.kreisschluessel for s in register().kreisfreie_staedte()}
        return st.sampled_from(sorted(kreise, key=str))
    return st.builds(
        lambda rb, rest: Kreisschluessel(f"05{rb}{rest:02d}"),
        st.sampled_from("13579"),
        st.integers(0, 99),
    )


def kommunen(*arten: Gebietsart) -> st.SearchStrategy[Kommune]:
    """Kommunen aus dem Register (Kreise, StädteRegion, kreisfreie und angehörige Gemeinden).

    Mit ``arten`` nur Kommunen dieser Arten, z. B. ``kommunen(Gebietsart.KREIS)``.
    """
    for art in arten:
        if not isinstance(art, Gebietsart) or art is Gebietsart.REGIERUNGSBEZIRK:
            raise UngueltigeEingabe("arten", art, "Gebietsarten einer Kommune (kein Bezirk)")
    return st.sampled_from(register().kommunen(*arten))


def zeitraeume(
    *, von: dt.date = ERSTER_TAG, bis: dt.date = LETZTER_TAG, max_tage: int | None = None
) -> st.SearchStrategy[Zeitraum]:
    """Zeiträume mit Beginn und Ende in ``von..bis`` (Vorgabe 2000 bis 2100).

    ``max_tage`` begrenzt die Länge (ein Tag ist ein Zeitraum mit ``tage == 1``).

    >>> from hypothesis import find
    >>> from kim_nrw.testing import zeitraeume
    >>> find(zeitraeume(max_tage=31), lambda z: z.tage == 31).tage
    31
    """
    if _tag("von", von) > _tag("bis", bis):
        raise UngueltigeEingabe("bis", bis, f"ein Tag ab von ({von.isoformat()})")
    if max_tage is not None and (
        not isinstance(max_tage, int) or isinstance(max_tage, bool) or max_tage < 1
    ):
        raise UngueltigeEingabe("max_tage", max_tage, "eine ganze Zahl ≥ 1 oder None")

    def mit_ende(beginn: dt.date) -> st.SearchStrategy[Zeitraum]:
        letzter = bis if max_tage is None else min(bis, beginn + dt.timedelta(days=max_tage - 1))
        return st.dates(beginn, letzter).map(lambda ende: Zeitraum(beginn, ende))

    return st.dates(von, bis).flatmap(mit_ende)


def haushaltsjahre(
    von: int = HAUSHALTSJAHR_MIN, bis: int = HAUSHALTSJAHR_MAX
) -> st.SearchStrategy[Zeitraum]:
    """Ganze Haushaltsjahre als Zeitraum (01.01. bis 31.12.)."""
    return st.integers(von, bis).map(Zeitraum.jahr)


def betraege(
    *, min_wert: Betrag | None = None, max_wert: Betrag | None = None
) -> st.SearchStrategy[Betrag]:
    """Eurobeträge (zwei Nachkommastellen, nie negativ) bis ``BETRAG_MAX``, auf den Cent verteilt.

    Ohne ``max_wert`` kommen alltägliche Beträge (bis 100 Mio. €) so oft wie solche bis
    zur Grenze des Modells (:data:`~kim_nrw.geld.BETRAG_MAX`, knapp 10^15 €): so erreicht
    ein Test auch Summen, die die Grenze überschreiten würden.

    >>> from hypothesis import find
    >>> from kim_nrw.geld import Betrag
    >>> from kim_nrw.testing import betraege
    >>> find(betraege(min_wert=Betrag.parse("0,99")), lambda b: True).deutsch()
    '0,99 €'
    """
    for name, wert in (("min_wert", min_wert), ("max_wert", max_wert)):
        if wert is not None and not isinstance(wert, Betrag):
            raise UngueltigeEingabe(name, wert, "ein Betrag oder None")
    unten = 0 if min_wert is None else min_wert.cent
    oben = _MAX_CENT if max_wert is None else max_wert.cent
    if unten > oben:
        raise UngueltigeEingabe("max_wert", max_wert, "ein Betrag ab min_wert")
    cents = st.integers(unten, oben)
    if max_wert is None and unten < _KLEIN_CENT:
        cents = st.integers(unten, _KLEIN_CENT) | cents
    return cents.map(_aus_cent)


_MAX_CENT = Betrag(BETRAG_MAX).cent


def _aus_cent(cent: int) -> Betrag:
    return Betrag(Decimal(cent).scaleb(-2))


def stellenanteile() -> st.SearchStrategy[Stellenanteil]:
    """Stellenanteile 0 < x ≤ 1 mit null bis sechs Nachkommastellen (1, 0.5, 0.123456 …)."""

    def mit_stellen(stellen: int) -> st.SearchStrategy[Stellenanteil]:
        nenner = 10**stellen
        return st.integers(1, nenner).map(
            lambda zaehler: Stellenanteil(Decimal(zaehler).scaleb(-stellen))
        )

    return st.integers(0, 6).flatmap(mit_stellen)


def _texte(*, leer: bool = True, max_size: int = 40) -> st.SearchStrategy[str]:
    text = st.text(max_size=max_size)
    return text if leer else text.filter(lambda t: bool(t.strip()))


def stellen(
    funktionen: st.SearchStrategy[Stellenfunktion] | None = None,
) -> st.SearchStrategy[Stelle]:
    """Beantragte Stellen: Funktion, Anteil in VZÄ und eine (oft leere) Bezeichnung."""
    _strategie("funktionen", funktionen)
    return st.builds(
        Stelle,
        funktion=funktionen if funktionen is not None else st.sampled_from(Stellenfunktion),
        anteil=stellenanteile(),
        bezeichnung=st.just("") | _texte(),
    )


def _nachweise() -> st.SearchStrategy[Nachweis]:
    return st.none() | st.booleans() | st.dates(ERSTER_TAG, LETZTER_TAG)


def _tatsachen() -> st.SearchStrategy[bool | None]:
    return st.none() | st.booleans()


def _antragsteller() -> st.SearchStrategy[AGS | Kreisschluessel]:
    einheiten = register().kommunen()
    schluessel: list[AGS | Kreisschluessel] = []
    for k in einheiten:
        if isinstance(k, Kreis):
            schluessel.append(k.schluessel)
        elif isinstance(k, KreisfreieStadt):
            schluessel.extend((k.ags, k.kreisschluessel))
        elif isinstance(k, KreisangehoerigeGemeinde):
            schluessel.append(k.ags)
    return st.sampled_from(schluessel)


def _programmteile() -> st.SearchStrategy[Programmteil | tuple[Programmteil, ...]]:
    """Ein Teil – oder der gemeinsame Antrag für KIM Baustein 1 und 2 (ab 2025 vorgeschrieben)."""
    gemeinsam = (Programmteil.KIM_B1, Programmteil.KIM_B2)
    return st.sampled_from(Programmteil) | st.just(gemeinsam)


def foerderantraege(
    *,
    programmteile: st.SearchStrategy[Programmteil | tuple[Programmteil, ...]] | None = None,
    antragsteller: st.SearchStrategy[AGS | Kreisschluessel] | None = None,
    zeitraum: st.SearchStrategy[Zeitraum] | None = None,
) -> st.SearchStrategy[Foerderantrag]:
    """Gültige Förderanträge: jeder Antragsteller aus dem Register, jede Angabe mal bekannt,
    mal unbekannt; auch gemeinsame Anträge für KIM Baustein 1 und 2.

    „Gültig“ heißt: der Konstruktor nimmt sie an – nicht, dass sie förderfähig
    sind. Die Prüfung (:func:`kim_nrw.pruefung.pruefe`) bewertet sie jeweils mit
    einem Ergebnis, nie mit einer Ausnahme.

    >>> from hypothesis import given
    >>> from kim_nrw.serial import entstruktur, struktur
    >>> from kim_nrw.testing import foerderantraege
    >>> @given(foerderantraege())
    ... def test_rundreise(antrag):
    ...     assert struktur(type(antrag), entstruktur(antrag)) == antrag
    >>> test_rundreise()
    """
    _strategie("programmteile", programmteile)
    _strategie("antragsteller", antragsteller)
    _strategie("zeitraum", zeitraum)
    return st.builds(
        Foerderantrag,
        antragsteller=antragsteller if antragsteller is not None else _antragsteller(),
        programmteile=programmteile if programmteile is not None else _programmteile(),
        zeitraum=zeitraum if zeitraum is not None else zeitraeume(max_tage=3 * 366),
        stellen=st.lists(stellen(), max_size=6).map(tuple),
        sonstige_kosten=betraege(),
        beantragter_betrag=st.none() | betraege(),
        antragsdatum=st.none() | st.dates(ERSTER_TAG, LETZTER_TAG),
        ki_vorhanden=_tatsachen(),
        ratsbeschluss=_nachweise(),
        integrationskonzept=_nachweise(),
        lenkungsgruppe=_tatsachen(),
        kim_konzept=_tatsachen(),
        koordination_am_ki=_tatsachen(),
        eigene_auslaenderbehoerde=_tatsachen(),
        zusatzstelle=st.none()
        | st.builds(
            Zusatzstelle,
            gemeinde=ags(),
            auslaenderbehoerde=_tatsachen(),
            jugendamt=_tatsachen(),
            integrationsrat=_tatsachen(),
        ),
        weiterleitungen=st.lists(
            st.builds(
                Weiterleitung,
                empfaenger=_texte(leer=False),
                betrag=betraege(),
                ags=st.none() | ags(),
            ),
            max_size=3,
        ).map(tuple),
        andere_foerderung=st.none()
        | st.lists(
            st.builds(
                Drittmittel,
                geber=_texte(leer=False),
                betrag=betraege(),
                gleicher_zweck=st.booleans(),
            ),
            max_size=3,
        ).map(tuple),
    )


def zuwendungsbescheide(
    antraege: st.SearchStrategy[Foerderantrag] | None = None,
) -> st.SearchStrategy[Zuwendungsbescheid]:
    """Zuwendungsbescheide zu gültigen Anträgen; Bewilligungszeitraum im Antragszeitraum."""
    _strategie("antraege", antraege)

    def zu(antrag: Foerderantrag) -> st.SearchStrategy[Zuwendungsbescheid]:
        z = antrag.zeitraum
        return st.builds(
            Zuwendungsbescheid,
            aktenzeichen=_texte(leer=False),
            datum=st.dates(ERSTER_TAG, LETZTER_TAG),
            antrag=st.just(antrag),
            betrag=betraege(),
            zeitraum=zeitraeume(von=z.beginn, bis=z.ende),
            foerderart=st.sampled_from(Foerderart),
        )

    return (antraege if antraege is not None else foerderantraege()).flatmap(zu)


def verwendungsnachweise() -> st.SearchStrategy[Verwendungsnachweis]:
    """Verwendungsnachweise mit bis zu fünf Ausgaben (Stellen oder Sachkosten)."""
    ausgabe = st.builds(
        Ausgabe,
        funktion=st.none() | st.sampled_from(Stellenfunktion),
        zeitraum=zeitraeume(max_tage=366),
        betrag=betraege(),
    )
    return st.builds(
        Verwendungsnachweis,
        aktenzeichen=_texte(leer=False),
        ausgaben=st.lists(ausgabe, max_size=5).map(tuple),
    )

"""Zuwendungsbescheid und Verwendungsnachweis und ihr Abgleich.

Der Bescheid hält fest, was bewilligt wurde; der Verwendungsnachweis, was je
Stelle und Zeitraum ausgegeben wurde. :func:`abgleich` vergleicht beide: was
nicht verbraucht wurde, ist nach dem allgemeinen Zuwendungsrecht (§ 44 LHO mit
den Nebenbestimmungen) zu erstatten. Zinsen und Ermessen der Behörde rechnet
kim_nrw nicht; die Zahl ist die Obergrenze der Rückforderung, keine Festsetzung.
"""

from __future__ import annotations

from datetime import date

from attrs import field

from kim_nrw._modell import frozen
from kim_nrw.antrag.foerderantrag import BETRAG, TEXT, ZEITRAUM, Foerderantrag, Stellenfunktion
from kim_nrw.fehler import UngueltigeEingabe
from kim_nrw.geld import Betrag
from kim_nrw.programme import Foerderart
from kim_nrw.validatoren import Aufzaehlung, Datum, Folge, Typ
from kim_nrw.zeit import Zeitraum

__all__ = ["BEWILLIGUNGSBEHOERDE", "Abgleich", "Ausgabe", "Verwendungsnachweis",
           "Zuwendungsbescheid", "abgleich"]  # fmt: skip

BEWILLIGUNGSBEHOERDE = "Bezirksregierung Arnsberg, Dezernat 36 (Kompetenzzentrum für Integration)"
"""Bewilligt landesweit KI, KIM und KOMM-AN (Belege: S-Unna-2018, S-RKN-2020-prot; siehe
:func:`kim_nrw.programme.programm` und ``daten/programme/behoerden.toml``)."""


@frozen
class Zuwendungsbescheid:
    """Die Bewilligung eines Antrags.

    ``zeitraum`` ist der Bewilligungszeitraum; er muss im beantragten Zeitraum liegen.
    """

    aktenzeichen: str = field(validator=TEXT)
    datum: date = field(validator=Datum())
    antrag: Foerderantrag = field(validator=Typ((Foerderantrag,), "ein Foerderantrag"))
    betrag: Betrag = field(validator=BETRAG)
    zeitraum: Zeitraum = field(validator=ZEITRAUM)
    foerderart: Foerderart = field(validator=Aufzaehlung(Foerderart))
    behoerde: str = field(default=BEWILLIGUNGSBEHOERDE, validator=TEXT)

    def __attrs_post_init__(self) -> None:
        if self.zeitraum.schnitt(self.antrag.zeitraum) != self.zeitraum:
            raise UngueltigeEingabe(
                "Zuwendungsbescheid.zeitraum",
                str(self.zeitraum),
                f"ein Zeitraum innerhalb des beantragten Zeitraums {self.antrag.zeitraum}",
            )


@frozen
class Ausgabe:
    """Was für eine Stellenfunktion (oder sonstige Kosten: ``funktion=None``) in einem
    Zeitraum ausgegeben wurde."""

    funktion: Stellenfunktion | None = field(validator=Aufzaehlung(Stellenfunktion, optional=True))
    zeitraum: Zeitraum = field(validator=ZEITRAUM)
    betrag: Betrag = field(validator=BETRAG)


@frozen
class Verwendungsnachweis:
    """Der Nachweis, wofür die Zuwendung eines Bescheids verwendet wurde."""

    aktenzeichen: str = field(validator=TEXT)
    ausgaben: tuple[Ausgabe, ...] = field(validator=Folge(Typ((Ausgabe,), "eine Ausgabe")))

    @property
    def summe(self) -> Betrag:
        """Alle Ausgaben zusammen."""
        return sum((a.betrag for a in self.ausgaben), Betrag.null())


@frozen
class Abgleich:
    """Bescheid gegen Nachweis: bewilligt, verwendet, nicht verbraucht, zu erstatten.

    ``ausserhalb`` sind Ausgaben außerhalb des Bewilligungszeitraums; sie zählen nicht.
    """

    bewilligt: Betrag
    verwendet: Betrag
    nicht_verbraucht: Betrag
    erstattung: Betrag
    ausserhalb: tuple[Ausgabe, ...]


def abgleich(bescheid: Zuwendungsbescheid, nachweis: Verwendungsnachweis) -> Abgleich:
    """Vergleicht Bescheid und Verwendungsnachweis (gleiches Aktenzeichen).

    >>> from datetime import date
    >>> from kim_nrw.antrag import (Ausgabe, Foerderantrag, Stellenfunktion, Verwendungsnachweis,
    ...     Zuwendungsbescheid, abgleich)
    >>> from kim_nrw.gebiet import Kreisschluessel
    >>> from kim_nrw.geld import Betrag
    >>> from kim_nrw.programme import Foerderart, Programmteil
    >>> from kim_nrw.zeit import Zeitraum
    >>> antrag = Foerderantrag(Kreisschluessel("05370"), Programmteil.KIM_B2, Zeitraum.jahr(2021))
    >>> bescheid = Zuwendungsbescheid("36.01-KIM-2021-05370", date(2021, 3, 1), antrag,
    ...     Betrag.von(55000), Zeitraum.jahr(2021), Foerderart.FACHBEZOGENE_PAUSCHALE)
    >>> nachweis = Verwendungsnachweis("36.01-KIM-2021-05370", (Ausgabe(
    ...     Stellenfunktion.CASE_MANAGEMENT, Zeitraum.jahr(2021), Betrag.von(50000)),))
    >>> abgleich(bescheid, nachweis).erstattung.deutsch()
    '5.000,00 €'
    """
    if not isinstance(bescheid, Zuwendungsbescheid):
        raise UngueltigeEingabe("bescheid", bescheid, "ein Zuwendungsbescheid")
    if not isinstance(nachweis, Verwendungsnachweis):
        raise UngueltigeEingabe("nachweis", nachweis, "ein Verwendungsnachweis")
    if nachweis.aktenzeichen != bescheid.aktenzeichen:
        raise UngueltigeEingabe(
            "Verwendungsnachweis.aktenzeichen", nachweis.aktenzeichen,
            f"das Aktenzeichen des Bescheids ({bescheid.aktenzeichen})",
        )  # fmt: skip
    drinnen = [a for a in nachweis.ausgaben if bescheid.zeitraum.schnitt(a.zeitraum) == a.zeitraum]
    ausserhalb = tuple(a for a in nachweis.ausgaben if a not in drinnen)
    verwendet = sum((a.betrag for a in drinnen), Betrag.null())
    nicht_verbraucht = bescheid.betrag - min(verwendet, bescheid.betrag)
    return Abgleich(bescheid.betrag, verwendet, nicht_verbraucht, nicht_verbraucht, ausserhalb)

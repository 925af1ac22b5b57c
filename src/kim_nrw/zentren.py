"""Das Register der 54 Kommunalen Integrationszentren (KI, § 8 TIntG 2021, § 7 TIntG 2012).

Jede Körperschaft auf Kreisebene trägt ein KI: 31 Kreise (mit der StädteRegion
Aachen), 22 kreisfreie Städte und – als Sonderfall – die Stadt Aachen. Die
Träger werden aus dem Gebietsregister abgeleitet, nicht aufgezählt.
Gründungsdaten stehen nur dort, wo eine Quelle sie nennt; eine vollständige
Liste ist in den gelesenen Quellen nicht belegt, ``gruendung`` ist sonst
``None``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from attrs import field

from kim_nrw._modell import frozen
from kim_nrw._veraltet import VeraltetesAttribut
from kim_nrw.einmal import einmal
from kim_nrw.fehler import NichtGefunden, UngueltigeEingabe
from kim_nrw.gebiet import (
    Kreis,
    KreisangehoerigeGemeinde,
    KreisfreieStadt,
    Regierungsbezirk,
    register,
)
from kim_nrw.gebiet.einheiten import Gebietseinheit
from kim_nrw.recht import Gewissheit
from kim_nrw.recht.quellen import KURZNAME
from kim_nrw.validatoren import Aufzaehlung, Datum, Folge, Ganzzahl, Text, Typ

__all__ = [
    "KI_ZAEHLUNGEN",
    "Gruendung",
    "KITraeger",
    "KIZaehlung",
    "KommunalesIntegrationszentrum",
    "ki",
    "ki_register",
    "zustaendiges_ki",
]

KITraeger = Kreis | KreisfreieStadt | KreisangehoerigeGemeinde
"""Ein Träger eines KI: Kreis, StädteRegion, kreisfreie Stadt oder Stadt Aachen."""

_QUELLEN = Folge(KURZNAME, mindestens=1, eindeutig=True)
_ANMERKUNG = Text(leer=True)
_GEWISSHEIT = Aufzaehlung(Gewissheit)


def _gesichert() -> VeraltetesAttribut:
    """Das veraltete ``gesichert`` (bis 0.1: ein Wahrheitswert) aus ``gewissheit``."""
    return VeraltetesAttribut(
        "gewissheit", seit="0.2.0", entfaellt_in="0.4.0",
        hinweis=" (gesichert heißt: Gewissheit.BESTAETIGT)",
        lies=lambda x: x.gewissheit is Gewissheit.BESTAETIGT,
    )  # fmt: skip


@frozen
class Gruendung:
    """Was eine Quelle über die Gründung eines KI sagt.

    :param jahr: das Gründungsjahr.
    :param datum: der genaue Tag, wenn die Quelle ihn nennt.
    :param quellen: Kurznamen der Quellen (Katalog in :mod:`kim_nrw.recht`).
    :param anmerkung: Widersprüche und was genau datiert ist (Beschluss, Start).
    :param gewissheit: wie sicher die Quelle ist.
    """

    jahr: int = field(validator=Ganzzahl(2000, 2100))
    datum: date | None = field(validator=Datum(optional=True))
    quellen: tuple[str, ...] = field(validator=_QUELLEN)
    anmerkung: str = field(default="", validator=_ANMERKUNG)
    gewissheit: Gewissheit = field(default=Gewissheit.BESTAETIGT, validator=_GEWISSHEIT)

    gesichert = _gesichert()


@frozen
class KIZaehlung:
    """Eine belegte landesweite Zahl der KI zu einem Zeitpunkt."""

    stand: date = field(validator=Datum())
    anzahl: int = field(validator=Ganzzahl(minimum=0))
    quellen: tuple[str, ...] = field(validator=_QUELLEN)
    anmerkung: str = field(default="", validator=_ANMERKUNG)
    gewissheit: Gewissheit = field(default=Gewissheit.BESTAETIGT, validator=_GEWISSHEIT)

    gesichert = _gesichert()


KI_ZAEHLUNGEN: tuple[KIZaehlung, ...] = (
    KIZaehlung(date(2013, 6, 12), 29, ("S-medienjournal-2013",),
               "zweite Bewilligungsrunde (13 KI) im Juni 2013; Tag der Meldung"),
    KIZaehlung(date(2016, 1, 22), 49, ("PM-MAIS-2016-01-22",),
               "Pressemitteilung MAIS vom 22.01.2016"),
    KIZaehlung(date(2016, 2, 15), 50, ("S-Coesfeld-4506",),
               "Kreis Coesfeld eröffnet das 50. KI"),
    KIZaehlung(date(2016, 6, 2), 52, ("S-vandenBerg",),
               "Aussage eines MdL; widerspricht der Pressemitteilung vom 22.10.2017",
               gewissheit=Gewissheit.UNSICHER),
    KIZaehlung(date(2017, 10, 22), 52, ("PM-MKFFI-2017-10-22",),
               "52 KI, das 53. nimmt die Arbeit auf"),
    KIZaehlung(date(2018, 1, 1), 54, ("S-Unna-2018",),
               "Haushaltsjahr 2018: 54 KI landesweit, 12 im Regierungsbezirk Arnsberg"),
)  # fmt: skip
"""Die historischen landesweiten Zählungen aus Pressemitteilungen und Ratsdokumenten."""

_GRUENDUNGEN: Mapping[str, Gruendung] = {
    "05334002": Gruendung(2013, None, ("S-Aachen-Ratsinfo-2021", "S-Aachen-2013"),
                          "Ratsbeschluss vom 03.07.2013; eine englische Seite nennt 2012"),
    "05562": Gruendung(2013, None, ("S-medienjournal-2013",),
                       "in der zweiten Bewilligungsrunde im Juni 2013"),
    "05911000": Gruendung(2013, None, ("S-medienjournal-2013",),
                          "in der zweiten Bewilligungsrunde im Juni 2013"),
    "05916000": Gruendung(2013, None, ("S-medienjournal-2013",),
                          "in der zweiten Bewilligungsrunde im Juni 2013"),
    "05114000": Gruendung(2013, date(2013, 8, 1), ("S-Krefeld",),
                          "die RAA Krefeld wurde zum 01.08.2013 in das KI überführt"),
    "05170": Gruendung(2013, None, ("S-Wesel-2013",), "Kreistagsbeschluss vom 17.10.2013"),
    "05370": Gruendung(2014, None, ("PM-Kreis-Heinsberg-2017-08-09", "S-Heinsberg-2012"),
                       "Kreistag 2014, im selben Jahr mit 5,5 Stellen umgesetzt; "
                       "Grundsatzbeschluss schon am 27.09.2012"),
    "05558": Gruendung(2016, date(2016, 2, 15), ("S-Coesfeld-4506", "S-Coesfeld-IK"),
                       "eröffnet als 50. KI; Kreistag 23.09.2015, Arbeit seit 01.12.2015"),
    "05566": Gruendung(2016, date(2016, 7, 1), ("S-Steinfurt-2016",),
                       "Start; Grundsatzbewilligung 04.04.2016"),
}  # fmt: skip


@frozen
class KommunalesIntegrationszentrum:
    """Ein Kommunales Integrationszentrum und sein Träger.

    >>> from kim_nrw.zentren import ki
    >>> heinsberg = ki("05370")
    >>> heinsberg.name
    'Kommunales Integrationszentrum Kreis Heinsberg'
    >>> heinsberg.gruendung.jahr
    2014
    """

    traeger: KITraeger = field(
        validator=Typ((Kreis, KreisfreieStadt, KreisangehoerigeGemeinde), "ein KI-Träger")
    )
    gruendung: Gruendung | None = field(
        validator=Typ((Gruendung,), "eine Gründung", optional=True)
    )

    @property
    def schluessel(self) -> str:
        """Der Schlüssel des Trägers (5 Ziffern; Stadt Aachen: ihr AGS)."""
        if isinstance(self.traeger, KreisfreieStadt):
            return str(self.traeger.kreisschluessel)
        return str(self.traeger.schluessel)

    @property
    def name(self) -> str:
        """Z. B. ``Kommunales Integrationszentrum Stadt Aachen``."""
        return f"Kommunales Integrationszentrum {self.traeger.bezeichnung}"

    @property
    def regierungsbezirk(self) -> Regierungsbezirk:
        """Der Regierungsbezirk des Trägers."""
        return self.traeger.regierungsbezirk

    @property
    def kommunen(self) -> tuple[KreisfreieStadt | KreisangehoerigeGemeinde, ...]:
        """Die Gemeinden, für die dieses KI zuständig ist."""
        if isinstance(self.traeger, Kreis):
            return tuple(g for g in self.traeger.gemeinden if not _hat_eigenes_ki(g))
        return (self.traeger,)


def _hat_eigenes_ki(gemeinde: KreisangehoerigeGemeinde) -> bool:
    return gemeinde.sonderstatus is not None and gemeinde.sonderstatus.eigenes_ki


@einmal
def ki_register() -> tuple[KommunalesIntegrationszentrum, ...]:
    """Alle 54 KI, nach Schlüssel des Trägers geordnet.

    >>> from kim_nrw.zentren import ki_register
    >>> len(ki_register())
    54
    """
    return tuple(
        KommunalesIntegrationszentrum(t, _GRUENDUNGEN.get(str(t.schluessel)))
        for t in register().ki_traeger()
    )


@einmal
def _nach_traeger() -> Mapping[str, KommunalesIntegrationszentrum]:
    index = {str(z.traeger.schluessel): z for z in ki_register()}
    index.update({z.schluessel: z for z in ki_register()})
    return index


def zustaendiges_ki(kommune: Gebietseinheit | str) -> KommunalesIntegrationszentrum:
    """Das KI, das für eine Kommune zuständig ist.

    Eine Gemeinde gehört zum KI ihres Kreises, eine kreisfreie Stadt und Stadt
    Aachen zu ihrem eigenen, die übrigen Gemeinden der StädteRegion zu deren KI.
    Statt einer Kommune geht auch ihr Schlüssel oder Name.

    >>> from kim_nrw.zentren import zustaendiges_ki
    >>> zustaendiges_ki("Erkelenz").traeger.name
    'Heinsberg'
    >>> zustaendiges_ki("05334002").name
    'Kommunales Integrationszentrum Stadt Aachen'
    >>> zustaendiges_ki("Eschweiler").name
    'Kommunales Integrationszentrum Städteregion Aachen'
    """
    einheit = register().finde(kommune) if isinstance(kommune, str) else kommune
    if isinstance(einheit, Regierungsbezirk) or not isinstance(
        einheit, Kreis | KreisfreieStadt | KreisangehoerigeGemeinde
    ):
        raise UngueltigeEingabe(
            "Kommune", kommune, "eine Gemeinde, ein Kreis oder eine kreisfreie Stadt"
        )
    if isinstance(einheit, KreisangehoerigeGemeinde) and not _hat_eigenes_ki(einheit):
        return _nach_traeger()[str(einheit.kreisschluessel)]
    return _nach_traeger()[str(einheit.schluessel)]


def ki(anfrage: str) -> KommunalesIntegrationszentrum:
    """Ein KI nach Schlüssel oder Name seines Trägers.

    Anders als :func:`zustaendiges_ki` nimmt ``ki`` nur Träger an: eine
    kreisangehörige Gemeinde ohne eigenes KI ist ein Fehler.
    """
    einheit = register().finde(anfrage)
    treffer = _nach_traeger().get(str(einheit.schluessel))
    if treffer is None:
        raise NichtGefunden(
            "KI mit Träger", anfrage,
            f"{einheit.name} trägt kein eigenes KI; zuständig: {zustaendiges_ki(einheit).name}"
            if not isinstance(einheit, Regierungsbezirk) else "ein Regierungsbezirk trägt kein KI",
        )  # fmt: skip
    return treffer

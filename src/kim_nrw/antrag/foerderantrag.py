"""Der Förderantrag: wer beantragt was, für welchen Zeitraum, mit welchen Stellen.

Der Antrag hält nur fest, was die Kommune angibt. Ob das förderfähig ist,
entscheidet :mod:`kim_nrw.pruefung`; der Konstruktor prüft nur, dass jeder Wert
seine Form hat. Jede Tatsache, nach der das Recht fragt, darf unbekannt sein
(``None``): die Prüfung weist die betroffene Bedingung dann als „unbekannt“ aus,
statt zu raten.

Ein :data:`Nachweis` (Ratsbeschluss, Integrationskonzept) ist ein Datum (liegt
vor, beschlossen an diesem Tag), ``True`` (liegt vor, Datum unbekannt),
``False`` (liegt nicht vor) oder ``None`` (unbekannt).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import cast

from attrs import field, frozen

from kim_nrw.antrag.validierung import datum, folge, nachweis, tatsache, text, typ
from kim_nrw.fehler import UngueltigeEingabe
from kim_nrw.gebiet import AGS, Kommune, Kreisschluessel, register
from kim_nrw.geld import Betrag, Stellenanteil
from kim_nrw.programme import Programmteil, Stellenfunktion
from kim_nrw.zeit import Zeitraum

__all__ = [
    "Drittmittel",
    "Foerderantrag",
    "Nachweis",
    "Stelle",
    "Stellenfunktion",
    "Weiterleitung",
    "Zusatzstelle",
]

Nachweis = date | bool | None
"""Datum (liegt vor seit), ``True`` (liegt vor), ``False`` (nicht), ``None`` (unbekannt)."""


@frozen
class Stelle:
    """Eine beantragte Stelle: Funktion und Umfang in VZÄ.

    >>> from kim_nrw.antrag import Stelle, Stellenfunktion
    >>> from kim_nrw.geld import Stellenanteil
    >>> str(Stelle(Stellenfunktion.CASE_MANAGEMENT, Stellenanteil.parse("0,5")).anteil)
    '0,5'
    """

    funktion: Stellenfunktion = field(
        validator=typ("Stelle.funktion", "eine Stellenfunktion", Stellenfunktion)
    )
    anteil: Stellenanteil = field(
        validator=typ("Stelle.anteil", "ein Stellenanteil (VZÄ)", Stellenanteil)
    )
    bezeichnung: str = field(default="", validator=text("Stelle.bezeichnung"))


@frozen
class Weiterleitung:
    """Weitergabe eines Teils der Zuwendung an eine Gemeinde oder einen freien Träger
    (§ 9 Abs. 2 TIntG 2021)."""

    empfaenger: str = field(validator=text("Weiterleitung.empfaenger", False))
    betrag: Betrag = field(validator=typ("Weiterleitung.betrag", "ein Betrag", Betrag))
    ags: AGS | None = field(
        default=None, validator=typ("Weiterleitung.ags", "ein AGS oder None", AGS, type(None))
    )


@frozen
class Drittmittel:
    """Andere öffentliche Förderung (EU, Bund, Land, Dritte); § 9 Abs. 4 TIntG 2021."""

    geber: str = field(validator=text("Drittmittel.geber", False))
    betrag: Betrag = field(validator=typ("Drittmittel.betrag", "ein Betrag", Betrag))
    gleicher_zweck: bool = field(
        validator=typ("Drittmittel.gleicher_zweck", "true oder false", bool)
    )


@frozen
class Zusatzstelle:
    """Zusätzliche Koordinierungsstelle (KIM Baustein 1) für eine kreisangehörige Gemeinde
    mit Ausländerbehörde, Jugendamt und Integrationsrat, beantragt über ihren Kreis."""

    gemeinde: AGS = field(validator=typ("Zusatzstelle.gemeinde", "ein AGS", AGS))
    auslaenderbehoerde: bool | None = field(
        default=None, validator=tatsache("Zusatzstelle.auslaenderbehoerde")
    )
    jugendamt: bool | None = field(default=None, validator=tatsache("Zusatzstelle.jugendamt"))
    integrationsrat: bool | None = field(
        default=None, validator=tatsache("Zusatzstelle.integrationsrat")
    )


def _pruefe_antragsteller(_instanz: object, _attribut: object, wert: AGS | Kreisschluessel) -> None:
    if not isinstance(wert, AGS | Kreisschluessel):
        raise UngueltigeEingabe(
            "Foerderantrag.antragsteller", wert, "ein AGS oder Kreisschlüssel einer Kommune"
        )
    register().nach_schluessel(wert)  # unbekannt: NichtGefunden mit dem Schlüssel


def _pruefe_betrag_oder_none(_instanz: object, _attribut: object, wert: Betrag | None) -> None:
    if wert is not None and not isinstance(wert, Betrag):
        raise UngueltigeEingabe(
            "Foerderantrag.beantragter_betrag", wert, "ein Betrag oder None (nicht angegeben)"
        )


_pruefe_drittmittel_folge = folge("Foerderantrag.andere_foerderung", Drittmittel)


def _pruefe_drittmittel(
    _instanz: object, _attribut: object, wert: tuple[Drittmittel, ...] | None
) -> None:
    if wert is not None:
        _pruefe_drittmittel_folge(None, None, wert)


@frozen
class Foerderantrag:
    """Ein Antrag einer Kommune auf Förderung eines Programmteils für einen Zeitraum.

    ``antragsteller`` ist der Schlüssel der Kommune: fünfstellig für Kreise,
    die StädteRegion und kreisfreie Städte, der AGS für Gemeinden (Stadt Aachen:
    ``05334002``).

    >>> from datetime import date
    >>> from kim_nrw.antrag import Foerderantrag, Stelle, Stellenfunktion
    >>> from kim_nrw.gebiet import Kreisschluessel
    >>> from kim_nrw.geld import Stellenanteil
    >>> from kim_nrw.programme import Programmteil, Stellenfunktion
    >>> from kim_nrw.zeit import Zeitraum
    >>> antrag = Foerderantrag(
    ...     antragsteller=Kreisschluessel("05370"),
    ...     programmteil=Programmteil.KIM_B2,
    ...     zeitraum=Zeitraum.jahr(2021),
    ...     stellen=(Stelle(Stellenfunktion.CASE_MANAGEMENT, Stellenanteil.von(1)),),
    ...     ki_vorhanden=True,
    ... )
    >>> antrag.kommune.bezeichnung, antrag.stellen_summe
    ('Kreis Heinsberg', Decimal('1'))
    """

    antragsteller: AGS | Kreisschluessel = field(validator=_pruefe_antragsteller)
    programmteil: Programmteil = field(
        validator=typ("Foerderantrag.programmteil", "ein Programmteil", Programmteil)
    )
    zeitraum: Zeitraum = field(validator=typ("Foerderantrag.zeitraum", "ein Zeitraum", Zeitraum))
    stellen: tuple[Stelle, ...] = field(
        default=(), validator=folge("Foerderantrag.stellen", Stelle)
    )
    sonstige_kosten: Betrag = field(
        factory=Betrag.null,
        validator=typ("Foerderantrag.sonstige_kosten", "ein Betrag", Betrag),
    )
    beantragter_betrag: Betrag | None = field(default=None, validator=_pruefe_betrag_oder_none)
    antragsdatum: date | None = field(default=None, validator=datum("Foerderantrag.antragsdatum"))
    ki_vorhanden: bool | None = field(
        default=None, validator=tatsache("Foerderantrag.ki_vorhanden")
    )
    ratsbeschluss: Nachweis = field(default=None, validator=nachweis("Foerderantrag.ratsbeschluss"))
    integrationskonzept: Nachweis = field(
        default=None, validator=nachweis("Foerderantrag.integrationskonzept")
    )
    lenkungsgruppe: bool | None = field(
        default=None, validator=tatsache("Foerderantrag.lenkungsgruppe")
    )
    kim_konzept: bool | None = field(default=None, validator=tatsache("Foerderantrag.kim_konzept"))
    koordination_am_ki: bool | None = field(
        default=None, validator=tatsache("Foerderantrag.koordination_am_ki")
    )
    eigene_auslaenderbehoerde: bool | None = field(
        default=None, validator=tatsache("Foerderantrag.eigene_auslaenderbehoerde")
    )
    zusatzstelle: Zusatzstelle | None = field(
        default=None,
        validator=typ("Foerderantrag.zusatzstelle", "eine Zusatzstelle oder None",
                       Zusatzstelle, type(None)),
    )  # fmt: skip
    weiterleitungen: tuple[Weiterleitung, ...] = field(
        default=(), validator=folge("Foerderantrag.weiterleitungen", Weiterleitung)
    )
    andere_foerderung: tuple[Drittmittel, ...] | None = field(
        default=None, validator=_pruefe_drittmittel
    )

    @property
    def kommune(self) -> Kommune:
        """Die antragstellende Kommune aus dem Register."""
        # ein AGS oder Kreisschlüssel bezeichnet nie einen Regierungsbezirk
        return cast(Kommune, register().nach_schluessel(self.antragsteller))

    @property
    def stellen_summe(self) -> Decimal:
        """Die Summe aller beantragten Stellenanteile in VZÄ."""
        return sum((s.anteil.wert for s in self.stellen), Decimal(0))

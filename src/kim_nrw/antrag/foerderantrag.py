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

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, cast

from attrs import field

from kim_nrw._modell import frozen
from kim_nrw._veraltet import warne
from kim_nrw.fehler import UngueltigeEingabe
from kim_nrw.gebiet import (
    AGS,
    Kommune,
    Kreis,
    KreisangehoerigeGemeinde,
    KreisfreieStadt,
    Kreisschluessel,
    register,
)
from kim_nrw.geld import Betrag, Stellenanteil
from kim_nrw.programme import Programmteil, Stellenfunktion
from kim_nrw.validatoren import (
    Aufzaehlung,
    Datum,
    Folge,
    Ganzzahl,
    Text,
    Typ,
    Validator,
    Wahrheitswert,
    feldname,
    ganz,
)
from kim_nrw.validatoren import Nachweis as _Nachweisvalidator
from kim_nrw.zeit import HAUSHALTSJAHR_MAX, HAUSHALTSJAHR_MIN, Zeitraum

__all__ = [
    "Ankommenstreffpunkt",
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

# Die Validatoren der Felder, je einer; Werttypen prüfen ihren Inhalt selbst.
TEXT = Text(rand=True, max_laenge=500)
"""Ein Freitext aus Formularen: nicht leer (nicht nur Leerzeichen), höchstens 500 Zeichen."""
TEXT_ODER_LEER = Text(leer=True, rand=True, max_laenge=500)
"""Ein Freitext, der auch leer sein darf."""
BETRAG = Typ((Betrag,), "ein Betrag")
ZEITRAUM = Typ((Zeitraum,), "ein Zeitraum")
_TATSACHE = Wahrheitswert(optional=True)
_NACHWEIS = _Nachweisvalidator(optional=True)
_AGS_ODER_NONE = Typ((AGS,), "ein AGS", optional=True)


@frozen
class Stelle:
    """Eine beantragte Stelle: Funktion und Umfang in VZÄ.

    :param funktion: Stellenfunktion – wofür die Stelle da ist (Koordination, Case
        Management …); sie bestimmt, welcher Programmteil sie fördert.
    :param anteil: Stellenumfang (VZÄ) – in Vollzeitäquivalenten, 0 < x ≤ 1.
    :param bezeichnung: Bezeichnung – eine freie Bezeichnung der Stelle (darf leer sein).

    >>> from kim_nrw.antrag import Stelle, Stellenfunktion
    >>> from kim_nrw.geld import Stellenanteil
    >>> str(Stelle(Stellenfunktion.CASE_MANAGEMENT, Stellenanteil.parse("0,5")).anteil)
    '0,5'
    """

    funktion: Stellenfunktion = field(validator=Aufzaehlung(Stellenfunktion))
    anteil: Stellenanteil = field(validator=Typ((Stellenanteil,), "ein Stellenanteil (VZÄ)"))
    bezeichnung: str = field(default="", validator=TEXT_ODER_LEER)


@frozen
class Weiterleitung:
    """Weitergabe eines Teils der Zuwendung an eine Gemeinde oder einen freien Träger
    (§ 9 Abs. 2 TIntG 2021).

    :param empfaenger: Empfänger – der Name der Gemeinde oder des Trägers.
    :param betrag: Betrag – der weitergeleitete Betrag in Euro.
    :param ags: AGS der Gemeinde – der Gemeindeschlüssel, wenn der Empfänger eine Gemeinde
        ist; sonst leer.
    """

    empfaenger: str = field(validator=TEXT)
    betrag: Betrag = field(validator=BETRAG)
    ags: AGS | None = field(default=None, validator=_AGS_ODER_NONE)


@frozen
class Drittmittel:
    """Andere öffentliche Förderung (EU, Bund, Land, Dritte); § 9 Abs. 4 TIntG 2021.

    :param geber: Geber – wer die andere Förderung gibt (EU, Bund, Land, Dritte).
    :param betrag: Betrag – die Höhe der anderen Förderung in Euro.
    :param gleicher_zweck: Für denselben Zweck – ob sie denselben Zweck fördert wie der Antrag.
    """

    geber: str = field(validator=TEXT)
    betrag: Betrag = field(validator=BETRAG)
    gleicher_zweck: bool = field(validator=Wahrheitswert())


@frozen
class Zusatzstelle:
    """Zusätzliche Koordinierungsstelle (KIM Baustein 1) für eine kreisangehörige Gemeinde
    mit Ausländerbehörde, Jugendamt und Integrationsrat, beantragt über ihren Kreis.

    :param gemeinde: Gemeinde (AGS) – die kreisangehörige Gemeinde, für die die Stelle ist.
    :param auslaenderbehoerde: Eigene Ausländerbehörde – ob die Gemeinde eine hat (leer:
        unbekannt).
    :param jugendamt: Eigenes Jugendamt – ob die Gemeinde eines hat (leer: unbekannt).
    :param integrationsrat: Integrationsrat – ob die Gemeinde einen Integrationsrat oder
        -ausschuss hat (leer: unbekannt).
    """

    gemeinde: AGS = field(validator=Typ((AGS,), "ein AGS"))
    auslaenderbehoerde: bool | None = field(default=None, validator=_TATSACHE)
    jugendamt: bool | None = field(default=None, validator=_TATSACHE)
    integrationsrat: bool | None = field(default=None, validator=_TATSACHE)


_RAEUME = Ganzzahl(minimum=0, maximum=1000)


@frozen
class Ankommenstreffpunkt:
    """Ein Gebäude mit einem Ankommenstreffpunkt (KOMM-AN Programmteil II, Baustein A): wie
    viele Räume renoviert und wie viele ausgestattet werden sollen.

    Je Raum gibt es eine Pauschale für die Renovierung und eine für die Ausstattung, je
    Gebäude höchstens so viele, wie der Parameter
    ``komman.ii.ankommenstreffpunkt.pauschalen_je_gebaeude`` sagt; die Prüfung rechnet
    daraus den Höchstbetrag.

    :param bezeichnung: Bezeichnung – der Name oder die Adresse des Gebäudes.
    :param raeume_renovierung: Räume zur Renovierung – wie viele Räume renoviert werden.
    :param raeume_ausstattung: Räume zur Ausstattung – wie viele Räume ausgestattet werden.

    >>> from kim_nrw.antrag import Ankommenstreffpunkt
    >>> Ankommenstreffpunkt("Begegnungscafé Marktstraße", raeume_renovierung=3, raeume_ausstattung=1)
    Ankommenstreffpunkt(bezeichnung='Begegnungscafé Marktstraße', raeume_renovierung=3, raeume_ausstattung=1)
    """  # noqa: E501

    bezeichnung: str = field(validator=TEXT)
    raeume_renovierung: int = field(default=0, validator=_RAEUME)
    raeume_ausstattung: int = field(default=0, validator=_RAEUME)


@frozen
class _Antragszeitraum(Validator):
    """Ein Zeitraum in den Haushaltsjahren, die kim_nrw kennt (:data:`ANTRAGSZEITRAUM`)."""

    def __call__(self, instanz: Any, attribut: Any, wert: Any) -> None:
        if not (
            wert.__class__ is Zeitraum
            and wert.beginn.year >= HAUSHALTSJAHR_MIN
            and wert.ende.year <= HAUSHALTSJAHR_MAX
        ):
            Validator.__call__(self, instanz, attribut, wert)

    def gilt(self, wert: object) -> bool:
        return (
            isinstance(wert, Zeitraum)
            and wert.beginn.year >= HAUSHALTSJAHR_MIN
            and wert.ende.year <= HAUSHALTSJAHR_MAX
        )

    def beschreibung(self) -> str:
        return (
            f"ein Zeitraum in den Haushaltsjahren {HAUSHALTSJAHR_MIN} bis {HAUSHALTSJAHR_MAX} "
            f"(01.01.{HAUSHALTSJAHR_MIN} bis 31.12.{HAUSHALTSJAHR_MAX})"
        )

    def json_schema(self) -> dict[str, Any]:
        # Das Muster von Zeitraum, mit Jahren 2000..2100 (ein Haushaltsjahr ist es schon).
        tag = "(?:20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}"
        return {"pattern": ganz(f"{tag}/{tag}|20[0-9]{{2}}|2100")}


ANTRAGSZEITRAUM = _Antragszeitraum()
"""Der Zeitraum eines Antrags liegt in den Haushaltsjahren 2000 bis 2100.

Eine technische Grenze, dieselbe wie für :class:`~kim_nrw.zeit.Haushaltsjahr`
(:data:`~kim_nrw.zeit.HAUSHALTSJAHR_MIN`, :data:`~kim_nrw.zeit.HAUSHALTSJAHR_MAX`):
die Prüfung teilt den Antragszeitraum in Haushaltsjahre, ihr Aufwand wächst mit der
Zahl der Jahre. Ein Antrag bis ins Jahr 9999 ist kein Antrag, sondern ein Tippfehler;
er wird beim Bau abgelehnt, statt Sekunden lang geprüft zu werden.
"""


# Der Konstruktor nimmt Schlüssel, keine Texte und keine Kommunen: er wandelt nichts um
# (design.md: keine Konverter an öffentlichen Konstruktoren); die Meldung sagt, wie es geht.
_KEIN_TEXT = (
    'ein AGS oder Kreisschluessel, kein Text: Kreisschluessel("05711") bzw. AGS("05370016") '
    "(aus JSON liest kim_nrw.serial.lade den Text)"
)
_KEINE_KOMMUNE = "ein AGS oder Kreisschluessel, nicht die Kommune selbst: kommune.schluessel"


@frozen
class _Antragsteller(Validator):
    """Der Schlüssel einer Kommune, die das Gebietsregister kennt (unbekannt: NichtGefunden)."""

    def __call__(self, instanz: Any, attribut: Any, wert: Any) -> None:
        if wert.__class__ is not AGS and wert.__class__ is not Kreisschluessel:
            if isinstance(wert, str):
                raise UngueltigeEingabe(feldname(instanz, attribut), wert, _KEIN_TEXT)
            if isinstance(wert, Kreis | KreisfreieStadt | KreisangehoerigeGemeinde):
                raise UngueltigeEingabe(feldname(instanz, attribut), wert, _KEINE_KOMMUNE)
            Validator.__call__(self, instanz, attribut, wert)
        register().nach_schluessel(wert)

    def gilt(self, wert: object) -> bool:
        return isinstance(wert, AGS | Kreisschluessel)

    def beschreibung(self) -> str:
        return "ein AGS oder Kreisschlüssel einer Kommune im Gebietsregister"

    def schema_typ(self) -> object:
        return Kommune


_PROGRAMMTEILE = Folge(
    Aufzaehlung(Programmteil), mindestens=1, eindeutig=True,
    text="ein Tupel von Programmteilen: mindestens einer, jeder nur einmal",
)  # fmt: skip
_REIHENFOLGE = {t: i for i, t in enumerate(Programmteil)}


def _teile(programmteile: Programmteil | Iterable[Programmteil]) -> object:
    """Ein Teil oder mehrere als Tupel in der Reihenfolge von :class:`Programmteil`."""
    if programmteile.__class__ is Programmteil:
        return (programmteile,)
    if (
        programmteile.__class__ is tuple
        and len(programmteile) == 1
        and programmteile[0].__class__ is Programmteil
    ):
        return programmteile  # ein Teil (der häufige Fall, etwa aus JSON): schon geordnet
    if isinstance(programmteile, tuple | list | frozenset | set) and all(
        t.__class__ is Programmteil for t in programmteile
    ):
        geordnet = tuple(sorted(programmteile, key=_REIHENFOLGE.__getitem__))
        return programmteile if programmteile == geordnet else geordnet
    return programmteile  # der Validator meldet, was daran falsch ist


@frozen(init=False)
class Foerderantrag:
    """Ein Antrag einer Kommune auf Förderung eines oder mehrerer Programmteile für einen
    Zeitraum.

    ``antragsteller`` ist der Schlüssel der Kommune: fünfstellig für Kreise, die
    StädteRegion und kreisfreie Städte, der AGS für Gemeinden (Stadt Aachen:
    ``05334002``). ``programmteile`` sind die beantragten Teile – einer, oder bei dem
    gemeinsamen Antrag, den der Förderaufruf 2025 für KIM Baustein 1 und 2 vorschreibt,
    beide; sie stehen in der Reihenfolge von :class:`~kim_nrw.programme.Programmteil`.
    Ob Teile gemeinsam beantragt werden dürfen, entscheidet die Prüfung (Regel
    ``ALLG.GEMEINSAMER_ANTRAG``), nicht der Konstruktor. Für einen Teil genügt der Teil
    selbst an zweiter Stelle. Der ``zeitraum`` liegt in den Haushaltsjahren 2000 bis
    2100 – eine technische Grenze wie bei :class:`~kim_nrw.zeit.Haushaltsjahr`, die den
    Aufwand der Prüfung (je Haushaltsjahr) beschränkt.

    :param antragsteller: Antragsteller – der Schlüssel der Kommune (Kreisschlüssel oder AGS).
    :param programmteile: Programmteile – die beantragten Teile (mindestens einer).
    :param zeitraum: Förderzeitraum – der beantragte Zeitraum (Haushaltsjahre 2000 bis 2100).
    :param stellen: Stellen – die beantragten Stellen mit Funktion und Umfang.
    :param sonstige_kosten: Sonstige Kosten – Sachkosten in Euro neben den Stellen.
    :param beantragter_betrag: Beantragter Betrag – die beantragte Zuwendung in Euro (leer:
        nicht angegeben).
    :param antragsdatum: Antragsdatum – der Tag, an dem der Antrag gestellt wurde (leer:
        unbekannt).
    :param ki_vorhanden: Kommunales Integrationszentrum vorhanden – ob der Antragsteller ein
        KI hat (leer: unbekannt).
    :param ratsbeschluss: Ratsbeschluss – Beschluss von Rat oder Kreistag zur Einrichtung
        des KI: Datum, liegt vor, liegt nicht vor oder unbekannt.
    :param integrationskonzept: Integrationskonzept – vom Rat oder Kreistag beschlossenes
        Integrationskonzept: Datum, liegt vor, liegt nicht vor oder unbekannt.
    :param lenkungsgruppe: Lenkungsgruppe – ob eine Lenkungsgruppe auf Leitungsebene besteht
        (leer: unbekannt).
    :param kim_konzept: KIM-Konzept – ob ein örtliches KIM-Konzept nach dem Handlungskonzept
        vorliegt (leer: unbekannt).
    :param koordination_am_ki: Koordination am KI – ob die koordinierenden Stellen am KI
        angebunden sind (leer: unbekannt).
    :param eigene_auslaenderbehoerde: Eigene Ausländerbehörde – ob der Antragsteller eine
        eigene Ausländer- oder Einbürgerungsbehörde führt (leer: unbekannt).
    :param zusatzstelle: Zusatzstelle – eine zusätzliche Koordinierungsstelle für eine
        kreisangehörige Gemeinde (KIM Baustein 1), oder leer.
    :param weiterleitungen: Weiterleitungen – Teile der Zuwendung, die an Gemeinden oder
        Träger weitergegeben werden.
    :param andere_foerderung: Andere Förderung – andere öffentliche Mittel für das Vorhaben
        (leer: unbekannt, leere Liste: keine).
    :param ankommenstreffpunkte: Ankommenstreffpunkte – Gebäude mit Räumen, die renoviert
        oder ausgestattet werden (KOMM-AN Programmteil II, Baustein A).

    >>> from datetime import date
    >>> from kim_nrw.antrag import Foerderantrag, Stelle, Stellenfunktion
    >>> from kim_nrw.gebiet import Kreisschluessel
    >>> from kim_nrw.geld import Stellenanteil
    >>> from kim_nrw.programme import Programmteil, Stellenfunktion
    >>> from kim_nrw.zeit import Zeitraum
    >>> antrag = Foerderantrag(
    ...     antragsteller=Kreisschluessel("05370"),
    ...     programmteile=Programmteil.KIM_B2,
    ...     zeitraum=Zeitraum.jahr(2021),
    ...     stellen=(Stelle(Stellenfunktion.CASE_MANAGEMENT, Stellenanteil.von(1)),),
    ...     ki_vorhanden=True,
    ... )
    >>> antrag.kommune.bezeichnung, antrag.stellen_summe, antrag.programmteil.value
    ('Kreis Heinsberg', Decimal('1'), 'KIM.B2')
    >>> gemeinsam = Foerderantrag(Kreisschluessel("05154"),
    ...     (Programmteil.KIM_B2, Programmteil.KIM_B1), Zeitraum.jahr(2025))
    >>> [t.value for t in gemeinsam.programmteile], gemeinsam.ist_gemeinsam
    (['KIM.B1', 'KIM.B2'], True)
    """

    antragsteller: AGS | Kreisschluessel = field(validator=_Antragsteller())
    programmteile: tuple[Programmteil, ...] = field(validator=_PROGRAMMTEILE)
    zeitraum: Zeitraum = field(validator=ANTRAGSZEITRAUM)
    stellen: tuple[Stelle, ...] = field(default=(), validator=Folge(Typ((Stelle,), "eine Stelle")))
    sonstige_kosten: Betrag = field(factory=Betrag.null, validator=BETRAG)
    beantragter_betrag: Betrag | None = field(
        default=None, validator=Typ((Betrag,), "ein Betrag", optional=True)
    )
    antragsdatum: date | None = field(default=None, validator=Datum(optional=True))
    ki_vorhanden: bool | None = field(default=None, validator=_TATSACHE)
    ratsbeschluss: Nachweis = field(default=None, validator=_NACHWEIS)
    integrationskonzept: Nachweis = field(default=None, validator=_NACHWEIS)
    lenkungsgruppe: bool | None = field(default=None, validator=_TATSACHE)
    kim_konzept: bool | None = field(default=None, validator=_TATSACHE)
    koordination_am_ki: bool | None = field(default=None, validator=_TATSACHE)
    eigene_auslaenderbehoerde: bool | None = field(default=None, validator=_TATSACHE)
    zusatzstelle: Zusatzstelle | None = field(
        default=None, validator=Typ((Zusatzstelle,), "eine Zusatzstelle", optional=True)
    )
    weiterleitungen: tuple[Weiterleitung, ...] = field(
        default=(), validator=Folge(Typ((Weiterleitung,), "eine Weiterleitung"))
    )
    andere_foerderung: tuple[Drittmittel, ...] | None = field(
        default=None, validator=Folge(Typ((Drittmittel,), "ein Drittmittel"), optional=True)
    )
    ankommenstreffpunkte: tuple[Ankommenstreffpunkt, ...] = field(
        default=(), validator=Folge(Typ((Ankommenstreffpunkt,), "ein Ankommenstreffpunkt"))
    )

    def __init__(
        self,
        antragsteller: AGS | Kreisschluessel,
        programmteile: Programmteil | Iterable[Programmteil] | None = None,
        zeitraum: Zeitraum | None = None,
        stellen: tuple[Stelle, ...] = (),
        sonstige_kosten: Betrag | None = None,
        beantragter_betrag: Betrag | None = None,
        antragsdatum: date | None = None,
        ki_vorhanden: bool | None = None,
        ratsbeschluss: Nachweis = None,
        integrationskonzept: Nachweis = None,
        lenkungsgruppe: bool | None = None,
        kim_konzept: bool | None = None,
        koordination_am_ki: bool | None = None,
        eigene_auslaenderbehoerde: bool | None = None,
        zusatzstelle: Zusatzstelle | None = None,
        weiterleitungen: tuple[Weiterleitung, ...] = (),
        andere_foerderung: tuple[Drittmittel, ...] | None = None,
        ankommenstreffpunkte: tuple[Ankommenstreffpunkt, ...] = (),
        *,
        programmteil: Programmteil | None = None,
    ) -> None:
        """Nimmt die Felder wie attrs; ``programmteile`` darf ein einzelner Teil sein.

        ``programmteil=`` (ein Teil, als Schlüsselwort) ist veraltet: stattdessen
        ``programmteile=``.
        """
        if programmteil is not None:
            warne("Foerderantrag(programmteil=…)", seit="0.2.0", entfaellt_in="0.4.0",
                  ersatz="Foerderantrag(programmteile=…)")  # fmt: skip
            if programmteile is not None:
                raise UngueltigeEingabe(
                    "Foerderantrag.programmteil", programmteil, "nur eines von programmteil "
                    "(veraltet) und programmteile",
                )  # fmt: skip
            programmteile = programmteil
        self.__attrs_init__(
            antragsteller, _teile(programmteile) if programmteile is not None else None,  # type: ignore[arg-type]
            zeitraum,  # type: ignore[arg-type]  # None meldet der Validator
            stellen, Betrag.null() if sonstige_kosten is None else sonstige_kosten,
            beantragter_betrag, antragsdatum, ki_vorhanden, ratsbeschluss, integrationskonzept,
            lenkungsgruppe, kim_konzept, koordination_am_ki, eigene_auslaenderbehoerde,
            zusatzstelle, weiterleitungen, andere_foerderung, ankommenstreffpunkte,
        )  # fmt: skip

    @property
    def programmteil(self) -> Programmteil:
        """Der beantragte Programmteil eines Antrags auf einen Teil.

        Ein gemeinsamer Antrag hat mehrere (``programmteile``); dann ist die Frage
        nach *dem* Teil falsch gestellt: :class:`~kim_nrw.fehler.UngueltigeEingabe`.
        """
        if len(self.programmteile) != 1:
            raise UngueltigeEingabe(
                "Foerderantrag.programmteil", [t.value for t in self.programmteile],
                "einen Antrag auf genau einen Programmteil (sonst: programmteile)",
            )  # fmt: skip
        return self.programmteile[0]

    @property
    def ist_gemeinsam(self) -> bool:
        """Ob der Antrag mehrere Programmteile umfasst (gemeinsamer Antrag)."""
        return len(self.programmteile) > 1

    @property
    def kommune(self) -> Kommune:
        """Die antragstellende Kommune aus dem Register."""
        # ein AGS oder Kreisschlüssel bezeichnet nie einen Regierungsbezirk
        return cast(Kommune, register().nach_schluessel(self.antragsteller))

    @property
    def stellen_summe(self) -> Decimal:
        """Die Summe aller beantragten Stellenanteile in VZÄ (exakt, in eigenem Decimal-Kontext)."""
        return Stellenanteil.summe(s.anteil for s in self.stellen)

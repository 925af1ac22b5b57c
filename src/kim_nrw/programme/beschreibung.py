"""Beschreibende Modelle der Förderprogramme: was gefördert wird, wer es erhält, worauf es beruht.

Die Kennungen der Programme und ihrer Teile stehen in :mod:`kim_nrw.programme.teile`; die
Angaben selbst stehen in den Datendateien ``kim_nrw/daten/programme/*.toml`` und werden
mit :mod:`kim_nrw.programme.laden` in diese Modelle gelesen:

* :class:`Teilbeschreibung` – Gegenstand, Empfänger, Verfahren, geförderte Stellen,
  Posten des Höchstbetrags, Rechtsgrundlagen je Zeitraum, Beginn, Ende und Nachfolger und
  die Parameter eines Programmteils (KI-Grundförderung, KIM-Baustein, KOMM-AN-Programmteil,
  „Ehrenamt im Kontext Prävention“);
* :class:`Programmbeschreibung` – ein Programm mit seinen Teilen und der
  Bewilligungsbehörde;
* :class:`Vorgaengerprogramm` – „Einwanderung gestalten NRW“ mit seinen zwölf
  Modellkommunen.

Beträge, Stellenzahlen, Daten und die Förderart im Zeitverlauf stehen nicht hier, sondern
als :class:`~kim_nrw.recht.Parameter` in den Paketdaten; die Beschreibungen nennen nur
deren Namen. Wann eine Rechtsgrundlage maßgeblich ist, steht ebenfalls nicht hier: es
folgt aus dem Quellenkatalog (:mod:`kim_nrw.recht.fassungen`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from attrs import field

from kim_nrw import schreibweise
from kim_nrw._modell import frozen
from kim_nrw._veraltet import VeraltetesAttribut
from kim_nrw.fehler import NichtBekannt, NichtGefunden, UngueltigeEingabe
from kim_nrw.gebiet import Gebietsart, Kommune, Kreis, KreisangehoerigeGemeinde, KreisfreieStadt
from kim_nrw.gebiet import register as gebietsregister
from kim_nrw.programme.behoerden import KENNUNG, Bewilligungsbehoerde, bewilligungsbehoerde
from kim_nrw.programme.felder import (
    KURZNAME,
    KURZNAME_ODER_NONE,
    NORM,
    PARAMETERNAME,
    PRAEFIX,
    QUELLEN,
    STICHTAG,
    TEXT,
    TEXT_ODER_LEER,
    TEXTE,
)
from kim_nrw.programme.parameterstand import Parameterstand, parameter_mit_praefix, staende
from kim_nrw.programme.teile import (
    Bezeichnet,
    Foerderart,
    Programm,
    Programmteil,
    Stellenfunktion,
)
from kim_nrw.recht import Gewissheit, Parameterwert, Quellenart, Zitat, parameter, rechtsquelle
from kim_nrw.recht.fassungen import massgeblich
from kim_nrw.validatoren import Aufzaehlung, Datum, Folge, Ganzzahl, Muster, Typ, Wahrheitswert

__all__ = [
    "Baustein",
    "Empfaenger",
    "GefoerderteStellen",
    "Grenze",
    "Grundlagenluecke",
    "Modellkommune",
    "Obergrenze",
    "Posten",
    "Programmbeschreibung",
    "Raumpauschalen",
    "Rechtsgrundlage",
    "Sachkosten",
    "Teilbeschreibung",
    "Vorgaengerprogramm",
    "empfaengerart",
]


class Empfaenger(Bezeichnet):
    """Wer eine Zuwendung erhalten kann (Zuwendungsempfänger), nach Rechtsstellung.

    ``STADT_AACHEN`` steht für die regionsangehörige Stadt mit der Rechtsstellung einer
    kreisfreien Stadt (Aachen-Gesetz): ihr Schlüssel ist der einer Gemeinde, sie hat aber
    ein eigenes KI. Sie ist bewusst eine eigene Art, weil sie nicht alles erhält, was
    kreisfreie Städte erhalten (KIM Baustein 3 geht an die StädteRegion).
    """

    KREIS = "kreis", "Kreis"
    STAEDTEREGION = "staedteregion", "StädteRegion Aachen"
    KREISFREIE_STADT = "kreisfreie_stadt", "kreisfreie Stadt"
    STADT_AACHEN = (
        "stadt_aachen",
        "Stadt Aachen (regionsangehörig, Rechtsstellung kreisfreie Stadt)",
    )
    KREISANGEHOERIGE_GEMEINDE = "kreisangehoerige_gemeinde", "kreisangehörige Gemeinde"
    WOHLFAHRTSVERBAND = (
        "wohlfahrtsverband",
        "Wohlfahrtsverband (Träger von Integrationsagenturen)",
    )


def empfaengerart(kommune: Kommune) -> Empfaenger:
    """Die Empfängerart einer Kommune nach ihrer Rechtsstellung, nicht nach dem Schlüssel.

    >>> from kim_nrw.gebiet import register
    >>> from kim_nrw.programme import empfaengerart
    >>> empfaengerart(register().gemeinde("05334002")).value
    'stadt_aachen'
    >>> empfaengerart(register().kreis("05334")).value
    'staedteregion'
    """
    if isinstance(kommune, Kreis):
        if kommune.art is Gebietsart.STAEDTEREGION:
            return Empfaenger.STAEDTEREGION
        return Empfaenger.KREIS
    if isinstance(kommune, KreisfreieStadt):
        return Empfaenger.KREISFREIE_STADT
    if isinstance(kommune, KreisangehoerigeGemeinde):
        if kommune.ist_kreisfrei:
            return Empfaenger.STADT_AACHEN
        return Empfaenger.KREISANGEHOERIGE_GEMEINDE
    raise UngueltigeEingabe(
        "kommune", kommune, "ein Kreis, eine kreisfreie Stadt oder eine Gemeinde aus dem Register"
    )


_EMPFAENGERARTEN = Folge(Aufzaehlung(Empfaenger), eindeutig=True)


# -- Rechtsgrundlagen -----------------------------------------------------------------------


@frozen
class Rechtsgrundlage:
    """Eine Rechtsgrundlage eines Programmteils: eine Quelle (mit Norm) und wann sie gilt.

    Wann die Quelle für den Teil maßgeblich ist, steht nicht hier, sondern folgt aus dem
    Quellenkatalog (:func:`kim_nrw.recht.fassungen.massgeblich`): von ihrem Beginn bis zum
    Tag vor der Fassung, die sie ersetzt. Weicht der Zeitraum davon ab, nennen ``ab`` und
    ``bis`` die Quelle, deren Beginn bzw. Ende er übernimmt – etwa die VV zu § 44 LHO, die
    so lange maßgeblich ist wie die Richtlinie, die sie zitiert.

    >>> from datetime import date
    >>> from kim_nrw.recht import Gewissheit
    >>> from kim_nrw.programme import Rechtsgrundlage
    >>> g = Rechtsgrundlage("TIntG-2021", "§ 9", Gewissheit.BESTAETIGT)
    >>> g.gilt_am(date(2021, 12, 31)), g.gilt_am(date(2022, 1, 1)), g.zeitraum
    (False, True, 'ab 01.01.2022')
    >>> g.zitat().text
    '§ 9 TIntG 2021 (GV. NRW. S. 1213a)'
    >>> Rechtsgrundlage("VV-LHO-44-2003", ab="KI-RL-2018", bis="KI-RL-2018").zeitraum
    '27.03.2018–09.03.2023'
    """

    quelle: str = field(validator=KURZNAME)
    norm: str | None = field(default=None, validator=NORM)
    gewissheit: Gewissheit = field(default=Gewissheit.ABGELEITET, validator=Aufzaehlung(Gewissheit))
    anmerkung: str = field(default="", validator=TEXT_ODER_LEER)
    ab: str | None = field(default=None, validator=KURZNAME_ODER_NONE, kw_only=True)
    bis: str | None = field(default=None, validator=KURZNAME_ODER_NONE, kw_only=True)

    status = VeraltetesAttribut("gewissheit", seit="0.2.0", entfaellt_in="0.4.0")

    @property
    def gilt_ab(self) -> date:
        """Der erste Tag, an dem die Quelle maßgeblich ist (Beginn von ``ab`` oder ``quelle``)."""
        beginn = massgeblich(self.ab or self.quelle).ab
        if beginn is None:
            raise NichtBekannt(f"Der Beginn von {self.ab or self.quelle} ist nicht belegt")
        return beginn

    @property
    def gilt_bis(self) -> date | None:
        """Der letzte Tag (Ende von ``bis`` oder ``quelle``); ``None``: bis auf Weiteres."""
        return massgeblich(self.bis or self.quelle).bis

    def gilt_am(self, stichtag: date) -> bool:
        """Ob die Grundlage am ``stichtag`` für den Programmteil maßgeblich ist."""
        STICHTAG(None, "stichtag", stichtag)
        ende = self.gilt_bis
        return self.gilt_ab <= stichtag and (ende is None or stichtag <= ende)

    @property
    def zeitraum(self) -> str:
        """Der Zeitraum als Text, z. B. ``27.03.2018–09.03.2023``."""
        return schreibweise.spanne(self.gilt_ab, self.gilt_bis)

    def zitat(self) -> Zitat:
        """Das Zitat aus dem Quellenkatalog (liest den Katalog beim ersten Gebrauch)."""
        return rechtsquelle(self.quelle).zitiere(self.norm)


@frozen
class Grundlagenluecke:
    """Ein Zeitraum, in dem die Rechtsgrundlage eines Programmteils nicht belegt ist.

    :param gilt_ab: erster Tag der Lücke.
    :param grund: warum nichts belegt ist.
    :param gilt_bis: letzter Tag; ``None``: bis auf Weiteres.
    :param quellen: wo gesucht wurde (Kurznamen).
    """

    gilt_ab: date = field(validator=Datum())
    grund: str = field(validator=TEXT)
    gilt_bis: date | None = field(default=None, validator=Datum(optional=True))
    quellen: tuple[str, ...] = field(default=(), validator=Folge(KURZNAME, eindeutig=True))

    def __attrs_post_init__(self) -> None:
        if self.gilt_bis is not None and self.gilt_bis < self.gilt_ab:
            raise UngueltigeEingabe("gilt_bis", self.gilt_bis, "nicht vor gilt_ab")

    def enthaelt(self, stichtag: date) -> bool:
        """Ob die Lücke den ``stichtag`` umfasst."""
        STICHTAG(None, "stichtag", stichtag)
        return self.gilt_ab <= stichtag and (self.gilt_bis is None or stichtag <= self.gilt_bis)

    @property
    def zeitraum(self) -> str:
        """Der Zeitraum als Text."""
        return schreibweise.spanne(self.gilt_ab, self.gilt_bis)


# -- Was ein Teil fördert --------------------------------------------------------------------


@frozen
class GefoerderteStellen:
    """Welche Stellenfunktionen ein Programmteil fördert, und wo das steht.

    Ein Teil ohne Funktionen fördert Maßnahmen, keine Stellen (KOMM-AN II und III).
    """

    funktionen: tuple[Stellenfunktion, ...] = field(
        validator=Folge(Aufzaehlung(Stellenfunktion), eindeutig=True)
    )
    quelle: str = field(validator=KURZNAME)


@frozen
class Grenze:
    """Ein Parameter, der etwas begrenzt, und für welche Empfänger er gilt (leer: für alle)."""

    parameter: str = field(validator=PARAMETERNAME)
    fuer: tuple[Empfaenger, ...] = field(default=(), validator=_EMPFAENGERARTEN)

    def gilt_fuer(self, empfaenger: Empfaenger) -> bool:
        """Ob die Grenze für diese Empfängerart gilt."""
        return not self.fuer or empfaenger in self.fuer


@frozen
class Obergrenze(Grenze):
    """Der Höchstbetrag eines Programmteils je Jahr – und was er deckt.

    :param parameter: Name des Parameters mit dem Betrag je Jahr.
    :param fuer: für welche Empfänger er gilt (leer: für alle).
    :param mit_sachkosten: ob die Sachkosten (:class:`Sachkosten`) unter der Grenze liegen
        (``True``) oder neben ihr hinzukommen (``False``: die Grenze deckt nur die Stellen).
    :param anmerkung: woher das kommt (belegt oder gefolgert).

    >>> from kim_nrw.programme import teil, Programmteil
    >>> g = teil(Programmteil.KI).obergrenze
    >>> g.parameter, g.mit_sachkosten
    ('ki.hoechstbetrag_kreis', False)
    """

    mit_sachkosten: bool = field(default=False, validator=Wahrheitswert(), kw_only=True)
    anmerkung: str = field(default="", validator=TEXT_ODER_LEER, kw_only=True)


_VZAE = Muster(r"[0-9]+(?:\.[0-9]+)?", "ein Stellenumfang als Text, z. B. '1' oder '0.5'")


@frozen
class Posten:
    """Eine geförderte Stellenfunktion im Höchstbetrag: ``betrag`` gilt je ``je_vzae`` VZÄ.

    :param funktion: die Stellenfunktion.
    :param betrag: Name des Parameters mit dem Betrag je Einheit und Jahr.
    :param je_vzae: die Einheit des Betrags in VZÄ (``"0.5"``: je halbe Stelle).
    :param hoechstumfang: Parameter mit der Höchstzahl geförderter VZÄ; es gilt die erste
        Grenze für den Empfänger, ohne Grenze ist der Umfang nicht begrenzt.
    :param zuschlag_zusatzstelle: Parameter mit den VZÄ, um die der Höchstumfang je
        beantragter Zusatzstelle für eine kreisangehörige Gemeinde wächst (KIM Baustein 1),
        sofern die Gemeinde deren Voraussetzungen erfüllt; ``None``: kein Zuschlag.
    """

    funktion: Stellenfunktion = field(validator=Aufzaehlung(Stellenfunktion))
    betrag: str = field(validator=PARAMETERNAME)
    je_vzae: str = field(default="1", validator=_VZAE)
    hoechstumfang: tuple[Grenze, ...] = field(
        default=(), validator=Folge(Typ((Grenze,), "eine Grenze"))
    )
    zuschlag_zusatzstelle: str | None = field(
        default=None, validator=Muster(PARAMETERNAME.muster, PARAMETERNAME.text, optional=True)
    )

    @property
    def einheit(self) -> Decimal:
        """Die Einheit des Betrags in VZÄ als Zahl."""
        return Decimal(self.je_vzae)

    def hoechstumfang_fuer(self, empfaenger: Empfaenger) -> str | None:
        """Der Parameter mit der Höchstzahl der VZÄ für diesen Empfänger (oder ``None``)."""
        return next((g.parameter for g in self.hoechstumfang if g.gilt_fuer(empfaenger)), None)


@frozen
class Sachkosten:
    """Sachkosten neben (oder statt) den Stellen, bis zu einem Höchstbetrag je Jahr.

    :param bezeichnung: wofür, z. B. ``Laiensprachmittlerpool``.
    :param hoechstbetrag: Name des Parameters mit dem Betrag je Jahr.
    :param anteilig: ob der Betrag für einen Teil des Jahres nach vollen Monaten gekürzt
        wird (``True``) oder je Haushaltsjahr voll gilt (``False``).
    :param gewissheit: wie sicher ``anteilig`` belegt ist (meist gefolgert).
    :param anmerkung: worauf sich ``anteilig`` stützt.
    :param quellen: Belege dafür (Kurznamen, auch leer).

    >>> from kim_nrw.programme import teil, Programmteil
    >>> s = teil(Programmteil.EHRENAMT_PRAEVENTION).sachkosten
    >>> s.hoechstbetrag, s.anteilig, s.gewissheit.kennung
    ('ehrenamt_praevention.hoechstbetrag_je_ki', False, '[I]')
    """

    bezeichnung: str = field(validator=TEXT)
    hoechstbetrag: str = field(validator=PARAMETERNAME)
    anteilig: bool = field(default=True, validator=Wahrheitswert(), kw_only=True)
    gewissheit: Gewissheit = field(
        default=Gewissheit.ABGELEITET, validator=Aufzaehlung(Gewissheit), kw_only=True
    )
    anmerkung: str = field(default="", validator=TEXT_ODER_LEER, kw_only=True)
    quellen: tuple[str, ...] = field(
        default=(), validator=Folge(KURZNAME, eindeutig=True), kw_only=True
    )


@frozen
class Raumpauschalen:
    """Pauschalen je Raum eines Gebäudes, mit einer Höchstzahl von Räumen je Gebäude.

    KOMM-AN Programmteil II, Baustein A (Ankommenstreffpunkte): je Raum eine Pauschale für
    die Renovierung und eine für die Ausstattung, je Gebäude höchstens so viele Räume je
    Pauschale, wie ``je_gebaeude`` sagt. Der Höchstbetrag eines Antrags ist dann je Gebäude
    ``min(Räume, Höchstzahl) × Pauschale`` für Renovierung und Ausstattung.

    :param renovierung: Parameter mit der Pauschale je Raum für die Renovierung.
    :param ausstattung: Parameter mit der Pauschale je Raum für die Ausstattung.
    :param je_gebaeude: Parameter mit der Höchstzahl der Pauschalen je Gebäude.
    :param quellen: Belege (Kurznamen).

    >>> from kim_nrw.programme import teil, Programmteil
    >>> teil(Programmteil.KOMMAN_II).raumpauschalen.je_gebaeude
    'komman.ii.ankommenstreffpunkt.pauschalen_je_gebaeude'
    """

    renovierung: str = field(validator=PARAMETERNAME)
    ausstattung: str = field(validator=PARAMETERNAME)
    je_gebaeude: str = field(validator=PARAMETERNAME)
    quellen: tuple[str, ...] = field(validator=QUELLEN)


@frozen
class Baustein:
    """Ein Baustein innerhalb eines Programmteils (KOMM-AN Programmteil II: A bis D)."""

    kennung: str = field(validator=TEXT)
    titel: str = field(validator=TEXT)
    inhalt: str = field(validator=TEXT)
    quellen: tuple[str, ...] = field(validator=QUELLEN)


# -- Programmteil und Programm ------------------------------------------------------------


def _folge(typ: type, text: str) -> Folge:
    return Folge(Typ((typ,), text))


@frozen(kw_only=True)
class Teilbeschreibung:
    """Ein Programmteil (KI-Grundförderung, KIM-Baustein, KOMM-AN-Programmteil) in Worten.

    :param teil: die stabile Kennung.
    :param gegenstand: was gefördert wird.
    :param empfaenger: wer die Zuwendung erhalten kann (Arten).
    :param empfaenger_text: dasselbe in Worten, mit Bedingungen und Sonderfällen.
    :param verfahren: wie gefördert wird (Antrag, Pauschale, Fristen) in Worten.
    :param quellen: Belege der Beschreibung (Kurznamen).
    :param praefix: Namenspräfix der Parameter des Teils, z. B. ``kim.b1.``.
    :param parameter_beginn: Name des Parameters mit dem ersten Fördertag (bei KOMM-AN
        programmweit).
    :param parameter_foerderart: Name des Parameters mit der Förderart im Zeitverlauf.
    :param parameter_ende: Name des Parameters mit dem letzten Fördertag; ``None``: kein
        Ende bekannt (der Teil läuft bis auf Weiteres).
    :param abgeloest_durch: der Programmteil, der den Teil nach seinem Ende ersetzt.
    :param stellen: welche Stellenfunktionen der Teil fördert.
    :param posten: die Stellen im Höchstbetrag, je mit Betrag und Höchstumfang.
    :param obergrenze: Parameter mit dem Höchstbetrag je Jahr, für wen er gilt und was er
        deckt.
    :param sachkosten: Sachkosten neben den Stellen.
    :param raumpauschalen: Pauschalen je Raum und Gebäude (KOMM-AN II, Ankommenstreffpunkte).
    :param rechtsgrundlagen: Gesetz, Richtlinien, Erlasse (wann maßgeblich: aus dem Katalog).
    :param grundlagenluecken: Zeiträume, in denen die Rechtsgrundlage nicht belegt ist.
    :param bausteine: Bausteine innerhalb des Teils (KOMM-AN II: A–D).
    :param weiterleitung: ob und wie Mittel an Gemeinden oder Dritte weitergegeben werden.
    :param hinweise: weitere belegte Angaben (Beispiele, Widersprüche).

    >>> from datetime import date
    >>> from kim_nrw.programme import teil, Programmteil
    >>> b2 = teil(Programmteil.KIM_B2)
    >>> b2.foerderart_am(date(2021, 6, 30)).value
    'fachbezogene_pauschale'
    >>> b2.beginn()
    datetime.date(2020, 7, 1)
    >>> [f.bezeichnung for f in b2.stellen.funktionen]
    ['Case Management']
    """

    teil: Programmteil = field(validator=Aufzaehlung(Programmteil))
    gegenstand: str = field(validator=TEXT)
    empfaenger: tuple[Empfaenger, ...] = field(
        validator=Folge(Aufzaehlung(Empfaenger), mindestens=1, eindeutig=True)
    )
    empfaenger_text: str = field(validator=TEXT)
    verfahren: str = field(validator=TEXT)
    quellen: tuple[str, ...] = field(validator=QUELLEN)
    praefix: str = field(validator=PRAEFIX)
    parameter_beginn: str = field(validator=PARAMETERNAME)
    parameter_foerderart: str = field(validator=PARAMETERNAME)
    stellen: GefoerderteStellen = field(
        validator=Typ((GefoerderteStellen,), "die Angabe der geförderten Stellen")
    )
    parameter_ende: str | None = field(
        default=None, validator=Muster(PARAMETERNAME.muster, PARAMETERNAME.text, optional=True)
    )
    abgeloest_durch: Programmteil | None = field(
        default=None, validator=Aufzaehlung(Programmteil, optional=True)
    )
    posten: tuple[Posten, ...] = field(default=(), validator=_folge(Posten, "ein Posten"))
    obergrenze: Obergrenze | None = field(
        default=None, validator=Typ((Obergrenze,), "eine Obergrenze", optional=True)
    )
    sachkosten: Sachkosten | None = field(
        default=None, validator=Typ((Sachkosten,), "Sachkosten", optional=True)
    )
    raumpauschalen: Raumpauschalen | None = field(
        default=None, validator=Typ((Raumpauschalen,), "Raumpauschalen", optional=True)
    )
    rechtsgrundlagen: tuple[Rechtsgrundlage, ...] = field(
        default=(), validator=_folge(Rechtsgrundlage, "eine Rechtsgrundlage")
    )
    grundlagenluecken: tuple[Grundlagenluecke, ...] = field(
        default=(), validator=_folge(Grundlagenluecke, "eine Grundlagenluecke")
    )
    bausteine: tuple[Baustein, ...] = field(default=(), validator=_folge(Baustein, "ein Baustein"))
    weiterleitung: str = field(default="", validator=TEXT_ODER_LEER)
    hinweise: tuple[str, ...] = field(default=(), validator=TEXTE)

    def __attrs_post_init__(self) -> None:
        if not self.parameter_foerderart.startswith(self.praefix):
            raise UngueltigeEingabe(
                "parameter_foerderart",
                self.parameter_foerderart,
                f"einen Namen mit dem Präfix des Teils {self.praefix}",
            )
        fremd = [p.funktion.value for p in self.posten if p.funktion not in self.stellen.funktionen]
        if fremd:
            raise UngueltigeEingabe("posten", fremd, "nur Funktionen aus stellen.funktionen")
        if self.parameter_ende is not None and not self.parameter_ende.startswith(self.praefix):
            raise UngueltigeEingabe(
                "parameter_ende",
                self.parameter_ende,
                f"einen Namen mit dem Präfix des Teils {self.praefix}",
            )
        if self.abgeloest_durch is self.teil:
            raise UngueltigeEingabe("abgeloest_durch", self.teil.value, "ein anderer Teil")

    @property
    def bezeichnung(self) -> str:
        """Der ausgeschriebene Name des Teils."""
        return self.teil.bezeichnung

    @property
    def programm(self) -> Programm:
        """Das Programm, zu dem der Teil gehört."""
        return self.teil.programm

    def beginn(self) -> date:
        """Der erste Tag, an dem der Teil gefördert werden kann (aus den Parametern)."""
        return parameter(self.parameter_beginn).werte[0].datum

    def ende(self) -> Parameterwert | None:
        """Der letzte Fördertag mit Gewissheit und Quellen; ``None``: kein Ende bekannt.

        >>> from kim_nrw.programme import teil, Programmteil
        >>> w = teil(Programmteil.KOMMAN_II).ende()
        >>> w.datum, w.gewissheit.kennung
        (datetime.date(2024, 12, 31), '[I]')
        >>> teil(Programmteil.KIM_B2).ende() is None
        True
        """
        if self.parameter_ende is None:
            return None
        werte = parameter(self.parameter_ende).werte
        return werte[-1] if werte else None

    def laeuft_am(self, stichtag: date) -> bool:
        """Ob der Teil am ``stichtag`` eingeführt und nicht beendet ist.

        Ein Ende zählt auch, wenn es nur gefolgert oder unsicher ist (:meth:`ende` nennt die
        Gewissheit); die Prüfung unterscheidet das.
        """
        STICHTAG(None, "stichtag", stichtag)
        ende = self.ende()
        return stichtag >= self.beginn() and (ende is None or stichtag <= ende.datum)

    def foerderart_am(self, stichtag: date) -> Foerderart:
        """Die Förderart am ``stichtag``.

        Löst :class:`~kim_nrw.fehler.NichtBekannt` aus, wenn sie nicht belegt ist (etwa
        KIM Baustein 2 ab 2025), und :class:`~kim_nrw.fehler.KeinWertAmStichtag` vor
        dem Beginn des Teils.
        """
        STICHTAG(None, "stichtag", stichtag)
        return Foerderart(parameter(self.parameter_foerderart).wert_am(stichtag).text)

    def rechtsgrundlagen_am(self, stichtag: date) -> tuple[Rechtsgrundlage, ...]:
        """Die am ``stichtag`` maßgeblichen Rechtsgrundlagen (kann leer sein, siehe Lücken)."""
        STICHTAG(None, "stichtag", stichtag)
        return tuple(g for g in self.rechtsgrundlagen if g.gilt_am(stichtag))

    def richtlinie_am(self, stichtag: date) -> Rechtsgrundlage | None:
        """Die am ``stichtag`` maßgebliche Förderrichtlinie: bei mehreren die zuletzt
        erlassene; ``None``, wenn für den Teil an diesem Tag keine belegt ist (etwa KIM
        Baustein 2 vor der KIM-RL 2024, der bis dahin als Pauschale lief)."""
        richtlinien = [
            g
            for g in self.rechtsgrundlagen_am(stichtag)
            if rechtsquelle(g.quelle).art is Quellenart.RICHTLINIE
        ]
        return max(richtlinien, key=lambda g: g.gilt_ab) if richtlinien else None

    def grundlagenluecke_am(self, stichtag: date) -> Grundlagenluecke | None:
        """Die Lücke, wenn die Rechtsgrundlage am ``stichtag`` nicht (ganz) belegt ist."""
        return next((lu for lu in self.grundlagenluecken if lu.enthaelt(stichtag)), None)

    def parameternamen(self) -> tuple[str, ...]:
        """Die Namen aller Parameter des Teils (alle mit :attr:`praefix`), geordnet."""
        return parameter_mit_praefix(self.praefix)

    def parameter_am(self, stichtag: date) -> tuple[Parameterstand, ...]:
        """Jeder Parameter des Teils am ``stichtag``: Wert oder Grund."""
        return staende(self.parameternamen(), stichtag)


@frozen(kw_only=True)
class Programmbeschreibung:
    """Ein Förderprogramm mit seinen Teilen, seiner Bewilligungsbehörde und seinen Parametern.

    >>> from kim_nrw.programme import programm, Programm
    >>> kim = programm(Programm.KIM)
    >>> [t.teil.value for t in kim.teile]
    ['KIM.B1', 'KIM.B2', 'KIM.B3']
    >>> "kim.landesmittel" in kim.parameternamen()
    True
    """

    programm: Programm = field(validator=Aufzaehlung(Programm))
    beschreibung: str = field(validator=TEXT)
    bewilligt_von: str = field(validator=KENNUNG)
    praefix: str = field(validator=PRAEFIX)
    quellen: tuple[str, ...] = field(validator=QUELLEN)
    hinweise: tuple[str, ...] = field(default=(), validator=TEXTE)
    teile: tuple[Teilbeschreibung, ...] = field(
        validator=Folge(Typ((Teilbeschreibung,), "eine Teilbeschreibung"), mindestens=1)
    )

    def __attrs_post_init__(self) -> None:
        erwartet = [t for t in Programmteil if t.programm is self.programm]
        if [t.teil for t in self.teile] != erwartet:
            raise UngueltigeEingabe(
                "teile",
                [t.teil.value for t in self.teile],
                f"genau die Teile {[t.value for t in erwartet]} in dieser Reihenfolge",
            )
        for t in self.teile:
            if not t.praefix.startswith(self.praefix):
                raise UngueltigeEingabe("praefix", t.praefix, f"ein Präfix unter {self.praefix}")

    @property
    def bezeichnung(self) -> str:
        """Der ausgeschriebene Name des Programms."""
        return self.programm.bezeichnung

    @property
    def bewilligungsbehoerde(self) -> Bewilligungsbehoerde:
        """Die Behörde, die bewilligt (aus ``daten/programme/behoerden.toml``)."""
        return bewilligungsbehoerde(self.bewilligt_von)

    def teil(self, teil: Programmteil) -> Teilbeschreibung:
        """Die Beschreibung eines Teils dieses Programms."""
        for t in self.teile:
            if t.teil is teil:
                return t
        raise NichtGefunden(f"Teil von {self.programm.value}", teil)

    def beginn(self) -> date:
        """Der früheste Beginn eines Teils."""
        return min(t.beginn() for t in self.teile)

    @property
    def rechtsgrundlagen(self) -> tuple[Rechtsgrundlage, ...]:
        """Die Grundlagen aller Teile, je Quelle und Norm zu einem Zeitraum zusammengefasst.

        Der Zeitraum reicht vom frühesten Beginn bis zum spätesten Ende (offen, wenn
        einer offen ist); die Gewissheit ist die stärkste der zusammengefassten, denn die
        zusammengefasste Angabe sagt nur, dass die Quelle für mindestens einen Teil
        maßgeblich ist (die genaue Angabe steht beim Teil).
        """
        gruppen: dict[tuple[str, str | None], list[Rechtsgrundlage]] = {}
        for t in self.teile:
            for g in t.rechtsgrundlagen:
                gruppen.setdefault((g.quelle, g.norm), []).append(g)
        ergebnis = [
            Rechtsgrundlage(
                quelle,
                norm,
                _staerkste(g.gewissheit for g in liste),
                liste[0].anmerkung,
                ab=min(liste, key=lambda g: g.gilt_ab).ab,
                bis=max(liste, key=_ende).bis,
            )
            for (quelle, norm), liste in gruppen.items()
        ]
        return tuple(sorted(ergebnis, key=lambda g: (g.gilt_ab, g.quelle)))

    def parameternamen(self) -> tuple[str, ...]:
        """Die Parameter des Programms, die zu keinem einzelnen Teil gehören."""
        return parameter_mit_praefix(self.praefix, (t.praefix for t in self.teile))

    def parameter_am(self, stichtag: date) -> tuple[Parameterstand, ...]:
        """Die programmweiten Parameter am ``stichtag`` (die der Teile: bei den Teilen)."""
        return staende(self.parameternamen(), stichtag)


def _ende(g: Rechtsgrundlage) -> date:
    return g.gilt_bis or date.max


def _staerkste(stufen: Iterable[Gewissheit]) -> Gewissheit:
    """Die stärkste der Gewissheiten (bestätigt vor abgeleitet vor unsicher)."""
    menge = set(stufen)
    return next(g for g in Gewissheit if g in menge)


# -- Vorgängerprogramm ------------------------------------------------------------------------


@frozen
class Modellkommune:
    """Eine Modellkommune, so wie die Quelle sie nennt, mit ihrem Schlüssel im Register.

    >>> from kim_nrw.programme import einwanderung_gestalten
    >>> m = einwanderung_gestalten().modellkommunen[0]
    >>> m.name, m.einheit().bezeichnung
    ('Kreis Lippe', 'Kreis Lippe')
    """

    schluessel: str = field(
        validator=Muster("[0-9]{5}|[0-9]{8}", "ein Kreisschlüssel (5 Ziffern) oder AGS (8 Ziffern)")
    )
    name: str = field(validator=TEXT)

    def einheit(self) -> Kommune:
        """Die Kommune aus dem Gebietsregister (Gebietsstand 30.11.2021)."""
        einheit = gebietsregister().nach_schluessel(self.schluessel)
        if not isinstance(einheit, Kreis | KreisfreieStadt | KreisangehoerigeGemeinde):
            raise UngueltigeEingabe("schluessel", self.schluessel, "der Schlüssel einer Kommune")
        return einheit


@frozen(kw_only=True)
class Vorgaengerprogramm:
    """Ein abgeschlossenes Modellprogramm, aus dem ein heutiges Programm hervorging.

    Der Beginn ist nur ungefähr belegt („Frühjahr 2017“) und steht deshalb als Text und
    Jahr da, nicht als Tag.

    >>> from kim_nrw.programme import einwanderung_gestalten
    >>> eg = einwanderung_gestalten()
    >>> eg.name, eg.beginn_text, eg.ende, len(eg.modellkommunen)
    ('Einwanderung gestalten NRW', 'Frühjahr 2017', datetime.date(2020, 6, 30), 12)
    """

    name: str = field(validator=TEXT)
    nachfolger: Programm = field(validator=Aufzaehlung(Programm))
    beschreibung: str = field(validator=TEXT)
    beginn_text: str = field(validator=TEXT)
    beginn_jahr: int = field(validator=Ganzzahl(2000, 2100))
    ende: date = field(validator=Datum())
    modellkommunen: tuple[Modellkommune, ...] = field(
        validator=Folge(Typ((Modellkommune,), "eine Modellkommune"), mindestens=1)
    )
    quellen: tuple[str, ...] = field(validator=QUELLEN)
    praefix: str = field(validator=PRAEFIX)
    hinweise: tuple[str, ...] = field(default=(), validator=TEXTE)

    def __attrs_post_init__(self) -> None:
        if self.ende.year < self.beginn_jahr:
            raise UngueltigeEingabe("ende", self.ende, f"nicht vor dem Jahr {self.beginn_jahr}")
        if len({m.schluessel for m in self.modellkommunen}) != len(self.modellkommunen):
            raise UngueltigeEingabe(
                "modellkommunen", self.modellkommunen, "jede Kommune nur einmal"
            )

    @property
    def zeitraum(self) -> str:
        """Die Modellphase als Text, z. B. ``Frühjahr 2017 – 30.06.2020``."""
        return f"{self.beginn_text} – {schreibweise.datum(self.ende)}"

    def kommunen(self) -> tuple[Kommune, ...]:
        """Die Modellkommunen als Einheiten des Gebietsregisters."""
        return tuple(m.einheit() for m in self.modellkommunen)

    def parameternamen(self) -> tuple[str, ...]:
        """Die Parameter des Programms (alle mit :attr:`praefix`)."""
        return parameter_mit_praefix(self.praefix)

    def parameter_am(self, stichtag: date) -> tuple[Parameterstand, ...]:
        """Jeder Parameter des Programms am ``stichtag``."""
        return staende(self.parameternamen(), stichtag)

"""Beschreibende Modelle der Förderprogramme: was gefördert wird, wer es erhält, worauf es beruht.

Die Kennungen der Programme und ihrer Teile stehen in :mod:`kim_nrw.programme.teile`;
hier steht, was das Faktenblatt über sie sagt:

* :class:`Teilbeschreibung` – Gegenstand, Empfänger, Verfahren, Rechtsgrundlagen je
  Zeitraum und die Parameter eines Programmteils (KI-Grundförderung, KIM-Baustein,
  KOMM-AN-Programmteil);
* :class:`Programmbeschreibung` – ein Programm mit seinen Teilen und der
  Bewilligungsbehörde;
* :class:`Vorgaengerprogramm` – „Einwanderung gestalten NRW“ mit seinen zwölf
  Modellkommunen;
* :class:`Parameterstand` – ein Parameter an einem Stichtag: belegt, nicht belegt oder
  ohne Geltung, jeweils mit Grund.

Beträge, Stellen, Daten und die Förderart im Zeitverlauf stehen nicht hier, sondern als
:class:`~kim_nrw.recht.Parameter` in den Paketdaten; die Beschreibungen nennen nur deren
Namen. So gibt es jede Zahl genau einmal, mit Quelle und Gewissheit.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from attrs import field, frozen

from kim_nrw.fehler import KeinWertAmStichtag, NichtBekannt, NichtGefunden, UngueltigeEingabe
from kim_nrw.gebiet import Gebietsart, Kommune, Kreis, KreisangehoerigeGemeinde, KreisfreieStadt
from kim_nrw.gebiet import register as gebietsregister
from kim_nrw.programme.teile import Foerderart, Programm, Programmteil
from kim_nrw.recht import (
    Luecke,
    Parameter,
    Parameterart,
    Parameterwert,
    Zitat,
    alle_parameter,
    parameter,
    rechtsquelle,
)
from kim_nrw.recht.parameter import NAME_MUSTER
from kim_nrw.recht.quellen import Gewissheit, deutsches_datum, ist_datum, ist_kurzname, ist_text

__all__ = [
    "Baustein",
    "Belegstand",
    "Bewilligungsbehoerde",
    "Empfaenger",
    "Modellkommune",
    "Parameterstand",
    "Programmbeschreibung",
    "Rechtsgrundlage",
    "Teilbeschreibung",
    "Vorgaengerprogramm",
    "empfaengerart",
    "wert_als_text",
]


class Empfaenger(enum.Enum):
    """Wer eine Zuwendung erhalten kann (Zuwendungsempfänger), nach Rechtsstellung.

    ``STADT_AACHEN`` steht für die regionsangehörige Stadt mit der Rechtsstellung einer
    kreisfreien Stadt (Aachen-Gesetz): ihr Schlüssel ist der einer Gemeinde, sie hat aber
    ein eigenes KI. Sie ist bewusst eine eigene Art, weil sie nicht alles erhält, was
    kreisfreie Städte erhalten (KIM Baustein 3 geht an die StädteRegion).
    """

    KREIS = "kreis"
    STAEDTEREGION = "staedteregion"
    KREISFREIE_STADT = "kreisfreie_stadt"
    STADT_AACHEN = "stadt_aachen"
    KREISANGEHOERIGE_GEMEINDE = "kreisangehoerige_gemeinde"
    WOHLFAHRTSVERBAND = "wohlfahrtsverband"

    @property
    def bezeichnung(self) -> str:
        """Die deutsche Bezeichnung, z. B. ``kreisfreie Stadt``."""
        return _EMPFAENGER[self]


_EMPFAENGER = {
    Empfaenger.KREIS: "Kreis",
    Empfaenger.STAEDTEREGION: "StädteRegion Aachen",
    Empfaenger.KREISFREIE_STADT: "kreisfreie Stadt",
    Empfaenger.STADT_AACHEN: "Stadt Aachen (regionsangehörig, Rechtsstellung kreisfreie Stadt)",
    Empfaenger.KREISANGEHOERIGE_GEMEINDE: "kreisangehörige Gemeinde",
    Empfaenger.WOHLFAHRTSVERBAND: "Wohlfahrtsverband (Träger von Integrationsagenturen)",
}


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


# -- Validatoren: einer je Feld ---------------------------------------------------------------

_Validator = Callable[[Any, Any, Any], None]


def _text(feld: str, leer_erlaubt: bool = False) -> _Validator:
    def pruefe(_i: object, _a: object, wert: str) -> None:
        if leer_erlaubt and wert == "":
            return
        if not ist_text(wert):
            erwartet = (
                "ein Text ohne Rand-Leerzeichen (oder leer)"
                if leer_erlaubt
                else ("ein nicht leerer Text ohne Rand-Leerzeichen")
            )
            raise UngueltigeEingabe(feld, wert, erwartet)

    return pruefe


def _texte(feld: str) -> _Validator:
    def pruefe(_i: object, _a: object, wert: tuple[str, ...]) -> None:
        if not (isinstance(wert, tuple) and all(ist_text(t) for t in wert)):
            raise UngueltigeEingabe(feld, wert, "ein Tupel nicht leerer Texte")

    return pruefe


def _kurznamen(feld: str, mindestens_einer: bool) -> _Validator:
    def pruefe(_i: object, _a: object, wert: tuple[str, ...]) -> None:
        if not (isinstance(wert, tuple) and all(ist_kurzname(k) for k in wert)):
            raise UngueltigeEingabe(feld, wert, "ein Tupel von Kurznamen des Quellenkatalogs")
        if mindestens_einer and not wert:
            raise UngueltigeEingabe(feld, wert, "mindestens einen Kurznamen")
        if len(set(wert)) != len(wert):
            raise UngueltigeEingabe(feld, wert, "jeden Kurznamen nur einmal")

    return pruefe


def _pruefe_quelle(_i: object, _a: object, wert: str) -> None:
    if not ist_kurzname(wert):
        raise UngueltigeEingabe("quelle", wert, "der Kurzname einer Quelle, z. B. 'TIntG-2021'")


def _pruefe_gilt_ab(_i: object, _a: object, wert: date) -> None:
    if not ist_datum(wert):
        raise UngueltigeEingabe("gilt_ab", wert, "ein datetime.date ohne Uhrzeit")


def _pruefe_gilt_bis(_i: object, _a: object, wert: date | None) -> None:
    if wert is not None and not ist_datum(wert):
        raise UngueltigeEingabe("gilt_bis", wert, "None oder ein datetime.date ohne Uhrzeit")


def _pruefe_norm(_i: object, _a: object, wert: str | None) -> None:
    if wert is not None and not (ist_text(wert) and "\n" not in wert):
        raise UngueltigeEingabe("norm", wert, "None oder eine einzeilige Angabe wie '§ 9 Abs. 1'")


def _pruefe_gewissheit(_i: object, _a: object, wert: Gewissheit) -> None:
    if not isinstance(wert, Gewissheit):
        raise UngueltigeEingabe(
            "gewissheit", wert, "eine Gewissheit (bestaetigt, abgeleitet, unsicher)"
        )


def _pruefe_stichtag(stichtag: object) -> date:
    if not ist_datum(stichtag):
        raise UngueltigeEingabe("stichtag", stichtag, "ein datetime.date ohne Uhrzeit")
    assert isinstance(stichtag, date)
    return stichtag


def _spanne(ab: date, bis: date | None) -> str:
    if bis is None:
        return f"ab {deutsches_datum(ab)}"
    return f"{deutsches_datum(ab)}–{deutsches_datum(bis)}"


@frozen
class Rechtsgrundlage:
    """Eine Rechtsgrundlage eines Programmteils in einem Zeitraum.

    ``gilt_ab`` und ``gilt_bis`` (beide eingeschlossen, ``None`` = offen) sagen, wann die
    Quelle für den Programmteil maßgeblich ist – nicht, wann sie in Kraft trat: die
    Geltungsdauer der Richtlinien ist nicht belegt, ihr Zeitraum reicht daher vom Erlass
    bis zum Tag vor der nächsten Fassung (Gewissheit ``abgeleitet``).

    >>> from datetime import date
    >>> from kim_nrw.recht import Gewissheit
    >>> from kim_nrw.programme import Rechtsgrundlage
    >>> g = Rechtsgrundlage("TIntG-2021", date(2022, 1, 1), None, "§ 9", Gewissheit.BESTAETIGT)
    >>> g.gilt_am(date(2021, 12, 31)), g.gilt_am(date(2022, 1, 1)), g.zeitraum
    (False, True, 'ab 01.01.2022')
    >>> g.zitat().text
    '§ 9 TIntG 2021 (GV. NRW. S. 1213a)'
    """

    quelle: str = field(validator=_pruefe_quelle)
    gilt_ab: date = field(validator=_pruefe_gilt_ab)
    gilt_bis: date | None = field(validator=_pruefe_gilt_bis)
    norm: str | None = field(default=None, validator=_pruefe_norm)
    gewissheit: Gewissheit = field(default=Gewissheit.ABGELEITET, validator=_pruefe_gewissheit)
    anmerkung: str = field(default="", validator=_text("anmerkung", leer_erlaubt=True))

    def __attrs_post_init__(self) -> None:
        if self.gilt_bis is not None and self.gilt_bis < self.gilt_ab:
            raise UngueltigeEingabe(
                "gilt_bis", self.gilt_bis, f"nicht vor gilt_ab {self.gilt_ab.isoformat()}"
            )

    def gilt_am(self, stichtag: date) -> bool:
        """Ob die Grundlage am ``stichtag`` für den Programmteil maßgeblich ist."""
        tag = _pruefe_stichtag(stichtag)
        return self.gilt_ab <= tag and (self.gilt_bis is None or tag <= self.gilt_bis)

    @property
    def zeitraum(self) -> str:
        """Der Zeitraum als Text, z. B. ``27.03.2018–09.03.2023``."""
        return _spanne(self.gilt_ab, self.gilt_bis)

    def zitat(self) -> Zitat:
        """Das Zitat aus dem Quellenkatalog (liest den Katalog beim ersten Gebrauch)."""
        return rechtsquelle(self.quelle).zitiere(self.norm)


@frozen
class Bewilligungsbehoerde:
    """Die Behörde, die Anträge prüft und Zuwendungen bewilligt.

    >>> from kim_nrw.programme import programm, Programm
    >>> programm(Programm.KIM).bewilligungsbehoerde.text
    'Bezirksregierung Arnsberg, Dezernat 36 – Kompetenzzentrum für Integration (KfI)'
    """

    name: str = field(validator=_text("name"))
    dezernat: str = field(validator=_text("dezernat"))
    stelle: str = field(validator=_text("stelle"))
    quellen: tuple[str, ...] = field(validator=_kurznamen("quellen", mindestens_einer=True))
    anmerkung: str = field(default="", validator=_text("anmerkung", leer_erlaubt=True))

    @property
    def text(self) -> str:
        """Behörde, Dezernat und Stelle in einer Zeile."""
        return f"{self.name}, {self.dezernat} – {self.stelle}"


@frozen
class Baustein:
    """Ein Baustein innerhalb eines Programmteils (KOMM-AN Programmteil II: A bis D)."""

    kennung: str = field(validator=_text("kennung"))
    titel: str = field(validator=_text("titel"))
    inhalt: str = field(validator=_text("inhalt"))
    quellen: tuple[str, ...] = field(validator=_kurznamen("quellen", mindestens_einer=True))


# -- Parameter am Stichtag ------------------------------------------------------------------


class Belegstand(enum.Enum):
    """Was über einen Parameter an einem Stichtag bekannt ist."""

    BELEGT = "belegt"
    """Es gibt einen Wert mit Quelle (Gewissheit siehe :class:`~kim_nrw.recht.Gewissheit`)."""
    NICHT_BELEGT = "nicht_belegt"
    """Es gab einen Wert, er ist aber nicht belegt (NOT FOUND, Lücke)."""
    KEINE_GELTUNG = "keine_geltung"
    """Der Parameter galt an diesem Tag nicht (vor Beginn oder nach Ende)."""

    @property
    def bezeichnung(self) -> str:
        """Die deutsche Bezeichnung: ``belegt``, ``nicht belegt``, ``keine Geltung``."""
        return _BELEGSTAND[self]


_BELEGSTAND = {
    Belegstand.BELEGT: "belegt",
    Belegstand.NICHT_BELEGT: "nicht belegt",
    Belegstand.KEINE_GELTUNG: "keine Geltung",
}


def _zahl(wert: Decimal) -> str:
    """Deutsche Schreibweise: Tausenderpunkt, Dezimalkomma, nie Exponent."""
    text = f"{wert:,f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _knapp(wert: Decimal) -> Decimal:
    """Ohne überflüssige Nachkommanullen: 90.00 → 90, 0.50 → 0.5."""
    return wert.quantize(Decimal(1)) if wert == wert.to_integral_value() else wert.normalize()


def wert_als_text(art: Parameterart, wert: Parameterwert) -> str:
    """Ein Parameterwert in deutscher Schreibweise, z. B. ``57.000,00 EUR`` oder ``90 %``.

    >>> from kim_nrw.recht import parameter, Parameterart
    >>> from kim_nrw.programme import wert_als_text
    >>> from datetime import date
    >>> satz = parameter("komman.iii.foerdersatz").wert_am(date(2020, 1, 1))
    >>> wert_als_text(Parameterart.QUOTE, satz)
    '90 %'
    """
    if art is Parameterart.BETRAG:
        return f"{_zahl(wert.dezimal)} EUR"
    if art is Parameterart.QUOTE:
        return f"{_zahl(_knapp(wert.dezimal * 100))} %"
    if art is Parameterart.VZAE:
        return f"{_zahl(_knapp(wert.dezimal))} VZÄ"
    if art is Parameterart.DATUM:
        return deutsches_datum(wert.datum)
    return str(wert.wert)


def _pruefe_parameter(_i: object, _a: object, wert: Parameter) -> None:
    if not isinstance(wert, Parameter):
        raise UngueltigeEingabe("parameter", wert, "ein Parameter")


def _pruefe_stichtag_feld(_i: object, _a: object, wert: date) -> None:
    _pruefe_stichtag(wert)


def _pruefe_stand(_i: object, _a: object, wert: Belegstand) -> None:
    if not isinstance(wert, Belegstand):
        raise UngueltigeEingabe(
            "stand", wert, "ein Belegstand: belegt, nicht_belegt, keine_geltung"
        )


def _pruefe_wert(_i: object, _a: object, wert: Parameterwert | None) -> None:
    if wert is not None and not isinstance(wert, Parameterwert):
        raise UngueltigeEingabe("wert", wert, "None oder ein Parameterwert")


@frozen
class Parameterstand:
    """Ein Parameter an einem Stichtag: sein Wert oder warum es keinen gibt.

    >>> from datetime import date
    >>> from kim_nrw.recht import parameter
    >>> from kim_nrw.programme import Parameterstand
    >>> s = Parameterstand.ermittle(parameter("kim.b2.case_management.betrag_je_stelle"),
    ...                             date(2020, 9, 1))
    >>> s.stand.value
    'nicht_belegt'
    >>> Parameterstand.ermittle(s.parameter, date(2021, 1, 1)).text
    'kim.b2.case_management.betrag_je_stelle = 55.000,00 EUR (01.01.2021–31.12.2022; [C] bestätigt; Quellen: S-Heinsberg-2021, S-Nottuln)'
    """  # noqa: E501

    parameter: Parameter = field(validator=_pruefe_parameter)
    stichtag: date = field(validator=_pruefe_stichtag_feld)
    stand: Belegstand = field(validator=_pruefe_stand)
    wert: Parameterwert | None = field(default=None, validator=_pruefe_wert)
    grund: str = field(default="", validator=_text("grund", leer_erlaubt=True))

    def __attrs_post_init__(self) -> None:
        if (self.stand is Belegstand.BELEGT) != (self.wert is not None):
            raise UngueltigeEingabe("wert", self.wert, "ein Wert genau dann, wenn belegt")
        if (self.stand is Belegstand.BELEGT) == bool(self.grund):
            raise UngueltigeEingabe("grund", self.grund, "ein Grund genau dann, wenn nicht belegt")

    @classmethod
    def ermittle(cls, p: Parameter, stichtag: date) -> Parameterstand:
        """Fragt ``p`` am ``stichtag`` ab und hält Wert oder Grund fest (wirft nie wegen Lücken)."""
        tag = _pruefe_stichtag(stichtag)
        try:
            return cls(p, tag, Belegstand.BELEGT, p.wert_am(tag))
        except NichtBekannt as fehler:
            return cls(p, tag, Belegstand.NICHT_BELEGT, grund=str(fehler))
        except KeinWertAmStichtag as fehler:
            return cls(p, tag, Belegstand.KEINE_GELTUNG, grund=str(fehler))

    @property
    def ist_belegt(self) -> bool:
        """Ob am Stichtag ein belegter Wert gilt."""
        return self.stand is Belegstand.BELEGT

    @property
    def text(self) -> str:
        """Eine Zeile: Name, Wert, Zeitraum, Gewissheit, Quellen – oder der Grund."""
        if self.wert is None:
            return f"{self.parameter.name}: {self.stand.bezeichnung} – {self.grund}"
        w = self.wert
        return (
            f"{self.parameter.name} = {wert_als_text(self.parameter.art, w)} ({w.zeitraum}; "
            f"{w.gewissheit.kennung} {w.gewissheit.bezeichnung}; Quellen: {', '.join(w.quellen)})"
        )


def _staende(namen: Iterable[str], stichtag: date) -> tuple[Parameterstand, ...]:
    tag = _pruefe_stichtag(stichtag)
    return tuple(Parameterstand.ermittle(parameter(n), tag) for n in namen)


def _mit_praefix(praefix: str, ausser: Iterable[str] = ()) -> tuple[str, ...]:
    ausnahmen = tuple(ausser)
    return tuple(
        n
        for n in alle_parameter()
        if n.startswith(praefix) and not any(n.startswith(a) for a in ausnahmen)
    )


# -- Programmteil und Programm ------------------------------------------------------------


def _pruefe_teil(_i: object, _a: object, wert: Programmteil) -> None:
    if not isinstance(wert, Programmteil):
        raise UngueltigeEingabe("teil", wert, "ein Programmteil")


def _pruefe_empfaenger(_i: object, _a: object, wert: tuple[Empfaenger, ...]) -> None:
    if not (isinstance(wert, tuple) and wert and all(isinstance(e, Empfaenger) for e in wert)):
        raise UngueltigeEingabe("empfaenger", wert, "ein nicht leeres Tupel von Empfängerarten")
    if len(set(wert)) != len(wert):
        raise UngueltigeEingabe("empfaenger", wert, "jede Empfängerart nur einmal")


def _pruefe_grundlagen(_i: object, _a: object, wert: tuple[Rechtsgrundlage, ...]) -> None:
    if not (isinstance(wert, tuple) and all(isinstance(g, Rechtsgrundlage) for g in wert)):
        raise UngueltigeEingabe("rechtsgrundlagen", wert, "ein Tupel von Rechtsgrundlagen")


def _pruefe_luecken(_i: object, _a: object, wert: tuple[Luecke, ...]) -> None:
    if not (isinstance(wert, tuple) and all(isinstance(g, Luecke) for g in wert)):
        raise UngueltigeEingabe("grundlagenluecken", wert, "ein Tupel von Lücken")


def _pruefe_bausteine(_i: object, _a: object, wert: tuple[Baustein, ...]) -> None:
    if not (isinstance(wert, tuple) and all(isinstance(b, Baustein) for b in wert)):
        raise UngueltigeEingabe("bausteine", wert, "ein Tupel von Bausteinen")


def _praefix(feld: str) -> _Validator:
    def pruefe(_i: object, _a: object, wert: str) -> None:
        if not (isinstance(wert, str) and wert.endswith(".") and NAME_MUSTER.fullmatch(wert + "x")):
            raise UngueltigeEingabe(
                feld, wert, "ein Namenspräfix mit Punkt am Ende, z. B. 'kim.b1.'"
            )

    return pruefe


def _parametername(feld: str) -> _Validator:
    def pruefe(_i: object, _a: object, wert: str) -> None:
        if not (isinstance(wert, str) and NAME_MUSTER.fullmatch(wert)):
            raise UngueltigeEingabe(
                feld, wert, "der Name eines Parameters, z. B. 'kim.b1.foerderart'"
            )

    return pruefe


@frozen
class Teilbeschreibung:
    """Ein Programmteil (KI-Grundförderung, KIM-Baustein, KOMM-AN-Programmteil) in Worten.

    :param teil: die stabile Kennung.
    :param gegenstand: was gefördert wird.
    :param empfaenger: wer die Zuwendung erhalten kann (Arten).
    :param empfaenger_text: dasselbe in Worten, mit Bedingungen und Sonderfällen.
    :param verfahren: wie gefördert wird (Antrag, Pauschale, Fristen) in Worten.
    :param rechtsgrundlagen: Gesetz, Richtlinien, Erlasse je Zeitraum.
    :param quellen: Belege der Beschreibung (Kurznamen).
    :param praefix: Namenspräfix der Parameter des Teils, z. B. ``kim.b1.``.
    :param parameter_beginn: Name des Parameters mit dem ersten Fördertag (bei KOMM-AN
        programmweit).
    :param parameter_foerderart: Name des Parameters mit der Förderart im Zeitverlauf.
    :param grundlagenluecken: Zeiträume, in denen die Rechtsgrundlage nicht belegt ist.
    :param weiterleitung: ob und wie Mittel an Gemeinden oder Dritte weitergegeben werden.
    :param bausteine: Bausteine innerhalb des Teils (KOMM-AN II: A–D).
    :param hinweise: weitere belegte Angaben (Beispiele, Widersprüche).

    >>> from datetime import date
    >>> from kim_nrw.programme import teil, Programmteil
    >>> b2 = teil(Programmteil.KIM_B2)
    >>> b2.foerderart_am(date(2021, 6, 30)).value
    'fachbezogene_pauschale'
    >>> b2.beginn()
    datetime.date(2020, 7, 1)
    """

    teil: Programmteil = field(validator=_pruefe_teil)
    gegenstand: str = field(validator=_text("gegenstand"))
    empfaenger: tuple[Empfaenger, ...] = field(validator=_pruefe_empfaenger)
    empfaenger_text: str = field(validator=_text("empfaenger_text"))
    verfahren: str = field(validator=_text("verfahren"))
    rechtsgrundlagen: tuple[Rechtsgrundlage, ...] = field(validator=_pruefe_grundlagen)
    quellen: tuple[str, ...] = field(validator=_kurznamen("quellen", mindestens_einer=True))
    praefix: str = field(validator=_praefix("praefix"))
    parameter_beginn: str = field(validator=_parametername("parameter_beginn"))
    parameter_foerderart: str = field(validator=_parametername("parameter_foerderart"))
    grundlagenluecken: tuple[Luecke, ...] = field(default=(), validator=_pruefe_luecken)
    weiterleitung: str = field(default="", validator=_text("weiterleitung", leer_erlaubt=True))
    bausteine: tuple[Baustein, ...] = field(default=(), validator=_pruefe_bausteine)
    hinweise: tuple[str, ...] = field(default=(), validator=_texte("hinweise"))

    def __attrs_post_init__(self) -> None:
        if not self.parameter_foerderart.startswith(self.praefix):
            raise UngueltigeEingabe(
                "parameter_foerderart",
                self.parameter_foerderart,
                f"einen Namen mit dem Präfix des Teils {self.praefix}",
            )

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

    def laeuft_am(self, stichtag: date) -> bool:
        """Ob der Teil am ``stichtag`` schon eingeführt ist (keiner ist bisher beendet)."""
        return _pruefe_stichtag(stichtag) >= self.beginn()

    def foerderart_am(self, stichtag: date) -> Foerderart:
        """Die Förderart am ``stichtag``.

        Löst :class:`~kim_nrw.fehler.NichtBekannt` aus, wenn sie nicht belegt ist (etwa
        KIM Baustein 2 ab 2025), und :class:`~kim_nrw.fehler.KeinWertAmStichtag` vor
        dem Beginn des Teils.
        """
        w = parameter(self.parameter_foerderart).wert_am(_pruefe_stichtag(stichtag))
        return Foerderart(w.text)

    def rechtsgrundlagen_am(self, stichtag: date) -> tuple[Rechtsgrundlage, ...]:
        """Die am ``stichtag`` maßgeblichen Rechtsgrundlagen (kann leer sein, siehe Lücken)."""
        tag = _pruefe_stichtag(stichtag)
        return tuple(g for g in self.rechtsgrundlagen if g.gilt_am(tag))

    def grundlagenluecke_am(self, stichtag: date) -> Luecke | None:
        """Die Lücke, wenn die Rechtsgrundlage am ``stichtag`` nicht (ganz) belegt ist."""
        tag = _pruefe_stichtag(stichtag)
        return next((lu for lu in self.grundlagenluecken if lu.enthaelt(tag)), None)

    def parameternamen(self) -> tuple[str, ...]:
        """Die Namen aller Parameter des Teils (alle mit :attr:`praefix`), geordnet."""
        return _mit_praefix(self.praefix)

    def parameter_am(self, stichtag: date) -> tuple[Parameterstand, ...]:
        """Jeder Parameter des Teils am ``stichtag``: Wert oder Grund."""
        return _staende(self.parameternamen(), stichtag)


def _pruefe_programm(_i: object, _a: object, wert: Programm) -> None:
    if not isinstance(wert, Programm):
        raise UngueltigeEingabe("programm", wert, "ein Programm")


def _pruefe_teile(_i: object, _a: object, wert: tuple[Teilbeschreibung, ...]) -> None:
    if not (
        isinstance(wert, tuple) and wert and all(isinstance(t, Teilbeschreibung) for t in wert)
    ):
        raise UngueltigeEingabe("teile", wert, "ein nicht leeres Tupel von Teilbeschreibungen")


def _pruefe_behoerde(_i: object, _a: object, wert: Bewilligungsbehoerde) -> None:
    if not isinstance(wert, Bewilligungsbehoerde):
        raise UngueltigeEingabe("bewilligungsbehoerde", wert, "eine Bewilligungsbehoerde")


@frozen
class Programmbeschreibung:
    """Ein Förderprogramm mit seinen Teilen, seiner Bewilligungsbehörde und seinen Parametern.

    >>> from kim_nrw.programme import programm, Programm
    >>> kim = programm(Programm.KIM)
    >>> [t.teil.value for t in kim.teile]
    ['KIM.B1', 'KIM.B2', 'KIM.B3']
    >>> "kim.landesmittel" in kim.parameternamen()
    True
    """

    programm: Programm = field(validator=_pruefe_programm)
    beschreibung: str = field(validator=_text("beschreibung"))
    teile: tuple[Teilbeschreibung, ...] = field(validator=_pruefe_teile)
    bewilligungsbehoerde: Bewilligungsbehoerde = field(validator=_pruefe_behoerde)
    praefix: str = field(validator=_praefix("praefix"))
    quellen: tuple[str, ...] = field(validator=_kurznamen("quellen", mindestens_einer=True))
    hinweise: tuple[str, ...] = field(default=(), validator=_texte("hinweise"))

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
        ergebnis = []
        for (quelle, norm), liste in gruppen.items():
            ende = (
                None
                if any(g.gilt_bis is None for g in liste)
                else max(g.gilt_bis for g in liste if g.gilt_bis is not None)
            )
            gewissheit = _staerkste(g.gewissheit for g in liste)
            ergebnis.append(
                Rechtsgrundlage(
                    quelle,
                    min(g.gilt_ab for g in liste),
                    ende,
                    norm,
                    gewissheit,
                    liste[0].anmerkung,
                )
            )
        return tuple(sorted(ergebnis, key=lambda g: (g.gilt_ab, g.quelle)))

    def parameternamen(self) -> tuple[str, ...]:
        """Die Parameter des Programms, die zu keinem einzelnen Teil gehören."""
        return _mit_praefix(self.praefix, (t.praefix for t in self.teile))

    def parameter_am(self, stichtag: date) -> tuple[Parameterstand, ...]:
        """Die programmweiten Parameter am ``stichtag`` (die der Teile: bei den Teilen)."""
        return _staende(self.parameternamen(), stichtag)


def _staerkste(stufen: Iterable[Gewissheit]) -> Gewissheit:
    menge = set(stufen)
    return next(g for g in Gewissheit if g in menge)  # BESTAETIGT, ABGELEITET, UNSICHER


# -- Vorgängerprogramm ------------------------------------------------------------------------


def _pruefe_schluessel(_i: object, _a: object, wert: str) -> None:
    if not (isinstance(wert, str) and wert.isascii() and wert.isdigit() and len(wert) in (5, 8)):
        raise UngueltigeEingabe(
            "schluessel", wert, "ein Kreisschlüssel (5 Ziffern) oder AGS (8 Ziffern)"
        )


@frozen
class Modellkommune:
    """Eine Modellkommune, so wie die Quelle sie nennt, mit ihrem Schlüssel im Register.

    >>> from kim_nrw.programme import einwanderung_gestalten
    >>> m = einwanderung_gestalten().modellkommunen[0]
    >>> m.name, m.einheit().bezeichnung
    ('Kreis Lippe', 'Kreis Lippe')
    """

    schluessel: str = field(validator=_pruefe_schluessel)
    name: str = field(validator=_text("name"))

    def einheit(self) -> Kommune:
        """Die Kommune aus dem Gebietsregister (Gebietsstand 30.11.2021)."""
        einheit = gebietsregister().nach_schluessel(self.schluessel)
        if not isinstance(einheit, Kreis | KreisfreieStadt | KreisangehoerigeGemeinde):
            raise UngueltigeEingabe("schluessel", self.schluessel, "der Schlüssel einer Kommune")
        return einheit


def _pruefe_modellkommunen(_i: object, _a: object, wert: tuple[Modellkommune, ...]) -> None:
    if not (isinstance(wert, tuple) and wert and all(isinstance(m, Modellkommune) for m in wert)):
        raise UngueltigeEingabe("modellkommunen", wert, "ein nicht leeres Tupel von Modellkommunen")
    if len({m.schluessel for m in wert}) != len(wert):
        raise UngueltigeEingabe("modellkommunen", wert, "jede Kommune nur einmal")


def _pruefe_jahr(_i: object, _a: object, wert: int) -> None:
    if not (isinstance(wert, int) and not isinstance(wert, bool) and 2000 <= wert <= 2100):
        raise UngueltigeEingabe("beginn_jahr", wert, "ein Jahr zwischen 2000 und 2100")


def _pruefe_ende(_i: object, _a: object, wert: date) -> None:
    if not ist_datum(wert):
        raise UngueltigeEingabe("ende", wert, "ein datetime.date ohne Uhrzeit")


@frozen
class Vorgaengerprogramm:
    """Ein abgeschlossenes Modellprogramm, aus dem ein heutiges Programm hervorging.

    Der Beginn ist nur ungefähr belegt („Frühjahr 2017“) und steht deshalb als Text und
    Jahr da, nicht als Tag.

    >>> from kim_nrw.programme import einwanderung_gestalten
    >>> eg = einwanderung_gestalten()
    >>> eg.name, eg.beginn_text, eg.ende, len(eg.modellkommunen)
    ('Einwanderung gestalten NRW', 'Frühjahr 2017', datetime.date(2020, 6, 30), 12)
    """

    name: str = field(validator=_text("name"))
    nachfolger: Programm = field(validator=_pruefe_programm)
    beschreibung: str = field(validator=_text("beschreibung"))
    beginn_text: str = field(validator=_text("beginn_text"))
    beginn_jahr: int = field(validator=_pruefe_jahr)
    ende: date = field(validator=_pruefe_ende)
    modellkommunen: tuple[Modellkommune, ...] = field(validator=_pruefe_modellkommunen)
    quellen: tuple[str, ...] = field(validator=_kurznamen("quellen", mindestens_einer=True))
    praefix: str = field(validator=_praefix("praefix"))
    hinweise: tuple[str, ...] = field(default=(), validator=_texte("hinweise"))

    def __attrs_post_init__(self) -> None:
        if self.ende.year < self.beginn_jahr:
            raise UngueltigeEingabe("ende", self.ende, f"nicht vor dem Jahr {self.beginn_jahr}")

    @property
    def zeitraum(self) -> str:
        """Die Modellphase als Text, z. B. ``Frühjahr 2017 – 30.06.2020``."""
        return f"{self.beginn_text} – {deutsches_datum(self.ende)}"

    def kommunen(self) -> tuple[Kommune, ...]:
        """Die Modellkommunen als Einheiten des Gebietsregisters."""
        return tuple(m.einheit() for m in self.modellkommunen)

    def parameternamen(self) -> tuple[str, ...]:
        """Die Parameter des Programms (alle mit :attr:`praefix`)."""
        return _mit_praefix(self.praefix)

    def parameter_am(self, stichtag: date) -> tuple[Parameterstand, ...]:
        """Jeder Parameter des Programms am ``stichtag``."""
        return _staende(self.parameternamen(), stichtag)

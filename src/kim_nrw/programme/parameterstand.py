"""Ein Parameter an einem Stichtag: belegt, nicht belegt oder ohne Geltung, jeweils mit Grund.

Beträge, Stellen, Daten und die Förderart im Zeitverlauf stehen nicht im Programmkatalog,
sondern als :class:`~kim_nrw.recht.Parameter` in den Paketdaten; die Beschreibungen nennen
nur deren Namen. So gibt es jede Zahl genau einmal, mit Quelle und Gewissheit.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from attrs import field

from kim_nrw import schreibweise
from kim_nrw._modell import frozen
from kim_nrw.fehler import KeinWertAmStichtag, NichtBekannt, UngueltigeEingabe
from kim_nrw.programme.felder import STICHTAG, TEXT_ODER_LEER
from kim_nrw.programme.teile import Bezeichnet
from kim_nrw.recht import Parameter, Parameterart, Parameterwert, alle_parameter, parameter
from kim_nrw.validatoren import Aufzaehlung, Typ

__all__ = ["Belegstand", "Parameterstand", "parameter_mit_praefix", "staende", "wert_als_text"]


class Belegstand(Bezeichnet):
    """Was über einen Parameter an einem Stichtag bekannt ist."""

    BELEGT = "belegt", "belegt"
    """Es gibt einen Wert mit Quelle (Gewissheit siehe :class:`~kim_nrw.recht.Gewissheit`)."""
    NICHT_BELEGT = "nicht_belegt", "nicht belegt"
    """Es gab einen Wert, er ist aber nicht belegt (Lücke der Quellen)."""
    KEINE_GELTUNG = "keine_geltung", "keine Geltung"
    """Der Parameter galt an diesem Tag nicht (vor Beginn oder nach Ende)."""


def wert_als_text(art: Parameterart, wert: Parameterwert) -> str:
    """Ein Parameterwert in deutscher Schreibweise, z. B. ``57.000,00 EUR`` oder ``90 %``.

    >>> from kim_nrw.recht import parameter, Parameterart
    >>> from kim_nrw.programme import wert_als_text
    >>> from datetime import date
    >>> satz = parameter("komman.iii.foerdersatz").wert_am(date(2020, 1, 1))
    >>> wert_als_text(Parameterart.QUOTE, satz)
    '90 %'
    """
    if not isinstance(art, Parameterart):
        raise UngueltigeEingabe("art", art, "eine Parameterart")
    if not isinstance(wert, Parameterwert) or art.mangel(wert.wert) is not None:
        raise UngueltigeEingabe("wert", wert, f"ein Parameterwert der Art {art.value}")
    if art is Parameterart.BETRAG:
        return f"{schreibweise.zahl(wert.dezimal, 2)} EUR"
    if art is Parameterart.QUOTE:
        return schreibweise.prozent(wert.dezimal)
    if art is Parameterart.VZAE:
        return schreibweise.vzae(wert.dezimal)
    if art is Parameterart.DATUM:
        return schreibweise.datum(wert.datum)
    return str(wert.wert)


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
    'kim.b2.case_management.betrag_je_stelle = 55.000,00 EUR (01.01.2021–31.12.2022; [C] bestätigt; Quellen: S-Heinsberg-2021, S-Nottuln, N-Heinsberg-16082, N-Havixbeck)'
    """  # noqa: E501

    parameter: Parameter = field(validator=Typ((Parameter,), "ein Parameter"))
    stichtag: date = field(validator=STICHTAG)
    stand: Belegstand = field(validator=Aufzaehlung(Belegstand))
    wert: Parameterwert | None = field(
        default=None, validator=Typ((Parameterwert,), "ein Parameterwert", optional=True)
    )
    grund: str = field(default="", validator=TEXT_ODER_LEER)

    def __attrs_post_init__(self) -> None:
        if (self.stand is Belegstand.BELEGT) != (self.wert is not None):
            raise UngueltigeEingabe("wert", self.wert, "ein Wert genau dann, wenn belegt")
        if (self.stand is Belegstand.BELEGT) == bool(self.grund):
            raise UngueltigeEingabe("grund", self.grund, "ein Grund genau dann, wenn nicht belegt")

    @classmethod
    def ermittle(cls, p: Parameter, stichtag: date) -> Parameterstand:
        """Fragt ``p`` am ``stichtag`` ab und hält Wert oder Grund fest (wirft nie wegen Lücken)."""
        if not isinstance(p, Parameter):
            raise UngueltigeEingabe("p", p, "ein Parameter")
        STICHTAG(None, "stichtag", stichtag)
        try:
            return cls(p, stichtag, Belegstand.BELEGT, p.wert_am(stichtag))
        except NichtBekannt as fehler:
            return cls(p, stichtag, Belegstand.NICHT_BELEGT, grund=str(fehler))
        except KeinWertAmStichtag as fehler:
            return cls(p, stichtag, Belegstand.KEINE_GELTUNG, grund=str(fehler))

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


def staende(namen: Iterable[str], stichtag: date) -> tuple[Parameterstand, ...]:
    """Jeder der genannten Parameter am ``stichtag``."""
    STICHTAG(None, "stichtag", stichtag)
    return tuple(Parameterstand.ermittle(parameter(n), stichtag) for n in namen)


def parameter_mit_praefix(praefix: str, ausser: Iterable[str] = ()) -> tuple[str, ...]:
    """Die Namen aller Parameter mit ``praefix``, ohne die mit einem der Präfixe ``ausser``."""
    ausnahmen = tuple(ausser)
    return tuple(
        n
        for n in alle_parameter()
        if n.startswith(praefix) and not any(n.startswith(a) for a in ausnahmen)
    )

"""Der Prüfkontext: Antrag, Stichtag, die Programmteile einer Regel und die benutzten Werte.

Eine :class:`Pruefung` hält fest, was für den ganzen Antrag gilt (Antrag, Stichtag,
Kommune, benutzte Parameterwerte); ein :class:`Kontext` ist die Sicht einer Regel darauf:
dieselbe Prüfung, aber mit den Programmteilen, für die die Regel gerade ausgewertet wird
(bei einem gemeinsamen Antrag für KIM Baustein 1 und 2 etwa nur Baustein 1).

Ein Wert, der nicht belegt ist, kommt als :class:`FehlenderWert` zurück – ein Typ, keine
Ausnahme und kein Text: die Prüfung wirft nie bei einem gültigen Antrag, und jede Regel
sieht am Typ, ob sie rechnen kann.
"""

from __future__ import annotations

import functools
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from kim_nrw import schreibweise
from kim_nrw._modell import frozen
from kim_nrw.antrag import Foerderantrag
from kim_nrw.fehler import KeinWertAmStichtag, NichtBekannt
from kim_nrw.gebiet import Kommune
from kim_nrw.geld import Stellenanteil
from kim_nrw.programme import Belegstand, Programmteil, Stellenfunktion
from kim_nrw.recht import Parameter, Parameterwert, parameter
from kim_nrw.zeit import Zeitraum

if TYPE_CHECKING:
    from kim_nrw.pruefung.betrag import Rechnung

__all__ = ["FehlenderWert", "Kontext", "Pruefung", "Verwendung"]

_NULL = Decimal(0)


@frozen
class FehlenderWert:
    """Ein Parameter hat am gefragten Tag keinen belegten Wert.

    :param parameter: der Name.
    :param tag: der gefragte Tag.
    :param stand: ``nicht_belegt`` (es gab einen Wert, er ist nicht belegt) oder
        ``keine_geltung`` (den Parameter gab es an dem Tag nicht).
    :param grund: die Begründung aus den Paketdaten.
    """

    parameter: str
    tag: date
    stand: Belegstand
    grund: str


@frozen
class Verwendung:
    """Ein benutzter Wert und bis zu welchem Tag die Prüfung ihn braucht."""

    parameter: str
    wert: Parameterwert
    bis: date


class Pruefung:
    """Der Zustand einer Prüfung: was sie prüft und welche Werte sie benutzt hat."""

    __slots__ = (
        "_umfang", "antrag", "benutzt", "kommune", "kontext", "rechnung", "stichtag", "teile"
    )  # fmt: skip

    def __init__(self, antrag: Foerderantrag, stichtag: date, teile: tuple[Programmteil, ...]):
        self.antrag = antrag
        self.stichtag = stichtag
        self.kommune: Kommune = antrag.kommune
        self.teile = teile
        self.benutzt: dict[tuple[str, date], Verwendung] = {}
        self.rechnung: Rechnung | None = None
        self._umfang: dict[Stellenfunktion, Decimal] | None = None
        self.kontext = Kontext(self, teile)
        """Die Sicht einer Regel, die alle Teile des Antrags betrifft."""

    def umfang(self, funktion: Stellenfunktion) -> Decimal:
        """Die beantragten VZÄ einer Stellenfunktion (exakt, im eigenen Decimal-Kontext)."""
        umfaenge = self._umfang
        if umfaenge is None:
            umfaenge = self.umfaenge
        return umfaenge.get(funktion, _NULL)

    @property
    def umfaenge(self) -> dict[Stellenfunktion, Decimal]:
        """Die beantragten VZÄ je Stellenfunktion, nur Funktionen mit Stellen (einmal je
        Prüfung summiert; nicht verändern)."""
        if self._umfang is None:
            je: dict[Stellenfunktion, list[Stellenanteil]] = {}
            for s in self.antrag.stellen:
                je.setdefault(s.funktion, []).append(s.anteil)
            self._umfang = {f: Stellenanteil.summe(a) for f, a in je.items()}
        return self._umfang

    def merke(self, name: str, wert: Parameterwert, bis: date) -> None:
        """Hält fest, dass ``wert`` bis ``bis`` benutzt wurde (der späteste Tag zählt)."""
        schluessel = (name, wert.gilt_ab)
        alt = self.benutzt.get(schluessel)
        if alt is None or alt.bis < bis:
            self.benutzt[schluessel] = Verwendung(name, wert, bis)

    def wert(
        self, name: str, tag: date, fuer: Zeitraum | None = None
    ) -> Parameterwert | FehlenderWert:
        """Der Wert von ``name`` am ``tag`` – oder warum es keinen gibt.

        ``fuer`` ist der Zeitraum, für den die Prüfung den Wert anwendet (etwa ein
        Haushaltsjahr); ohne ihn nur der ``tag``. Jeder gefundene Wert wird gemerkt.
        """
        w = _nachschlagen(name, tag)
        if w.__class__ is FehlenderWert:
            return w
        self.merke(name, w, tag if fuer is None else fuer.ende)  # type: ignore[arg-type]
        return w


@functools.lru_cache(maxsize=8192)  # Haushaltsjahre und Stichtage wiederholen sich
def _nachschlagen(name: str, tag: date) -> Parameterwert | FehlenderWert:
    """Der Wert von ``name`` am ``tag`` oder warum es keinen gibt (ohne Ausnahme)."""
    p = parameter(name)
    if not p.nicht_bekannt:
        for w in p.werte:
            if w.enthaelt(tag):
                return w
    try:
        p.wert_am(tag)  # wirft hier immer; die Art der Ausnahme sagt den Belegstand
    except NichtBekannt:
        return FehlenderWert(name, tag, Belegstand.NICHT_BELEGT, _grund(p, tag))
    except KeinWertAmStichtag:
        return FehlenderWert(name, tag, Belegstand.KEINE_GELTUNG, _grund(p, tag))
    raise AssertionError(name)  # pragma: no cover - wert_am fand keinen Wert


def _grund(p: Parameter, tag: date) -> str:
    """Warum ``p`` am ``tag`` keinen Wert hat – in Worten der Daten, ohne interne Namen."""
    if p.nicht_bekannt:
        return p.nicht_bekannt
    for luecke in p.luecken:
        if luecke.enthaelt(tag):
            return luecke.grund
    zeitraeume = ", ".join(schreibweise.spanne(w.gilt_ab, w.gilt_bis) for w in p.werte)
    return f"{p.beschreibung}: belegt nur für {zeitraeume or 'keinen Zeitraum'}"


class Kontext:
    """Was eine Regel sieht: die Prüfung und die Programmteile, für die sie gerade gilt.

    ``antrag``, ``stichtag``, ``kommune`` und ``antragsteile`` sind die der Prüfung, beim
    Bau einmal übernommen (jede Regel liest sie; ein Attribut ist billiger als eine
    Property).
    """

    __slots__ = ("antrag", "antragsteile", "kommune", "pruefung", "stichtag", "teile")

    def __init__(self, pruefung: Pruefung, teile: tuple[Programmteil, ...]):
        self.pruefung = pruefung
        self.teile = teile
        self.antrag: Foerderantrag = pruefung.antrag
        """Der geprüfte Antrag."""
        self.stichtag: date = pruefung.stichtag
        """Der Tag, dessen Recht gilt."""
        self.kommune: Kommune = pruefung.kommune
        """Die antragstellende Kommune."""
        self.antragsteile: tuple[Programmteil, ...] = pruefung.teile
        """Alle Programmteile des Antrags (bei einem gemeinsamen Antrag mehrere)."""

    @property
    def teil(self) -> Programmteil:
        """Der (erste) Programmteil, für den die Regel ausgewertet wird."""
        return self.teile[0]

    def wert(
        self, name: str, tag: date, fuer: Zeitraum | None = None
    ) -> Parameterwert | FehlenderWert:
        """Siehe :meth:`Pruefung.wert`."""
        return self.pruefung.wert(name, tag, fuer)

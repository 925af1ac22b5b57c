"""Parameter nach Stichtag: Beträge, Stellen, Fristen – jeder Wert mit Zeitraum und Quelle.

Ein :class:`Parameter` hat einen Namen (``ki.fachkraft.hoechstbetrag_je_stelle``), eine
:class:`Parameterart` und eine chronologische Folge von :class:`Parameterwert` en. Jeder Wert
gilt von ``gilt_ab`` bis ``gilt_bis`` (beide Tage eingeschlossen; ``None`` = offen),
trägt eine :class:`~kim_nrw.recht.quellen.Gewissheit` und mindestens eine Quelle aus dem Katalog.

:meth:`Parameter.wert_am` liefert den am Stichtag geltenden Wert *mit* seiner Herkunft.
Den Stichtag gibt immer der Aufrufer: kim_nrw liest nie die Uhr, damit dieselbe
Anfrage morgen dasselbe Ergebnis liefert wie heute.

Was das Faktenblatt nicht belegt, wird nicht geraten:

* ein ganzer Parameter kann ``nicht_bekannt`` sein (Begründung, keine Werte);
* ein Zeitraum kann eine :class:`Luecke` sein (es gab einen Wert, er ist nicht belegt).

Beides löst bei der Abfrage :class:`~kim_nrw.fehler.NichtBekannt` aus; ein Tag, an dem
es den Parameter gar nicht gab, löst :class:`~kim_nrw.fehler.KeinWertAmStichtag` aus.
"""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from attrs import field, frozen

from kim_nrw.fehler import KeinWertAmStichtag, NichtBekannt, UngueltigeEingabe
from kim_nrw.recht.quellen import (
    STAND_FAKTENBLATT,
    Gewissheit,
    deutsches_datum,
    ist_datum,
    ist_kurzname,
    ist_text,
)

__all__ = ["NAME_MUSTER", "Luecke", "Parameter", "Parameterart", "Parameterwert", "Wert"]

Wert = Decimal | int | date | str
"""Die möglichen Python-Typen eines Werts; welcher gilt, bestimmt die :class:`Parameterart`."""

NAME_MUSTER = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
"""Form eines Parameternamens: kleine ASCII-Wörter mit Punkten, z. B. ``ki.hoechstbetrag_kreis``."""

_CENT = Decimal("0.01")


class Parameterart(enum.Enum):
    """Was für ein Wert ein Parameter ist; bestimmt Python-Typ und Schreibweise in TOML.

    ==========  ========================  ==========================================
    Art         Python                    TOML
    ==========  ========================  ==========================================
    betrag      ``Decimal``, 2 Stellen    Text, ``"57000.00"`` oder ``"57000"``
    vzae        ``Decimal`` ≥ 0           Text, ``"0.5"`` (Vollzeitäquivalente)
    quote       ``Decimal`` 0 … 1         Text, ``"0.90"``
    anzahl      ``int`` ≥ 0               Ganzzahl, ``3``
    datum       ``date``                  Datum, ``2024-10-30``
    text        ``str``                   Text
    ==========  ========================  ==========================================
    """

    BETRAG = "betrag"
    VZAE = "vzae"
    QUOTE = "quote"
    ANZAHL = "anzahl"
    DATUM = "datum"
    TEXT = "text"

    def pruefe(self, wert: object) -> str | None:
        """Was an ``wert`` für diese Art falsch ist, oder ``None``, wenn er passt.

        >>> Parameterart.BETRAG.pruefe(Decimal("57000.00")) is None
        True
        >>> Parameterart.QUOTE.pruefe(Decimal("1.5"))
        'eine Quote zwischen 0 und 1'
        """
        if self in (Parameterart.BETRAG, Parameterart.VZAE, Parameterart.QUOTE):
            if not isinstance(wert, Decimal) or not wert.is_finite() or wert < 0:
                return "ein endlicher, nicht negativer Decimal"
            if self is Parameterart.BETRAG and wert.as_tuple().exponent != -2:
                return "ein Betrag mit genau zwei Nachkommastellen (Cent)"
            if self is Parameterart.QUOTE and wert > 1:
                return "eine Quote zwischen 0 und 1"
            return None
        if self is Parameterart.ANZAHL:
            ok = isinstance(wert, int) and not isinstance(wert, bool) and wert >= 0
            return None if ok else "eine nicht negative Ganzzahl"
        if self is Parameterart.DATUM:
            return None if ist_datum(wert) else "ein datetime.date ohne Uhrzeit"
        return None if ist_text(wert) else "ein nicht leerer Text"


# -- Validatoren -----------------------------------------------------------------------


def _ist_wert(wert: object) -> bool:
    if isinstance(wert, bool):
        return False
    if isinstance(wert, Decimal):
        return wert.is_finite()
    return isinstance(wert, int | str) or ist_datum(wert)


def _pruefe_wert(_i: object, _a: object, wert: Wert) -> None:
    if not _ist_wert(wert):
        raise UngueltigeEingabe(
            "wert", wert, "Decimal (endlich), int, datetime.date oder str – nie float oder bool"
        )


def _pruefe_gilt_ab(_i: object, _a: object, wert: date) -> None:
    if not ist_datum(wert):
        raise UngueltigeEingabe("gilt_ab", wert, "ein datetime.date ohne Uhrzeit")


def _pruefe_gilt_bis(_i: object, _a: object, wert: date | None) -> None:
    if wert is not None and not ist_datum(wert):
        raise UngueltigeEingabe("gilt_bis", wert, "None oder ein datetime.date ohne Uhrzeit")


def _pruefe_gewissheit(_i: object, _a: object, wert: Gewissheit) -> None:
    if not isinstance(wert, Gewissheit):
        raise UngueltigeEingabe("gewissheit", wert, "eine Gewissheit")


def _pruefe_quellen(_i: object, _a: object, wert: tuple[str, ...]) -> None:
    if not (isinstance(wert, tuple) and wert and all(ist_kurzname(k) for k in wert)):
        raise UngueltigeEingabe("quellen", wert, "ein Tupel mit mindestens einem Kurznamen")
    if len(set(wert)) != len(wert):
        raise UngueltigeEingabe("quellen", wert, "jeden Kurznamen nur einmal")


def _pruefe_luecken_quellen(_i: object, _a: object, wert: tuple[str, ...]) -> None:
    if not (isinstance(wert, tuple) and all(ist_kurzname(k) for k in wert)):
        raise UngueltigeEingabe("quellen", wert, "ein Tupel von Kurznamen (auch leer)")


def _pruefe_anmerkung(_i: object, _a: object, wert: str) -> None:
    if not isinstance(wert, str) or wert != wert.strip():
        raise UngueltigeEingabe("anmerkung", wert, "ein Text ohne Rand-Leerzeichen (oder leer)")


def _pruefe_geprueft(_i: object, _a: object, wert: date) -> None:
    if not ist_datum(wert):
        raise UngueltigeEingabe("zuletzt_geprueft", wert, "ein datetime.date ohne Uhrzeit")


def _pruefe_belegt_bis(_i: object, _a: object, wert: date | None) -> None:
    if wert is not None and not ist_datum(wert):
        raise UngueltigeEingabe("belegt_bis", wert, "None oder ein datetime.date ohne Uhrzeit")


def _pruefe_grund(_i: object, _a: object, wert: str) -> None:
    if not ist_text(wert):
        raise UngueltigeEingabe("grund", wert, "ein nicht leerer Text: warum nicht bekannt")


def _spanne(ab: date, bis: date | None) -> str:
    if bis is None:
        return f"ab {deutsches_datum(ab)}"
    return f"{deutsches_datum(ab)}–{deutsches_datum(bis)}"


def _pruefe_zeitraum(ab: date, bis: date | None) -> None:
    if bis is not None and bis < ab:
        raise UngueltigeEingabe("gilt_bis", bis, f"nicht vor gilt_ab {ab.isoformat()}")


def _enthaelt(ab: date, bis: date | None, tag: date) -> bool:
    return ab <= tag and (bis is None or tag <= bis)


@frozen
class Parameterwert:
    """Ein Wert eines Parameters in einem Zeitraum, mit Gewissheit und Quellen.

    ``gilt_ab`` und ``gilt_bis`` sind eingeschlossen; ``gilt_bis=None`` heißt: bis auf
    Weiteres (kein Ende bekannt).

    >>> w = Parameterwert(Decimal("57000.00"), date(2022, 1, 1), None, Gewissheit.ABGELEITET,
    ...                   ("S-pufii-KI",))
    >>> w.enthaelt(date(2030, 5, 1)), w.zeitraum
    (True, 'ab 01.01.2022')
    """

    wert: Wert = field(validator=_pruefe_wert)
    gilt_ab: date = field(validator=_pruefe_gilt_ab)
    gilt_bis: date | None = field(validator=_pruefe_gilt_bis)
    gewissheit: Gewissheit = field(validator=_pruefe_gewissheit)
    quellen: tuple[str, ...] = field(validator=_pruefe_quellen)
    anmerkung: str = field(default="", validator=_pruefe_anmerkung)
    zuletzt_geprueft: date = field(default=STAND_FAKTENBLATT, validator=_pruefe_geprueft)
    belegt_bis: date | None = field(default=None, validator=_pruefe_belegt_bis, kw_only=True)
    """Letzter Tag, für den eine Quelle den Wert bestätigt; ``None``: nicht angegeben.

    Wird der Wert für einen Zeitraum nach diesem Tag benutzt, ist er fortgeschrieben,
    und eine Prüfung nennt das als Vorbehalt (:mod:`kim_nrw.pruefung`)."""

    def __attrs_post_init__(self) -> None:
        _pruefe_zeitraum(self.gilt_ab, self.gilt_bis)
        if self.belegt_bis is not None and not _enthaelt(self.gilt_ab, self.gilt_bis,
                                                         self.belegt_bis):  # fmt: skip
            raise UngueltigeEingabe(
                "belegt_bis", self.belegt_bis, f"ein Tag im Zeitraum des Werts ({self.zeitraum})"
            )

    def enthaelt(self, stichtag: date) -> bool:
        """Ob der Wert am ``stichtag`` gilt."""
        return _enthaelt(self.gilt_ab, self.gilt_bis, stichtag)

    @property
    def zeitraum(self) -> str:
        """Der Geltungszeitraum als Text, z. B. ``01.01.2018–31.12.2021``."""
        return _spanne(self.gilt_ab, self.gilt_bis)

    @property
    def dezimal(self) -> Decimal:
        """Der Wert als ``Decimal`` (Arten betrag, vzae, quote)."""
        if not isinstance(self.wert, Decimal):
            raise UngueltigeEingabe("wert", self.wert, "ein Decimal (Art betrag, vzae oder quote)")
        return self.wert

    @property
    def ganzzahl(self) -> int:
        """Der Wert als ``int`` (Art anzahl)."""
        if not isinstance(self.wert, int):
            raise UngueltigeEingabe("wert", self.wert, "eine Ganzzahl (Art anzahl)")
        return self.wert

    @property
    def datum(self) -> date:
        """Der Wert als ``date`` (Art datum)."""
        if not isinstance(self.wert, date):
            raise UngueltigeEingabe("wert", self.wert, "ein Datum (Art datum)")
        return self.wert

    @property
    def text(self) -> str:
        """Der Wert als ``str`` (Art text)."""
        if not isinstance(self.wert, str):
            raise UngueltigeEingabe("wert", self.wert, "ein Text (Art text)")
        return self.wert


@frozen
class Luecke:
    """Ein Zeitraum, in dem es einen Wert gab, der aber nicht belegt ist (NOT FOUND).

    Eine Abfrage in der Lücke löst :class:`~kim_nrw.fehler.NichtBekannt` aus – anders als
    ein Tag, an dem es den Parameter gar nicht gab.
    """

    gilt_ab: date = field(validator=_pruefe_gilt_ab)
    gilt_bis: date | None = field(validator=_pruefe_gilt_bis)
    grund: str = field(validator=_pruefe_grund)
    quellen: tuple[str, ...] = field(default=(), validator=_pruefe_luecken_quellen)

    def __attrs_post_init__(self) -> None:
        _pruefe_zeitraum(self.gilt_ab, self.gilt_bis)

    def enthaelt(self, stichtag: date) -> bool:
        """Ob die Lücke den ``stichtag`` umfasst."""
        return _enthaelt(self.gilt_ab, self.gilt_bis, stichtag)

    @property
    def zeitraum(self) -> str:
        """Der Zeitraum als Text."""
        return _spanne(self.gilt_ab, self.gilt_bis)


def _pruefe_name(_i: object, _a: object, wert: str) -> None:
    if not (isinstance(wert, str) and NAME_MUSTER.fullmatch(wert)):
        raise UngueltigeEingabe(
            "name", wert, "kleine ASCII-Wörter mit Punkten, z. B. 'ki.hoechstbetrag_kreis'"
        )


def _pruefe_beschreibung(_i: object, _a: object, wert: str) -> None:
    if not ist_text(wert):
        raise UngueltigeEingabe("beschreibung", wert, "ein nicht leerer Text")


def _pruefe_einheit(_i: object, _a: object, wert: str) -> None:
    if not ist_text(wert):
        raise UngueltigeEingabe("einheit", wert, "ein nicht leerer Text, z. B. 'EUR je Jahr'")


def _pruefe_parameterart(_i: object, _a: object, wert: Parameterart) -> None:
    if not isinstance(wert, Parameterart):
        raise UngueltigeEingabe("art", wert, "eine Art")


def _pruefe_werte(_i: object, _a: object, wert: tuple[Parameterwert, ...]) -> None:
    if not (isinstance(wert, tuple) and all(isinstance(w, Parameterwert) for w in wert)):
        raise UngueltigeEingabe("werte", wert, "ein Tupel von Parameterwerten")


def _pruefe_luecken(_i: object, _a: object, wert: tuple[Luecke, ...]) -> None:
    if not (isinstance(wert, tuple) and all(isinstance(w, Luecke) for w in wert)):
        raise UngueltigeEingabe("luecken", wert, "ein Tupel von Lücken")


def _pruefe_nicht_bekannt(_i: object, _a: object, wert: str) -> None:
    if not isinstance(wert, str) or wert != wert.strip():
        raise UngueltigeEingabe("nicht_bekannt", wert, "leer oder eine Begründung")


@frozen
class Parameter:
    """Ein benannter, dokumentierter Wert, der sich mit der Zeit ändert.

    :param name: stabile Kennung, z. B. ``ki.fachkraft.hoechstbetrag_je_stelle``.
    :param beschreibung: was der Wert bedeutet, ein Satz.
    :param einheit: z. B. ``EUR je Stelle und Jahr``.
    :param art: Typ der Werte.
    :param werte: die Werte, chronologisch und ohne Überschneidung.
    :param luecken: Zeiträume, in denen der Wert nicht belegt ist.
    :param nicht_bekannt: leer, oder warum der ganze Parameter nicht belegt ist.

    >>> p = Parameter("x.betrag", "Ein Betrag", "EUR", Parameterart.BETRAG, (
    ...     Parameterwert(Decimal("1.00"), date(2020, 1, 1), date(2020, 12, 31),
    ...                   Gewissheit.BESTAETIGT, ("Q",)),))
    >>> p.wert_am(date(2020, 6, 30)).wert
    Decimal('1.00')
    >>> p.wert_am(date(2021, 1, 1))
    Traceback (most recent call last):
    kim_nrw.fehler.KeinWertAmStichtag: Parameter 'x.betrag' hat am 01.01.2021 keinen Wert; Werte gibt es nur für 01.01.2020–31.12.2020
    """  # noqa: E501

    name: str = field(validator=_pruefe_name)
    beschreibung: str = field(validator=_pruefe_beschreibung)
    einheit: str = field(validator=_pruefe_einheit)
    art: Parameterart = field(validator=_pruefe_parameterart)
    werte: tuple[Parameterwert, ...] = field(default=(), validator=_pruefe_werte)
    luecken: tuple[Luecke, ...] = field(default=(), validator=_pruefe_luecken, kw_only=True)
    nicht_bekannt: str = field(default="", validator=_pruefe_nicht_bekannt, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.nicht_bekannt:
            if self.werte or self.luecken:
                raise UngueltigeEingabe(
                    "nicht_bekannt", self.nicht_bekannt, "keine Werte oder Lücken daneben"
                )
            return
        if not self.werte and not self.luecken:
            raise UngueltigeEingabe(
                "werte", self.werte, "mindestens einen Wert, eine Lücke oder nicht_bekannt"
            )
        for nr, w in enumerate(self.werte):
            problem = self.art.pruefe(w.wert)
            if problem is not None:
                erwartet = f"{problem} (Art {self.art.value})"
                raise UngueltigeEingabe(f"werte[{nr}].wert", w.wert, erwartet)
        _pruefe_folge("werte", self.werte)
        _pruefe_folge("luecken", self.luecken)
        for luecke in self.luecken:
            for w in self.werte:
                if _ueberschneiden(luecke.gilt_ab, luecke.gilt_bis, w.gilt_ab, w.gilt_bis):
                    raise UngueltigeEingabe(
                        "luecken",
                        luecke.zeitraum,
                        f"keine Überschneidung mit dem Wert {w.zeitraum}",
                    )

    @property
    def ist_bekannt(self) -> bool:
        """Ob der Parameter überhaupt belegte Werte hat."""
        return not self.nicht_bekannt

    def wert_am(self, stichtag: date) -> Parameterwert:
        """Der am ``stichtag`` geltende Wert samt Zeitraum, Gewissheit und Quellen.

        Löst :class:`~kim_nrw.fehler.NichtBekannt` aus, wenn der Wert (am Stichtag) nicht
        belegt ist, und :class:`~kim_nrw.fehler.KeinWertAmStichtag`, wenn der Parameter an
        diesem Tag nicht galt; die Meldung nennt die Zeiträume, die es gibt.
        """
        if not ist_datum(stichtag):
            raise UngueltigeEingabe("stichtag", stichtag, "ein datetime.date ohne Uhrzeit")
        if self.nicht_bekannt:
            raise NichtBekannt(f"Parameter {self.name!r} ist nicht bekannt: {self.nicht_bekannt}")
        for w in self.werte:
            if w.gilt_ab <= stichtag and (w.gilt_bis is None or stichtag <= w.gilt_bis):
                return w
        tag = deutsches_datum(stichtag)
        for luecke in self.luecken:
            if luecke.enthaelt(stichtag):
                belegt = f" (gesucht in: {', '.join(luecke.quellen)})" if luecke.quellen else ""
                raise NichtBekannt(
                    f"Parameter {self.name!r} ist am {tag} nicht bekannt (Lücke "
                    f"{luecke.zeitraum}): {luecke.grund}{belegt}"
                )
        raise KeinWertAmStichtag(
            f"Parameter {self.name!r} hat am {tag} keinen Wert; {self._uebersicht()}"
        )

    def _uebersicht(self) -> str:
        werte = ", ".join(w.zeitraum for w in self.werte) or "keine"
        text = f"Werte gibt es nur für {werte}"
        if self.luecken:
            text += "; nicht bekannt für " + ", ".join(lu.zeitraum for lu in self.luecken)
        return text

    def quellen(self) -> tuple[str, ...]:
        """Alle Kurznamen, auf die sich Werte und Lücken stützen, ohne Doppelte."""
        return tuple(dict.fromkeys(_alle_quellen(self.werte, self.luecken)))


def _alle_quellen(werte: Iterable[Parameterwert], luecken: Iterable[Luecke]) -> Iterable[str]:
    for w in werte:
        yield from w.quellen
    for luecke in luecken:
        yield from luecke.quellen


def _ueberschneiden(ab1: date, bis1: date | None, ab2: date, bis2: date | None) -> bool:
    return (bis1 is None or ab2 <= bis1) and (bis2 is None or ab1 <= bis2)


def _pruefe_folge(feld: str, folge: tuple[Parameterwert | Luecke, ...]) -> None:
    for vorher, nachher in itertools.pairwise(folge):
        if nachher.gilt_ab < vorher.gilt_ab:
            raise UngueltigeEingabe(
                feld, nachher.zeitraum, f"chronologische Reihenfolge (steht nach {vorher.zeitraum})"
            )
        if _ueberschneiden(vorher.gilt_ab, vorher.gilt_bis, nachher.gilt_ab, nachher.gilt_bis):
            raise UngueltigeEingabe(
                feld, nachher.zeitraum, f"keine Überschneidung mit {vorher.zeitraum}"
            )

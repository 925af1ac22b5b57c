"""Parameter nach Stichtag: Beträge, Stellen, Fristen – jeder Wert mit Zeitraum und Quelle.

Ein :class:`Parameter` hat einen Namen (``ki.fachkraft.hoechstbetrag_je_stelle``), eine
:class:`Parameterart` und eine chronologische Folge von :class:`Parameterwert` en. Jeder Wert
gilt von ``gilt_ab`` bis ``gilt_bis`` (beide Tage eingeschlossen; ``None`` = offen),
trägt eine :class:`~kim_nrw.recht.quellen.Gewissheit` und mindestens eine Quelle aus dem Katalog.

:meth:`Parameter.wert_am` liefert den am Stichtag geltenden Wert *mit* seiner Herkunft.
Den Stichtag gibt immer der Aufrufer: kim_nrw liest nie die Uhr, damit dieselbe
Anfrage morgen dasselbe Ergebnis liefert wie heute.

Was die gelesenen Quellen nicht belegen, wird nicht geraten:

* ein ganzer Parameter kann ``nicht_bekannt`` sein (Begründung, keine Werte);
* ein Zeitraum kann eine :class:`Luecke` sein (es gab einen Wert, er ist nicht belegt).

Beides löst bei der Abfrage :class:`~kim_nrw.fehler.NichtBekannt` aus; ein Tag, an dem
es den Parameter gar nicht gab, löst :class:`~kim_nrw.fehler.KeinWertAmStichtag` aus.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import TypeVar

import cattrs
from attrs import field

from kim_nrw._modell import frozen
from kim_nrw._veraltet import VeraltetesAttribut
from kim_nrw.bezeichnet import Bezeichnet
from kim_nrw.fehler import KeinWertAmStichtag, NichtBekannt, UngueltigeEingabe
from kim_nrw.geld import Betrag
from kim_nrw.konverter import Hook, JsonSchema, Konverter, Wertform, folge_hook
from kim_nrw.recht.quellen import (
    KURZNAME,
    STAND_ERSTERFASSUNG,
    Gewissheit,
    deutsches_datum,
    ist_datum,
    ist_text,
)
from kim_nrw.validatoren import (
    Aufzaehlung,
    Datum,
    Folge,
    Ganzzahl,
    Muster,
    Text,
    Typ,
    Validator,
    ganz,
)
from kim_nrw.zeit import DATUM

__all__ = [
    "NAME_MUSTER",
    "WERT",
    "Luecke",
    "Parameter",
    "Parameterart",
    "Parameterwert",
    "Wert",
    "parameter_hook",
]

_W = TypeVar("_W", Decimal, int, date, str)

Wert = Decimal | int | date | str
"""Die möglichen Python-Typen eines Werts; welcher gilt, bestimmt die :class:`Parameterart`."""

NAME_MUSTER = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
"""Form eines Parameternamens: kleine ASCII-Wörter mit Punkten, z. B. ``ki.hoechstbetrag_kreis``."""


class Parameterart(Bezeichnet):
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

    BETRAG = "betrag", "Betrag"
    VZAE = "vzae", "Stellenumfang (VZÄ)"
    QUOTE = "quote", "Quote"
    ANZAHL = "anzahl", "Anzahl"
    DATUM = "datum", "Datum"
    TEXT = "text", "Text"

    def mangel(self, wert: object) -> str | None:
        """Was an dem Python-Wert ``wert`` für diese Art falsch ist, oder ``None``, wenn er passt.

        >>> Parameterart.BETRAG.mangel(Decimal("57000.00")) is None
        True
        >>> Parameterart.QUOTE.mangel(Decimal("1.5"))
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
            return None if _ANZAHL.gilt(wert) else "eine nicht negative Ganzzahl"
        if self is Parameterart.DATUM:
            return None if ist_datum(wert) else "ein datetime.date ohne Uhrzeit"
        return None if ist_text(wert) else "ein nicht leerer Text"

    # -- Textform der Werte (JSON und TOML) -----------------------------------------------

    @property
    def erwartet(self) -> str:
        """Wie ein Wert dieser Art in JSON und TOML geschrieben wird, als deutscher Satz."""
        return _ERWARTET[self]

    def lies(self, wert: object, datum: Callable[[object], date]) -> Wert:
        """Liest einen Wert dieser Art aus seiner Textform; ``datum`` liest Kalendertage
        (in TOML ein Datum, in JSON ein Text ``JJJJ-MM-TT``).

        Beträge und Dezimalwerte sind Texte, nie Zahlen mit Dezimalpunkt, damit nichts
        gerundet wird; ein Betrag ``"57000"`` wird ``Decimal("57000.00")``.

        >>> from kim_nrw.recht import Parameterart
        >>> from kim_nrw.zeit import lies_datum
        >>> Parameterart.BETRAG.lies("22500.5", lies_datum), Parameterart.QUOTE.lies("0.90", lies_datum)
        (Decimal('22500.50'), Decimal('0.90'))
        """  # noqa: E501
        if isinstance(wert, float):
            raise UngueltigeEingabe("wert", wert, f"{self.erwartet} – kein Float (Rundungsfehler)")
        try:
            if self is Parameterart.BETRAG:
                return Betrag.parse(wert, technisch=True).wert  # type: ignore[arg-type]
            if self is Parameterart.DATUM:
                return datum(wert)
        except UngueltigeEingabe:
            pass
        else:
            if self in (Parameterart.VZAE, Parameterart.QUOTE):
                if (
                    wert.__class__ is str
                    and len(wert) <= _DEZIMAL_LAENGE
                    and _DEZIMALTEXT[self].fullmatch(wert)
                ):
                    return Decimal(wert)
            elif self is Parameterart.ANZAHL:
                if wert.__class__ is int and _ANZAHL.gilt(wert):
                    return wert
            elif self is Parameterart.TEXT and _TEXT.gilt(wert):
                return wert  # type: ignore[return-value]
        raise UngueltigeEingabe("wert", wert, self.erwartet)

    def json_schema(self) -> JsonSchema:
        """Das JSON-Schema-Fragment eines Werts dieser Art."""
        if self is Parameterart.BETRAG:
            return Betrag.json_schema(technisch=True)
        if self in (Parameterart.VZAE, Parameterart.QUOTE):
            return {"type": "string", "maxLength": _DEZIMAL_LAENGE,
                    "pattern": ganz(_DEZIMALTEXT[self].pattern)}  # fmt: skip
        if self is Parameterart.ANZAHL:
            return {"type": "integer", **_ANZAHL.json_schema()}
        if self is Parameterart.DATUM:
            return DATUM.schema()
        return _TEXT.json_schema()


_DEZIMAL_LAENGE = 100
_DEZIMALTEXT = {
    Parameterart.VZAE: re.compile(r"[0-9]+(?:\.[0-9]+)?", re.ASCII),
    Parameterart.QUOTE: re.compile(r"0+(?:\.[0-9]+)?|0*1(?:\.0+)?", re.ASCII),
}
_ERWARTET = {
    Parameterart.BETRAG: 'für Art betrag ein Text mit Ziffern und höchstens zwei '
    'Nachkommastellen, z. B. "57000.00"',
    Parameterart.VZAE: 'für Art vzae ein Dezimaltext ≥ 0, z. B. "0.5"',
    Parameterart.QUOTE: 'für Art quote ein Dezimaltext zwischen 0 und 1, z. B. "0.90"',
    Parameterart.ANZAHL: "für Art anzahl eine ganze Zahl ≥ 0",
    Parameterart.DATUM: "für Art datum ein Datum JJJJ-MM-TT",
    Parameterart.TEXT: "für Art text ein nicht leerer Text ohne Rand-Leerzeichen",
}  # fmt: skip


# -- Validatoren -----------------------------------------------------------------------


@frozen
class _Wert(Validator):
    """Ein Parameterwert irgendeiner Art; welche gilt, prüft der :class:`Parameter`."""

    def gilt(self, wert: object) -> bool:
        if isinstance(wert, bool):
            return False
        if isinstance(wert, Decimal):
            return wert.is_finite()
        return isinstance(wert, int | str) or ist_datum(wert)

    def beschreibung(self) -> str:
        return "Decimal (endlich), int, datetime.date oder str – nie float oder bool"


_ANZAHL = Ganzzahl(minimum=0)
_TEXT = Text()
_ANMERKUNG = Text(leer=True)
_TAG = Datum()
_OFFEN_ODER_TAG = Datum(optional=True)
_GEWISSHEIT = Aufzaehlung(Gewissheit)
_QUELLEN = Folge(
    KURZNAME, mindestens=1, eindeutig=True,
    text="ein Tupel von Kurznamen: mindestens eine Quelle, jede nur einmal",
)  # fmt: skip
_LUECKEN_QUELLEN = Folge(KURZNAME, text="ein Tupel von Kurznamen (auch leer)")


def _spanne(ab: date, bis: date | None) -> str:
    if bis is None:
        return f"ab {deutsches_datum(ab)}"
    return f"{deutsches_datum(ab)}–{deutsches_datum(bis)}"


def _pruefe_zeitraum(klasse: str, ab: date, bis: date | None) -> None:
    if bis is not None and bis < ab:
        raise UngueltigeEingabe(f"{klasse}.gilt_bis", bis, f"nicht vor gilt_ab {ab.isoformat()}")


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

    wert: Wert = field(validator=_Wert())
    gilt_ab: date = field(validator=_TAG)
    gilt_bis: date | None = field(validator=_OFFEN_ODER_TAG)
    gewissheit: Gewissheit = field(validator=_GEWISSHEIT)
    quellen: tuple[str, ...] = field(validator=_QUELLEN)
    anmerkung: str = field(default="", validator=_ANMERKUNG)
    zuletzt_geprueft: date = field(default=STAND_ERSTERFASSUNG, validator=_TAG)
    belegt_bis: date | None = field(default=None, validator=_OFFEN_ODER_TAG, kw_only=True)

    status = VeraltetesAttribut("gewissheit", seit="0.2.0", entfaellt_in="0.4.0")
    """Letzter Tag, für den eine Quelle den Wert bestätigt; ``None``: nicht angegeben.

    Benutzt eine Prüfung den Wert für einen Zeitraum nach diesem Tag, ist er
    fortgeschrieben, und das Ergebnis nennt das als Vorbehalt (:mod:`kim_nrw.pruefung`)."""

    def __attrs_post_init__(self) -> None:
        _pruefe_zeitraum("Parameterwert", self.gilt_ab, self.gilt_bis)
        if self.belegt_bis is not None and not _enthaelt(
            self.gilt_ab, self.gilt_bis, self.belegt_bis
        ):
            raise UngueltigeEingabe(
                "Parameterwert.belegt_bis",
                self.belegt_bis,
                f"ein Tag im Zeitraum des Werts ({self.zeitraum})",
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
        return self._als(Decimal, "ein Decimal (Art betrag, vzae oder quote)")

    @property
    def ganzzahl(self) -> int:
        """Der Wert als ``int`` (Art anzahl)."""
        return self._als(int, "eine Ganzzahl (Art anzahl)")

    @property
    def datum(self) -> date:
        """Der Wert als ``date`` (Art datum)."""
        return self._als(date, "ein Datum (Art datum)")

    @property
    def text(self) -> str:
        """Der Wert als ``str`` (Art text)."""
        return self._als(str, "ein Text (Art text)")

    def _als(self, typ: type[_W], erwartet: str) -> _W:
        if not isinstance(self.wert, typ):
            raise UngueltigeEingabe("wert", self.wert, erwartet)
        return self.wert


@frozen
class Luecke:
    """Ein Zeitraum, in dem es einen Wert gab, der aber nicht belegt ist.

    Eine Abfrage in der Lücke löst :class:`~kim_nrw.fehler.NichtBekannt` aus – anders als
    ein Tag, an dem es den Parameter gar nicht gab.
    """

    gilt_ab: date = field(validator=_TAG)
    gilt_bis: date | None = field(validator=_OFFEN_ODER_TAG)
    grund: str = field(validator=_TEXT)
    quellen: tuple[str, ...] = field(default=(), validator=_LUECKEN_QUELLEN)

    def __attrs_post_init__(self) -> None:
        _pruefe_zeitraum("Luecke", self.gilt_ab, self.gilt_bis)

    def enthaelt(self, stichtag: date) -> bool:
        """Ob die Lücke den ``stichtag`` umfasst."""
        return _enthaelt(self.gilt_ab, self.gilt_bis, stichtag)

    @property
    def zeitraum(self) -> str:
        """Der Zeitraum als Text."""
        return _spanne(self.gilt_ab, self.gilt_bis)


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

    name: str = field(
        validator=Muster(
            NAME_MUSTER.pattern, "kleine ASCII-Wörter mit Punkten, z. B. 'ki.hoechstbetrag_kreis'"
        )
    )
    beschreibung: str = field(validator=_TEXT)
    einheit: str = field(validator=_TEXT)
    art: Parameterart = field(validator=Aufzaehlung(Parameterart))
    werte: tuple[Parameterwert, ...] = field(
        default=(), validator=Folge(Typ((Parameterwert,), "ein Parameterwert"))
    )
    luecken: tuple[Luecke, ...] = field(
        default=(), validator=Folge(Typ((Luecke,), "eine Lücke")), kw_only=True
    )
    nicht_bekannt: str = field(default="", validator=_ANMERKUNG, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.nicht_bekannt:
            if self.werte or self.luecken:
                raise UngueltigeEingabe(
                    "Parameter.nicht_bekannt", self.nicht_bekannt, "keine Werte oder Lücken daneben"
                )
            return
        if not self.werte and not self.luecken:
            raise UngueltigeEingabe(
                "Parameter.werte",
                self.werte,
                "mindestens einen Wert, eine Lücke oder nicht_bekannt",
            )
        for nr, w in enumerate(self.werte):
            problem = self.art.mangel(w.wert)
            if problem is not None:
                erwartet = f"{problem} (Art {self.art.value})"
                raise UngueltigeEingabe(f"Parameter.werte[{nr}].wert", w.wert, erwartet)
        _pruefe_folge("werte", self.werte)
        _pruefe_folge("luecken", self.luecken)
        for luecke in self.luecken:
            for w in self.werte:
                if _ueberschneiden(luecke.gilt_ab, luecke.gilt_bis, w.gilt_ab, w.gilt_bis):
                    raise UngueltigeEingabe(
                        "Parameter.luecken",
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
                f"Parameter.{feld}",
                nachher.zeitraum,
                f"chronologische Reihenfolge (steht nach {vorher.zeitraum})",
            )
        if _ueberschneiden(vorher.gilt_ab, vorher.gilt_bis, nachher.gilt_ab, nachher.gilt_bis):
            raise UngueltigeEingabe(
                f"Parameter.{feld}", nachher.zeitraum, f"keine Überschneidung mit {vorher.zeitraum}"
            )


# -- Im Konverter: erst die Art, dann die Werte in ihrer Form -----------------------------------


def _wert_als_json(wert: Wert) -> object:
    if isinstance(wert, Decimal):
        return format(wert, "f")
    if isinstance(wert, date):
        return DATUM.schreibe(wert)
    return wert


def _ohne_parameter(wert: object) -> Wert:
    raise UngueltigeEingabe(
        "wert", wert, "einen Parameterwert nur in seinem Parameter (erst dessen Art sagt, "
        'ob "0.90" ein Dezimalwert oder ein Text ist)',
    )  # fmt: skip


WERT = Wertform(
    _ohne_parameter,
    _wert_als_json,
    lambda: {"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 0}]},
    "ein Parameterwert passend zur Art des Parameters",
)
"""Die JSON-Form eines :data:`Wert` s; gelesen wird er nur in seinem Parameter."""

_ARTEN = {a.value: a for a in Parameterart}


def parameter_hook(konverter: Konverter, k: cattrs.Converter) -> Hook:
    """Der Hook des Konverters für :class:`Parameter`: liest die Werte in der Form ihrer Art.

    Für jede Art (und für eine fehlende oder unbekannte, die dann selbst gemeldet wird)
    gibt es einen eigenen, einmal erzeugten Hook; der Aufruf wählt ihn nach ``art``.
    """
    datum = k.get_structure_hook(date)
    je_art: dict[Parameterart | None, Hook] = {}
    for art in (*Parameterart, None):
        wert = _wert_hook(art, datum)
        eintrag = konverter.modell_hook(k, Parameterwert, wert=wert)
        werte = folge_hook(k, tuple[Parameterwert, ...], eintrag)
        je_art[art] = konverter.modell_hook(k, Parameter, werte=werte)

    def hook(daten: object, typ: object) -> object:
        art = daten.get("art") if isinstance(daten, dict) else None
        return je_art[_ARTEN.get(art) if art.__class__ is str else None](daten, typ)

    return hook


def _wert_hook(art: Parameterart | None, datum: Hook) -> Hook:
    if art is None:

        def ohne_art(wert: object, _typ: object) -> object:
            return wert  # die Art selbst ist das Problem und wird gemeldet

        return ohne_art

    def lies_datum(wert: object) -> date:
        return datum(wert, date)  # type: ignore[no-any-return]

    def mit_art(wert: object, _typ: object) -> object:
        return art.lies(wert, lies_datum)

    return mit_art

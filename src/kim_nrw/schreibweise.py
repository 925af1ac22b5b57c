"""Die deutsche Schreibweise von Daten, Zeiträumen, Zahlen, Beträgen und Stellenanteilen.

Jede Ausgabe für Menschen – Aktenvermerk, Kommandozeile, Doku – schreibt Zahlen und
Daten über dieses Modul, damit sie überall gleich aussehen: Tage als ``01.07.2020``,
Spannen als ``01.01.2018–31.12.2021``, Beträge als ``57.000,00 €``, Stellen als
``1,5 VZÄ``. Die JSON-Form (ISO-Daten, ``"57000.00"``) legen die Werttypen selbst fest;
hier steht nur, was Menschen lesen.

Gerechnet wird in einem eigenen Decimal-Kontext, nie im Kontext des Aufrufers.

>>> import datetime as dt
>>> from decimal import Decimal
>>> from kim_nrw import schreibweise
>>> schreibweise.spanne(dt.date(2018, 1, 1), dt.date(2021, 12, 31))
'01.01.2018–31.12.2021'
>>> schreibweise.betrag(Decimal("57000.00")), schreibweise.vzae(Decimal("1.50"))
('57.000,00 €', '1,5 VZÄ')
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from fractions import Fraction
from typing import NoReturn

from kim_nrw.fehler import UngueltigeEingabe

__all__ = [
    "betrag",
    "bruch",
    "datum",
    "ganzzahl",
    "prozent",
    "spanne",
    "vzae",
    "zahl",
    "zeitraum",
]

_KONTEXT = Context(prec=60, rounding=ROUND_HALF_UP)
_DEUTSCH = str.maketrans({",": ".", ".": ","})
_STELLEN = 50
"""Höchstens so viele Stellen hat eine Zahl, die dieses Modul schreibt (der Kontext rechnet
mit 60): mehr ist kein Betrag, kein Stellenumfang und keine Einwohnerzahl."""


def _falsch(name: str, wert: object, erwartet: str) -> NoReturn:
    raise UngueltigeEingabe(f"schreibweise.{name}", wert, erwartet)


def _tag(name: str, tag: object) -> dt.date:
    if tag.__class__ is not dt.date and (
        not isinstance(tag, dt.date) or isinstance(tag, dt.datetime)
    ):
        _falsch(name, tag, "ein Kalendertag (datetime.date, kein datetime)")
    return tag


def _dezimal(name: str, wert: object) -> Decimal:
    """``wert`` als endlicher Decimal mit höchstens ``_STELLEN`` Stellen (int oder Decimal)."""
    if isinstance(wert, Decimal):
        d = wert
    elif isinstance(wert, int) and not isinstance(wert, bool) and wert.bit_length() < 200:
        d = Decimal(wert)
    else:
        _falsch(name, wert, f"eine Zahl als Decimal oder int (höchstens {_STELLEN} Stellen)")
    if not d.is_finite() or (not d.is_zero() and abs(d.adjusted()) >= _STELLEN):
        _falsch(name, wert, f"eine endliche Zahl mit höchstens {_STELLEN} Stellen")
    return d


def datum(tag: dt.date) -> str:
    """Ein Tag, z. B. ``01.07.2020``.

    >>> import datetime as dt
    >>> from kim_nrw.schreibweise import datum
    >>> datum(dt.date(2020, 7, 1))
    '01.07.2020'
    """
    if tag.__class__ is not dt.date:
        _tag("datum", tag)
    return f"{tag.day:02d}.{tag.month:02d}.{tag.year:04d}"


def zeitraum(beginn: dt.date, ende: dt.date) -> str:
    """Ein Zeitraum wie in Bescheiden, z. B. ``01.07.2020 bis 31.12.2020``."""
    _tag("zeitraum", beginn), _tag("zeitraum", ende)
    return f"{datum(beginn)} bis {datum(ende)}"


def spanne(ab: dt.date, bis: dt.date | None) -> str:
    """Ein Geltungszeitraum, offen oder geschlossen: ``ab 01.01.2022`` oder ``01.01.2018–31.12.2021``.

    >>> import datetime as dt
    >>> from kim_nrw.schreibweise import spanne
    >>> spanne(dt.date(2022, 1, 1), None)
    'ab 01.01.2022'
    """  # noqa: E501
    _tag("spanne", ab)
    if bis is None:
        return f"ab {datum(ab)}"
    return f"{datum(ab)}–{datum(bis)}"


def ganzzahl(wert: int) -> str:
    """Eine ganze Zahl mit Tausenderpunkten, z. B. ``1.234.567``."""
    if wert.__class__ is not int and (isinstance(wert, bool) or not isinstance(wert, int)):
        _falsch("ganzzahl", wert, "eine ganze Zahl (int, kein bool)")
    if wert.bit_length() > 4 * _STELLEN:
        _falsch("ganzzahl", wert, f"eine ganze Zahl mit höchstens {_STELLEN} Stellen")
    return f"{wert:,}".replace(",", ".")


def zahl(wert: Decimal | int, stellen: int | None = None) -> str:
    """Eine Dezimalzahl mit Tausenderpunkt und Dezimalkomma, nie mit Exponent.

    Ohne ``stellen`` ohne überflüssige Nullen (``1,50`` → ``1,5``, ``90,00`` → ``90``);
    mit ``stellen`` genau so viele Nachkommastellen (kaufmännisch gerundet, falls nötig).

    >>> from decimal import Decimal
    >>> from kim_nrw.schreibweise import zahl
    >>> zahl(Decimal("1234.50")), zahl(Decimal("57000"), 2), zahl(Decimal("1E+3"))
    ('1.234,5', '57.000,00', '1.000')
    """
    d = _dezimal("zahl", wert)
    if stellen is not None and (
        not isinstance(stellen, int) or isinstance(stellen, bool) or not 0 <= stellen <= 20
    ):
        _falsch("zahl", stellen, "eine Zahl der Nachkommastellen 0..20 oder None")
    try:
        return _zahl(d, stellen)
    except InvalidOperation:  # mehr Stellen, als der Kontext fasst
        _falsch("zahl", wert, f"eine endliche Zahl mit höchstens {_STELLEN} Stellen")


def _zahl(d: Decimal, stellen: int | None) -> str:
    if stellen is None:
        d = d.normalize(_KONTEXT)
        exponent = d.as_tuple().exponent
        if isinstance(exponent, int) and exponent > 0:
            d = d.quantize(Decimal(1), context=_KONTEXT)
        return format(d, ",f").translate(_DEUTSCH)
    genau = d.quantize(Decimal(1).scaleb(-stellen, _KONTEXT), context=_KONTEXT)
    return format(genau, f",.{stellen}f").translate(_DEUTSCH)


def betrag(wert: Decimal) -> str:
    """Ein Eurobetrag mit zwei Nachkommastellen, z. B. ``57.000,00 €``."""
    return f"{zahl(wert, 2)} €"


def vzae(wert: Decimal) -> str:
    """Ein Stellenumfang in Vollzeitäquivalenten, z. B. ``0,5 VZÄ``."""
    return f"{zahl(wert)} VZÄ"


def prozent(anteil: Decimal) -> str:
    """Ein Anteil (0 … 1) in Prozent, z. B. ``90 %`` für ``0.90``."""
    return f"{zahl(_KONTEXT.multiply(_dezimal('prozent', anteil), Decimal(100)))} %"


def bruch(wert: Fraction) -> str:
    """Ein Bruch als ``Zähler/Nenner``, z. B. ``1/2`` für sechs von zwölf Monaten."""
    if not isinstance(wert, Fraction) or max(abs(wert.numerator), wert.denominator) > 10**_STELLEN:
        _falsch("bruch", wert, f"ein Bruch (fractions.Fraction) mit höchstens {_STELLEN} Stellen")
    return f"{wert.numerator}/{wert.denominator}"

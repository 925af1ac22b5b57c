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
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

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


def datum(tag: dt.date) -> str:
    """Ein Tag, z. B. ``01.07.2020``.

    >>> import datetime as dt
    >>> from kim_nrw.schreibweise import datum
    >>> datum(dt.date(2020, 7, 1))
    '01.07.2020'
    """
    return f"{tag.day:02d}.{tag.month:02d}.{tag.year:04d}"


def zeitraum(beginn: dt.date, ende: dt.date) -> str:
    """Ein Zeitraum wie in Bescheiden, z. B. ``01.07.2020 bis 31.12.2020``."""
    return f"{datum(beginn)} bis {datum(ende)}"


def spanne(ab: dt.date, bis: dt.date | None) -> str:
    """Ein Geltungszeitraum, offen oder geschlossen: ``ab 01.01.2022`` oder ``01.01.2018–31.12.2021``.

    >>> import datetime as dt
    >>> from kim_nrw.schreibweise import spanne
    >>> spanne(dt.date(2022, 1, 1), None)
    'ab 01.01.2022'
    """  # noqa: E501
    if bis is None:
        return f"ab {datum(ab)}"
    return f"{datum(ab)}–{datum(bis)}"


def ganzzahl(wert: int) -> str:
    """Eine ganze Zahl mit Tausenderpunkten, z. B. ``1.234.567``."""
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
    d = Decimal(wert)
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
    return f"{zahl(_KONTEXT.multiply(anteil, Decimal(100)))} %"


def bruch(wert: Fraction) -> str:
    """Ein Bruch als ``Zähler/Nenner``, z. B. ``1/2`` für sechs von zwölf Monaten."""
    return f"{wert.numerator}/{wert.denominator}"

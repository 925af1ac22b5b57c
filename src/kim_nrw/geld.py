"""Geldbeträge in Euro und Stellenanteile (VZÄ), exakt gerechnet.

Ein :class:`Betrag` ist ein :class:`decimal.Decimal` mit genau zwei
Nachkommastellen und nie negativ. Addition und Subtraktion sind exakt; es gibt
genau eine Rundungsregel, und die steht ausdrücklich im Code:
:meth:`Betrag.mal` rundet kaufmännisch (``ROUND_HALF_UP``) auf den Cent.
Gleitkommazahlen werden abgelehnt, weil ``0.1 + 0.2 != 0.3`` auch in Euro gilt.

>>> from kim_nrw.geld import Betrag, Stellenanteil
>>> b = Betrag.parse("57.000,00 €")
>>> str(b.mal(Stellenanteil.parse("0,5")))
'28.500,00 €'
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence
from decimal import Clamped, Context, Decimal, Inexact, InvalidOperation, Overflow, Rounded
from fractions import Fraction
from typing import ClassVar, NoReturn, Self

from attrs import field

from kim_nrw._modell import frozen
from kim_nrw.fehler import UngueltigerBetrag, UngueltigerStellenanteil
from kim_nrw.konverter import JsonSchema
from kim_nrw.validatoren import Validator, ganz

__all__ = ["BETRAG_MAX", "Betrag", "Stellenanteil"]

# Eigener Kontext: die Rechnung hängt nie vom Decimal-Kontext des Aufrufers ab,
# und jede Ungenauigkeit wäre ein Fehler statt einer stillen Rundung.
_KONTEXT = Context(prec=60, traps=[InvalidOperation, Inexact, Rounded, Overflow, Clamped])

BETRAG_MAX = Decimal("999999999999999.99")
"""Größter Betrag (knapp 10^15 €): eine technische Grenze, die alle Rechnungen exakt hält."""

_MAX_CENT = int(BETRAG_MAX.scaleb(2, _KONTEXT))
_FAKTOR_MAX = 10**15
_CENT_NULL = Decimal("0.00")
_MAX_TEXT = 40

# Die Schreibweisen eines Betrags, je einmal: Python liest mit ihnen, das JSON Schema
# beschreibt mit ihnen (beide verstehen dieselbe Syntax). Höchstens 15 Stellen vor dem Komma.
_TECHNISCH = r"(0|[1-9][0-9]{0,14})(?:\.([0-9]{1,2}))?"  # 57000.00 · 0.5 · 57000 (wie JSON)
_DEUTSCH = r"(0|[1-9][0-9]{0,2}(?:\.[0-9]{3}){1,4}|[1-9][0-9]{0,14})(?:,([0-9]{1,2}))?"
_EURO = r"(?:[ \u00a0\u202f]?(?:\u20ac|EUR))?"
_KANONISCH = r"(?:0|[1-9][0-9]{0,14})\.[0-9]{2}"  # genau die Form, die to_json schreibt


@functools.cache
def _betrag_muster() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Die Muster (kanonisch, technisch, deutsch), beim ersten Gebrauch übersetzt."""
    return (
        re.compile(_KANONISCH, re.ASCII),
        re.compile(_TECHNISCH + _EURO, re.ASCII),
        re.compile(_DEUTSCH + _EURO, re.ASCII),
    )


_BETRAG_ERWARTET = (
    "ein nicht negativer Eurobetrag mit höchstens zwei Nachkommastellen als str, int oder "
    "Decimal, z. B. '57.000,00 €', '57000.00' oder 57000"
)
_TECHNISCH_ERWARTET = 'ein Betrag in technischer Schreibweise, z. B. "57000.00" oder "57000"'

_STELLE_STELLEN = 6


def _ist_stellen_text(text: str) -> bool:
    """Prüft die Form ``0``/``1`` mit optional ``,`` oder ``.`` und 1-6 ASCII-Ziffern."""
    if text in ("0", "1"):
        return True
    nachkomma = text[2:]
    return (
        len(text) > 2
        and text[0] in "01"
        and text[1] in ".,"
        and len(nachkomma) <= _STELLE_STELLEN
        and nachkomma.isascii()
        and nachkomma.isdigit()
    )


_STELLE_ERWARTET = (
    "ein Stellenanteil (VZÄ) mit 0 < x ≤ 1 und höchstens sechs Nachkommastellen als Decimal, "
    "int oder str, z. B. '0,5' oder '0.75'"
)


@frozen
class _Centbetrag(Validator):
    """Der Wert eines Betrags: ein endlicher, nicht negativer Decimal mit genau zwei Stellen."""

    fehler = UngueltigerBetrag

    def gilt(self, wert: object) -> bool:
        return (
            wert.__class__ is Decimal
            and wert.is_finite()
            and not wert.is_signed()
            # Exponent -2 genau dann, wenn str() auf ".dd" endet (as_tuple() ist doppelt so teuer).
            and str(wert)[-3:-2] == "."
            and wert <= BETRAG_MAX
        )

    def beschreibung(self) -> str:
        return (
            "ein endlicher, nicht negativer Decimal mit genau zwei Nachkommastellen "
            f"(höchstens {BETRAG_MAX}); zum Einlesen Betrag.von() oder Betrag.parse() nutzen"
        )


@frozen(order=True)
class Betrag:
    """Ein Eurobetrag: ``Decimal`` mit genau zwei Nachkommastellen, nie negativ.

    Warum nie negativ: Förderbeträge, Höchstbeträge, Kosten und Zuwendungen
    sind Geldmengen; ein negativer Wert wäre fast immer ein Eingabe- oder
    Rechenfehler. ``a - b`` mit ``b > a`` ist deshalb ein Fehler; wer eine
    Differenz mit Vorzeichen braucht (etwa eine Rückforderung), rechnet
    ``a.wert - b.wert`` und erhält einen gewöhnlichen ``Decimal``.

    Rechnen:

    * ``+``, ``-`` und ``sum()`` sind exakt (``sum`` beginnt bei ``0``).
    * ``*`` gibt es nicht: Multiplizieren rundet auf Cent, deshalb heißt es
      :meth:`mal` und rundet kaufmännisch (``ROUND_HALF_UP``) – die eine
      Rundungsregel dieses Typs.
    * :meth:`aufteilen` verteilt einen Betrag centgenau auf Anteile; die Teile
      ergeben immer genau das Ganze.
    * Vergleiche (``<``, ``==``) zwischen Beträgen; ein Betrag ist nie gleich
      einem ``Decimal`` oder ``int``.

    >>> from kim_nrw.geld import Betrag
    >>> Betrag.von(57000)
    Betrag(wert=Decimal('57000.00'))
    >>> sum([Betrag.parse("0,10"), Betrag.parse("0,20")]) == Betrag.parse("0,30")
    True
    """

    wert: Decimal = field(validator=_Centbetrag())

    ERWARTET: ClassVar[str] = (
        'ein Eurobetrag ≥ 0 mit höchstens zwei Nachkommastellen als Text ("57000.00" oder '
        '"57.000,00 €") oder als ganze Zahl (57000); nie eine Zahl mit Dezimalpunkt'
    )
    """Was die JSON-Form eines Betrags ist (für Fehlerberichte)."""

    # -- Konstruktoren -------------------------------------------------------------------

    @classmethod
    def null(cls) -> Self:
        """Der Betrag 0,00 €, etwa als Startwert einer Summe (unveränderlich: einer für alle)."""
        if cls is Betrag:
            return _NULL  # type: ignore[return-value]
        return cls(_CENT_NULL)

    @classmethod
    def _gueltig(cls, wert: Decimal) -> Self:
        """Intern: ein Betrag aus einem Wert, der nach Konstruktion gültig ist (Summe,
        Differenz, Cent im Bereich) – ohne den Validator erneut zu fragen."""
        betrag = _NEU(cls)
        _SETZE(betrag, "wert", wert)
        return betrag

    @classmethod
    def parse(cls, text: str, *, technisch: bool = False) -> Self:
        """Liest einen Betrag aus deutscher oder technischer Schreibweise.

        Angenommen werden ``57.000,00 €``, ``57.000 €``, ``57000,00``,
        ``1.234,5`` (= 1.234,50 €), ``57000.00`` (wie ``str(Decimal)``) und
        ``57000``, wahlweise mit ``€`` oder ``EUR`` dahinter. Tausenderpunkte
        müssen Dreiergruppen trennen. Mehr als zwei Nachkommastellen, Vorzeichen,
        Leerzeichen davor oder danach und Nicht-ASCII-Ziffern sind Fehler;
        gerundet wird beim Einlesen nie. Mit ``technisch=True`` nur die technische
        Schreibweise ohne Währung (``57000.00``, ``57000``), wie in den Paketdaten.

        Ein Punkt vor genau drei Ziffern ist immer ein Tausenderpunkt
        (``"1.234"`` ist 1.234,00 €), denn drei Nachkommastellen gibt es nicht.

        >>> from kim_nrw.geld import Betrag
        >>> Betrag.parse("1.234,5").deutsch()
        '1.234,50 €'
        >>> Betrag.parse("12,345")
        Traceback (most recent call last):
        kim_nrw.fehler.UngueltigerBetrag: Betrag: '12,345' ist ungültig; erwartet: ...
        """
        return cls._lies(text, _TECHNISCH_ERWARTET if technisch else _BETRAG_ERWARTET, technisch)

    @classmethod
    def _lies(cls, text: object, erwartet: str, technisch: bool = False) -> Self:
        """Der eine Leser aller Schreibweisen; ``erwartet`` ist die Meldung für Unlesbares."""
        if not isinstance(text, str) or len(text) > _MAX_TEXT:
            raise UngueltigerBetrag("Betrag", text, erwartet)
        kanonisch, technische, deutsche = _betrag_muster()
        if kanonisch.fullmatch(text):  # die Form, die kim_nrw schreibt: ohne Umweg
            return cls(Decimal(text))
        # Beide Formen überschneiden sich nur bei ganzen Zahlen ohne Punkt (gleicher Wert).
        treffer = technische.fullmatch(text)
        if technisch:
            treffer = treffer if text[-1:].isdigit() else None
        else:
            treffer = treffer or deutsche.fullmatch(text)
        if treffer is None:
            if text.lstrip().startswith("-"):
                erwartet = "ein nicht negativer Betrag (ein Betrag ist nie negativ)"
            raise UngueltigerBetrag("Betrag", text, erwartet)
        ganz_teil, dezimal = treffer.groups()
        return cls(Decimal(f"{ganz_teil.replace('.', '')}.{(dezimal or '').ljust(2, '0')}"))

    @classmethod
    def from_json(cls, wert: object) -> Self:
        """Liest die JSON-Form: Text in deutscher oder technischer Schreibweise oder ganze Zahl.

        Eine Zahl mit Dezimalpunkt (JSON-Float) wird immer abgelehnt.

        >>> from kim_nrw.geld import Betrag
        >>> Betrag.from_json("57.000,00 €") == Betrag.from_json(57000)
        True
        """
        if wert.__class__ is str:
            if _betrag_muster()[0].fullmatch(wert):  # kanonisch: gleich der Wert
                return cls(Decimal(wert))
            return cls._lies(wert, cls.ERWARTET)
        if wert.__class__ is int or wert.__class__ is Decimal:
            return cls.von(wert)
        if isinstance(wert, float):
            raise UngueltigerBetrag(
                "Betrag",
                wert,
                "keine Zahl mit Dezimalpunkt (Gleitkommazahlen sind nicht centgenau): "
                'den Betrag als Text schreiben, z. B. "57000.50"',
            )
        raise UngueltigerBetrag("Betrag", wert, cls.ERWARTET)

    def to_json(self) -> str:
        """Die kanonische JSON-Form, z. B. ``"57000.00"``."""
        return format(self.wert, "f")

    @classmethod
    def json_schema(cls, *, technisch: bool = False) -> JsonSchema:
        """Das JSON-Schema-Fragment der Eingabe (mit ``technisch``: nur die technische Form)."""
        if technisch:
            return {"type": "string", "pattern": ganz(_TECHNISCH)}
        return {
            "anyOf": [
                {"type": "string", "pattern": ganz(f"(?:{_TECHNISCH}|{_DEUTSCH}){_EURO}")},
                {"type": "integer", "minimum": 0, "maximum": _MAX_CENT // 100},
            ],
            "description": 'Eurobetrag; geschrieben wird immer die Form "57000.00".',
        }

    @classmethod
    def von(cls, wert: Decimal | int | str) -> Self:
        """Macht einen Betrag aus ``Decimal``, ``int`` oder Text (siehe :meth:`parse`).

        Ein ``Decimal`` mit mehr als zwei Nachkommastellen wird abgelehnt, auch
        ``Decimal("1.230")``: gerundet wird beim Einlesen nie. ``float`` und
        ``bool`` werden abgelehnt.

        >>> from kim_nrw.geld import Betrag
        >>> from decimal import Decimal
        >>> Betrag.von(Decimal("22500"))
        Betrag(wert=Decimal('22500.00'))
        >>> Betrag.von(0.1)
        Traceback (most recent call last):
        kim_nrw.fehler.UngueltigerBetrag: Betrag: 0.1 ist ungültig; erwartet: keine float-Zahl: ...
        """
        if isinstance(wert, str):
            return cls.parse(wert)
        if isinstance(wert, bool):
            raise UngueltigerBetrag("Betrag", wert, _BETRAG_ERWARTET)
        if isinstance(wert, int):
            if not 0 <= wert <= _MAX_CENT // 100:
                raise UngueltigerBetrag(
                    "Betrag", wert, f"eine ganze Zahl 0..{_MAX_CENT // 100} (nie negativ)"
                )
            return cls(_KONTEXT.add(Decimal(wert), _CENT_NULL))
        if isinstance(wert, Decimal):
            exponent = wert.as_tuple().exponent
            if not isinstance(exponent, int):  # NaN, sNaN, Infinity
                raise UngueltigerBetrag("Betrag", wert, "ein endlicher Betrag (kein NaN, kein ∞)")
            if wert.is_signed():
                raise UngueltigerBetrag("Betrag", wert, "ein nicht negativer Betrag")
            if exponent < -2:
                raise UngueltigerBetrag(
                    "Betrag", wert, "höchstens zwei Nachkommastellen (es wird nicht gerundet)"
                )
            if wert > BETRAG_MAX:
                raise UngueltigerBetrag("Betrag", wert, f"höchstens {BETRAG_MAX}")
            return cls(_KONTEXT.add(wert, _CENT_NULL))
        if isinstance(wert, float):
            raise UngueltigerBetrag(
                "Betrag",
                wert,
                "keine float-Zahl: binäre Gleitkommazahlen können Cent nicht exakt darstellen; "
                "als str oder Decimal übergeben",
            )
        raise UngueltigerBetrag("Betrag", wert, _BETRAG_ERWARTET)

    # -- Darstellung ---------------------------------------------------------------------

    def deutsch(self) -> str:
        """Die deutsche Schreibweise mit Tausenderpunkten, z. B. ``57.000,00 €``."""
        return format(self.wert, ",.2f").translate(_DEUTSCHE_ZEICHEN) + " €"

    def __str__(self) -> str:
        return self.deutsch()

    @property
    def cent(self) -> int:
        """Der Betrag in ganzen Cent (``57.000,00 €`` → ``5700000``)."""
        zaehler, nenner = self.wert.as_integer_ratio()
        return zaehler * 100 // nenner

    @classmethod
    def _aus_cent(cls, cent: int, feld: str) -> Self:
        if not 0 <= cent <= _MAX_CENT:
            raise UngueltigerBetrag(
                feld,
                Decimal(cent).scaleb(-2, _KONTEXT),
                f"ein Ergebnis 0..{BETRAG_MAX} (nie negativ)",
            )
        # Decimal(int).scaleb(-2) hat genau zwei Nachkommastellen, im Bereich geprüft
        return cls._gueltig(Decimal(cent).scaleb(-2, _KONTEXT))

    # -- Rechnen -------------------------------------------------------------------------

    def _anderer(self, operation: str, anderer: object) -> Betrag:
        if not isinstance(anderer, Betrag):
            raise UngueltigerBetrag(
                f"Betrag {operation} …", anderer, "ein Betrag (Zahlen erst mit Betrag.von einlesen)"
            )
        return anderer

    def __add__(self, anderer: Betrag) -> Betrag:
        a = anderer if anderer.__class__ is Betrag else self._anderer("+", anderer)
        summe = _KONTEXT.add(self.wert, a.wert)
        if summe > BETRAG_MAX:
            raise UngueltigerBetrag("Betrag + Betrag", summe, f"eine Summe bis {BETRAG_MAX}")
        return Betrag._gueltig(summe)  # zwei Nachkommastellen und ≥ 0 wie beide Summanden

    def __radd__(self, anderer: int | Betrag) -> Betrag:
        # sum() beginnt mit der ganzen Zahl 0.
        if type(anderer) is int and anderer == 0:
            return self
        return self._anderer("+", anderer).__add__(self)

    def __sub__(self, anderer: Betrag) -> Betrag:
        a = self._anderer("-", anderer)
        if a.wert > self.wert:
            raise UngueltigerBetrag(
                "Betrag - Betrag",
                f"{self} - {a}",
                "einen Subtrahenden nicht größer als den Minuenden, denn ein Betrag ist nie "
                "negativ; eine Differenz mit Vorzeichen ist a.wert - b.wert (Decimal)",
            )
        return Betrag._gueltig(_KONTEXT.subtract(self.wert, a.wert))  # ≥ 0, zwei Stellen

    def __mul__(self, anderer: object) -> NoReturn:
        raise UngueltigerBetrag(
            "Betrag * …",
            anderer,
            "Betrag.mal(faktor): Multiplizieren rundet auf Cent und ist deshalb ausdrücklich",
        )

    __rmul__ = __mul__

    def mal(self, faktor: int | Decimal | Fraction | Stellenanteil) -> Betrag:
        """Das exakte Produkt, kaufmännisch auf den Cent gerundet (``ROUND_HALF_UP``).

        Das ist die eine Rundungsregel von :class:`Betrag`: ein halber Cent
        wird aufgerundet. Der Faktor ist eine ganze Zahl, ein ``Decimal``, ein
        ``Fraction`` (etwa ein Jahresanteil) oder ein :class:`Stellenanteil`,
        nie negativ und höchstens 10^15; gerechnet wird mit Brüchen, die einzige
        Rundung ist die am Ende.

        >>> from kim_nrw.geld import Betrag
        >>> from fractions import Fraction
        >>> Betrag.parse("57.000,00").mal(Fraction(184, 366)).deutsch()
        '28.655,74 €'
        >>> Betrag.parse("0,05").mal(Fraction(1, 2)).deutsch()
        '0,03 €'
        """
        zaehler, nenner = _als_faktor(faktor)
        return self._mal_bruch(zaehler, nenner)

    def _mal_bruch(self, zaehler: int, nenner: int) -> Betrag:
        """Intern: :meth:`mal` mit dem Faktor als geprüftem Bruch ``zaehler/nenner``
        (``nenner > 0``, ``0 ≤ zaehler/nenner ≤ 10^15``) – für Rechnungen, die ihren Faktor
        aus ganzen Zahlen bilden, ohne den Umweg über ``Fraction``. Dieselbe Rundung."""
        # floor(cent · z/n + 1/2), in ganzen Zahlen: exakt und schnell.
        cent = (2 * self.cent * zaehler + nenner) // (2 * nenner)
        return self._aus_cent(cent, "Betrag.mal(faktor)")

    def aufteilen(
        self, anteile: Sequence[int | Decimal | Fraction | Stellenanteil]
    ) -> tuple[Betrag, ...]:
        """Verteilt den Betrag centgenau nach ``anteile``; die Teile ergeben genau das Ganze.

        Die Anteile sind Gewichte (sie müssen sich nicht zu 1 summieren, etwa
        Tage je Haushaltsjahr). Jeder Teil erhält zuerst den abgerundeten
        Centbetrag seines Anteils; die übrigen Cent gehen einzeln an die Teile
        mit den größten Resten, bei gleichem Rest an den früheren (Verfahren der
        größten Reste, Hare/Niemeyer). Anders als :meth:`mal` je Teil entsteht so
        nie eine Centdifferenz zur Summe. Welche Verteilung ein Bescheid
        verlangt, entscheidet die jeweilige Regel.

        >>> from kim_nrw.geld import Betrag
        >>> teile = Betrag.parse("100,00").aufteilen([1, 1, 1])
        >>> [t.deutsch() for t in teile]
        ['33,34 €', '33,33 €', '33,33 €']
        >>> sum(teile) == Betrag.parse("100,00")
        True
        """
        if isinstance(anteile, (str, bytes)) or not isinstance(anteile, Sequence):
            raise UngueltigerBetrag(
                "Betrag.aufteilen(anteile)", anteile, "eine Folge nicht negativer Anteile"
            )
        brueche = [Fraction(*_als_faktor(a, "Betrag.aufteilen(anteile)")) for a in anteile]
        gesamt = sum(brueche, Fraction(0))
        if gesamt == 0:
            raise UngueltigerBetrag(
                "Betrag.aufteilen(anteile)",
                anteile,
                "mindestens ein Anteil größer als 0",
            )
        cent = self.cent
        genau = [cent * b / gesamt for b in brueche]
        basis = [math.floor(g) for g in genau]
        rest = cent - sum(basis)
        reihenfolge = sorted(range(len(genau)), key=lambda i: (-(genau[i] - basis[i]), i))
        for i in reihenfolge[:rest]:
            basis[i] += 1
        return tuple(self._aus_cent(c, "Betrag.aufteilen(anteile)") for c in basis)


_DEUTSCHE_ZEICHEN = str.maketrans({",": ".", ".": ","})
_NEU = object.__new__
_SETZE = object.__setattr__
_NULL = Betrag(_CENT_NULL)


def _als_faktor(faktor: object, feld: str = "Betrag.mal(faktor)") -> tuple[int, int]:
    """Prüft einen Faktor und gibt ihn als exakten Bruch (Zähler, Nenner > 0) zurück."""
    if isinstance(faktor, Stellenanteil):
        return faktor.wert.as_integer_ratio()
    if isinstance(faktor, bool):
        raise UngueltigerBetrag(feld, faktor, "int, Decimal, Fraction oder Stellenanteil")
    if isinstance(faktor, float):
        raise UngueltigerBetrag(
            feld,
            faktor,
            "kein float: binäre Gleitkommazahlen sind nicht exakt; Decimal oder Fraction nutzen",
        )
    if isinstance(faktor, Decimal):
        exponent = faktor.as_tuple().exponent
        if not isinstance(exponent, int) or exponent < -28 or faktor.adjusted() > 15:
            raise UngueltigerBetrag(
                feld, faktor, "ein endlicher Decimal 0..10^15 mit höchstens 28 Nachkommastellen"
            )
        zaehler, nenner = faktor.as_integer_ratio()
    elif isinstance(faktor, int):
        zaehler, nenner = faktor, 1
    elif isinstance(faktor, Fraction):
        zaehler, nenner = faktor.numerator, faktor.denominator
    else:
        raise UngueltigerBetrag(feld, faktor, "int, Decimal, Fraction oder Stellenanteil")
    if not 0 <= zaehler <= _FAKTOR_MAX * nenner:
        raise UngueltigerBetrag(feld, faktor, "einen Faktor 0..10^15 (nie negativ)")
    return zaehler, nenner


@frozen
class _Anteil(Validator):
    """Der Wert eines Stellenanteils: ein Decimal 0 < x ≤ 1 mit höchstens sechs Stellen."""

    fehler = UngueltigerStellenanteil

    def gilt(self, wert: object) -> bool:
        return (
            wert.__class__ is Decimal
            and wert.is_finite()
            and 0 < wert <= 1
            and wert.as_tuple().exponent >= -_STELLE_STELLEN  # type: ignore[operator]  # endlich
        )

    def beschreibung(self) -> str:
        return _STELLE_ERWARTET


_ANTEIL = _Anteil()
_ANTEIL_KANONISCH = re.compile(r"1|0\.[0-9]{0,5}[1-9]", re.ASCII).fullmatch


@frozen(order=True)
class Stellenanteil:
    """Der Umfang einer Stelle in Vollzeitäquivalenten (VZÄ): 0 < x ≤ 1.

    Eine Vollzeitstelle ist 1, eine halbe 0,5. Mehrere Stellen addiert
    :meth:`summe` exakt (höchstens sechs Nachkommastellen halten solche Summen
    exakt), in einem eigenen Decimal-Kontext.

    >>> from kim_nrw.geld import Stellenanteil
    >>> Stellenanteil.parse("0,5") == Stellenanteil.parse("0.5")
    True
    >>> Stellenanteil.summe([Stellenanteil.von(1), Stellenanteil.parse("0,5")])
    Decimal('1.5')
    """

    wert: Decimal = field(validator=_ANTEIL)

    ERWARTET: ClassVar[str] = (
        "ein Stellenanteil (VZÄ) mit 0 < x ≤ 1 und höchstens sechs Nachkommastellen als Text "
        '("0.5" oder "0,5") oder die ganze Zahl 1'
    )
    """Was die JSON-Form eines Stellenanteils ist (für Fehlerberichte)."""

    @classmethod
    def parse(cls, text: str) -> Self:
        """Liest einen Stellenanteil aus ``"0,5"`` oder ``"0.5"`` (bis sechs Nachkommastellen)."""
        return cls._lies(text, _STELLE_ERWARTET)

    @classmethod
    def _lies(cls, text: object, erwartet: str) -> Self:
        if text.__class__ is str and _ANTEIL_KANONISCH(text):
            return cls(Decimal(text))  # die Form von to_json
        if not isinstance(text, str) or len(text) > _MAX_TEXT or not _ist_stellen_text(text):
            raise UngueltigerStellenanteil("Stellenanteil", text, erwartet)
        wert = Decimal(text.replace(",", "."))
        return cls._pruefe(wert, wert, erwartet)

    @classmethod
    def _pruefe(cls, wert: Decimal, eingabe: object, erwartet: str = _STELLE_ERWARTET) -> Self:
        if not _ANTEIL.gilt(wert):
            raise UngueltigerStellenanteil("Stellenanteil", eingabe, erwartet)
        return cls(wert)

    @classmethod
    def von(cls, wert: Decimal | int | str) -> Self:
        """Macht einen Stellenanteil aus ``Decimal``, ``int`` (nur 1) oder Text; nie aus float."""
        if isinstance(wert, str):
            return cls.parse(wert)
        if isinstance(wert, float):
            raise UngueltigerStellenanteil(
                "Stellenanteil",
                wert,
                "kein float: binäre Gleitkommazahlen sind nicht exakt; str oder Decimal nutzen",
            )
        if isinstance(wert, int) and not isinstance(wert, bool):
            if wert != 1:
                raise UngueltigerStellenanteil("Stellenanteil", wert, _STELLE_ERWARTET)
            return cls(Decimal(wert))
        if isinstance(wert, Decimal):
            return cls._pruefe(wert, wert)
        raise UngueltigerStellenanteil("Stellenanteil", wert, _STELLE_ERWARTET)

    @classmethod
    def from_json(cls, wert: object) -> Self:
        """Liest die JSON-Form: ``"0.5"``, ``"0,5"`` oder die ganze Zahl 1; nie eine Float-Zahl."""
        if wert.__class__ is str:
            return cls._lies(wert, cls.ERWARTET)
        if wert.__class__ is int and wert == 1:
            return cls(Decimal(1))
        if isinstance(wert, float):
            raise UngueltigerStellenanteil(
                "Stellenanteil",
                wert,
                'keine Zahl mit Dezimalpunkt: den Anteil als Text schreiben, z. B. "0.5"',
            )
        if wert.__class__ is Decimal:
            return cls._pruefe(wert, wert, cls.ERWARTET)
        raise UngueltigerStellenanteil("Stellenanteil", wert, cls.ERWARTET)

    def to_json(self) -> str:
        """Die kanonische JSON-Form ohne überflüssige Nullen: ``"0.5"``, ``"1"``."""
        return format(self.wert.normalize(_KONTEXT), "f")

    @classmethod
    def json_schema(cls) -> JsonSchema:
        """Das JSON-Schema-Fragment der Eingabe."""
        return {
            "anyOf": [
                {
                    "type": "string",
                    "pattern": ganz(r"1(?:[.,]0{1,6})?|0[.,](?=[0-9]{0,5}[1-9])[0-9]{1,6}"),
                },
                {"type": "integer", "minimum": 1, "maximum": 1},
            ],
            "description": 'Stellenanteil in VZÄ, 0 < x ≤ 1; geschrieben wird "0.5" bzw. "1".',
        }

    @staticmethod
    def summe(anteile: Iterable[Stellenanteil]) -> Decimal:
        """Die exakte Summe von Stellenanteilen in VZÄ, unabhängig vom Decimal-Kontext.

        >>> from kim_nrw.geld import Stellenanteil
        >>> Stellenanteil.summe([Stellenanteil.parse("0.333333")] * 3)
        Decimal('0.999999')
        """
        if anteile.__class__ is not list and (  # Liste: der häufige Fall, ohne die ABC-Prüfung
            isinstance(anteile, str | bytes | Stellenanteil) or not isinstance(anteile, Iterable)
        ):
            raise UngueltigerStellenanteil("anteile", anteile, "eine Folge von Stellenanteilen")
        summe = Decimal(0)
        for anteil in anteile:
            if anteil.__class__ is not Stellenanteil and not isinstance(anteil, Stellenanteil):
                raise UngueltigerStellenanteil("anteile", anteil, "ein Stellenanteil")
            summe = _KONTEXT.add(summe, anteil.wert)
        return summe

    def __str__(self) -> str:
        return format(self.wert, "f").translate(_KOMMA)


_KOMMA = str.maketrans({".": ","})

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
from collections.abc import Sequence
from decimal import Clamped, Context, Decimal, Inexact, InvalidOperation, Overflow, Rounded
from fractions import Fraction
from typing import NoReturn, Self

from attrs import field, frozen

from kim_nrw.fehler import UngueltigerBetrag, UngueltigerStellenanteil

__all__ = ["BETRAG_MAX", "Betrag", "Stellenanteil"]

BETRAG_MAX = Decimal("999999999999999.99")
"""Größter Betrag (knapp 10^15 €): eine technische Grenze, die alle Rechnungen exakt hält."""

_MAX_CENT = int(BETRAG_MAX * 100)
_FAKTOR_MAX = 10**15
# Eigener Kontext: die Rechnung hängt nie vom Decimal-Kontext des Aufrufers ab,
# und jede Ungenauigkeit wäre ein Fehler statt einer stillen Rundung.
_KONTEXT = Context(prec=60, traps=[InvalidOperation, Inexact, Rounded, Overflow, Clamped])
_CENT_NULL = Decimal("0.00")
_MAX_TEXT = 40

_EURO = r"(?:[ \u00a0\u202f]?(?:€|EUR))?"


@functools.cache
def _betrag_muster() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Die Muster der technischen und der deutschen Schreibweise, beim ersten Gebrauch übersetzt."""
    # technisch (wie str(Decimal), JSON): 57000.00 · 0.5 · 57000
    technisch = re.compile(r"(0|[1-9][0-9]*)(?:\.([0-9]{1,2}))?" + _EURO, re.ASCII)
    # deutsch: 57.000,00 · 57000,00 · 57.000 · 1.234,5
    deutsch = re.compile(
        r"(0|[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[1-9][0-9]*)(?:,([0-9]{1,2}))?" + _EURO, re.ASCII
    )
    return technisch, deutsch


_BETRAG_ERWARTET = (
    "ein nicht negativer Eurobetrag mit höchstens zwei Nachkommastellen als str, int oder "
    "Decimal, z. B. '57.000,00 €', '57000.00' oder 57000"
)

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


def _pruefe_betrag(_instanz: object, _attribut: object, wert: Decimal) -> None:
    # Der Typ ist die Zusage an Aufrufer; zur Laufzeit wird jeder Wert geprüft.
    if (
        not isinstance(wert, Decimal)
        or not wert.is_finite()
        or wert.is_signed()
        # Exponent -2 genau dann, wenn str() auf ".dd" endet (as_tuple() ist doppelt so teuer).
        or str(wert)[-3:-2] != "."
        or wert > BETRAG_MAX
    ):
        raise UngueltigerBetrag(
            "Betrag",
            wert,
            "ein endlicher, nicht negativer Decimal mit genau zwei Nachkommastellen "
            f"(höchstens {BETRAG_MAX}); zum Einlesen Betrag.von() oder Betrag.parse() nutzen",
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

    wert: Decimal = field(validator=_pruefe_betrag)

    # -- Konstruktoren -------------------------------------------------------------------

    @classmethod
    def null(cls) -> Self:
        """Der Betrag 0,00 €, etwa als Startwert einer Summe."""
        return cls(_CENT_NULL)

    @classmethod
    def parse(cls, text: str) -> Self:
        """Liest einen Betrag aus deutscher oder technischer Schreibweise.

        Angenommen werden ``57.000,00 €``, ``57.000 €``, ``57000,00``,
        ``1.234,5`` (= 1.234,50 €), ``57000.00`` (wie ``str(Decimal)``) und
        ``57000``, wahlweise mit ``€`` oder ``EUR`` dahinter. Tausenderpunkte
        müssen Dreiergruppen trennen. Mehr als zwei Nachkommastellen, Vorzeichen,
        Leerzeichen davor oder danach und Nicht-ASCII-Ziffern sind Fehler;
        gerundet wird beim Einlesen nie.

        Ein Punkt vor genau drei Ziffern ist immer ein Tausenderpunkt
        (``"1.234"`` ist 1.234,00 €), denn drei Nachkommastellen gibt es nicht.

        >>> from kim_nrw.geld import Betrag
        >>> Betrag.parse("1.234,5").deutsch()
        '1.234,50 €'
        >>> Betrag.parse("12,345")
        Traceback (most recent call last):
        kim_nrw.fehler.UngueltigerBetrag: Betrag: '12,345' ist ungültig; erwartet: ...
        """
        if not isinstance(text, str) or len(text) > _MAX_TEXT:
            raise UngueltigerBetrag("Betrag", text, _BETRAG_ERWARTET)
        # Beide Formen überschneiden sich nur bei ganzen Zahlen ohne Punkt (gleicher Wert).
        technisch, deutsch = _betrag_muster()
        treffer = technisch.fullmatch(text) or deutsch.fullmatch(text)
        if treffer is None:
            erwartet = _BETRAG_ERWARTET
            if text.lstrip().startswith("-"):
                erwartet = "ein nicht negativer Betrag (ein Betrag ist nie negativ)"
            raise UngueltigerBetrag("Betrag", text, erwartet)
        ganz, dezimal = treffer.groups()
        wert = Decimal(f"{ganz.replace('.', '')}.{(dezimal or '').ljust(2, '0')}")
        if wert > BETRAG_MAX:
            raise UngueltigerBetrag("Betrag", text, f"höchstens {BETRAG_MAX}")
        return cls(wert)

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
        return cls(Decimal(cent).scaleb(-2, _KONTEXT))

    # -- Rechnen -------------------------------------------------------------------------

    def _anderer(self, operation: str, anderer: object) -> Betrag:
        if not isinstance(anderer, Betrag):
            raise UngueltigerBetrag(
                f"Betrag {operation} …", anderer, "ein Betrag (Zahlen erst mit Betrag.von einlesen)"
            )
        return anderer

    def __add__(self, anderer: Betrag) -> Betrag:
        a = self._anderer("+", anderer)
        summe = _KONTEXT.add(self.wert, a.wert)
        if summe > BETRAG_MAX:
            raise UngueltigerBetrag("Betrag + Betrag", summe, f"eine Summe bis {BETRAG_MAX}")
        return Betrag(summe)

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
        return Betrag(_KONTEXT.subtract(self.wert, a.wert))

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


def _pruefe_stellenanteil(_instanz: object, _attribut: object, wert: Decimal) -> None:
    # Der Typ ist die Zusage an Aufrufer; zur Laufzeit wird jeder Wert geprüft.
    if (
        not isinstance(wert, Decimal)
        or not wert.is_finite()
        or not 0 < wert <= 1
        or not isinstance(exponent := wert.as_tuple().exponent, int)
        or exponent < -_STELLE_STELLEN
    ):
        raise UngueltigerStellenanteil("Stellenanteil", wert, _STELLE_ERWARTET)


@frozen(order=True)
class Stellenanteil:
    """Der Umfang einer Stelle in Vollzeitäquivalenten (VZÄ): 0 < x ≤ 1.

    Eine Vollzeitstelle ist 1, eine halbe 0,5. Mehrere Stellen addiert man als
    gewöhnliche ``Decimal`` (``sum(s.wert for s in stellen)``); höchstens sechs
    Nachkommastellen halten solche Summen exakt.

    >>> from kim_nrw.geld import Stellenanteil
    >>> Stellenanteil.parse("0,5") == Stellenanteil.parse("0.5")
    True
    >>> sum(s.wert for s in [Stellenanteil.von(1), Stellenanteil.parse("0,5")])
    Decimal('1.5')
    """

    wert: Decimal = field(validator=_pruefe_stellenanteil)

    @classmethod
    def parse(cls, text: str) -> Self:
        """Liest einen Stellenanteil aus ``"0,5"`` oder ``"0.5"`` (bis sechs Nachkommastellen)."""
        if not isinstance(text, str) or len(text) > _MAX_TEXT or not _ist_stellen_text(text):
            raise UngueltigerStellenanteil("Stellenanteil", text, _STELLE_ERWARTET)
        return cls(Decimal(text.replace(",", ".")))

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
            return cls(wert)
        raise UngueltigerStellenanteil("Stellenanteil", wert, _STELLE_ERWARTET)

    def __str__(self) -> str:
        return format(self.wert, "f").replace(".", ",")

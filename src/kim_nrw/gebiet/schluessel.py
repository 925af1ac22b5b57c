"""Die amtlichen Schlüssel der Gebietseinheiten in NRW als Werttypen.

Ein Schlüssel ist eine Zeichenkette aus ASCII-Ziffern fester Länge, die mit dem
Landesschlüssel ``05`` (Nordrhein-Westfalen) und einer der fünf
Regierungsbezirksziffern 1, 3, 5, 7, 9 beginnt (Destatis, GV100AD). Andere
Länder, Leerzeichen, Nicht-ASCII-Ziffern und falsche Längen sind Fehler, kein
Raten: ``parse`` formatiert einen gültigen Schlüssel unverändert zurück.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self

from attrs import field

from kim_nrw._modell import frozen
from kim_nrw.fehler import (
    UngueltigerAGS,
    UngueltigerARS,
    UngueltigerKreisschluessel,
    UngueltigerRBSchluessel,
    UngueltigerSchluessel,
)
from kim_nrw.konverter import JsonSchema, Wertform
from kim_nrw.validatoren import Validator, feldname, ganz

__all__ = [
    "AGS",
    "ARS",
    "KOMMUNALSCHLUESSEL",
    "Kreisschluessel",
    "RBSchluessel",
    "hat_schluesselform",
]

LAND_NRW = "05"
RB_ZIFFERN = "13579"


def hat_schluesselform(wert: object, laenge: int) -> bool:
    """Ob ``wert`` ein Text aus ``laenge`` ASCII-Ziffern ist, beginnend mit 05 und 1/3/5/7/9.

    Die eine Formprüfung aller Schlüssel.

    >>> from kim_nrw.gebiet.schluessel import hat_schluesselform
    >>> [hat_schluesselform(t, 5) for t in ("05370", "09162", "0537٠", 5370)]
    [True, False, False, False]
    """
    return (
        isinstance(wert, str)
        and len(wert) == laenge
        and wert.isascii()
        and wert.isdigit()
        and wert.startswith(LAND_NRW)
        and wert[2] in RB_ZIFFERN
    )


def _form(art: type[_Schluessel]) -> str:
    return (
        f"{art.LAENGE} Ziffern 0-9 ({art.BESCHREIBUNG}), beginnend mit 05 (NRW) "
        "und der Ziffer eines Regierungsbezirks (1, 3, 5, 7 oder 9)"
    )


@frozen
class _Schluesselform(Validator):
    """Der Wert eines Schlüssels: Ziffern in der Länge und Form seiner Art."""

    def __call__(self, instanz: Any, attribut: Any, wert: Any) -> None:
        if not isinstance(instanz, _Schluessel):
            Validator.__call__(self, instanz, attribut, wert)
        elif not hat_schluesselform(wert, instanz.LAENGE):
            raise instanz.FEHLER(feldname(instanz, attribut), wert, _form(type(instanz)))

    def gilt(self, wert: object) -> bool:
        return isinstance(wert, str) and wert.isascii() and wert.isdigit()

    def beschreibung(self) -> str:
        return "ein amtlicher Schlüssel aus Ziffern 0-9, beginnend mit 05 (NRW)"


@frozen
class _Schluessel:
    """Gemeinsame Form aller Schlüssel: ein geprüfter Ziffern-Text."""

    LAENGE: ClassVar[int]
    BESCHREIBUNG: ClassVar[str]
    FEHLER: ClassVar[type[UngueltigerSchluessel]]
    ERWARTET: ClassVar[str]
    """Was die JSON-Form eines Schlüssels dieser Art ist (für Fehlerberichte)."""

    wert: str = field(validator=_Schluesselform())

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        if hasattr(cls, "LAENGE"):
            cls.ERWARTET = f"ein {cls.__name__}: {_form(cls)}"

    @classmethod
    def parse(cls, text: object) -> Self:
        """Liest einen Schlüssel aus ``text``; ungültig löst den passenden Fehler aus."""
        try:
            return cls(text)  # type: ignore[arg-type]  # der Validator prüft Typ und Form
        except UngueltigerSchluessel:
            raise cls.FEHLER(cls.__name__, text, _form(cls)) from None

    @classmethod
    def from_json(cls, wert: object) -> Self:
        """Liest die JSON-Form: den Schlüssel als Text."""
        if wert.__class__ is not str:
            raise cls.FEHLER(cls.__name__, wert, f"ein Text aus {_form(cls)}")
        return cls.parse(wert)

    def to_json(self) -> str:
        """Die JSON-Form: der Schlüssel als Text."""
        return self.wert

    @classmethod
    def json_schema(cls) -> JsonSchema:
        """Das JSON-Schema-Fragment: Länge und Muster der Art."""
        return {
            "type": "string",
            "minLength": cls.LAENGE,
            "maxLength": cls.LAENGE,
            "pattern": ganz(f"05[13579][0-9]{{{cls.LAENGE - 3}}}"),
        }

    def __str__(self) -> str:
        return self.wert


@frozen
class RBSchluessel(_Schluessel):
    """Schlüssel eines Regierungsbezirks, z. B. ``053`` (Köln).

    >>> from kim_nrw.gebiet import RBSchluessel
    >>> RBSchluessel.parse("053")
    RBSchluessel(wert='053')
    """

    LAENGE = 3
    BESCHREIBUNG = "Land und Regierungsbezirk"
    FEHLER = UngueltigerRBSchluessel


@frozen
class _ImBezirk(_Schluessel):
    """Ein Schlüssel unterhalb eines Regierungsbezirks (Kreis oder Gemeinde)."""

    @property
    def regierungsbezirk(self) -> RBSchluessel:
        """Der Schlüssel des Regierungsbezirks (die ersten drei Ziffern)."""
        return RBSchluessel(self.wert[:3])


@frozen
class Kreisschluessel(_ImBezirk):
    """Fünfstelliger Schlüssel eines Kreises, der StädteRegion oder einer kreisfreien Stadt.

    >>> from kim_nrw.gebiet import Kreisschluessel
    >>> str(Kreisschluessel.parse("05370").regierungsbezirk)
    '053'
    """

    LAENGE = 5
    BESCHREIBUNG = "Land, Regierungsbezirk, Kreis"
    FEHLER = UngueltigerKreisschluessel


@frozen
class AGS(_ImBezirk):
    """Amtlicher Gemeindeschlüssel (8 Ziffern), z. B. ``05370004`` (Erkelenz).

    >>> from kim_nrw.gebiet import AGS
    >>> ags = AGS.parse("05370004")
    >>> str(ags.kreis), str(ags.regierungsbezirk)
    ('05370', '053')
    >>> AGS.parse("09162000")
    Traceback (most recent call last):
    kim_nrw.fehler.UngueltigerAGS: AGS: '09162000' ist ungültig; erwartet: 8 Ziffern 0-9 ...
    """

    LAENGE = 8
    BESCHREIBUNG = "Land, Regierungsbezirk, Kreis, Gemeinde"
    FEHLER = UngueltigerAGS

    @property
    def kreis(self) -> Kreisschluessel:
        """Der Kreisschlüssel (die ersten fünf Ziffern)."""
        return Kreisschluessel(self.wert[:5])


@frozen
class ARS(_Schluessel):
    """Amtlicher Regionalschlüssel (12 Ziffern): Kreis, Gemeindeverband (4), Gemeinde (3).

    In NRW ist jede Gemeinde verbandsfrei; der Verbandsteil wiederholt die
    Gemeindenummer mit führender Null.

    >>> from kim_nrw.gebiet import ARS
    >>> str(ARS.parse("053700004004").ags)
    '05370004'
    """

    LAENGE = 12
    BESCHREIBUNG = "Land, Regierungsbezirk, Kreis, Gemeindeverband, Gemeinde"
    FEHLER = UngueltigerARS

    @property
    def ags(self) -> AGS:
        """Der AGS derselben Gemeinde (Kreis- und Gemeindeteil)."""
        return AGS(self.wert[:5] + self.wert[9:])


_KOMMUNALSCHLUESSEL_ERWARTET = (
    'der Schlüssel einer Kommune in NRW: Kreisschlüssel (5 Ziffern, z. B. "05370") oder '
    'AGS (8 Ziffern, z. B. "05370004")'
)


def _lies_kommunalschluessel(wert: object) -> AGS | Kreisschluessel:
    if wert.__class__ is str:
        if len(wert) == Kreisschluessel.LAENGE:
            return Kreisschluessel.parse(wert)
        if len(wert) == AGS.LAENGE:
            return AGS.parse(wert)
    raise UngueltigerSchluessel("Schlüssel", wert, _KOMMUNALSCHLUESSEL_ERWARTET)


def _kommunalschluessel_schema() -> JsonSchema:
    return {
        "type": "string",
        "minLength": Kreisschluessel.LAENGE,
        "maxLength": AGS.LAENGE,
        "pattern": ganz("05[13579][0-9]{2}(?:[0-9]{3})?"),
    }


KOMMUNALSCHLUESSEL = Wertform(
    _lies_kommunalschluessel, str, _kommunalschluessel_schema, _KOMMUNALSCHLUESSEL_ERWARTET
)
"""Die JSON-Form von ``AGS | Kreisschluessel``: der Schlüssel einer Kommune (5 oder 8 Ziffern)."""

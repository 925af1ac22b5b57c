"""Die Validatoren aller Modelle: eine kleine, unveränderliche Klasse je Art von Prüfung.

Ein Validator ist aufrufbar wie die Validatoren von attrs
(``validator(instanz, attribut, wert)``) und sagt in seinen Attributen, was er prüft.
Daraus liest der Fehlerbericht den Satz :attr:`~Validator.erwartet` und der
Schema-Export das JSON-Schema-Fragment (:meth:`~Validator.json_schema`); keine Tabelle
außerhalb des Validators beschreibt ihn noch einmal. Werttypen (``Betrag``, ``AGS`` …)
prüfen ihren Inhalt selbst; ein Feld dieses Typs braucht nur :class:`Typ`.

Die Meldung nennt ``Klasse.feld``, den Wert und was erwartet wird:

>>> from attrs import frozen, field
>>> from kim_nrw.validatoren import Text
>>> @frozen
... class Beispiel:
...     name: str = field(validator=Text(max_laenge=5))
>>> Beispiel("zu lang")
Traceback (most recent call last):
kim_nrw.fehler.UngueltigeEingabe: Beispiel.name: 'zu lang' ist ungültig; erwartet: ein nicht leerer Text ohne Leerzeichen am Rand, höchstens 5 Zeichen
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Any, ClassVar

from attrs import Attribute, field

from kim_nrw._modell import frozen
from kim_nrw.fehler import UngueltigeEingabe

__all__ = [
    "Aufzaehlung",
    "Datum",
    "Folge",
    "Ganzzahl",
    "Muster",
    "Nachweis",
    "Text",
    "Typ",
    "Validator",
    "Wahrheitswert",
    "feldname",
    "ganz",
    "ist_datum",
]

JsonSchema = dict[str, Any]
_BELIEBIG = r"[\s\S]*"


def ganz(muster: str) -> str:
    """Verankert ein Muster für JSON Schema am Anfang und am wirklichen Ende des Texts.

    ``$`` passt in Python (und damit im Paket ``jsonschema``) auch vor einem
    abschließenden Zeilenumbruch; ``(?![\\s\\S])`` heißt in Python wie in ECMA-262
    „hier endet der Text“.

    >>> import re
    >>> from kim_nrw.validatoren import ganz
    >>> bool(re.search(ganz("[0-9]{2}"), "05")), bool(re.search(ganz("[0-9]{2}"), "05\\n"))
    (True, False)
    """
    if not isinstance(muster, str):
        raise UngueltigeEingabe("muster", muster, "ein regulärer Ausdruck als str")
    return f"^(?:{muster})(?![\\s\\S])"


def ist_datum(wert: object) -> bool:
    """Ob ``wert`` ein Kalendertag ist: ``datetime.date``, aber kein ``datetime``.

    >>> import datetime as dt
    >>> from kim_nrw.validatoren import ist_datum
    >>> ist_datum(dt.date(2021, 1, 1)), ist_datum(dt.datetime(2021, 1, 1))
    (True, False)
    """
    return isinstance(wert, dt.date) and not isinstance(wert, dt.datetime)


def feldname(instanz: object, attribut: object) -> str:
    """``Klasse.feld`` für Meldungen; ohne Instanz nur der Feldname."""
    if isinstance(attribut, Attribute):
        name = attribut.name
    elif isinstance(attribut, str):
        name = attribut
    else:
        from kim_nrw.fehler import kurz

        name = kurz(attribut)
    if instanz is None:
        return name
    return f"{type(instanz).__name__}.{name}"


@frozen
class Validator:
    """Basis aller Validatoren: prüft einen Wert und sagt, was erwartet wird.

    ``optional`` lässt zusätzlich ``None`` zu (ein Feld ``X | None``). Unterklassen
    bestimmen :meth:`gilt`, :meth:`beschreibung` und, wenn sie mehr als den Typ prüfen,
    :meth:`json_schema`.
    """

    optional: bool = field(default=False, kw_only=True)

    fehler: ClassVar[type[UngueltigeEingabe]] = UngueltigeEingabe
    """Die Fehlerklasse, die der Validator auslöst."""

    def __call__(self, instanz: Any, attribut: Any, wert: Any) -> None:
        if not self.gilt(wert) and (wert is not None or not self.optional):
            raise self.fehler(feldname(instanz, attribut), wert, self.erwartet)

    def gilt(self, wert: object) -> bool:
        """Ob ``wert`` (nicht ``None``) passt."""
        raise NotImplementedError

    def beschreibung(self) -> str:
        """Was ein passender Wert ist, als deutscher Satzteil (ohne ``None``)."""
        raise NotImplementedError

    @property
    def erwartet(self) -> str:
        """Was erwartet wird, mit „oder None“, wenn ``None`` erlaubt ist."""
        text = self.beschreibung()
        return f"{text} oder None" if self.optional else text

    @property
    def nur_typ(self) -> bool:
        """Ob der Validator nur den Typ prüft (dann sagt das Typschema schon alles)."""
        return not self.json_schema()

    def json_schema(self) -> JsonSchema:
        """Was der Validator über das Typschema hinaus verlangt (ohne ``null``)."""
        return {}

    def genaue_klassen(self) -> frozenset[type]:
        """Klassen, deren Instanzen immer passen (ohne Unterklassen); leer, wenn es keine gibt.

        So prüft :class:`Folge` ein Tupel von Modellen mit einem Blick auf die Klassen.
        """
        return frozenset()

    def schema_typ(self) -> object:
        """Ein Typ, dessen JSON-Schema das des Feldtyps ersetzt, oder ``None``.

        Etwa für einen Schlüssel, der im Gebietsregister stehen muss: sein Schema ist
        das der Kommunen (die Schlüssel des Registers), nicht das jedes Schlüssels.
        """
        return None


@frozen
class Typ(Validator):
    """Der Wert ist eine Instanz von ``typen``; ``bool`` zählt nicht als ``int``,
    ``datetime`` nicht als ``date``.

    >>> from kim_nrw.validatoren import Typ
    >>> Typ((int,), "eine ganze Zahl").gilt(True)
    False
    """

    typen: tuple[type, ...]
    text: str
    _genau: frozenset[type] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if not (isinstance(self.typen, tuple) and all(isinstance(t, type) for t in self.typen)):
            raise UngueltigeEingabe("Typ.typen", self.typen, "ein Tupel von Klassen")
        if not isinstance(self.text, str):
            raise UngueltigeEingabe("Typ.text", self.text, "ein Text")
        genau = set(self.typen)
        if self.optional:
            genau.add(type(None))
        object.__setattr__(self, "_genau", frozenset(genau))

    def __call__(self, instanz: Any, attribut: Any, wert: Any) -> None:
        # Der häufige Fall zuerst: genau eine der Klassen (ohne Unterklassen wie datetime).
        if wert.__class__ not in self._genau:
            Validator.__call__(self, instanz, attribut, wert)

    def genaue_klassen(self) -> frozenset[type]:
        return frozenset(self.typen)

    def gilt(self, wert: object) -> bool:
        if not isinstance(wert, self.typen):
            return False
        if isinstance(wert, bool) and bool not in self.typen:
            return False
        return not (isinstance(wert, dt.datetime) and dt.datetime not in self.typen)

    def beschreibung(self) -> str:
        return self.text


@frozen
class Text(Validator):
    """Ein Text; ohne ``leer`` nicht leer, ohne ``rand`` ohne Leerzeichen am Rand.

    :param leer: der leere Text ist erlaubt.
    :param rand: Leerzeichen am Anfang und Ende sind erlaubt (Freitext aus Formularen).
    :param max_laenge: höchstens so viele Zeichen.
    :param einzeilig: kein Zeilenumbruch.
    """

    leer: bool = False
    rand: bool = False
    max_laenge: int | None = None
    einzeilig: bool = False
    _passt: Any = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        # Eine Form für beides: Python prüft mit dem Muster, das das JSON Schema nennt.
        kern = self._kern()
        passt = None if kern == _BELIEBIG else re.compile(kern).fullmatch
        object.__setattr__(self, "_passt", passt)

    def _kern(self) -> str:
        zeichen = r"[^\n\r]" if self.einzeilig else r"[\s\S]"
        if self.rand:
            return f"{zeichen}*" if self.leer else rf"{zeichen}*\S{zeichen}*"
        kern = rf"\S(?:{zeichen}*\S)?"
        return f"(?:{kern})?" if self.leer else kern

    def __call__(self, instanz: Any, attribut: Any, wert: Any) -> None:
        if not (
            wert.__class__ is str
            and (self.max_laenge is None or len(wert) <= self.max_laenge)
            and (self._passt is None or self._passt(wert))
        ):
            Validator.__call__(self, instanz, attribut, wert)

    def gilt(self, wert: object) -> bool:
        return (
            isinstance(wert, str)
            and (self.max_laenge is None or len(wert) <= self.max_laenge)
            and (self._passt is None or self._passt(wert) is not None)
        )

    def beschreibung(self) -> str:
        teile = ["ein Text" if self.leer else "ein nicht leerer Text"]
        if not self.rand:
            teile.append("ohne Leerzeichen am Rand")
        if self.einzeilig:
            teile.append("in einer Zeile")
        text = " ".join(teile)
        if self.max_laenge is not None:
            text += f", höchstens {self.max_laenge} Zeichen"
        return text

    def json_schema(self) -> JsonSchema:
        schema: JsonSchema = {"type": "string"}
        if self.max_laenge is not None:
            schema["maxLength"] = self.max_laenge
        if self._kern() != _BELIEBIG:
            schema["pattern"] = ganz(self._kern())
        return schema


@frozen
class Muster(Validator):
    """Ein Text, der ganz auf den regulären Ausdruck ``muster`` passt.

    ``muster`` muss in Python und in ECMA-262 (JSON Schema) dasselbe bedeuten.

    >>> from kim_nrw.validatoren import Muster
    >>> kennung = Muster("[A-Z]+", "Großbuchstaben")
    >>> kennung.gilt("KIM"), kennung.gilt("kim"), kennung.json_schema()["pattern"]
    (True, False, '^(?:[A-Z]+)(?![\\\\s\\\\S])')
    """

    muster: str
    text: str
    _regex: re.Pattern[str] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        try:
            regex = re.compile(self.muster) if isinstance(self.muster, str) else None
        except (re.error, RecursionError, OverflowError):
            regex = None
        if regex is None:
            raise UngueltigeEingabe("Muster.muster", self.muster, "ein regulärer Ausdruck als str")
        if not isinstance(self.text, str):
            raise UngueltigeEingabe("Muster.text", self.text, "ein Text")
        object.__setattr__(self, "_regex", regex)

    def __call__(self, instanz: Any, attribut: Any, wert: Any) -> None:
        if not (wert.__class__ is str and self._regex.fullmatch(wert)):
            Validator.__call__(self, instanz, attribut, wert)

    def gilt(self, wert: object) -> bool:
        return isinstance(wert, str) and self._regex.fullmatch(wert) is not None

    def beschreibung(self) -> str:
        return self.text

    def json_schema(self) -> JsonSchema:
        return {"type": "string", "pattern": ganz(self.muster)}


@frozen
class Datum(Validator):
    """Ein Kalendertag (``datetime.date``, kein ``datetime``)."""

    def __call__(self, instanz: Any, attribut: Any, wert: Any) -> None:
        if wert.__class__ is not dt.date and (wert is not None or not self.optional):
            Validator.__call__(self, instanz, attribut, wert)

    def gilt(self, wert: object) -> bool:
        return ist_datum(wert)

    def beschreibung(self) -> str:
        return "ein Datum (datetime.date, ohne Uhrzeit)"


@frozen
class Wahrheitswert(Validator):
    """``True`` oder ``False`` (mit ``optional``: eine Tatsache, die unbekannt sein darf)."""

    def __call__(self, instanz: Any, attribut: Any, wert: Any) -> None:
        if wert is not True and wert is not False and (wert is not None or not self.optional):
            Validator.__call__(self, instanz, attribut, wert)

    def gilt(self, wert: object) -> bool:
        return wert is True or wert is False

    def beschreibung(self) -> str:
        return "true oder false"


@frozen
class Nachweis(Validator):
    """Ein Nachweis: ein Datum (liegt vor seit), ``True`` (liegt vor) oder ``False`` (nicht)."""

    def __call__(self, instanz: Any, attribut: Any, wert: Any) -> None:
        if (
            wert is not True
            and wert is not False
            and wert.__class__ is not dt.date
            and (wert is not None or not self.optional)
        ):
            Validator.__call__(self, instanz, attribut, wert)

    def gilt(self, wert: object) -> bool:
        return wert is True or wert is False or ist_datum(wert)

    def beschreibung(self) -> str:
        return "ein Datum, true (liegt vor) oder false (liegt nicht vor)"


@frozen
class Ganzzahl(Validator):
    """Eine ganze Zahl (kein ``bool``) von ``minimum`` bis ``maximum``."""

    minimum: int | None = None
    maximum: int | None = None

    def gilt(self, wert: object) -> bool:
        if not isinstance(wert, int) or isinstance(wert, bool):
            return False
        return (self.minimum is None or wert >= self.minimum) and (
            self.maximum is None or wert <= self.maximum
        )

    def beschreibung(self) -> str:
        if self.minimum is not None and self.maximum is not None:
            return f"eine ganze Zahl {self.minimum}..{self.maximum}"
        if self.minimum is not None:
            return f"eine ganze Zahl ≥ {self.minimum}"
        if self.maximum is not None:
            return f"eine ganze Zahl ≤ {self.maximum}"
        return "eine ganze Zahl"

    def json_schema(self) -> JsonSchema:
        schema: JsonSchema = {}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return {"type": "integer", **schema} if schema else {}


@frozen
class Aufzaehlung(Validator):
    """Ein Wert der Aufzählung ``art``."""

    art: type[enum.Enum]

    def __call__(self, instanz: Any, attribut: Any, wert: Any) -> None:
        if wert.__class__ is not self.art and (wert is not None or not self.optional):
            Validator.__call__(self, instanz, attribut, wert)

    def gilt(self, wert: object) -> bool:
        return isinstance(wert, self.art)

    def genaue_klassen(self) -> frozenset[type]:
        return frozenset({self.art})

    def beschreibung(self) -> str:
        return f"ein Wert von {self.art.__name__}: " + ", ".join(str(e.value) for e in self.art)


@frozen
class Folge(Validator):
    """Ein Tupel, dessen Elemente alle ``element`` erfüllen.

    :param element: der Validator jedes Elements.
    :param mindestens: so viele Elemente wenigstens.
    :param eindeutig: kein Element zweimal.

    >>> from kim_nrw.validatoren import Folge, Text
    >>> namen = Folge(Text(), mindestens=1, eindeutig=True)
    >>> namen.gilt(("a", "b")), namen.gilt(("a", "a")), namen.gilt(["a"])
    (True, False, False)
    """

    element: Validator
    mindestens: int = 0
    eindeutig: bool = False
    text: str = ""
    """Wenn gesetzt: der Satz, was erwartet wird (statt des aus ``element`` gebildeten)."""

    _klassen: frozenset[type] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.element, Validator):
            raise UngueltigeEingabe("Folge.element", self.element, "ein Validator")
        object.__setattr__(self, "_klassen", self.element.genaue_klassen())

    def __call__(self, instanz: Any, attribut: Any, wert: Any) -> None:
        if wert is None and self.optional:
            return
        # Ein Tupel von Modellen oder Aufzählungswerten: ein Blick auf die Klassen seiner
        # Elemente genügt (und, wenn verlangt, einer auf die Zahl der verschiedenen).
        if not (
            wert.__class__ is tuple
            and len(wert) >= self.mindestens
            and self._klassen
            and set(map(type, wert)) <= self._klassen
            and (not self.eindeutig or len(set(wert)) == len(wert))
        ) and not self.gilt(wert):
            Validator.__call__(self, instanz, attribut, wert)

    def gilt(self, wert: object) -> bool:
        if not isinstance(wert, tuple) or len(wert) < self.mindestens:
            return False
        if not all(self.element.gilt(e) for e in wert):
            return False
        return not self.eindeutig or len(set(wert)) == len(wert)

    def beschreibung(self) -> str:
        if self.text:
            return self.text
        text = f"ein Tupel von: {self.element.beschreibung()}"
        if self.mindestens:
            text += f" (mindestens {self.mindestens})"
        if self.eindeutig:
            text += ", jedes nur einmal"
        return text

    def json_schema(self) -> JsonSchema:
        schema: JsonSchema = {}
        innen = self.element.json_schema()
        if innen:
            schema["items"] = innen
        if self.mindestens:
            schema["minItems"] = self.mindestens
        if self.eindeutig:
            schema["uniqueItems"] = True
        return {"type": "array", **schema} if schema else {}

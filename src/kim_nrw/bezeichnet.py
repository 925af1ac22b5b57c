"""Aufzählungen, deren Mitglieder Kennung und deutsche Bezeichnung tragen (ein Typ, seine Texte).

Jede Aufzählung, die Menschen sehen (Programmteile, Gebietsarten, Gewissheit, Prüfstatus …),
erbt von :class:`Bezeichnet`; so steht die Bezeichnung am Mitglied selbst und nirgends ein
zweites Mal.
"""

from __future__ import annotations

import enum
from typing import Any, Self, TypeVar, cast

from kim_nrw.fehler import UngueltigeEingabe

__all__ = ["Aufzaehlungsklasse", "Bezeichnet", "kein_glied", "mitglied"]


def kein_glied(art: type[enum.Enum], wert: object) -> UngueltigeEingabe:
    """Der Fehler für einen Wert, der kein Glied der Aufzählung ``art`` ist.

    Für ``_missing_`` der Aufzählungen von kim_nrw: ``Programmteil("KIM.B9")`` wirft so
    :class:`~kim_nrw.fehler.UngueltigeEingabe` (ein ``ValueError`` wie bei :mod:`enum`),
    die die erlaubten Werte nennt – auch bei Werten, deren ``repr`` scheitert.

    >>> import enum
    >>> from kim_nrw.bezeichnet import kein_glied
    >>> class Farbe(enum.Enum):
    ...     ROT = "rot"
    >>> print(kein_glied(Farbe, "blau"))
    Farbe: 'blau' ist ungültig; erwartet: einer der Werte 'rot'
    """
    if not (isinstance(art, type) and issubclass(art, enum.Enum)):
        return UngueltigeEingabe("art", art, "eine Aufzählung (enum.Enum)")
    werte = ", ".join(repr(glied.value) for glied in art)
    return UngueltigeEingabe(art.__name__, wert, f"einer der Werte {werte}")


class Aufzaehlungsklasse(enum.EnumType):
    """Die Metaklasse der Aufzählungen von kim_nrw: ``Art(wert)`` sucht das Glied schnell
    und wirft für jeden anderen Wert :func:`kein_glied` – nie einen fremden Fehler.

    :mod:`enum` formatiert ``repr(wert)`` schon, bevor ``_missing_`` gefragt wird; für eine
    Ganzzahl mit mehr als 4300 Ziffern scheitert das mit einem ``ValueError`` über die
    Grenze der Umwandlung in Text. Hier wird der Wert nur nachgeschlagen. Mit weiteren
    Argumenten (die funktionale API von :mod:`enum`) gilt das Verhalten von :mod:`enum`.

    >>> import enum
    >>> from kim_nrw.bezeichnet import Aufzaehlungsklasse
    >>> class Farbe(enum.Enum, metaclass=Aufzaehlungsklasse):
    ...     ROT = "rot"
    >>> Farbe("rot") is Farbe.ROT, Farbe(Farbe.ROT) is Farbe.ROT
    (True, True)
    >>> Farbe(10**5000)
    Traceback (most recent call last):
    kim_nrw.fehler.UngueltigeEingabe: Farbe: <int, 16610 Bit, zu groß zum Anzeigen> ist ungültig; erwartet: einer der Werte 'rot'
    """  # noqa: E501

    def __call__(cls, value: object, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs:  # die funktionale API von enum: eine neue Aufzählung
            return super().__call__(value, *args, **kwargs)
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):  # TypeError: nicht hashbar
            raise kein_glied(cast("type[enum.Enum]", cls), value) from None



class Bezeichnet(enum.Enum, metaclass=Aufzaehlungsklasse):
    """Eine Aufzählung, deren Mitglieder ihre Kennung und ihre deutsche Bezeichnung tragen.

    Ein Mitglied steht als ``NAME = "kennung", "Bezeichnung"`` da: ``value`` ist die
    Kennung (JSON, Datendateien), :attr:`bezeichnung` der Text für Menschen.

    >>> from kim_nrw.programme import Foerderart
    >>> Foerderart("festbetrag") is Foerderart.FESTBETRAG, Foerderart.FESTBETRAG.bezeichnung
    (True, 'Festbetrag')
    """

    _bezeichnung: str

    # Mitglieder sind Einzelstücke und gleich nur sich selbst: der Hash der Identität ist
    # richtig und spart bei jedem Nachschlagen (Programmteil als Schlüssel in jeder Prüfung)
    # den Aufruf von Enum.__hash__ in Python.
    __hash__ = object.__hash__

    def __new__(cls, kennung: str, bezeichnung: str = "") -> Self:
        # Nur beim Anlegen der Mitglieder gerufen; Foerderart("festbetrag") sucht das Mitglied
        # (der Standardwert hält Typprüfer bei diesem Aufruf ruhig).
        return mitglied(cls, kennung, bezeichnung)

    @property
    def bezeichnung(self) -> str:
        """Die deutsche Bezeichnung, z. B. ``fachbezogene Pauschale``."""
        return self._bezeichnung


_B = TypeVar("_B", bound=Bezeichnet)


def mitglied(cls: type[_B], kennung: str, bezeichnung: str) -> _B:
    """Legt ein Mitglied an; für Unterklassen, deren ``__new__`` weitere Felder setzt."""
    if not (isinstance(cls, type) and issubclass(cls, Bezeichnet)):
        raise UngueltigeEingabe("cls", cls, "eine Unterklasse von Bezeichnet")
    if not isinstance(kennung, str) or not isinstance(bezeichnung, str):
        raise UngueltigeEingabe("kennung, bezeichnung", (kennung, bezeichnung), "zwei Texte")
    neu = object.__new__(cls)
    neu._value_ = kennung
    neu._bezeichnung = bezeichnung
    return neu

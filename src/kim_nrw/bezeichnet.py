"""Aufzählungen, deren Mitglieder Kennung und deutsche Bezeichnung tragen (ein Typ, seine Texte).

Jede Aufzählung, die Menschen sehen (Programmteile, Gebietsarten, Gewissheit, Prüfstatus …),
erbt von :class:`Bezeichnet`; so steht die Bezeichnung am Mitglied selbst und nirgends ein
zweites Mal.
"""

from __future__ import annotations

import enum
from typing import Self, TypeVar

__all__ = ["Bezeichnet", "mitglied"]


class Bezeichnet(enum.Enum):
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
    neu = object.__new__(cls)
    neu._value_ = kennung
    neu._bezeichnung = bezeichnung
    return neu

"""Daten einmal je Prozess laden – auch wenn mehrere Threads zugleich zum ersten Mal fragen.

``functools.cache`` schützt nicht davor, dass acht Threads, die gleichzeitig zum ersten Mal
fragen, die Datei achtmal lesen. :func:`einmal` hält für eine Ladefunktion ohne Argumente
eine Sperre: der erste Aufruf lädt, alle anderen warten und bekommen dasselbe Objekt.

>>> from kim_nrw.einmal import einmal
>>> @einmal
... def daten() -> list[int]:
...     return [1, 2, 3]
>>> daten() is daten()
True

:func:`je_objekt` merkt sich das Ergebnis einer Funktion je *Identität* ihres ersten
Arguments – für unveränderliche Objekte der Paketdaten (etwa Parameterwerte), die in vielen
Rechnungen wiederkehren und deren Hash über alle Felder teurer wäre als die Rechnung selbst.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Concatenate, Generic, ParamSpec, TypeVar

from kim_nrw.fehler import UngueltigeEingabe

__all__ = ["Einmal", "einmal", "je_objekt"]

_T = TypeVar("_T")
_O = TypeVar("_O")
_P = ParamSpec("_P")
_NOCH_NICHT = object()


class Einmal(Generic[_T]):
    """Eine Ladefunktion ohne Argumente, deren Ergebnis einmal berechnet und behalten wird."""

    def __init__(self, laden: Callable[[], _T]) -> None:
        self._laden = laden
        self._sperre = threading.Lock()
        self._wert: object = _NOCH_NICHT
        functools.update_wrapper(self, laden)

    def __call__(self) -> _T:
        wert = self._wert
        if wert is _NOCH_NICHT:
            with self._sperre:
                wert = self._wert
                if wert is _NOCH_NICHT:
                    wert = self._wert = self._laden()
        return wert  # type: ignore[return-value]

    def cache_clear(self) -> None:
        """Vergisst das Ergebnis (wie bei ``functools.cache``; für Messungen des ersten Ladens)."""
        with self._sperre:
            self._wert = _NOCH_NICHT

    @property
    def geladen(self) -> bool:
        """Ob das Ergebnis schon berechnet ist (für Tests: ``import`` lädt nichts)."""
        return self._wert is not _NOCH_NICHT


def einmal(laden: Callable[[], _T]) -> Einmal[_T]:
    """Macht aus ``laden`` eine Funktion, die einmal je Prozess lädt (thread-sicher)."""
    return Einmal(laden)


def je_objekt(
    groesse: int,
) -> Callable[[Callable[Concatenate[_O, _P], _T]], Callable[Concatenate[_O, _P], _T]]:
    """Merkt das Ergebnis je Identität des ersten Arguments und je Wert der übrigen.

    Das Objekt wird mitgehalten, solange sein Ergebnis gemerkt ist: so lebt es, und Python
    vergibt seine ``id`` keinem anderen Objekt – ein Treffer gehört immer zu ihm. Höchstens
    ``groesse`` Einträge, danach beginnt der Speicher von vorn (begrenzt auch bei vielen
    verschiedenen Objekten).

    >>> from kim_nrw.einmal import je_objekt
    >>> @je_objekt(8)
    ... def laenge(folge: tuple[int, ...], plus: int) -> int:
    ...     return len(folge) + plus
    >>> laenge((1, 2), 1), laenge((1, 2), 1)
    (3, 3)
    """

    if groesse.__class__ is not int or groesse < 1:
        raise UngueltigeEingabe("groesse", groesse, "eine ganze Zahl ≥ 1")

    def dekorator(
        funktion: Callable[Concatenate[_O, _P], _T],
    ) -> Callable[Concatenate[_O, _P], _T]:
        if not callable(funktion):
            raise UngueltigeEingabe("funktion", funktion, "eine Funktion")
        speicher: dict[tuple[object, ...], tuple[object, _T]] = {}

        @functools.wraps(funktion)
        def gemerkt(objekt: _O, /, *args: _P.args, **kwargs: _P.kwargs) -> _T:
            schluessel = (id(objekt), *args, *kwargs.items())
            gefunden = speicher.get(schluessel)
            if gefunden is not None:
                return gefunden[1]
            ergebnis = funktion(objekt, *args, **kwargs)
            if len(speicher) >= groesse:
                speicher.clear()
            speicher[schluessel] = (objekt, ergebnis)
            return ergebnis

        return gemerkt

    return dekorator

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
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["Einmal", "einmal"]

_T = TypeVar("_T")
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

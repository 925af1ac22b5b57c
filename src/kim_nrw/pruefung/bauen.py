"""Interne Ergebnisobjekte bauen, ohne den Umweg über ``type.__call__`` und ``__init__``.

Eine Prüfung baut je Regel einen :class:`~kim_nrw.pruefung.ergebnis.Pruefpunkt` aus Werten,
die schon feststehen. Für eine attrs-Klasse mit Slots, ohne Validatoren, Konverter und
``__attrs_post_init__`` tut ``__init__`` nichts, als die Slots zu setzen; :func:`bauer`
erzeugt eine Funktion, die genau das tut – aus ``attrs.fields``, also ohne zweite Liste der
Felder. Das Objekt ist dasselbe wie aus dem Konstruktor (gleich, gleicher Hash, gleiche
Form als JSON); gebaut wird es etwa doppelt so schnell (gemessen: 0,9 statt 1,8 µs für
einen Prüfpunkt). Klassen mit Prüfungen im Konstruktor lehnt :func:`bauer` ab.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

__all__ = ["bauer"]

_T = TypeVar("_T")


def bauer(cls: type[_T]) -> Callable[..., _T]:
    """Eine Funktion, die ``cls`` aus allen Feldern in ihrer Reihenfolge baut (positional).

    Nur für Klassen, deren Konstruktor nichts prüft oder umrechnet: sonst fiele die
    Prüfung weg.
    """
    felder = attrs.fields(cls)  # type: ignore[arg-type]
    if "__slots__" not in cls.__dict__ or hasattr(cls, "__attrs_post_init__"):
        raise TypeError(f"{cls.__name__}: nur attrs-Klassen mit Slots ohne __attrs_post_init__")
    for feld in felder:
        if feld.validator is not None or feld.converter is not None or not feld.init:
            raise TypeError(f"{cls.__name__}.{feld.name}: Feld mit Validator oder Konverter")
    if set(cls.__slots__) - {f.name for f in felder} - {"__weakref__"}:  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__}: weitere Slots (etwa ein zwischengespeicherter Hash)")
    namen = [f"w{i}" for i in range(len(felder))]
    umgebung: dict[str, Any] = {"_neu": object.__new__, "_cls": cls}
    zeilen = [f"def baue({', '.join(namen)}):", "    o = _neu(_cls)"]
    for i, feld in enumerate(felder):
        umgebung[f"_setze{i}"] = cls.__dict__[feld.name].__set__
        zeilen.append(f"    _setze{i}(o, w{i})")
    zeilen.append("    return o")
    exec("\n".join(zeilen), umgebung)  # erzeugt aus den Feldnamen, keine Eingabe
    baue: Callable[..., _T] = umgebung["baue"]
    baue.__qualname__ = f"bauer({cls.__name__})"
    return baue

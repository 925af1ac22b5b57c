"""Interne Ergebnisobjekte bauen, ohne den Umweg über ``type.__call__`` und ``__init__``.

Eine Prüfung baut je Regel einen :class:`~kim_nrw.pruefung.ergebnis.Pruefpunkt` aus Werten,
die schon feststehen. Für eine attrs-Klasse mit Slots, ohne Validatoren, Konverter und
``__attrs_post_init__`` tut ``__init__`` nichts, als die Slots zu setzen; :func:`bauer`
erzeugt eine Funktion, die genau das tut – aus ``attrs.fields``, also ohne zweite Liste der
Felder und ihrer Vorgaben. Das Objekt ist dasselbe wie aus dem Konstruktor (gleich,
gleicher Hash, gleiche Form als JSON); gebaut wird es etwa doppelt so schnell (gemessen:
0,9 statt 1,8 µs für einen Prüfpunkt, 1,2 statt 2,4 µs für einen Rechenschritt). Klassen
mit Prüfungen im Konstruktor lehnt :func:`bauer` ab.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

__all__ = ["bauer"]

_T = TypeVar("_T")


def bauer(cls: type[_T]) -> Callable[..., _T]:
    """Eine Funktion, die ``cls`` baut wie der Konstruktor: dieselben Parameter (Namen,
    Reihenfolge, Vorgaben), ohne ``type.__call__``.

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
    umgebung: dict[str, Any] = {"_bau_neu": object.__new__, "_bau_cls": cls}
    parameter = []
    rumpf = ["    _bau_o = _bau_neu(_bau_cls)"]
    for i, feld in enumerate(felder):
        if isinstance(feld.default, attrs.Factory):  # type: ignore[arg-type]
            raise TypeError(f"{cls.__name__}.{feld.name}: Vorgabe aus einer Fabrik")
        if feld.default is attrs.NOTHING:
            parameter.append(feld.name)
        else:
            umgebung[f"_bau_vorgabe{i}"] = feld.default
            parameter.append(f"{feld.name}=_bau_vorgabe{i}")
        umgebung[f"_bau_setze{i}"] = cls.__dict__[feld.name].__set__
        rumpf.append(f"    _bau_setze{i}(_bau_o, {feld.name})")
    zeilen = [f"def baue({', '.join(parameter)}):", *rumpf, "    return _bau_o"]
    exec("\n".join(zeilen), umgebung)  # erzeugt aus den Feldnamen, keine Eingabe
    baue: Callable[..., _T] = umgebung["baue"]
    baue.__qualname__ = f"bauer({cls.__name__})"
    return baue

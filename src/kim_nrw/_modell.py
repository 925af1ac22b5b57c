"""``frozen`` für die Modelle von kim_nrw: attrs, aber mit einer gemeinsamen Darstellung.

attrs erzeugt für jede Klasse Quelltext für ``__init__``, ``__eq__``, ``__hash__`` und
``__repr__`` und übersetzt ihn beim Import mit ``compile``. Das ``__repr__`` ist davon der
teuerste Teil (ein f-String über alle Felder) und der, den kein Programmlauf braucht:
fast die Hälfte der Zeit, die ``kim-nrw pruefen`` beim Start in attrs verbringt. Dieses
Modul ruft :func:`attrs.frozen` deshalb mit ``repr=False`` auf und gibt jeder Klasse, die
kein eigenes ``__repr__`` hat, die eine Funktion :func:`darstellung` – sie liefert
denselben Text wie das von attrs erzeugte ``__repr__`` (Felder mit ``repr=False``
fehlen, ein eigenes ``repr=`` eines Felds gilt, Rekursion wird ``...``).

Für Typprüfer *ist* dieses ``frozen`` :func:`attrs.frozen` (das Plugin von mypy erkennt
es so); zur Laufzeit ist es der Umschlag darum. Module von kim_nrw schreiben deshalb
``from kim_nrw._modell import frozen`` statt ``from attrs import frozen``; ein Test
prüft, dass jede attrs-Klasse des Pakets dieselbe Darstellung hat wie mit attrs selbst.

>>> from attrs import field
>>> @frozen
... class Punkt:
...     x: int
...     y: int = field(repr=False)
>>> Punkt(1, 2)
Punkt(x=1)
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

import attrs

__all__ = ["darstellung", "frozen"]

_IN_ARBEIT = threading.local()


def darstellung(self: object) -> str:
    """Wie das ``__repr__``, das attrs erzeugt: ``Klasse(feld=wert, …)``."""
    bereits = getattr(_IN_ARBEIT, "ids", None)
    if bereits is None:
        bereits = _IN_ARBEIT.ids = set()
    if id(self) in bereits:
        return "..."
    bereits.add(id(self))
    try:
        teile = []
        for feld in type(self).__attrs_attrs__:  # type: ignore[attr-defined]
            if feld.repr is False:
                continue
            wert = getattr(self, feld.name, attrs.NOTHING)
            text = repr(wert) if feld.repr is True else feld.repr(wert)
            teile.append(f"{feld.name}={text}")
        name = type(self).__qualname__.rsplit(">.", 1)[-1]
        return f"{name}({', '.join(teile)})"
    finally:
        bereits.discard(id(self))


if TYPE_CHECKING:
    from attrs import frozen
else:

    def frozen(maybe_cls: type | None = None, /, **optionen: Any) -> Any:
        """:func:`attrs.frozen` mit ``repr=False`` und :func:`darstellung` als ``__repr__``."""

        mit_darstellung = optionen.pop("repr", True)

        def baue(klasse: type) -> type:
            eigene = "__repr__" in klasse.__dict__
            neu = attrs.frozen(klasse, repr=False, **optionen)
            if mit_darstellung and not eigene:
                neu.__repr__ = darstellung
            return neu

        return baue if maybe_cls is None else baue(maybe_cls)

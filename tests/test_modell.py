"""Die gemeinsame Darstellung der Modelle (``kim_nrw._modell``) gleicht der von attrs.

Jede Klasse wird zweimal gebaut – mit :func:`attrs.frozen` selbst und mit dem ``frozen``
von kim_nrw – und ihre Darstellungen verglichen; dazu: jede attrs-Klasse des Pakets hat
entweder diese Darstellung oder ein eigenes ``__repr__``, keine fällt auf die von
``object`` zurück.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import attrs
import pytest
from attrs import field
from hypothesis import given
from hypothesis import strategies as st

import kim_nrw
from kim_nrw import _modell


def _zweimal(koerper: dict[str, Any], **optionen: Any) -> tuple[type, type]:
    """Dieselbe Klasse einmal mit attrs, einmal mit kim_nrw gebaut."""
    mit_attrs = attrs.frozen(type("Probe", (), dict(koerper)), **optionen)
    mit_kim = _modell.frozen(type("Probe", (), dict(koerper)), **optionen)
    return mit_attrs, mit_kim


def _felder() -> dict[str, Any]:
    return {
        "__annotations__": {"a": "object", "b": "object", "c": "object", "d": "object"},
        "a": field(),
        "b": field(repr=False, default=0),
        "c": field(repr=lambda wert: f"<{wert}>", default="x"),
        "d": field(init=False, default=None),
    }


@given(st.recursive(st.none() | st.integers() | st.text(max_size=5),
                    lambda innen: st.lists(innen, max_size=3).map(tuple), max_leaves=8),
       st.integers(), st.text(max_size=5))  # fmt: skip
def test_darstellung_gleicht_attrs(a: object, b: int, c: str) -> None:
    mit_attrs, mit_kim = _zweimal(_felder())
    assert repr(mit_kim(a, b, c)) == repr(mit_attrs(a, b, c))


def test_verschachtelt_und_vererbt() -> None:
    innen_attrs, innen_kim = _zweimal(_felder())
    aussen_attrs = attrs.frozen(type("Aussen", (innen_attrs,), {}))
    aussen_kim = _modell.frozen(type("Aussen", (innen_kim,), {}))
    assert repr(aussen_kim(innen_kim(1))) == repr(aussen_attrs(innen_attrs(1)))
    assert repr(aussen_kim(1)).startswith("Aussen(a=1, c=<x>, d=None)")


def test_rekursion_wird_punkte() -> None:
    mit_attrs, mit_kim = _zweimal({"__annotations__": {"a": "object"}, "a": field()})
    liste_attrs: list[object] = []
    liste_kim: list[object] = []
    x_attrs, x_kim = mit_attrs(liste_attrs), mit_kim(liste_kim)
    liste_attrs.append(x_attrs)
    liste_kim.append(x_kim)
    assert repr(x_kim) == repr(x_attrs) == "Probe(a=[...])"


def test_eigenes_repr_und_repr_false_bleiben() -> None:
    def eigenes(self: object) -> str:
        return "eigen"

    eigen = _modell.frozen(type("Eigen", (), {"__repr__": eigenes}))
    assert repr(eigen()) == "eigen"
    ohne = _modell.frozen(repr=False)(type("Ohne", (), {}))
    assert "__repr__" not in vars(ohne)


def _klassen_des_pakets() -> list[type]:
    klassen = []
    for info in pkgutil.walk_packages(kim_nrw.__path__, "kim_nrw."):
        if info.name.startswith("kim_nrw.cli"):
            continue  # die Befehlszeile hat keine Modelle
        modul = importlib.import_module(info.name)
        for wert in vars(modul).values():
            if isinstance(wert, type) and attrs.has(wert) and wert.__module__ == info.name:
                klassen.append(wert)
    return klassen


@pytest.mark.parametrize("klasse", _klassen_des_pakets(), ids=lambda k: k.__qualname__)
def test_jedes_modell_nutzt_die_gemeinsame_darstellung(klasse: type) -> None:
    """Kein Modell lässt attrs ein ``__repr__`` übersetzen und keines hat keins."""
    methode: object = klasse.__repr__
    assert methode is not object.__repr__
    erzeugt = getattr(methode, "__code__", None)
    assert erzeugt is None or not erzeugt.co_filename.startswith("<attrs generated"), (
        f"{klasse.__qualname__}: from kim_nrw._modell import frozen statt from attrs"
    )

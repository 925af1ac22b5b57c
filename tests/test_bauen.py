"""Der schnelle Bau interner Ergebnisobjekte baut dasselbe wie der Konstruktor."""

from __future__ import annotations

from typing import Any

import pytest

from kim_nrw.geld import Betrag
from kim_nrw.programme import Programmteil
from kim_nrw.pruefung.bauen import bauer
from kim_nrw.pruefung.ergebnis import (
    Pruefpunkt,
    Pruefstatus,
    Rechenschritt,
    Regelversion,
    Schrittart,
    Versionsart,
)
from kim_nrw.zeit import Zeitraum


def test_bauer_baut_dasselbe_wie_der_konstruktor() -> None:
    felder = (
        "KI.RATSBESCHLUSS",
        "Beschluss",
        (Programmteil.KI,),
        Pruefstatus.ERFUELLT,
        "Beschluss liegt vor",
        "S-KI-Rahmenbed",
        None,
        ("$.inhalt.ratsbeschluss",),
    )
    gebaut = bauer(Pruefpunkt)(*felder)
    erwartet = Pruefpunkt(*felder)
    assert type(gebaut) is Pruefpunkt
    assert gebaut == erwartet
    assert hash(gebaut) == hash(erwartet)
    assert repr(gebaut) == repr(erwartet)


def test_bauer_hat_die_parameter_und_vorgaben_des_konstruktors() -> None:
    baue = bauer(Rechenschritt)
    faelle: list[tuple[Schrittart, dict[str, Any]]] = [
        (Schrittart.SUMME, {"betrag": Betrag.von(57000)}),
        (Schrittart.POSTEN, {"teil": Programmteil.KI, "zeitraum": Zeitraum.jahr(2023),
                             "monate": 12, "satz": Betrag.von(1)}),
        (Schrittart.NICHT_BERECHENBAR, {}),
    ]  # fmt: skip
    for art, kwargs in faelle:
        assert baue(art, **kwargs) == Rechenschritt(art, **kwargs)
    with pytest.raises(TypeError):
        baue(Schrittart.SUMME, gibt_es_nicht=1)


def test_bauer_lehnt_klassen_mit_pruefung_im_konstruktor_ab() -> None:
    with pytest.raises(TypeError, match="Validator"):
        bauer(Betrag)  # der Wert eines Betrags wird im Konstruktor geprüft
    with pytest.raises(TypeError, match="Slots"):
        bauer(Regelversion)  # zwischengespeicherter Hash: ein weiterer Slot
    assert Regelversion(Versionsart.GESETZ, None).quelle is None

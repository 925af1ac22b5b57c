"""``je_objekt``: gemerkt nach Identität des ersten Arguments, begrenzt, nie fremd."""

from __future__ import annotations

import pytest

from kim_nrw.einmal import je_objekt
from kim_nrw.fehler import UngueltigeEingabe


def test_je_objekt_merkt_nach_identitaet_und_weiteren_argumenten() -> None:
    aufrufe: list[object] = []

    @je_objekt(8)
    def laenge(folge: list[int], plus: int) -> int:
        aufrufe.append(folge)
        return len(folge) + plus

    a, b = [1, 2], [1, 2]  # gleich, aber nicht dasselbe Objekt
    assert laenge(a, 1) == laenge(a, 1) == 3
    assert len(aufrufe) == 1
    assert laenge(b, 1) == 3 and len(aufrufe) == 2  # gleich genügt nicht
    assert laenge(a, 2) == 4 and len(aufrufe) == 3  # anderes weiteres Argument
    a.append(3)  # dasselbe Objekt: gemerkt bleibt gemerkt (für unveränderliche Objekte gedacht)
    assert laenge(a, 1) == 3


def test_je_objekt_ist_begrenzt_und_trifft_keine_wiederverwendete_id() -> None:
    @je_objekt(4)
    def marke(objekt: object) -> object:
        return object()  # je Aufruf eine neue Marke

    marken = [marke(object()) for _ in range(100)]  # jedes Objekt lebt nur für seinen Aufruf
    # Hielte der Speicher die Objekte nicht, vergäbe Python ihre id neu und ein neues Objekt
    # bekäme die Marke eines alten.
    assert len({id(m) for m in marken}) == 100
    zellen = getattr(marke, "__closure__", None) or ()
    speicher = [z.cell_contents for z in zellen if isinstance(z.cell_contents, dict)]
    assert len(speicher) == 1 and 0 < len(speicher[0]) <= 4  # begrenzt


@pytest.mark.parametrize("groesse", [0, -1, True, 2.0, "8", None])
def test_je_objekt_nennt_eine_falsche_groesse(groesse: object) -> None:
    with pytest.raises(UngueltigeEingabe, match="groesse"):
        je_objekt(groesse)  # type: ignore[arg-type]


def test_je_objekt_will_eine_funktion() -> None:
    with pytest.raises(UngueltigeEingabe, match="funktion"):
        je_objekt(4)(None)  # type: ignore[arg-type]

"""Benchmark: feindliche Dokumente werden schnell und mit kurzer Meldung abgelehnt.

Aufruf: ``.venv/bin/python benchmarks/bench_feindlich.py`` (``--klein`` für ein Zehntel
der Größen). Je Dokument: Größe des JSON-Texts, Zeit bis zur Ablehnung durch
:func:`kim_nrw.serial.lade` (bestes von drei Läufen), Spitze des zusätzlichen Speichers
(``tracemalloc``), Zahl der gemeldeten Probleme und Länge der Meldung
(``str(DokumentFehler)``). Ziel: jedes Dokument in unter einer Sekunde abgelehnt, die
Meldung in der Größenordnung von Kilobytes, nicht Megabytes (berichtet, nie als
Test-Assertion; die Tests prüfen nur Zahl und Größe).

Die Dokumente (aus Issue 12):

* **100.000 unbekannte Schlüssel** im Inhalt (1,7 MB),
* **300.000 kaputte Stellen** (jede mit falscher Funktion und falschem Anteil),
* **ein Schlüssel von 20 MB** Länge,
* **ein Antrag bis zum Jahr 9999** (gültig in der Form, zu lang im Zeitraum),
* **1.000.000 Einträge in einer Liste** von Zahlen statt Stellen.
"""

from __future__ import annotations

import gc
import json
import sys
import time
import tracemalloc
from collections.abc import Callable

from kim_nrw.fehler import DokumentFehler
from kim_nrw.serial import lade

KLEIN = "--klein" in sys.argv
FAKTOR = 10 if KLEIN else 1


def _antrag(**inhalt: object) -> dict[str, object]:
    basis: dict[str, object] = {
        "antragsteller": "05370",
        "programmteile": ["KIM.B2"],
        "zeitraum": "2021-01-01/2021-12-31",
    }
    basis.update(inhalt)
    return {"dokument": "foerderantrag", "version": 2, "inhalt": basis}


def unbekannte_schluessel() -> str:
    dokument = _antrag()
    inhalt = dokument["inhalt"]
    assert isinstance(inhalt, dict)
    for i in range(100_000 // FAKTOR):
        inhalt[f"feld_{i:06d}"] = i
    return json.dumps(dokument)


def kaputte_stellen() -> str:
    stelle = {"funktion": "keine", "anteil": "zwei"}
    return json.dumps(_antrag(stellen=[stelle] * (300_000 // FAKTOR)))


def langer_schluessel() -> str:
    dokument = _antrag()
    inhalt = dokument["inhalt"]
    assert isinstance(inhalt, dict)
    inhalt["x" * (20_000_000 // FAKTOR)] = 1
    return json.dumps(dokument)


def bis_9999() -> str:
    return json.dumps(
        _antrag(
            zeitraum="2021-01-01/9999-12-31",
            stellen=[{"funktion": "case_management", "anteil": "1"}],
            ki_vorhanden=True,
        )
    )


def lange_liste() -> str:
    return json.dumps(_antrag(stellen=list(range(1_000_000 // FAKTOR))))


DOKUMENTE: dict[str, Callable[[], str]] = {
    "100.000 unbekannte Schlüssel": unbekannte_schluessel,
    "300.000 kaputte Stellen": kaputte_stellen,
    "Schlüssel von 20 MB": langer_schluessel,
    "Zeitraum bis 9999": bis_9999,
    "1.000.000 Zahlen statt Stellen": lange_liste,
}


def _lehne_ab(text: str) -> DokumentFehler:
    try:
        lade("foerderantrag", text)
    except DokumentFehler as fehler:
        return fehler
    raise AssertionError("das Dokument wurde angenommen")


def messe(name: str, text: str) -> tuple[float, float, int, int]:
    zeiten = []
    for _ in range(3):
        gc.collect()
        beginn = time.perf_counter()
        fehler = _lehne_ab(text)
        meldung = str(fehler)
        zeiten.append(time.perf_counter() - beginn)
    gc.collect()
    tracemalloc.start()
    fehler = _lehne_ab(text)
    meldung = str(fehler)
    _, spitze = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return min(zeiten), spitze / 1e6, len(fehler.probleme), len(meldung)


def main() -> None:
    lade("foerderantrag", json.dumps(_antrag()))  # Register und Konverter laden
    print(f"{'Dokument':34} {'Größe':>9} {'Zeit':>8} {'Speicher':>9} {'Probleme':>8} "
          f"{'Meldung':>10}")  # fmt: skip
    for name, baue in DOKUMENTE.items():
        text = baue()
        zeit, speicher, probleme, laenge = messe(name, text)
        print(
            f"{name:34} {len(text) / 1e6:7.2f}MB {zeit:7.3f}s {speicher:7.1f}MB "
            f"{probleme:8d} {laenge:9d}Z"
        )


if __name__ == "__main__":
    main()

"""Benchmark der Prüfung: landesweiter Durchlauf und Kosten einer Prüfung.

Aufruf: ``.venv/bin/python benchmarks/bench_pruefung.py``. Berichtet:

* Prüfungen je Sekunde für alle 54 KI-Träger × alle Programmteile (zurzeit 8) × jedes
  Haushaltsjahr 2012–2027 (zurzeit 6.912 Prüfungen), Stichtag jeweils der 01.06. des Jahres;
* das Verhältnis der Kosten einer Prüfung zum Bau ihres Antrags.

Vergleich mit einem anderen Stand im selben Lauf: ``bench_pruefung.py --gegen SRC``
(``SRC`` ist das ``src``-Verzeichnis des anderen Stands, etwa aus ``git archive``)
misst beide abwechselnd in eigenen Prozessen, je siebenmal, und berichtet das Beste
beider und ihr Verhältnis (die Maschine ist selten ruhig; das Minimum ist das robusteste
Maß).

``bench_pruefung.py --pruefsumme`` misst nicht, sondern schreibt je eine SHA-256-Summe
über die JSON-Form (``kim_nrw.serial.als_json``, wie ``kim-nrw pruefen --json``) und über
die deutsche Erklärung aller Ergebnisse des landesweiten Durchlaufs: eine Beschleunigung
darf sie nicht ändern.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import time
import timeit
from datetime import date

import kim_nrw
from kim_nrw import (
    Foerderantrag,
    KreisfreieStadt,
    Kreisschluessel,
    Programmteil,
    Stelle,
    Stellenanteil,
    Stellenfunktion,
    Zeitraum,
)

_FUNKTION = {
    Programmteil.KI: Stellenfunktion.FACHKRAFT,
    Programmteil.KIM_B1: Stellenfunktion.KOORDINATION,
    Programmteil.KIM_B2: Stellenfunktion.CASE_MANAGEMENT,
    Programmteil.KIM_B3: Stellenfunktion.ABH_EBH,
    Programmteil.KOMMAN_I: Stellenfunktion.FACHKRAFT,
}


def _antraege() -> list[tuple[Foerderantrag, date]]:
    paare = []
    for traeger in kim_nrw.register().ki_traeger():
        schluessel = (traeger.kreisschluessel if isinstance(traeger, KreisfreieStadt)
                      else traeger.schluessel)  # fmt: skip
        for teil in Programmteil:
            funktion = _FUNKTION.get(teil)
            stellen = () if funktion is None else (Stelle(funktion, Stellenanteil.von(1)),)
            for jahr in range(2012, 2028):
                antrag = Foerderantrag(schluessel, teil, Zeitraum.jahr(jahr), stellen=stellen,
                                       ki_vorhanden=True, ratsbeschluss=True,
                                       integrationskonzept=date(jahr, 1, 1),
                                       andere_foerderung=())  # fmt: skip
                paare.append((antrag, date(jahr, 6, 1)))
    return paare


def main() -> None:
    start = time.perf_counter()
    paare = _antraege()
    bau = time.perf_counter() - start
    kim_nrw.pruefe(*paare[0])  # Parameter und Katalog laden
    start = time.perf_counter()
    ergebnisse = [kim_nrw.pruefe(a, s) for a, s in paare]
    dauer = time.perf_counter() - start
    print(f"Landesweiter Durchlauf: {len(ergebnisse)} Prüfungen in {dauer:.2f} s "
          f"= {len(ergebnisse) / dauer:,.0f} Prüfungen/s")  # fmt: skip
    print(f"Anträge bauen: {len(paare) / bau:,.0f} /s")

    antrag, stichtag = paare[len(paare) // 2]
    schluessel = antrag.antragsteller

    def baue() -> object:
        return Foerderantrag(Kreisschluessel(str(schluessel)), Programmteil.KIM_B2,
                             Zeitraum.jahr(2023),
                             stellen=(Stelle(Stellenfunktion.CASE_MANAGEMENT,
                                             Stellenanteil.von(1)),),
                             ki_vorhanden=True, andere_foerderung=())  # fmt: skip

    muster = baue()
    assert isinstance(muster, Foerderantrag)
    t_bau = min(timeit.repeat(baue, number=2000, repeat=5)) / 2000
    t_pruef = min(timeit.repeat(lambda: kim_nrw.pruefe(muster, stichtag), number=500,
                                repeat=5)) / 500  # fmt: skip
    print(f"Eine Prüfung: {t_pruef * 1e6:.0f} µs, Antrag bauen: {t_bau * 1e6:.0f} µs, "
          f"Verhältnis {t_pruef / t_bau:.1f}")  # fmt: skip


def pruefsumme() -> None:
    """Die Prüfsummen aller Ergebnisse des landesweiten Durchlaufs (JSON und Erklärung)."""
    from kim_nrw.serial import als_json

    json_summe, text_summe = hashlib.sha256(), hashlib.sha256()
    paare = _antraege()
    for antrag, stichtag in paare:
        ergebnis = kim_nrw.pruefe(antrag, stichtag)
        json_summe.update(als_json(ergebnis).encode() + b"\n")
        text_summe.update(ergebnis.erklaerung().encode() + b"\n")
    print(f"Prüfsumme über {len(paare)} Ergebnisse (JSON):      {json_summe.hexdigest()}")
    print(f"Prüfsumme über {len(paare)} Ergebnisse (Erklärung): {text_summe.hexdigest()}")


def _lauf(src: str | None) -> tuple[float, float, float, int]:
    umgebung = dict(os.environ)
    umgebung.pop("PYTHONPATH", None)
    if src is not None:
        umgebung["PYTHONPATH"] = src
    aus = subprocess.run([sys.executable, __file__], capture_output=True, text=True,
                         env=umgebung, check=True).stdout  # fmt: skip
    durchlauf = re.search(r"([0-9.,]+) Prüfungen in ([0-9.]+) s", aus)
    einzeln = re.search(r"Eine Prüfung: ([0-9]+) µs", aus)
    assert durchlauf is not None and einzeln is not None, aus
    anzahl = int(durchlauf[1].replace(",", "").replace(".", ""))
    sekunden = float(durchlauf[2])
    return sekunden, sekunden / anzahl * 1e6, float(einzeln[1]), anzahl


def vergleiche(src: str, runden: int = 7) -> None:
    """Dieser Stand gegen den unter ``src``, abwechselnd gemessen.

    Der Durchlauf wird je Prüfung verglichen: ein anderer Stand kann eine andere Zahl
    von Programmteilen haben (465f130 kannte das Ehrenamt im Kontext Prävention nicht).
    """
    anderer, dieser = [], []
    for _ in range(runden):
        anderer.append(_lauf(src))
        dieser.append(_lauf(None))
    a = [min(x[i] for x in anderer) for i in range(3)]
    d = [min(x[i] for x in dieser) for i in range(3)]
    print(f"anderer Stand: Durchlauf {a[0]:.2f} s ({anderer[0][3]} Prüfungen, {a[1]:.0f} µs je "
          f"Prüfung), eine Prüfung {a[2]:.0f} µs")  # fmt: skip
    print(f"dieser Stand:  Durchlauf {d[0]:.2f} s ({dieser[0][3]} Prüfungen, {d[1]:.0f} µs je "
          f"Prüfung), eine Prüfung {d[2]:.0f} µs")  # fmt: skip
    print(f"Verhältnis dieser/anderer: Durchlauf je Prüfung {d[1] / a[1]:.2f}, eine Prüfung "
          f"{d[2] / a[2]:.2f} (unter 1: schneller)")  # fmt: skip


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--gegen":
        vergleiche(sys.argv[2])
    elif sys.argv[1:] == ["--pruefsumme"]:
        pruefsumme()
    else:
        main()

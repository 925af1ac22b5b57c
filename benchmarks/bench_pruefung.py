"""Benchmark der Prüfung: landesweiter Durchlauf und Kosten einer Prüfung.

Aufruf: ``.venv/bin/python benchmarks/bench_pruefung.py``. Berichtet:

* Prüfungen je Sekunde für alle 54 KI-Träger × alle 7 Programmteile × jedes
  Haushaltsjahr 2012–2026 (5.670 Prüfungen), Stichtag jeweils der 01.06. des Jahres;
* das Verhältnis der Kosten einer Prüfung zum Bau ihres Antrags.
"""

from __future__ import annotations

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
            for jahr in range(2012, 2027):
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


if __name__ == "__main__":
    main()

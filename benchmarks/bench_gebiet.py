"""Benchmark des Gebietsregisters: Importkosten, erstes Laden, Suchen je Sekunde.

Aufruf: ``.venv/bin/python benchmarks/bench_gebiet.py``. Berichtet Verhältnisse
im selben Lauf (nie als Test-Assertion):

* Importkosten von ``import kim_nrw`` gegenüber ``import attrs, cattrs, dateutil``
  (Ziel ≤ 1,3), je Median über frische Interpreter;
* erstes Laden des ganzen Registers;
* Suchen je Sekunde nach Schlüssel und nach Name;
* Bau eines Gemeinde-Objekts gegenüber einem pydantic-v2-Modell gleicher Form.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
import timeit

import kim_nrw
from kim_nrw.gebiet import AGS, ARS, KreisangehoerigeGemeinde

LAEUFE = 15


# Mit Bytecode-Cache messen, wie ihn Nutzer haben (manche Umgebungen setzen
# PYTHONDONTWRITEBYTECODE; dann würde jeder Lauf den Quelltext neu übersetzen).
_UMGEBUNG = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _importzeit(code: str) -> float:
    subprocess.run([sys.executable, "-c", code], check=True, env=_UMGEBUNG)  # Cache füllen
    messungen = []
    for _ in range(LAEUFE):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=_UMGEBUNG)
        messungen.append(time.perf_counter() - start)
    return statistics.median(messungen)


def _je_sekunde(funktion: object, anzahl: int) -> float:
    zeit = min(timeit.repeat(funktion, number=anzahl, repeat=5))  # type: ignore[arg-type]
    return anzahl / zeit


def main() -> None:
    leer = _importzeit("pass")
    deps = _importzeit("import attrs, cattrs, dateutil")
    kim = _importzeit("import kim_nrw")
    voll = _importzeit("from kim_nrw import *")
    print(f"Import: Interpreter {leer * 1000:.1f} ms, Abhängigkeiten {deps * 1000:.1f} ms, "
          f"kim_nrw {kim * 1000:.1f} ms")  # fmt: skip
    print(f"  Verhältnis kim_nrw / Abhängigkeiten (ganzer Prozess): {kim / deps:.2f}")
    print(f"  Verhältnis nur Importanteil: {(kim - leer) / (deps - leer):.2f}  (Ziel ≤ 1,3)")
    print(f"  alle Untermodule (from kim_nrw import *): {voll * 1000:.1f} ms, "
          f"Verhältnis {(voll - leer) / (deps - leer):.2f}")  # fmt: skip

    kim_nrw.register.cache_clear()  # kim_nrw.einmal: erstes Laden messen
    start = time.perf_counter()
    r = kim_nrw.register()
    print(f"Erstes Laden des Registers: {(time.perf_counter() - start) * 1000:.1f} ms")
    r.finde("Erkelenz")  # Namensindex aufbauen
    print(f"Suche nach Schlüssel: {_je_sekunde(lambda: r.finde('05370004'), 20_000):,.0f} /s")
    print(f"Suche nach Name:      {_je_sekunde(lambda: r.finde('Erkelenz'), 20_000):,.0f} /s")

    import pydantic

    class GemeindePydantic(pydantic.BaseModel):
        model_config = pydantic.ConfigDict(frozen=True)
        ags: str = pydantic.Field(pattern=r"^05[13579][0-9]{5}$")
        ars: str = pydantic.Field(pattern=r"^05[13579][0-9]{9}$")
        name: str
        ist_stadt: bool
        einwohner: int
        flaeche_ha: int

    def baue_attrs() -> object:
        return KreisangehoerigeGemeinde(
            AGS("05370004"), ARS("053700004004"), "Erkelenz, Stadt", True, 43275, 11734
        )

    def baue_pydantic() -> object:
        return GemeindePydantic(
            ags="05370004", ars="053700004004", name="Erkelenz, Stadt",
            ist_stadt=True, einwohner=43275, flaeche_ha=11734,
        )  # fmt: skip

    a = _je_sekunde(baue_attrs, 20_000)
    p = _je_sekunde(baue_pydantic, 20_000)
    print(f"Gemeinde bauen: kim_nrw {a:,.0f} /s, pydantic v2 {p:,.0f} /s, Verhältnis {a / p:.2f}")


if __name__ == "__main__":
    main()

"""Kalter Start mit acht Threads: jedes träge geladene Datum entsteht einmal je Prozess.

Acht Threads fragen in einem frischen Prozess gleichzeitig (``threading.Barrier``) nach
jedem Datum, das kim_nrw beim ersten Zugriff lädt oder erzeugt. Bekommen alle dasselbe
Objekt (``is``), wurde es einmal geladen; mit ``functools.cache`` allein bekämen zwei
Threads, die zugleich zum ersten Mal fragen, je ein eigenes. Register, Parameter und
Programmkatalog prüfen ihre Tests in test_gebiet, test_recht und test_katalog.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

_DATEN = {
    "rechtsquellen": "kim_nrw.recht.laden.alle_rechtsquellen()",
    "fassungen": "kim_nrw.recht.fassungen._paket()",
    "behoerden": "kim_nrw.programme.behoerden.alle_behoerden()",
    "ki_register": "kim_nrw.zentren.ki_register()",
    "ki_index": "kim_nrw.zentren._nach_traeger()",
    "kommunalschluessel": "kim_nrw.serial.werte.kommunalschluessel()",
    "schema_cache": "sys.modules['kim_nrw.serial.schema']._erzeuge('foerderantrag')",
    "paketdaten": "kim_nrw._paketdaten._kopie()",
}


@pytest.mark.parametrize("name", sorted(_DATEN))
def test_acht_threads_bekommen_dasselbe_objekt(name: str) -> None:
    ausdruck = _DATEN[name]
    code = (
        "import sys, threading\n"
        "import kim_nrw.recht.laden, kim_nrw.recht.fassungen, kim_nrw.programme.behoerden\n"
        "import kim_nrw.zentren, kim_nrw.serial.werte, kim_nrw.serial.schema, kim_nrw._paketdaten\n"
        "start = threading.Barrier(8)\n"
        "ergebnisse = []\n"
        "def lauf():\n"
        "    start.wait()\n"
        f"    ergebnisse.append({ausdruck})\n"
        "threads = [threading.Thread(target=lauf) for _ in range(8)]\n"
        "for t in threads: t.start()\n"
        "for t in threads: t.join()\n"
        "print(len(ergebnisse), len({id(e) for e in ergebnisse}))\n"
    )
    ergebnis = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=False, timeout=120)  # fmt: skip
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert ergebnis.stdout.split() == ["8", "1"]

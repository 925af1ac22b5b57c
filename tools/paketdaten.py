#!/usr/bin/env python3
"""Schreibt die erzeugte Kopie der TOML-Paketdaten ``src/kim_nrw/daten/toml_kopie.json`` neu.

Die TOML-Dateien unter ``src/kim_nrw/daten/`` sind die Quelle der Wahrheit; die Kopie
enthält je Datei ihre Prüfsumme und ihren Inhalt, wie ``tomllib`` ihn liest, als JSON
(siehe :mod:`kim_nrw._paketdaten`). Nach jeder Änderung an einer TOML-Datei:
``python tools/paketdaten.py`` ausführen und die Kopie mit einchecken. Vergessen ist
nicht falsch, nur langsam: passt die Kopie zu einer Datei nicht, liest das Paket die
TOML-Datei selbst. ``python tools/paketdaten.py --pruefen`` schreibt nichts und endet
mit 1, wenn die Kopie veraltet ist (das prüft auch ``tests/test_paketdaten.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from kim_nrw._paketdaten import KOPIE, kopie_text

DATEI = Path(__file__).resolve().parent.parent / "src" / "kim_nrw" / "daten" / KOPIE


def main(argumente: list[str]) -> int:
    """Schreibt oder prüft die Kopie; gibt den Exit-Code zurück."""
    erwartet = kopie_text()
    aktuell = DATEI.is_file() and DATEI.read_text(encoding="utf-8") == erwartet
    if "--pruefen" in argumente:
        if not aktuell:
            print(f"veraltet: {DATEI.name} – python tools/paketdaten.py ausführen")
            return 1
        print(f"{DATEI.name} aktuell")
        return 0
    if aktuell:
        print(f"{DATEI.name} aktuell")
    else:
        DATEI.write_text(erwartet, encoding="utf-8")
        print(f"neu geschrieben: {DATEI.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

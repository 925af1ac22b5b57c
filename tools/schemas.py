#!/usr/bin/env python3
"""Schreibt die mitgelieferten JSON Schemas ``src/kim_nrw/daten/schema/<typ>.json`` neu.

Die Schemas werden aus den Modellen erzeugt (:func:`kim_nrw.serial.schema_text`),
nie von Hand geschrieben. Nach jeder Änderung an einem Modell, einer Wertart oder
einem Validator: ``python tools/schemas.py`` ausführen und die Dateien mit
einchecken. ``python tools/schemas.py --pruefen`` schreibt nichts und endet mit 1,
wenn eine Datei veraltet ist (das prüft auch ``tests/test_schema.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from kim_nrw.serial import DOKUMENTTYPEN, schema_text

ORDNER = Path(__file__).resolve().parent.parent / "src" / "kim_nrw" / "daten" / "schema"


def main(argumente: list[str]) -> int:
    """Schreibt oder prüft alle Schemadateien; gibt den Exit-Code zurück."""
    nur_pruefen = "--pruefen" in argumente
    veraltet = []
    ORDNER.mkdir(parents=True, exist_ok=True)
    erwartet = {f"{name}.json": schema_text(name) for name in DOKUMENTTYPEN}
    for datei in sorted(ORDNER.glob("*.json")):
        if datei.name not in erwartet:
            veraltet.append(f"{datei.name} (kein Dokumenttyp mehr)")
            if not nur_pruefen:
                datei.unlink()
    for name, text in erwartet.items():
        datei = ORDNER / name
        if not datei.is_file() or datei.read_text(encoding="utf-8") != text:
            veraltet.append(name)
            if not nur_pruefen:
                datei.write_text(text, encoding="utf-8")
    if nur_pruefen and veraltet:
        print("veraltet: " + ", ".join(veraltet) + " – python tools/schemas.py ausführen")
        return 1
    print(("neu geschrieben: " + ", ".join(veraltet)) if veraltet else "alle Schemas aktuell")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Schreibt oder prüft die JSON Schemas der Ausgaben von ``kim-nrw`` (``--json``).

Aufruf: ``.venv/bin/python tools/ausgabeschemas.py [--schreiben]``. Ohne ``--schreiben``
meldet es jede Datei, die nicht dem erzeugten Schema entspricht (Exit-Code 1).
"""

from __future__ import annotations

import sys
from pathlib import Path

from kim_nrw.cli.ausgabeschemas import FORMEN, datei_text

ORDNER = Path(__file__).resolve().parent.parent / "src" / "kim_nrw" / "daten" / "schema" / "ausgabe"


def main(argv: list[str]) -> int:
    schreiben = "--schreiben" in argv
    abweichend = []
    for form in FORMEN:
        datei = ORDNER / f"{form}.json"
        text = datei_text(form)
        if schreiben:
            ORDNER.mkdir(parents=True, exist_ok=True)
            datei.write_text(text, encoding="utf-8")
        elif not datei.exists() or datei.read_text(encoding="utf-8") != text:
            abweichend.append(datei.name)
    for name in abweichend:
        print(f"veraltet: {name} (tools/ausgabeschemas.py --schreiben)", file=sys.stderr)
    return 1 if abweichend else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Schreibt die erzeugten Formen der TOML-Paketdaten neu: die Kopie und die geladenen Objekte.

Die TOML-Dateien unter ``src/kim_nrw/daten/`` sind die Quelle der Wahrheit. Daraus entstehen
(siehe :mod:`kim_nrw._paketdaten`):

* ``toml_kopie.json`` – je Datei ihre Prüfsumme und ihr Inhalt, wie ``tomllib`` ihn liest;
* ``geladen.pickle`` – die fertig geladenen und geprüften Objekte (Quellenkatalog und
  Parameter, Behörden, Programmkatalog) mit der Prüfsumme aller TOML-Dateien und des
  Gebietsstands (gegen ihn prüft der Programmkatalog seine Modellkommunen).

Nach jeder Änderung an einer TOML-Datei, am Gebietsstand oder an den Feldern einer ihrer
Klassen:
``python tools/paketdaten.py`` ausführen und beide Dateien mit einchecken. Vergessen ist
nicht falsch, nur langsam: passt eine Form nicht, liest das Paket die TOML-Dateien selbst.
``python tools/paketdaten.py --pruefen`` schreibt nichts und endet mit 1, wenn eine Form
veraltet ist (das prüft auch ``tests/test_paketdaten.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from kim_nrw import _paketdaten as paketdaten
from kim_nrw.programme.behoerden import behoerden_aus_toml
from kim_nrw.programme.laden import katalog_aus_toml
from kim_nrw.recht.laden import recht_aus_toml

DATEN = Path(__file__).resolve().parent.parent / "src" / "kim_nrw" / "daten"


def geladene_teile() -> dict[str, object]:
    """Die Teile der geladenen Form, frisch aus den TOML-Dateien gebaut."""
    return {"recht": recht_aus_toml(), "behoerden": behoerden_aus_toml(),
            "katalog": katalog_aus_toml()}  # fmt: skip


def _geladen_aktuell(datei: Path, teile: dict[str, object]) -> bool:
    """Ob die gespeicherte Form zu den Quelldateien passt, genau diese Teile hat und dieselben
    Objekte liefert (verglichen werden Objekte, nicht Bytes: pickle schreibt Mengen nicht
    immer gleich)."""
    if not datei.is_file():
        return False
    gespeichert = paketdaten._teile_aus(datei.read_bytes())
    return set(gespeichert) == set(teile) and all(
        paketdaten._teil(gespeichert[name]) == objekt for name, objekt in teile.items()
    )


def main(argumente: list[str]) -> int:
    """Schreibt oder prüft beide Formen; gibt den Exit-Code zurück."""
    kopie = DATEN / paketdaten.KOPIE
    kopie_erwartet = paketdaten.kopie_text()
    kopie_aktuell = kopie.is_file() and kopie.read_text(encoding="utf-8") == kopie_erwartet
    geladen = DATEN / paketdaten.GELADEN
    teile = geladene_teile()
    geladen_aktuell = _geladen_aktuell(geladen, teile)
    if "--pruefen" in argumente:
        veraltet = [d.name for d, ok in ((kopie, kopie_aktuell), (geladen, geladen_aktuell))
                    if not ok]  # fmt: skip
        for name in veraltet:
            print(f"veraltet: {name} – python tools/paketdaten.py ausführen")
        if not veraltet:
            print(f"{kopie.name} und {geladen.name} aktuell")
        return 1 if veraltet else 0
    if kopie_aktuell:
        print(f"{kopie.name} aktuell")
    else:
        kopie.write_text(kopie_erwartet, encoding="utf-8")
        print(f"neu geschrieben: {kopie.name}")
    if geladen_aktuell:
        print(f"{geladen.name} aktuell")
    else:
        geladen.write_bytes(paketdaten.kodiere_geladen(teile))
        print(f"neu geschrieben: {geladen.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Benchmark des Planers: die landesweite Tabelle der Höchstbeträge gegen den Prüfdurchlauf.

Aufruf: ``.venv/bin/python benchmarks/bench_planung.py [RUNDEN]``. Misst im selben Lauf,
abwechselnd und je ``RUNDEN``-mal (Standard 5), und berichtet das Beste beider und ihr
Verhältnis:

* die Tabelle: alle 54 KI-Träger × alle Programmteile × jedes Haushaltsjahr 2012–2027 mit
  voller Rechnung (:func:`kim_nrw.planung.hoechstbetraege`; vor jeder Runde werden die
  Zwischenspeicher des Planers geleert, die Höchstantragsausstattung wird also jedes Mal neu
  gesucht);
* den landesweiten Prüfdurchlauf von ``benchmarks/bench_pruefung.py`` (54 Träger × alle
  Teile × 2012–2027, Anträge bauen und prüfen).

Berichtet das Verhältnis der Bestzeiten und den Median der Verhältnisse je Runde (die
Maschine ist selten ruhig). Ziel (Issue 13): die Tabelle braucht höchstens das 1,2-Fache
des Durchlaufs.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import kim_nrw
from kim_nrw.planung import hoechstbetraege
from kim_nrw.planung import plan as planmodul

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pruefung import _antraege


def _durchlauf() -> tuple[float, int]:
    start = time.perf_counter()
    paare = _antraege()
    for antrag, stichtag in paare:
        kim_nrw.pruefe(antrag, stichtag)
    return time.perf_counter() - start, len(paare)


def _tabelle() -> tuple[float, int]:
    planmodul._AUSSTATTUNGEN.clear()
    planmodul.foerderzeitraum.cache_clear()
    planmodul._sachkosten.cache_clear()
    planmodul._antragseinheiten.cache_clear()
    start = time.perf_counter()
    zeilen = hoechstbetraege(2012, 2027)
    return time.perf_counter() - start, len(zeilen)


def main(runden: int = 5) -> None:
    _durchlauf()  # Daten laden, Zwischenspeicher der Prüfung füllen (beide profitieren)
    _tabelle()
    durchlauf, tabelle = [], []
    zeilen = antraege = 0
    for _ in range(runden):
        dauer, antraege = _durchlauf()
        durchlauf.append(dauer)
        dauer, zeilen = _tabelle()
        tabelle.append(dauer)
    d, t = min(durchlauf), min(tabelle)
    je_runde = sorted(b / a for a, b in zip(durchlauf, tabelle, strict=True))
    print(f"Prüfdurchlauf ({antraege} Anträge bauen und prüfen): {d:.2f} s")
    print(f"Tabelle der Höchstbeträge 2012–2027 ({zeilen} Zeilen): {t:.2f} s")
    print(f"Verhältnis Tabelle/Durchlauf: {t / d:.2f} (Bestes beider), Median je Runde "
          f"{je_runde[len(je_runde) // 2]:.2f} (Ziel: höchstens 1,2)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)

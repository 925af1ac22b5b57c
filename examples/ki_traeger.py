"""Beispiel: die 54 möglichen Träger eines Kommunalen Integrationszentrums je
Regierungsbezirk – abgeleitet aus dem Register, Stadt Aachen eingeschlossen."""

from __future__ import annotations

from collections import Counter

import kim_nrw


def main() -> None:
    traeger = kim_nrw.register().ki_traeger()
    je_bezirk = Counter(t.regierungsbezirk.name_kurz for t in traeger)
    for bezirk, anzahl in sorted(je_bezirk.items()):
        print(f"{bezirk:<12} {anzahl:3d}")
    print(f"{'NRW':<12} {len(traeger):3d}")


if __name__ == "__main__":
    main()

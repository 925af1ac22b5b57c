"""Beispiel: der Kreis Heinsberg mit seinen Gemeinden, ihrem Anteil an der Bevölkerung
und dem zuständigen Regierungsbezirk."""

from __future__ import annotations

import kim_nrw


def main() -> None:
    kreis = kim_nrw.register().kreis("05370")
    print(f"{kreis.bezeichnung} im Regierungsbezirk {kreis.regierungsbezirk.name_kurz}")
    for gemeinde in kreis.gemeinden:
        anteil = 100 * gemeinde.einwohner / kreis.einwohner
        print(f"  {gemeinde.ags} {gemeinde.bezeichnung:<24} {anteil:5.1f} %")
    print(kim_nrw.DATENSTAND.quellenvermerk)


if __name__ == "__main__":
    main()

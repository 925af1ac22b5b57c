"""Der Befehl ``kim-nrw`` (Unterbefehle ``kommune``, ``ki``).

Exit-Codes: 0 Erfolg, 2 ungültige oder mehrdeutige Eingabe (Meldung auf stderr,
nichts auf stdout).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from kim_nrw import __version__
from kim_nrw.fehler import KimNrwFehler
from kim_nrw.gebiet import (
    Gebietseinheit,
    Kreis,
    KreisangehoerigeGemeinde,
    KreisfreieStadt,
    Regierungsbezirk,
    register,
)
from kim_nrw.zentren import KommunalesIntegrationszentrum, ki, ki_register

__all__ = ["main"]

EXIT_OK = 0
EXIT_EINGABE = 2


def _zahl(wert: int) -> str:
    return f"{wert:,}".replace(",", ".")


def kommune_als_dict(einheit: Gebietseinheit) -> dict[str, Any]:
    """Die Angaben zu einer Gebietseinheit als JSON-fähiges Wörterbuch."""
    stand = register().datenstand
    daten: dict[str, Any] = {
        "art": einheit.art.value,
        "schluessel": str(einheit.schluessel),
        "name": einheit.name,
        "name_kurz": einheit.name_kurz,
        "einwohner": einheit.einwohner,
        "einwohner_stichtag": stand.stichtag_bevoelkerung.isoformat(),
        "flaeche_km2": str(einheit.flaeche_km2),
    }
    if isinstance(einheit, KreisfreieStadt | KreisangehoerigeGemeinde):
        daten["ars"] = str(einheit.ars)
        daten["kreisschluessel"] = str(einheit.kreisschluessel)
        daten["rechtlich_kreisfrei"] = einheit.ist_kreisfrei
    if isinstance(einheit, KreisangehoerigeGemeinde):
        daten["kreis"] = {"schluessel": str(einheit.kreis.schluessel), "name": einheit.kreis.name}
        if einheit.sonderstatus is not None:
            daten["sonderstatus"] = einheit.sonderstatus.erlaeuterung
    if not isinstance(einheit, Regierungsbezirk):
        rb = einheit.regierungsbezirk
        daten["regierungsbezirk"] = {"schluessel": str(rb.schluessel), "name": rb.name}
    if isinstance(einheit, Kreis):
        daten["gemeinden"] = [{"ags": str(g.ags), "name": g.name, "einwohner": g.einwohner}
                              for g in einheit.gemeinden]  # fmt: skip
    daten["gebietsstand"] = stand.gebietsstand.isoformat()
    daten["quelle"] = stand.quellenvermerk
    return daten


def kommune_als_text(einheit: Gebietseinheit) -> str:
    """Die Angaben zu einer Gebietseinheit als deutscher Text."""
    stand = register().datenstand
    zeilen = [
        f"{einheit.name} ({einheit.art.bezeichnung})",
        f"  Schlüssel:        {einheit.schluessel}",
    ]
    if isinstance(einheit, KreisfreieStadt | KreisangehoerigeGemeinde):
        zeilen.append(f"  ARS:              {einheit.ars}")
    if isinstance(einheit, KreisangehoerigeGemeinde):
        zeilen.append(f"  Kreis:            {einheit.kreis.schluessel} {einheit.kreis.name}")
        if einheit.sonderstatus is not None:
            zeilen.append(f"  Sonderstatus:     {einheit.sonderstatus.erlaeuterung}")
    if not isinstance(einheit, Regierungsbezirk):
        rb = einheit.regierungsbezirk
        zeilen.append(f"  Regierungsbezirk: {rb.schluessel} {rb.name_kurz}")
    zeilen.append(
        f"  Einwohner:        {_zahl(einheit.einwohner)} "
        f"(Stand {stand.stichtag_bevoelkerung:%d.%m.%Y})"
    )
    zeilen.append(f"  Fläche:           {str(einheit.flaeche_km2).replace('.', ',')} km²")
    if isinstance(einheit, Kreis):
        gemeinden = einheit.gemeinden
        zeilen.append(f"  Gemeinden ({len(gemeinden)}):")
        zeilen += [f"    {g.ags}  {g.name} ({_zahl(g.einwohner)} Einwohner)" for g in gemeinden]
    zeilen.append(stand.quellenvermerk.split(". ©")[0] + ".")
    return "\n".join(zeilen)


def _kommune(args: argparse.Namespace) -> int:
    einheit = register().finde(args.anfrage)
    if args.json:
        print(json.dumps(kommune_als_dict(einheit), ensure_ascii=False, indent=2))
    else:
        print(kommune_als_text(einheit))
    return EXIT_OK


def ki_als_text(zentrum: KommunalesIntegrationszentrum) -> str:
    """Ein KI mit Träger, Bezirk, Gründung und den Kommunen, für die es zuständig ist."""
    g = zentrum.gruendung
    gruendung = "in den Quellen nicht belegt"
    if g is not None:
        tag = f"{g.datum:%d.%m.%Y}" if g.datum else str(g.jahr)
        gruendung = f"{tag} ({g.anmerkung}; Quelle: {', '.join(g.quellen)})"
    zeilen = [
        zentrum.name,
        f"  Träger:           {zentrum.schluessel} {zentrum.traeger.name}",
        f"  Regierungsbezirk: {zentrum.regierungsbezirk.name_kurz}",
        f"  Gründung:         {gruendung}",
        f"  Zuständig für ({len(zentrum.kommunen)}):",
    ]
    zeilen += [f"    {k.ags}  {k.name}" for k in zentrum.kommunen]
    return "\n".join(zeilen)


def _ki(args: argparse.Namespace) -> int:
    if args.anfrage is None:
        for zentrum in ki_register():
            print(
                f"{zentrum.schluessel:<8}  {zentrum.regierungsbezirk.name_kurz:<10}  {zentrum.name}"
            )
        print(f"{len(ki_register())} Kommunale Integrationszentren")
    else:
        print(ki_als_text(ki(args.anfrage)))
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kim-nrw", description="Integrationsförderung in NRW: Kommunen, KI, KIM, Prüfung."
    )
    parser.add_argument("--version", action="version", version=f"kim-nrw {__version__}")
    befehle = parser.add_subparsers(dest="befehl", required=True, metavar="BEFEHL")
    kommune = befehle.add_parser(
        "kommune", help="eine Gebietseinheit nach Schlüssel oder Name zeigen"
    )
    kommune.add_argument("anfrage", metavar="ANFRAGE", help="Schlüssel (z. B. 05370) oder Name")
    kommune.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    kommune.set_defaults(ausfuehren=_kommune)
    ki_befehl = befehle.add_parser("ki", help="die 54 KI auflisten oder eines zeigen")
    ki_befehl.add_argument("anfrage", metavar="ANFRAGE", nargs="?", help="Schlüssel oder Name")
    ki_befehl.set_defaults(ausfuehren=_ki)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Führt ``kim-nrw`` aus und gibt den Exit-Code zurück."""
    args = _parser().parse_args(argv)
    try:
        ergebnis: int = args.ausfuehren(args)
    except KimNrwFehler as fehler:
        print(f"kim-nrw: {fehler}", file=sys.stderr)
        return EXIT_EINGABE
    return ergebnis


if __name__ == "__main__":
    sys.exit(main())

"""Der Befehl ``kim-nrw`` (Unterbefehle ``kommune``, ``ki``, ``programme``, ``pruefen``,
``schema``).

Exit-Codes: 0 Erfolg (bei ``pruefen``: förderfähig), 1 nicht förderfähig, 3
unentschieden, 2 ungültige oder mehrdeutige Eingabe (Meldungen auf stderr,
nichts auf stdout). Nur die Kommandozeile darf den heutigen Tag als Stichtag
nehmen; sie nennt ihn dann.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from kim_nrw import __version__
from kim_nrw.antrag import Foerderantrag
from kim_nrw.fehler import DokumentFehler, KimNrwFehler, UngueltigeEingabe
from kim_nrw.gebiet import (
    Gebietseinheit,
    Kreis,
    KreisangehoerigeGemeinde,
    KreisfreieStadt,
    Regierungsbezirk,
    register,
)
from kim_nrw.programme import programme_uebersicht
from kim_nrw.pruefung import Entscheidung, pruefe
from kim_nrw.serial import als_json, lade, schema_text
from kim_nrw.zentren import KommunalesIntegrationszentrum, ki, ki_register

__all__ = ["main"]

EXIT_OK = 0
EXIT_NICHT_FOERDERFAEHIG = 1
EXIT_EINGABE = 2
EXIT_UNENTSCHIEDEN = 3
_EXIT = {
    Entscheidung.FOERDERFAEHIG: EXIT_OK,
    Entscheidung.NICHT_FOERDERFAEHIG: EXIT_NICHT_FOERDERFAEHIG,
    Entscheidung.UNENTSCHIEDEN: EXIT_UNENTSCHIEDEN,
}


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


def _stichtag(text: str | None) -> date:
    if text is None:
        heute = date.today()
        print(f"kim-nrw: Stichtag nicht angegeben, verwende heute ({heute:%d.%m.%Y})",
              file=sys.stderr)  # fmt: skip
        return heute
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text, re.ASCII):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise UngueltigeEingabe("--stichtag", text, "ein Datum JJJJ-MM-TT")


def _pruefen(args: argparse.Namespace) -> int:
    try:
        daten = Path(args.datei).read_bytes()
    except OSError as fehler:
        erwartet = f"eine lesbare Datei ({fehler.strerror})"
        raise UngueltigeEingabe("DATEI", args.datei, erwartet) from None
    antrag = lade(Foerderantrag, daten)
    ergebnis = pruefe(antrag, _stichtag(args.stichtag))
    print(als_json(ergebnis) if args.json else ergebnis.erklaerung())
    return _EXIT[ergebnis.entscheidung]


def _programme(args: argparse.Namespace) -> int:
    print(programme_uebersicht(_stichtag(args.stichtag)))
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    print(schema_text(args.typ))
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
    programme = befehle.add_parser(
        "programme", help="Programme, Bausteine und ihre Parameter zum Stichtag zeigen"
    )
    programme.add_argument("--stichtag", metavar="JJJJ-MM-TT", help="Standard: heute")
    programme.set_defaults(ausfuehren=_programme)
    pruefen = befehle.add_parser("pruefen", help="einen Förderantrag (JSON) prüfen")
    pruefen.add_argument("datei", metavar="DATEI", help="JSON-Dokument eines Förderantrags")
    pruefen.add_argument("--stichtag", metavar="JJJJ-MM-TT", help="Standard: heute")
    pruefen.add_argument("--json", action="store_true", help="Ergebnis als JSON-Dokument")
    pruefen.set_defaults(ausfuehren=_pruefen)
    schema = befehle.add_parser("schema", help="das JSON Schema eines Dokumenttyps ausgeben")
    schema.add_argument("typ", metavar="TYP", help="z. B. foerderantrag")
    schema.set_defaults(ausfuehren=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Führt ``kim-nrw`` aus und gibt den Exit-Code zurück."""
    args = _parser().parse_args(argv)
    try:
        ergebnis: int = args.ausfuehren(args)
    except DokumentFehler as fehler:
        print(f"kim-nrw: {len(fehler.probleme)} Problem(e) im Dokument:", file=sys.stderr)
        for problem in fehler.probleme:
            print(f"  {problem.pfad}: {problem.meldung} (Wert: {problem.wert})", file=sys.stderr)
        return EXIT_EINGABE
    except KimNrwFehler as fehler:
        print(f"kim-nrw: {fehler}", file=sys.stderr)
        return EXIT_EINGABE
    except BrokenPipeError:  # Leser (etwa ``head``) hat die Ausgabe geschlossen
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    return ergebnis


if __name__ == "__main__":
    sys.exit(main())

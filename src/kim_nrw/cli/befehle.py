"""Die Unterbefehle von ``kim-nrw``; jeder lädt erst die Fachmodule, die er braucht.

So fängt die letzte Sicherung in :func:`kim_nrw.cli.main` auch Fehler beim Laden, und
``--help`` startet schnell.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from typing import TYPE_CHECKING

import kim_nrw.schreibweise as schreibweise
from kim_nrw.cli.ausgabe import ausgeben, melde
from kim_nrw.cli.codes import (
    EXIT_EINGABE,
    EXIT_NICHT_FOERDERFAEHIG,
    EXIT_OK,
    EXIT_UNENTSCHIEDEN,
)
from kim_nrw.cli.eingabe import lies_eingabe
from kim_nrw.fehler import UngueltigeEingabe

if TYPE_CHECKING:
    from kim_nrw.gebiet import Gebietseinheit
    from kim_nrw.zentren import KommunalesIntegrationszentrum

__all__ = ["ki_als_text", "kommune_als_text", "stichtag", "umbrechen"]


def umbrechen(text: str) -> str:
    """Der Text für ein Terminal mit 80 Spalten (siehe :mod:`kim_nrw.umbruch`)."""
    from kim_nrw.umbruch import umbrechen as umbruch

    return umbruch(text)


def kommune_als_text(einheit: Gebietseinheit) -> str:
    """Die Angaben zu einer Gebietseinheit als deutscher Text."""
    from kim_nrw.gebiet import (
        Kreis,
        KreisangehoerigeGemeinde,
        KreisfreieStadt,
        Regierungsbezirk,
        register,
    )

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
        f"  Einwohner:        {schreibweise.ganzzahl(einheit.einwohner)} "
        f"(Stand {schreibweise.datum(stand.stichtag_bevoelkerung)})"
    )
    zeilen.append(f"  Fläche:           {schreibweise.zahl(einheit.flaeche_km2, 2)} km²")
    if isinstance(einheit, Kreis):
        gemeinden = einheit.gemeinden
        zeilen.append(f"  Gemeinden ({len(gemeinden)}):")
        zeilen += [
            f"    {g.ags}  {g.name} ({schreibweise.ganzzahl(g.einwohner)} Einwohner)"
            for g in gemeinden
        ]
    zeilen.append(stand.quellenvermerk.split(". ©")[0] + ".")
    return "\n".join(zeilen)


def kommune(args: argparse.Namespace) -> int:
    """``kim-nrw kommune``: eine Gebietseinheit nach Schlüssel oder Name."""
    from kim_nrw.gebiet import register

    einheit = register().finde(args.anfrage)
    if args.json:
        import json

        from kim_nrw.gebiet.form import kommune_als_dict

        ausgeben(json.dumps(kommune_als_dict(einheit), ensure_ascii=False, indent=2),
                  als_json=True)  # fmt: skip
    else:
        ausgeben(umbrechen(kommune_als_text(einheit)))
    return EXIT_OK


def ki_als_text(zentrum: KommunalesIntegrationszentrum) -> str:
    """Ein KI mit Träger, Bezirk, Gründung und den Kommunen, für die es zuständig ist."""
    g = zentrum.gruendung
    gruendung = "in den Quellen nicht belegt"
    if g is not None:
        tag = schreibweise.datum(g.datum) if g.datum else str(g.jahr)
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


def ki(args: argparse.Namespace) -> int:
    """``kim-nrw ki``: die 54 KI oder eines."""
    from kim_nrw.zentren import ki, ki_register

    if args.json:
        from kim_nrw.cli.auswertung import json_text
        from kim_nrw.planung.form import ki_als_dict

        zentren = ki_register() if args.anfrage is None else (ki(args.anfrage),)
        ausgeben(json_text(ki_als_dict(zentren)), als_json=True)
    elif args.anfrage is None:
        zeilen = [
            f"{zentrum.schluessel:<8}  {zentrum.regierungsbezirk.name_kurz:<10}  {zentrum.name}"
            for zentrum in ki_register()
        ]
        zeilen.append(f"{len(ki_register())} Kommunale Integrationszentren")
        ausgeben(umbrechen("\n".join(zeilen)))
    else:
        ausgeben(umbrechen(ki_als_text(ki(args.anfrage))))
    return EXIT_OK


def stichtag(text: str | None) -> date:
    """Der Stichtag aus ``--stichtag``; ohne Angabe heute – und das wird gemeldet."""
    if text is None:
        heute = date.today()
        melde(f"kim-nrw: Stichtag nicht angegeben, verwende heute ({schreibweise.datum(heute)})")
        return heute
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text, re.ASCII):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise UngueltigeEingabe("--stichtag", text, "ein Datum JJJJ-MM-TT")


def pruefen(args: argparse.Namespace) -> int:
    """``kim-nrw pruefen``: einen Förderantrag prüfen; der Exit-Code ist die Entscheidung."""
    tag = stichtag(args.stichtag) if args.stichtag is not None else None
    text = lies_eingabe(args.datei)

    from kim_nrw.antrag import Foerderantrag
    from kim_nrw.fehler import DokumentFehler
    from kim_nrw.pruefung import Entscheidung, pruefe
    from kim_nrw.serial import als_json, fehlerbericht_text, lade

    try:
        antrag = lade(Foerderantrag, text)
    except DokumentFehler as fehler:
        if not args.json:
            raise
        # Mit --json der Fehlerbericht als JSON-Dokument auf stdout, eine Zeile auf stderr.
        ausgeben(fehlerbericht_text(fehler), als_json=True)
        melde(f"kim-nrw: {fehler.anzahl} Problem(e) im Dokument (Fehlerbericht als JSON)")
        return EXIT_EINGABE
    ergebnis = pruefe(antrag, tag if tag is not None else stichtag(None))
    if args.json:
        ausgeben(als_json(ergebnis), als_json=True)
    else:
        ausgeben(umbrechen(ergebnis.erklaerung()))
    codes = {
        Entscheidung.FOERDERFAEHIG: EXIT_OK,
        # förderfähig unter Vorbehalt: 0 wie förderfähig; die Vorbehalte stehen in der
        # Ausgabe (Zeile „Ergebnis“, Abschnitt „Vorbehalte“; mit --json in "vorbehalte")
        Entscheidung.FOERDERFAEHIG_VORBEHALTLICH: EXIT_OK,
        Entscheidung.NICHT_FOERDERFAEHIG: EXIT_NICHT_FOERDERFAEHIG,
        Entscheidung.UNENTSCHIEDEN: EXIT_UNENTSCHIEDEN,
    }
    return codes[ergebnis.entscheidung]


def programme(args: argparse.Namespace) -> int:
    """``kim-nrw programme``: Programme und Parameter am Stichtag."""
    tag = stichtag(args.stichtag)
    if args.json:
        from kim_nrw.cli.auswertung import json_text, programme_als_dict

        ausgeben(json_text(programme_als_dict(tag)), als_json=True)
        return EXIT_OK
    from kim_nrw.programme import programme_uebersicht

    ausgeben(umbrechen(programme_uebersicht(tag)))
    return EXIT_OK


def schema(args: argparse.Namespace) -> int:
    """``kim-nrw schema``: das JSON Schema eines Dokumenttyps oder einer Ausgabeform.

    Die Ausgabe ist immer JSON; ``--json`` ist darum ohne Wirkung (es gibt ihn, damit
    jeder Unterbefehl ihn nimmt).
    """
    if args.typ.startswith("ausgabe."):
        from kim_nrw.cli.ausgabeschemas import schema_text as ausgabeschema

        ausgeben(ausgabeschema(args.typ.removeprefix("ausgabe.")), als_json=True)
        return EXIT_OK
    from kim_nrw.serial import schema_text

    ausgeben(schema_text(args.typ), als_json=True)
    return EXIT_OK


# Die Unterbefehle aus kim_nrw.cli.auswertung; das Modul lädt erst, wer sie ausführt.


def planen(args: argparse.Namespace) -> int:
    """``kim-nrw planen`` (siehe :func:`kim_nrw.cli.auswertung.planen`)."""
    from kim_nrw.cli import auswertung

    return auswertung.planen(args)


def tabelle(args: argparse.Namespace) -> int:
    """``kim-nrw tabelle`` (siehe :func:`kim_nrw.cli.auswertung.tabelle`)."""
    from kim_nrw.cli import auswertung

    return auswertung.tabelle(args)


def vervollstaendigung(args: argparse.Namespace) -> int:
    """``kim-nrw vervollstaendigung`` (siehe :func:`kim_nrw.cli.auswertung.vervollstaendigung`)."""
    from kim_nrw.cli import auswertung

    return auswertung.vervollstaendigung(args)

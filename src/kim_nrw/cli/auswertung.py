"""Die Unterbefehle ``planen``, ``tabelle`` und ``vervollstaendigung`` und die JSON-Formen
der Befehle ``ki`` und ``programme``.

Jede JSON-Ausgabe ist ein Objekt mit ``"ausgabe"`` (welche Form) und ``"version"``; das
Schema jeder Form liegt im Paket unter ``kim_nrw/daten/schema/ausgabe/<form>.json`` und
kommt mit ``kim-nrw schema ausgabe.<form>`` auf die Standardausgabe (erzeugt von
:mod:`kim_nrw.cli.ausgabeschemas`).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from datetime import date
from typing import Any

import kim_nrw.schreibweise as schreibweise
from kim_nrw.cli.ausgabe import ausgeben, melde
from kim_nrw.cli.codes import EXIT_OK, Abbruch
from kim_nrw.umbruch import tabelle_als_text

__all__ = [
    "AUSGABE_VERSION",
    "planen",
    "programme_als_dict",
    "tabelle",
    "tabelle_als_dict",
    "vervollstaendigung",
    "vervollstaendigung_bash",
    "vervollstaendigung_zsh",
]

AUSGABE_VERSION = 1
"""Die Version der JSON-Formen ``kommune``, ``ki``, ``programme`` und ``tabelle``."""


def json_text(daten: object) -> str:
    """Ein JSON-Dokument, eingerückt, Nicht-ASCII lesbar."""
    return json.dumps(daten, ensure_ascii=False, indent=2)


def jahr_oder_heute(jahr: int | None) -> int:
    """Das Jahr aus ``--jahr``; ohne Angabe das laufende – und das wird gemeldet."""
    if jahr is None:
        heute = date.today().year
        melde(f"kim-nrw: Jahr nicht angegeben, verwende {heute}")
        return heute
    return jahr


# -- planen -----------------------------------------------------------------------------------


def planen(args: argparse.Namespace) -> int:
    """``kim-nrw planen``: der Höchstbetrag je Programmteil für eine Kommune und ein Jahr."""
    from kim_nrw.cli.befehle import stichtag
    from kim_nrw.gebiet import register
    from kim_nrw.planung import plane
    from kim_nrw.planung.form import plan_als_dict
    from kim_nrw.planung.text import plan_als_text

    tag = None if args.stichtag is None else stichtag(args.stichtag)
    einheit = register().finde(args.anfrage)
    plan = plane(str(einheit.schluessel), jahr_oder_heute(args.jahr), stichtag=tag)
    if args.json:
        ausgeben(json_text(plan_als_dict(plan)), als_json=True)
    else:
        ausgeben(plan_als_text(plan))
    return EXIT_OK


# -- tabelle ----------------------------------------------------------------------------------

_TITEL = {
    "ki": "Die Kommunalen Integrationszentren",
    "kommunen": "Kreise, kreisfreie Städte und Gemeinden",
    "programme": "Programmteile je Jahr",
    "hoechstbetraege": "Höchstbeträge je Träger und Programmteil",
    "summen": "Summen der Höchstbeträge je Regierungsbezirk und Land, neben den Landesmitteln",
}

_TEXTSPALTEN: dict[str, tuple[tuple[str, str], ...]] = {
    "ki": (("schluessel", "Schlüssel"), ("regierungsbezirk", "Bezirk"), ("name", "KI"),
           ("kommunen", "Kommunen"), ("einwohner", "Einwohner")),
    "kommunen": (("schluessel", "Schlüssel"), ("art", "Art"), ("name", "Name"),
                 ("einwohner", "Einwohner")),
    "programme": (("jahr", "Jahr"), ("teil", "Teil"), ("foerderart", "Förderart"),
                  ("richtlinie", "Richtlinie"), ("grund", "Hinweis")),
    "hoechstbetraege": (("jahr", "Jahr"), ("traeger", "Träger"),
                        ("teil", "Teil"), ("hoechstbetrag", "Höchstbetrag"),
                        ("gewissheit", "Gew."), ("entscheidung", "Entscheidung")),
    "summen": (("jahr", "Jahr"), ("name", "Gebiet"), ("teil", "Teil"),
               ("beziffert", "bez."), ("summe", "Summe"), ("landesmittel", "Landesmittel")),
}  # fmt: skip
_RECHTS = ("kommunen", "einwohner", "hoechstbetrag", "summe", "landesmittel", "beziffert")
_GEWISSHEIT = {"bestaetigt": "[C]", "abgeleitet": "[I]", "unsicher": "[U]"}


def _zeilen(name: str, args: argparse.Namespace) -> list[dict[str, Any]]:
    from kim_nrw import planung

    if name == "ki":
        return list(planung.ki_tabelle())
    if name == "kommunen":
        return list(planung.kommunen_tabelle())
    von, bis = _jahre(args)
    if name == "programme":
        return list(planung.programme_tabelle(von, bis))
    zeilen = planung.hoechstbetraege(von, bis)
    if args.summen:
        return list(planung.summen(zeilen))
    return list(zeilen)


def _jahre(args: argparse.Namespace) -> tuple[int, int]:
    if args.jahr is not None and (args.von is not None or args.bis is not None):
        raise Abbruch("--jahr und --von/--bis schließen sich aus")
    if args.jahr is not None:
        return args.jahr, args.jahr
    if args.von is None and args.bis is None:
        jahr = jahr_oder_heute(None)
        return jahr, jahr
    von = args.von if args.von is not None else args.bis
    bis = args.bis if args.bis is not None else args.von
    return int(von), int(bis)


def _textzelle(schluessel: str, wert: object) -> object:
    if wert is None:
        return None
    if schluessel in ("hoechstbetrag", "summe", "landesmittel"):
        from decimal import Decimal

        return schreibweise.betrag(Decimal(str(wert)))
    if schluessel == "einwohner" and isinstance(wert, int):
        return schreibweise.ganzzahl(wert)
    if schluessel == "gewissheit":
        return _GEWISSHEIT.get(str(wert), wert)
    if schluessel == "foerderart":
        from kim_nrw.programme import Foerderart

        return Foerderart(str(wert)).bezeichnung
    return wert


def _als_text(name: str, zeilen: list[dict[str, Any]]) -> str:
    spalten = _TEXTSPALTEN[name]
    if name == "summen":
        zeilen = [dict(z, teil=z["teil"] or f"{z['programm']} gesamt") for z in zeilen]
    text_zeilen = [{s: _textzelle(s, z.get(s)) for s, _ in spalten} for z in zeilen]
    kopf = f"{_TITEL[name]} ({len(zeilen)} Zeilen)"
    fuss = ""
    if name == "hoechstbetraege":
        fuss = (
            "\n„–“: keine Zahl (Grund mit --format json oder csv, Spalte grund); "
            "Gewissheit der schwächsten benutzten Angabe: [C] bestätigt, [I] abgeleitet, "
            "[U] unsicher. Höchstbeträge sind obere Schranken, kein Rechtsanspruch."
        )
    if name == "summen":
        fuss = (
            "\nSumme: nur bezifferte Zeilen („bez.“ von allen); Landesmittel: was die "
            "Quellen für das Land nennen („–“: nicht belegt)."
        )
    from kim_nrw.umbruch import umbrechen

    tabelle = tabelle_als_text(spalten, text_zeilen, rechts=_RECHTS)
    return umbrechen(f"{kopf}\n{tabelle}{fuss}")


def tabelle_als_dict(name: str, zeilen: list[dict[str, Any]]) -> dict[str, Any]:
    """Die JSON-Form einer Tabelle (Form ``tabelle``): Spalten mit Bedeutung und Zeilen."""
    from kim_nrw.planung import SPALTEN

    return {
        "ausgabe": "tabelle",
        "version": AUSGABE_VERSION,
        "tabelle": name,
        "spalten": [{"name": n, "typ": t, "bedeutung": b} for n, t, b in SPALTEN[name]],
        "zeilen": zeilen,
    }


def _als_csv(name: str, zeilen: list[dict[str, Any]]) -> str:
    from kim_nrw.planung import SPALTEN

    puffer = io.StringIO()
    schreiber = csv.DictWriter(puffer, fieldnames=[n for n, _, _ in SPALTEN[name]],
                               lineterminator="\n")  # fmt: skip
    schreiber.writeheader()
    schreiber.writerows(zeilen)
    return puffer.getvalue().rstrip("\n")


def tabelle(args: argparse.Namespace) -> int:
    """``kim-nrw tabelle``: eine Tabelle als Text, JSON oder CSV."""
    name = args.tabelle
    if args.summen and name != "hoechstbetraege":
        raise Abbruch("--summen gibt es nur für die Tabelle hoechstbetraege")
    format_ = "json" if args.json else args.format
    zeilen = _zeilen(name, args)
    if args.summen:
        name = "summen"
    if format_ == "json":
        ausgeben(json_text(tabelle_als_dict(name, zeilen)), als_json=True)
    elif format_ == "csv":
        ausgeben(_als_csv(name, zeilen))
    else:
        ausgeben(_als_text(name, zeilen))
    return EXIT_OK


# -- ki und programme als JSON ---------------------------------------------------------------


def _wert(wert: object) -> str:
    """Ein Parameterwert in technischer Schreibweise (``"57000.00"``, ISO-Datum, Text)."""
    return wert.isoformat() if isinstance(wert, date) else str(wert)


def _stand(s: Any) -> dict[str, Any]:
    w = s.wert
    return {
        "parameter": s.parameter.name,
        "stand": s.stand.value,
        "wert": None if w is None else _wert(w.wert),
        "gewissheit": None if w is None else w.gewissheit.value,
        "gilt_ab": None if w is None else w.gilt_ab.isoformat(),
        "gilt_bis": None if w is None or w.gilt_bis is None else w.gilt_bis.isoformat(),
        "quellen": [] if w is None else list(w.quellen),
        "grund": s.grund or None,
    }


def programme_als_dict(stichtag: date) -> dict[str, Any]:
    """Die JSON-Form von ``kim-nrw programme`` (Form ``programme``) am ``stichtag``."""
    from kim_nrw.fehler import KimNrwFehler
    from kim_nrw.programme import alle_programme

    programme = []
    for p in alle_programme():
        teile = []
        for t in p.teile:
            try:
                foerderart: str | None = t.foerderart_am(stichtag).value
            except KimNrwFehler:
                foerderart = None
            richtlinie = t.richtlinie_am(stichtag) if t.laeuft_am(stichtag) else None
            teile.append({
                "teil": t.teil.value, "bezeichnung": t.bezeichnung,
                "laeuft": t.laeuft_am(stichtag), "beginn": t.beginn().isoformat(),
                "empfaenger": [e.value for e in t.empfaenger], "foerderart": foerderart,
                "richtlinie": None if richtlinie is None else richtlinie.quelle,
                "rechtsgrundlagen": [g.quelle for g in t.rechtsgrundlagen_am(stichtag)],
                "parameter": [_stand(s) for s in t.parameter_am(stichtag)],
            })  # fmt: skip
        programme.append({
            "programm": p.programm.value, "bezeichnung": p.bezeichnung,
            "bewilligt_von": p.bewilligt_von,
            "parameter": [_stand(s) for s in p.parameter_am(stichtag)], "teile": teile,
        })  # fmt: skip
    return {"ausgabe": "programme", "version": AUSGABE_VERSION,
            "stichtag": stichtag.isoformat(), "programme": programme}  # fmt: skip


# -- Vervollständigung ------------------------------------------------------------------------


def _befehle(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for aktion in parser._actions:
        if isinstance(aktion, argparse._SubParsersAction):
            return dict(aktion.choices)
    return {}  # pragma: no cover - kim-nrw hat Unterbefehle


def _optionen(parser: argparse.ArgumentParser) -> list[tuple[list[str], list[str] | None]]:
    """Die Optionen eines Parsers mit ihren festen Werten (``None``: nimmt keinen Wert)."""
    optionen = []
    for aktion in parser._actions:
        if aktion.option_strings:
            werte = None
            if aktion.nargs != 0:
                werte = [str(c) for c in aktion.choices] if aktion.choices else []
            optionen.append((list(aktion.option_strings), werte))
    return optionen


def _positionen(parser: argparse.ArgumentParser) -> list[str] | None:
    """Die festen Werte des ersten Positionsarguments; ``[]``: Datei; ``None``: frei."""
    for aktion in parser._actions:
        if not aktion.option_strings and not isinstance(aktion, argparse._SubParsersAction):
            if aktion.choices:
                return [str(c) for c in aktion.choices]
            return [] if aktion.dest == "datei" else None
    return None


def _worte(worte: list[str], einzug: str) -> list[str]:
    """``local w="…"`` mit den Worten für ``compgen -W``, in Zeilen unter 80 Spalten (ein
    Backslash vor dem Zeilenende fällt in doppelten Anführungszeichen weg)."""
    zeilen: list[str] = []
    for wort in worte:
        if zeilen and len(einzug) + len(zeilen[-1]) + len(wort) < 66:
            zeilen[-1] += f" {wort}"
        else:
            zeilen.append(wort)
    text = f" \\\n{einzug}    ".join(zeilen)
    return f'{einzug}local w="{text}"'.split("\n")


def _antwort(worte: list[str], einzug: str, *, dateien: bool = False) -> list[str]:
    """Die Zeilen, die ``COMPREPLY`` aus ``worte`` (und wahlweise Dateinamen) setzen."""
    if not worte and not dateien:
        return [f"{einzug}COMPREPLY=()"]
    zeilen = _worte(worte, einzug)
    if dateien:
        zeilen.append(f'{einzug}COMPREPLY=($(compgen -f -- "$cur") $(compgen -W "$w" -- "$cur"))')
    else:
        zeilen.append(f'{einzug}COMPREPLY=($(compgen -W "$w" -- "$cur"))')
    return zeilen


def vervollstaendigung_bash(parser: argparse.ArgumentParser) -> str:
    """Ein Bash-Skript für die Vervollständigung, aus dem Baum des Parsers abgeleitet."""
    befehle = _befehle(parser)
    oben = [o for namen, _ in _optionen(parser) for o in namen]
    zeilen = [
        "# Vervollständigung für kim-nrw (erzeugt von: kim-nrw vervollstaendigung bash)",
        "_kim_nrw() {",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
        "    if [[ $COMP_CWORD -eq 1 ]]; then",
        *_antwort([*befehle, *oben], " " * 8),
        "        return",
        "    fi",
        '    case "${COMP_WORDS[1]}" in',
    ]
    for name, unter in befehle.items():
        optionen = _optionen(unter)
        zeilen.append(f"        {name})")
        mit_wert = [(namen, werte) for namen, werte in optionen if werte is not None]
        if mit_wert:
            zeilen.append('            case "$prev" in')
            for namen, werte in mit_wert:
                zeilen.append(f"                {'|'.join(namen)})")
                zeilen += _antwort(werte, " " * 20)
                zeilen.append("                    return;;")
            zeilen.append("            esac")
        positionen = _positionen(unter)
        worte = [o for namen, _ in optionen for o in namen] + (positionen or [])
        zeilen += _antwort(worte, " " * 12, dateien=positionen == [])
        zeilen.append("            ;;")
    zeilen += ["    esac", "}", "complete -F _kim_nrw kim-nrw", ""]
    return "\n".join(zeilen)


def vervollstaendigung_zsh(parser: argparse.ArgumentParser) -> str:
    """Ein zsh-Skript: dieselbe Vervollständigung über ``bashcompinit``."""
    return "\n".join([
        "# Vervollständigung für kim-nrw in zsh (kim-nrw vervollstaendigung zsh)",
        "autoload -U +X compinit && compinit",
        "autoload -U +X bashcompinit && bashcompinit",
        vervollstaendigung_bash(parser),
    ])  # fmt: skip


def vervollstaendigung(args: argparse.Namespace) -> int:
    """``kim-nrw vervollstaendigung``: das Skript für bash oder zsh."""
    from kim_nrw.cli import parser

    if args.shell == "bash":
        ausgeben(vervollstaendigung_bash(parser()).rstrip("\n"))
    else:
        ausgeben(vervollstaendigung_zsh(parser()).rstrip("\n"))
    return EXIT_OK

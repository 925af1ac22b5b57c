"""Der Befehl ``kim-nrw`` (Unterbefehle ``kommune``, ``ki``, ``programme``, ``pruefen``,
``schema``, ``planen``, ``tabelle``, ``vervollstaendigung``); ``python -m kim_nrw`` ist
derselbe Befehl.

Jeder Unterbefehl nimmt ``--json``: die Ausgabe ist dann ein JSON-Objekt in einer
versionierten Form (``"ausgabe"`` und ``"version"``; ``pruefen`` schreibt das Dokument
``pruefergebnis`` mit ``"dokument"`` und ``"version"``), deren JSON Schema ``kim-nrw schema
ausgabe.<form>`` bzw. ``kim-nrw schema pruefergebnis`` ausgibt. Textausgaben passen in ein
Terminal mit 80 Spalten: längere Zeilen brechen an Wortgrenzen um.

Exit-Codes (stehen auch in ``kim-nrw --help`` und in der README):

* 0 – Erfolg; bei ``pruefen``: förderfähig, auch „förderfähig, vorbehaltlich …“ (dann
  nennen die Zeile „Ergebnis“ und der Abschnitt „Vorbehalte“, worauf das Ergebnis beruht;
  mit ``--json`` die Liste ``vorbehalte``)
* 1 – nicht förderfähig (nur ``pruefen``)
* 2 – ungültige oder mehrdeutige Eingabe: falsche Argumente, eine Datei, die fehlt,
  nicht lesbar, zu groß oder nicht UTF-8 ist, ein ungültiges Dokument, eine
  unbekannte Kommune
* 3 – unentschieden (nur ``pruefen``)
* 4 – Ein-/Ausgabefehler: das Ergebnis lässt sich nicht schreiben (voller Datenträger,
  geschlossene Standardausgabe) oder das Lesen einer geöffneten Eingabe bricht ab
* 5 – interner Fehler von kim-nrw (ein Programmfehler, bitte melden)
* 130 – abgebrochen (Strg-C)

Die Standardausgabe trägt nur Ergebnisse; jede Meldung steht auf stderr. Ist stderr
geschlossen, entfällt die Meldung – sie landet nie auf der Standardausgabe. Schließt
der Leser die Ausgabe vorzeitig (``kim-nrw ki | head -1``), endet der Befehl still
mit 0. Einen Python-Traceback zeigt ``kim-nrw`` nie: ein unerwarteter Fehler wird als
interner Fehler (Exit-Code 5) mit Fehlerart und Stelle gemeldet.

Eingabe: ``DATEI`` ist ein Pfad oder ``-`` für die Standardeingabe. Erwartet wird
UTF-8 (RFC 8259); ein vorangestelltes BOM, wie es Windows-Editoren schreiben, wird
überlesen. UTF-16, UTF-32 und Latin-1/Windows-1252 werden mit einer Meldung
abgelehnt, die die vermutete Kodierung nennt. Gelesen werden höchstens
``MAX_EINGABE`` Bytes (4 MiB, ein Förderantrag hat wenige KB); was größer ist,
wird abgelehnt, ohne mehr als diese Menge zu lesen (auch ``/dev/zero``). Eine FIFO
ohne Schreiber blockiert nicht: sie wird nicht blockierend geöffnet; kommt binnen
``FIFO_WARTEZEIT`` (1 Sekunde) kein Schreiber, gilt sie als leer (Exit-Code 2).

Ausgabe: Zeichen, die die Kodierung der Standardausgabe nicht darstellen kann (etwa
Umlaute bei ``LC_ALL=C`` oder ``PYTHONIOENCODING=ascii``) oder die sich gar nicht
kodieren lassen (einzelne Surrogate wie ``\\ud800`` aus einem JSON-Escape), werden
maskiert statt abzubrechen: im Text als ``\\xfc``/``\\ud800`` (``backslashreplace``),
in JSON-Ausgaben (``--json``, ``schema``) als JSON-Escape ``\\u00fc``/``\\ud800`` – nur
diese Zeichen, der Rest bleibt lesbar; das Dokument bleibt gültiges JSON mit
demselben Inhalt.

Nur die Kommandozeile darf den heutigen Tag als Stichtag nehmen; sie nennt ihn dann.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

# Untermodule direkt importieren: ``from kim_nrw import schreibweise`` fragte zuerst
# ``kim_nrw.__getattr__``, und das liest die Stub-Datei mit ast (Zeit beim Start).
import kim_nrw.schreibweise as schreibweise
from kim_nrw import __version__
from kim_nrw.cli import befehle
from kim_nrw.cli.ausgabe import AusgabeFehler, melde, verwerfen
from kim_nrw.cli.codes import (
    EXIT_ABGEBROCHEN,
    EXIT_EIN_AUSGABE,
    EXIT_EINGABE,
    EXIT_INTERN,
    EXIT_NICHT_FOERDERFAEHIG,
    EXIT_OK,
    EXIT_UNENTSCHIEDEN,
    Abbruch,
)
from kim_nrw.cli.deutsch import Parser, deutsch
from kim_nrw.cli.eingabe import FIFO_WARTEZEIT, MAX_EINGABE
from kim_nrw.fehler import DokumentFehler, KimNrwFehler

__all__ = [
    "EXIT_ABGEBROCHEN",
    "EXIT_EINGABE",
    "EXIT_EIN_AUSGABE",
    "EXIT_INTERN",
    "EXIT_NICHT_FOERDERFAEHIG",
    "EXIT_OK",
    "EXIT_UNENTSCHIEDEN",
    "FIFO_WARTEZEIT",
    "MAX_EINGABE",
    "main",
]

_EXIT_CODES = """\
Exit-Codes:
  0    Erfolg; bei „pruefen“: förderfähig (auch „förderfähig, vorbehaltlich …“)
  1    nicht förderfähig
  2    ungültige oder mehrdeutige Eingabe (Argument, Datei, Kodierung, Dokument)
  3    unentschieden
  4    Ein-/Ausgabefehler (Ergebnis nicht schreibbar, Lesefehler)
  5    interner Fehler von kim-nrw (bitte melden)
  130  abgebrochen (Strg-C)"""

_EINGABE_HILFE = f"""\
DATEI ist ein Pfad oder „-“ für die Standardeingabe: ein JSON-Dokument in UTF-8
(ein BOM ist erlaubt), höchstens {schreibweise.ganzzahl(MAX_EINGABE)} Byte (4 MiB)."""


def parser() -> argparse.ArgumentParser:
    """Der Parser von ``kim-nrw`` mit allen Unterbefehlen (auch für die CLI-Referenz der Doku)."""
    parser = Parser(
        prog="kim-nrw",
        description="Integrationsförderung in NRW: Kommunen, KI, KIM, Prüfung.",
        epilog=_EXIT_CODES,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"kim-nrw {__version__}",
        help=deutsch("show program's version number and exit"),
    )
    unterbefehle = parser.add_subparsers(dest="befehl", required=True, metavar="BEFEHL")
    kommune = unterbefehle.add_parser(
        "kommune", help="eine Gebietseinheit nach Schlüssel oder Name zeigen"
    )
    kommune.add_argument("anfrage", metavar="ANFRAGE", help="Schlüssel (z. B. 05370) oder Name")
    kommune.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    kommune.set_defaults(ausfuehren=befehle.kommune)
    ki_befehl = unterbefehle.add_parser("ki", help="die 54 KI auflisten oder eines zeigen")
    ki_befehl.add_argument("anfrage", metavar="ANFRAGE", nargs="?", help="Schlüssel oder Name")
    ki_befehl.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    ki_befehl.set_defaults(ausfuehren=befehle.ki)
    programme = unterbefehle.add_parser(
        "programme", help="Programme, Bausteine und ihre Parameter zum Stichtag zeigen"
    )
    programme.add_argument("--stichtag", metavar="JJJJ-MM-TT", help="Standard: heute")
    programme.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    programme.set_defaults(ausfuehren=befehle.programme)
    pruefen = unterbefehle.add_parser(
        "pruefen",
        help="einen Förderantrag (JSON) prüfen",
        description="Prüft einen Förderantrag und erklärt das Ergebnis.",
        epilog=f"{_EINGABE_HILFE}\n\n{_EXIT_CODES}",
    )
    pruefen.add_argument(
        "datei", metavar="DATEI", help="JSON-Dokument eines Förderantrags; „-“: Standardeingabe"
    )
    pruefen.add_argument("--stichtag", metavar="JJJJ-MM-TT", help="Standard: heute")
    pruefen.add_argument(
        "--json",
        action="store_true",
        help="Ergebnis als JSON-Dokument; ein fehlerhaftes Dokument: der Fehlerbericht als JSON",
    )
    pruefen.set_defaults(ausfuehren=befehle.pruefen)
    schema = unterbefehle.add_parser(
        "schema", help="das JSON Schema eines Dokumenttyps oder einer Ausgabeform ausgeben"
    )
    schema.add_argument(
        "typ", metavar="TYP",
        help="Dokumenttyp, Modell oder Ausgabeform, z. B. foerderantrag, Foerderantrag oder "
        "ausgabe.plan (Ausgabe von planen)",
    )  # fmt: skip
    schema.add_argument("--json", action="store_true", help="ohne Wirkung: immer JSON")
    schema.set_defaults(ausfuehren=befehle.schema)
    _auswertung(unterbefehle)
    return parser


def _auswertung(unterbefehle: argparse._SubParsersAction[Parser]) -> None:
    """Die Unterbefehle ``planen``, ``tabelle`` und ``vervollstaendigung``."""
    planen = unterbefehle.add_parser(
        "planen",
        help="Höchstbeträge einer Kommune je Programmteil in einem Jahr",
        description="Was eine Kommune in einem Haushaltsjahr aus jedem Programmteil höchstens\n"
        "erhalten kann: Rechnung, Gewissheit der Werte, Vorbehalte – oder der Grund,\n"
        "warum es keine Zahl gibt.",
    )
    planen.add_argument("anfrage", metavar="ANFRAGE", help="Schlüssel (z. B. 05370) oder Name")
    planen.add_argument("--jahr", metavar="JJJJ", type=_jahr, help="Standard: das laufende Jahr")
    planen.add_argument(
        "--stichtag", metavar="JJJJ-MM-TT",
        help="Recht an diesem Tag (Standard: erster Tag des Förderzeitraums)",
    )  # fmt: skip
    planen.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    planen.set_defaults(ausfuehren=befehle.planen)
    tabelle = unterbefehle.add_parser(
        "tabelle",
        help="landesweite Tabellen als Text, JSON oder CSV",
        usage="%(prog)s TABELLE [--jahr J | --von J --bis J] [OPTIONEN]",
        description="Tabellen für Auswertungen: die 54 KI, alle Kommunen, die Programmteile je\n"
        "Jahr oder die Höchstbeträge je Träger und Programmteil (mit --summen: je\n"
        "Regierungsbezirk und Land, neben den Landesmitteln).",
    )
    tabelle.add_argument(
        "tabelle", metavar="TABELLE", choices=("ki", "kommunen", "programme", "hoechstbetraege"),
        help="ki, kommunen, programme oder hoechstbetraege",
    )  # fmt: skip
    tabelle.add_argument("--jahr", metavar="J", type=_jahr, help="ein Haushaltsjahr (JJJJ)")
    tabelle.add_argument("--von", metavar="J", type=_jahr, help="erstes Jahr (JJJJ)")
    tabelle.add_argument("--bis", metavar="J", type=_jahr, help="letztes Jahr (JJJJ)")
    tabelle.add_argument("--format", metavar="F", choices=("text", "json", "csv"),
                         default="text", help="text, json oder csv (Standard: text)")  # fmt: skip
    tabelle.add_argument("--json", action="store_true", help="wie --format json")
    tabelle.add_argument(
        "--summen", action="store_true",
        help="nur hoechstbetraege: Summen je Regierungsbezirk und Land",
    )  # fmt: skip
    tabelle.set_defaults(ausfuehren=befehle.tabelle)
    vervollstaendigung = unterbefehle.add_parser(
        "vervollstaendigung",
        help="Skript für die Vervollständigung in der Shell ausgeben",
        description="Gibt ein Skript aus, das die Shell kim-nrw vervollständigen lässt,\n"
        "abgeleitet aus diesem Parser.\n"
        "  bash: source <(kim-nrw vervollstaendigung bash)\n"
        "  zsh:  source <(kim-nrw vervollstaendigung zsh)",
    )
    vervollstaendigung.add_argument("shell", metavar="SHELL", choices=("bash", "zsh"),
                                    help="bash oder zsh")  # fmt: skip
    vervollstaendigung.add_argument("--json", action="store_true",
                                    help="ohne Wirkung: die Ausgabe ist ein Skript")  # fmt: skip
    vervollstaendigung.set_defaults(ausfuehren=befehle.vervollstaendigung)


def _jahr(text: str) -> int:
    """Ein Haushaltsjahr aus der Kommandozeile (vier Ziffern, 2000–2100)."""
    if len(text) == 4 and text.isascii() and text.isdigit() and 2000 <= int(text) <= 2100:
        return int(text)
    raise argparse.ArgumentTypeError(f"kein Haushaltsjahr (JJJJ, 2000–2100): {text!r}")


# -- main ----------------------------------------------------------------------------------


def _exit_code(ende: SystemExit) -> int:
    if ende.code is None:
        return EXIT_OK
    if isinstance(ende.code, int):
        return ende.code
    melde(f"kim-nrw: {ende.code}")
    return EXIT_EINGABE


def _ausfuehren(argv: Sequence[str] | None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as ende:  # --help, --version, falsche Argumente
        return _exit_code(ende)
    try:
        ergebnis: int = args.ausfuehren(args)
    except DokumentFehler as fehler:
        melde(f"kim-nrw: {fehler.anzahl} Problem(e) im Dokument:")
        for problem in fehler.probleme:
            melde(f"  {problem.pfad}: {problem.meldung} (Wert: {problem.wert})")
        if fehler.weitere:
            melde(f"  … und {fehler.weitere} weitere")
        return EXIT_EINGABE
    except KimNrwFehler as fehler:
        melde(f"kim-nrw: {fehler}")
        return EXIT_EINGABE
    except Abbruch as abbruch:
        melde(f"kim-nrw: {abbruch.meldung}")
        return abbruch.code
    return ergebnis


def _interner_fehler(fehler: BaseException) -> None:
    import traceback  # nur im Fehlerfall gebraucht

    try:
        beschreibung = str(fehler)
    except Exception:
        beschreibung = "(Beschreibung nicht lesbar)"
    if len(beschreibung) > 300:
        beschreibung = beschreibung[:300] + "…"
    stelle = ""
    rahmen = traceback.extract_tb(fehler.__traceback__)
    if rahmen:
        letzter = rahmen[-1]
        stelle = f" in {os.path.basename(letzter.filename)}, Zeile {letzter.lineno}"
    melde(
        f"kim-nrw: interner Fehler – ein Fehler in kim-nrw {__version__}, nicht in der Eingabe.\n"
        f"  {type(fehler).__name__}{stelle}: {beschreibung}\n"
        "  Bitte melden Sie ihn den Betreuern von kim_nrw, mit dem Aufruf, der Eingabe "
        "und dieser Meldung."
    )


def _argumente_der_kommandozeile() -> list[str]:
    """``sys.argv[1:]``; Bytes, die die Locale nicht lesen konnte, als UTF-8, wenn sie es sind.

    Unter ``LC_ALL=C`` kommt „Köln“ als ``K\\udcc3\\udcb6ln`` an (surrogateescape).
    """
    argumente = []
    for argument in sys.argv[1:]:
        with contextlib.suppress(UnicodeError, ValueError):
            argument = os.fsencode(argument).decode("utf-8")
        argumente.append(argument)
    return argumente


def main(argv: Sequence[str] | None = None) -> int:
    """Führt ``kim-nrw`` aus und gibt den Exit-Code zurück; wirft nie.

    Ohne ``argv`` gelten die Argumente der Kommandozeile. Die Exit-Codes stehen im
    Modul-Docstring.
    """
    try:
        return _ausfuehren(_argumente_der_kommandozeile() if argv is None else argv)
    except BrokenPipeError:  # Leser (etwa ``head``) hat die Ausgabe geschlossen: still
        if sys.stdout is not None:
            verwerfen(sys.stdout)
        return EXIT_OK
    except AusgabeFehler as fehler:
        if sys.stdout is not None:
            verwerfen(sys.stdout)
        melde(f"kim-nrw: Ergebnis nicht geschrieben: Standardausgabe: {fehler}")
        return EXIT_EIN_AUSGABE
    except KeyboardInterrupt:
        melde("kim-nrw: abgebrochen")
        return EXIT_ABGEBROCHEN
    except Exception as fehler:  # die letzte Sicherung: nie ein Traceback
        with contextlib.suppress(Exception):  # scheitert selbst die Meldung: still
            _interner_fehler(fehler)
        return EXIT_INTERN

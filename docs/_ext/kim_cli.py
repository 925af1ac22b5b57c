"""Sphinx-Erweiterung: die Referenz der Kommandozeile ``kim-nrw``, aus ihrem Parser erzeugt.

Beim Start jedes Builds (``builder-inited``) entsteht ``docs/_generiert/cli.rst`` (von
``docs/referenz/cli.rst`` eingebunden): jeder Unterbefehl mit Aufruf, Beschreibung und
allen Argumenten und Optionen, dazu die Exit-Codes. Alle Texte kommen aus dem Parser
selbst – die Erweiterung importiert die Funktion in :mod:`kim_nrw.cli`, die ihn baut
(die eine Funktion ohne Pflichtargumente, die einen ``argparse.ArgumentParser``
zurückgibt), und schreibt keinen Hilfetext ab. Die Exit-Codes sind die ganzzahligen
Konstanten ``EXIT_*`` des Moduls (oder die Glieder einer ``IntEnum`` namens ``Exit*``),
beschrieben mit ihrem Docstring (``#:``-Kommentar oder Zeichenkette nach der Zuweisung).

Ohne Sphinx aufrufbar: ``python docs/_ext/kim_cli.py`` schreibt die Datei auch.
"""

from __future__ import annotations

import argparse
import enum
import importlib
import inspect
import re
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from erzeugt import seite

MODUL = "kim_nrw.cli"
ZIEL = Path("_generiert") / "cli.rst"


def parser_bauer(modul: ModuleType) -> Callable[[], argparse.ArgumentParser]:
    """Die Funktion des Moduls, die den Parser baut (ohne Pflichtargumente)."""
    gefunden = []
    for name, wert in vars(modul).items():
        if not inspect.isfunction(wert) or wert.__module__ != modul.__name__:
            continue
        try:
            rueckgabe = typing.get_type_hints(wert).get("return")
        except Exception:
            continue
        pflicht = [
            p
            for p in inspect.signature(wert).parameters.values()
            if p.default is inspect.Parameter.empty
            and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        ]
        if rueckgabe is argparse.ArgumentParser and not pflicht:
            gefunden.append((name, wert))
    if len(gefunden) != 1:
        namen = [n for n, _ in gefunden]
        raise RuntimeError(
            f"{modul.__name__}: genau eine Parser-Funktion erwartet, gefunden: {namen}"
        )
    return typing.cast(Callable[[], argparse.ArgumentParser], gefunden[0][1])


def _rst(text: str) -> str:
    return re.sub(r"([\\*`|])", r"\\\1", text)


def _block(text: str) -> list[str]:
    """Beschreibung oder Epilog: vorformatiert (eingerückte Zeilen) als Textblock, sonst Absatz."""
    if any(z[:1].isspace() for z in text.splitlines() if z.strip()):
        return [".. code-block:: text", "", *(f"   {z}" for z in text.splitlines()), ""]
    return [_rst(text), ""]


def _titel(text: str, zeichen: str) -> list[str]:
    return [text, zeichen * len(text), ""]


def _aufruf(parser: argparse.ArgumentParser) -> str:
    formatter = parser._get_formatter()
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups, "")
    return " ".join(formatter.format_help().split())


def _unterbefehle(parser: argparse.ArgumentParser) -> Iterator[tuple[str, str, Any]]:
    for aktion in parser._actions:
        if isinstance(aktion, argparse._SubParsersAction):
            hilfen = {a.dest: a.help or "" for a in aktion._choices_actions}
            for name, unter in aktion.choices.items():
                yield name, hilfen.get(name, ""), unter


def _argument(aktion: argparse.Action) -> str:
    if not aktion.option_strings:
        return f"``{aktion.metavar or aktion.dest}``"
    namen = ", ".join(aktion.option_strings)
    if aktion.nargs == 0:
        return f"``{namen}``"
    metavar = aktion.metavar or aktion.dest.upper()
    return f"``{namen} {metavar if isinstance(metavar, str) else ' '.join(metavar)}``"


def _hilfe(parser: argparse.ArgumentParser, aktion: argparse.Action) -> str:
    text = parser._get_formatter()._expand_help(aktion) if aktion.help else ""
    zusatz = []
    if aktion.choices and not isinstance(aktion, argparse._SubParsersAction):
        zusatz.append("Werte: " + ", ".join(f"``{c}``" for c in aktion.choices))
    if not aktion.option_strings and aktion.nargs in ("?", "*"):
        zusatz.append("kann fehlen")
    return "; ".join([_rst(" ".join(text.split())), *zusatz]) or "–"


def _argumente(parser: argparse.ArgumentParser) -> list[str]:
    aktionen = [
        a for a in parser._actions
        if a.help is not argparse.SUPPRESS and not isinstance(a, argparse._SubParsersAction)
    ]
    if not aktionen:
        return []
    zeilen = [
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 35 65",
        "",
        "   * - Argument",
        "     - Bedeutung",
    ]
    for a in aktionen:
        zeilen += [f"   * - {_argument(a)}", f"     - {_hilfe(parser, a)}"]
    return [*zeilen, ""]


def _attr_doku(modul: ModuleType) -> dict[tuple[str, str], list[str]]:
    """Docstrings der Modulattribute, auch aus den Untermodulen eines Pakets."""
    import pkgutil

    from sphinx.pycode import ModuleAnalyzer

    namen = [modul.__name__]
    pfad = getattr(modul, "__path__", [])
    namen += [i.name for i in pkgutil.iter_modules(pfad, f"{modul.__name__}.")]
    doku: dict[tuple[str, str], list[str]] = {}
    for name in namen:
        try:
            gefunden = ModuleAnalyzer.for_module(name).find_attr_docs()
        except Exception:  # ohne Quelltext keine Beschreibungen
            continue
        for schluessel, zeilen in gefunden.items():
            doku.setdefault(schluessel, list(zeilen))
    return doku


def _aus_dem_epilog(parser: argparse.ArgumentParser | None) -> dict[int, str]:
    """Zeilen ``  N   Text`` im Epilog des Parsers (so listet ``kim-nrw --help`` die Codes)."""
    if parser is None or not parser.epilog:
        return {}
    return {
        int(t.group(1)): t.group(2).strip()
        for t in re.finditer(r"^\s+(\d+)\s{2,}(\S.*)$", parser.epilog, re.MULTILINE)
    }


def exit_codes(
    modul: ModuleType, parser: argparse.ArgumentParser | None = None
) -> list[tuple[int, str, str]]:
    """(Wert, Name, Beschreibung) jedes Exit-Codes des Moduls, nach Wert sortiert."""
    doku = _attr_doku(modul)
    epilog = _aus_dem_epilog(parser)
    codes: dict[str, tuple[int, str, str]] = {}
    for name, wert in vars(modul).items():
        if name.startswith("EXIT_") and isinstance(wert, int) and not isinstance(wert, bool):
            text = " ".join(doku.get(("", name), [])).strip() or epilog.get(int(wert), "")
            codes[name] = (int(wert), name, text)
        if (
            inspect.isclass(wert)
            and issubclass(wert, enum.IntEnum)
            and name.lower().startswith("exit")
        ):
            for glied in wert:
                text = " ".join(doku.get((name, glied.name), [])).strip()
                codes[f"{name}.{glied.name}"] = (int(glied), f"{name}.{glied.name}", text)
    return sorted(codes.values())


def erzeuge() -> str:
    """Die ganze Referenz der Kommandozeile als reStructuredText."""
    modul = importlib.import_module(MODUL)
    parser = parser_bauer(modul)()
    zeilen = [
        ".. Erzeugt von docs/_ext/kim_cli.py aus dem Parser in kim_nrw.cli "
        "– nicht von Hand ändern.",
        "",
    ]
    if parser.description:
        zeilen += _block(parser.description)
    zeilen += [".. code-block:: text", "", f"   {_aufruf(parser)}", ""]
    zeilen += _argumente(parser)
    if parser.epilog:
        zeilen += _block(parser.epilog)
    unter = list(_unterbefehle(parser))
    if unter:
        zeilen += _titel("Unterbefehle", "-")
    for name, hilfe, unterparser in unter:
        zeilen += [f".. _cli-{name}:", ""]
        zeilen += _titel(f"``{parser.prog} {name}``", "~")
        if hilfe:
            zeilen += [_rst(hilfe[:1].upper() + hilfe[1:]) + ".", ""]
        if unterparser.description:
            zeilen += _block(unterparser.description)
        zeilen += [".. code-block:: text", "", f"   {_aufruf(unterparser)}", ""]
        zeilen += _argumente(unterparser)
        if unterparser.epilog:
            zeilen += _block(unterparser.epilog)
    codes = exit_codes(modul, parser)
    if codes:
        zeilen += _titel("Exit-Codes", "-")
        zeilen += [
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 10 35 55",
            "",
            "   * - Code",
            "     - Konstante",
            "     - Bedeutung",
        ]
        for wert, name, text in codes:
            zeilen += [f"   * - {wert}", f"     - ``{name}``", f"     - {_rst(text) or '–'}"]
        zeilen.append("")
    return "\n".join(zeilen).rstrip() + "\n"


schreibe, setup = seite(erzeuge, ZIEL)


if __name__ == "__main__":
    schreibe(Path(__file__).resolve().parent.parent / ZIEL)

"""argparse auf Deutsch: die eine Übersetzungstabelle und ein Parser, der nur über
:func:`~kim_nrw.cli.ausgabe.ausgeben` und :func:`~kim_nrw.cli.ausgabe.melde` schreibt."""

from __future__ import annotations

import argparse
import functools
import re
from typing import Any, NoReturn

from kim_nrw.cli.ausgabe import ausgeben, melde
from kim_nrw.cli.codes import EXIT_EINGABE

__all__ = ["Parser", "deutsch"]

# Die Texte, die argparse selbst erzeugt, und ihre deutsche Fassung – die eine Stelle der
# Übersetzung. Links steht argparses Vorlage (wie in argparse.py, mit %s/%(name)s/%(name)r),
# rechts die deutsche mit {name} bzw. {p0}, {p1} für die namenlosen Platzhalter.
# Eine Meldung, die hier fehlt (etwa aus einer neueren Python-Version), bleibt englisch.
_ARGPARSE_DEUTSCH: tuple[tuple[str, str], ...] = (
    ("usage: ", "Aufruf: "),
    ("positional arguments", "Argumente"),
    ("options", "Optionen"),
    ("show this help message and exit", "diese Hilfe zeigen und beenden"),
    ("show program's version number and exit", "die Version zeigen und beenden"),
    ("argument %(argument_name)s: %(message)s", "Argument {argument_name}: {message}"),
    ("the following arguments are required: %s", "es fehlt: {p0}"),
    ("unrecognized arguments: %s", "unbekannte Argumente: {p0}"),
    (
        "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)",
        "ungültige Wahl: {value}, gemeint: {closest}? (möglich: {choices})",
    ),
    (
        "invalid choice: %(value)r (choose from %(choices)s)",
        "ungültige Wahl: {value} (möglich: {choices})",
    ),
    ("expected one argument", "erwartet einen Wert"),
    ("expected at most one argument", "erwartet höchstens einen Wert"),
    ("expected at least one argument", "erwartet mindestens einen Wert"),
    ("expected %s argument", "erwartet {p0} Wert"),
    ("expected %s arguments", "erwartet {p0} Werte"),
    (
        "ambiguous option: %(option)s could match %(matches)s",
        "mehrdeutige Option: {option} passt zu {matches}",
    ),
    ("not allowed with argument %s", "nicht zusammen mit {p0} erlaubt"),
    ("one of the arguments %s is required", "eines dieser Argumente ist nötig: {p0}"),
    ("ignored explicit argument %r", "unerwarteter Wert {p0}"),
    ("invalid %(type)s value: %(value)r", "ungültiger Wert für {type}: {value}"),
    ("unexpected option string: %s", "unerwartete Option: {p0}"),
)


def _als_muster(vorlage: str) -> re.Pattern[str]:
    teile: list[str] = []
    position = 0
    namenlos = 0
    for platz in re.finditer(r"%\((\w+)\)[sr]|%[sr]", vorlage):
        teile.append(re.escape(vorlage[position : platz.start()]))
        name = platz[1]
        if name is None:
            name, namenlos = f"p{namenlos}", namenlos + 1
        teile.append(f"(?P<{name}>.+?)")
        position = platz.end()
    teile.append(re.escape(vorlage[position:]))
    return re.compile("".join(teile), re.DOTALL)


# Texte ohne Platzhalter (Überschriften, Hilfe zu -h) schlägt ``deutsch`` direkt nach; die
# Muster der übrigen entstehen erst bei der ersten Meldung, nicht bei jedem Start.
_WOERTLICH = {en: de for en, de in _ARGPARSE_DEUTSCH if "%" not in en}


@functools.cache
def _argparse_muster() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((_als_muster(en), de) for en, de in _ARGPARSE_DEUTSCH if "%" in en)


def deutsch(text: str) -> str:
    """argparses englischer Text auf Deutsch; verschachtelte Meldungen mit übersetzt."""
    woertlich = _WOERTLICH.get(text)
    if woertlich is not None:
        return woertlich
    for muster, vorlage in _argparse_muster():
        treffer = muster.fullmatch(text)
        if treffer is not None:
            werte = treffer.groupdict()
            if "message" in werte:
                werte["message"] = deutsch(werte["message"])
            return vorlage.format(**werte)
    return text


class _Hilfeformat(argparse.RawDescriptionHelpFormatter):
    """Hilfetext mit deutschem „Aufruf:“; Beschreibung und Epilog behalten ihre Zeilen."""

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, deutsch("usage: ") if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """Ein ``ArgumentParser`` mit deutschen Texten, der nur über ``ausgeben``/``melde``
    schreibt und statt ``sys.exit`` eine :class:`SystemExit` wirft, die ``main`` fängt."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Hilfeformat)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = deutsch("positional arguments")
        self._optionals.title = deutsch("options")
        self.add_argument(
            "-h", "--help", action="help", help=deutsch("show this help message and exit")
        )

    # Die Ziele, die argparse übergibt (sys.stdout), ersetzt ausgeben: es maskiert, was die
    # Kodierung nicht fasst, und meldet Schreibfehler an main.
    def print_help(self, file: object = None) -> None:
        ausgeben(self.format_help().rstrip("\n"))

    def print_usage(self, file: object = None) -> None:
        ausgeben(self.format_usage().rstrip("\n"))

    def _print_message(self, message: str, file: object = None) -> None:
        if message:  # nur noch --version: auf die Standardausgabe
            ausgeben(message.rstrip("\n"))

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            melde(message)
        raise SystemExit(status)

    def error(self, message: str) -> NoReturn:
        melde(self.format_usage().rstrip("\n"))
        melde(f"{self.prog}: Fehler: {deutsch(message)}")
        self.exit(EXIT_EINGABE, f"„{self.prog} --help“ zeigt die Hilfe.")

"""Die Ausgabe von ``kim-nrw``: Ergebnisse auf die Standardausgabe, Meldungen auf stderr.

Was die Kodierung des Ziels nicht fasst, wird maskiert statt abzubrechen (siehe
:mod:`kim_nrw.cli`); ein Schreibfehler wird zu :class:`AusgabeFehler`, den ``main`` meldet.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from typing import IO

from kim_nrw.cli.codes import grund

__all__ = ["AusgabeFehler", "ausgeben", "darstellbar", "melde", "verwerfen"]


def _json_escape(zeichen: str) -> str:
    """Ein Zeichen als JSON-Escape, außerhalb der BMP als UTF-16-Paar."""
    code = ord(zeichen)
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def darstellbar(text: str, strom: object, *, als_json: bool = False) -> str:
    """``text`` so, dass ``strom`` ihn in seiner Kodierung schreiben kann.

    Was die Kodierung nicht fasst, wird maskiert: in Text mit ``backslashreplace``, in
    JSON als ``\\uXXXX`` (Nicht-ASCII steht in JSON nur in Zeichenketten, dort ist das
    Escape gleichwertig).
    """
    kodierung = getattr(strom, "encoding", None) or "utf-8"
    try:
        codecs.lookup(kodierung)
    except LookupError:
        kodierung = "ascii"
    try:
        text.encode(kodierung)
    except UnicodeEncodeError:
        pass
    else:
        return text
    if not als_json:
        return text.encode(kodierung, "backslashreplace").decode(kodierung)

    def ersetze(treffer: re.Match[str]) -> str:
        zeichen = treffer[0]
        try:
            zeichen.encode(kodierung)
        except UnicodeEncodeError:
            return _json_escape(zeichen)
        return zeichen

    return re.sub(r"[^\x00-\x7f]", ersetze, text)


def verwerfen(strom: IO[str]) -> None:
    """Lenkt den Dateideskriptor von ``strom`` nach /dev/null um.

    Nach einem Schreibfehler bleibt Text im Puffer; ohne Umlenkung schlüge das letzte
    Leeren beim Beenden fehl (Python meldet dann „Exception ignored“ mit Exit-Code 120).
    """
    try:
        ziel = strom.fileno()
        leer = os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError, AttributeError):  # kein echter Dateideskriptor
        return
    try:
        os.dup2(leer, ziel)
    except OSError:
        pass
    finally:
        os.close(leer)


class AusgabeFehler(Exception):
    """Die Standardausgabe lässt sich nicht schreiben (nicht: Leser hat geschlossen)."""


def ausgeben(text: str, *, als_json: bool = False) -> None:
    """Schreibt ein Ergebnis mit Zeilenende auf die Standardausgabe und leert sie.

    Wirft :class:`BrokenPipeError`, wenn der Leser geschlossen hat, und
    :class:`AusgabeFehler` bei jedem anderen Schreibfehler.
    """
    strom = sys.stdout
    if strom is None:  # mit >&- gestartet
        raise AusgabeFehler("die Standardausgabe ist geschlossen")
    try:
        strom.write(darstellbar(text + "\n", strom, als_json=als_json))
        strom.flush()
    except BrokenPipeError:
        raise
    except OSError as fehler:
        raise AusgabeFehler(grund(fehler)) from None
    except ValueError as fehler:  # I/O operation on closed file
        if isinstance(fehler, UnicodeError):  # verhindert darstellbar; sonst ein Programmfehler
            raise
        raise AusgabeFehler(f"die Standardausgabe ist geschlossen ({fehler})") from None


def melde(text: str) -> None:
    """Schreibt eine Meldung auf stderr – nie auf die Standardausgabe.

    Ist stderr geschlossen oder nicht schreibbar, entfällt die Meldung still.
    """
    strom = sys.stderr
    if strom is None:  # mit 2>&- gestartet: nicht auf stdout ausweichen
        return
    try:
        strom.write(darstellbar(text if text.endswith("\n") else text + "\n", strom))
        strom.flush()
    except (OSError, ValueError):
        verwerfen(strom)

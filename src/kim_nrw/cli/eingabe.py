"""Die Eingabe von ``kim-nrw``: eine Datei oder ``-`` (Standardeingabe), begrenzt und als UTF-8.

Gelesen werden höchstens ``MAX_EINGABE`` Bytes; ein BOM wird überlesen; UTF-16/32 und
Latin-1 werden mit einer Meldung abgelehnt, die die vermutete Kodierung nennt; eine FIFO
ohne Schreiber blockiert nicht (siehe :mod:`kim_nrw.cli`).
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from collections.abc import Callable
from decimal import Decimal

import kim_nrw.schreibweise as schreibweise
from kim_nrw.cli.ausgabe import melde
from kim_nrw.cli.codes import EXIT_EIN_AUSGABE, Abbruch, grund

__all__ = ["FIFO_WARTEZEIT", "MAX_EINGABE", "lies_eingabe"]

MAX_EINGABE = 4 * 1024 * 1024
"""Die größte Eingabe in Bytes, die ``kim-nrw`` liest (4 MiB)."""


def _lies_strom(lesen: Callable[[int], bytes], anfang: bytes = b"") -> bytes:
    """Liest nach ``anfang`` weiter, bis Dateiende oder mehr als ``MAX_EINGABE`` Bytes.

    Nie mehr als ``MAX_EINGABE + 1`` Bytes insgesamt, in Stücken von höchstens 1 MiB.
    """
    stuecke = [anfang]
    gelesen = len(anfang)
    while gelesen <= MAX_EINGABE:
        stueck = lesen(min(1 << 20, MAX_EINGABE + 1 - gelesen))
        if not stueck:
            break
        stuecke.append(stueck)
        gelesen += len(stueck)
    return b"".join(stuecke)


FIFO_WARTEZEIT = 1.0
"""So viele Sekunden wartet ``kim-nrw`` auf den Schreiber einer FIFO, die noch keinen hat."""


def _lies_fifo(fd: int) -> bytes:
    """Liest eine nicht blockierend geöffnete FIFO, ohne auf einen Schreiber ewig zu warten.

    Ohne Schreiber liefert ``read`` sofort 0 Bytes (POSIX). Dann wartet ``kim-nrw``
    höchstens ``FIFO_WARTEZEIT`` Sekunden auf Daten (ein Schreiber, der gerade
    erst öffnet) und gibt sonst ``b""`` zurück. Ist ein Schreiber da (Daten oder
    ``EAGAIN``), wird blockierend weitergelesen, bis er schließt – wie ``cat``.
    """
    import select

    def versuch() -> bytes | None:
        try:
            return os.read(fd, 1 << 16)
        except BlockingIOError:  # ein Schreiber ist da, hat aber noch nichts geschrieben
            return None

    erstes = versuch()
    if erstes == b"":
        select.select([fd], [], [], FIFO_WARTEZEIT)
        erstes = versuch()
        if erstes == b"":
            return b""
    _blockierend(fd)
    return _lies_strom(lambda n: os.read(fd, n), erstes or b"")


_NICHT_BLOCKIEREND: int = getattr(os, "O_NONBLOCK", 0)  # fehlt unter Windows (keine FIFOs)


def _blockierend(fd: int) -> None:
    if _NICHT_BLOCKIEREND:
        os.set_blocking(fd, True)


def _lies_datei(pfad: str) -> bytes:
    flags = os.O_RDONLY | _NICHT_BLOCKIEREND | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(pfad, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as fehler:
        raise Abbruch(f"{pfad}: nicht lesbar: {grund(fehler)}") from None
    try:
        art = os.fstat(fd)
        if stat.S_ISDIR(art.st_mode):
            raise Abbruch(f"{pfad}: ist ein Verzeichnis, keine Datei")
        if stat.S_ISREG(art.st_mode) and art.st_size > MAX_EINGABE:
            raise Abbruch(_zu_gross(pfad, art.st_size))
        try:
            if stat.S_ISFIFO(art.st_mode):
                daten = _lies_fifo(fd)
                if not daten:
                    raise Abbruch(
                        f"{pfad}: aus der FIFO kam nichts – niemand schreibt hinein "
                        f"(nach {schreibweise.zahl(Decimal(FIFO_WARTEZEIT))} s Warten)"
                    )
                return daten
            _blockierend(fd)
            return _lies_strom(lambda n: os.read(fd, n))
        except OSError as fehler:
            raise Abbruch(
                f"{pfad}: Lesen abgebrochen: {grund(fehler)}", EXIT_EIN_AUSGABE
            ) from None
    finally:
        os.close(fd)


def _lies_stdin() -> bytes:
    strom = sys.stdin
    if strom is None:  # mit <&- gestartet
        raise Abbruch("Standardeingabe: ist geschlossen")
    try:
        am_terminal = strom.isatty()
    except (OSError, ValueError):
        am_terminal = False
    if am_terminal:
        melde("kim-nrw: lese das Dokument von der Standardeingabe (Ende mit Strg-D)")
    puffer = getattr(strom, "buffer", None)
    try:
        if puffer is None:  # ein Textstrom ohne Bytes darunter (etwa io.StringIO)
            return strom.read(MAX_EINGABE + 1).encode("utf-8", "surrogatepass")
        return _lies_strom(puffer.read)
    except OSError as fehler:
        raise Abbruch(
            f"Standardeingabe: Lesen abgebrochen: {grund(fehler)}", EXIT_EIN_AUSGABE
        ) from None


def _zu_gross(name: str, groesse: int | None = None) -> str:
    wie_gross = (
        f"hat {schreibweise.ganzzahl(groesse)} Byte"
        if groesse is not None
        else f"hat mehr als {schreibweise.ganzzahl(MAX_EINGABE)} Byte"
    )
    return (
        f"{name}: zu groß: {wie_gross}; kim-nrw liest höchstens "
        f"{schreibweise.ganzzahl(MAX_EINGABE)} Byte (4 MiB) – ein Förderantrag hat wenige KB"
    )


_BOMS = (  # UTF-32 vor UTF-16: FF FE 00 00 beginnt auch mit FF FE
    (codecs.BOM_UTF32_BE, "UTF-32 BE"),
    (codecs.BOM_UTF32_LE, "UTF-32 LE"),
    (codecs.BOM_UTF16_BE, "UTF-16 BE"),
    (codecs.BOM_UTF16_LE, "UTF-16 LE"),
)
_SPEICHERN = "kim-nrw liest nur UTF-8; bitte die Datei als UTF-8 speichern"


def _nullmuster(daten: bytes) -> str | None:
    """Die Kodierung nach dem Muster der Nullbytes am Anfang (RFC 4627, Abschnitt 3).

    JSON beginnt mit einem ASCII-Zeichen; in UTF-16/32 ohne BOM steht es neben Nullbytes.
    """
    kopf = daten[:4]
    if len(kopf) == 4:
        if kopf[:3] == b"\0\0\0" and kopf[3]:
            return "UTF-32 BE"
        if kopf[0] and kopf[1:] == b"\0\0\0":
            return "UTF-32 LE"
    if len(kopf) >= 2:
        if kopf[0] == 0 and kopf[1]:
            return "UTF-16 BE"
        if kopf[0] and kopf[1] == 0:
            return "UTF-16 LE"
    return None


def _dekodiere(daten: bytes, name: str) -> str:
    """Der Text einer Eingabe: UTF-8, ein BOM wird überlesen; sonst eine klare Meldung."""
    if daten.startswith(codecs.BOM_UTF8):
        daten = daten[len(codecs.BOM_UTF8) :]
    else:
        for bom, kodierung in _BOMS:
            if daten.startswith(bom):
                raise Abbruch(
                    f"{name}: ist in {kodierung} gespeichert (Byte-Order-Mark "
                    f"{bom.hex(' ').upper()}); {_SPEICHERN}"
                )
        kodierung_ohne_bom = _nullmuster(daten)
        if kodierung_ohne_bom is not None:
            raise Abbruch(f"{name}: sieht nach {kodierung_ohne_bom} (ohne BOM) aus; {_SPEICHERN}")
    try:
        return daten.decode("utf-8")
    except UnicodeDecodeError as fehler:
        byte = daten[fehler.start]
        zeile = daten.count(b"\n", 0, fehler.start) + 1
        stelle = f"Byte 0x{byte:02X} in Zeile {zeile}"
        if b"\0" not in daten:
            try:
                als_cp1252 = daten.decode("cp1252")
            except UnicodeDecodeError:
                als_cp1252 = None
            if als_cp1252 is not None:
                kodierung = (
                    "Windows-1252"
                    if re.search(rb"[\x80-\x9f]", daten)
                    else "Latin-1 (ISO-8859-1) oder Windows-1252"
                )
                zeichen = bytes([byte]).decode("cp1252")
                raise Abbruch(
                    f"{name}: kein UTF-8 ({stelle}, in {kodierung.split(' ')[0]} „{zeichen}“); "
                    f"sieht nach {kodierung} aus; {_SPEICHERN}"
                ) from None
        raise Abbruch(f"{name}: kein UTF-8-Text ({stelle}); {_SPEICHERN}") from None


def lies_eingabe(name: str) -> str:
    """Der Text der Eingabe ``name`` (Pfad oder ``-``), begrenzt und als UTF-8 geprüft."""
    anzeige = "Standardeingabe" if name == "-" else name
    daten = _lies_stdin() if name == "-" else _lies_datei(name)
    if len(daten) > MAX_EINGABE:
        raise Abbruch(_zu_gross(anzeige))
    if not daten:
        raise Abbruch(f"{anzeige}: ist leer; erwartet: ein JSON-Dokument")
    return _dekodiere(daten, anzeige)

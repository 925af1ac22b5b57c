"""Der Befehl ``kim-nrw`` (Unterbefehle ``kommune``, ``ki``, ``programme``, ``pruefen``,
``schema``); ``python -m kim_nrw`` ist derselbe Befehl.

Exit-Codes (stehen auch in ``kim-nrw --help`` und in der README):

* 0 – Erfolg; bei ``pruefen``: förderfähig
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
:data:`MAX_EINGABE` Bytes (4 MiB, ein Förderantrag hat wenige KB); was größer ist,
wird abgelehnt, ohne mehr als diese Menge zu lesen (auch ``/dev/zero``). Eine FIFO
ohne Schreiber blockiert nicht: sie wird nicht blockierend geöffnet; kommt binnen
:data:`FIFO_WARTEZEIT` (1 Sekunde) kein Schreiber, gilt sie als leer (Exit-Code 2).

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
import codecs
import contextlib
import os
import re
import stat
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any, NoReturn

from kim_nrw import __version__, schreibweise
from kim_nrw.fehler import DokumentFehler, KimNrwFehler, UngueltigeEingabe

if TYPE_CHECKING:
    from kim_nrw.gebiet import Gebietseinheit
    from kim_nrw.zentren import KommunalesIntegrationszentrum

# Die Fachmodule lädt erst der Unterbefehl, der sie braucht: so fängt die letzte
# Sicherung in main() auch Fehler beim Laden, und ``--help`` startet schnell.

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

EXIT_OK = 0
EXIT_NICHT_FOERDERFAEHIG = 1
EXIT_EINGABE = 2
EXIT_UNENTSCHIEDEN = 3
EXIT_EIN_AUSGABE = 4
EXIT_INTERN = 5
EXIT_ABGEBROCHEN = 130

MAX_EINGABE = 4 * 1024 * 1024
"""Die größte Eingabe in Bytes, die ``kim-nrw`` liest (4 MiB)."""

_EXIT_CODES = """\
Exit-Codes:
  0    Erfolg; bei „pruefen“: förderfähig
  1    nicht förderfähig
  2    ungültige oder mehrdeutige Eingabe (Argumente, Datei, Kodierung, Dokument)
  3    unentschieden
  4    Ein-/Ausgabefehler (Ergebnis nicht schreibbar, Lesefehler)
  5    interner Fehler von kim-nrw (bitte melden)
  130  abgebrochen (Strg-C)"""

_EINGABE_HILFE = f"""\
DATEI ist ein Pfad oder „-“ für die Standardeingabe: ein JSON-Dokument in UTF-8
(ein BOM ist erlaubt), höchstens {schreibweise.ganzzahl(MAX_EINGABE)} Byte (4 MiB)."""


class _Abbruch(Exception):
    """Ein erwarteter Abbruch mit Meldung und Exit-Code (Eingabe- oder E/A-Fehler)."""

    def __init__(self, meldung: str, code: int = EXIT_EINGABE) -> None:
        super().__init__(meldung)
        self.meldung = meldung
        self.code = code


# -- Ausgabe -------------------------------------------------------------------------------


def _json_escape(zeichen: str) -> str:
    """Ein Zeichen als JSON-Escape, außerhalb der BMP als UTF-16-Paar."""
    code = ord(zeichen)
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def _darstellbar(text: str, strom: object, *, als_json: bool = False) -> str:
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


def _verwerfen(strom: IO[str]) -> None:
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


class _AusgabeFehler(Exception):
    """Die Standardausgabe lässt sich nicht schreiben (nicht: Leser hat geschlossen)."""


def _ausgeben(text: str, *, als_json: bool = False) -> None:
    """Schreibt ein Ergebnis mit Zeilenende auf die Standardausgabe und leert sie.

    Wirft :class:`BrokenPipeError`, wenn der Leser geschlossen hat, und
    :class:`_AusgabeFehler` bei jedem anderen Schreibfehler.
    """
    strom = sys.stdout
    if strom is None:  # mit >&- gestartet
        raise _AusgabeFehler("die Standardausgabe ist geschlossen")
    try:
        strom.write(_darstellbar(text + "\n", strom, als_json=als_json))
        strom.flush()
    except BrokenPipeError:
        raise
    except OSError as fehler:
        raise _AusgabeFehler(_grund(fehler)) from None
    except ValueError as fehler:  # I/O operation on closed file
        if isinstance(fehler, UnicodeError):  # verhindert _darstellbar; sonst ein Programmfehler
            raise
        raise _AusgabeFehler(f"die Standardausgabe ist geschlossen ({fehler})") from None


def _melde(text: str) -> None:
    """Schreibt eine Meldung auf stderr – nie auf die Standardausgabe.

    Ist stderr geschlossen oder nicht schreibbar, entfällt die Meldung still.
    """
    strom = sys.stderr
    if strom is None:  # mit 2>&- gestartet: nicht auf stdout ausweichen
        return
    try:
        strom.write(_darstellbar(text if text.endswith("\n") else text + "\n", strom))
        strom.flush()
    except (OSError, ValueError):
        _verwerfen(strom)


# -- Eingabe -------------------------------------------------------------------------------

_FEHLERTEXT = {
    "ENOENT": "die Datei gibt es nicht",
    "EACCES": "keine Leseberechtigung",
    "EPERM": "keine Leseberechtigung",
    "EISDIR": "ist ein Verzeichnis, keine Datei",
    "ENOTDIR": "ein Teil des Pfads ist kein Verzeichnis",
    "ENAMETOOLONG": "der Pfad ist zu lang",
    "ELOOP": "zu viele symbolische Verweise",
    "ENOSPC": "kein Platz auf dem Datenträger",
    "EIO": "Ein-/Ausgabefehler des Geräts",
    "EPIPE": "der Leser hat die Ausgabe geschlossen",
    "EBADF": "ungültiger Dateideskriptor (geschlossen?)",
    "ENXIO": "kein solches Gerät",
    "EDQUOT": "Speicherkontingent erschöpft",
}


def _grund(fehler: OSError) -> str:
    """Ein Betriebssystemfehler auf Deutsch (mit dem Originaltext in Klammern)."""
    import errno

    name = errno.errorcode.get(fehler.errno or 0, "")
    original = fehler.strerror or type(fehler).__name__
    deutsch = _FEHLERTEXT.get(name)
    return f"{deutsch} ({original})" if deutsch else original


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
    höchstens :data:`FIFO_WARTEZEIT` Sekunden auf Daten (ein Schreiber, der gerade
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
        raise _Abbruch(f"{pfad}: nicht lesbar: {_grund(fehler)}") from None
    try:
        art = os.fstat(fd)
        if stat.S_ISDIR(art.st_mode):
            raise _Abbruch(f"{pfad}: ist ein Verzeichnis, keine Datei")
        if stat.S_ISREG(art.st_mode) and art.st_size > MAX_EINGABE:
            raise _Abbruch(_zu_gross(pfad, art.st_size))
        try:
            if stat.S_ISFIFO(art.st_mode):
                daten = _lies_fifo(fd)
                if not daten:
                    raise _Abbruch(
                        f"{pfad}: aus der FIFO kam nichts – niemand schreibt hinein "
                        f"(nach {schreibweise.zahl(Decimal(FIFO_WARTEZEIT))} s Warten)"
                    )
                return daten
            _blockierend(fd)
            return _lies_strom(lambda n: os.read(fd, n))
        except OSError as fehler:
            raise _Abbruch(
                f"{pfad}: Lesen abgebrochen: {_grund(fehler)}", EXIT_EIN_AUSGABE
            ) from None
    finally:
        os.close(fd)


def _lies_stdin() -> bytes:
    strom = sys.stdin
    if strom is None:  # mit <&- gestartet
        raise _Abbruch("Standardeingabe: ist geschlossen")
    try:
        am_terminal = strom.isatty()
    except (OSError, ValueError):
        am_terminal = False
    if am_terminal:
        _melde("kim-nrw: lese das Dokument von der Standardeingabe (Ende mit Strg-D)")
    puffer = getattr(strom, "buffer", None)
    try:
        if puffer is None:  # ein Textstrom ohne Bytes darunter (etwa io.StringIO)
            return strom.read(MAX_EINGABE + 1).encode("utf-8", "surrogatepass")
        return _lies_strom(puffer.read)
    except OSError as fehler:
        raise _Abbruch(
            f"Standardeingabe: Lesen abgebrochen: {_grund(fehler)}", EXIT_EIN_AUSGABE
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
                raise _Abbruch(
                    f"{name}: ist in {kodierung} gespeichert (Byte-Order-Mark "
                    f"{bom.hex(' ').upper()}); {_SPEICHERN}"
                )
        kodierung_ohne_bom = _nullmuster(daten)
        if kodierung_ohne_bom is not None:
            raise _Abbruch(f"{name}: sieht nach {kodierung_ohne_bom} (ohne BOM) aus; {_SPEICHERN}")
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
                raise _Abbruch(
                    f"{name}: kein UTF-8 ({stelle}, in {kodierung.split(' ')[0]} „{zeichen}“); "
                    f"sieht nach {kodierung} aus; {_SPEICHERN}"
                ) from None
        raise _Abbruch(f"{name}: kein UTF-8-Text ({stelle}); {_SPEICHERN}") from None


def _lies_eingabe(name: str) -> str:
    """Der Text der Eingabe ``name`` (Pfad oder ``-``), begrenzt und als UTF-8 geprüft."""
    anzeige = "Standardeingabe" if name == "-" else name
    daten = _lies_stdin() if name == "-" else _lies_datei(name)
    if len(daten) > MAX_EINGABE:
        raise _Abbruch(_zu_gross(anzeige))
    if not daten:
        raise _Abbruch(f"{anzeige}: ist leer; erwartet: ein JSON-Dokument")
    return _dekodiere(daten, anzeige)


# -- Unterbefehle --------------------------------------------------------------------------


def kommune_als_dict(einheit: Gebietseinheit) -> dict[str, Any]:
    """Die Angaben zu einer Gebietseinheit als JSON-fähiges Wörterbuch."""
    from kim_nrw.gebiet import (
        Kreis,
        KreisangehoerigeGemeinde,
        KreisfreieStadt,
        Regierungsbezirk,
        register,
    )

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


def _kommune(args: argparse.Namespace) -> int:
    import json

    from kim_nrw.gebiet import register

    einheit = register().finde(args.anfrage)
    if args.json:
        _ausgeben(json.dumps(kommune_als_dict(einheit), ensure_ascii=False, indent=2),
                  als_json=True)  # fmt: skip
    else:
        _ausgeben(kommune_als_text(einheit))
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


def _ki(args: argparse.Namespace) -> int:
    from kim_nrw.zentren import ki, ki_register

    if args.anfrage is None:
        zeilen = [
            f"{zentrum.schluessel:<8}  {zentrum.regierungsbezirk.name_kurz:<10}  {zentrum.name}"
            for zentrum in ki_register()
        ]
        zeilen.append(f"{len(ki_register())} Kommunale Integrationszentren")
        _ausgeben("\n".join(zeilen))
    else:
        _ausgeben(ki_als_text(ki(args.anfrage)))
    return EXIT_OK


def _stichtag(text: str | None) -> date:
    if text is None:
        heute = date.today()
        _melde(f"kim-nrw: Stichtag nicht angegeben, verwende heute ({schreibweise.datum(heute)})")
        return heute
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text, re.ASCII):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise UngueltigeEingabe("--stichtag", text, "ein Datum JJJJ-MM-TT")


def _pruefen(args: argparse.Namespace) -> int:
    stichtag = _stichtag(args.stichtag) if args.stichtag is not None else None
    text = _lies_eingabe(args.datei)

    from kim_nrw.antrag import Foerderantrag
    from kim_nrw.pruefung import Entscheidung, pruefe
    from kim_nrw.serial import als_json, lade

    antrag = lade(Foerderantrag, text)
    ergebnis = pruefe(antrag, stichtag if stichtag is not None else _stichtag(None))
    if args.json:
        _ausgeben(als_json(ergebnis), als_json=True)
    else:
        _ausgeben(ergebnis.erklaerung())
    codes = {
        Entscheidung.FOERDERFAEHIG: EXIT_OK,
        Entscheidung.NICHT_FOERDERFAEHIG: EXIT_NICHT_FOERDERFAEHIG,
        Entscheidung.UNENTSCHIEDEN: EXIT_UNENTSCHIEDEN,
    }
    return codes[ergebnis.entscheidung]


def _programme(args: argparse.Namespace) -> int:
    from kim_nrw.programme import programme_uebersicht

    _ausgeben(programme_uebersicht(_stichtag(args.stichtag)))
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from kim_nrw.serial import schema_text

    _ausgeben(schema_text(args.typ), als_json=True)
    return EXIT_OK


# -- argparse auf Deutsch ------------------------------------------------------------------

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


_ARGPARSE_MUSTER = tuple((_als_muster(en), de) for en, de in _ARGPARSE_DEUTSCH)


def _deutsch(text: str) -> str:
    """argparses englischer Text auf Deutsch; verschachtelte Meldungen mit übersetzt."""
    for muster, deutsch in _ARGPARSE_MUSTER:
        treffer = muster.fullmatch(text)
        if treffer is not None:
            werte = treffer.groupdict()
            if "message" in werte:
                werte["message"] = _deutsch(werte["message"])
            return deutsch.format(**werte)
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
        super().add_usage(usage, actions, groups, _deutsch("usage: ") if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """Ein ``ArgumentParser`` mit deutschen Texten, der nur über ``_ausgeben``/``_melde``
    schreibt und statt ``sys.exit`` eine :class:`SystemExit` wirft, die ``main`` fängt."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Hilfeformat)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = _deutsch("positional arguments")
        self._optionals.title = _deutsch("options")
        self.add_argument(
            "-h", "--help", action="help", help=_deutsch("show this help message and exit")
        )

    # Die Ziele, die argparse übergibt (sys.stdout), ersetzt _ausgeben: es maskiert, was die
    # Kodierung nicht fasst, und meldet Schreibfehler an main.
    def print_help(self, file: object = None) -> None:
        _ausgeben(self.format_help().rstrip("\n"))

    def print_usage(self, file: object = None) -> None:
        _ausgeben(self.format_usage().rstrip("\n"))

    def _print_message(self, message: str, file: object = None) -> None:
        if message:  # nur noch --version: auf die Standardausgabe
            _ausgeben(message.rstrip("\n"))

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            _melde(message)
        raise SystemExit(status)

    def error(self, message: str) -> NoReturn:
        _melde(self.format_usage().rstrip("\n"))
        _melde(f"{self.prog}: Fehler: {_deutsch(message)}")
        self.exit(EXIT_EINGABE, f"„{self.prog} --help“ zeigt die Hilfe.")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kim-nrw",
        description="Integrationsförderung in NRW: Kommunen, KI, KIM, Prüfung.",
        epilog=_EXIT_CODES,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"kim-nrw {__version__}",
        help=_deutsch("show program's version number and exit"),
    )
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
    pruefen = befehle.add_parser(
        "pruefen",
        help="einen Förderantrag (JSON) prüfen",
        description="Prüft einen Förderantrag und erklärt das Ergebnis.",
        epilog=f"{_EINGABE_HILFE}\n\n{_EXIT_CODES}",
    )
    pruefen.add_argument(
        "datei", metavar="DATEI", help="JSON-Dokument eines Förderantrags; „-“: Standardeingabe"
    )
    pruefen.add_argument("--stichtag", metavar="JJJJ-MM-TT", help="Standard: heute")
    pruefen.add_argument("--json", action="store_true", help="Ergebnis als JSON-Dokument")
    pruefen.set_defaults(ausfuehren=_pruefen)
    schema = befehle.add_parser("schema", help="das JSON Schema eines Dokumenttyps ausgeben")
    schema.add_argument("typ", metavar="TYP", help="z. B. foerderantrag")
    schema.set_defaults(ausfuehren=_schema)
    return parser


# -- main ----------------------------------------------------------------------------------


def _exit_code(ende: SystemExit) -> int:
    if ende.code is None:
        return EXIT_OK
    if isinstance(ende.code, int):
        return ende.code
    _melde(f"kim-nrw: {ende.code}")
    return EXIT_EINGABE


def _ausfuehren(argv: Sequence[str] | None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as ende:  # --help, --version, falsche Argumente
        return _exit_code(ende)
    try:
        ergebnis: int = args.ausfuehren(args)
    except DokumentFehler as fehler:
        _melde(f"kim-nrw: {len(fehler.probleme)} Problem(e) im Dokument:")
        for problem in fehler.probleme:
            _melde(f"  {problem.pfad}: {problem.meldung} (Wert: {problem.wert})")
        return EXIT_EINGABE
    except KimNrwFehler as fehler:
        _melde(f"kim-nrw: {fehler}")
        return EXIT_EINGABE
    except _Abbruch as abbruch:
        _melde(f"kim-nrw: {abbruch.meldung}")
        return abbruch.code
    return ergebnis


def _interner_fehler(fehler: BaseException) -> None:
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
    _melde(
        f"kim-nrw: interner Fehler – ein Fehler in kim-nrw {__version__}, nicht in der Eingabe.\n"
        f"  {type(fehler).__name__}{stelle}: {beschreibung}\n"
        "  Bitte melden Sie ihn den Betreuern von kim_nrw, mit dem Aufruf, der Eingabe "
        "und dieser Meldung."
    )


def _argumente_der_kommandozeile() -> list[str]:
    """``sys.argv[1:]``; Bytes, die die Locale nicht lesen konnte, als UTF-8, wenn sie es sind.

    Unter ``LC_ALL=C`` kommt „Köln“ als ``K\udcc3\udcb6ln`` an (surrogateescape).
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
            _verwerfen(sys.stdout)
        return EXIT_OK
    except _AusgabeFehler as fehler:
        if sys.stdout is not None:
            _verwerfen(sys.stdout)
        _melde(f"kim-nrw: Ergebnis nicht geschrieben: Standardausgabe: {fehler}")
        return EXIT_EIN_AUSGABE
    except KeyboardInterrupt:
        _melde("kim-nrw: abgebrochen")
        return EXIT_ABGEBROCHEN
    except Exception as fehler:  # die letzte Sicherung: nie ein Traceback
        with contextlib.suppress(Exception):  # scheitert selbst die Meldung: still
            _interner_fehler(fehler)
        return EXIT_INTERN


if __name__ == "__main__":
    sys.exit(main())

"""Exit-Codes, der erwartete Abbruch und Betriebssystemfehler auf Deutsch (für ``kim-nrw``).

Die Liste der Exit-Codes mit ihrer Bedeutung steht im Docstring von :mod:`kim_nrw.cli`.
"""

from __future__ import annotations

__all__ = [
    "EXIT_ABGEBROCHEN",
    "EXIT_EINGABE",
    "EXIT_EIN_AUSGABE",
    "EXIT_INTERN",
    "EXIT_NICHT_FOERDERFAEHIG",
    "EXIT_OK",
    "EXIT_UNENTSCHIEDEN",
    "Abbruch",
    "grund",
]

EXIT_OK = 0
EXIT_NICHT_FOERDERFAEHIG = 1
EXIT_EINGABE = 2
EXIT_UNENTSCHIEDEN = 3
EXIT_EIN_AUSGABE = 4
EXIT_INTERN = 5
EXIT_ABGEBROCHEN = 130


class Abbruch(Exception):
    """Ein erwarteter Abbruch mit Meldung und Exit-Code (Eingabe- oder E/A-Fehler)."""

    def __init__(self, meldung: str, code: int = EXIT_EINGABE) -> None:
        super().__init__(meldung)
        self.meldung = meldung
        self.code = code


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


def grund(fehler: OSError) -> str:
    """Ein Betriebssystemfehler auf Deutsch (mit dem Originaltext in Klammern)."""
    import errno

    name = errno.errorcode.get(fehler.errno or 0, "")
    original = fehler.strerror or type(fehler).__name__
    deutsch = _FEHLERTEXT.get(name)
    return f"{deutsch} ({original})" if deutsch else original

"""Die Fehlerhierarchie von kim_nrw.

Jeder Fehler, den die öffentliche API bei falscher Eingabe auslöst, stammt von
:class:`KimNrwFehler` ab. Fehler bei der Konstruktion eines Werts sind zugleich
:class:`ValueError`, Suchfehler zugleich :class:`LookupError`; so fangen
Aufrufer sie auch mit den eingebauten Klassen. Die Meldung nennt Feld, Wert und
Erwartung; der vollständige Wert bleibt im Attribut ``wert`` erhalten, die
Meldung kürzt ihn nur.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Final, NamedTuple

__all__ = [
    "MAX_PROBLEME",
    "PROBLEMCODES",
    "DatenFehler",
    "DokumentFehler",
    "KeinWertAmStichtag",
    "KimNrwFehler",
    "MehrdeutigerName",
    "NichtBekannt",
    "NichtGefunden",
    "Problem",
    "UngueltigeEingabe",
    "UngueltigerAGS",
    "UngueltigerARS",
    "UngueltigerBetrag",
    "UngueltigerKreisschluessel",
    "UngueltigerRBSchluessel",
    "UngueltigerSchluessel",
    "UngueltigerStellenanteil",
    "UngueltigerZeitraum",
    "kurz",
]

_MAX_ANZEIGE = 60


def kurz(wert: object, laenge: int = _MAX_ANZEIGE) -> str:
    """Gibt ``repr(wert)`` für Meldungen zurück, gekürzt auf ``laenge`` Zeichen.

    Wirft nie: was sich nicht darstellen lässt (riesige Zahlen, tiefe Verschachtelung, ein
    ``repr``, das scheitert), erscheint als ``<Typ …>``. Eine unbrauchbare ``laenge``
    (keine ganze Zahl 10..10000) gilt als die Vorgabe.

    >>> from kim_nrw.fehler import kurz
    >>> kurz("x" * 100, 10)
    "'xxxxx…(102 Zeichen)"
    """
    if not isinstance(laenge, int) or isinstance(laenge, bool) or not 10 <= laenge <= 10_000:
        laenge = _MAX_ANZEIGE
    try:
        text = repr(wert)
    except (ValueError, RecursionError):  # riesige Ganzzahl, sehr tief verschachtelt
        groesse = f", {wert.bit_length()} Bit" if isinstance(wert, int) else ""
        return f"<{type(wert).__name__}{groesse}, zu groß zum Anzeigen>"
    except Exception:  # ein fremdes Objekt, dessen repr() scheitert
        return f"<{type(wert).__name__}>"
    if len(text) <= laenge:
        return text
    return f"{text[: laenge - 4]}…({len(text)} Zeichen)"


class KimNrwFehler(Exception):
    """Basis aller Fehler von kim_nrw."""


class UngueltigeEingabe(KimNrwFehler, ValueError):
    """Ein Wert verletzt die Regeln seines Typs.

    Nennt das Feld, den (gekürzten) Wert und was erwartet wird; der
    ungekürzte Wert steht in :attr:`wert`.
    """

    def __init__(self, feld: str, wert: object, erwartet: str) -> None:
        self.feld = feld
        self.wert = wert
        self.erwartet = erwartet
        super().__init__(f"{feld}: {kurz(wert)} ist ungültig; erwartet: {erwartet}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.feld, self.wert, self.erwartet))


class UngueltigerSchluessel(UngueltigeEingabe):
    """Ein amtlicher Schlüssel (AGS, ARS, Kreis- oder RB-Schlüssel) ist ungültig."""


class UngueltigerAGS(UngueltigerSchluessel):
    """Kein gültiger Amtlicher Gemeindeschlüssel (8 Ziffern) in NRW."""


class UngueltigerARS(UngueltigerSchluessel):
    """Kein gültiger Amtlicher Regionalschlüssel (12 Ziffern) in NRW."""


class UngueltigerKreisschluessel(UngueltigerSchluessel):
    """Kein gültiger Kreisschlüssel (5 Ziffern) in NRW."""


class UngueltigerRBSchluessel(UngueltigerSchluessel):
    """Kein gültiger Schlüssel eines Regierungsbezirks (3 Ziffern) in NRW."""


class UngueltigerZeitraum(UngueltigeEingabe):
    """Ein Zeitraum ist ungültig, etwa weil sein Beginn nach seinem Ende liegt."""


class UngueltigerBetrag(UngueltigeEingabe):
    """Ein Geldbetrag ist ungültig (Float, NaN, unendlich, negativ, mehr als Cent)."""


class UngueltigerStellenanteil(UngueltigeEingabe):
    """Ein Stellenanteil (VZÄ) liegt nicht in 0 < x ≤ 1."""


class NichtGefunden(KimNrwFehler, LookupError):
    """Eine Suche hat keinen Treffer."""

    def __init__(self, was: str, anfrage: object, hinweis: str = "") -> None:
        self.was = was
        self.anfrage = anfrage
        self.hinweis = hinweis
        zusatz = f"; {hinweis}" if hinweis else ""
        super().__init__(f"{was} {kurz(anfrage)} nicht gefunden{zusatz}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.was, self.anfrage, self.hinweis))


class MehrdeutigerName(KimNrwFehler, LookupError):
    """Ein Name passt auf mehrere Einheiten; die Kandidaten stehen in der Meldung."""

    def __init__(self, anfrage: str, kandidaten: Sequence[tuple[str, str]]) -> None:
        self.anfrage = anfrage
        self.kandidaten = tuple(kandidaten)
        liste = "; ".join(f"{schluessel} {name}" for schluessel, name in self.kandidaten)
        super().__init__(
            f"{kurz(anfrage)} ist mehrdeutig, bitte den Schlüssel angeben. Kandidaten: {liste}"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.anfrage, self.kandidaten))


class NichtBekannt(KimNrwFehler, LookupError):
    """Ein Wert ist in den gelesenen Quellen nicht belegt (Lücke oder unbekannter Parameter).

    kim_nrw rät keine Zahlen; wer einen solchen Wert abfragt, erhält diesen Fehler.
    """


class KeinWertAmStichtag(KimNrwFehler, LookupError):
    """Ein Parameter hat am Stichtag keinen geltenden Wert."""


class DatenFehler(KimNrwFehler):
    """Eine Datendatei ist fehlerhaft; die Meldung nennt Datei und Schlüssel."""

    def __init__(self, datei: str, schluessel: str, problem: str) -> None:
        self.datei = datei
        self.schluessel = schluessel
        self.problem = problem
        super().__init__(f"{datei}: {schluessel}: {problem}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.datei, self.schluessel, self.problem))


MAX_PROBLEME: Final = 100
"""Höchstens so viele Probleme nennt ein :class:`DokumentFehler` einzeln.

Die übrigen zählt er nur (:attr:`DokumentFehler.weitere`). Ein Mensch behebt ohnehin
die ersten zuerst; ein feindliches Dokument mit Hunderttausenden Fehlern erzeugt so
eine Meldung von einigen Kilobyte statt vieler Megabyte, in linearer Zeit. In einer
Liste prüft der Lader nach ``MAX_PROBLEME`` fehlerhaften Einträgen die übrigen nicht
mehr (ein Problem mit Code ``nicht_geprueft`` nennt ihre Zahl).
"""

PROBLEMCODES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "ungueltiges_json": "Der Text ist kein gültiges JSON (oder NaN/Infinity, zu große Zahl).",
        "kein_utf8": "Die Bytes sind kein UTF-8-Text.",
        "zu_tief": "Das JSON ist zu tief verschachtelt, um es zu lesen.",
        "doppelter_schluessel": "Ein Schlüssel steht mehrmals im selben JSON-Objekt.",
        "kein_objekt": "An dieser Stelle steht kein JSON-Objekt, aber eines wird erwartet.",
        "ohne_umschlag": "Das Dokument hat keinen Umschlag (dokument, version, inhalt); "
        "es sieht aus wie der Inhalt allein.",
        "dokumenttyp": "Der Dokumenttyp im Umschlag ist ein anderer als der erwartete.",
        "version": "Die Schemaversion fehlt, ist keine ganze Zahl oder ist unbekannt.",
        "unbekannter_schluessel": "Ein Schlüssel, den das Modell nicht kennt (oft ein "
        "Tippfehler; die Meldung nennt den gemeinten, wenn er nahe liegt).",
        "schluessel_kein_text": "Ein Schlüssel ist kein Text (nur aus Python-Strukturen).",
        "pflichtfeld": "Ein Pflichtfeld fehlt.",
        "falscher_typ": "Der Wert hat den falschen JSON-Typ (etwa eine Zahl statt eines "
        "Texts, ein Text statt einer Liste).",
        "ungueltiger_wert": "Der JSON-Typ stimmt, der Wert nicht (Muster, Bereich, Aufzählung, "
        "Kalendertag …); die Meldung sagt, was erwartet wird.",
        "nicht_gefunden": "Ein Schlüssel, den das Register oder der Katalog nicht kennt "
        "(etwa eine Kommune).",
        "invariante": "Werte passen einzeln, aber nicht zueinander (etwa Bewilligungszeitraum "
        "außerhalb des Antragszeitraums).",
        "nicht_geprueft": "Weitere Einträge einer Liste wurden nicht mehr geprüft (nach "
        "MAX_PROBLEME fehlerhaften Einträgen).",
    }
)
"""Die stabilen Codes der Probleme (:attr:`Problem.code`) mit ihrer Bedeutung.

Ein Code ändert sich nicht zwischen Versionen; neue Codes können hinzukommen. Ein
Programm (etwa ein Formular) entscheidet nach dem Code, ein Mensch liest die Meldung.
"""


class Problem(NamedTuple):
    """Ein Problem in einem Dokument: wo (JSON-Pfad), was (gekürzter Wert), was erwartet wird.

    ``pfad`` ist ein JSON-Pfad wie ``$.inhalt.stellen[2].anteil``; ``wert`` der
    gekürzte Wert an dieser Stelle als JSON-Text (``(fehlt)``, wenn er fehlt);
    ``meldung`` ein deutscher Satz, der sagt, was erwartet wird; ``code`` die Art des
    Problems, maschinenlesbar und stabil (einer der :data:`PROBLEMCODES`).

    >>> from kim_nrw.fehler import Problem
    >>> p = Problem("$.stellen[0].anteil", '"2"', "erwartet: ein Stellenanteil", "ungueltiger_wert")
    >>> print(p)
    $.stellen[0].anteil = "2": erwartet: ein Stellenanteil
    >>> p.code
    'ungueltiger_wert'
    """

    pfad: str
    wert: str
    meldung: str
    code: str = "ungueltiger_wert"

    def __str__(self) -> str:
        if self.wert:
            return f"{self.pfad} = {self.wert}: {self.meldung}"
        return f"{self.pfad}: {self.meldung}"


class DokumentFehler(KimNrwFehler, ValueError):
    """Ein Dokument (JSON oder Struktur aus dict/list) passt nicht zu seinem Modell.

    Trägt *alle* gefundenen Probleme in :attr:`probleme`, nicht nur das erste,
    damit ein Aufrufer sie in einem Durchgang beheben kann. Die Meldung listet
    sie zeilenweise auf.

    >>> from kim_nrw.fehler import DokumentFehler, Problem
    >>> problem = Problem("$.zeitraum", "(fehlt)", "Pflichtfeld fehlt")
    >>> print(DokumentFehler((problem,), "foerderantrag"))
    Dokument 'foerderantrag': 1 Problem
      $.zeitraum = (fehlt): Pflichtfeld fehlt
    """

    def __init__(self, probleme: Sequence[Problem], dokument: str = "", weitere: int = 0) -> None:
        alle = tuple(probleme)
        self.probleme: tuple[Problem, ...] = alle[:MAX_PROBLEME]
        """Die Probleme, höchstens :data:`MAX_PROBLEME`."""
        self.weitere: int = weitere + len(alle) - len(self.probleme)
        """Wie viele Probleme es darüber hinaus gibt (gezählt, nicht beschrieben)."""
        self.dokument = dokument
        anzahl = len(self.probleme) + self.weitere
        kopf = f"Dokument {dokument!r}" if dokument else "Dokument"
        zeilen = [f"{kopf}: {anzahl} {'Problem' if anzahl == 1 else 'Probleme'}"]
        zeilen.extend(f"  {p}" for p in self.probleme)
        if self.weitere:
            zeilen.append(f"  … und {self.weitere} weitere (gezeigt: die ersten {MAX_PROBLEME})")
        super().__init__("\n".join(zeilen))

    @property
    def anzahl(self) -> int:
        """Alle Probleme: die genannten und die weiteren."""
        return len(self.probleme) + self.weitere

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.probleme, self.dokument, self.weitere))

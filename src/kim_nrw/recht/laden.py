"""Laden des Quellenkatalogs und der Parameterdateien aus den Paketdaten – streng.

Die Daten liegen als TOML im Paket (``kim_nrw/daten/``) und werden beim ersten
Gebrauch einmal je Prozess gelesen – schnell über die erzeugte Kopie
``daten/toml_kopie.json``, die für jede Datei dasselbe liefert wie ``tomllib``
(``python tools/paketdaten.py`` schreibt sie neu; passt sie zu einer Datei nicht,
wird die TOML-Datei selbst gelesen), noch schneller über die fertig geladenen Objekte in
``daten/geladen.pickle`` (siehe :mod:`kim_nrw._paketdaten`; :func:`recht_aus_toml` liest
ohne sie). ``import kim_nrw`` liest keine Datei.
Jeder Fehler in einer Datei ist ein :class:`~kim_nrw.fehler.DatenFehler`, der
Datei, Schlüssel und Problem nennt: unbekannte Schlüssel, fehlende Pflichtschlüssel,
falsche Typen, Floats bei Beträgen, ungültige Daten, Werte ohne Quelle, Quellen,
die der Katalog nicht kennt, und Zeiträume eines Parameters, die sich überschneiden.

Quellenkatalog ``rechtsquellen.toml``
=====================================

Eine Tabelle je Quelle, der Schlüssel ist der Kurzname::

    [quelle."TIntG-2021"]
    art = "gesetz"                 # Pflicht, siehe Quellenart
    titel = "Teilhabe- und …"      # Pflicht
    abkuerzung = "TIntG 2021"      # für Zitate; ohne: der Titel
    norm = "§ 9"                   # nur wenn der Eintrag eine einzelne Norm ist
    fundstelle = "GV. NRW. S. 1213a"
    fassung_vom = 2021-11-25       # TOML-Datum, ohne Anführungszeichen
    in_kraft_ab = 2022-01-01       # nicht belegt: Schlüssel weglassen
    in_kraft_bis = 2021-12-31
    url = "https://…"
    gewissheit = "bestaetigt"      # Pflicht: bestaetigt [C] | abgeleitet [I] | unsicher [U]
    teil_von = "TIntG-2021"        # Kurzname des Akts, zu dem eine Norm gehört
    belege = ["S-TIntG2021-toc"]   # Kurznamen der Belege
    ersetzt = []                   # abgelöste Fassungen, z. B. ["KI-RL-2018"] bei der KI-RL 2023
    zuletzt_geprueft = 2025-10-06  # ohne: STAND_ERSTERFASSUNG
    anmerkung = "…"

Parameterdateien ``parameter/*.toml``
=====================================

Alle Dateien im Ordner werden geladen; ein Name darf nur einmal vorkommen::

    beschreibung = "Parameter der KI-Förderung"   # optional, für Leser der Datei

    [[parameter]]
    name = "ki.fachkraft.hoechstbetrag_je_stelle" # Pflicht, kleine Wörter mit Punkten
    beschreibung = "…"                            # Pflicht
    einheit = "EUR je Stelle und Jahr"            # Pflicht
    art = "betrag"                                # Pflicht: betrag|vzae|quote|anzahl|datum|text

    [[parameter.werte]]                           # chronologisch, ohne Überschneidung
    wert = "50000.00"                             # Beträge/Dezimalwerte als Text, nie Float
    gilt_ab = 2018-01-01                          # Pflicht, erster Tag
    gilt_bis = 2021-12-31                         # letzter Tag; weglassen = offen
    gewissheit = "abgeleitet"                     # Pflicht: bestaetigt|abgeleitet|unsicher
    quellen = ["KI-RL-2018", "S-lum-BRA-KI-old"]  # Pflicht, mindestens ein Kurzname
    anmerkung = "warum diese Tage"                # optional
    zuletzt_geprueft = 2025-10-06                 # optional
    belegt_bis = 2023-12-31                       # optional: letzter Tag, den eine Quelle
                                                  # bestätigt (danach fortgeschrieben)

    [[parameter.luecken]]                         # Zeitraum mit Wert, der nicht belegt ist
    gilt_ab = 2012-06-25
    gilt_bis = 2017-12-31
    grund = "in den Quellen nicht belegt"         # Pflicht
    quellen = ["S-BASS-15147"]                    # optional: wo gesucht wurde

Ein ganz unbekannter Parameter hat statt Werten ``nicht_bekannt = "Begründung"``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from os import PathLike
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from attrs import asdict, field

import kim_nrw._paketdaten as paketdaten
from kim_nrw._modell import frozen
from kim_nrw.einmal import einmal
from kim_nrw.fehler import DatenFehler, NichtGefunden, UngueltigeEingabe
from kim_nrw.konverter import TOML_DATUM, Konverter, lies_toml
from kim_nrw.recht.fassungen import zeitraeume
from kim_nrw.recht.parameter import Parameter, parameter_hook
from kim_nrw.recht.quellen import STAND_ERSTERFASSUNG, Gewissheit, Quellenart, Rechtsquelle
from kim_nrw.validatoren import Folge, Text, Typ

__all__ = [
    "DATEI_QUELLEN",
    "ORDNER_PARAMETER",
    "alle_parameter",
    "alle_rechtsquellen",
    "lade_parameter",
    "lade_parameterdatei",
    "lade_parameterdateien",
    "lade_rechtsquellen",
    "parameter",
    "rechtsquelle",
]

DATEI_QUELLEN = "rechtsquellen.toml"
ORDNER_PARAMETER = "parameter"

_T = TypeVar("_T")


@functools.cache
def _konverter() -> Konverter:
    """Der TOML-Konverter der Paketdaten: Daten als TOML-Datum, Parameterwerte nach Art."""
    return Konverter({date: TOML_DATUM}, {Parameter: parameter_hook}, fehlend_ist_none=True)


def _vorschlag(wort: str, kandidaten: Iterable[str]) -> str:
    import difflib  # nur im Fehlerfall gebraucht

    treffer = difflib.get_close_matches(wort, list(kandidaten), n=3)
    return f"gemeint: {', '.join(treffer)}?" if treffer else ""


def _aehnlich(wort: str, kandidaten: Iterable[str]) -> str:
    vorschlag = _vorschlag(wort, kandidaten)
    return f" ({vorschlag})" if vorschlag else ""


def _baue(datei: str, ort: str, bauer: Callable[[], _T]) -> _T:
    """Ruft den Konstruktor eines Modells und macht aus seinem Fehler einen DatenFehler."""
    try:
        return bauer()
    except UngueltigeEingabe as fehler:
        feld = fehler.feld.partition(".")[2] or fehler.feld  # "Rechtsquelle.url" → "url"
        raise DatenFehler(datei, f"{ort}.{feld}", str(fehler)) from fehler


def _unbekannt(kurzname: str, katalog: Mapping[str, Rechtsquelle]) -> str:
    return f"Quelle {kurzname!r} steht nicht im Katalog{_aehnlich(kurzname, katalog)}"


# -- Quellenkatalog -----------------------------------------------------------------------


@frozen
class _Quelle:
    """Ein Eintrag ``[quelle."KURZNAME"]``: die Felder einer Rechtsquelle ohne den Kurznamen
    (er ist der Schlüssel der Tabelle); ``abkuerzung`` darf fehlen (dann gilt der Titel),
    ``gewissheit`` nicht."""

    art: Quellenart
    titel: str
    gewissheit: Gewissheit
    abkuerzung: str | None = None
    norm: str | None = None
    fundstelle: str | None = None
    fassung_vom: date | None = None
    in_kraft_ab: date | None = None
    in_kraft_bis: date | None = None
    url: str | None = None
    zuletzt_geprueft: date = STAND_ERSTERFASSUNG
    teil_von: str | None = None
    belege: tuple[str, ...] = ()
    ersetzt: tuple[str, ...] = ()
    anmerkung: str = ""

    def rechtsquelle(self, kurzname: str) -> Rechtsquelle:
        felder: dict[str, Any] = asdict(self, recurse=False)
        felder["abkuerzung"] = self.titel if self.abkuerzung is None else self.abkuerzung
        return Rechtsquelle(kurzname, **felder)


@frozen
class _Katalogdatei:
    """Die Datei ``rechtsquellen.toml``: eine Tabelle ``quelle`` mit einem Eintrag je Kurzname."""

    quelle: dict[str, _Quelle]


def lade_rechtsquellen(
    text: str | Mapping[str, Any], datei: str = DATEI_QUELLEN
) -> Mapping[str, Rechtsquelle]:
    """Liest einen Quellenkatalog aus TOML-Text (Format: siehe Moduldoku).

    ``text`` darf auch schon gelesenes TOML sein (siehe :func:`~kim_nrw.konverter.lies_toml`).
    Prüft auch, dass ``teil_von`` und ``belege`` nur Kurznamen des Katalogs nennen.

    >>> katalog = lade_rechtsquellen('''
    ... [quelle."X-1"]
    ... art = "gesetz"
    ... titel = "Ein Gesetz"
    ... gewissheit = "bestaetigt"
    ... ''')
    >>> katalog["X-1"].zitat()
    'Ein Gesetz'
    """
    _pruefe_datei(datei)
    eintraege = lies_toml(_Katalogdatei, text, datei, _konverter()).quelle
    katalog = {
        kurzname: _baue(datei, f"quelle[{kurzname}]", functools.partial(e.rechtsquelle, kurzname))
        for kurzname, e in eintraege.items()
    }
    for kurzname, quelle in katalog.items():
        if quelle.teil_von is not None and quelle.teil_von not in katalog:
            raise DatenFehler(datei, f"quelle[{kurzname}].teil_von",
                              _unbekannt(quelle.teil_von, katalog))  # fmt: skip
        for schluessel, kurznamen in (("belege", quelle.belege), ("ersetzt", quelle.ersetzt)):
            for k in kurznamen:
                if k not in katalog:
                    raise DatenFehler(datei, f"quelle[{kurzname}].{schluessel}",
                                      _unbekannt(k, katalog))  # fmt: skip
    zeitraeume(katalog, datei)  # prüft die Ablösungen (ersetzt)
    return MappingProxyType(katalog)


# -- Parameter ------------------------------------------------------------------------------


@frozen
class _Parameterdatei:
    """Eine Parameterdatei: eine Beschreibung für Leser und mindestens ein ``[[parameter]]``."""

    parameter: tuple[Parameter, ...] = field(
        default=(),
        validator=Folge(Typ((Parameter,), "ein Parameter"), mindestens=1,
                        text="mindestens ein [[parameter]]"),
    )  # fmt: skip
    beschreibung: str = field(default="", validator=Text(leer=True))


_PARAMETER_NR = re.compile(r"parameter\[(\d+)\]")


def _parameter_ort(pfad: str, daten: Any) -> str:
    """``parameter[3].werte[0]`` → ``parameter[ki.hoechstbetrag_kreis].werte[0]``."""

    def name(treffer: re.Match[str]) -> str:
        try:
            gefunden = daten["parameter"][int(treffer[1])]["name"]
        except (KeyError, IndexError, TypeError):
            return treffer[0]
        return f"parameter[{gefunden}]" if isinstance(gefunden, str) else treffer[0]

    return _PARAMETER_NR.sub(name, pfad, count=1)


def lade_parameter(
    text: str | Mapping[str, Any], datei: str, quellen: Mapping[str, Rechtsquelle] | None = None
) -> Mapping[str, Parameter]:
    """Liest die Parameter einer Datei aus TOML-Text (Format: siehe Moduldoku).

    ``text`` darf auch schon gelesenes TOML sein (siehe :func:`~kim_nrw.konverter.lies_toml`).

    ``quellen`` ist der Katalog, gegen den die Kurznamen geprüft werden; ohne ihn der
    Katalog des Pakets.
    """
    _pruefe_datei(datei)
    katalog = alle_rechtsquellen() if quellen is None else _katalog(quellen)
    inhalt = lies_toml(_Parameterdatei, text, datei, _konverter(), _parameter_ort)
    ergebnis: dict[str, Parameter] = {}
    for p in inhalt.parameter:
        if p.name in ergebnis:
            raise DatenFehler(datei, f"parameter[{p.name}]", "Name kommt in der Datei doppelt vor")
        orte = [(f"werte[{i}]", w.quellen) for i, w in enumerate(p.werte)]
        orte += [(f"luecken[{i}]", lu.quellen) for i, lu in enumerate(p.luecken)]
        for ort, kurznamen in orte:
            for kurzname in kurznamen:
                if kurzname not in katalog:
                    raise DatenFehler(datei, f"parameter[{p.name}].{ort}.quellen",
                                      _unbekannt(kurzname, katalog))  # fmt: skip
        ergebnis[p.name] = p
    return MappingProxyType(ergebnis)


def lade_parameterdateien(
    dateien: Iterable[tuple[str, str | Mapping[str, Any]]],
    quellen: Mapping[str, Rechtsquelle] | None = None,
) -> Mapping[str, Parameter]:
    """Liest mehrere Parameterdateien (Paare aus Dateiname und Text oder gelesenem TOML).

    Ein Name darf in allen Dateien zusammen nur einmal vorkommen.
    """
    katalog = alle_rechtsquellen() if quellen is None else _katalog(quellen)
    if isinstance(dateien, str | bytes | Mapping) or not isinstance(dateien, Iterable):
        raise UngueltigeEingabe("dateien", dateien, _DATEIEN)
    alle: dict[str, Parameter] = {}
    herkunft: dict[str, str] = {}
    for paar in dateien:
        if not isinstance(paar, tuple) or len(paar) != 2:
            raise UngueltigeEingabe("dateien", paar, _DATEIEN)
        datei, text = paar
        for name, p in lade_parameter(text, datei, katalog).items():
            if name in alle:
                problem = f"Name steht schon in {herkunft[name]}"
                raise DatenFehler(datei, f"parameter[{name}]", problem)
            alle[name] = p
            herkunft[name] = datei
    return MappingProxyType(dict(sorted(alle.items())))


_DATEIEN = "eine Folge von Paaren (Dateiname, TOML-Text oder gelesenes TOML)"


def _pruefe_datei(datei: object) -> None:
    if not isinstance(datei, str):
        raise UngueltigeEingabe("datei", datei, "der Name der Datei für Meldungen, als str")


def _katalog(quellen: object) -> Mapping[str, Rechtsquelle]:
    if not isinstance(quellen, Mapping):
        raise UngueltigeEingabe("quellen", quellen, "ein Quellenkatalog: Kurzname → Rechtsquelle")
    return quellen


def lade_parameterdatei(
    pfad: str | PathLike[str], quellen: Mapping[str, Rechtsquelle] | None = None
) -> Mapping[str, Parameter]:
    """Liest eine Parameterdatei von der Platte (etwa eine Testdatei) gegen den Katalog."""
    if not isinstance(pfad, str | PathLike):
        raise UngueltigeEingabe("pfad", pfad, "ein Dateipfad (str oder pathlib.Path)")
    try:
        datei = Path(pfad)
        text = datei.read_text(encoding="utf-8")
    except TypeError:  # ein PathLike, das keinen Text liefert
        raise UngueltigeEingabe("pfad", pfad, "ein Dateipfad (str oder pathlib.Path)") from None
    except ValueError as fehler:  # Nullbyte im Pfad, UnicodeDecodeError
        raise DatenFehler(str(pfad), "(Datei)", f"nicht lesbar: {fehler}") from fehler
    except OSError as fehler:
        raise DatenFehler(str(datei), "(Datei)", f"nicht lesbar: {fehler}") from fehler
    return lade_parameter(text, str(datei), quellen)


# -- Paketdaten --------------------------------------------------------------------------------


def recht_aus_toml() -> dict[str, Mapping[str, Any]]:
    """Quellenkatalog (``"rechtsquellen"``) und Parameter (``"parameter"``) des Pakets,
    gelesen und geprüft aus den TOML-Dateien – ohne die erzeugte geladene Form.

    So baut ``tools/paketdaten.py`` diese Form, und so vergleicht ein Test sie.
    """
    quellen = lade_rechtsquellen(paketdaten.inhalt(DATEI_QUELLEN), f"kim_nrw/daten/{DATEI_QUELLEN}")
    dateien = [
        (f"kim_nrw/daten/{pfad}", paketdaten.inhalt(pfad))
        for pfad in paketdaten.toml_dateien(ORDNER_PARAMETER)
    ]
    return {"rechtsquellen": quellen, "parameter": lade_parameterdateien(dateien, quellen)}


@einmal
def _recht() -> dict[str, Mapping[str, Any]]:
    return paketdaten.geladen_oder("recht", recht_aus_toml)


@einmal
def alle_rechtsquellen() -> Mapping[str, Rechtsquelle]:
    """Der Quellenkatalog des Pakets, nach Kurzname; beim ersten Aufruf einmal geladen.

    >>> alle_rechtsquellen()["AachenG"].fassung_vom
    datetime.date(2008, 2, 26)
    """
    quellen: Mapping[str, Rechtsquelle] = _recht()["rechtsquellen"]
    return quellen


@einmal
def alle_parameter() -> Mapping[str, Parameter]:
    """Alle Parameter aller Dateien in ``kim_nrw/daten/parameter/``, nach Name geordnet.

    >>> "ki.fachkraft.hoechstbetrag_je_stelle" in alle_parameter()
    True
    """
    alle: Mapping[str, Parameter] = _recht()["parameter"]
    return alle


def rechtsquelle(kurzname: str) -> Rechtsquelle:
    """Die Quelle zu einem Kurznamen aus dem Katalog des Pakets.

    >>> rechtsquelle("TIntG-2021").zitiere("§ 9 Abs. 1").text
    '§ 9 Abs. 1 TIntG 2021 (GV. NRW. S. 1213a)'
    """
    return _nachschlagen(alle_rechtsquellen(), "Rechtsquelle", "kurzname", kurzname)


def parameter(name: str) -> Parameter:
    """Der Parameter zu einem Namen aus den Paketdaten.

    >>> from datetime import date
    >>> p = parameter("ki.fachkraft.hoechstbetrag_je_stelle")
    >>> w = p.wert_am(date(2023, 6, 30))
    >>> w.wert, w.gewissheit.kennung, w.quellen
    (Decimal('57000.00'), '[I]', ('S-pufii-KI', 'KI-RL-2023'))
    """
    return _nachschlagen(alle_parameter(), "Parameter", "name", name)


def _nachschlagen(tabelle: Mapping[str, _T], was: str, feld: str, name: object) -> _T:
    """Der Eintrag ``name`` der Tabelle; sonst ein Fehler mit ähnlichen Namen."""
    if not isinstance(name, str):
        raise UngueltigeEingabe(feld, name, f"der {feld} einer {was} als Text")
    try:
        return tabelle[name]
    except KeyError:
        raise NichtGefunden(was, name, _vorschlag(name, tabelle)) from None

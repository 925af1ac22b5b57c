"""Laden des Quellenkatalogs und der Parameterdateien aus den Paketdaten – streng.

Die Daten liegen als TOML im Paket (``kim_nrw/daten/``) und werden mit dem
Standardmodul ``tomllib`` beim ersten Gebrauch einmal je Prozess gelesen;
``import kim_nrw`` liest keine Datei. Jeder Fehler in einer Datei ist ein
:class:`~kim_nrw.fehler.DatenFehler`, der Datei, Schlüssel und Problem nennt:
unbekannte Schlüssel, fehlende Pflichtschlüssel, falsche Typen, Floats bei
Beträgen, ungültige Daten, Werte ohne Quelle, Quellen, die der Katalog nicht kennt,
und Zeiträume eines Parameters, die sich überschneiden.

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
    zuletzt_geprueft = 2025-10-06  # ohne: STAND_FAKTENBLATT
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
    grund = "im Faktenblatt NOT FOUND"            # Pflicht
    quellen = ["S-BASS-15147"]                    # optional: wo gesucht wurde

Ein ganz unbekannter Parameter hat statt Werten ``nicht_bekannt = "Begründung"``.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from importlib import resources
from os import PathLike
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from kim_nrw.fehler import DatenFehler, NichtGefunden, UngueltigeEingabe
from kim_nrw.recht.fassungen import zeitraeume
from kim_nrw.recht.parameter import Luecke, Parameter, Parameterart, Parameterwert, Wert
from kim_nrw.recht.quellen import (
    STAND_FAKTENBLATT,
    Gewissheit,
    Quellenart,
    Rechtsquelle,
    ist_datum,
)

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

_E = TypeVar("_E", Quellenart, Gewissheit, Parameterart)
_T = TypeVar("_T")
_BETRAG = re.compile(r"[0-9]+(\.[0-9]{1,2})?")
_DEZIMAL = re.compile(r"[0-9]+(\.[0-9]+)?")
_CENT = Decimal("0.01")


class _Tabelle:
    """Eine TOML-Tabelle mit ihrem Pfad; liest Schlüssel streng und meldet Fehler mit Ort."""

    def __init__(self, datei: str, pfad: str, daten: object, erlaubt: Iterable[str]) -> None:
        self.datei = datei
        self.pfad = pfad
        if not isinstance(daten, dict):
            raise DatenFehler(datei, pfad, f"erwartet eine Tabelle, gefunden {_typ(daten)}")
        self.daten: dict[str, object] = daten
        erlaubt = tuple(erlaubt)
        for schluessel in daten:
            if schluessel not in erlaubt:
                raise self.fehler(
                    schluessel,
                    f"unbekannter Schlüssel{_aehnlich(schluessel, erlaubt)}; "
                    f"erlaubt sind: {', '.join(erlaubt)}",
                )

    def ort(self, schluessel: str) -> str:
        return f"{self.pfad}.{schluessel}" if self.pfad else schluessel

    def fehler(self, schluessel: str, problem: str) -> DatenFehler:
        return DatenFehler(self.datei, self.ort(schluessel), problem)

    def roh(self, schluessel: str, pflicht: bool) -> object:
        if schluessel not in self.daten:
            if pflicht:
                raise self.fehler(schluessel, "Pflichtschlüssel fehlt")
            return None
        return self.daten[schluessel]

    def text(self, schluessel: str, *, pflicht: bool = False) -> str | None:
        wert = self.roh(schluessel, pflicht)
        if wert is None:
            return None
        if not isinstance(wert, str):
            raise self.fehler(schluessel, f"erwartet einen Text, gefunden {_typ(wert)}")
        return wert

    def pflicht_text(self, schluessel: str) -> str:
        wert = self.text(schluessel, pflicht=True)
        assert wert is not None
        return wert

    def datum(self, schluessel: str, *, pflicht: bool = False) -> date | None:
        wert = self.roh(schluessel, pflicht)
        if wert is None:
            return None
        if not ist_datum(wert):
            raise self.fehler(
                schluessel,
                f"erwartet ein TOML-Datum JJJJ-MM-TT ohne Uhrzeit und ohne Anführungszeichen, "
                f"gefunden {_typ(wert)} {wert!r}",
            )
        assert isinstance(wert, date)
        return wert

    def kurznamen(self, schluessel: str, *, pflicht: bool = False) -> tuple[str, ...]:
        wert = self.roh(schluessel, pflicht)
        if wert is None:
            return ()
        if not (isinstance(wert, list) and all(isinstance(k, str) for k in wert)):
            raise self.fehler(schluessel, f"erwartet eine Liste von Kurznamen, gefunden {wert!r}")
        return tuple(wert)

    def aufzaehlung(self, schluessel: str, art: type[_E], *, pflicht: bool = True) -> _E | None:
        wert = self.roh(schluessel, pflicht)
        if wert is None:
            return None
        if isinstance(wert, str):
            try:
                return art(wert)
            except ValueError:
                pass
        erlaubt = ", ".join(e.value for e in art)
        raise self.fehler(schluessel, f"{wert!r} ist unbekannt; erlaubt: {erlaubt}")

    def tabellen(self, schluessel: str) -> list[object]:
        wert = self.roh(schluessel, False)
        if wert is None:
            return []
        if not isinstance(wert, list):
            problem = f"erwartet eine Liste von Tabellen ([[{schluessel}]]), gefunden {_typ(wert)}"
            raise self.fehler(schluessel, problem)
        return wert


def _typ(wert: object) -> str:
    namen = {bool: "Wahrheitswert", int: "Ganzzahl", float: "Float", str: "Text", list: "Liste",
             dict: "Tabelle"}  # fmt: skip
    if ist_datum(wert):
        return "Datum"
    if isinstance(wert, date):
        return "Datum mit Uhrzeit"
    return namen.get(type(wert), type(wert).__name__)


def _vorschlag(wort: str, kandidaten: Iterable[str]) -> str:
    import difflib  # nur im Fehlerfall gebraucht

    treffer = difflib.get_close_matches(wort, list(kandidaten), n=3)
    return f"gemeint: {', '.join(treffer)}?" if treffer else ""


def _aehnlich(wort: str, kandidaten: Iterable[str]) -> str:
    vorschlag = _vorschlag(wort, kandidaten)
    return f" ({vorschlag})" if vorschlag else ""


def _toml(text: str, datei: str) -> dict[str, object]:
    if not isinstance(text, str):
        raise UngueltigeEingabe("text", text, "der Inhalt einer TOML-Datei als str")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as fehler:
        raise DatenFehler(datei, "(TOML-Syntax)", f"kein gültiges TOML: {fehler}") from fehler


def _baue(tabelle: _Tabelle, schluessel: str, bauer: Callable[[], _T]) -> _T:
    """Ruft den Konstruktor eines Modells und macht aus seinem Fehler einen DatenFehler."""
    try:
        return bauer()
    except UngueltigeEingabe as fehler:
        ort = schluessel or fehler.feld
        raise DatenFehler(tabelle.datei, tabelle.ort(ort), str(fehler)) from fehler


# -- Quellenkatalog -----------------------------------------------------------------------

_QUELLE_SCHLUESSEL = (
    "art", "titel", "abkuerzung", "norm", "fundstelle", "fassung_vom", "in_kraft_ab",
    "in_kraft_bis", "url", "gewissheit", "teil_von", "belege", "ersetzt", "zuletzt_geprueft",
    "anmerkung",
)  # fmt: skip


def lade_rechtsquellen(text: str, datei: str = DATEI_QUELLEN) -> Mapping[str, Rechtsquelle]:
    """Liest einen Quellenkatalog aus TOML-Text (Format: siehe Moduldoku).

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
    wurzel = _Tabelle(datei, "", _toml(text, datei), ("quelle",))
    eintraege = wurzel.roh("quelle", True)
    tabelle = _Tabelle(datei, "quelle", eintraege, eintraege if isinstance(eintraege, dict) else ())
    katalog: dict[str, Rechtsquelle] = {}
    for kurzname, daten in tabelle.daten.items():
        t = _Tabelle(datei, f"quelle[{kurzname}]", daten, _QUELLE_SCHLUESSEL)
        katalog[kurzname] = _baue(t, "", functools.partial(_rechtsquelle, t, kurzname))
    for kurzname, quelle in katalog.items():
        t = _Tabelle(datei, f"quelle[{kurzname}]", {}, ())
        if quelle.teil_von is not None and quelle.teil_von not in katalog:
            raise t.fehler("teil_von", _unbekannt(quelle.teil_von, katalog))
        for schluessel, kurznamen in (("belege", quelle.belege), ("ersetzt", quelle.ersetzt)):
            for k in kurznamen:
                if k not in katalog:
                    raise t.fehler(schluessel, _unbekannt(k, katalog))
    zeitraeume(katalog, datei)  # prüft die Ablösungen (ersetzt)
    return MappingProxyType(katalog)


def _rechtsquelle(t: _Tabelle, kurzname: str) -> Rechtsquelle:
    titel = t.pflicht_text("titel")
    art = t.aufzaehlung("art", Quellenart)
    gewissheit = t.aufzaehlung("gewissheit", Gewissheit)
    assert art is not None and gewissheit is not None
    return Rechtsquelle(
        kurzname,
        art,
        titel,
        t.text("abkuerzung") or titel,
        norm=t.text("norm"),
        fundstelle=t.text("fundstelle"),
        fassung_vom=t.datum("fassung_vom"),
        in_kraft_ab=t.datum("in_kraft_ab"),
        in_kraft_bis=t.datum("in_kraft_bis"),
        url=t.text("url"),
        zuletzt_geprueft=t.datum("zuletzt_geprueft") or STAND_FAKTENBLATT,
        gewissheit=gewissheit,
        teil_von=t.text("teil_von"),
        belege=t.kurznamen("belege"),
        ersetzt=t.kurznamen("ersetzt"),
        anmerkung=t.text("anmerkung") or "",
    )


def _unbekannt(kurzname: str, katalog: Mapping[str, Rechtsquelle]) -> str:
    return f"Quelle {kurzname!r} steht nicht im Katalog{_aehnlich(kurzname, katalog)}"


# -- Parameter ------------------------------------------------------------------------------

_DATEI_SCHLUESSEL = ("beschreibung", "parameter")
_PARAMETER_SCHLUESSEL = ("name", "beschreibung", "einheit", "art", "werte", "luecken",
                         "nicht_bekannt")  # fmt: skip
_WERT_SCHLUESSEL = ("wert", "gilt_ab", "gilt_bis", "gewissheit", "quellen", "anmerkung",
                    "zuletzt_geprueft", "belegt_bis")  # fmt: skip
_LUECKE_SCHLUESSEL = ("gilt_ab", "gilt_bis", "grund", "quellen")


def lade_parameter(
    text: str, datei: str, quellen: Mapping[str, Rechtsquelle] | None = None
) -> Mapping[str, Parameter]:
    """Liest die Parameter einer Datei aus TOML-Text (Format: siehe Moduldoku).

    ``quellen`` ist der Katalog, gegen den die Kurznamen geprüft werden; ohne ihn der
    Katalog des Pakets.
    """
    katalog = alle_rechtsquellen() if quellen is None else quellen
    wurzel = _Tabelle(datei, "", _toml(text, datei), _DATEI_SCHLUESSEL)
    wurzel.text("beschreibung")
    eintraege = wurzel.tabellen("parameter")
    if not eintraege:
        raise wurzel.fehler("parameter", "Pflichtschlüssel fehlt: mindestens ein [[parameter]]")
    ergebnis: dict[str, Parameter] = {}
    for nr, daten in enumerate(eintraege):
        p = _parameter(datei, nr, daten, katalog)
        if p.name in ergebnis:
            raise DatenFehler(datei, f"parameter[{p.name}]", "Name kommt in der Datei doppelt vor")
        ergebnis[p.name] = p
    return MappingProxyType(ergebnis)


def _parameter(
    datei: str, nr: int, daten: object, katalog: Mapping[str, Rechtsquelle]
) -> Parameter:
    t = _Tabelle(datei, f"parameter[{nr}]", daten, _PARAMETER_SCHLUESSEL)
    name = t.pflicht_text("name")
    t.pfad = f"parameter[{name}]"
    art = t.aufzaehlung("art", Parameterart)
    assert art is not None
    werte = tuple(
        _parameterwert(_Tabelle(datei, t.ort(f"werte[{i}]"), w, _WERT_SCHLUESSEL), art, katalog)
        for i, w in enumerate(t.tabellen("werte"))
    )
    luecken = tuple(
        _luecke(_Tabelle(datei, t.ort(f"luecken[{i}]"), w, _LUECKE_SCHLUESSEL), katalog)
        for i, w in enumerate(t.tabellen("luecken"))
    )
    beschreibung, einheit = t.pflicht_text("beschreibung"), t.pflicht_text("einheit")
    nicht_bekannt = t.text("nicht_bekannt") or ""
    return _baue(t, "", lambda: Parameter(
        name, beschreibung, einheit, art, werte, luecken=luecken, nicht_bekannt=nicht_bekannt
    ))  # fmt: skip


def _quellen(t: _Tabelle, katalog: Mapping[str, Rechtsquelle], *, pflicht: bool) -> tuple[str, ...]:
    kurznamen = t.kurznamen("quellen", pflicht=pflicht)
    if pflicht and not kurznamen:
        raise t.fehler("quellen", "ein Wert braucht mindestens eine Quelle")
    for kurzname in kurznamen:
        if kurzname not in katalog:
            raise t.fehler("quellen", _unbekannt(kurzname, katalog))
    return kurznamen


def _parameterwert(
    t: _Tabelle, art: Parameterart, katalog: Mapping[str, Rechtsquelle]
) -> Parameterwert:
    wert = _wert(t, art)
    gilt_ab = t.datum("gilt_ab", pflicht=True)
    gilt_bis = t.datum("gilt_bis")
    gewissheit = t.aufzaehlung("gewissheit", Gewissheit)
    quellen = _quellen(t, katalog, pflicht=True)
    anmerkung = t.text("anmerkung") or ""
    geprueft = t.datum("zuletzt_geprueft") or STAND_FAKTENBLATT
    belegt_bis = t.datum("belegt_bis")
    assert gilt_ab is not None and gewissheit is not None
    return _baue(t, "", lambda: Parameterwert(
        wert, gilt_ab, gilt_bis, gewissheit, quellen, anmerkung, geprueft, belegt_bis=belegt_bis
    ))  # fmt: skip


def _luecke(t: _Tabelle, katalog: Mapping[str, Rechtsquelle]) -> Luecke:
    gilt_ab = t.datum("gilt_ab", pflicht=True)
    gilt_bis = t.datum("gilt_bis")
    grund = t.pflicht_text("grund")
    quellen = _quellen(t, katalog, pflicht=False)
    assert gilt_ab is not None
    return _baue(t, "", lambda: Luecke(gilt_ab, gilt_bis, grund, quellen))


def _wert(t: _Tabelle, art: Parameterart) -> Wert:
    roh = t.roh("wert", True)
    if isinstance(roh, float):
        problem = f'Float {roh!r} ist verboten (Rundungsfehler); als Text schreiben, z. B. "{roh}"'
        raise t.fehler("wert", problem)
    if art in (Parameterart.BETRAG, Parameterart.VZAE, Parameterart.QUOTE):
        muster = _BETRAG if art is Parameterart.BETRAG else _DEZIMAL
        if not (isinstance(roh, str) and muster.fullmatch(roh)):
            beispiel = '"57000.00"' if art is Parameterart.BETRAG else '"0.5"'
            raise t.fehler(
                "wert",
                f"erwartet für Art {art.value} einen Text mit Ziffern und Punkt, z. B. {beispiel}, "
                f"gefunden {_typ(roh)} {roh!r}",
            )
        zahl = Decimal(roh)
        return zahl.quantize(_CENT) if art is Parameterart.BETRAG else zahl
    erwartet = art.pruefe(roh)
    if erwartet is not None:
        gefunden = f"gefunden {_typ(roh)} {roh!r}"
        raise t.fehler("wert", f"erwartet für Art {art.value} {erwartet}, {gefunden}")
    assert isinstance(roh, int | date | str)
    return roh


def lade_parameterdateien(
    dateien: Iterable[tuple[str, str]], quellen: Mapping[str, Rechtsquelle] | None = None
) -> Mapping[str, Parameter]:
    """Liest mehrere Parameterdateien (Paare aus Dateiname und Text).

    Ein Name darf in allen Dateien zusammen nur einmal vorkommen.
    """
    katalog = alle_rechtsquellen() if quellen is None else quellen
    alle: dict[str, Parameter] = {}
    herkunft: dict[str, str] = {}
    for datei, text in dateien:
        for name, p in lade_parameter(text, datei, katalog).items():
            if name in alle:
                problem = f"Name steht schon in {herkunft[name]}"
                raise DatenFehler(datei, f"parameter[{name}]", problem)
            alle[name] = p
            herkunft[name] = datei
    return MappingProxyType(dict(sorted(alle.items())))


def lade_parameterdatei(
    pfad: str | PathLike[str], quellen: Mapping[str, Rechtsquelle] | None = None
) -> Mapping[str, Parameter]:
    """Liest eine Parameterdatei von der Platte (etwa eine Testdatei) gegen den Katalog."""
    datei = Path(pfad)
    try:
        text = datei.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as fehler:
        raise DatenFehler(str(datei), "(Datei)", f"nicht lesbar: {fehler}") from fehler
    return lade_parameter(text, str(datei), quellen)


# -- Paketdaten --------------------------------------------------------------------------------


@functools.cache
def alle_rechtsquellen() -> Mapping[str, Rechtsquelle]:
    """Der Quellenkatalog des Pakets, nach Kurzname; beim ersten Aufruf einmal geladen.

    >>> alle_rechtsquellen()["AachenG"].fassung_vom
    datetime.date(2008, 2, 26)
    """
    datei = resources.files("kim_nrw").joinpath("daten", DATEI_QUELLEN)
    return lade_rechtsquellen(datei.read_text(encoding="utf-8"), f"kim_nrw/daten/{DATEI_QUELLEN}")


@functools.cache
def alle_parameter() -> Mapping[str, Parameter]:
    """Alle Parameter aller Dateien in ``kim_nrw/daten/parameter/``, nach Name geordnet.

    >>> "ki.fachkraft.hoechstbetrag_je_stelle" in alle_parameter()
    True
    """
    ordner = resources.files("kim_nrw").joinpath("daten", ORDNER_PARAMETER)
    dateien = sorted((e for e in ordner.iterdir() if e.name.endswith(".toml")), key=str)
    texte = [(f"kim_nrw/daten/{ORDNER_PARAMETER}/{e.name}", e.read_text("utf-8")) for e in dateien]
    return lade_parameterdateien(texte, alle_rechtsquellen())


def rechtsquelle(kurzname: str) -> Rechtsquelle:
    """Die Quelle zu einem Kurznamen aus dem Katalog des Pakets.

    >>> rechtsquelle("TIntG-2021").zitiere("§ 9 Abs. 1").text
    '§ 9 Abs. 1 TIntG 2021 (GV. NRW. S. 1213a)'
    """
    katalog = alle_rechtsquellen()
    if not isinstance(kurzname, str):
        raise UngueltigeEingabe("kurzname", kurzname, "der Kurzname einer Quelle als Text")
    try:
        return katalog[kurzname]
    except KeyError:
        raise NichtGefunden("Rechtsquelle", kurzname, _vorschlag(kurzname, katalog)) from None


def parameter(name: str) -> Parameter:
    """Der Parameter zu einem Namen aus den Paketdaten.

    >>> from datetime import date
    >>> p = parameter("ki.fachkraft.hoechstbetrag_je_stelle")
    >>> w = p.wert_am(date(2023, 6, 30))
    >>> w.wert, w.gewissheit.kennung, w.quellen
    (Decimal('57000.00'), '[I]', ('S-pufii-KI', 'TIntG-2021'))
    """
    alle = alle_parameter()
    if not isinstance(name, str):
        raise UngueltigeEingabe("name", name, "der Name eines Parameters als Text")
    try:
        return alle[name]
    except KeyError:
        raise NichtGefunden("Parameter", name, _vorschlag(name, alle)) from None

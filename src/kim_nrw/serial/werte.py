"""Die Blattwerte der JSON-Form: je Werttyp Laden, Schreiben, JSON Schema und Erwartung.

Eine :class:`Wertart` hält alles, was kim_nrw über die JSON-Form eines einfachen
Werts weiß, an einer Stelle beisammen: wie er gelesen wird (streng, mit den
Nachsichten der Modelle – deutsche Beträge, ``"0,5"``, ein Haushaltsjahr als
Zeitraum), wie er geschrieben wird (immer die kanonische Form), sein
JSON-Schema-Fragment und der deutsche Satz, was erwartet wird. Konverter,
Schema-Export und Fehlerberichte lesen dieselbe Tabelle; so können sie nicht
auseinanderlaufen.

Die Leser sind für die kanonische Form (die kim_nrw selbst schreibt) auf Tempo
gebaut: ein Muster, ein ``Decimal``, ein Objekt ohne zweite Prüfung. Alles
andere geht an die benannten Konstruktoren der Modelle (``Betrag.von``,
``Zeitraum.parse`` …), die auch die Fehlermeldung liefern.

>>> from kim_nrw.geld import Betrag
>>> from kim_nrw.serial.werte import wertart
>>> art = wertart(Betrag)
>>> art.lade("57.000,00 €") == art.lade("57000.00") == art.lade(57000)
True
>>> art.schreibe(art.lade("57.000,00 €"))
'57000.00'
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import inspect
import json
import re
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from decimal import Decimal
from types import MappingProxyType, MemberDescriptorType, NoneType, UnionType
from typing import Any, Final, get_args

from attrs import frozen

from kim_nrw.fehler import (
    NichtGefunden,
    UngueltigeEingabe,
    UngueltigerBetrag,
    UngueltigerSchluessel,
    UngueltigerStellenanteil,
    UngueltigerZeitraum,
    kurz,
)
from kim_nrw.gebiet import (
    AGS,
    ARS,
    Kreis,
    KreisangehoerigeGemeinde,
    KreisfreieStadt,
    Kreisschluessel,
    RBSchluessel,
    Regierungsbezirk,
    register,
)
from kim_nrw.gebiet.schluessel import hat_schluesselform
from kim_nrw.geld import BETRAG_MAX, Betrag, Stellenanteil
from kim_nrw.recht import Parameterart
from kim_nrw.zeit import HAUSHALTSJAHR_MAX, HAUSHALTSJAHR_MIN, Haushaltsjahr, Zeitraum

__all__ = [
    "PARAMETERART",
    "Wertart",
    "ganz",
    "json_kurz",
    "kommunalschluessel",
    "slot_setzer",
    "wertart",
    "wertarten",
]

_neu = object.__new__


def slot_setzer(klasse: type, name: str) -> Callable[[object, object], None]:
    """Setzt das Feld ``name`` eines Objekts von ``klasse`` direkt im Slot.

    Für Objekte, die der Leser ohne ``__init__`` anlegt, weil er ihre Werte schon
    geprüft hat. Der Slot-Deskriptor ist etwa doppelt so schnell wie
    ``object.__setattr__``; ohne Slot (keine ``slots=True``-Klasse) dient dieses.
    """
    deskriptor = inspect.getattr_static(klasse, name, None)
    if isinstance(deskriptor, MemberDescriptorType):
        setzer: Callable[[object, object], None] = deskriptor.__set__
        return setzer
    return lambda objekt, wert: object.__setattr__(objekt, name, wert)


_betrag_wert = slot_setzer(Betrag, "wert")
_anteil_wert = slot_setzer(Stellenanteil, "wert")
_zeitraum_beginn = slot_setzer(Zeitraum, "beginn")
_zeitraum_ende = slot_setzer(Zeitraum, "ende")
_ags_wert = slot_setzer(AGS, "wert")
_kreis_wert = slot_setzer(Kreisschluessel, "wert")

# Ein Ganzzahl-Literal aus JSON hat höchstens 4300 Ziffern (Grenze von int(str));
# Python-Aufrufer können größere übergeben. repr() solcher Zahlen wirft ValueError,
# deshalb ersetzen die Leser sie vor jeder Meldung durch eine Beschreibung.
_GROSSE_ZAHL_BITS = 256


def ganz(muster: str) -> str:
    """Verankert ein Muster für JSON Schema am Anfang und am wirklichen Ende des Texts.

    ``$`` passt in Python (und damit im Paket ``jsonschema``) auch vor einem
    abschließenden Zeilenumbruch; ``(?![\\s\\S])`` heißt in Python wie in
    ECMA-262 „hier endet der Text“.

    >>> import re
    >>> from kim_nrw.serial.werte import ganz
    >>> bool(re.search(ganz("[0-9]{2}"), "05")), bool(re.search(ganz("[0-9]{2}"), "05\\n"))
    (True, False)
    """
    return f"^(?:{muster})(?![\\s\\S])"


def _zahl_text(wert: int) -> str:
    return f"<Ganzzahl mit etwa {int(wert.bit_length() * 0.30103) + 1} Ziffern>"


def _sicher(wert: object) -> object:
    """``wert`` oder eine kurze Darstellung, die sich gefahrlos zeigen lässt.

    Riesige Ganzzahlen und (womöglich tief verschachtelte) Behälter werden vor der
    Fehlermeldung ersetzt, denn ``repr()`` scheitert an beiden.
    """
    if isinstance(wert, int) and wert.bit_length() > _GROSSE_ZAHL_BITS:
        return _zahl_text(wert)
    if isinstance(wert, dict | list | tuple):
        return json_kurz(wert)
    return wert


def json_kurz(wert: object, laenge: int = 60) -> str:
    """Zeigt einen (JSON-)Wert als kurzen JSON-Text für Fehlerberichte.

    Verträgt alles: tiefe Verschachtelung, riesige Zahlen, NaN, Megabyte-Texte.

    >>> from kim_nrw.serial.werte import json_kurz
    >>> json_kurz({"anteil": "2", "funktion": "x"})
    '{"anteil": "2", "funktion": "x"}'
    >>> json_kurz("x" * 1000, 20)
    '"xxxxxxxxxxxxx…(1002 Zeichen)'
    """
    text = _json_teil(wert, 0, laenge + 20)
    if len(text) <= laenge:
        return text
    gesamt = _json_laenge(wert)
    return f"{text[: laenge - 6]}…({gesamt} Zeichen)" if gesamt else f"{text[: laenge - 1]}…"


def _json_laenge(wert: object) -> int | None:
    if isinstance(wert, str):
        return len(wert) + 2
    return None


def _json_teil(wert: object, tiefe: int, budget: int) -> str:
    if wert is None or isinstance(wert, bool):
        return json.dumps(wert)
    if isinstance(wert, int):
        return _zahl_text(wert) if wert.bit_length() > _GROSSE_ZAHL_BITS else str(wert)
    if isinstance(wert, float):
        return repr(wert).replace("nan", "NaN").replace("inf", "Infinity")
    if isinstance(wert, str):
        return json.dumps(wert[: budget + 1], ensure_ascii=False)
    if isinstance(wert, dict | list) and tiefe > 4:
        return "{…}" if isinstance(wert, dict) else "[…]"
    if isinstance(wert, dict):
        teile: list[str] = []
        laenge = 0
        for schluessel, inhalt in wert.items():
            if laenge > budget:
                teile.append("…")
                break
            name = _json_teil(schluessel, tiefe + 1, budget)
            teil = f"{name}: {_json_teil(inhalt, tiefe + 1, budget)}"
            teile.append(teil)
            laenge += len(teil) + 2
        return "{" + ", ".join(teile) + "}"
    if isinstance(wert, list):
        teile = []
        laenge = 0
        for inhalt in wert:
            if laenge > budget:
                teile.append("…")
                break
            teil = _json_teil(inhalt, tiefe + 1, budget)
            teile.append(teil)
            laenge += len(teil) + 2
        return "[" + ", ".join(teile) + "]"
    try:
        return kurz(wert, budget)
    except Exception:
        return f"<{type(wert).__name__}>"


@frozen
class Wertart:
    """Die JSON-Form eines Werttyps: lesen, schreiben, Schema, Erwartung.

    :param typ: der Python-Typ (oder die Vereinigung), den die Wertart beschreibt.
    :param lade: JSON-Wert → Python-Wert; wirft einen Fehler von kim_nrw.
    :param schreibe: Python-Wert → JSON-Wert in kanonischer Form.
    :param schema: das JSON-Schema-Fragment (Draft 2020-12) für die *Eingabe*.
    :param erwartet: deutscher Satz, was erwartet wird (für fehlende Felder).
    """

    typ: object
    lade: Callable[[Any], Any]
    schreibe: Callable[[Any], Any]
    schema: Mapping[str, object]
    erwartet: str


# -- Texte, Wahrheitswerte, Ganzzahlen, Daten ------------------------------------------


def _lade_text(wert: object) -> str:
    if wert.__class__ is str:
        return wert
    raise UngueltigeEingabe("Text", _sicher(wert), "ein Text (JSON-String)")


def _lade_wahrheitswert(wert: object) -> bool:
    if wert is True or wert is False:
        return wert
    raise UngueltigeEingabe("Wahrheitswert", _sicher(wert), "true oder false")


def _lade_ganzzahl(wert: object) -> int:
    if wert.__class__ is int:
        return wert
    raise UngueltigeEingabe(
        "Ganzzahl", _sicher(wert), "eine ganze Zahl ohne Dezimalpunkt (kein true/false)"
    )


_DATUM_MUSTER = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
_datum_form = re.compile(_DATUM_MUSTER, re.ASCII).fullmatch
_DATUM_ERWARTET = 'ein Kalendertag JJJJ-MM-TT (ISO 8601), z. B. "2021-01-15"'
_fromisoformat = dt.date.fromisoformat


def _lade_datum(wert: object) -> dt.date:
    if wert.__class__ is str and _datum_form(wert):
        try:
            return _fromisoformat(wert)
        except ValueError:
            pass
    raise UngueltigeEingabe("Datum", _sicher(wert), _DATUM_ERWARTET)


def _schreibe_datum(wert: dt.date) -> str:
    return f"{wert.year:04d}-{wert.month:02d}-{wert.day:02d}"


_DATUM_SCHEMA: Mapping[str, object] = {
    "type": "string",
    "format": "date",
    "pattern": ganz(_DATUM_MUSTER),
}


def _lade_nachweis(wert: object) -> dt.date | bool:
    if wert is True or wert is False:
        return wert
    if wert.__class__ is str and _datum_form(wert):
        try:
            return _fromisoformat(wert)
        except ValueError:
            pass
    raise UngueltigeEingabe(
        "Nachweis",
        _sicher(wert),
        "ein Datum JJJJ-MM-TT (liegt vor seit), true (liegt vor), false (liegt nicht vor) "
        "oder null (unbekannt)",
    )


def _schreibe_nachweis(wert: dt.date | bool) -> object:
    return wert if isinstance(wert, bool) else _schreibe_datum(wert)


# -- Geld ------------------------------------------------------------------------------

_BETRAG_TECHNISCH = r"(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,2})?"
_BETRAG_DEUTSCH = r"(?:0|[1-9][0-9]{0,2}(?:\.[0-9]{3}){1,4}|[1-9][0-9]{0,14})(?:,[0-9]{1,2})?"
_EURO = r"(?:[ \u00a0\u202f]?(?:\u20ac|EUR))?"
_betrag_kanonisch = re.compile(r"(?:0|[1-9][0-9]{0,14})\.[0-9]{2}", re.ASCII).fullmatch
_BETRAG_ERWARTET = (
    'ein Eurobetrag ≥ 0 mit höchstens zwei Nachkommastellen als Text ("57000.00" oder '
    '"57.000,00 €") oder als ganze Zahl (57000); nie eine Zahl mit Dezimalpunkt'
)


def _lade_betrag(wert: object) -> Betrag:
    if wert.__class__ is str and _betrag_kanonisch(wert):
        # Genau die Form, die kim_nrw schreibt: zwei Stellen, höchstens BETRAG_MAX.
        betrag = _neu(Betrag)
        _betrag_wert(betrag, Decimal(wert))
        return betrag
    if isinstance(wert, float):
        raise UngueltigerBetrag(
            "Betrag",
            wert,
            "keine Zahl mit Dezimalpunkt (Gleitkommazahlen sind nicht centgenau): "
            'den Betrag als Text schreiben, z. B. "57000.50"',
        )
    if isinstance(wert, int | str | Decimal) and not isinstance(wert, bool):
        try:
            return Betrag.von(_sicher(wert))  # type: ignore[arg-type]
        except UngueltigerBetrag as fehler:
            if "Decimal" not in fehler.erwartet:
                raise  # eine genaue Meldung (negativ, zu groß …) bleibt
    raise UngueltigerBetrag("Betrag", _sicher(wert), _BETRAG_ERWARTET)


def _schreibe_betrag(wert: Betrag) -> str:
    return format(wert.wert, "f")


_BETRAG_SCHEMA: Mapping[str, object] = {
    "anyOf": [
        {
            "type": "string",
            "pattern": ganz(f"(?:{_BETRAG_TECHNISCH}|{_BETRAG_DEUTSCH}){_EURO}"),
        },
        {"type": "integer", "minimum": 0, "maximum": int(BETRAG_MAX)},
    ],
    "description": 'Eurobetrag; geschrieben wird immer die Form "57000.00".',
}

_anteil_kanonisch = re.compile(r"1|0\.[0-9]{0,5}[1-9]", re.ASCII).fullmatch
_ANTEIL_ERWARTET = (
    "ein Stellenanteil (VZÄ) mit 0 < x ≤ 1 und höchstens sechs Nachkommastellen als Text "
    '("0.5" oder "0,5") oder die ganze Zahl 1'
)


def _lade_stellenanteil(wert: object) -> Stellenanteil:
    if wert.__class__ is str and _anteil_kanonisch(wert):
        anteil = _neu(Stellenanteil)
        _anteil_wert(anteil, Decimal(wert))
        return anteil
    if isinstance(wert, float):
        raise UngueltigerStellenanteil(
            "Stellenanteil",
            wert,
            'keine Zahl mit Dezimalpunkt: den Anteil als Text schreiben, z. B. "0.5"',
        )
    if isinstance(wert, int | str | Decimal) and not isinstance(wert, bool):
        try:
            return Stellenanteil.von(_sicher(wert))  # type: ignore[arg-type]
        except UngueltigerStellenanteil:
            pass  # die Meldung des Modells spricht Python; hier die für JSON
    raise UngueltigerStellenanteil("Stellenanteil", _sicher(wert), _ANTEIL_ERWARTET)


def _schreibe_stellenanteil(wert: Stellenanteil) -> str:
    # kanonisch: ohne überflüssige Nullen (0.50 → "0.5", 1.000 → "1")
    return format(wert.wert.normalize(), "f")


_ANTEIL_SCHEMA: Mapping[str, object] = {
    "anyOf": [
        {
            "type": "string",
            "pattern": ganz(r"1(?:[.,]0{1,6})?|0[.,](?=[0-9]{0,5}[1-9])[0-9]{1,6}"),
        },
        {"type": "integer", "minimum": 1, "maximum": 1},
    ],
    "description": 'Stellenanteil in VZÄ, 0 < x ≤ 1; geschrieben wird "0.5" bzw. "1".',
}

# -- Zeit ------------------------------------------------------------------------------

_INTERVALL_MUSTER = f"{_DATUM_MUSTER}/{_DATUM_MUSTER}"
_intervall_form = re.compile(_INTERVALL_MUSTER, re.ASCII).fullmatch
_ZEITRAUM_ERWARTET = (
    "ein Zeitraum als ISO-8601-Intervall JJJJ-MM-TT/JJJJ-MM-TT (beide Tage eingeschlossen) "
    f"oder ein Haushaltsjahr JJJJ ({HAUSHALTSJAHR_MIN}..{HAUSHALTSJAHR_MAX})"
)


def _lade_zeitraum(wert: object) -> Zeitraum:
    if wert.__class__ is str:
        text: str = wert
        if _intervall_form(text):
            try:
                beginn, ende = _fromisoformat(text[:10]), _fromisoformat(text[11:])
            except ValueError:
                return Zeitraum.parse(text)  # meldet den ungültigen Kalendertag
            if beginn <= ende:
                zeitraum = _neu(Zeitraum)
                _zeitraum_beginn(zeitraum, beginn)
                _zeitraum_ende(zeitraum, ende)
                return zeitraum
            return Zeitraum(beginn, ende)  # meldet: Beginn nach dem Ende
        if len(text) == 4:
            return Haushaltsjahr.parse(text).zeitraum
    raise UngueltigerZeitraum("Zeitraum", _sicher(wert), _ZEITRAUM_ERWARTET)


_HAUSHALTSJAHR_MUSTER = "20[0-9]{2}|2100"
assert (HAUSHALTSJAHR_MIN, HAUSHALTSJAHR_MAX) == (2000, 2100), "Muster anpassen"

_ZEITRAUM_SCHEMA: Mapping[str, object] = {
    "type": "string",
    "pattern": ganz(f"{_INTERVALL_MUSTER}|{_HAUSHALTSJAHR_MUSTER}"),
    "description": (
        "ISO-8601-Intervall JJJJ-MM-TT/JJJJ-MM-TT (gültige Kalendertage, Beginn ≤ Ende) "
        "oder ein Haushaltsjahr JJJJ; geschrieben wird immer das Intervall."
    ),
}


def _lade_haushaltsjahr(wert: object) -> Haushaltsjahr:
    if wert.__class__ is str:
        return Haushaltsjahr.parse(wert)
    raise UngueltigerZeitraum(
        "Haushaltsjahr",
        _sicher(wert),
        f"ein Haushaltsjahr als Text JJJJ ({HAUSHALTSJAHR_MIN}..{HAUSHALTSJAHR_MAX})",
    )


# -- Schlüssel und Kommunen ------------------------------------------------------------

_SCHLUESSELARTEN: tuple[type[AGS | ARS | Kreisschluessel | RBSchluessel], ...] = (
    AGS,
    ARS,
    Kreisschluessel,
    RBSchluessel,
)


def _schluessel_wertart(art: type[AGS | ARS | Kreisschluessel | RBSchluessel]) -> Wertart:
    erwartet = (
        f"{art.LAENGE} Ziffern 0-9 ({art.BESCHREIBUNG}), beginnend mit 05 (NRW) und der "
        "Ziffer eines Regierungsbezirks (1, 3, 5, 7 oder 9)"
    )

    laenge = art.LAENGE
    setze = slot_setzer(art, "wert")

    def lade(wert: object) -> object:
        if wert.__class__ is str:
            if hat_schluesselform(wert, laenge):
                # die Prüfung des Validators, ohne den Umweg über attrs-__init__
                schluessel = _neu(art)
                setze(schluessel, wert)
                return schluessel
            return art.parse(wert)  # meldet, was nicht passt
        raise art.FEHLER(art.__name__, _sicher(wert), f"ein Text aus {erwartet}")

    return Wertart(
        art,
        lade,
        str,
        {
            "type": "string",
            "minLength": art.LAENGE,
            "maxLength": art.LAENGE,
            "pattern": ganz(f"05[13579][0-9]{{{art.LAENGE - 3}}}"),
        },
        f"ein {art.__name__}: {erwartet}",
    )


_KOMMUNALSCHLUESSEL_ERWARTET = (
    'der Schlüssel einer Kommune in NRW: Kreisschlüssel (5 Ziffern, z. B. "05370") oder '
    'AGS (8 Ziffern, z. B. "05370004")'
)


def _lade_kommunalschluessel(wert: object) -> AGS | Kreisschluessel:
    if wert.__class__ is str:
        if wert in _registerschluessel():
            # Ein Schlüssel aus dem Register hat die geprüfte Form.
            if len(wert) == 5:
                kreis: Kreisschluessel = _neu(Kreisschluessel)
                _kreis_wert(kreis, wert)
                return kreis
            ags: AGS = _neu(AGS)
            _ags_wert(ags, wert)
            return ags
        if len(wert) == 5:
            return Kreisschluessel.parse(wert)
        if len(wert) == 8:
            return AGS.parse(wert)
    raise UngueltigerSchluessel("Schlüssel", _sicher(wert), _KOMMUNALSCHLUESSEL_ERWARTET)


@functools.cache
def kommunalschluessel() -> tuple[str, ...]:
    """Alle Schlüssel, unter denen das Register eine Kommune findet (5 und 8 Ziffern), sortiert.

    Kreisfreie Städte stehen zweimal darin: mit AGS und mit Kreisschlüssel.

    >>> from kim_nrw.serial.werte import kommunalschluessel
    >>> "05370" in kommunalschluessel(), "05315" in kommunalschluessel()
    (True, True)
    """
    schluessel: set[str] = set()
    for einheit in register().einheiten:
        if isinstance(einheit, KreisfreieStadt):
            schluessel.add(einheit.kreisschluessel.wert)
        if not isinstance(einheit, Regierungsbezirk):
            schluessel.add(str(einheit.schluessel))
    return tuple(sorted(schluessel))


@functools.cache
def _registerschluessel() -> frozenset[str]:
    return frozenset(kommunalschluessel())


def _kommunen_wertart(typ: object, arten: tuple[type, ...], name: str) -> Wertart:
    erwartet = f"der Schlüssel einer {name} in NRW (Gebietsregister, Gebietsstand 30.11.2021)"

    def lade(wert: object) -> object:
        if wert.__class__ is not str:
            raise UngueltigerSchluessel("Schlüssel", _sicher(wert), erwartet)
        einheit = register().nach_schluessel(wert)
        if not isinstance(einheit, arten):
            raise NichtGefunden(name, wert, f"der Schlüssel gehört zu {einheit.name}")
        return einheit

    def schema() -> Mapping[str, object]:
        werte = sorted(
            {
                s
                for e in register().einheiten
                if isinstance(e, arten)
                for s in (
                    (str(e.schluessel), e.kreisschluessel.wert)
                    if isinstance(e, KreisfreieStadt)
                    else (str(e.schluessel),)
                )
            }
        )
        return {
            "type": "string",
            "description": f"Schlüssel einer {name} aus dem Gebietsregister (Gebietsstand "
            "30.11.2021); kreisfreie Städte mit AGS oder Kreisschlüssel.",
            "enum": werte,
        }

    return Wertart(typ, lade, lambda e: str(e.schluessel), _Verzoegert(schema), erwartet)


class _Verzoegert(Mapping[str, object]):
    """Ein Schema-Fragment, das erst beim ersten Lesen entsteht (das Register nicht beim Import)."""

    def __init__(self, bauer: Callable[[], Mapping[str, object]]) -> None:
        self._bauer = functools.cache(bauer)

    def __getitem__(self, schluessel: str) -> object:
        return self._bauer()[schluessel]

    def __iter__(self) -> Any:
        return iter(self._bauer())

    def __len__(self) -> int:
        return len(self._bauer())


# -- Parameterwerte ----------------------------------------------------------------------

PARAMETERART: Final[ContextVar[Parameterart | None]] = ContextVar("PARAMETERART", default=None)
"""Die Art des Parameters, dessen Werte gerade gelesen werden (setzt der Konverter).

Ein Parameterwert ist je nach Art ein Betrag, ein Dezimalwert, eine Anzahl, ein
Datum oder ein Text; in JSON sehen Betrag, Datum und Text gleich aus (Strings).
Deshalb liest der Konverter zuerst ``art`` und dann die Werte.
"""

_PARAMETER_BETRAG = re.compile(r"([0-9]+)(?:\.([0-9]{1,2}))?", re.ASCII).fullmatch
_PARAMETER_DEZIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?", re.ASCII).fullmatch
_PARAMETER_QUOTE = re.compile(r"0+(?:\.[0-9]+)?|0*1(?:\.0+)?", re.ASCII).fullmatch
_PARAMETER_LAENGE = 100


def _lade_parameterwert(wert: object) -> Decimal | int | dt.date | str:
    art = PARAMETERART.get()
    if art is None:
        return _lade_parameterwert_ohne_art(wert)
    erwartet = _PARAMETERWERT_ERWARTET[art]
    if art in (Parameterart.BETRAG, Parameterart.VZAE, Parameterart.QUOTE):
        if wert.__class__ is str and len(wert) <= _PARAMETER_LAENGE:
            text: str = wert
            if art is Parameterart.BETRAG:
                treffer = _PARAMETER_BETRAG(text)
                if treffer:
                    ganz_teil, cent = treffer.groups()
                    return Decimal(f"{ganz_teil}.{(cent or '').ljust(2, '0')}")
            elif (_PARAMETER_QUOTE if art is Parameterart.QUOTE else _PARAMETER_DEZIMAL)(text):
                return Decimal(text)
        raise UngueltigeEingabe("wert", _sicher(wert), erwartet)
    if art is Parameterart.ANZAHL:
        if wert.__class__ is int and wert >= 0:
            return wert
        raise UngueltigeEingabe("wert", _sicher(wert), erwartet)
    if art is Parameterart.DATUM:
        try:
            return _lade_datum(wert)
        except UngueltigeEingabe:
            raise UngueltigeEingabe("wert", _sicher(wert), erwartet) from None
    if wert.__class__ is str and wert and wert == wert.strip():
        return wert
    raise UngueltigeEingabe("wert", _sicher(wert), erwartet)


def _lade_parameterwert_ohne_art(wert: object) -> Decimal | int | dt.date | str:
    """Ohne gültige Art des Parameters (die dann selbst gemeldet wird): nach der Form."""
    if wert.__class__ is int:
        return wert
    if wert.__class__ is str:
        text: str = wert
        if _datum_form(text):
            try:
                return _fromisoformat(text)
            except ValueError:
                return text
        if len(text) <= _PARAMETER_LAENGE and _PARAMETER_DEZIMAL(text):
            return Decimal(text)
        return text
    raise UngueltigeEingabe(
        "wert", _sicher(wert), "ein Text (Betrag, Dezimalwert, Datum oder Text) oder eine Ganzzahl"
    )


def _schreibe_parameterwert(wert: object) -> object:
    if isinstance(wert, Decimal):
        return format(wert, "f")
    if isinstance(wert, dt.date):
        return _schreibe_datum(wert)
    return wert


_TEXT_OHNE_RAND = r"\S(?:[\s\S]*\S)?"
_PARAMETERWERT_SCHEMA: Mapping[Parameterart, Mapping[str, object]] = MappingProxyType(
    {
        Parameterart.BETRAG: {
            "type": "string",
            "maxLength": _PARAMETER_LAENGE,
            "pattern": ganz(r"[0-9]+(?:\.[0-9]{1,2})?"),
        },
        Parameterart.VZAE: {
            "type": "string",
            "maxLength": _PARAMETER_LAENGE,
            "pattern": ganz(r"[0-9]+(?:\.[0-9]+)?"),
        },
        Parameterart.QUOTE: {
            "type": "string",
            "maxLength": _PARAMETER_LAENGE,
            "pattern": ganz(r"0+(?:\.[0-9]+)?|0*1(?:\.0+)?"),
        },
        Parameterart.ANZAHL: {"type": "integer", "minimum": 0},
        Parameterart.DATUM: _DATUM_SCHEMA,
        Parameterart.TEXT: {"type": "string", "pattern": ganz(_TEXT_OHNE_RAND)},
    }
)
"""Das Schema eines Parameterwerts je Art (der Schema-Export setzt es mit if/then ein)."""

_PARAMETERWERT_ERWARTET: Mapping[Parameterart, str] = MappingProxyType(
    {
        Parameterart.BETRAG: "für Art betrag ein Text mit Ziffern und höchstens zwei "
        'Nachkommastellen, z. B. "57000.00"',
        Parameterart.VZAE: 'für Art vzae ein Dezimaltext ≥ 0, z. B. "0.5"',
        Parameterart.QUOTE: 'für Art quote ein Dezimaltext zwischen 0 und 1, z. B. "0.90"',
        Parameterart.ANZAHL: "für Art anzahl eine ganze Zahl ≥ 0",
        Parameterart.DATUM: f"für Art datum {_DATUM_ERWARTET}",
        Parameterart.TEXT: "für Art text ein nicht leerer Text ohne Rand-Leerzeichen",
    }
)


def parameterwert_schema(art: Parameterart) -> Mapping[str, object]:
    """Das JSON-Schema-Fragment eines Parameterwerts der Art ``art``."""
    return _PARAMETERWERT_SCHEMA[art]


# -- Aufzählungen ----------------------------------------------------------------------


@functools.cache
def _aufzaehlung(art: type[enum.Enum]) -> Wertart:
    nach_wert = {e.value: e for e in art}
    werte = list(nach_wert)
    erwartet = "einer der Werte " + ", ".join(json.dumps(w, ensure_ascii=False) for w in werte)

    def lade(wert: object) -> enum.Enum:
        try:
            return nach_wert[wert]
        except (KeyError, TypeError):  # TypeError: Liste oder Objekt als Schlüssel
            raise UngueltigeEingabe(art.__name__, _sicher(wert), erwartet) from None

    return Wertart(art, lade, _enum_wert, {"enum": werte}, erwartet)


def _enum_wert(e: enum.Enum) -> object:
    return e.value


# -- Tabelle ---------------------------------------------------------------------------

_NACHWEIS = dt.date | bool


def _tabelle() -> dict[object, Wertart]:
    arten = [
        Wertart(str, _lade_text, str, {"type": "string"}, "ein Text"),
        Wertart(bool, _lade_wahrheitswert, bool, {"type": "boolean"}, "true oder false"),
        Wertart(int, _lade_ganzzahl, int, {"type": "integer"}, "eine ganze Zahl"),
        Wertart(dt.date, _lade_datum, _schreibe_datum, _DATUM_SCHEMA, _DATUM_ERWARTET),
        Wertart(
            _NACHWEIS,
            _lade_nachweis,
            _schreibe_nachweis,
            {"anyOf": [_DATUM_SCHEMA, {"type": "boolean"}]},
            "ein Datum JJJJ-MM-TT, true oder false",
        ),
        Wertart(Betrag, _lade_betrag, _schreibe_betrag, _BETRAG_SCHEMA, _BETRAG_ERWARTET),
        Wertart(
            Stellenanteil,
            _lade_stellenanteil,
            _schreibe_stellenanteil,
            _ANTEIL_SCHEMA,
            _ANTEIL_ERWARTET,
        ),
        Wertart(Zeitraum, _lade_zeitraum, str, _ZEITRAUM_SCHEMA, _ZEITRAUM_ERWARTET),
        Wertart(
            Haushaltsjahr,
            _lade_haushaltsjahr,
            str,
            {"type": "string", "pattern": ganz(_HAUSHALTSJAHR_MUSTER)},
            f"ein Haushaltsjahr JJJJ ({HAUSHALTSJAHR_MIN}..{HAUSHALTSJAHR_MAX})",
        ),
        Wertart(
            AGS | Kreisschluessel,
            _lade_kommunalschluessel,
            str,
            {
                "type": "string",
                "minLength": 5,
                "maxLength": 8,
                "pattern": ganz("05[13579][0-9]{2}(?:[0-9]{3})?"),
            },
            _KOMMUNALSCHLUESSEL_ERWARTET,
        ),
        Wertart(
            Decimal | int | dt.date | str,
            _lade_parameterwert,
            _schreibe_parameterwert,
            {"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 0}]},
            "ein Parameterwert passend zur Art des Parameters",
        ),
        _kommunen_wertart(
            Kreis | KreisfreieStadt | KreisangehoerigeGemeinde,
            (Kreis, KreisfreieStadt, KreisangehoerigeGemeinde),
            "Kommune",
        ),
        _kommunen_wertart(Kreis, (Kreis,), "Kreis"),
        _kommunen_wertart(KreisfreieStadt, (KreisfreieStadt,), "kreisfreien Stadt"),
        _kommunen_wertart(
            KreisangehoerigeGemeinde, (KreisangehoerigeGemeinde,), "kreisangehörigen Gemeinde"
        ),
        _kommunen_wertart(Regierungsbezirk, (Regierungsbezirk,), "Regierungsbezirk"),
    ]
    arten.extend(_schluessel_wertart(a) for a in _SCHLUESSELARTEN)
    return {a.typ: a for a in arten}


_WERTARTEN: Final[Mapping[object, Wertart]] = MappingProxyType(_tabelle())


def wertarten() -> Mapping[object, Wertart]:
    """Alle Wertarten außer Aufzählungen, nach Typ (Aufzählungen: :func:`wertart`)."""
    return _WERTARTEN


def wertart(typ: object) -> Wertart | None:
    """Die Wertart zu ``typ`` (auch jede ``enum.Enum``), oder ``None`` für Modelle und Folgen.

    >>> from kim_nrw.programme import Programmteil
    >>> from kim_nrw.serial.werte import wertart
    >>> wertart(Programmteil).lade("KIM.B2")
    <Programmteil.KIM_B2: 'KIM.B2'>
    """
    art = _WERTARTEN.get(typ)
    if art is not None:
        return art
    if isinstance(typ, type) and issubclass(typ, enum.Enum):
        return _aufzaehlung(typ)
    return None


def ohne_none(typ: object) -> tuple[object, bool]:
    """Zerlegt ``X | None`` in ``(X, True)``; andere Typen in ``(typ, False)``."""
    if isinstance(typ, UnionType):
        teile = [t for t in get_args(typ) if t is not NoneType]
        if len(teile) < len(get_args(typ)):
            rest: object = teile[0]
            for t in teile[1:]:
                rest = rest | t
            return rest, True
    return typ, False

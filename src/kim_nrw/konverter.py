"""Der eine Konverter von kim_nrw: JSON-Werte und TOML-Daten werden streng zu Modellen.

Ein :class:`cattrs.Converter` ohne Nachsicht bei unbekannten Schlüsseln
(``forbid_extra_keys``) und ohne stille Umwandlung (``"3"`` wird keine Zahl, ``1`` kein
Wahrheitswert). Werttypen bringen ihre Textform selbst mit: wer eine Klassenmethode
``from_json`` und eine Methode ``to_json`` hat, wird über sie gelesen und geschrieben
(die Strategie ``use_class_methods`` von cattrs). Die Paketdaten (TOML) lesen
:func:`lies_toml`; JSON-Dokumente liest :mod:`kim_nrw.serial` mit demselben Konverter.

>>> import datetime as dt
>>> from attrs import frozen
>>> from kim_nrw.konverter import lies_toml
>>> @frozen
... class Eintrag:
...     name: str
...     ab: dt.date
>>> lies_toml(Eintrag, 'name = "x"\\nab = 2022-01-01', "beispiel.toml")
Eintrag(name='x', ab=datetime.date(2022, 1, 1))
>>> lies_toml(Eintrag, 'name = "x"\\nab = "2022-01-01"\\nbis = 1', "beispiel.toml")
Traceback (most recent call last):
kim_nrw.fehler.DatenFehler: beispiel.toml: ab: ungültig; erwartet: ein TOML-Datum JJJJ-MM-TT (ohne Anführungszeichen, ohne Uhrzeit)
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from typing import Any, TypeVar

import cattrs
from cattrs.strategies import use_class_methods

from kim_nrw.fehler import DatenFehler, UngueltigeEingabe
from kim_nrw.validatoren import ist_datum

__all__ = ["json_konverter", "lies_toml", "toml_konverter"]

_T = TypeVar("_T")


def _streng(typ: type, erwartet: str) -> Any:
    def hook(wert: object, _typ: object) -> object:
        if type(wert) is not typ:
            raise UngueltigeEingabe(typ.__name__, wert, erwartet)
        return wert

    return hook


def _folge(konverter: cattrs.Converter) -> Any:
    def fabrik(typ: Any) -> Any:
        (element, _) = typ.__args__
        innen = konverter.get_structure_hook(element)

        def hook(wert: object, _typ: object) -> tuple[object, ...]:
            if not isinstance(wert, list):
                raise UngueltigeEingabe("Liste", wert, "eine Liste")
            return tuple(innen(e, element) for e in wert)

        return hook

    return fabrik


def _ist_folge(typ: Any) -> bool:
    """Ob ``typ`` ein ``tuple[X, ...]`` ist."""
    args: tuple[object, ...] = getattr(typ, "__args__", ())
    return getattr(typ, "__origin__", None) is tuple and args[1:] == (Ellipsis,)


def _basis() -> cattrs.Converter:
    k = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    k.register_structure_hook(str, _streng(str, "ein Text"))
    k.register_structure_hook(bool, _streng(bool, "true oder false"))
    k.register_structure_hook(int, _streng(int, "eine ganze Zahl"))
    k.register_structure_hook_factory(_ist_folge, _folge(k))
    use_class_methods(k, "from_json", "to_json")
    return k


def _toml_datum(wert: object, _typ: object) -> dt.date:
    if ist_datum(wert):
        return wert  # type: ignore[return-value]
    raise UngueltigeEingabe(
        "Datum", wert, "ein TOML-Datum JJJJ-MM-TT (ohne Anführungszeichen, ohne Uhrzeit)"
    )


@functools.cache
def toml_konverter() -> cattrs.Converter:
    """Der Konverter für die Paketdaten: TOML liefert Daten schon als ``datetime.date``."""
    k = _basis()
    k.register_structure_hook(dt.date, _toml_datum)
    return k


@functools.cache
def json_konverter() -> cattrs.Converter:
    """Der Konverter für JSON-Werte: Daten als ISO-Text ``JJJJ-MM-TT``."""
    k = _basis()
    k.register_structure_hook(dt.date, _json_datum)
    k.register_unstructure_hook(dt.date, dt.date.isoformat)
    return k


def _json_datum(wert: object, _typ: object) -> dt.date:
    if isinstance(wert, str) and len(wert) == 10 and wert[4] == "-" and wert[7] == "-":
        try:
            return dt.date.fromisoformat(wert)
        except ValueError:
            pass
    raise UngueltigeEingabe("Datum", wert, 'ein Kalendertag JJJJ-MM-TT, z. B. "2021-01-15"')


def _meldungen(fehler: BaseException) -> list[tuple[str, str]]:
    """(Pfad, Meldung) je Problem aus einem Fehler von cattrs."""
    ergebnis: list[tuple[str, str]] = []
    for zeile in cattrs.transform_error(fehler, path="$", format_exception=_format):
        meldung, _, pfad = zeile.rpartition(" @ ")
        ergebnis.append((pfad, meldung))
    return ergebnis


def _format(fehler: BaseException, _typ: object) -> str:
    if isinstance(fehler, UngueltigeEingabe):
        return f"ungültig; erwartet: {fehler.erwartet}"
    if isinstance(fehler, KeyError):
        return "Pflichtschlüssel fehlt"
    if isinstance(fehler, cattrs.ForbiddenExtraKeysError):
        return f"unbekannte Schlüssel: {', '.join(sorted(map(str, fehler.extra_fields)))}"
    return str(fehler) or type(fehler).__name__


def lies_toml(typ: type[_T], text: str, datei: str) -> _T:
    """Liest TOML-Text streng in ein Modell; jeder Fehler ist ein :class:`DatenFehler`.

    Der Fehler nennt die Datei und den Pfad des ersten Problems (``werte[0].wert``).
    """
    try:
        daten = tomllib.loads(text)
    except tomllib.TOMLDecodeError as fehler:
        raise DatenFehler(datei, "(TOML-Syntax)", f"kein gültiges TOML: {fehler}") from fehler
    try:
        return toml_konverter().structure(daten, typ)
    except Exception as fehler:
        probleme = _meldungen(fehler)
        pfad, meldung = probleme[0] if probleme else ("$", str(fehler))
        ort = pfad.removeprefix("$").removeprefix(".") or "(Datei)"
        raise DatenFehler(datei, ort, meldung) from fehler

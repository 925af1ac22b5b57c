"""Fuzzing aller öffentlichen Lader und Parser: es entkommen nur Fehler von kim_nrw.

Eingaben: beliebige JSON-Werte (tief verschachtelt, riesige Zahlen, NaN, falsche
Typen, unbekannte Schlüssel), beliebige Texte und Bytes (bis 1 MB), und gültige
Dokumente mit einer Störung an beliebiger Stelle. Erlaubt ist ein Ergebnis oder
ein :class:`~kim_nrw.fehler.KimNrwFehler`; ``lade`` und ``struktur`` werfen bei
schlechter Eingabe immer :class:`~kim_nrw.fehler.DokumentFehler`.

Kurzes Profil in der CI (Vorgabe), langes auf Wunsch::

    KIM_FUZZ=lang .venv/bin/python -m pytest tests/test_fuzz.py --hypothesis-show-statistics
"""

from __future__ import annotations

import contextlib
import copy
import json
import math
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kim_nrw.fehler import DokumentFehler, KimNrwFehler
from kim_nrw.gebiet import AGS, ARS, Kommune, Kreisschluessel, RBSchluessel, finde, register
from kim_nrw.geld import Betrag, Stellenanteil
from kim_nrw.programme import programm, teil
from kim_nrw.recht import lade_parameter, lade_rechtsquellen, parameter, rechtsquelle
from kim_nrw.serial import DOKUMENTTYPEN, MODELLE, als_json, lade, migriere, schema, struktur
from kim_nrw.testing import foerderantraege
from kim_nrw.zeit import Haushaltsjahr, Zeitraum
from kim_nrw.zentren import ki, zustaendiges_ki

# -- Eingaben ----------------------------------------------------------------------------

_zahlen = (
    st.integers()
    | st.integers(-(10**4000), 10**4000)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from([10**4299, -(10**4299), 2**63, -1, 0, 1, 1.0, -0.0, 1e308])
)
_texte = (
    st.text()
    | st.text(alphabet="0123456789.,-/€EUR ", max_size=30)
    | st.sampled_from(["", " ", "\x00", "٠٥٣٧٠", "05370", "2021", "2021-02-29/2021-12-31",
                       "57.000,00 €", "0,5", "KIM.B2", "NaN", "Infinity", "1e9", "\ud800x"])
    | st.integers(0, 20).map(lambda n: "9" * (2**n))
    | st.sampled_from([1_000, 1_000_000]).map(lambda n: "x" * n)  # bis 1 MB
)  # fmt: skip
_blatt = st.none() | st.booleans() | _zahlen | _texte
_json = st.recursive(
    _blatt,
    lambda kinder: st.lists(kinder, max_size=4) | st.dictionaries(_texte, kinder, max_size=4),
    max_leaves=12,
)


def _tief(tiefe: int, innen: object = None) -> object:
    wert: object = innen
    for i in range(tiefe):
        wert = [wert] if i % 2 else {"stellen": wert}
    return wert


_tiefe_werte = st.integers(10, 3000).map(_tief)
# Tief verschachtelter JSON-Text, ohne json.dumps (das scheitert selbst an der Tiefe).
_tiefe_texte = st.builds(
    lambda n, offen, zu: offen * n + "1" + zu * n,
    st.integers(10, 200_000),
    st.sampled_from(["[", '{"a":']),
    st.sampled_from(["]", "}"]),
)


def _erlaubt(aufruf: Callable[[], object]) -> None:
    """Ein Ergebnis oder ein Fehler von kim_nrw – nichts anderes."""
    with contextlib.suppress(KimNrwFehler):
        aufruf()


# -- lade: JSON-Text und Bytes ---------------------------------------------------------------


@given(
    typ=st.sampled_from(sorted(DOKUMENTTYPEN)),
    text=_texte | _json.map(json.dumps) | _tiefe_texte,
)
def test_lade_text(typ: str, text: str) -> None:
    try:
        lade(typ, text)
    except DokumentFehler as fehler:
        assert fehler.probleme
        assert all(p.pfad.startswith("$") for p in fehler.probleme)
        assert all(len(p.wert) <= 80 for p in fehler.probleme)


@given(typ=st.sampled_from(sorted(DOKUMENTTYPEN)), daten=st.binary(max_size=2000))
def test_lade_bytes(typ: str, daten: bytes) -> None:
    with contextlib.suppress(DokumentFehler):
        lade(typ, daten)


class _Paare(list[tuple[str, object]]):
    """Ein JSON-Objekt als Liste von Paaren: so kann ein Schlüssel zweimal vorkommen."""


def _als_paare(wert: object) -> object:
    if isinstance(wert, dict):
        return _Paare((k, _als_paare(v)) for k, v in wert.items())
    if isinstance(wert, list):
        return [_als_paare(v) for v in wert]
    return wert


def _objekte(wert: object, pfad: str = "$") -> list[tuple[str, _Paare]]:
    if isinstance(wert, _Paare):
        return [(pfad, wert)] + [o for k, v in wert for o in _objekte(v, f"{pfad}.{k}")]
    if isinstance(wert, list):
        return [o for i, v in enumerate(wert) for o in _objekte(v, f"{pfad}[{i}]")]
    return []


def _als_text(wert: object) -> str:
    if isinstance(wert, _Paare):
        return "{" + ", ".join(f"{json.dumps(k)}: {_als_text(v)}" for k, v in wert) + "}"
    if isinstance(wert, list):
        return "[" + ", ".join(_als_text(v) for v in wert) + "]"
    return json.dumps(wert)


_json_blatt = st.none() | st.booleans() | st.integers() | st.text(max_size=20)


@given(antrag=foerderantraege(), daten=st.data())
def test_lade_meldet_jeden_doppelten_schluessel(antrag: Any, daten: st.DataObject) -> None:
    paare = _als_paare(json.loads(als_json(antrag)))
    pfad, objekt = daten.draw(st.sampled_from(_objekte(paare)))
    schluessel, _ = daten.draw(st.sampled_from(list(objekt)))
    stelle = daten.draw(st.integers(0, len(objekt)))
    objekt.insert(stelle, (schluessel, daten.draw(_json_blatt)))
    with pytest.raises(DokumentFehler) as fehler:
        lade("foerderantrag", _als_text(paare))
    doppelt = [p for p in fehler.value.probleme if "2-mal" in p.meldung]
    assert [p.pfad for p in doppelt] == [f"{pfad}.{schluessel}"]


@pytest.mark.parametrize(
    "text",
    [
        "[" * 200_000 + "]" * 200_000,
        '{"a":' * 50_000 + "1" + "}" * 50_000,
        "1" * 100_000,
        '{"dokument": "foerderantrag", "version": 1, "inhalt": ' + '"' + "x" * 1_000_000 + '"}',
        '{"dokument": "foerderantrag", "version": 1, "inhalt": NaN}',
        '{"dokument": "foerderantrag", "version": 1e400, "inhalt": {}}',
    ],
    ids=["tiefe-liste", "tiefes-objekt", "riesige-zahl", "1mb-text", "nan", "unendlich"],
)
def test_lade_extremfaelle(text: str) -> None:
    with pytest.raises(DokumentFehler):
        lade("foerderantrag", text)


@given(typ=st.sampled_from(sorted(DOKUMENTTYPEN)), inhalt=_json | _tiefe_werte)
def test_lade_beliebiger_inhalt_im_umschlag(typ: str, inhalt: object) -> None:
    try:
        version = DOKUMENTTYPEN[typ].version
        text = json.dumps({"dokument": typ, "version": version, "inhalt": inhalt})
    except (ValueError, RecursionError):
        return  # nicht als JSON schreibbar (riesige Zahl): kein Fall für lade
    try:
        lade(typ, text)
    except DokumentFehler as fehler:
        assert fehler.probleme


# -- struktur: alle Modelle und Werttypen, beliebige Python-Werte ----------------------------

_TYPEN: list[object] = [*MODELLE, Betrag, Stellenanteil, Zeitraum, Haushaltsjahr, AGS, ARS,
                        Kreisschluessel, RBSchluessel, Kommune, *DOKUMENTTYPEN]  # fmt: skip


_python_werte = st.recursive(
    _blatt,
    lambda kinder: (
        st.lists(kinder, max_size=3)
        | st.dictionaries(_texte | st.integers() | st.none(), kinder, max_size=3)
        | st.tuples(kinder)
    ),
    max_leaves=8,
)


@given(typ=st.sampled_from(_TYPEN), daten=_json | _tiefe_werte | _python_werte)
def test_struktur_beliebige_werte(typ: object, daten: object) -> None:
    # Unveränderte Eingabe prüfen, wo ein Vergleich möglich ist (kein NaN, nicht zu tief).
    vorher = copy.deepcopy(daten) if _tiefe(daten) < 100 and not _hat_nan(daten) else None
    try:
        struktur(typ, daten)
    except DokumentFehler as fehler:
        assert fehler.probleme
    if vorher is not None:
        assert daten == vorher, "die Eingabe wurde verändert"


def _tiefe(wert: object) -> int:
    tiefe, ebene = 0, [wert]
    while ebene:
        tiefe += 1
        naechste: list[object] = []
        for w in ebene:
            if isinstance(w, dict):
                naechste.extend(w.values())
            elif isinstance(w, list):
                naechste.extend(w)
        ebene = naechste
    return tiefe


def _hat_nan(wert: object) -> bool:
    if isinstance(wert, float):
        return math.isnan(wert)
    if isinstance(wert, list):
        return any(_hat_nan(w) for w in wert)
    if isinstance(wert, dict):
        return any(_hat_nan(w) for w in wert.values())
    return False


def _stellen(wert: object) -> list[tuple[Any, Any]]:
    ergebnis: list[tuple[Any, Any]] = []
    if isinstance(wert, dict):
        for k, v in wert.items():
            ergebnis += [(wert, k), *_stellen(v)]
    elif isinstance(wert, list):
        for i, v in enumerate(wert):
            ergebnis += [(wert, i), *_stellen(v)]
    return ergebnis


@given(st.data())
def test_gestoerter_antrag(daten: st.DataObject) -> None:
    dokument = json.loads(als_json(daten.draw(foerderantraege())))
    behaelter, schluessel = daten.draw(st.sampled_from(_stellen(dokument)))
    if daten.draw(st.booleans()):
        behaelter[schluessel] = daten.draw(_json | _tiefe_werte)
    elif isinstance(behaelter, dict):
        behaelter[daten.draw(_texte)] = daten.draw(_json)
    else:
        del behaelter[schluessel]
    try:
        text = json.dumps(dokument)
    except (ValueError, RecursionError):
        return
    try:
        lade("foerderantrag", text)
    except DokumentFehler as fehler:
        assert fehler.probleme


@given(daten=_json | _tiefe_werte, version=st.sampled_from([0, 1, 2, -1, True, None, "0"]))
def test_migriere(daten: object, version: object) -> None:
    for typ in DOKUMENTTYPEN:
        dokument: object = {"dokument": typ, "version": version, "inhalt": daten}
        _erlaubt(lambda d=dokument: migriere(d))  # type: ignore[misc]
    _erlaubt(lambda: migriere(daten))  # type: ignore[arg-type]


@given(st.one_of(_json, st.sampled_from(sorted(DOKUMENTTYPEN))))
def test_schema(name: object) -> None:
    _erlaubt(lambda: schema(name))  # type: ignore[arg-type]


# -- Parser und Suchen der anderen Schichten ------------------------------------------------

_PARSER: list[tuple[str, Callable[[Any], object]]] = [
    ("AGS.parse", AGS.parse),
    ("ARS.parse", ARS.parse),
    ("Kreisschluessel.parse", Kreisschluessel.parse),
    ("RBSchluessel.parse", RBSchluessel.parse),
    ("Zeitraum.parse", Zeitraum.parse),
    ("Haushaltsjahr.parse", Haushaltsjahr.parse),
    ("Betrag.parse", Betrag.parse),
    ("Betrag.von", Betrag.von),
    ("Stellenanteil.parse", Stellenanteil.parse),
    ("Stellenanteil.von", Stellenanteil.von),
    ("finde", finde),
    ("register().suche", lambda x: register().suche(x)),
    ("register().nach_schluessel", lambda x: register().nach_schluessel(x)),
    ("ki", ki),
    ("zustaendiges_ki", zustaendiges_ki),
    ("parameter", parameter),
    ("rechtsquelle", rechtsquelle),
    ("programm", programm),
    ("teil", teil),
    ("lade_rechtsquellen", lade_rechtsquellen),
    ("lade_parameter", lambda x: lade_parameter(x, "fuzz.toml")),
]

# Auch Werte, die JSON nicht erzeugen kann: ganze Zahlen mit mehr als 4300 Ziffern und
# Behälter, die tiefer verschachtelt sind, als repr() verträgt.
_PARSER_WERTE = _json | _tiefe_werte | _python_werte


@pytest.mark.parametrize(("name", "parser"), _PARSER, ids=[n for n, _ in _PARSER])
@given(wert=_PARSER_WERTE)
def test_parser(name: str, parser: Callable[[Any], object], wert: object) -> None:
    _erlaubt(lambda: parser(wert))


@pytest.mark.parametrize(("name", "parser"), _PARSER, ids=[n for n, _ in _PARSER])
def test_parser_megabyte_text(name: str, parser: Callable[[Any], object]) -> None:
    _erlaubt(lambda: parser("9" * 1_000_000))
    _erlaubt(lambda: parser("[" * 1_000_000))


def test_riesige_ganzzahl() -> None:
    _erlaubt(lambda: AGS.parse(10**5000))


def test_tiefe_verschachtelung() -> None:
    _erlaubt(lambda: AGS.parse(_tief(100_000)))

"""Kein fremder Fehler: jede öffentliche Funktion und Klasse wirft bei falschen Argumenten
nur Fehler von kim_nrw (:class:`~kim_nrw.fehler.KimNrwFehler`).

Die öffentliche API ist, was ``tools/api_stand.py`` erfasst: die Namen der Paketwurzel und
die ``__all__`` der Untermodule erster Ebene. Jede aufrufbare davon – Funktionen,
Konstruktoren, Klassen- und statische Methoden, Methoden von Beispielobjekten – wird mit
Argumenten gerufen, die Hypothesis aus gültigen Werten (nach der Annotation) und falschen
Werten (``None``, ``datetime`` statt ``date``, riesige Ganzzahlen, Bytes, ``memoryview``,
Surrogate, NaN, fremde Objekte …) mischt. Erlaubt ist ein Ergebnis oder ein Fehler von
kim_nrw; ``TypeError``, ``AttributeError``, ``KeyError``, ``decimal.InvalidOperation`` & Co.
sind Fehler des Codes.

Ausgenommen, mit Grund:

* Fehlerklassen: sie halten, was man ihnen gibt (kim_nrw wirft sie, niemand liest mit ihnen).
* Aufzählungen mit mehr als einem Argument: das ist die funktionale API von :mod:`enum`
  (eine neue Aufzählung bauen), keine von kim_nrw; mit einem Argument (Glied nach Wert)
  gehören sie dazu.
* ``kim_nrw.cli``: :func:`kim_nrw.cli.main` wirft nie (eigene Tests, als Unterprozess).
* ``Validator`` selbst: die abstrakte Basis hat kein :meth:`~kim_nrw.validatoren.Validator.gilt`.
* ``Aufzaehlungsklasse``: eine Metaklasse; sie baut Klassen, sie nimmt keine Werte an.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import importlib.util
import inspect
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kim_nrw
from kim_nrw.fehler import KimNrwFehler, UngueltigeEingabe

WURZEL = Path(__file__).resolve().parent.parent


def _api_stand() -> Any:
    spec = importlib.util.spec_from_file_location("api_stand", WURZEL / "tools" / "api_stand.py")
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


_NAMEN: dict[str, Any] = _api_stand().oeffentliche_namen()


class _Fremd:
    """Ein Objekt, das niemand erwartet: ``str``, ``format`` und Vergleiche scheitern.

    (``repr`` geht, damit Hypothesis das Beispiel zeigen kann; :func:`kim_nrw.fehler.kurz`
    verträgt auch ein ``repr``, das scheitert.)
    """

    def __repr__(self) -> str:
        return "<_Fremd>"

    def __str__(self) -> str:
        raise RuntimeError("str geht nicht")

    def __format__(self, spec: str) -> str:
        raise RuntimeError("format geht nicht")

    def __lt__(self, anderer: object) -> bool:
        raise RuntimeError("Vergleich geht nicht")

    __gt__ = __le__ = __ge__ = __lt__


# Falsche Werte: jeder Typ, den ein Aufrufer aus Versehen übergeben kann.
_FALSCH: list[object] = [
    None, True, 0, -1, 10**5000, 2**63, 1.5, float("nan"), float("inf"), "", " ", "x",
    "\ud800", "9" * 5000, "05370 ", b"05370", bytearray(b"x"), memoryview(b"05370"), [], [1],
    [None], {}, {"a": 1}, (), (None,), frozenset(), dt.datetime(2021, 6, 1),
    dt.date(2021, 6, 1), dt.time(12), decimal.Decimal("NaN"), decimal.Decimal("-1"),
    decimal.Decimal("1E+5000"), Fraction(1, 3), complex(1, 1), object(), _Fremd(), int, str,
    print, Ellipsis,
]  # fmt: skip


def _gueltige() -> dict[str, list[object]]:
    """Gültige Werte je Stichwort der Annotation (in der Reihenfolge der Prüfung)."""
    from kim_nrw.antrag import Foerderantrag, Stelle, Stellenfunktion
    from kim_nrw.gebiet import AGS, ARS, Kreisschluessel, RBSchluessel, register
    from kim_nrw.geld import Betrag, Stellenanteil
    from kim_nrw.programme import Programm, Programmteil
    from kim_nrw.pruefung import pruefe
    from kim_nrw.recht import parameter, rechtsquelle
    from kim_nrw.zeit import Zeitraum

    antrag = Foerderantrag(
        Kreisschluessel("05370"), Programmteil.KIM_B2, Zeitraum.jahr(2021),
        stellen=(Stelle(Stellenfunktion.CASE_MANAGEMENT, Stellenanteil.von(1)),),
        ki_vorhanden=True,
    )  # fmt: skip
    tag = dt.date(2021, 6, 1)
    return {
        "Foerderantrag": [antrag],
        "Pruefergebnis": [pruefe(antrag, tag)],
        "Iterable[Foerderantrag]": [[antrag], (antrag,)],
        "Zeitraum": [Zeitraum.jahr(2021)],
        "Betrag": [Betrag.von(57000)],
        "Stellenanteil": [Stellenanteil.von(1)],
        "Programmteil": [Programmteil.KIM_B2],
        "Programm": [Programm.KIM],
        "Stellenfunktion": [Stellenfunktion.CASE_MANAGEMENT],
        "Kommune": [register().kreis("05370"), register().gemeinde("05370004")],
        "Gebietseinheit": [register().kreis("05370")],
        "AGS": [AGS("05370004")],
        "ARS": [ARS("053700004004")],
        "Kreisschluessel": [Kreisschluessel("05370")],
        "RBSchluessel": [RBSchluessel("053")],
        "Parameter": [parameter("ki.hoechstbetrag_kreis")],
        "Rechtsquelle": [rechtsquelle("TIntG-2021")],
        "datetime.date": [tag],
        "date": [tag],
        "Decimal": [decimal.Decimal("0.5"), decimal.Decimal("57000.00")],
        "Fraction": [Fraction(1, 2)],
        "bool": [True, False],
        "int": [2021, 1],
        "str": ["05370", "Heinsberg", "KIM.B2", "ki.hoechstbetrag_kreis", "TIntG-2021",
                "foerderantrag", "Foerderantrag", "0,5", "2021"],
        "bytes": [b'{"dokument": "foerderantrag"}'],
    }  # fmt: skip


_GUELTIG = _gueltige()


def _werte(annotation: object) -> st.SearchStrategy[object]:
    text = annotation if isinstance(annotation, str) else inspect.formatannotation(annotation)
    passend = [w for stichwort, werte in _GUELTIG.items() if stichwort in text for w in werte]
    falsch = st.sampled_from(_FALSCH)
    return (st.sampled_from(passend) | falsch) if passend else falsch


def _ausgenommen(name: str, objekt: object) -> bool:
    if name.startswith("kim_nrw.cli"):
        return True
    if inspect.isclass(objekt) and issubclass(objekt, BaseException):
        return True
    return name.endswith((".Validator", ".Aufzaehlungsklasse"))


def _beispielobjekte() -> dict[type, list[object]]:
    """Je öffentlicher Klasse Objekte, deren Methoden der Test ruft."""
    from kim_nrw.gebiet import register
    from kim_nrw.programme import Programmteil, alle_programme, teil
    from kim_nrw.validatoren import Aufzaehlung, Folge, Ganzzahl, Muster, Text, Typ

    beispiele: dict[type, list[object]] = {}
    for werte in _GUELTIG.values():
        for w in werte:
            beispiele.setdefault(type(w), []).append(w)
    beispiele[type(register())] = [register()]
    validatoren = (Text(), Muster("[0-9]+", "Ziffern"), Typ((int,), "eine Zahl"),
                   Ganzzahl(0, 9), Aufzaehlung(Programmteil), Folge(Text()))  # fmt: skip
    for objekt in (*alle_programme(), teil(Programmteil.KIM_B1), *validatoren):
        beispiele.setdefault(type(objekt), []).append(objekt)
    return beispiele


def _aufrufbare() -> Iterator[tuple[str, Callable[..., object], inspect.Signature, bool]]:
    """(Name, Aufrufbares, Signatur, ist Aufzählung) für jeden öffentlichen Aufruf."""
    gesehen: set[int] = set()
    beispiele = _beispielobjekte()
    for name, objekt in sorted(_NAMEN.items()):
        if not callable(objekt) or _ausgenommen(name, objekt):
            continue
        kandidaten: list[tuple[str, Any]] = [(name, objekt)]
        if inspect.isclass(objekt):
            for attr, wert in inspect.getmembers_static(objekt):
                if attr.startswith("_"):
                    continue
                if isinstance(wert, classmethod | staticmethod):
                    kandidaten.append((f"{name}.{attr}", getattr(objekt, attr)))
                elif inspect.isfunction(wert):
                    for i, instanz in enumerate(beispiele.get(objekt, [])[:2]):
                        kandidaten.append((f"{name}.{attr}[{i}]", getattr(instanz, attr)))
        for kname, aufruf in kandidaten:
            gebunden = getattr(aufruf, "__self__", None)
            schluessel = hash((id(getattr(aufruf, "__func__", aufruf)), id(gebunden)))
            if schluessel in gesehen:
                continue
            gesehen.add(schluessel)
            try:
                signatur = inspect.signature(aufruf)
            except (TypeError, ValueError):
                continue
            ist_aufzaehlung = inspect.isclass(aufruf) and issubclass(aufruf, enum.Enum)
            yield kname, aufruf, signatur, ist_aufzaehlung


_AUFRUFBARE = list(_aufrufbare())


def _argumente(
    signatur: inspect.Signature, ist_aufzaehlung: bool
) -> st.SearchStrategy[tuple[list[object], dict[str, object]]]:
    if ist_aufzaehlung:
        return st.tuples(st.sampled_from(_FALSCH).map(lambda w: [w]), st.just({}))
    positionen: list[st.SearchStrategy[object]] = []
    optionale: dict[str, st.SearchStrategy[object]] = {}
    for p in signatur.parameters.values():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        werte = _werte(p.annotation)
        if p.kind is p.POSITIONAL_ONLY and p.default is not p.empty:
            continue  # nur positional und optional: weggelassen (kein Schlüsselwort)
        if p.default is p.empty and p.kind is not p.KEYWORD_ONLY:
            positionen.append(werte)
        elif p.default is p.empty:
            optionale[p.name] = werte  # Schlüsselwort ohne Vorgabe: immer dabei
        else:
            optionale[p.name] = werte
    pflicht_kw = {
        p.name
        for p in signatur.parameters.values()
        if p.kind is p.KEYWORD_ONLY and p.default is p.empty
    }
    return st.tuples(
        st.tuples(*positionen).map(list),
        st.fixed_dictionaries(
            {n: w for n, w in optionale.items() if n in pflicht_kw},
            optional={n: w for n, w in optionale.items() if n not in pflicht_kw},
        ),
    )


def _rufe(aufruf: Callable[..., object], args: list[object], kwargs: dict[str, object]) -> None:
    from kim_nrw.pruefung import REGELN

    angemeldet = list(REGELN)  # Regel.neu meldet an: der Test nimmt das zurück
    try:
        ergebnis = aufruf(*args, **kwargs)
        if inspect.isgenerator(ergebnis):
            for _ in ergebnis:
                pass
    except KimNrwFehler:
        pass
    finally:
        REGELN[:] = angemeldet


@pytest.mark.parametrize(
    ("name", "aufruf", "signatur", "ist_aufzaehlung"),
    _AUFRUFBARE,
    ids=[a[0] for a in _AUFRUFBARE],
)
@settings(max_examples=40)
@given(daten=st.data())
@pytest.mark.filterwarnings("ignore:Foerderantrag\\(programmteil=:DeprecationWarning")
def test_nur_fehler_von_kim_nrw(
    name: str,
    aufruf: Callable[..., object],
    signatur: inspect.Signature,
    ist_aufzaehlung: bool,
    daten: st.DataObject,
) -> None:
    args, kwargs = daten.draw(_argumente(signatur, ist_aufzaehlung))
    _rufe(aufruf, args, kwargs)


def test_der_test_erreicht_die_api() -> None:
    namen = {a[0] for a in _AUFRUFBARE}
    for erwartet in ("kim_nrw.pruefe", "kim_nrw.pruefe_alle", "kim_nrw.serial.migriere",
                     "kim_nrw.Foerderantrag", "kim_nrw.AGS.parse", "kim_nrw.Zeitraum.jahr",
                     "kim_nrw.Register.kreise[0]", "kim_nrw.schreibweise.datum"):  # fmt: skip
        assert erwartet in namen
    assert len(namen) > 200


# -- Die Fälle aus Issue 12, fest -----------------------------------------------------------


def _antrag() -> Any:
    return _GUELTIG["Foerderantrag"][0]


@pytest.mark.parametrize(
    ("aufruf", "nennt"),
    [
        (lambda: kim_nrw.pruefe(_antrag(), dt.datetime(2021, 6, 1)), "stichtag"),
        (lambda: kim_nrw.pruefe(_antrag(), "2021-06-01"), "stichtag"),  # type: ignore[arg-type]
        (lambda: kim_nrw.pruefe(None, dt.date(2021, 6, 1)), "antrag"),  # type: ignore[arg-type]
        (lambda: kim_nrw.pruefe_alle(None, dt.date(2021, 6, 1)), "antraege"),  # type: ignore[arg-type]
        (lambda: kim_nrw.pruefe_alle([_antrag(), None], dt.date(2021, 6, 1)), "antraege[1]"),  # type: ignore[list-item]
        (lambda: kim_nrw.pruefe_alle([_antrag()], dt.datetime(2021, 6, 1)), "stichtag"),
        (lambda: kim_nrw.pruefe_alle(_antrag(), dt.date(2021, 6, 1)), "antraege"),
    ],
)
def test_pruefe_nennt_das_falsche_argument(aufruf: Callable[[], object], nennt: str) -> None:
    with pytest.raises(UngueltigeEingabe) as fehler:
        aufruf()
    assert fehler.value.feld == nennt
    assert "erwartet" in str(fehler.value)


@pytest.mark.parametrize(
    "fremd",
    [memoryview(b"x"), b"x", bytearray(b"x"), dt.date(2021, 1, 1), decimal.Decimal("1"),
     (1, 2), {1, 2}, object(), float("nan"), {1: "x"}],
    ids=["memoryview", "bytes", "bytearray", "date", "Decimal", "tuple", "set", "object", "nan",
         "int-schluessel"],
)  # fmt: skip
def test_migriere_nennt_den_fremden_wert(fremd: object) -> None:
    from kim_nrw.serial import migriere

    dokument = {"dokument": "foerderantrag", "version": 1,
                "inhalt": {"antragsteller": "05370", "stellen": [{"x": fremd}]}}  # fmt: skip
    if isinstance(fremd, float):
        migriere(dokument)  # NaN ist ein Python-Wert, den json schreiben kann: bleibt
        return
    with pytest.raises(UngueltigeEingabe) as fehler:
        migriere(dokument)
    assert "$.inhalt.stellen[0]" in fehler.value.feld
    assert "JSON" in fehler.value.erwartet

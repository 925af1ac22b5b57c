"""Benchmark von kim_nrw.recht: Parameterabfragen und erstes Laden, gegenüber pydantic v2.

Aufruf: ``.venv/bin/python benchmarks/bench_recht.py``. Berichtet (bestes von fünf
Wiederholungen, nie als Test-Assertion):

* ``wert_am`` je Sekunde auf einem geladenen Parameter (Treffer und Fehlschlag), und
  dieselbe Abfrage über ``parameter(name)``;
* dieselbe Abfrage auf einem pydantic-v2-Modell gleicher Form (Parameter mit Tupel von
  Werten, gleiche lineare Suche), Verhältnis kim_nrw / pydantic (> 1: kim_nrw schneller);
* die Zeit des ersten Ladens aller Datendateien (Katalog und Parameter) im selben Prozess
  mit geleertem Cache und in einem frischen Prozess (mit Import), sowie das Laden
  derselben TOML-Texte in pydantic-Modelle mit vergleichbarer Strenge
  (``extra="forbid"``, Quellen gegen den Katalog, Überschneidungen).

pydantic wird nur hier importiert, nie vom Paket ``kim_nrw``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import subprocess
import sys
import timeit
import tomllib
from collections.abc import Callable
from decimal import Decimal
from importlib import resources
from typing import Any

from kim_nrw.fehler import KeinWertAmStichtag
from kim_nrw.recht import alle_parameter, parameter
from kim_nrw.recht.laden import alle_rechtsquellen

WIEDERHOLUNGEN = 5
NAME = "ki.fachkraft.hoechstbetrag_je_stelle"
TAGE = [dt.date(2018, 3, 1), dt.date(2021, 12, 31), dt.date(2022, 1, 1), dt.date(2025, 6, 30)]


def _je_sekunde(funktion: Callable[[], object], anzahl: int) -> float:
    zeit = min(timeit.repeat(funktion, number=anzahl, repeat=WIEDERHOLUNGEN))
    return anzahl / zeit


def _beste_zeit(funktion: Callable[[], object], anzahl: int = 20) -> float:
    return min(timeit.repeat(funktion, number=1, repeat=anzahl))


def _zeile(name: str, kim: float, pyd: float | None = None) -> None:
    vergleich = (
        "" if pyd is None else f"   pydantic v2 {pyd:>11,.0f} /s   Verhältnis {kim / pyd:5.2f}"
    )
    print(f"{name:<44} kim_nrw {kim:>11,.0f} /s{vergleich}")


def _pydantic_modelle() -> tuple[Any, Any]:
    import pydantic

    streng = pydantic.ConfigDict(frozen=True, extra="forbid")

    class WertP(pydantic.BaseModel):
        model_config = streng
        wert: Decimal | int | dt.date | str
        gilt_ab: dt.date
        gilt_bis: dt.date | None = None
        status: str
        quellen: tuple[str, ...] = pydantic.Field(min_length=1)
        anmerkung: str = ""
        zuletzt_geprueft: dt.date = dt.date(2025, 10, 6)

        def enthaelt(self, tag: dt.date) -> bool:
            return self.gilt_ab <= tag and (self.gilt_bis is None or tag <= self.gilt_bis)

    class LueckeP(pydantic.BaseModel):
        model_config = streng
        gilt_ab: dt.date
        gilt_bis: dt.date | None = None
        grund: str
        quellen: tuple[str, ...] = ()

    katalog = set(alle_rechtsquellen())

    class ParameterP(pydantic.BaseModel):
        model_config = streng
        name: str
        beschreibung: str
        einheit: str
        art: str
        werte: tuple[WertP, ...] = ()
        luecken: tuple[LueckeP, ...] = ()
        nicht_bekannt: str = ""

        @pydantic.model_validator(mode="after")
        def pruefe(self) -> ParameterP:
            for vorher, nachher in zip(self.werte, self.werte[1:], strict=False):
                if vorher.gilt_bis is None or nachher.gilt_ab <= vorher.gilt_bis:
                    raise ValueError("Überschneidung")
            for w in self.werte:
                if not set(w.quellen) <= katalog:
                    raise ValueError("unbekannte Quelle")
            return self

        def wert_am(self, tag: dt.date) -> WertP:
            for w in self.werte:
                if w.gilt_ab <= tag and (w.gilt_bis is None or tag <= w.gilt_bis):
                    return w
            raise LookupError(tag)

    class DateiP(pydantic.BaseModel):
        model_config = streng
        beschreibung: str = ""
        parameter: tuple[ParameterP, ...]

    class QuelleP(pydantic.BaseModel):
        model_config = streng
        art: str
        titel: str
        abkuerzung: str | None = None
        norm: str | None = None
        fundstelle: str | None = None
        fassung_vom: dt.date | None = None
        in_kraft_ab: dt.date | None = None
        in_kraft_bis: dt.date | None = None
        url: str | None = None
        gewissheit: str
        teil_von: str | None = None
        belege: tuple[str, ...] = ()
        zuletzt_geprueft: dt.date | None = None
        anmerkung: str = ""

    class KatalogP(pydantic.BaseModel):
        model_config = streng
        quelle: dict[str, QuelleP]

    return DateiP, KatalogP


def main() -> None:
    assert "pydantic" not in sys.modules, "kim_nrw darf pydantic nicht importieren"
    paket = resources.files("kim_nrw").joinpath("daten")
    katalog_text = paket.joinpath("rechtsquellen.toml").read_text("utf-8")
    parameter_texte = [
        e.read_text("utf-8")
        for e in paket.joinpath("parameter").iterdir()
        if e.name.endswith(".toml")
    ]

    # -- erstes Laden --------------------------------------------------------------------------
    def kim_laden() -> object:
        alle_rechtsquellen.cache_clear()
        alle_parameter.cache_clear()
        return alle_parameter()

    kim_last = _beste_zeit(kim_laden)
    code = (
        "import time; t = time.perf_counter(); import kim_nrw.recht as r; "
        "r.alle_parameter(); print(time.perf_counter() - t)"
    )
    frisch = min(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(WIEDERHOLUNGEN)
    )  # fmt: skip

    DateiP, KatalogP = _pydantic_modelle()

    def pyd_laden() -> object:
        KatalogP.model_validate(tomllib.loads(katalog_text))
        return [DateiP.model_validate(tomllib.loads(t)) for t in parameter_texte]

    pyd_last = _beste_zeit(pyd_laden)
    nur_toml = _beste_zeit(lambda: [tomllib.loads(t) for t in [katalog_text, *parameter_texte]])
    anzahl_p, anzahl_q = len(alle_parameter()), len(alle_rechtsquellen())
    dateien = len(parameter_texte)
    print(f"Erstes Laden ({anzahl_q} Quellen, {anzahl_p} Parameter, {dateien} Datei(en)):")
    print(f"  kim_nrw, Cache geleert, im Prozess      {kim_last * 1000:8.2f} ms")
    print(f"  kim_nrw, frischer Prozess mit Import    {frisch * 1000:8.2f} ms")
    print(f"  pydantic v2, dieselben Texte            {pyd_last * 1000:8.2f} ms   "
          f"Verhältnis {pyd_last / kim_last:5.2f}")  # fmt: skip
    print(f"  davon nur tomllib.loads                 {nur_toml * 1000:8.2f} ms")
    print()

    # -- Abfragen ------------------------------------------------------------------------------
    p = parameter(NAME)
    pyd_p = next(
        x for t in parameter_texte for x in DateiP.model_validate(tomllib.loads(t)).parameter
        if x.name == NAME
    )  # fmt: skip
    for tag in TAGE:
        assert p.wert_am(tag).wert == Decimal(pyd_p.wert_am(tag).wert)

    def kim_treffer() -> None:
        for tag in TAGE:
            p.wert_am(tag)

    def pyd_treffer() -> None:
        for tag in TAGE:
            pyd_p.wert_am(tag)

    def kim_ueber_name() -> None:
        for tag in TAGE:
            parameter(NAME).wert_am(tag)

    vor_beginn = dt.date(2010, 1, 1)

    def kim_fehlschlag() -> None:
        with contextlib.suppress(KeinWertAmStichtag):
            p.wert_am(vor_beginn)

    def pyd_fehlschlag() -> None:
        with contextlib.suppress(LookupError):
            pyd_p.wert_am(vor_beginn)

    n = 50_000
    print("Abfragen (Vorgänge je Sekunde, bestes von fünf):")
    _zeile("wert_am, Treffer", len(TAGE) * _je_sekunde(kim_treffer, n),
           len(TAGE) * _je_sekunde(pyd_treffer, n))  # fmt: skip
    _zeile("parameter(name).wert_am, Treffer", len(TAGE) * _je_sekunde(kim_ueber_name, n))
    _zeile("wert_am, KeinWertAmStichtag (mit Meldung)", _je_sekunde(kim_fehlschlag, n // 5),
           _je_sekunde(pyd_fehlschlag, n // 5))  # fmt: skip


if __name__ == "__main__":
    main()

"""Benchmark von Zeitraum und Betrag gegenüber pydantic-v2-Modellen gleicher Form.

Aufruf: ``.venv/bin/python benchmarks/bench_zeit_geld.py``. Berichtet Vorgänge je
Sekunde (bestes von fünf Wiederholungen) und das Verhältnis kim_nrw / pydantic im
selben Lauf (> 1 heißt: kim_nrw ist schneller); nie als Test-Assertion:

* Zeitraum 2012-01-01/2026-12-31 nach Haushaltsjahren teilen (15 Teile, jeder
  Teil ein validiertes Objekt);
* Zeitraum aus ISO-Intervall lesen;
* Betrag lesen, technisch (``"57000.00"``) und deutsch (``"57.000,00 €"``);
* Betrag mal Jahresanteil (exakt, eine Rundung) gegenüber ``Decimal.quantize``.

pydantic wird nur hier importiert, nie vom Paket ``kim_nrw``.
"""

from __future__ import annotations

import datetime as dt
import sys
import timeit
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Annotated, Any

from kim_nrw.geld import Betrag
from kim_nrw.zeit import Zeitraum

WIEDERHOLUNGEN = 5


def _je_sekunde(funktion: Callable[[], object], anzahl: int) -> float:
    zeit = min(timeit.repeat(funktion, number=anzahl, repeat=WIEDERHOLUNGEN))
    return anzahl / zeit


def _zeile(name: str, kim: float, pyd: float) -> None:
    print(f"{name:<38} kim_nrw {kim:>11,.0f} /s   pydantic v2 {pyd:>11,.0f} /s   "
          f"Verhältnis {kim / pyd:5.2f}")  # fmt: skip


def main() -> None:
    assert "pydantic" not in sys.modules, "kim_nrw darf pydantic nicht importieren"
    import pydantic

    cent = Decimal("0.01")

    class ZeitraumP(pydantic.BaseModel):
        model_config = pydantic.ConfigDict(frozen=True, strict=False)
        beginn: dt.date
        ende: dt.date

        @pydantic.field_validator("beginn", "ende", mode="before")
        @classmethod
        def kein_datetime(cls, wert: Any) -> Any:
            if isinstance(wert, dt.datetime):
                raise ValueError("ein Kalendertag, kein datetime")
            return wert

        @pydantic.model_validator(mode="after")
        def beginn_vor_ende(self) -> ZeitraumP:
            if self.beginn > self.ende:
                raise ValueError("beginn <= ende")
            return self

        @classmethod
        def parse(cls, text: str) -> ZeitraumP:
            beginn, _, ende = text.partition("/")
            return cls.model_validate({"beginn": beginn, "ende": ende})

        def nach_haushaltsjahren(self) -> tuple[ZeitraumP, ...]:
            b, e = self.beginn, self.ende
            if b.year == e.year:
                return (self,)
            teile = [ZeitraumP(beginn=b, ende=dt.date(b.year, 12, 31))]
            teile.extend(
                ZeitraumP(beginn=dt.date(j, 1, 1), ende=dt.date(j, 12, 31))
                for j in range(b.year + 1, e.year)
            )
            teile.append(ZeitraumP(beginn=dt.date(e.year, 1, 1), ende=e))
            return tuple(teile)

    Euro = Annotated[
        Decimal,
        pydantic.Field(ge=0, le=Decimal("999999999999999.99"), max_digits=17, decimal_places=2),
    ]

    def deutsch_zu_technisch(wert: Any) -> Any:
        if isinstance(wert, str):
            wert = wert.removesuffix("€").rstrip().replace(".", "").replace(",", ".")
        return wert

    class BetragP(pydantic.BaseModel):
        model_config = pydantic.ConfigDict(frozen=True)
        wert: Euro

    class BetragDeutschP(pydantic.BaseModel):
        model_config = pydantic.ConfigDict(frozen=True)
        wert: Annotated[Euro, pydantic.BeforeValidator(deutsch_zu_technisch)]

    # Gleiche Ergebnisse, sonst ist der Vergleich wertlos.
    z = Zeitraum.parse("2012-01-01/2026-12-31")
    zp = ZeitraumP.parse("2012-01-01/2026-12-31")
    assert [str(t) for t in z.nach_haushaltsjahren()] == [
        f"{t.beginn.isoformat()}/{t.ende.isoformat()}" for t in zp.nach_haushaltsjahren()
    ]
    assert Betrag.parse("57000.00").wert == BetragP(wert="57000.00").wert  # type: ignore[arg-type]
    assert (
        Betrag.parse("57.000,00 €").wert == BetragDeutschP(wert="57.000,00 €").wert  # type: ignore[arg-type]
    )

    print(f"Python {sys.version.split()[0]}, pydantic {pydantic.VERSION}")
    n = 20_000
    _zeile(
        "Zeitraum 2012–2026 nach HJ teilen",
        _je_sekunde(z.nach_haushaltsjahren, n),
        _je_sekunde(zp.nach_haushaltsjahren, n),
    )
    _zeile(
        "Zeitraum aus ISO-Intervall lesen",
        _je_sekunde(lambda: Zeitraum.parse("2020-07-01/2020-12-31"), n * 5),
        _je_sekunde(lambda: ZeitraumP.parse("2020-07-01/2020-12-31"), n * 5),
    )
    _zeile(
        "Betrag lesen '57000.00'",
        _je_sekunde(lambda: Betrag.parse("57000.00"), n * 5),
        _je_sekunde(lambda: BetragP(wert="57000.00"), n * 5),  # type: ignore[arg-type]
    )
    _zeile(
        "Betrag lesen '57.000,00 €'",
        _je_sekunde(lambda: Betrag.parse("57.000,00 €"), n * 5),
        _je_sekunde(lambda: BetragDeutschP(wert="57.000,00 €"), n * 5),  # type: ignore[arg-type]
    )
    b, bp = Betrag.parse("57000.00"), BetragP(wert=Decimal("57000.00"))
    anteil = Fraction(184, 366)
    dezimal_anteil = Decimal(184) / Decimal(366)  # schon gerundet: 28 Stellen

    def mal_pydantic() -> object:
        return BetragP(wert=(bp.wert * dezimal_anteil).quantize(cent, rounding=ROUND_HALF_UP))

    assert b.mal(anteil).wert == mal_pydantic().wert  # type: ignore[attr-defined]
    _zeile("Betrag mal 184/366 (halb auf)", _je_sekunde(lambda: b.mal(anteil), n * 5),
           _je_sekunde(mal_pydantic, n * 5))  # fmt: skip
    print("(Die pydantic-Modelle lesen nur die technische Schreibweise streng; die deutsche")
    print(" über einen einfachen BeforeValidator ohne Prüfung der Tausendergruppen. Die")
    print(" pydantic-Multiplikation rechnet mit einem auf 28 Stellen gerundeten Decimal-Anteil,")
    print(" kim_nrw exakt mit Brüchen.)")


if __name__ == "__main__":
    main()

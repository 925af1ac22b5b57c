"""Wann eine Quelle maßgeblich ist: abgeleitet aus ``in_kraft_ab``/``fassung_vom``,
``in_kraft_bis`` und ``ersetzt`` des Quellenkatalogs (:mod:`kim_nrw.recht.fassungen`)."""

from __future__ import annotations

from datetime import date

import pytest

from kim_nrw.fehler import DatenFehler, NichtGefunden, UngueltigeEingabe
from kim_nrw.recht import Quellenart, Rechtsquelle, alle_rechtsquellen, lade_rechtsquellen
from kim_nrw.recht.fassungen import Fassungszeitraum, massgeblich, zeitraeume


def _quelle(kurzname: str, jahr: int | None, *, ersetzt: tuple[str, ...] = (),
            bis: date | None = None) -> str:  # fmt: skip
    zeilen = [f'[quelle."{kurzname}"]', 'art = "richtlinie"', f'titel = "{kurzname}"',
              'gewissheit = "bestaetigt"']  # fmt: skip
    if jahr is not None:
        zeilen.append(f"fassung_vom = {jahr}-01-01")
    if bis is not None:
        zeilen.append(f"in_kraft_bis = {bis.isoformat()}")
    if ersetzt:
        zeilen.append("ersetzt = [" + ", ".join(f'"{k}"' for k in ersetzt) + "]")
    return "\n".join(zeilen) + "\n"


def test_ohne_nachfolgerin_bleibt_das_ende_offen() -> None:
    katalog = lade_rechtsquellen(_quelle("A", 2018), "q.toml")
    assert zeitraeume(katalog)["A"] == Fassungszeitraum(date(2018, 1, 1), None)


def test_die_frueheste_nachfolgerin_beendet_die_fassung() -> None:
    text = (
        _quelle("A", 2018) + _quelle("C", 2023, ersetzt=("A",)) + _quelle("B", 2020, ersetzt=("A",))
    )
    z = zeitraeume(lade_rechtsquellen(text, "q.toml"))
    assert z["A"] == Fassungszeitraum(date(2018, 1, 1), date(2019, 12, 31))
    assert z["B"].bis is None and z["C"].ab == date(2023, 1, 1)


def test_in_kraft_bis_geht_der_ableitung_vor() -> None:
    text = _quelle("A", 2018, bis=date(2019, 6, 30)) + _quelle("B", 2020, ersetzt=("A",))
    assert zeitraeume(lade_rechtsquellen(text, "q.toml"))["A"].bis == date(2019, 6, 30)


def test_in_kraft_ab_geht_fassung_vom_vor() -> None:
    q = Rechtsquelle("A", Quellenart.RICHTLINIE, "A", "A", fassung_vom=date(2018, 1, 1),
                     in_kraft_ab=date(2018, 2, 1))  # fmt: skip
    assert zeitraeume({"A": q})["A"].ab == date(2018, 2, 1)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (_quelle("B", 2020, ersetzt=("A",)), "Quelle 'A' steht nicht im Katalog"),
        (_quelle("A", 2020) + _quelle("B", 2018, ersetzt=("A",)), "'A' beginnt nicht vor 'B'"),
        (_quelle("A", 2020) + _quelle("B", 2020, ersetzt=("A",)), "'A' beginnt nicht vor 'B'"),
        (_quelle("A", 2018) + _quelle("B", None, ersetzt=("A",)), "fassung_vom oder in_kraft_ab"),
    ],
)
def test_falsche_abloesung_ist_ein_datenfehler(text: str, problem: str) -> None:
    with pytest.raises(DatenFehler) as info:
        lade_rechtsquellen(text, "q.toml")
    assert info.value.schluessel == "quelle[B].ersetzt"
    assert problem in info.value.problem


def test_eine_quelle_ersetzt_nicht_sich_selbst() -> None:
    with pytest.raises(UngueltigeEingabe, match="kurzname"):
        Rechtsquelle("A", Quellenart.RICHTLINIE, "A", "A", ersetzt=("A",))
    with pytest.raises(UngueltigeEingabe, match="ersetzt"):
        Rechtsquelle("A", Quellenart.RICHTLINIE, "A", "A", ersetzt=("B", "B"))


def test_paketkatalog_jede_ersetzte_quelle_endet() -> None:
    katalog = alle_rechtsquellen()
    ersetzt = {alt for q in katalog.values() for alt in q.ersetzt}
    assert ersetzt == {
        "KI-RL-2012", "KI-RL-2016", "KI-RL-2018", "KI-RL-2020", "KI-RL-2023", "KI-RdErl-2012",
        "KI-RdErl-2015", "KIM-RL-2020", "KOMMAN-RL-2019", "KOMMAN-RL-2022", "IA-RL-2017",
        "IA-RL-2024",
    }  # fmt: skip
    for kurzname in ersetzt:
        assert massgeblich(kurzname).bis is not None, kurzname
    with pytest.raises(NichtGefunden):
        massgeblich("GIBT-ES-NICHT")

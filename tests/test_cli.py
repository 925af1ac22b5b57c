"""Der Befehl kim-nrw: Ausgabe, JSON und Exit-Codes."""

from __future__ import annotations

import json

import pytest

from kim_nrw.cli import main


def test_kommune_kreis_heinsberg(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kommune", "05370"]) == 0
    aus = capsys.readouterr()
    assert aus.err == ""
    assert "Heinsberg (Kreis)" in aus.out
    assert "05370004  Erkelenz, Stadt" in aus.out
    assert "Stand 31.12.2020" in aus.out
    assert "Destatis" in aus.out
    assert aus.out.count("\n    053700") == 10


def test_kommune_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kommune", "Erkelenz", "--json"]) == 0
    daten = json.loads(capsys.readouterr().out)
    assert daten["schluessel"] == "05370004"
    assert daten["ars"] == "053700004004"
    assert daten["kreis"] == {"schluessel": "05370", "name": "Heinsberg"}
    assert daten["regierungsbezirk"]["schluessel"] == "053"
    assert daten["einwohner"] == 43275
    assert daten["einwohner_stichtag"] == "2020-12-31"


def test_kommune_aachen_zeigt_sonderstatus(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kommune", "05334002", "--json"]) == 0
    daten = json.loads(capsys.readouterr().out)
    assert daten["rechtlich_kreisfrei"] is True
    assert "StädteRegion" in daten["sonderstatus"]


@pytest.mark.parametrize("anfrage", ["Heinsberg", "Atlantis", "09162000", "0537", ""])
def test_kommune_fehler_exit_2_nichts_auf_stdout(
    anfrage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["kommune", anfrage]) == 2
    aus = capsys.readouterr()
    assert aus.out == ""
    assert aus.err.startswith("kim-nrw: ")


def test_mehrdeutig_nennt_kandidaten(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kommune", "Heinsberg"]) == 2
    err = capsys.readouterr().err
    assert "05370 Heinsberg" in err and "05370016 Heinsberg, Stadt" in err


def test_ki_liste(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ki"]) == 0
    aus = capsys.readouterr().out
    assert "54 Kommunale Integrationszentren" in aus
    assert "Kommunales Integrationszentrum Stadt Aachen" in aus


def test_ki_eines_mit_kommunen(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ki", "05370"]) == 0
    aus = capsys.readouterr().out
    assert "Kommunales Integrationszentrum Kreis Heinsberg" in aus
    assert "Zuständig für (10)" in aus
    assert "2014" in aus


def test_ki_unbekannte_gruendung(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ki", "Bonn"]) == 0
    assert "in den Quellen nicht belegt" in capsys.readouterr().out


def test_ki_fuer_gemeinde_ohne_eigenes_ki(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ki", "Erkelenz"]) == 2
    aus = capsys.readouterr()
    assert aus.out == "" and "Kreis Heinsberg" in aus.err

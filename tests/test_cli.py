"""Der Befehl kim-nrw: Ausgabe, JSON und Exit-Codes."""

from __future__ import annotations

import json
from pathlib import Path

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
    assert "05370 Kreis Heinsberg" in err and "05370016 Stadt Heinsberg" in err


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


BEISPIELE = Path(__file__).resolve().parent.parent / "examples" / "antraege"


@pytest.mark.parametrize(
    ("datei", "code", "ergebnis"),
    [
        ("kreis_heinsberg_kim_b2_2021.json", 0, "förderfähig"),
        ("stadt_aachen_kim_b3_2021.json", 1, "nicht förderfähig"),
        ("staedteregion_aachen_kim_b3_2021.json", 0, "förderfähig"),
        ("stadt_erkelenz_eigenes_ki_2021.json", 1, "nicht förderfähig"),
        ("kreis_coesfeld_kim_b1_2025.json", 0, "förderfähig"),
    ],
)
def test_pruefen_beispiele(
    datei: str, code: int, ergebnis: str, capsys: pytest.CaptureFixture[str]
) -> None:
    stichtag = "2025-02-01" if "2025" in datei else "2021-06-01"
    assert main(["pruefen", str(BEISPIELE / datei), "--stichtag", stichtag]) == code
    aus = capsys.readouterr()
    assert f"Ergebnis: {ergebnis}\n" in aus.out
    assert aus.err == ""


def test_pruefen_heinsberg_kuerzt_den_betrag(capsys: pytest.CaptureFixture[str]) -> None:
    main(["pruefen", str(BEISPIELE / "kreis_heinsberg_kim_b2_2021.json"), "--stichtag",
          "2021-06-01"])  # fmt: skip
    assert "auf 137.500,00 € gekürzt" in capsys.readouterr().out


def test_pruefen_unentschieden_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    datei = tmp_path / "a.json"
    datei.write_text(json.dumps({"dokument": "foerderantrag", "version": 1, "inhalt": {
        "antragsteller": "05370", "programmteil": "KI", "zeitraum": "2021",
        "stellen": [{"funktion": "fachkraft", "anteil": "1"}]}}), encoding="utf-8")  # fmt: skip
    assert main(["pruefen", str(datei), "--stichtag", "2021-06-01"]) == 3
    assert "Ergebnis: unentschieden" in capsys.readouterr().out


def test_pruefen_json(capsys: pytest.CaptureFixture[str]) -> None:
    datei = BEISPIELE / "stadt_aachen_kim_b3_2021.json"
    assert main(["pruefen", str(datei), "--stichtag", "2021-06-01", "--json"]) == 1
    dokument = json.loads(capsys.readouterr().out)
    assert dokument["dokument"] == "pruefergebnis"
    assert dokument["inhalt"]["entscheidung"] == "nicht förderfähig"


def test_pruefen_meldet_alle_probleme(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    datei = tmp_path / "kaputt.json"
    datei.write_text(json.dumps({"dokument": "foerderantrag", "version": 1, "inhalt": {
        "antragsteller": "09162000", "programmteil": "KIM.B9", "zeitraum": "2021",
        "stellen": [{"funktion": "fachkraft", "anteil": 0.5}], "unbekannt": 1}}),
        encoding="utf-8")  # fmt: skip
    assert main(["pruefen", str(datei), "--stichtag", "2021-06-01"]) == 2
    aus = capsys.readouterr()
    assert aus.out == ""
    for pfad in ("antragsteller", "programmteil", "stellen[0].anteil", "unbekannt"):
        assert f"$.inhalt.{pfad}:" in aus.err


@pytest.mark.parametrize("argumente", [["/gibt/es/nicht.json"], ["x", "--stichtag", "1.6.2021"]])
def test_pruefen_ungueltige_argumente(
    argumente: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pruefen", *argumente]) == 2
    assert capsys.readouterr().out == ""


def test_pruefen_ohne_stichtag_nennt_den_tag(capsys: pytest.CaptureFixture[str]) -> None:
    main(["pruefen", str(BEISPIELE / "kreis_heinsberg_kim_b2_2021.json")])
    assert "Stichtag nicht angegeben, verwende heute" in capsys.readouterr().err


def test_programme(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["programme", "--stichtag", "2021-06-01"]) == 0
    aus = capsys.readouterr().out
    assert "01.06.2021" in aus
    assert "kim.b2.case_management.betrag_je_stelle" in aus


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "foerderantrag"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert main(["schema", "gibtsnicht"]) == 2

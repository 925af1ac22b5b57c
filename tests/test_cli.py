"""Der Befehl kim-nrw: Ausgabe, JSON, Exit-Codes und die Kante (nie ein Traceback)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from kim_nrw import cli
from kim_nrw.cli import ausgabe, befehle, main
from kim_nrw.cli.deutsch import deutsch


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
        ("kreis_heinsberg_kim_b2_2021.json", 0, "förderfähig\n"),
        ("stadt_aachen_kim_b3_2021.json", 1, "nicht förderfähig\n"),
        # unentschieden (Exit-Code 3): der Betrag je halbe Stelle in Baustein 3 ist nur für
        # 2020 belegt, 2021 ist er eine Lücke – kein fortgeschriebener Wert
        ("staedteregion_aachen_kim_b3_2021.json", 3, "unentschieden\n"),
        ("stadt_erkelenz_eigenes_ki_2021.json", 1, "nicht förderfähig\n"),
        ("kreis_coesfeld_kim_b1_2025.json", 0, "förderfähig, vorbehaltlich: "),
        ("kreis_kleve_kim_b1_b2_2025.json", 0, "förderfähig, vorbehaltlich: "),
    ],
)
def test_pruefen_beispiele(
    datei: str, code: int, ergebnis: str, capsys: pytest.CaptureFixture[str]
) -> None:
    stichtag = "2025-02-01" if "2025" in datei else "2021-06-01"
    assert main(["pruefen", str(BEISPIELE / datei), "--stichtag", stichtag]) == code
    aus = capsys.readouterr()
    assert f"Ergebnis: {ergebnis}" in aus.out
    assert aus.err == ""


def test_pruefen_gemeinsamer_antrag_als_json_mit_vorbehalten(
    capsys: pytest.CaptureFixture[str],
) -> None:
    datei = BEISPIELE / "kreis_kleve_kim_b1_b2_2025.json"
    assert main(["pruefen", str(datei), "--stichtag", "2025-02-01", "--json"]) == 0
    dokument = json.loads(capsys.readouterr().out)
    inhalt = dokument["inhalt"]
    assert (dokument["version"], inhalt["entscheidung"]) == (3, "förderfähig, vorbehaltlich")
    assert {v["art"] for v in inhalt["vorbehalte"]} == {"abgeleitet", "fortgeschrieben"}
    assert [t["teil"] for t in inhalt["hoechstbetraege"]] == ["KIM.B1", "KIM.B2"]
    assert inhalt["hinweise"][0]["art"] == "kein_rechtsanspruch"


def test_pruefen_heinsberg_kuerzt_den_betrag(capsys: pytest.CaptureFixture[str]) -> None:
    main(["pruefen", str(BEISPIELE / "kreis_heinsberg_kim_b2_2021.json"), "--stichtag",
          "2021-06-01"])  # fmt: skip
    assert "auf 137.500,00 € gekürzt" in capsys.readouterr().out


def test_pruefen_unentschieden_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    datei = tmp_path / "a.json"
    datei.write_text(json.dumps({"dokument": "foerderantrag", "version": 1, "inhalt": {
        "antragsteller": "05370", "programmteile": ["KI"], "zeitraum": "2021",
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


# -- Die Kante: nie ein Traceback, jede Umgebung (als eigene Prozesse) ----------------------

HEINSBERG = BEISPIELE / "kreis_heinsberg_kim_b2_2021.json"
STICHTAG = ["--stichtag", "2021-06-01"]
WURZEL = Path(__file__).resolve().parent.parent
ENGLISCH = ("usage:", "error:", "positional arguments", "options:", "show this help",
            "the following", "invalid choice", "unrecognized", "expected", "argument ")  # fmt: skip


def _umgebung(**setzen: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"LC_ALL", "LANG", "LC_CTYPE"}}
    env.pop("PYTHONUTF8", None)
    env["PYTHONIOENCODING"] = "utf-8"  # streng: Python selbst maskiert auf stdout nichts
    for name, wert in setzen.items():
        if wert is None:
            env.pop(name, None)
        else:
            env[name] = wert
    return env


def _kim(
    *argumente: str,
    eingabe: bytes | None = None,
    env: dict[str, str] | None = None,
    shell_umleitung: str = "",
    **optionen: Any,
) -> subprocess.CompletedProcess[bytes]:
    """``python -m kim_nrw`` als eigener Prozess; ``shell_umleitung`` etwa ``2>&-``."""
    befehl = [sys.executable, "-m", "kim_nrw", *argumente]
    if shell_umleitung:
        befehl = ["sh", "-c", f'exec "$@" {shell_umleitung}', "sh", *befehl]
    optionen.setdefault("stdout", subprocess.PIPE)
    optionen.setdefault("stderr", subprocess.PIPE)
    if eingabe is None and "stdin" not in optionen:
        optionen["stdin"] = subprocess.DEVNULL
    optionen.setdefault("timeout", 30)
    ergebnis = subprocess.run(
        befehl, input=eingabe, env=env or _umgebung(), check=False, **optionen
    )
    assert b"Traceback" not in (ergebnis.stderr or b"")
    assert b"Traceback" not in (ergebnis.stdout or b"")
    return ergebnis


def _text(daten: bytes | None) -> str:
    return (daten or b"").decode("utf-8")


@pytest.fixture(scope="module")
def heinsberg_text() -> bytes:
    ergebnis = _kim("pruefen", str(HEINSBERG), *STICHTAG)
    assert ergebnis.returncode == 0 and ergebnis.stderr == b""
    return ergebnis.stdout


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="braucht /dev/full")
@pytest.mark.parametrize("argumente", [["pruefen", str(HEINSBERG), *STICHTAG], ["--help"]])
def test_voller_datentraeger_exit_4_mit_deutscher_meldung(argumente: list[str]) -> None:
    with open("/dev/full", "wb") as voll:
        ergebnis = _kim(*argumente, stdout=voll)
    assert ergebnis.returncode == cli.EXIT_EIN_AUSGABE == 4
    assert _text(ergebnis.stderr).startswith("kim-nrw: Ergebnis nicht geschrieben")
    assert "kein Platz auf dem Datenträger" in _text(ergebnis.stderr)


def test_geschlossene_standardausgabe_exit_4() -> None:
    ergebnis = _kim("pruefen", str(HEINSBERG), *STICHTAG, shell_umleitung=">&-")
    assert ergebnis.returncode == 4
    assert "Standardausgabe ist geschlossen" in _text(ergebnis.stderr)


def test_leser_schliesst_frueh_still_exit_0() -> None:
    lesen, schreiben = os.pipe()
    os.close(lesen)  # wie „| head“, nur sicher vor dem ersten Schreiben
    try:
        ergebnis = _kim("ki", stdout=schreiben)
    finally:
        os.close(schreiben)
    assert ergebnis.returncode == 0
    assert ergebnis.stderr == b""


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"PYTHONIOENCODING": None, "LC_ALL": "C", "PYTHONUTF8": "0"},
    ],
    ids=["PYTHONIOENCODING=ascii", "LC_ALL=C,PYTHONUTF8=0"],
)
def test_ausgabe_ohne_utf8_wird_maskiert(env: dict[str, str | None], heinsberg_text: bytes) -> None:
    ergebnis = _kim("pruefen", str(HEINSBERG), *STICHTAG, env=_umgebung(**env))
    assert ergebnis.returncode == 0
    assert ergebnis.stderr == b""
    text = ergebnis.stdout.decode("ascii")
    assert "Pr\\xfcfung:" in text and "Ergebnis: f\\xf6rderf\\xe4hig" in text
    assert text.encode().decode("unicode_escape") == heinsberg_text.decode("utf-8")


def test_c_locale_liest_utf8_argumente_und_maskiert_die_ausgabe() -> None:
    env = _umgebung(PYTHONIOENCODING=None, LC_ALL="C", PYTHONUTF8="0")
    ergebnis = _kim("kommune", "Mönchengladbach", env=env)
    assert ergebnis.returncode == 0
    assert ergebnis.stdout.startswith(b"M\\xf6nchengladbach, Stadt (Kreisfreie Stadt)\n")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="braucht /dev/full")
def test_volles_stderr_behaelt_den_exit_code() -> None:
    with open("/dev/full", "wb") as voll:
        ergebnis = _kim("pruefen", "/gibt/es/nicht.json", stderr=voll)
    assert ergebnis.returncode == 2  # nicht 120 („Exception ignored“ beim Beenden)
    assert ergebnis.stdout == b""


def test_beide_stroeme_geschlossen() -> None:
    ergebnis = _kim("pruefen", str(HEINSBERG), *STICHTAG, shell_umleitung=">&- 2>&-")
    assert ergebnis.returncode == 4


def test_json_ohne_utf8_bleibt_gueltiges_json() -> None:
    utf8 = _kim("pruefen", str(HEINSBERG), *STICHTAG, "--json")
    ascii_ = _kim("pruefen", str(HEINSBERG), *STICHTAG, "--json",
                  env=_umgebung(PYTHONIOENCODING="ascii"))  # fmt: skip
    assert utf8.returncode == ascii_.returncode == 0
    assert "Jülich" in _text(utf8.stdout)
    assert b"J\\u00fclich" in ascii_.stdout
    assert json.loads(ascii_.stdout.decode("ascii")) == json.loads(utf8.stdout)


@pytest.fixture
def mit_surrogat(tmp_path: Path) -> Path:
    dokument = json.loads(HEINSBERG.read_text(encoding="utf-8"))
    dokument["inhalt"]["stellen"][0]["bezeichnung"] = "Case Management \ud800"
    dokument["inhalt"]["weiterleitungen"][0]["empfaenger"] = "DRK \ud800 Heinsberg"
    datei = tmp_path / "surrogat.json"
    datei.write_text(json.dumps(dokument), encoding="ascii")  # als \ud800-Escape
    assert b"\\ud800" in datei.read_bytes()
    return datei


def test_surrogat_in_json_ausgabe_als_escape(mit_surrogat: Path) -> None:
    ergebnis = _kim("pruefen", str(mit_surrogat), *STICHTAG, "--json")
    assert ergebnis.returncode == 0
    text = ergebnis.stdout.decode("utf-8")  # gültiges UTF-8
    assert '"bezeichnung": "Case Management \\ud800"' in text
    assert "Jülich" in text  # nur das Surrogat ist maskiert, der Rest bleibt lesbar
    inhalt = json.loads(text)["inhalt"]["antrag"]
    assert inhalt["weiterleitungen"][0]["empfaenger"] == "DRK \ud800 Heinsberg"


def test_surrogat_in_textausgabe(mit_surrogat: Path, heinsberg_text: bytes) -> None:
    ergebnis = _kim("pruefen", str(mit_surrogat), *STICHTAG)
    assert ergebnis.returncode == 0
    assert ergebnis.stdout == heinsberg_text


def test_surrogat_in_meldung_und_argument() -> None:
    ergebnis = _kim("kommune", os.fsdecode(b"K\xf6ln"))  # als \udcf6 im Argument
    assert ergebnis.returncode == 2
    assert "\\udcf6" in _text(ergebnis.stderr)


def test_text_und_json_mit_surrogat_in_prozess() -> None:
    ziel = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    assert ausgabe.darstellbar("a \ud800 ü\n", ziel) == "a \\ud800 ü\n"
    assert ausgabe.darstellbar('"a \ud800 ü😀"', ziel, als_json=True) == '"a \\ud800 ü😀"'
    ascii_ = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    maskiert = ausgabe.darstellbar('"a \ud800 ü😀"', ascii_, als_json=True)
    assert maskiert == '"a \\ud800 \\u00fc\\ud83d\\ude00"'
    assert json.loads(maskiert) == "a \ud800 ü😀"


def test_zu_grosse_datei_exit_2(tmp_path: Path) -> None:
    datei = tmp_path / "gross.json"
    datei.write_bytes(b" " * cli.MAX_EINGABE + b"{}")
    ergebnis = _kim("pruefen", str(datei), *STICHTAG)
    assert ergebnis.returncode == 2
    assert "zu groß: hat 4.194.306 Byte" in _text(ergebnis.stderr)
    assert "höchstens 4.194.304 Byte" in _text(ergebnis.stderr)
    # genau an der Grenze wird gelesen (und als JSON geprüft)
    datei.write_bytes(b" " * (cli.MAX_EINGABE - 2) + b"{}")
    ergebnis = _kim("pruefen", str(datei), *STICHTAG)
    assert ergebnis.returncode == 2
    assert "zu groß" not in _text(ergebnis.stderr)


def test_zu_grosse_standardeingabe_exit_2() -> None:
    ergebnis = _kim("pruefen", "-", *STICHTAG, eingabe=b" " * (cli.MAX_EINGABE + 1))
    assert ergebnis.returncode == 2
    assert "Standardeingabe: zu groß: hat mehr als 4.194.304 Byte" in _text(ergebnis.stderr)


def _speicher_begrenzen() -> None:  # wie ulimit -v: 512 MiB Adressraum
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (512 * 1024 * 1024, 512 * 1024 * 1024))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="braucht /dev/zero, RLIMIT_AS")
def test_dev_zero_unter_speichergrenze_endet_sofort() -> None:
    ergebnis = _kim("pruefen", "/dev/zero", *STICHTAG, preexec_fn=_speicher_begrenzen, timeout=10)
    assert ergebnis.returncode == 2
    assert "/dev/zero: zu groß" in _text(ergebnis.stderr)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="braucht FIFOs")
def test_fifo_ohne_schreiber_blockiert_nicht(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    ergebnis = _kim("pruefen", str(fifo), *STICHTAG, timeout=10)  # hängt: TimeoutExpired
    assert ergebnis.returncode == 2
    assert "niemand schreibt hinein" in _text(ergebnis.stderr)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="braucht FIFOs")
def test_fifo_mit_schreiber(tmp_path: Path, heinsberg_text: bytes) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    schreiber = threading.Thread(target=lambda: fifo.write_bytes(HEINSBERG.read_bytes()))
    schreiber.start()  # öffnet die FIFO vor kim-nrw und wartet dort auf den Leser
    ergebnis = _kim("pruefen", str(fifo), *STICHTAG, timeout=10)
    schreiber.join(timeout=10)
    assert ergebnis.returncode == 0
    assert ergebnis.stdout == heinsberg_text


def test_minus_liest_die_standardeingabe(heinsberg_text: bytes) -> None:
    ergebnis = _kim("pruefen", "-", *STICHTAG, eingabe=HEINSBERG.read_bytes())
    assert ergebnis.returncode == 0
    assert ergebnis.stdout == heinsberg_text


def test_minus_bei_geschlossener_standardeingabe() -> None:
    ergebnis = _kim("pruefen", "-", *STICHTAG, shell_umleitung="<&-")
    assert ergebnis.returncode == 2
    assert "Standardeingabe: ist geschlossen" in _text(ergebnis.stderr)


def test_minus_in_prozess(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    daten = b"\xef\xbb\xbf" + HEINSBERG.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(daten), encoding="utf-8"))
    assert main(["pruefen", "-", *STICHTAG]) == 0
    assert "Ergebnis: förderfähig\n" in capsys.readouterr().out


def test_utf8_mit_bom_wird_gelesen(tmp_path: Path, heinsberg_text: bytes) -> None:
    datei = tmp_path / "bom.json"
    datei.write_bytes(b"\xef\xbb\xbf" + HEINSBERG.read_bytes())
    ergebnis = _kim("pruefen", str(datei), *STICHTAG)
    assert ergebnis.returncode == 0
    assert ergebnis.stdout == heinsberg_text


@pytest.mark.parametrize(
    ("kodierung", "erwartet"),
    [
        ("utf-16", "ist in UTF-16 LE gespeichert (Byte-Order-Mark FF FE)"),  # mit BOM
        ("utf-16-le", "sieht nach UTF-16 LE (ohne BOM) aus"),
        ("utf-16-be", "sieht nach UTF-16 BE (ohne BOM) aus"),
        ("utf-32", "ist in UTF-32 LE gespeichert"),
        ("latin-1", "sieht nach Latin-1 (ISO-8859-1) oder Windows-1252 aus"),
        ("cp1252", "sieht nach Windows-1252 aus"),
    ],
)
def test_andere_kodierung_nennt_sie(tmp_path: Path, kodierung: str, erwartet: str) -> None:
    text = HEINSBERG.read_text(encoding="utf-8")
    if kodierung == "cp1252":
        text = text.replace("Jülich", "„Jülich“")
    datei = tmp_path / "antrag.json"
    datei.write_bytes(text.encode(kodierung))
    ergebnis = _kim("pruefen", str(datei), *STICHTAG)
    assert ergebnis.returncode == 2
    assert ergebnis.stdout == b""
    meldung = _text(ergebnis.stderr)
    assert erwartet in meldung
    assert "bitte die Datei als UTF-8 speichern" in meldung


def test_latin1_nennt_zeile_und_zeichen(tmp_path: Path) -> None:
    datei = tmp_path / "antrag.json"
    datei.write_bytes(HEINSBERG.read_text(encoding="utf-8").encode("latin-1"))
    meldung = _text(_kim("pruefen", str(datei), *STICHTAG).stderr)
    assert "Byte 0xFC in Zeile 18, in Latin-1 „ü“" in meldung


@pytest.mark.parametrize(
    ("umleitung", "argumente"),
    [
        ("2>&-", ["pruefen", "/gibt/es/nicht.json", *STICHTAG]),
        ("2>&-", ["pruefen"]),
        ("2>&-", ["kommune", "Atlantis"]),
    ],
)
def test_geschlossenes_stderr_nichts_auf_stdout(umleitung: str, argumente: list[str]) -> None:
    ergebnis = _kim(*argumente, shell_umleitung=umleitung)
    assert ergebnis.returncode == 2
    assert ergebnis.stdout == b""


def test_geschlossenes_stderr_stdout_traegt_nur_das_ergebnis(heinsberg_text: bytes) -> None:
    ergebnis = _kim("pruefen", str(HEINSBERG), shell_umleitung="2>&-")  # ohne Stichtag: Hinweis
    assert ergebnis.returncode in (0, 1, 3)
    assert ergebnis.stdout.startswith("Prüfung: ".encode())
    assert b"Stichtag" not in ergebnis.stdout.split(b"\n")[0]
    assert b"kim-nrw:" not in ergebnis.stdout


@pytest.mark.parametrize(
    ("argumente", "deutsch"),
    [
        ([], "es fehlt: BEFEHL"),
        (["foo"], "Argument BEFEHL: ungültige Wahl: 'foo' (möglich: 'kommune', 'ki'"),
        (["pruefen"], "es fehlt: DATEI"),
        (["pruefen", "x", "--stichtag"], "Argument --stichtag: erwartet einen Wert"),
        (["ki", "a", "b"], "unbekannte Argumente: b"),
        (["--unbekannt"], "es fehlt: BEFEHL"),
        (["kommune", "05370", "--jsn", "--x"], "unbekannte Argumente: --jsn --x"),
    ],
)
def test_argparse_spricht_deutsch(
    argumente: list[str], deutsch: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argumente) == 2
    aus = capsys.readouterr()
    assert aus.out == ""
    assert aus.err.startswith("Aufruf: kim-nrw")
    assert deutsch in aus.err
    assert "Fehler: " in aus.err and "--help“ zeigt die Hilfe." in aus.err
    for wort in ENGLISCH:
        assert wort not in aus.err


def test_argparse_deutsch_als_prozess() -> None:
    ergebnis = _kim("pruefen", "--stichtag")
    assert ergebnis.returncode == 2
    assert ergebnis.stdout == b""
    fehler = _text(ergebnis.stderr)
    assert "Aufruf: kim-nrw pruefen" in fehler
    assert "Argument --stichtag: erwartet einen Wert" in fehler
    for wort in ENGLISCH:
        assert wort not in fehler


def test_deutsch_uebersetzt_verschachtelt_und_laesst_unbekanntes() -> None:
    assert deutsch("argument X: expected at most one argument") == (
        "Argument X: erwartet höchstens einen Wert"
    )
    assert deutsch("expected 2 arguments") == "erwartet 2 Werte"
    assert deutsch("something new: %s") == "something new: %s"


def test_python_m_kim_nrw_hilfe_deutsch() -> None:
    ergebnis = _kim("--help")
    assert ergebnis.returncode == 0
    assert ergebnis.stderr == b""
    hilfe = _text(ergebnis.stdout)
    assert hilfe.startswith("Aufruf: kim-nrw [-h] [--version] BEFEHL ...")
    for wort in ("Argumente:", "Optionen:", "diese Hilfe zeigen und beenden", "Exit-Codes:"):
        assert wort in hilfe
    for wort in ENGLISCH:
        assert wort not in hilfe


def test_hilfe_in_prozess_und_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pruefen", "--help"]) == 0
    hilfe = capsys.readouterr().out
    assert "„-“ für die Standardeingabe" in hilfe and "4.194.304 Byte" in hilfe
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("kim-nrw ")


def test_befehl_kim_nrw_ist_installiert() -> None:
    befehl = Path(sys.executable).with_name("kim-nrw")
    if not befehl.exists():
        pytest.skip("kein kim-nrw neben dem Python dieser Tests")
    ergebnis = subprocess.run([befehl, "--version"], capture_output=True, check=False)
    assert ergebnis.returncode == 0 and ergebnis.stdout.startswith(b"kim-nrw ")


_CODES = {0: "förderfähig", 1: "nicht förderfähig", 2: "ungültige", 3: "unentschieden",
          4: "Ein-/Ausgabe", 5: "intern", 130: "abgebrochen"}  # fmt: skip


def test_exit_codes_ueberall_dokumentiert(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    hilfe = capsys.readouterr().out
    readme = (WURZEL / "README.md").read_text(encoding="utf-8")
    absatz = " ".join(readme[readme.index("`kim-nrw pruefen` endet") :].split("\n\n")[0].split())
    assert cli.__doc__ is not None
    for code, wort in _CODES.items():
        assert f"* {code} – " in cli.__doc__ and wort in cli.__doc__
        assert f"\n  {code:<4} " in hilfe
        assert f"{code} (" in absatz, f"README nennt Exit-Code {code} nicht"
        assert wort.split()[0] in absatz
    assert {cli.EXIT_EIN_AUSGABE, cli.EXIT_INTERN}.isdisjoint({0, 1, 2, 3})


def test_interner_fehler_ohne_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def kaputt(args: object) -> int:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(befehle, "kommune", kaputt)
    assert main(["kommune", "05370"]) == cli.EXIT_INTERN == 5
    aus = capsys.readouterr()
    assert aus.out == ""
    assert aus.err.startswith("kim-nrw: interner Fehler")
    assert "ZeroDivisionError in test_cli.py, Zeile" in aus.err
    assert "Bitte melden Sie ihn" in aus.err
    assert "Traceback" not in aus.err


def test_interner_fehler_als_prozess() -> None:
    programm = (
        "import sys; from kim_nrw import cli\n"
        "from kim_nrw.cli import befehle\n"
        "def kaputt(args): raise MemoryError\n"
        "befehle.ki = kaputt\n"
        "sys.exit(cli.main(['ki']))\n"
    )
    ergebnis = subprocess.run([sys.executable, "-c", programm], capture_output=True,
                              env=_umgebung(), timeout=30, check=False)  # fmt: skip
    assert ergebnis.returncode == 5
    assert ergebnis.stdout == b""
    assert "kim-nrw: interner Fehler" in _text(ergebnis.stderr)
    assert b"Traceback" not in ergebnis.stderr


def test_strg_c_exit_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def unterbrochen(args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(befehle, "ki", unterbrochen)
    assert main(["ki"]) == cli.EXIT_ABGEBROCHEN == 130
    assert capsys.readouterr().err == "kim-nrw: abgebrochen\n"


@pytest.mark.parametrize(
    ("pfad", "meldung"),
    [
        ("/", "ist ein Verzeichnis"),
        (os.devnull, "ist leer"),
        ("/gibt/es/nicht.json", "gibt es nicht"),
    ],
)
def test_unbrauchbare_datei_exit_2(
    pfad: str, meldung: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pruefen", pfad, *STICHTAG]) == 2
    aus = capsys.readouterr()
    assert aus.out == "" and meldung in aus.err


# -- Fehlerbericht als JSON und Schema nach Klassennamen --------------------------------------


@pytest.mark.parametrize(
    ("eingabe", "code"),
    [
        (b'{"dokument": "foerderantrag", "version": 2, "inhalt": {"antragsteller": "05370", '
         b'"zeitraum": "2021", "x": 1}}', "unbekannter_schluessel"),
        (b"{kein json", "ungueltiges_json"),
        (b'{"antragsteller": "05370", "programmteile": ["KIM.B2"], "zeitraum": "2021"}',
         "ohne_umschlag"),
    ],
    ids=["unbekannt", "kein-json", "ohne-umschlag"],
)  # fmt: skip
def test_pruefen_json_schreibt_den_fehlerbericht(eingabe: bytes, code: str) -> None:
    from kim_nrw.fehler import PROBLEMCODES

    ergebnis = _kim("pruefen", "--json", "-", *STICHTAG, eingabe=eingabe)
    assert ergebnis.returncode == cli.EXIT_EINGABE == 2
    bericht = json.loads(ergebnis.stdout)
    assert (bericht["dokument"], bericht["version"]) == ("fehlerbericht", 1)
    inhalt = bericht["inhalt"]
    assert inhalt["dokumenttyp"] == "foerderantrag"
    assert inhalt["anzahl"] == len(inhalt["probleme"]) + inhalt["weitere"]
    assert code in [p["code"] for p in inhalt["probleme"]]
    assert all(p["code"] in PROBLEMCODES for p in inhalt["probleme"])
    assert "Fehlerbericht als JSON" in _text(ergebnis.stderr)


def test_pruefen_ohne_json_meldet_die_probleme_auf_stderr() -> None:
    ergebnis = _kim("pruefen", "-", *STICHTAG, eingabe=b"{kein json")
    assert ergebnis.returncode == 2 and ergebnis.stdout == b""
    assert "kein gültiges JSON" in _text(ergebnis.stderr)


def test_schema_nimmt_auch_den_klassennamen() -> None:
    nach_typ = _kim("schema", "foerderantrag")
    nach_klasse = _kim("schema", "Foerderantrag")
    assert nach_typ.returncode == nach_klasse.returncode == 0
    assert nach_typ.stdout == nach_klasse.stdout
    falsch = _kim("schema", "Quatsch")
    assert falsch.returncode == 2 and "Foerderantrag" in _text(falsch.stderr)

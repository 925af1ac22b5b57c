"""Was ``kim-nrw`` beim Start lädt: jeder Befehl nur, was er braucht (Issue 14).

Hier stehen keine Zeiten (die misst ``benchmarks/bench_cli.py``), nur welche Module und
Daten ein Befehl lädt – das, was die Startzeit bestimmt, und was still zurückkehren könnte.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

WURZEL = Path(__file__).resolve().parent.parent
BEISPIEL = str(WURZEL / "examples" / "antraege" / "kreis_heinsberg_kim_b2_2021.json")

_CODE = """\
import contextlib, io, json, sys
from kim_nrw.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    code = main(json.loads(sys.argv[1]))
module = sorted(sys.modules)
from kim_nrw.gebiet.register import register
from kim_nrw.recht.laden import alle_parameter, alle_rechtsquellen
from kim_nrw.programme.laden import katalog
geladen = [f.__name__ for f in (register, alle_rechtsquellen, alle_parameter, katalog) if f.geladen]
print(json.dumps({"code": code, "module": module, "daten": geladen}))
"""


def _start(*argumente: str) -> tuple[int, set[str], list[str]]:
    """Exit-Code, geladene Module und geladene Daten nach einem Befehl (im frischen Prozess)."""
    ergebnis = subprocess.run(
        [sys.executable, "-c", _CODE, json.dumps(argumente)],
        capture_output=True,
        text=True,
        cwd=WURZEL,
        check=True,
    )
    bericht = json.loads(ergebnis.stdout)
    return bericht["code"], set(bericht["module"]), bericht["daten"]


def _paket(module: set[str], *namen: str) -> set[str]:
    """Die geladenen Module, die zu einem der Pakete ``namen`` gehören."""
    return {m for m in module if m.split(".")[0] in namen or m.startswith(namen)}


def test_hilfe_laedt_kein_fachmodul_und_keine_abhaengigkeit() -> None:
    code, module, daten = _start("--help")
    assert code == 0
    assert _paket(module, "kim_nrw") == {
        "kim_nrw",
        "kim_nrw.cli",
        "kim_nrw.cli.ausgabe",
        "kim_nrw.cli.befehle",
        "kim_nrw.cli.codes",
        "kim_nrw.cli.deutsch",
        "kim_nrw.cli.eingabe",
        "kim_nrw.fehler",
        "kim_nrw.schreibweise",
    }
    # ast und pathlib lädt erst der erste öffentliche Name der Wurzel, traceback erst ein
    # interner Fehler
    assert not _paket(module, "attr", "attrs", "cattrs", "dateutil", "ast", "pathlib", "traceback")
    assert daten == []


def test_kommune_braucht_nur_das_register() -> None:
    code, module, daten = _start("kommune", "05370")
    assert code == 0
    assert not _paket(module, "cattrs", "tomllib", "importlib.resources", "kim_nrw.recht",
                      "kim_nrw.programme", "kim_nrw.serial", "kim_nrw.pruefung",
                      "kim_nrw.antrag", "kim_nrw.zentren")  # fmt: skip
    assert daten == ["register"]


@pytest.mark.parametrize("json_ausgabe", [False, True])
def test_pruefen_liest_die_kopie_statt_toml(json_ausgabe: bool) -> None:
    argumente = ["pruefen", BEISPIEL, "--stichtag", "2021-06-01"]
    code, module, daten = _start(*argumente, *(["--json"] if json_ausgabe else []))
    assert code == 0
    assert "tomllib" not in module, "die Kopie der Paketdaten ist veraltet oder wird nicht genutzt"
    assert set(daten) == {"register", "alle_rechtsquellen", "alle_parameter", "katalog"}

"""Das Projekt selbst: README und CI stimmen überein, Paketdaten gleich Neubau, Beispiele laufen."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

import kim_nrw

WURZEL = Path(__file__).resolve().parent.parent


def _readme_befehle() -> list[str]:
    text = (WURZEL / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.+?)\n```", text)


def test_readme_hat_genau_zwei_einrichtungsbefehle_und_die_ci_fuehrt_sie_aus() -> None:
    befehle = _readme_befehle()
    assert len(befehle) == 2
    ci = (WURZEL / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for befehl in befehle:
        assert befehl in ci, f"CI führt den README-Befehl nicht aus: {befehl}"
    assert "kim-nrw pruefen examples/antraege/" in befehle[0]
    assert "pytest" in befehle[1]


def test_paketdaten_gleichen_dem_neubau_aus_den_rohdaten() -> None:
    spec = importlib.util.spec_from_file_location(
        "gebietsstand", WURZEL / "tools" / "gebietsstand.py"
    )
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    neu = modul.baue((WURZEL / "data" / "raw" / "GV100AD_301121_NRW.ASC").read_text("utf-8"))
    paket = resources.files("kim_nrw").joinpath("daten", "gebietsstand.csv").read_text("utf-8")
    assert neu == paket


def test_version_ist_gesetzt() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+(\.dev\d+)?", kim_nrw.__version__)


def test_import_liest_keine_datendatei() -> None:
    code = (
        "import builtins, io, sys\n"
        "geoeffnet = []\n"
        "import importlib.resources.readers\n"
        "orig = io.open\n"
        "def spion(f, *a, **k):\n"
        "    geoeffnet.append(str(f)); return orig(f, *a, **k)\n"
        "io.open = builtins.open = spion\n"
        "import kim_nrw\n"
        "daten = [f for f in geoeffnet if 'daten' in f]\n"
        "print(daten)\n"
        "sys.exit(1 if daten else 0)\n"
    )
    ergebnis = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert ergebnis.returncode == 0, ergebnis.stdout + ergebnis.stderr


def test_oeffentliche_namen_sind_dokumentiert() -> None:
    for name in kim_nrw.__all__:
        objekt = getattr(kim_nrw, name)
        if name.startswith("__") or not callable(objekt) or isinstance(objekt, type(int | str)):
            continue
        assert objekt.__doc__ and objekt.__doc__.strip(), name


@pytest.mark.parametrize("skript", sorted((WURZEL / "examples").glob("*.py")), ids=lambda p: p.name)
def test_beispiel_laeuft(skript: Path) -> None:
    ergebnis = subprocess.run(
        [sys.executable, str(skript)], capture_output=True, text=True, timeout=120
    )
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert ergebnis.stdout.strip()


def test_die_wurzel_hat_eine_tabelle_und_jeder_name_darin_ist_erreichbar() -> None:
    stub = (WURZEL / "src" / "kim_nrw" / "__init__.pyi").read_text("utf-8")
    namen = re.findall(r"^    (\w+) as \1,$", stub, re.MULTILINE)
    assert sorted([*namen, "__version__"]) == kim_nrw.__all__
    assert len(set(namen)) == len(namen), "ein Name steht zweimal in __init__.pyi"
    for name in namen:
        assert getattr(kim_nrw, name) is not None, name
    with pytest.raises(AttributeError, match="Foerderantragg"):
        kim_nrw.Foerderantragg  # type: ignore[attr-defined]  # noqa: B018


def test_ein_tippfehler_an_der_wurzel_ist_ein_fehler_fuer_mypy(tmp_path: Path) -> None:
    datei = tmp_path / "tippfehler.py"
    datei.write_text("import kim_nrw\n\nkim_nrw.Foerderantragg\nkim_nrw.Foerderantrag\n")
    ergebnis = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(datei)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ergebnis.returncode == 1, ergebnis.stdout
    assert 'has no attribute "Foerderantragg"' in ergebnis.stdout
    assert ergebnis.stdout.count("error:") == 1, ergebnis.stdout


def test_rohdatei_hat_die_aufgezeichnete_pruefsumme() -> None:
    import hashlib

    spec = importlib.util.spec_from_file_location(
        "gebietsstand", WURZEL / "tools" / "gebietsstand.py"
    )
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    inhalt = (WURZEL / "data" / "raw" / "GV100AD_301121_NRW.ASC").read_bytes()
    assert hashlib.sha256(inhalt).hexdigest() == modul.ROHDATEI_SHA256
    assert modul.ROHDATEI_SHA256 in (WURZEL / "data" / "raw" / "LIESMICH.md").read_text("utf-8")

"""Benchmark der Startzeit von ``kim-nrw``: ganze Prozesse, als Verhältnis im selben Lauf.

Aufruf::

    .venv/bin/python benchmarks/bench_cli.py [--laeufe 15] [--vorher REVISION]

Gemessen wird je Befehl der Median über ``--laeufe`` frische Prozesse (Standard 15),
als Verhältnis zu ``python -c "import attrs, cattrs, dateutil"`` (der Basis) aus
demselben Lauf; ``python -c pass`` steht zum Vergleich dabei. Die Ziele von Issue 14:
``--help`` ≤ 0,7, ``kommune 05370`` ≤ 1,3, ``pruefen`` des Beispiels der README ≤ 1,6.

Mit ``--vorher REVISION`` (etwa ``main`` oder ein Commit) wird der Quelltext dieser
Revision per ``git archive`` in ein temporäres Verzeichnis gelegt und über ``PYTHONPATH``
im selben Lauf mitgemessen (verschränkt: jede Runde misst jeden Befehl vorher und
nachher). Beide Stände müssen dieselbe Ausgabe und denselben Exit-Code liefern, sonst
bricht der Benchmark ab.

Neben der Wanduhr steht die CPU-Zeit der Prozesse (Benutzer + System, aus
``getrusage``): teilen sich mehrere Prozesse die Maschine, schwankt die Wanduhr stark,
die CPU-Zeit viel weniger.

Mit ``--phasen`` teilt der Benchmark zusätzlich ``pruefen`` in einem Prozess auf:
Abhängigkeiten (attrs, cattrs, dateutil), die Module von kim_nrw (davon: attrs übersetzt
den erzeugten Quelltext seiner Klassen), das erste Laden der Daten (davon: cattrs übersetzt
seine Hooks) und der Befehl selbst.

Gemessen wird mit Bytecode-Cache, wie ihn Nutzer nach der Installation haben: der
Benchmark übersetzt ``src``, den alten Stand und die Pakete der Umgebung vorab
(``compileall``) und entfernt ``PYTHONDONTWRITEBYTECODE`` aus der Umgebung der gemessenen
Prozesse (manche Umgebungen setzen es; dann würde jeder Lauf den Quelltext neu
übersetzen). Nie als Test-Assertion: Zeiten hängen von der Maschine ab.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

WURZEL = Path(__file__).resolve().parent.parent
BEISPIEL = "examples/antraege/kreis_heinsberg_kim_b2_2021.json"
BASIS = "import attrs, cattrs, dateutil"

BEFEHLE: dict[str, tuple[str, ...]] = {
    "--help": ("--help",),
    "kommune 05370": ("kommune", "05370"),
    "pruefen (README)": ("pruefen", BEISPIEL, "--stichtag", "2021-06-01"),
}
ZIELE = {"--help": 0.7, "kommune 05370": 1.3, "pruefen (README)": 1.6}


def _umgebung(pythonpath: str | None = None) -> dict[str, str]:
    umgebung = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONDONTWRITEBYTECODE", "PYTHONPATH", "PYTHONPROFILEIMPORTTIME"}
    }
    if pythonpath is not None:
        umgebung["PYTHONPATH"] = pythonpath
    return umgebung


def _aufruf(argumente: Sequence[str]) -> list[str]:
    """Der Befehl so, wie ihn Nutzer starten: das installierte Skript ``kim-nrw``."""
    skript = Path(sys.executable).with_name("kim-nrw")
    if skript.is_file():
        return [sys.executable, str(skript), *argumente]
    return [sys.executable, "-c", "import sys; from kim_nrw.cli import main; sys.exit(main())",
            *argumente]  # fmt: skip


def _uebersetzen(*ordner: Path) -> None:
    for pfad in ordner:
        compileall.compile_dir(pfad, quiet=2)


def _alter_stand(revision: str, ziel: Path) -> Path:
    archiv = ziel / "stand.tar"
    with archiv.open("wb") as datei:
        subprocess.run(["git", "-C", str(WURZEL), "archive", revision, "src"], check=True,
                       stdout=datei)  # fmt: skip
    with tarfile.open(archiv) as tar:
        tar.extractall(ziel, filter="data")
    return ziel / "src"


def _cpu() -> float:
    kinder = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kinder.ru_utime + kinder.ru_stime


_PHASEN = """\
import builtins, io, contextlib, sys, time
T = time.perf_counter
uebersetzen = {"attrs": 0.0, "cattrs": 0.0}
klassen = [0]
compile_ = builtins.compile
def zaehle(*a, **k):
    start = T()
    try:
        return compile_(*a, **k)
    finally:
        datei = sys._getframe(1).f_code.co_filename
        art = "attrs" if "/attr/" in datei else "cattrs" if "/cattrs/" in datei else None
        if art:
            uebersetzen[art] += T() - start
            klassen[0] += art == "attrs"
builtins.compile = zaehle
t0 = T()
import attrs, cattrs, dateutil.relativedelta
t1 = T()
import kim_nrw.cli, kim_nrw.antrag, kim_nrw.pruefung, kim_nrw.serial
t2 = T()
attrs_zeit, cattrs_vorher, anzahl = uebersetzen["attrs"], uebersetzen["cattrs"], klassen[0]
from kim_nrw.gebiet import register
from kim_nrw.recht import alle_parameter, alle_rechtsquellen
from kim_nrw.programme.laden import katalog
register(); alle_rechtsquellen(); alle_parameter(); katalog()
t3 = T()
with contextlib.redirect_stdout(io.StringIO()):
    kim_nrw.cli.main(sys.argv[1:])
t4 = T()
print(t1 - t0, t2 - t1, attrs_zeit, anzahl, t3 - t2, uebersetzen["cattrs"] - cattrs_vorher, t4 - t3)
"""
_PHASENNAMEN = (
    "Abhängigkeiten (attrs, cattrs, dateutil)",
    "Module von kim_nrw",
    "  davon attrs übersetzt Klassen",
    "  Klassen (Anzahl)",
    "erstes Laden der Daten",
    "  davon cattrs übersetzt Hooks",
    "der Befehl (lesen, prüfen, ausgeben)",
)


def _phasen(staende: dict[str, dict[str, str]], laeufe: int) -> None:
    befehl = [sys.executable, "-c", _PHASEN, *BEFEHLE["pruefen (README)"]]
    werte: dict[str, list[list[float]]] = {stand: [] for stand in staende}
    for _ in range(laeufe):
        for stand, umgebung in staende.items():
            fertig = subprocess.run(befehl, env=umgebung, cwd=WURZEL, capture_output=True,
                                    text=True, check=True)  # fmt: skip
            werte[stand].append([float(w) for w in fertig.stdout.split()])
    print(f"pruefen in Phasen (ein Prozess, Median über {laeufe}):")
    for nr, name in enumerate(_PHASENNAMEN):
        zeile = f"  {name:<42}"
        for stand, reihen in werte.items():
            median = statistics.median(r[nr] for r in reihen)
            wert = f"{median:7.0f}   " if nr == 3 else f"{median * 1000:7.1f} ms"
            zeile += f" {stand} {wert}"
        print(zeile)


def _lauf(befehl: list[str], umgebung: dict[str, str]) -> tuple[float, float, int, bytes]:
    """Wanduhr, CPU-Zeit, Exit-Code und Ausgabe eines Prozesses."""
    cpu, start = _cpu(), time.perf_counter()
    fertig = subprocess.run(befehl, env=umgebung, cwd=WURZEL, capture_output=True)
    return time.perf_counter() - start, _cpu() - cpu, fertig.returncode, fertig.stdout


def main(argumente: Sequence[str] | None = None) -> int:
    """Misst alle Befehle und druckt die Verhältnisse; gibt den Exit-Code zurück."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--laeufe", type=int, default=15, help="Prozesse je Befehl (≥ 10)")
    parser.add_argument("--vorher", metavar="REVISION", help="alten Stand mitmessen")
    parser.add_argument("--phasen", action="store_true", help="pruefen zusätzlich aufteilen")
    args = parser.parse_args(argumente)

    with tempfile.TemporaryDirectory(prefix="kim-bench-") as tmp:
        staende: dict[str, dict[str, str]] = {"nachher": _umgebung()}
        ordner = [WURZEL / "src", Path(sysconfig.get_paths()["purelib"])]
        if args.vorher:
            alt = _alter_stand(args.vorher, Path(tmp))
            staende = {"vorher": _umgebung(str(alt)), **staende}
            ordner.append(alt)
        _uebersetzen(*ordner)

        messungen: dict[str, list[float]] = {}
        cpu_zeiten: dict[str, list[float]] = {}
        befehle: dict[str, tuple[list[str], dict[str, str]]] = {
            "python -c pass": ([sys.executable, "-c", "pass"], _umgebung()),
            "Basis": ([sys.executable, "-c", BASIS], _umgebung()),
        }
        for name, argv in BEFEHLE.items():
            for stand, umgebung in staende.items():
                befehle[f"{name} [{stand}]"] = (_aufruf(argv), umgebung)
        ausgaben: dict[str, tuple[int, bytes]] = {}
        for runde in range(args.laeufe + 1):  # Runde 0 wärmt Caches und wird verworfen
            for schluessel, (befehl, umgebung) in befehle.items():
                dauer, cpu, code, ausgabe = _lauf(befehl, umgebung)
                if runde:
                    messungen.setdefault(schluessel, []).append(dauer)
                    cpu_zeiten.setdefault(schluessel, []).append(cpu)
                else:
                    ausgaben[schluessel] = (code, ausgabe)
        if args.phasen:
            _phasen(staende, args.laeufe)

    for name in BEFEHLE:
        ergebnisse = {ausgaben[f"{name} [{stand}]"] for stand in staende}
        if len(ergebnisse) != 1:
            print(f"{name}: vorher und nachher verschieden (Exit-Code oder Ausgabe)")
            return 1

    print(f"Median über {args.laeufe} Prozesse je Befehl; Verhältnis zur Basis "
          f"python -c {BASIS!r} im selben Lauf")  # fmt: skip
    print("(in Klammern: Median der Verhältnisse je Runde – robuster, wenn die Last schwankt)")
    for art, werte in (("Wanduhr", messungen), ("CPU-Zeit", cpu_zeiten)):
        median = {k: statistics.median(v) for k, v in werte.items()}
        basis = median["Basis"]
        print(f"{art}:")
        print(f"  {'python -c pass':<28} {median['python -c pass'] * 1000:7.1f} ms  "
              f"{median['python -c pass'] / basis:5.2f}×")  # fmt: skip
        print(f"  {'Basis':<28} {basis * 1000:7.1f} ms  {1:5.2f}×")
        for name in BEFEHLE:
            zeile = f"  {'kim-nrw ' + name:<28}"
            for stand in staende:
                reihe = werte[f"{name} [{stand}]"]
                wert = median[f"{name} [{stand}]"]
                paare = zip(reihe, werte["Basis"], strict=True)
                je_runde = statistics.median(a / b for a, b in paare)
                zeile += f" {stand} {wert * 1000:6.1f} ms {wert / basis:4.2f}× ({je_runde:4.2f}×)"
            print(f"{zeile}  Ziel ≤ {ZIELE[name]:.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())

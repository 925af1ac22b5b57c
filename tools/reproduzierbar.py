"""Baut Wheel und sdist zweimal mit demselben ``SOURCE_DATE_EPOCH`` und vergleicht die Bytes.

Aufruf (aus der Wurzel des Repositorys, mit dem Paket ``build`` in der Umgebung)::

    .venv/bin/python tools/reproduzierbar.py [--ausgabe dist]

``SOURCE_DATE_EPOCH`` ist der Zeitpunkt des letzten Commits (ohne Git: der Wert aus der
Umgebung oder 1. Januar 2026). Beide Builds laufen in getrennten, leeren Ordnern; die
SHA-256-Summen jeder Datei müssen übereinstimmen. Mit ``--ausgabe`` werden die Artefakte
des ersten Builds dorthin kopiert (für ``twine check`` und die Installationsproben der CI).
Exit-Code 0, wenn beide Builds Byte für Byte gleich sind.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

WURZEL = Path(__file__).resolve().parent.parent
_STANDARD_EPOCHE = "1767225600"  # 2026-01-01T00:00:00Z


def epoche() -> str:
    """``SOURCE_DATE_EPOCH``: aus der Umgebung, sonst der Zeitpunkt des letzten Commits."""
    if wert := os.environ.get("SOURCE_DATE_EPOCH"):
        return wert
    try:
        ergebnis = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=WURZEL,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return _STANDARD_EPOCHE
    return ergebnis.stdout.strip() or _STANDARD_EPOCHE


def baue(ziel: Path, zeit: str) -> dict[str, str]:
    """Baut Wheel und sdist nach ``ziel``; Dateiname → SHA-256."""
    umgebung = {**os.environ, "SOURCE_DATE_EPOCH": zeit, "PYTHONHASHSEED": "0"}
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(ziel), str(WURZEL)],
        env=umgebung,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return {
        datei.name: hashlib.sha256(datei.read_bytes()).hexdigest()
        for datei in sorted(ziel.iterdir())
    }


def main(argv: list[str] | None = None) -> int:
    """Zwei Builds, ein Vergleich."""
    parser = argparse.ArgumentParser(description="Wheel und sdist reproduzierbar?")
    parser.add_argument("--ausgabe", type=Path, help="Ordner für die Artefakte des ersten Builds")
    args = parser.parse_args(argv)
    zeit = epoche()
    with tempfile.TemporaryDirectory(prefix="kim-build-") as tmp:
        erster = baue(Path(tmp) / "a", zeit)
        zweiter = baue(Path(tmp) / "b", zeit)
        for name, summe in erster.items():
            print(f"{summe}  {name}")
        if args.ausgabe is not None:
            args.ausgabe.mkdir(parents=True, exist_ok=True)
            for name in erster:
                shutil.copy2(Path(tmp) / "a" / name, args.ausgabe / name)
    arten = {n.rsplit(".", 1)[-1] for n in erster}
    if erster != zweiter or not {"whl", "gz"} <= arten:
        print(f"NICHT reproduzierbar (SOURCE_DATE_EPOCH={zeit}):", file=sys.stderr)
        for name in sorted(set(erster) | set(zweiter)):
            print(f"  {name}: {erster.get(name)} / {zweiter.get(name)}", file=sys.stderr)
        return 1
    print(f"Reproduzierbar: {len(erster)} Artefakte zweimal gleich (SOURCE_DATE_EPOCH={zeit})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

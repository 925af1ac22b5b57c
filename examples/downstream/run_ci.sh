#!/usr/bin/env bash
# Installiert kim_nrw aus dem gebauten Wheel in eine frische Umgebung und führt die Tests
# dieses Beispielprojekts aus – so wie ein Nutzer, der kim_nrw pinnt.
#
# Aufruf: examples/downstream/run_ci.sh [DIST-ORDNER]     (Vorgabe: dist/ im Repository)
# Das Wheel muss die in pyproject.toml gepinnte Version haben; sonst bricht das Skript ab.
set -euo pipefail
hier="$(cd "$(dirname "$0")" && pwd)"
wurzel="$(cd "$hier/../.." && pwd)"
dist="$(cd "${1:-$wurzel/dist}" && pwd)"
python="${PYTHON:-python3}"

pin="$("$python" - "$hier/pyproject.toml" <<'PY'
import sys, tomllib
with open(sys.argv[1], "rb") as datei:
    abhaengig = tomllib.load(datei)["project"]["dependencies"]
print(next(d.split("==", 1)[1] for d in abhaengig if d.startswith("kim-nrw==")))
PY
)"
rad="$dist/kim_nrw-$pin-py3-none-any.whl"
if [ ! -f "$rad" ]; then
    echo "Kein Wheel für kim-nrw==$pin in $dist; gebaut: $(ls "$dist")" >&2
    echo "Pin in examples/downstream/pyproject.toml an die Version anpassen." >&2
    exit 1
fi

arbeit="$(mktemp -d)"
trap 'rm -rf "$arbeit"' EXIT
"$python" -m venv "$arbeit/venv"
"$arbeit/venv/bin/pip" install -q "$rad" "pytest>=8" "hypothesis>=6.100"
"$arbeit/venv/bin/pip" check

cd "$hier"
"$arbeit/venv/bin/python" - <<'PY'
import kim_nrw
assert "site-packages" in kim_nrw.__file__, f"kim_nrw nicht aus dem Wheel: {kim_nrw.__file__}"
print(f"kim_nrw {kim_nrw.__version__} aus {kim_nrw.__file__}")
PY
"$arbeit/venv/bin/python" -m pytest -q -p no:cacheprovider
echo "Beispielprojekt (downstream): alles grün"

"""Die Grafik der Höchstbeträge (``docs/_ext/kim_hoechstbetraege.py``): dieselben Zahlen wie
die Summen des Pakets, jedes Jahr und jeder Regierungsbezirk, für Screenreader als Tabelle."""

from __future__ import annotations

import importlib.util
import re
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType

from kim_nrw import schreibweise
from kim_nrw.gebiet import register
from kim_nrw.planung import hoechstbetraege, summen

DOCS = Path(__file__).resolve().parents[2]


def _erweiterung() -> ModuleType:
    name = "kim_hoechstbetraege"
    if str(DOCS / "_ext") not in sys.path:  # die Erweiterungen teilen docs/_ext/erzeugt.py
        sys.path.insert(0, str(DOCS / "_ext"))
    spec = importlib.util.spec_from_file_location(name, DOCS / "_ext" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    sys.modules[name] = modul
    spec.loader.exec_module(modul)
    return modul


def test_grafik_und_tabellen_zeigen_die_summen_des_pakets(tmp_path: Path) -> None:
    hb = _erweiterung()
    assert hb.schreibe(tmp_path)
    assert not hb.schreibe(tmp_path)  # unverändert: nichts neu geschrieben
    html = (tmp_path / hb.ZIEL_HTML).read_text(encoding="utf-8")
    land = (tmp_path / hb.ZIEL_LAND).read_text(encoding="utf-8")
    bezirke = (tmp_path / hb.ZIEL_BEZIRKE).read_text(encoding="utf-8")
    assert html.count('aria-hidden="true"') == 2  # die Zahlen lesen Screenreader in den Tabellen
    for jahr in range(hb.VON, hb.BIS + 1):
        assert f'<span class="kim-hb-name">{jahr}</span>' in html
        assert f"   * - {jahr}" in land
    for rb in register().regierungsbezirke():
        assert rb.name_kurz in html and rb.name_kurz in bezirke
    zeilen = summen(hoechstbetraege(hb.VON, hb.BIS))
    for z in zeilen:
        if z["ebene"] == "land" and z["teil"] is None and z["summe"]:
            assert schreibweise.betrag(Decimal(str(z["summe"]))) in land
    breiten = [float(w) for w in re.findall(r"width:([0-9.]+)%", html)]
    assert breiten and all(0 <= w <= 100 for w in breiten)

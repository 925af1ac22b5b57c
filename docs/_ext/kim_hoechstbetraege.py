"""Sphinx-Erweiterung: die landesweiten Höchstbeträge je Programm und Jahr als Grafik.

Beim Start jedes Builds (``builder-inited``) entstehen aus den Paketdaten – über
:func:`kim_nrw.planung.hoechstbetraege` und :func:`kim_nrw.planung.summen`, also mit der
Rechnung der Prüfung –

* ``docs/_generiert/hoechstbetraege.html`` – zwei Balkengrafiken aus HTML und CSS (ohne
  weitere Abhängigkeiten): die Summe der bezifferten Höchstbeträge je Jahr, gestapelt nach
  Programm, darunter die Landesmittel, die die Quellen nennen; und dieselbe Summe je
  Regierungsbezirk für ein Jahr. Die Schrift bleibt in der Größe der Seite (kein
  skaliertes Bild), auf schmalen Bildschirmen steht die Beschriftung über dem Balken. Die
  Grafiken sind für Screenreader ausgeblendet (``aria-hidden``): dieselben Zahlen stehen
  in den Tabellen;
* ``docs/_generiert/hoechstbetraege_land.rst`` und ``…_bezirke.rst`` – die Tabellen.

Ohne Sphinx aufrufbar: ``python docs/_ext/kim_hoechstbetraege.py`` schreibt die Dateien.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Any

from erzeugt import melde_an, schreibe_text

from kim_nrw import schreibweise
from kim_nrw.planung import hoechstbetraege, summen
from kim_nrw.programme import Programm

ZIEL_HTML = Path("_generiert") / "hoechstbetraege.html"
ZIEL_LAND = Path("_generiert") / "hoechstbetraege_land.rst"
ZIEL_BEZIRKE = Path("_generiert") / "hoechstbetraege_bezirke.rst"

VON, BIS = 2012, 2027
"""Die Jahre der Grafik."""
BEZIRKE_JAHR = 2025
"""Das Jahr der Grafik je Regierungsbezirk."""

_FARBEN = ("#2b6cb0", "#dd6b20", "#2f855a", "#805ad5", "#b7791f", "#c53030")
"""Je Programm eine Farbe, in der Reihenfolge von :class:`~kim_nrw.programme.Programm`."""

_GEWISSHEIT = {"bestaetigt": "[C]", "abgeleitet": "[I]", "unsicher": "[U]"}

_STIL = """\
<style>
.kim-hb { container-type: inline-size; margin: 1rem 0 1.5rem; }
.kim-hb-legende { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: .25rem 0 .75rem;
  font-size: .9rem; }
.kim-hb-legende span::before { content: ""; display: inline-block; width: .9em; height: .9em;
  margin-right: .35em; vertical-align: -.1em; background: var(--farbe); border-radius: 2px; }
.kim-hb-reihe { display: grid; grid-template-columns: 9rem 1fr 8.5rem; gap: .15rem .6rem;
  align-items: center; margin: .2rem 0; font-size: .9rem; }
.kim-hb-name { white-space: nowrap; }
.kim-hb-wert { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.kim-hb-balken { display: flex; height: 1.1rem; background: var(--color-background-secondary,
  #f4f4f4); border-radius: 2px; overflow: hidden; }
.kim-hb-balken span { display: block; height: 100%; background: var(--farbe); }
.kim-hb-mittel .kim-hb-balken { height: .55rem; }
.kim-hb-mittel .kim-hb-balken span { background: repeating-linear-gradient(135deg, #4a5568 0,
  #4a5568 3px, #a0aec0 3px, #a0aec0 6px); }
.kim-hb-mittel { margin-top: -.1rem; color: var(--color-foreground-secondary, #4a5568); }
@container (max-width: 520px) {
  .kim-hb-reihe { grid-template-columns: 1fr auto; }
  .kim-hb-balken { grid-column: 1 / -1; grid-row: 2; }
}
</style>"""


def _mio(betrag: Decimal) -> str:
    """Ein Betrag in Millionen Euro, z. B. ``17,3 Mio. €``."""
    return f"{schreibweise.zahl(betrag / Decimal(1_000_000), 1)} Mio. €"


def _daten() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    zeilen = summen(hoechstbetraege(VON, BIS))
    programme = [z for z in zeilen if z["teil"] is None]
    land = [z for z in programme if z["ebene"] == "land"]
    bezirke = [z for z in programme if z["ebene"] == "regierungsbezirk"
               and z["jahr"] == BEZIRKE_JAHR]  # fmt: skip
    return land, bezirke


def _name(programm: str) -> str:
    """Der kurze Name eines Programms: die Bezeichnung, wenn sie kurz ist, sonst die Kennung."""
    bezeichnung = next((p.bezeichnung for p in Programm if p.value == programm), programm)
    return bezeichnung if len(bezeichnung) <= 32 else programm


def _farbe(programm: str) -> str:
    reihenfolge = [p.value for p in Programm]
    i = reihenfolge.index(programm) if programm in reihenfolge else len(reihenfolge)
    return _FARBEN[i % len(_FARBEN)]


def _betrag(z: dict[str, Any], feld: str = "summe") -> Decimal:
    return Decimal(z[feld]) if z[feld] else Decimal(0)


def _reihen(gruppen: dict[str, list[dict[str, Any]]], mit_mitteln: bool) -> list[str]:
    groesste = max([sum((_betrag(z) for z in g), Decimal(0)) for g in gruppen.values()]
                   + [_betrag(z, "landesmittel") for g in gruppen.values() for z in g
                      if mit_mitteln and z["landesmittel"]] + [Decimal(1)])  # fmt: skip
    html = []
    for name, gruppe in gruppen.items():
        summe = sum((_betrag(z) for z in gruppe), Decimal(0))
        wert = _mio(summe) if any(z["beziffert"] for z in gruppe) else "keine Zahl"
        teile = "".join(
            f'<span style="--farbe:{_farbe(z["programm"])};width:{_prozent(_betrag(z), groesste)}"'
            f' title="{escape(_name(z["programm"]))}: '
            f'{escape(schreibweise.betrag(_betrag(z)))}"></span>'
            for z in gruppe if _betrag(z)
        )  # fmt: skip
        html.append(f'<div class="kim-hb-reihe"><span class="kim-hb-name">{escape(name)}</span>'
                    f'<span class="kim-hb-balken">{teile}</span>'
                    f'<span class="kim-hb-wert">{wert}</span></div>')  # fmt: skip
        for z in gruppe:
            if mit_mitteln and z["landesmittel"]:
                mittel = _betrag(z, "landesmittel")
                html.append(
                    '<div class="kim-hb-reihe kim-hb-mittel">'
                    f'<span class="kim-hb-name">Landesmittel {escape(_name(z["programm"]))}</span>'
                    f'<span class="kim-hb-balken"><span style="width:{_prozent(mittel, groesste)}">'
                    f'</span></span><span class="kim-hb-wert">{_mio(mittel)}</span></div>'
                )  # fmt: skip
    return html


def _prozent(wert: Decimal, groesste: Decimal) -> str:
    return f"{float(wert / groesste * 100):.2f}%"


def _legende(programme: Sequence[str]) -> str:
    eintraege = "".join(f'<span style="--farbe:{_farbe(p)}">{escape(_name(p))}</span>'
                        for p in programme)  # fmt: skip
    return f'<div class="kim-hb-legende">{eintraege}</div>'


def erzeuge_html(land: list[dict[str, Any]], bezirke: list[dict[str, Any]]) -> str:
    """Die beiden Grafiken als HTML (für ``.. raw:: html``)."""
    reihenfolge = [p.value for p in Programm]
    programme = sorted(dict.fromkeys(z["programm"] for z in land),
                       key=lambda p: reihenfolge.index(p) if p in reihenfolge else 99)  # fmt: skip
    je_jahr: dict[str, list[dict[str, Any]]] = {}
    for z in sorted(land, key=lambda z: (z["jahr"], programme.index(z["programm"]))):
        je_jahr.setdefault(str(z["jahr"]), []).append(z)
    je_bezirk: dict[str, list[dict[str, Any]]] = {}
    for z in sorted(bezirke, key=lambda z: (z["schluessel"], programme.index(z["programm"]))):
        je_bezirk.setdefault(str(z["name"]), []).append(z)
    return "\n".join([
        _STIL,
        '<div class="kim-hb" aria-hidden="true">',
        f"<p><strong>Nordrhein-Westfalen {VON}–{BIS}</strong>: Summe der bezifferten "
        "Höchstbeträge je Jahr, gestapelt nach Programm; schraffiert die Landesmittel laut "
        "Quellen.</p>",
        _legende(programme),
        *_reihen(je_jahr, mit_mitteln=True),
        "</div>",
        '<div class="kim-hb" aria-hidden="true">',
        f"<p><strong>Je Regierungsbezirk {BEZIRKE_JAHR}</strong>: Summe der bezifferten "
        "Höchstbeträge, gestapelt nach Programm.</p>",
        _legende(programme),
        *_reihen(je_bezirk, mit_mitteln=False),
        "</div>",
    ]) + "\n"  # fmt: skip


def _rst(text: str) -> str:
    return re.sub(r"([\\*`|_])", r"\\\1", text)


def _zelle(z: dict[str, Any], feld: str) -> str:
    return schreibweise.betrag(_betrag(z, feld)) if z[feld] else "–"


def erzeuge_land_rst(land: list[dict[str, Any]]) -> str:
    """Die Tabelle je Jahr und Programm, mit den Landesmitteln."""
    zeilen = [".. list-table:: Summe der bezifferten Höchstbeträge und Landesmittel je Jahr",
              "   :header-rows: 1", "   :widths: 10 18 18 24 30", "",
              "   * - Jahr", "     - Programm", "     - beziffert", "     - Summe",
              "     - Landesmittel laut Quellen"]  # fmt: skip
    for z in land:
        mittel = _zelle(z, "landesmittel")
        if z["landesmittel"]:
            mittel += f" {_GEWISSHEIT.get(z['landesmittel_gewissheit'], '')}".rstrip()
        zeilen += [f"   * - {z['jahr']}", f"     - {_rst(_name(z['programm']))}",
                   f"     - {z['beziffert']} von {z['traeger']}", f"     - {_zelle(z, 'summe')}",
                   f"     - {mittel}"]  # fmt: skip
    return "\n".join(zeilen) + "\n"


def erzeuge_bezirke_rst(bezirke: list[dict[str, Any]]) -> str:
    """Die Tabelle je Regierungsbezirk und Programm für :data:`BEZIRKE_JAHR`."""
    zeilen = [f".. list-table:: Summe der bezifferten Höchstbeträge je Regierungsbezirk "
              f"{BEZIRKE_JAHR}", "   :header-rows: 1", "   :widths: 25 25 20 30", "",
              "   * - Regierungsbezirk", "     - Programm", "     - beziffert",
              "     - Summe"]  # fmt: skip
    for z in bezirke:
        zeilen += [f"   * - {_rst(z['name'])}", f"     - {_rst(_name(z['programm']))}",
                   f"     - {z['beziffert']} von {z['traeger']}",
                   f"     - {_zelle(z, 'summe')}"]  # fmt: skip
    return "\n".join(zeilen) + "\n"


def schreibe(wurzel: Path) -> bool:
    """Schreibt Grafik und Tabellen unter ``wurzel``; sagt, ob sich etwas geändert hat."""
    land, bezirke = _daten()
    geaendert = [
        schreibe_text(wurzel / ZIEL_HTML, erzeuge_html(land, bezirke)),
        schreibe_text(wurzel / ZIEL_LAND, erzeuge_land_rst(land)),
        schreibe_text(wurzel / ZIEL_BEZIRKE, erzeuge_bezirke_rst(bezirke)),
    ]
    return any(geaendert)


def setup(app: Any) -> dict[str, Any]:
    """Meldet die Erweiterung bei Sphinx an."""
    return melde_an(app, schreibe)


if __name__ == "__main__":
    schreibe(Path(__file__).resolve().parent.parent)

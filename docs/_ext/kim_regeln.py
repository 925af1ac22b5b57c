"""Sphinx-Erweiterung: schreibt den Regelkatalog aus den angemeldeten Regeln.

Beim Start jedes Builds (``builder-inited``) entsteht ``docs/_generiert/regeln.rst`` aus
:data:`kim_nrw.pruefung.REGELN`: je Regel Kennung, Titel, die Programmteile, die sie
betrifft, und je Fassung Fundstelle und Geltung (woraus sie folgt und welche Zeiträume
das heute ergibt). ``docs/referenz/regelkatalog.rst`` bindet die Datei ein. Der Katalog
wird nie von Hand gepflegt; die Datei wird nur neu geschrieben, wenn sich ihr Inhalt
ändert. Die Texte der Geltung schreibt :mod:`kim_nrw.pruefung.erklaerung`.

Ohne Sphinx aufrufbar: ``python docs/_ext/kim_regeln.py`` schreibt die Datei auch.
"""

from __future__ import annotations

import inspect
import re
from datetime import date
from pathlib import Path

from erzeugt import seite

from kim_nrw.programme import Programmteil
from kim_nrw.pruefung import REGELN
from kim_nrw.pruefung.erklaerung import fassung_text, geltung_text, zitat
from kim_nrw.pruefung.regelwerk import Fassung, Regel

ZIEL = Path("_generiert") / "regeln.rst"

_ZEICHEN = re.compile(r"([\\*`|])")
_UNTERSTRICH_AM_WORTENDE = re.compile(r"_(?=\W|$)")


def _rst(text: str) -> str:
    """Maskiert Zeichen, die reStructuredText als Auszeichnung liest."""
    return _UNTERSTRICH_AM_WORTENDE.sub(r"\\_", _ZEICHEN.sub(r"\\\1", text))


def marke(kennung: str) -> str:
    """Das Sprungziel einer Regel, z. B. ``regel-allg-traeger``."""
    return "regel-" + re.sub(r"[^a-z0-9]+", "-", kennung.lower()).strip("-")


def _titel(text: str, zeichen: str) -> list[str]:
    return [text, zeichen * len(text), ""]


def _kurz(teile: list[Programmteil]) -> str:
    return ", ".join(t.bezeichnung.split(":")[0] for t in teile)


def _fundstelle(fassung: Fassung) -> str:
    if fassung.fundstelle is None:
        return "die Quelle des benutzten Parameterwerts bzw. der Programmbeschreibung"
    f = fassung.fundstelle
    return f"{_rst(zitat(f.quelle, f.norm))} (``{f.quelle}``)"


def _geltung(fassung: Fassung, teil: Programmteil) -> str:
    if not fassung.gilt:
        return "immer"
    herkunft = "; ".join(_rst(geltung_text(g, teil)) for g in fassung.gilt)
    if len(fassung.gilt) > 1:
        herkunft += f" – zusammen: {_rst(fassung_text(fassung, teil, mit_fundstelle=False))}"
    return herkunft


def _zeile(zellen: list[str]) -> list[str]:
    kopf, *rest = zellen
    return [f"   * - {kopf}", *(f"     - {z}" for z in rest)]


def _beschreibung(fassung: Fassung) -> str:
    doc = inspect.getdoc(fassung.pruefe) or ""
    return " ".join(doc.split("\n\n")[0].split())


def _ordnung(fassung: Fassung) -> tuple[int, date]:
    """Fassungen nach ihrem ersten Teil, dann nach dem Beginn ihrer Geltung."""
    teil = min(fassung.teile, key=list(Programmteil).index)
    anfaenge = [s.ab or date.min for spannen in fassung.spannen(teil).values() for s in spannen]
    return list(Programmteil).index(teil), max(anfaenge, default=date.min)


def _regel(regel: Regel) -> list[str]:
    zeilen = [f".. _{marke(regel.id)}:", ""]
    zeilen += _titel(f"``{regel.id}`` – {_rst(regel.titel)}", "~")
    teile = [t for t in Programmteil if t in regel.teile]
    zeilen += [f":Programmteile: {_kurz(teile)}"]
    if regel.nur_gemeinsam:
        zeilen += [":Nur für: Anträge auf mehrere Programmteile (gemeinsamer Antrag)"]
    beschreibungen = list(dict.fromkeys(_beschreibung(f) for f in regel.fassungen))
    zeilen += [""] + [_rst(b) for b in beschreibungen if b] + [""]
    zeilen += [
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 22 33 45",
        "",
        *_zeile(["Programmteile", "Fundstelle", "Geltung"]),
    ]
    for fassung in sorted(regel.fassungen, key=_ordnung):
        je_text: dict[str, list[Programmteil]] = {}
        for t in (t for t in Programmteil if t in fassung.teile):
            je_text.setdefault(_geltung(fassung, t), []).append(t)
        for geltung, fuer in je_text.items():
            zeilen += _zeile([_kurz(fuer), _fundstelle(fassung), geltung])
    return [*zeilen, ""]


def erzeuge() -> str:
    """Der ganze Regelkatalog als reStructuredText."""
    marken = [marke(r.id) for r in REGELN]
    if len(set(marken)) != len(marken):
        raise RuntimeError("zwei Kennungen ergeben dieselbe Sprungmarke")
    fassungen = sum(len(r.fassungen) for r in REGELN)
    zeilen = [
        ".. Erzeugt von docs/_ext/kim_regeln.py aus kim_nrw.pruefung.REGELN – nicht von Hand "
        "ändern.",
        "",
        f"Der Katalog enthält {len(REGELN)} Regeln mit {fassungen} Fassungen, in der "
        "Reihenfolge der Prüfung.",
        "",
    ]
    for regel in REGELN:
        zeilen += _regel(regel)
    return "\n".join(zeilen).rstrip() + "\n"


schreibe, setup = seite(erzeuge, ZIEL)


if __name__ == "__main__":
    schreibe(Path(__file__).resolve().parent.parent / ZIEL)

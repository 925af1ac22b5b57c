"""Sphinx-Erweiterung: schreibt den Katalog der Parameter und Rechtsquellen aus den Paketdaten.

Beim Start jedes Builds (``builder-inited``) entsteht ``docs/_generiert/katalog.rst``
aus :func:`kim_nrw.recht.alle_parameter` und :func:`kim_nrw.recht.alle_rechtsquellen`;
``docs/referenz/katalog.rst`` bindet die Datei ein. Der Katalog wird nie von Hand
gepflegt: wer eine Datendatei ändert, ändert beim nächsten Build die Doku. Die Datei
wird nur neu geschrieben, wenn sich ihr Inhalt ändert.

Ohne Sphinx aufrufbar: ``python docs/_ext/kim_katalog.py`` schreibt die Datei auch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from erzeugt import seite

from kim_nrw import schreibweise
from kim_nrw.recht import (
    STAND_ERSTERFASSUNG,
    Gewissheit,
    Luecke,
    Parameter,
    Parameterart,
    Parameterwert,
    Quellenart,
    Rechtsquelle,
    alle_parameter,
    alle_rechtsquellen,
)

ZIEL = Path("_generiert") / "katalog.rst"

_ZEICHEN = re.compile(r"([\\*`|])")
_UNTERSTRICH_AM_WORTENDE = re.compile(r"_(?=\W|$)")


def _rst(text: str) -> str:
    """Maskiert Zeichen, die reStructuredText als Auszeichnung liest."""
    return _UNTERSTRICH_AM_WORTENDE.sub(r"\\_", _ZEICHEN.sub(r"\\\1", text))


def _titel(text: str, zeichen: str) -> list[str]:
    return [text, zeichen * len(text), ""]


def _marke(kurzname: str) -> str:
    """Das Sprungziel einer Quelle: ASCII, klein, ``§`` als ``par``."""
    return "quelle-" + re.sub(r"[^a-z0-9]+", "-", kurzname.lower().replace("§", "par")).strip("-")


def _datum(tag: date | None, leer: str = "nicht belegt") -> str:
    return leer if tag is None else schreibweise.datum(tag)


def _wert(art: Parameterart, w: Parameterwert) -> str:
    if art is Parameterart.BETRAG:
        return schreibweise.betrag(w.dezimal)
    if art in (Parameterart.VZAE, Parameterart.QUOTE):
        return schreibweise.zahl(w.dezimal)
    if art is Parameterart.DATUM:
        return _datum(w.datum)
    return _rst(str(w.wert))


def _verweise(kurznamen: Iterable[str]) -> str:
    return ", ".join(f":ref:`{k} <{_marke(k)}>`" for k in kurznamen) or "–"


def _zeile(zellen: list[str]) -> list[str]:
    kopf, *rest = zellen
    return [f"   * - {kopf}", *(f"     - {z}" for z in rest)]


def _parameter(p: Parameter) -> list[str]:
    zeilen = [f".. _parameter-{p.name.replace('.', '-').replace('_', '-')}:", ""]
    zeilen += _titel(f"``{p.name}``", "~")
    zeilen += [
        _rst(p.beschreibung),
        "",
        f":Einheit: {_rst(p.einheit)}",
        f":Art: {p.art.value}",
        "",
    ]
    if p.nicht_bekannt:
        return [*zeilen, f"**Nicht bekannt:** {_rst(p.nicht_bekannt)}", ""]
    zeilen += [
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 17 13 12 20 38",
        "",
        *_zeile(["Zeitraum", "Wert", "Gewissheit", "Quellen", "Anmerkung"]),
    ]
    eintraege: list[Parameterwert | Luecke] = [*p.werte, *p.luecken]
    for e in sorted(eintraege, key=lambda e: e.gilt_ab):
        if isinstance(e, Luecke):
            zellen = [e.zeitraum, "nicht bekannt", "–", _verweise(e.quellen), _rst(e.grund)]
        else:
            status = f"{e.gewissheit.kennung} {e.gewissheit.bezeichnung}"
            zellen = [e.zeitraum, _wert(p.art, e), status, _verweise(e.quellen), _rst(e.anmerkung)]
        zeilen += _zeile([z or "–" for z in zellen])
    return [*zeilen, ""]


def _quelle(q: Rechtsquelle) -> list[str]:
    zeilen = [f".. _{_marke(q.kurzname)}:", "", f".. rubric:: {q.kurzname} – {_rst(q.titel)}", ""]
    felder: list[tuple[str, str]] = [
        ("Art", q.art.bezeichnung),
        ("Zitat", _rst(q.zitat())),
    ]
    if q.ist_rechtsakt or q.fassung_vom is not None:
        felder.append(("Fassung vom", _datum(q.fassung_vom)))
    if q.ist_rechtsakt:
        felder.append(("In Kraft ab", _datum(q.in_kraft_ab)))
        felder.append(("In Kraft bis", _datum(q.in_kraft_bis)))
    felder.append(("Gewissheit", f"{q.gewissheit.kennung} {q.gewissheit.bezeichnung}"))
    if q.teil_von is not None:
        felder.append(("Teil von", _verweise([q.teil_von])))
    if q.belege:
        felder.append(("Belege", _verweise(q.belege)))
    if q.url is not None:
        felder.append(("Adresse", f"`{q.url} <{q.url}>`__"))
    felder.append(("Zuletzt geprüft", _datum(q.zuletzt_geprueft)))
    if q.anmerkung:
        felder.append(("Anmerkung", _rst(q.anmerkung)))
    zeilen += [f":{name}: {wert}" for name, wert in felder]
    return [*zeilen, ""]


def erzeuge() -> str:
    """Der ganze Katalog als reStructuredText."""
    parameter = alle_parameter()
    katalog = alle_rechtsquellen()
    marken = [_marke(k) for k in katalog]
    if len(set(marken)) != len(marken):
        raise RuntimeError("zwei Kurznamen ergeben dieselbe Sprungmarke")
    zeilen = [
        ".. Erzeugt von docs/_ext/kim_katalog.py aus den Paketdaten – nicht von Hand ändern.",
        "",
        f"Der Katalog enthält {len(parameter)} Parameter und {len(katalog)} Quellen. "
        "Gewissheit der Werte: "
        + "; ".join(f"{s.kennung} {s.bezeichnung}" for s in Gewissheit)
        + ". Angaben ohne eigenes Prüfdatum gelten als zuletzt geprüft am "
        f"{_datum(STAND_ERSTERFASSUNG)} (frühester möglicher Tag der ersten Erfassung). "
        "Wie sicher jede Angabe ist und wo die Quellen schweigen, zeigt der "
        ":doc:`Belegstand <../erklaerung/belegstand>`.",
        "",
    ]
    zeilen += _titel("Parameter", "-")
    for p in parameter.values():
        zeilen += _parameter(p)
    zeilen += _titel("Rechtsquellen", "-")
    akte = [q for q in katalog.values() if q.ist_rechtsakt]
    zeilen += _titel("Rechtsakte", "~")
    for q in sorted(akte, key=lambda q: (q.fassung_vom or date.min, q.kurzname)):
        zeilen += _quelle(q)
    for art in Quellenart:
        if art.ist_rechtsakt:
            continue
        belege = sorted((q for q in katalog.values() if q.art is art), key=lambda q: q.kurzname)
        if belege:
            zeilen += _titel(f"Belege: {art.bezeichnung}", "~")
            for q in belege:
                zeilen += _quelle(q)
    return "\n".join(zeilen).rstrip() + "\n"


schreibe, setup = seite(erzeuge, ZIEL)


if __name__ == "__main__":
    schreibe(Path(__file__).resolve().parent.parent / ZIEL)

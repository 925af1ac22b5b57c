"""Sphinx-Erweiterung: schreibt den Belegstand – wie sicher die Daten sind und wo sie schweigen.

Beim Start jedes Builds (``builder-inited``) entsteht ``docs/_generiert/belegstand.rst`` aus
den Paketdaten: den Parametern (:func:`kim_nrw.recht.alle_parameter`), dem Quellenkatalog
(:func:`kim_nrw.recht.alle_rechtsquellen`) und dem Programmkatalog
(:func:`kim_nrw.programme.alle_programme`). ``docs/erklaerung/belegstand.rst`` erklärt die
Gewissheitsmarken und bindet die Datei ein. Die Seite listet jede bekannte Lücke:

* jede Lücke eines Parameters (es gab einen Wert, er ist nicht belegt – auch ein
  Widerspruch zweier Quellen, zwischen denen kim_nrw nicht wählt),
* jeden Parameter, der ganz ``nicht_bekannt`` ist,
* jede Lücke der Rechtsgrundlage eines Programmteils,
* jeden unsicheren Wert [U], jede unsichere Rechtsgrundlage und Quelle,
* jeden Wert, der über den letzten belegten Tag hinaus fortgeschrieben ist, und jede
  gefolgerte Rechenweise des Programmkatalogs (Obergrenzen, Sachkosten je Jahr).

Nichts davon wird von Hand gepflegt: wer eine Datendatei ändert, ändert beim nächsten Build
die Seite. Die Datei wird nur neu geschrieben, wenn sich ihr Inhalt ändert.

Ohne Sphinx aufrufbar: ``python docs/_ext/kim_belegstand.py`` schreibt die Datei auch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from erzeugt import seite

# docs/_ext steht auf dem Suchpfad (conf.py; beim direkten Aufruf das eigene Verzeichnis)
from kim_katalog import _marke, _rst, _titel, _wert, _zeile

from kim_nrw.programme import Teilbeschreibung, alle_programme
from kim_nrw.recht import (
    Gewissheit,
    Parameter,
    alle_parameter,
    alle_rechtsquellen,
)

ZIEL = Path("_generiert") / "belegstand.rst"


def _datum(tag: date | None) -> str:
    return "offen" if tag is None else f"{tag.day:02d}.{tag.month:02d}.{tag.year:04d}"


def _parameter(name: str) -> str:
    return f":ref:`{name} <parameter-{name.replace('.', '-').replace('_', '-')}>`"


def _quellen(kurznamen: Iterable[str]) -> str:
    return ", ".join(f":ref:`{k} <{_marke(k)}>`" for k in kurznamen) or "–"


def _marke_text(g: Gewissheit) -> str:
    return f"{g.kennung} {g.bezeichnung}"


def _tabelle(kopf: list[str], breiten: str, zeilen: list[list[str]]) -> list[str]:
    if not zeilen:
        return ["Keine.", ""]
    text = [".. list-table::", "   :header-rows: 1", f"   :widths: {breiten}", "", *_zeile(kopf)]
    for z in zeilen:
        text += _zeile([zelle or "–" for zelle in z])
    return [*text, ""]


def _teile() -> list[Teilbeschreibung]:
    return [t for p in alle_programme() for t in p.teile]


def _fortgeschrieben(parameter: dict[str, Parameter]) -> list[list[str]]:
    zeilen = []
    for p in parameter.values():
        for w in p.werte:
            bis = w.belegt_bis
            if bis is not None and (w.gilt_bis is None or bis < w.gilt_bis):
                zeilen.append([_parameter(p.name), w.zeitraum, _wert(p.art, w), _datum(bis),
                               _quellen(w.quellen)])  # fmt: skip
    return zeilen


def _rechenweisen() -> list[list[str]]:
    zeilen = []
    for t in _teile():
        g = t.obergrenze
        if g is not None:
            deckt = "Stellen und Sachkosten" if g.mit_sachkosten else "nur die Stellen"
            zeilen.append([t.bezeichnung, f"Obergrenze {_parameter(g.parameter)}: deckt {deckt}",
                           "–", _rst(g.anmerkung)])  # fmt: skip
        s = t.sachkosten
        if s is not None:
            weise = "nach vollen Monaten gekürzt" if s.anteilig else "je Haushaltsjahr voll"
            zeilen.append([t.bezeichnung, f"{_rst(s.bezeichnung)} ({_parameter(s.hoechstbetrag)}): "
                           f"{weise}", _marke_text(s.gewissheit),
                           f"{_rst(s.anmerkung)} {_quellen(s.quellen)}".strip()])  # fmt: skip
    return zeilen


def erzeuge() -> str:
    """Der ganze Belegstand als reStructuredText."""
    parameter = dict(alle_parameter())
    katalog = alle_rechtsquellen()
    werte = [(p, w) for p in parameter.values() for w in p.werte]
    luecken = [(p, lu) for p in parameter.values() for lu in p.luecken]
    unbekannt = [p for p in parameter.values() if not p.ist_bekannt]
    je_marke = Counter(w.gewissheit for _, w in werte)
    quellen_je_marke = Counter(q.gewissheit for q in katalog.values())
    geprueft = max(
        [q.zuletzt_geprueft for q in katalog.values()] + [w.zuletzt_geprueft for _, w in werte]
    )
    grundlagenluecken = [(t, lu) for t in _teile() for lu in t.grundlagenluecken]
    fortgeschrieben = _fortgeschrieben(parameter)

    zeilen = [
        ".. Erzeugt von docs/_ext/kim_belegstand.py aus den Paketdaten – nicht von Hand ändern.",
        "",
    ]
    zeilen += _titel("Zahlen", "-")
    zeilen += [
        f"* {len(parameter)} Parameter mit {len(werte)} Werten: "
        + ", ".join(f"{je_marke[g]} {_marke_text(g)}" for g in Gewissheit)
        + f"; dazu {len(luecken)} Lücken und {len(unbekannt)} ganz unbekannte Parameter.",
        f"* {len(katalog)} Quellen: "
        + ", ".join(f"{quellen_je_marke[g]} {_marke_text(g)}" for g in Gewissheit)
        + ".",
        f"* {len(grundlagenluecken)} Lücken der Rechtsgrundlage in "
        f"{len({t.teil for t, _ in grundlagenluecken})} Programmteilen.",
        f"* Jüngstes Prüfdatum der Daten: {_datum(geprueft)}.",
        "",
    ]

    zeilen += _titel("Lücken der Parameter", "-")
    zeilen += [
        "Zeiträume, in denen es einen Wert gab, den aber keine gelesene Quelle belegt – oder in",
        "denen zwei Quellen sich widersprechen und kim_nrw keinen Wert wählt. Eine Prüfung, die",
        "einen dieser Werte braucht, sagt „unbekannt“ und nennt den Grund.",
        "",
    ]
    zeilen += _tabelle(
        ["Parameter", "Zeitraum", "Grund", "Gesucht in"],
        "22 14 46 18",
        [[_parameter(p.name), lu.zeitraum, _rst(lu.grund), _quellen(lu.quellen)]
         for p, lu in sorted(luecken, key=lambda e: (e[0].name, e[1].gilt_ab))],
    )  # fmt: skip

    zeilen += _titel("Ganz unbekannte Parameter", "-")
    zeilen += ["Parameter, für die keine gelesene Quelle einen Wert nennt.", ""]
    zeilen += _tabelle(
        ["Parameter", "Grund"],
        "30 70",
        [[_parameter(p.name), _rst(p.nicht_bekannt)] for p in unbekannt],
    )

    zeilen += _titel("Lücken der Rechtsgrundlage", "-")
    zeilen += [
        "Zeiträume, in denen für einen Programmteil keine Rechtsgrundlage belegt ist.",
        "",
    ]
    zeilen += _tabelle(
        ["Programmteil", "Zeitraum", "Grund", "Gesucht in"],
        "20 14 48 18",
        [[t.bezeichnung, lu.zeitraum, _rst(lu.grund), _quellen(lu.quellen)]
         for t, lu in grundlagenluecken],
    )  # fmt: skip

    zeilen += _titel("Unsichere Werte [U]", "-")
    zeilen += [
        "Werte aus einer schwachen, widersprüchlichen oder undatierten Quelle. Eine Prüfung, die",
        "einen davon benutzt, entscheidet nur unter Vorbehalt und nennt ihn.",
        "",
    ]
    zeilen += _tabelle(
        ["Parameter", "Zeitraum", "Wert", "Quellen", "Anmerkung"],
        "20 13 12 17 38",
        [[_parameter(p.name), w.zeitraum, _wert(p.art, w), _quellen(w.quellen), _rst(w.anmerkung)]
         for p, w in werte if w.gewissheit is Gewissheit.UNSICHER],
    )  # fmt: skip

    zeilen += _titel("Fortgeschriebene Werte", "-")
    zeilen += [
        "Werte, die länger gelten, als eine Quelle sie bestätigt (``belegt_bis``): kim_nrw",
        "schreibt sie fort, eine Prüfung für einen späteren Zeitraum nennt das als Vorbehalt.",
        "",
    ]
    zeilen += _tabelle(
        ["Parameter", "Zeitraum", "Wert", "Belegt bis", "Quellen"],
        "28 18 14 14 26",
        fortgeschrieben,
    )

    zeilen += _titel("Unsichere Rechtsgrundlagen [U]", "-")
    zeilen += _tabelle(
        ["Programmteil", "Grundlage", "Zeitraum", "Anmerkung"],
        "22 22 16 40",
        [[t.bezeichnung, _quellen([g.quelle]), g.zeitraum, _rst(g.anmerkung)]
         for t in _teile() for g in t.rechtsgrundlagen if g.gewissheit is Gewissheit.UNSICHER],
    )  # fmt: skip

    zeilen += _titel("Unsichere Quellen [U]", "-")
    zeilen += _tabelle(
        ["Quelle", "Titel", "Anmerkung"],
        "20 40 40",
        [[_quellen([q.kurzname]), _rst(q.titel), _rst(q.anmerkung)]
         for q in sorted(katalog.values(), key=lambda q: q.kurzname)
         if q.gewissheit is Gewissheit.UNSICHER],
    )  # fmt: skip

    zeilen += _titel("Gefolgerte Rechenweisen", "-")
    zeilen += [
        "Was die Quellen nicht ausdrücklich sagen, der Programmkatalog aber für die Rechnung",
        "festlegen muss: was eine Obergrenze deckt und ob ein Jahresbetrag für einen Teil des",
        "Jahres gekürzt wird.",
        "",
    ]
    zeilen += _tabelle(
        ["Programmteil", "Festlegung", "Gewissheit", "Begründung"], "22 34 12 32", _rechenweisen()
    )
    return "\n".join(zeilen).rstrip() + "\n"


schreibe, setup = seite(erzeuge, ZIEL)


if __name__ == "__main__":
    schreibe(Path(__file__).resolve().parent.parent / ZIEL)

"""Die JSON-Formen von Plan, KI und Programmbeschreibungen, je an genau einer Stelle.

* ``plan`` (:func:`plan_als_dict`, ``kim-nrw planen --json``), Version :data:`PLAN_VERSION`;
* ``ki`` (:func:`ki_als_dict`, ``kim-nrw ki --json``), Version :data:`KI_VERSION`;
* ``programmteil`` und ``programm`` (:func:`programmteil_als_dict`,
  :func:`programm_als_dict`): die Beschreibung eines Teils bzw. Programms ohne Stichtag,
  Version :data:`PROGRAMMTEIL_VERSION` bzw. :data:`PROGRAMM_VERSION`.

Dieselben Formen schreibt :func:`kim_nrw.serial.entstruktur` (die Form ``kommune`` steht
in :mod:`kim_nrw.gebiet.form`). Die Schemas liegen im Paket unter
``kim_nrw/daten/schema/ausgabe/<form>.json``. Beträge und Stellenumfänge stehen als Text
in technischer Schreibweise (``"414500.00"``, ``"0.5"``), Daten als ISO-Datum; ``null``
heißt „keine Zahl“ (der Grund steht daneben).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kim_nrw.fehler import UngueltigeEingabe
from kim_nrw.planung.plan import Plan, Planposten
from kim_nrw.pruefung.erklaerung import hinweis_text, rechenschritt_text, vorbehalt_text

if TYPE_CHECKING:
    from kim_nrw.programme import Programmbeschreibung, Rechtsgrundlage, Teilbeschreibung
    from kim_nrw.zentren import KommunalesIntegrationszentrum

__all__ = [
    "KI_VERSION",
    "PLAN_VERSION",
    "PROGRAMMTEIL_VERSION",
    "PROGRAMM_VERSION",
    "ki_als_dict",
    "plan_als_dict",
    "programm_als_dict",
    "programmteil_als_dict",
]

PLAN_VERSION = 1
"""Die Version der JSON-Form; sie steigt, wenn sich ein Feld ändert oder wegfällt."""
KI_VERSION = 1
"""Die Version der Form ``ki``."""
PROGRAMMTEIL_VERSION = 1
"""Die Version der Form ``programmteil``."""
PROGRAMM_VERSION = 1
"""Die Version der Form ``programm``."""


def _text(wert: object) -> str | None:
    return None if wert is None else str(wert)


def _posten(p: Planposten) -> dict[str, Any]:
    e = p.ergebnis
    return {
        "teil": p.teil.value,
        "programm": p.teil.programm.value,
        "bezeichnung": p.teil.bezeichnung,
        "zugang": p.zugang.value,
        "ueber": None if p.ueber is None else {"schluessel": p.ueber, "name": p.ueber_name},
        "entscheidung": None if p.entscheidung is None else p.entscheidung.value,
        "hoechstbetrag": None if p.hoechstbetrag is None else str(p.hoechstbetrag.wert),
        "grund": p.grund or None,
        "gewissheit": None if p.gewissheit is None else p.gewissheit.value,
        "stellen": [
            {
                "funktion": s.funktion.value,
                "vzae": _text(s.vzae),
                "begrenzt": s.begrenzt,
                "einheit": str(s.einheit),
                "betrag_je_einheit": None
                if s.betrag_je_einheit is None
                else str(s.betrag_je_einheit.wert),
                "grund": s.grund or None,
            }
            for s in p.stellen
        ],
        "rechnung": [
            {
                "art": s.art.value,
                "betrag": None if s.betrag is None else str(s.betrag.wert),
                "text": rechenschritt_text(s),
            }
            for s in p.rechnung
            if s.teil is p.teil
        ],
        "werte": []
        if e is None
        else [
            {
                "parameter": w.parameter,
                "wert": w.wert,
                "gewissheit": w.gewissheit.value,
                "gilt_ab": w.gilt_ab.isoformat(),
                "gilt_bis": None if w.gilt_bis is None else w.gilt_bis.isoformat(),
                "belegt_bis": None if w.belegt_bis is None else w.belegt_bis.isoformat(),
                "quellen": list(w.quellen),
            }
            for w in e.verwendete_werte
        ],
        "vorbehalte": []
        if e is None
        else [
            {
                "art": v.art.value,
                "parameter": v.parameter,
                "text": vorbehalt_text(v, e.verwendete_werte),
            }
            for v in e.vorbehalte
        ],
        "offen": [{"id": o.id, "begruendung": o.begruendung} for o in p.offen],
        "nicht_erfuellt": [{"id": o.id, "begruendung": o.begruendung} for o in p.nicht_erfuellt],
        "hinweise": [] if e is None else [hinweis_text(h) for h in e.hinweise],
        "anmerkungen": list(p.anmerkungen),
    }


def plan_als_dict(plan: Plan) -> dict[str, Any]:
    """Der Plan als JSON-fähiges Wörterbuch (Form ``plan``, Version :data:`PLAN_VERSION`).

    >>> from kim_nrw.planung import plane
    >>> from kim_nrw.planung.form import plan_als_dict
    >>> d = plan_als_dict(plane("05111", 2023))
    >>> d["ausgabe"], d["version"], d["posten"][0]["hoechstbetrag"]
    ('plan', 1, '357500.00')
    """
    if not isinstance(plan, Plan):
        raise UngueltigeEingabe("plan", plan, "ein Plan (kim_nrw.planung.plane)")
    k = plan.kommune
    return {
        "ausgabe": "plan",
        "version": PLAN_VERSION,
        "kommune": {
            "schluessel": plan.schluessel,
            "name": k.bezeichnung,
            "art": k.art.value,
            "empfaenger": plan.empfaenger.value,
            "regierungsbezirk": str(k.regierungsbezirk.schluessel),
        },
        "jahr": plan.jahr,
        "summe": str(plan.summe.wert),
        "vollstaendig": plan.vollstaendig,
        "posten": [_posten(p) for p in plan.posten],
    }


def ki_als_dict(zentren: Iterable[KommunalesIntegrationszentrum]) -> dict[str, Any]:
    """KI als JSON-fähiges Wörterbuch (Form ``ki``): je KI die Zeile der Tabelle ``ki``
    (:func:`~kim_nrw.planung.ki_tabelle`) und die Kommunen, für die es zuständig ist.

    ``kim-nrw ki --json`` schreibt alle 54, ``kim-nrw ki 05370 --json`` und
    ``entstruktur(ki("05370"))`` eines.

    >>> from kim_nrw.zentren import ki
    >>> d = ki_als_dict([ki("05370")])
    >>> d["ausgabe"], d["ki"][0]["name"], len(d["ki"][0]["zustaendig_fuer"])
    ('ki', 'Kommunales Integrationszentrum Kreis Heinsberg', 10)
    """
    from kim_nrw.planung.tabellen import ki_tabelle

    zeilen = {z["schluessel"]: z for z in ki_tabelle()}
    return {
        "ausgabe": "ki",
        "version": KI_VERSION,
        "ki": [
            dict(zeilen[k.schluessel], zustaendig_fuer=[
                {"ags": str(g.ags), "name": g.name} for g in k.kommunen])
            for k in zentren
        ],
    }  # fmt: skip


def _tag(tag: object) -> str | None:
    return None if tag is None else tag.isoformat()  # type: ignore[attr-defined]


def _grundlage(g: Rechtsgrundlage) -> dict[str, Any]:
    return {"quelle": g.quelle, "norm": g.norm, "gewissheit": g.gewissheit.value,
            "gilt_ab": g.gilt_ab.isoformat(), "gilt_bis": _tag(g.gilt_bis)}  # fmt: skip


def programmteil_als_dict(t: Teilbeschreibung) -> dict[str, Any]:
    """Ein Programmteil ohne Stichtag als JSON-fähiges Wörterbuch (Form ``programmteil``):
    Kennung, Empfänger, erster und letzter Fördertag, Rechtsgrundlagen mit ihrem
    Zeitraum, Parameter (Namen; ihre Werte: Dokument ``parameter``) und Belege.

    >>> from kim_nrw.programme import teil
    >>> d = programmteil_als_dict(teil("KIM.B2"))
    >>> d["ausgabe"], d["teil"], d["programm"], d["beginn"], d["ende"]
    ('programmteil', 'KIM.B2', 'KIM', '2020-07-01', None)
    """
    ende = t.ende()
    return {
        "ausgabe": "programmteil",
        "version": PROGRAMMTEIL_VERSION,
        "teil": t.teil.value,
        "programm": t.programm.value,
        "bezeichnung": t.bezeichnung,
        "gegenstand": t.gegenstand,
        "empfaenger": [e.value for e in t.empfaenger],
        "beginn": t.beginn().isoformat(),
        "ende": None if ende is None else _tag(ende.datum),
        "abgeloest_durch": None if t.abgeloest_durch is None else t.abgeloest_durch.value,
        "stellenfunktionen": [f.value for f in t.stellen.funktionen],
        "rechtsgrundlagen": [_grundlage(g) for g in t.rechtsgrundlagen],
        "parameter": list(t.parameternamen()),
        "quellen": list(t.quellen),
    }


def programm_als_dict(p: Programmbeschreibung) -> dict[str, Any]:
    """Ein Programm ohne Stichtag als JSON-fähiges Wörterbuch (Form ``programm``); seine
    Teile stehen mit ihrer Kennung darin (jeder hat die Form ``programmteil``).

    >>> from kim_nrw.programme import programm
    >>> d = programm_als_dict(programm("KIM"))
    >>> d["ausgabe"], d["programm"], d["teile"]
    ('programm', 'KIM', ['KIM.B1', 'KIM.B2', 'KIM.B3'])
    """
    return {
        "ausgabe": "programm",
        "version": PROGRAMM_VERSION,
        "programm": p.programm.value,
        "bezeichnung": p.bezeichnung,
        "beschreibung": p.beschreibung,
        "bewilligt_von": p.bewilligt_von,
        "beginn": p.beginn().isoformat(),
        "teile": [t.teil.value for t in p.teile],
        "parameter": list(p.parameternamen()),
        "quellen": list(p.quellen),
    }

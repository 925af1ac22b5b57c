"""Die JSON-Form eines Plans (``kim-nrw planen --json``), Version :data:`PLAN_VERSION`.

Das Schema liegt im Paket unter ``kim_nrw/daten/schema/ausgabe/plan.json``. Beträge und
Stellenumfänge stehen als Text in technischer Schreibweise (``"414500.00"``, ``"0.5"``),
Daten als ISO-Datum; ``null`` heißt „keine Zahl“ (der Grund steht daneben).
"""

from __future__ import annotations

from typing import Any

from kim_nrw.fehler import UngueltigeEingabe
from kim_nrw.planung.plan import Plan, Planposten
from kim_nrw.pruefung.erklaerung import hinweis_text, rechenschritt_text, vorbehalt_text

__all__ = ["PLAN_VERSION", "plan_als_dict"]

PLAN_VERSION = 1
"""Die Version der JSON-Form; sie steigt, wenn sich ein Feld ändert oder wegfällt."""


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

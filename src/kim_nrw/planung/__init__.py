"""Planen und Auswerten: Höchstbeträge je Kommune und Jahr, landesweite Tabellen.

* :func:`plane` – was eine Kommune in einem Haushaltsjahr aus jedem Programmteil
  höchstens erhalten kann, mit Rechnung, Gewissheit der benutzten Werte, Vorbehalten
  und dem Grund, wo es keine Zahl gibt (:mod:`kim_nrw.planung.plan`);
* :func:`plan_als_text`, :func:`plan_als_dict` – der Plan als Text für 80 Spalten und
  als JSON-Form ``plan`` (Version :data:`PLAN_VERSION`);
* :func:`hoechstbetraege`, :func:`summen`, :func:`landesmittel` – landesweite Tabellen
  als schlichte Zeilen (``dict`` mit ``str``/``int``/``None``), die ``csv``, pandas und
  polars unmittelbar nehmen (:mod:`kim_nrw.planung.tabellen`).

Der Planer rechnet nichts selbst: er baut gedachte Höchstanträge und prüft sie mit
:func:`kim_nrw.pruefung.pruefe`.
"""

from kim_nrw.planung.form import PLAN_VERSION, plan_als_dict
from kim_nrw.planung.plan import (
    Plan,
    Planposten,
    Stellenumfang,
    Zugang,
    plane,
    schwaechste_gewissheit,
)
from kim_nrw.planung.tabellen import (
    SPALTEN,
    TABELLEN,
    hoechstbetraege,
    jahre,
    ki_tabelle,
    kommunen_tabelle,
    landesmittel,
    programme_tabelle,
    summen,
)
from kim_nrw.planung.text import plan_als_text

__all__ = [
    "PLAN_VERSION",
    "SPALTEN",
    "TABELLEN",
    "Plan",
    "Planposten",
    "Stellenumfang",
    "Zugang",
    "hoechstbetraege",
    "jahre",
    "ki_tabelle",
    "kommunen_tabelle",
    "landesmittel",
    "plan_als_dict",
    "plan_als_text",
    "plane",
    "programme_tabelle",
    "schwaechste_gewissheit",
    "summen",
]

"""Zugriff auf den Programmkatalog: KI-Förderung, KIM, KOMM-AN, sein Nachfolger „Ehrenamt im
Kontext Prävention“ und der Vorgänger des KIM.

Die Angaben stehen in den Datendateien ``kim_nrw/daten/programme/*.toml`` und zitieren
Kurznamen des Quellenkatalogs (:mod:`kim_nrw.recht`). Sie werden beim ersten Zugriff
einmal gelesen und dabei streng geprüft (:mod:`kim_nrw.programme.laden`); ``import
kim_nrw`` liest dafür keine Datei.

Wann eine Rechtsgrundlage maßgeblich ist, folgt aus dem Quellenkatalog: eine Richtlinie
gilt vom Tag ihres Erlasses bis zum Tag vor der Fassung, die sie ersetzt (Gewissheit
``abgeleitet``, siehe :mod:`kim_nrw.recht.fassungen`) – so wählt auch die Prüfung die
Fassung.

>>> from datetime import date
>>> from kim_nrw.programme import teil, Programmteil
>>> [g.quelle for g in teil(Programmteil.KI).rechtsgrundlagen_am(date(2019, 5, 1))
...  if g.quelle.startswith(("TIntG", "KI-RL"))]
['TIntG-2012', 'KI-RL-2018']
"""

from __future__ import annotations

import functools
from datetime import date
from typing import TypeVar

from kim_nrw.fehler import UngueltigeEingabe
from kim_nrw.programme.beschreibung import (
    Programmbeschreibung,
    Teilbeschreibung,
    Vorgaengerprogramm,
)
from kim_nrw.programme.felder import STICHTAG
from kim_nrw.programme.laden import katalog
from kim_nrw.programme.parameterstand import Parameterstand
from kim_nrw.programme.teile import Foerderart, Programm, Programmteil

__all__ = [
    "alle_programme",
    "einwanderung_gestalten",
    "foerderart_am",
    "parameter_am",
    "programm",
    "richtlinie_am",
    "teil",
]


_K = TypeVar("_K", Programm, Programmteil)


def _kennung(art: type[_K], wert: object, feld: str) -> _K:
    """Das Mitglied von ``art`` zu ``wert`` (Mitglied oder Kennung), sonst UngueltigeEingabe."""
    if isinstance(wert, art):
        return wert
    treffer = [e for e in art if e.value == wert] if isinstance(wert, str) else []
    if treffer:
        return treffer[0]
    erlaubt = ", ".join(e.value for e in art)
    raise UngueltigeEingabe(feld, wert, f"ein {art.__name__} oder eine Kennung: {erlaubt}")


def alle_programme() -> tuple[Programmbeschreibung, ...]:
    """Die Programme in der Reihenfolge von :class:`Programm`.

    >>> from kim_nrw.programme import alle_programme
    >>> [p.programm.value for p in alle_programme()]
    ['KI', 'KIM', 'KOMM-AN', 'EHRENAMT-PRAEVENTION']
    """
    programme = katalog().programme
    return tuple(programme[p] for p in Programm)


def programm(kennung: Programm | str) -> Programmbeschreibung:
    """Die Beschreibung eines Programms, nach :class:`Programm` oder Kennung (``"KIM"``).

    >>> from kim_nrw.programme import programm
    >>> programm("KOMM-AN").bezeichnung
    'KOMM-AN NRW'
    """
    return katalog().programme[_kennung(Programm, kennung, "programm")]


def teil(kennung: Programmteil | str) -> Teilbeschreibung:
    """Die Beschreibung eines Programmteils, nach :class:`Programmteil` oder Kennung.

    >>> from kim_nrw.programme import teil
    >>> [e.value for e in teil("KIM.B3").empfaenger]
    ['kreis', 'staedteregion', 'kreisfreie_stadt', 'kreisangehoerige_gemeinde']
    """
    if kennung.__class__ is Programmteil:  # der häufige Fall, etwa in jeder Prüfung
        return katalog().teile[kennung]
    return katalog().teile[_kennung(Programmteil, kennung, "teil")]


def einwanderung_gestalten() -> Vorgaengerprogramm:
    """Das Modellprogramm „Einwanderung gestalten NRW“ (2017 – 30.06.2020), Vorgänger des KIM."""
    return katalog().vorgaenger


def foerderart_am(kennung: Programmteil | str, stichtag: date) -> Foerderart:
    """Die Förderart eines Programmteils am ``stichtag`` (siehe Teilbeschreibung.foerderart_am).

    >>> from datetime import date
    >>> from kim_nrw.programme import foerderart_am, Programmteil
    >>> foerderart_am(Programmteil.KIM_B2, date(2021, 1, 1)).value
    'fachbezogene_pauschale'
    >>> foerderart_am(Programmteil.KIM_B2, date(2025, 1, 1))
    Traceback (most recent call last):
    kim_nrw.fehler.NichtBekannt: Parameter 'kim.b2.foerderart' ist am 01.01.2025 nicht bekannt ...
    """
    return teil(kennung).foerderart_am(stichtag)


def richtlinie_am(kennung: Programmteil | str, stichtag: date) -> str | None:
    """Der Kurzname der am ``stichtag`` maßgeblichen Förderrichtlinie eines Programmteils.

    Siehe :meth:`Teilbeschreibung.richtlinie_am`; ``None``, wenn keine belegt ist.

    >>> from datetime import date
    >>> from kim_nrw.programme import richtlinie_am, Programmteil
    >>> richtlinie_am(Programmteil.KIM_B1, date(2021, 6, 1))
    'KIM-RL-2020'
    >>> richtlinie_am(Programmteil.KIM_B2, date(2021, 6, 1)) is None
    True
    """
    if kennung.__class__ is not Programmteil or stichtag.__class__ is not date:
        kennung = _kennung(Programmteil, kennung, "teil")
        STICHTAG(None, "stichtag", stichtag)
    return _richtlinie(kennung, stichtag)


@functools.lru_cache(maxsize=4096)  # je Prüfung mehrfach gefragt; Stichtage wiederholen sich
def _richtlinie(kennung: Programmteil, stichtag: date) -> str | None:
    grundlage = teil(kennung).richtlinie_am(stichtag)
    return None if grundlage is None else grundlage.quelle


def parameter_am(
    kennung: Programm | Programmteil | str, stichtag: date
) -> tuple[Parameterstand, ...]:
    """Die Parameter eines Programms (nur die programmweiten) oder eines Teils am ``stichtag``.

    Die Kennung ``"KI"`` meint den Programmteil (er trägt alle Parameter des Programms KI).

    Jeder :class:`Parameterstand` trägt den Wert mit Zeitraum, Gewissheit und Quellen – oder den
    Grund, warum es keinen gibt (nicht belegt, keine Geltung).

    >>> from datetime import date
    >>> from kim_nrw.programme import parameter_am
    >>> [(s.parameter.name, s.stand.value) for s in parameter_am("KIM.B2", date(2020, 9, 1))][:3]
    [('kim.b2.antragsverfahren', 'belegt'), ('kim.b2.case_management.betrag_je_stelle', 'nicht_belegt'), ('kim.b2.erster_foerderzeitraum_ende', 'belegt')]
    """  # noqa: E501
    if isinstance(kennung, Programmteil):
        return teil(kennung).parameter_am(stichtag)
    if isinstance(kennung, Programm):
        return programm(kennung).parameter_am(stichtag)
    if isinstance(kennung, str):
        if kennung in {t.value for t in Programmteil}:
            return teil(kennung).parameter_am(stichtag)
        if kennung in {p.value for p in Programm}:
            return programm(kennung).parameter_am(stichtag)
    erlaubt = ", ".join([p.value for p in Programm] + [t.value for t in Programmteil])
    raise UngueltigeEingabe("kennung", kennung, f"ein Programm oder Programmteil: {erlaubt}")

"""Wann eine Quelle maßgeblich ist – abgeleitet aus dem Quellenkatalog, nicht von Hand.

Die Quellen nennen Inkrafttreten und Außerkrafttreten der Richtlinien und Erlasse meist
nicht. kim_nrw leitet den Zeitraum deshalb aus dem Katalog ab (Gewissheit
``abgeleitet``): eine Quelle ist maßgeblich

* ab ihrem Inkrafttreten (``in_kraft_ab``), sonst ab dem Tag ihrer Fassung
  (``fassung_vom``), und
* bis zu ihrem letzten Geltungstag (``in_kraft_bis``), sonst bis zum Tag vor dem Beginn
  der frühesten Quelle, die sie ablöst (die sie in ``ersetzt`` nennt); ohne beides ist
  das Ende offen.

Eine neue Fassung einer Richtlinie ist damit ein Eintrag im Katalog, der die alte in
``ersetzt`` nennt; das Ende der alten Fassung folgt daraus. Änderungen einer Fassung
(etwa die Änderung der KI-RL vom 26.04.2016) stehen mit in ``ersetzt`` der nächsten
Fassung: sie sind so lange maßgeblich wie die geänderte Fassung.

>>> from kim_nrw.recht.fassungen import massgeblich
>>> massgeblich("KI-RL-2018")
Fassungszeitraum(ab=datetime.date(2018, 3, 27), bis=datetime.date(2023, 3, 9))
>>> massgeblich("KI-RL-2023").ab, massgeblich("KIM-RL-2024").bis is None
(datetime.date(2023, 3, 10), True)
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from types import MappingProxyType

from attrs import field

from kim_nrw._modell import frozen
from kim_nrw.einmal import einmal
from kim_nrw.fehler import DatenFehler, NichtGefunden
from kim_nrw.recht.quellen import Rechtsquelle
from kim_nrw.validatoren import Datum

__all__ = ["Fassungszeitraum", "massgeblich", "zeitraeume"]

_DATEI = "kim_nrw/daten/rechtsquellen.toml"


@frozen
class Fassungszeitraum:
    """Von wann bis wann eine Quelle maßgeblich ist; ``None``: nicht belegt bzw. offen."""

    ab: date | None = field(validator=Datum(optional=True))
    bis: date | None = field(validator=Datum(optional=True))


def _beginn(quelle: Rechtsquelle) -> date | None:
    return quelle.in_kraft_ab or quelle.fassung_vom


def zeitraeume(
    katalog: Mapping[str, Rechtsquelle], datei: str = _DATEI
) -> Mapping[str, Fassungszeitraum]:
    """Der maßgebliche Zeitraum jeder Quelle eines Katalogs (Regeln: siehe Moduldoku).

    Prüft dabei die Ablösungen: wer eine Quelle ersetzt, braucht einen Beginn, der nach
    dem Beginn der ersetzten liegt; sonst :class:`~kim_nrw.fehler.DatenFehler`.
    """
    abgeloest: dict[str, date] = {}
    for kurzname, neu in katalog.items():
        if not neu.ersetzt:
            continue
        beginn = _beginn(neu)
        if beginn is None:
            problem = "wer eine Quelle ersetzt, braucht fassung_vom oder in_kraft_ab"
            raise DatenFehler(datei, f"quelle[{kurzname}].ersetzt", problem)
        for alt in neu.ersetzt:
            if alt not in katalog:
                raise DatenFehler(datei, f"quelle[{kurzname}].ersetzt", f"{alt!r} fehlt")
            vorher = _beginn(katalog[alt])
            if vorher is not None and vorher >= beginn:
                problem = f"{alt!r} beginnt nicht vor {kurzname!r}, kann also nicht ersetzt sein"
                raise DatenFehler(datei, f"quelle[{kurzname}].ersetzt", problem)
            abgeloest[alt] = min(beginn, abgeloest.get(alt, beginn))
    ergebnis = {}
    for kurzname, q in katalog.items():
        ende = q.in_kraft_bis
        if ende is None and kurzname in abgeloest:
            ende = abgeloest[kurzname] - timedelta(days=1)
        ergebnis[kurzname] = Fassungszeitraum(_beginn(q), ende)
    return MappingProxyType(ergebnis)


@einmal
def _paket() -> Mapping[str, Fassungszeitraum]:
    from kim_nrw.recht.laden import alle_rechtsquellen  # laden prüft mit zeitraeume()

    return zeitraeume(alle_rechtsquellen())


def massgeblich(kurzname: str) -> Fassungszeitraum:
    """Der maßgebliche Zeitraum einer Quelle des Paketkatalogs (einmal je Prozess berechnet).

    Löst :class:`~kim_nrw.fehler.NichtGefunden` aus, wenn der Katalog den Kurznamen nicht
    kennt.
    """
    try:
        return _paket()[kurzname]
    except (KeyError, TypeError):
        raise NichtGefunden("Rechtsquelle", kurzname) from None

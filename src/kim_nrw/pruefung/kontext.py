"""Der Prüfkontext: Antrag, Stichtag, Rechtsstand und die benutzten Parameterwerte.

Der Kontext schlägt Parameter nach und merkt sich jeden benutzten Wert, damit
das Ergebnis zeigt, worauf es beruht. Ein Wert, der nicht belegt ist, kommt als
Begründungstext zurück statt als Ausnahme: die Prüfung wirft nie bei einem
gültigen Antrag.
"""

from __future__ import annotations

import functools
from datetime import date

from attrs import define, field

from kim_nrw.antrag import Foerderantrag
from kim_nrw.fehler import KeinWertAmStichtag, NichtBekannt
from kim_nrw.gebiet import Kommune
from kim_nrw.programme import Programmteil, richtlinie_am
from kim_nrw.pruefung.ergebnis import VerwendeterWert
from kim_nrw.recht import Parameterwert, parameter, rechtsquelle

__all__ = ["TINTG_2021_AB", "Kontext", "Versionen", "zitat"]

TINTG_2021_AB = date(2022, 1, 1)
"""Inkrafttreten des TIntG 2021; bis 31.12.2021 gilt das TIntG 2012 (GV. NRW. S. 1213a)."""


@functools.cache
def zitat(kurzname: str, norm: str | None = None) -> str:
    """Das deutsche Zitat einer Stelle aus dem Quellenkatalog (je Stelle einmal gebildet)."""
    return rechtsquelle(kurzname).zitiere(norm).text


class Versionen:
    """Welche Fassungen an einem Stichtag gelten."""

    @staticmethod
    def tintg(stichtag: date) -> str:
        """``TIntG-2012`` bis 31.12.2021, danach ``TIntG-2021``."""
        return "TIntG-2021" if stichtag >= TINTG_2021_AB else "TIntG-2012"

    @staticmethod
    def richtlinie(programmteil: Programmteil, stichtag: date) -> str | None:
        """Die am Stichtag maßgebliche Förderrichtlinie des Programmteils.

        Aus dem Programmkatalog (:func:`kim_nrw.programme.richtlinie_am`): bei
        mehreren die zuletzt erlassene. ``None``, wenn für den Teil an diesem Tag
        keine Richtlinie belegt ist – etwa KIM Baustein 2 und 3 vor der KIM-RL 2024,
        die bis dahin als fachbezogene Pauschale ohne Richtlinie liefen.

        >>> from datetime import date
        >>> from kim_nrw.programme import Programmteil
        >>> from kim_nrw.pruefung.kontext import Versionen
        >>> Versionen.richtlinie(Programmteil.KIM_B1, date(2021, 6, 1))
        'KIM-RL-2020'
        >>> Versionen.richtlinie(Programmteil.KIM_B2, date(2021, 6, 1)) is None
        True
        """
        return richtlinie_am(programmteil, stichtag)


@define
class Kontext:
    """Alles, was eine Regel braucht; sammelt die benutzten Parameterwerte."""

    antrag: Foerderantrag
    stichtag: date
    kommune: Kommune
    benutzt: dict[tuple[str, date], VerwendeterWert] = field(factory=dict)

    @property
    def tintg(self) -> str:
        """Die am Stichtag geltende Fassung des TIntG."""
        return Versionen.tintg(self.stichtag)

    @property
    def richtlinie(self) -> str | None:
        """Die am Stichtag maßgebliche Richtlinie des beantragten Programmteils."""
        return Versionen.richtlinie(self.antrag.programmteil, self.stichtag)

    def wert(self, name: str, tag: date) -> Parameterwert | str:
        """Der Wert von ``name`` am ``tag`` – oder warum es keinen gibt (als Text)."""
        try:
            w = parameter(name).wert_am(tag)
        except (NichtBekannt, KeinWertAmStichtag) as fehler:
            return str(fehler)
        self.benutzt[(name, w.gilt_ab)] = VerwendeterWert(
            name, str(w.wert), w.zeitraum, w.gewissheit.value, w.quellen
        )
        return w

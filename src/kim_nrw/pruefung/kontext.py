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
from kim_nrw.pruefung.ergebnis import VerwendeterWert
from kim_nrw.recht import Parameterwert, parameter, rechtsquelle

__all__ = ["TINTG_2021_AB", "Kontext", "Versionen", "zitat"]

TINTG_2021_AB = date(2022, 1, 1)
"""Inkrafttreten des TIntG 2021; bis 31.12.2021 gilt das TIntG 2012 (GV. NRW. S. 1213a)."""

# Die Richtlinien je Programm in der Reihenfolge ihres Erlasses (Faktenblatt 1.3–1.5):
# am Stichtag gilt die jüngste, die an oder vor ihm erlassen wurde.
_RICHTLINIEN: dict[str, tuple[tuple[date, str], ...]] = {
    "KI": ((date(2012, 6, 25), "KI-RL-2012"), (date(2018, 3, 27), "KI-RL-2018"),
           (date(2023, 3, 10), "KI-RL-2023"), (date(2025, 4, 3), "KI-RL-2025")),
    "KIM": ((date(2020, 11, 25), "KIM-RL-2020"), (date(2024, 12, 12), "KIM-RL-2024")),
    "KOMM-AN": ((date(2019, 11, 27), "KOMMAN-RL-2019"), (date(2022, 1, 1), "KOMMAN-RL-2022"),
                (date(2023, 3, 10), "KI-RL-2023"), (date(2025, 4, 3), "KI-RL-2025")),
}  # fmt: skip


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
    def richtlinie(programm: str, stichtag: date) -> str | None:
        """Die am Stichtag jüngste Richtlinie des Programms, ``None`` vor der ersten."""
        gueltig = [kurz for ab, kurz in _RICHTLINIEN[programm] if ab <= stichtag]
        return gueltig[-1] if gueltig else None


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
        """Die am Stichtag geltende Richtlinie des beantragten Programms."""
        return Versionen.richtlinie(self.antrag.programmteil.programm.value, self.stichtag)

    def wert(self, name: str, tag: date) -> Parameterwert | str:
        """Der Wert von ``name`` am ``tag`` – oder warum es keinen gibt (als Text)."""
        try:
            w = parameter(name).wert_am(tag)
        except (NichtBekannt, KeinWertAmStichtag) as fehler:
            return str(fehler)
        self.benutzt[(name, w.gilt_ab)] = VerwendeterWert(
            name, str(w.wert), w.zeitraum, w.status.value, w.quellen
        )
        return w

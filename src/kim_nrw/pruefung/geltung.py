"""Wann eine Fassung einer Regel gilt – aus dem Quellenkatalog oder aus Parametern.

Keine Regel kennt ein Datum: jede Fassung nennt, *woraus* ihre Geltung folgt, und der
Regelmotor (:mod:`kim_nrw.pruefung.regelwerk`) entscheidet damit, ob sie für einen
Antrag gilt. Es gibt diese Arten:

* :class:`InKraft` – solange eine Quelle in Kraft bzw. maßgeblich ist (aus
  ``in_kraft_ab``/``in_kraft_bis`` oder ``fassung_vom`` und ``ersetzt`` im
  Quellenkatalog, siehe :mod:`kim_nrw.recht.fassungen`), bezogen auf den Stichtag;
* :class:`VorInkrafttreten` – bis zum Tag vor dem Beginn einer Quelle (etwa: vor dem
  TIntG 2021); :class:`SeitInkrafttreten` – ab ihrem Beginn, auch über eine spätere
  Fassung hinaus (etwa: seit der KI-RL 2023);
* :class:`Massgeblich` – solange eine Richtlinie für den Programmteil maßgeblich ist (aus
  den Rechtsgrundlagen des Programmkatalogs), bezogen auf den Stichtag;
* :class:`NachParameter` – solange ein Parameter einen Wert hat (wahlweise einen der
  genannten Werte), bezogen auf den Stichtag oder auf einen Tag des Förderzeitraums;
  :class:`InLuecke` – solange er eine Lücke hat (es gab einen Wert, er ist nicht belegt).

Nennt eine Fassung mehrere, gilt sie, wo alle gelten. Die Zeiträume (:class:`Spanne`)
folgen allein aus den Paketdaten; eine neue Richtlinie oder ein neuer Parameterwert
ändert die Geltung ohne eine Zeile Code.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from kim_nrw._modell import frozen
from kim_nrw.programme import Programmteil
from kim_nrw.programme import teil as katalogteil
from kim_nrw.programme.teile import Bezeichnet
from kim_nrw.recht import Gewissheit, parameter, rechtsquelle
from kim_nrw.recht.fassungen import massgeblich
from kim_nrw.zeit import Zeitraum

__all__ = [
    "Bezug",
    "Geltung",
    "InKraft",
    "InLuecke",
    "Massgeblich",
    "NachParameter",
    "SeitInkrafttreten",
    "Spanne",
    "VorInkrafttreten",
]


class Bezug(Bezeichnet):
    """Worauf sich die Geltung einer Fassung bezieht."""

    STICHTAG = "stichtag", "am Stichtag"
    """Das Recht, das am Stichtag gilt (Fassungen von Gesetz und Richtlinie)."""
    FOERDERZEITRAUM = "foerderzeitraum", "im Förderzeitraum"
    """Ein Tag des Förderzeitraums (Verfahren und Fristen eines Förderjahrs)."""


@frozen
class Spanne:
    """Ein Zeitraum, beide Tage eingeschlossen; ``None`` heißt offen (seit jeher, bis auf
    Weiteres). ``gewissheit`` sagt, wie sicher die Grenzen belegt sind.

    >>> from datetime import date
    >>> from kim_nrw.pruefung.geltung import Spanne
    >>> s = Spanne(date(2022, 1, 1), None)
    >>> s.enthaelt(date(2021, 12, 31)), s.enthaelt(date(2022, 1, 1))
    (False, True)
    """

    ab: date | None
    bis: date | None
    gewissheit: Gewissheit = Gewissheit.BESTAETIGT

    def enthaelt(self, tag: date) -> bool:
        """Ob ``tag`` in der Spanne liegt."""
        return (self.ab is None or self.ab <= tag) and (self.bis is None or tag <= self.bis)

    def beginnt_nach(self, tag: date) -> bool:
        """Ob die Spanne erst nach ``tag`` beginnt."""
        return self.ab is not None and tag < self.ab

    def ueberschneidet(self, zeitraum: Zeitraum) -> bool:
        """Ob die Spanne mindestens einen Tag des ``zeitraum`` enthält."""
        return (self.ab is None or self.ab <= zeitraum.ende) and (
            self.bis is None or zeitraum.beginn <= self.bis
        )

    def schnitt(self, andere: Spanne) -> Spanne | None:
        """Die gemeinsame Spanne (schwächere Gewissheit) oder ``None``."""
        ab = _spaeter(self.ab, andere.ab)
        bis = _frueher(self.bis, andere.bis)
        if ab is not None and bis is not None and bis < ab:
            return None
        return Spanne(ab, bis, _schwaecher(self.gewissheit, andere.gewissheit))


def _spaeter(a: date | None, b: date | None) -> date | None:
    if a is None:
        return b
    return a if b is None or b <= a else b


def _frueher(a: date | None, b: date | None) -> date | None:
    if a is None:
        return b
    return a if b is None or a <= b else b


_REIHE = tuple(Gewissheit)


def _schwaecher(a: Gewissheit, b: Gewissheit) -> Gewissheit:
    return a if _REIHE.index(a) >= _REIHE.index(b) else b


@frozen
class Geltung:
    """Woraus die Geltung einer Fassung folgt (Basisklasse)."""

    @property
    def bezug(self) -> Bezug:
        """Stichtag oder Förderzeitraum."""
        return Bezug.STICHTAG

    def spannen(self, teil: Programmteil) -> tuple[Spanne, ...]:
        """Die Zeiträume, in denen die Geltung für ``teil`` besteht (aus den Paketdaten)."""
        raise NotImplementedError


@frozen
class InKraft(Geltung):
    """Solange die Quelle ``quelle`` maßgeblich ist (:func:`kim_nrw.recht.fassungen.massgeblich`).

    >>> from kim_nrw.programme import Programmteil
    >>> from kim_nrw.pruefung.geltung import InKraft
    >>> InKraft("TIntG-2012").spannen(Programmteil.KI)[0].bis
    datetime.date(2021, 12, 31)
    """

    quelle: str

    def spannen(self, teil: Programmteil) -> tuple[Spanne, ...]:
        zeitraum = massgeblich(self.quelle)
        q = rechtsquelle(self.quelle)
        belegt = q.in_kraft_ab is not None and (q.in_kraft_bis is not None or not q.ersetzt)
        gewissheit = q.gewissheit if belegt else Gewissheit.ABGELEITET
        return (Spanne(zeitraum.ab, zeitraum.bis, gewissheit),)


@frozen
class VorInkrafttreten(Geltung):
    """Bis zum Tag vor dem Beginn der Quelle ``quelle`` (etwa: vor dem TIntG 2021)."""

    quelle: str

    def spannen(self, teil: Programmteil) -> tuple[Spanne, ...]:
        beginn = massgeblich(self.quelle).ab
        if beginn is None:
            return ()
        return (Spanne(None, beginn - timedelta(days=1), rechtsquelle(self.quelle).gewissheit),)


@frozen
class SeitInkrafttreten(Geltung):
    """Ab dem Beginn der Quelle ``quelle``, ohne Ende – auch wenn eine spätere Fassung sie
    ablöst (etwa: die Grundlage, die mit der KI-RL 2023 beginnt und mit der KI-RL 2025
    weiterträgt).

    >>> from kim_nrw.programme import Programmteil
    >>> from kim_nrw.pruefung.geltung import SeitInkrafttreten
    >>> SeitInkrafttreten("KI-RL-2023").spannen(Programmteil.KOMMAN_I)[0].ab
    datetime.date(2023, 3, 10)
    """

    quelle: str

    def spannen(self, teil: Programmteil) -> tuple[Spanne, ...]:
        beginn = massgeblich(self.quelle).ab
        if beginn is None:
            return ()
        return (Spanne(beginn, None, rechtsquelle(self.quelle).gewissheit),)


@frozen
class Massgeblich(Geltung):
    """Solange die Richtlinie ``quelle`` für den Programmteil maßgeblich ist
    (Rechtsgrundlagen des Programmkatalogs, :meth:`kim_nrw.programme.Rechtsgrundlage.gilt_am`).

    >>> from kim_nrw.programme import Programmteil
    >>> from kim_nrw.pruefung.geltung import Massgeblich
    >>> [s.ab for s in Massgeblich("KIM-RL-2024").spannen(Programmteil.KIM_B2)]
    [datetime.date(2024, 12, 12)]
    """

    quelle: str

    def spannen(self, teil: Programmteil) -> tuple[Spanne, ...]:
        return tuple(
            Spanne(g.gilt_ab, g.gilt_bis, g.gewissheit)
            for g in katalogteil(teil).rechtsgrundlagen
            if g.quelle == self.quelle
        )


@frozen
class NachParameter(Geltung):
    """Solange der Parameter einen Wert hat – oder einen der ``werte`` (Arten Text).

    ``name`` ist der Parametername oder je Programmteil einer (etwa das Antragsverfahren
    von Baustein 1 und 2). Mit ``bezug=FOERDERZEITRAUM`` genügt ein Tag des
    Förderzeitraums. Die Werte, die die Geltung tragen, hält die Prüfung als benutzt
    fest (mit ihrer Gewissheit).
    """

    name: str | Mapping[Programmteil, str]
    werte: frozenset[str] | None = None
    auf: Bezug = Bezug.STICHTAG

    @property
    def bezug(self) -> Bezug:
        return self.auf

    def parametername(self, teil: Programmteil) -> str | None:
        """Der Parameter für ``teil`` (``None``, wenn die Geltung den Teil nicht kennt)."""
        if isinstance(self.name, str):
            return self.name
        return self.name.get(teil)

    def spannen(self, teil: Programmteil) -> tuple[Spanne, ...]:
        name = self.parametername(teil)
        if name is None:
            return ()
        return tuple(
            Spanne(w.gilt_ab, w.gilt_bis, w.gewissheit)
            for w in parameter(name).werte
            if self.werte is None or w.wert in self.werte
        )


@frozen
class InLuecke(Geltung):
    """Solange der Parameter ``name`` eine Lücke hat: es gab einen Wert, keine gelesene
    Quelle belegt ihn (etwa das Höchstalter des Integrationskonzepts nach der KI-RL 2012).
    Eine Fassung mit dieser Geltung sagt, was dann gilt – meist „unbekannt“, nie einen
    geratenen Wert.

    >>> from kim_nrw.programme import Programmteil
    >>> from kim_nrw.pruefung.geltung import InLuecke
    >>> s = InLuecke("ki.integrationskonzept.hoechstalter_jahre").spannen(Programmteil.KI)
    >>> s[0].ab, s[0].bis is None
    (datetime.date(2018, 3, 27), True)
    """

    name: str
    auf: Bezug = Bezug.STICHTAG

    @property
    def bezug(self) -> Bezug:
        return self.auf

    def spannen(self, teil: Programmteil) -> tuple[Spanne, ...]:
        return tuple(
            Spanne(lu.gilt_ab, lu.gilt_bis, Gewissheit.ABGELEITET)
            for lu in parameter(self.name).luecken
        )

"""Rechtsquellen und Belege: wer etwas sagt, wo es steht und wie sicher es ist.

Eine :class:`Rechtsquelle` ist ein Eintrag im Quellenkatalog von kim_nrw: ein
Rechtsakt (Gesetz, Richtlinie, Runderlass, Verwaltungsvorschrift) oder ein Beleg
aus dem Netz (Seite einer Behörde, Ratsdokument, Pressemitteilung …), auf den sich
Parameter und Regeln stützen. Jeder Eintrag hat einen stabilen ``kurzname``
(``"TIntG-2021"``, ``"S-BRA-KIM"``), unter dem ihn Datendateien und Regeln nennen.
Was die gelesenen Quellen nicht belegen, bleibt ``None`` – es wird nicht geraten.

Ein :class:`Zitat` ist eine Quelle zusammen mit einer Norm darin (``§ 9 Abs. 1``);
Regeln zitieren damit genau die Stelle, auf der sie beruhen.
"""

from __future__ import annotations

import re
from datetime import date

from attrs import field

from kim_nrw import schreibweise
from kim_nrw._modell import frozen
from kim_nrw.bezeichnet import Bezeichnet
from kim_nrw.fehler import UngueltigeEingabe
from kim_nrw.validatoren import Aufzaehlung, Datum, Folge, Muster, Text, Typ
from kim_nrw.validatoren import ist_datum as ist_datum  # für Aufrufer dieses Moduls

__all__ = [
    "KURZNAME",
    "KURZNAME_MUSTER",
    "STAND_ERSTERFASSUNG",
    "Gewissheit",
    "Quellenart",
    "Rechtsquelle",
    "Zitat",
]

STAND_ERSTERFASSUNG = date(2025, 10, 6)
"""Standardwert für ``zuletzt_geprueft``: der Tag, an dem die Quellen frühestens gelesen wurden.

Für die erste Erfassung der Quellen ist kein Lesetag überliefert. Die jüngste datierte
Angabe dieser Erfassung ist die Änderung der IfKuF-Richtlinie vom 06.10.2025; die
Quellen wurden also an oder nach diesem Tag gelesen. Der Wert ist eine bewusst
vorsichtige untere Schranke, kein bezeugtes Prüfdatum. Einträge mit eigenem
``zuletzt_geprueft`` überschreiben ihn (was am 01.12.2026 erneut gelesen wurde, trägt
dieses Datum).
"""

KURZNAME_MUSTER = re.compile(r"[A-Za-z0-9§][A-Za-z0-9§._-]*")
"""Form eines Kurznamens: Buchstaben, Ziffern, ``§``, ``.``, ``_``, ``-``; ohne Leerzeichen."""


class Quellenart(Bezeichnet):
    """Die Art einer Quelle; die ersten vier sind Rechtsakte, der Rest sind Belege."""

    GESETZ = "gesetz", "Gesetz"
    RICHTLINIE = "richtlinie", "Förderrichtlinie"
    RUNDERLASS = "runderlass", "Runderlass"
    VERWALTUNGSVORSCHRIFT = "verwaltungsvorschrift", "Verwaltungsvorschrift"
    RECHTSTEXT_ONLINE = "rechtstext_online", "Rechtstext (Online-Fassung)"
    VERWALTUNGSSEITE = "verwaltungsseite", "Verwaltungsseite"
    RATSDOKUMENT = "ratsdokument", "Ratsdokument"
    PRESSEMITTEILUNG = "pressemitteilung", "Pressemitteilung"
    PRESSEBERICHT = "pressebericht", "Pressebericht"
    SEKUNDAERQUELLE = "sekundaerquelle", "Sekundärquelle"

    @property
    def ist_rechtsakt(self) -> bool:
        """Ob die Quelle selbst Recht setzt (Gesetz, Richtlinie, Erlass, VV), statt zu berichten."""
        return self in _RECHTSAKTE


_RECHTSAKTE = frozenset(
    {
        Quellenart.GESETZ,
        Quellenart.RICHTLINIE,
        Quellenart.RUNDERLASS,
        Quellenart.VERWALTUNGSVORSCHRIFT,
    }
)


class Gewissheit(Bezeichnet):
    """Wie sicher eine Angabe belegt ist – für Quellen, Parameterwerte und den Programmkatalog.

    * ``BESTAETIGT`` [C]: die Quelle sagt es so (Wert *und* Zeitraum).
    * ``ABGELEITET`` [I]: aus belegten Angaben gefolgert, etwa ein Tag aus einer
      Jahresangabe oder ein Wert aus einer Rechnung.
    * ``UNSICHER`` [U]: eine schwache oder widersprüchliche Quelle.

    Es zählt die schwächste Angabe: ein belegter Betrag mit gefolgertem Beginn ist
    ``ABGELEITET``. ``BESTAETIGT`` heißt „in seinem Zeitraum belegt“, nicht „heute in Kraft“.
    """

    BESTAETIGT = "bestaetigt", "bestätigt"
    ABGELEITET = "abgeleitet", "abgeleitet"
    UNSICHER = "unsicher", "unsicher"

    @property
    def kennung(self) -> str:
        """Die Kurzmarke: ``[C]`` (bestätigt), ``[I]`` (abgeleitet) oder ``[U]`` (unsicher)."""
        return _KENNUNG_GEWISSHEIT[self]


_KENNUNG_GEWISSHEIT = {
    Gewissheit.BESTAETIGT: "[C]",
    Gewissheit.ABGELEITET: "[I]",
    Gewissheit.UNSICHER: "[U]",
}


# -- Validatoren: einer je Feld ----------------------------------------------------------

KURZNAME = Muster(
    KURZNAME_MUSTER.pattern, "ein Kurzname: Buchstaben, Ziffern, §, Punkt, Unterstrich, Bindestrich"
)
"""Der Validator eines Kurznamens (auch für Listen von Kurznamen in anderen Modellen)."""
_TEXT = Text()
_TEXT_ODER_NONE = Text(optional=True)
_ANMERKUNG = Text(leer=True)
_NORM = Text(einzeilig=True, optional=True)
_DATUM_ODER_NONE = Datum(optional=True)
_URL = Muster(r"https?://(?:[^ ]*\S)?", "eine http(s)-Adresse ohne Leerzeichen", optional=True)
_TEIL_VON = Muster(KURZNAME_MUSTER.pattern, "der Kurzname einer Quelle", optional=True)
_BELEGE = Folge(KURZNAME, eindeutig=True)


def ist_kurzname(wert: object) -> bool:
    """Ob ``wert`` die Form eines Kurznamens hat (siehe :data:`KURZNAME_MUSTER`)."""
    return KURZNAME.gilt(wert)


def ist_text(wert: object) -> bool:
    """Ob ``wert`` ein nicht leerer Text ohne Rand-Leerzeichen ist."""
    return _TEXT.gilt(wert)


def deutsches_datum(tag: date) -> str:
    """Ein Datum in deutscher Schreibweise.

    >>> deutsches_datum(date(2022, 1, 1))
    '01.01.2022'
    """
    return schreibweise.datum(tag)


@frozen
class Rechtsquelle:
    """Ein Eintrag im Quellenkatalog: ein Rechtsakt oder ein Beleg, mit Fundstelle und Stand.

    :param kurzname: stabile Kennung, unter der Daten und Regeln die Quelle nennen.
    :param art: Rechtsakt oder welche Art von Beleg.
    :param titel: amtlicher Titel bzw. bei Belegen eine kurze Beschreibung.
    :param abkuerzung: Kurzform für Zitate, z. B. ``TIntG 2021``.
    :param norm: die Stelle, wenn der Eintrag nur eine Norm ist (``§ 9``), sonst ``None``.
    :param fundstelle: Veröffentlichung, z. B. ``GV. NRW. S. 1213a`` oder – seit 2025, nur mit
        Nummer – ``MB.NRW 2025 Nr. 196``; unbekannt ``None``.
    :param fassung_vom: Datum des Akts bzw. der Fassung; unbekannt ``None``.
    :param in_kraft_ab: Inkrafttreten; nicht belegt ``None`` (heißt nicht „schon immer“).
    :param in_kraft_bis: letzter Tag der Geltung; nicht belegt ``None`` (heißt nicht „unbefristet“).
    :param url: Adresse des gelesenen Texts.
    :param zuletzt_geprueft: Tag, an dem die Angaben zuletzt geprüft wurden.
    :param gewissheit: wie sicher die Angaben des Eintrags sind.
    :param teil_von: Kurzname des Akts, zu dem eine Norm-Seite gehört.
    :param belege: Kurznamen der Belege, aus denen die Angaben stammen.
    :param ersetzt: Kurznamen der Fassungen (und ihrer Änderungen), die dieser Akt ablöst;
        sie sind bis zum Tag vor seinem Beginn maßgeblich (siehe :mod:`kim_nrw.recht.fassungen`).
    :param anmerkung: Widersprüche, Lücken, Hinweise.

    >>> q = Rechtsquelle("X-1", Quellenart.GESETZ, "Ein Gesetz", "XG", fundstelle="GV. NRW. S. 1")
    >>> q.zitiere("§ 1 Abs. 2").text
    '§ 1 Abs. 2 XG (GV. NRW. S. 1)'
    """

    kurzname: str = field(validator=KURZNAME)
    art: Quellenart = field(validator=Aufzaehlung(Quellenart))
    titel: str = field(validator=_TEXT)
    abkuerzung: str = field(validator=_TEXT)
    norm: str | None = field(default=None, validator=_NORM, kw_only=True)
    fundstelle: str | None = field(default=None, validator=_TEXT_ODER_NONE, kw_only=True)
    fassung_vom: date | None = field(default=None, validator=_DATUM_ODER_NONE, kw_only=True)
    in_kraft_ab: date | None = field(default=None, validator=_DATUM_ODER_NONE, kw_only=True)
    in_kraft_bis: date | None = field(default=None, validator=_DATUM_ODER_NONE, kw_only=True)
    url: str | None = field(default=None, validator=_URL, kw_only=True)
    zuletzt_geprueft: date = field(default=STAND_ERSTERFASSUNG, validator=Datum(), kw_only=True)
    gewissheit: Gewissheit = field(
        default=Gewissheit.BESTAETIGT, validator=Aufzaehlung(Gewissheit), kw_only=True
    )
    teil_von: str | None = field(default=None, validator=_TEIL_VON, kw_only=True)
    belege: tuple[str, ...] = field(default=(), validator=_BELEGE, kw_only=True)
    ersetzt: tuple[str, ...] = field(default=(), validator=_BELEGE, kw_only=True)
    anmerkung: str = field(default="", validator=_ANMERKUNG, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if (
            self.in_kraft_ab is not None
            and self.in_kraft_bis is not None
            and self.in_kraft_bis < self.in_kraft_ab
        ):
            raise UngueltigeEingabe(
                "Rechtsquelle.in_kraft_bis",
                self.in_kraft_bis,
                f"nicht vor in_kraft_ab {self.in_kraft_ab}",
            )
        if self.kurzname in (self.teil_von, *self.belege, *self.ersetzt):
            raise UngueltigeEingabe(
                "Rechtsquelle.kurzname",
                self.kurzname,
                "eine Quelle, die nicht auf sich selbst verweist",
            )

    @property
    def ist_rechtsakt(self) -> bool:
        """Ob die Quelle ein Rechtsakt ist (siehe :attr:`Quellenart.ist_rechtsakt`)."""
        return self.art.ist_rechtsakt

    def zitat(self) -> str:
        """Das deutsche Zitat der ganzen Quelle (bzw. ihrer eigenen Norm).

        >>> Rechtsquelle("X", Quellenart.GESETZ, "Ein Gesetz", "XG").zitat()
        'XG'
        """
        return Zitat(self, self.norm).text

    def zitiere(self, norm: str | None = None) -> Zitat:
        """Ein :class:`Zitat` einer Stelle in dieser Quelle.

        ``norm`` ersetzt die eigene Norm des Eintrags; ohne ``norm`` gilt diese.
        """
        if norm is None:
            return Zitat(self, self.norm)
        return Zitat(self, norm)


@frozen
class Zitat:
    """Eine Stelle in einer Quelle, z. B. ``§ 9 Abs. 1 TIntG 2021 (GV. NRW. S. 1213a)``.

    Regeln und Ergebnisse tragen Zitate, damit ein Prüfer die Grundlage nachschlagen kann.
    """

    quelle: Rechtsquelle = field(validator=Typ((Rechtsquelle,), "eine Rechtsquelle"))
    norm: str | None = field(default=None, validator=_NORM)

    @property
    def kurzname(self) -> str:
        """Der Kurzname der zitierten Quelle."""
        return self.quelle.kurzname

    @property
    def text(self) -> str:
        """Das Zitat als deutscher Text: Norm, Abkürzung, Fundstelle in Klammern."""
        kopf = self.quelle.abkuerzung
        if self.norm is not None:
            kopf = f"{self.norm} {kopf}"
        if self.quelle.fundstelle is not None:
            return f"{kopf} ({self.quelle.fundstelle})"
        if self.quelle.fassung_vom is not None and self.quelle.ist_rechtsakt:
            return f"{kopf} vom {deutsches_datum(self.quelle.fassung_vom)}"
        return kopf

    def __str__(self) -> str:
        return self.text

"""Zeiträume und Haushaltsjahre, so wie Bescheide und Richtlinien sie schreiben.

Ein :class:`Zeitraum` ist ein geschlossenes Datumsintervall – „vom 01.07.2020
bis 31.12.2020“ schließt beide Tage ein. Förderungen in NRW werden je
Haushaltsjahr (= Kalenderjahr) bewilligt und abgerechnet; deshalb lässt sich
jeder Zeitraum nach Haushaltsjahren aufteilen, und Anteile an einem Jahr sind
exakte Brüche (:class:`fractions.Fraction`), nie Gleitkommazahlen.

>>> from kim_nrw.zeit import Zeitraum
>>> z = Zeitraum.parse("2020-07-01/2020-12-31")
>>> z.deutsch(), z.tage, z.volle_monate
('01.07.2020 bis 31.12.2020', 184, 6)
"""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction
from typing import ClassVar, Self

from attrs import field

from kim_nrw import schreibweise
from kim_nrw._modell import frozen
from kim_nrw.fehler import UngueltigeEingabe, UngueltigerZeitraum
from kim_nrw.konverter import JsonSchema, Wertform
from kim_nrw.validatoren import Datum, Ganzzahl, ganz, ist_datum

__all__ = [
    "DATUM",
    "HAUSHALTSJAHR_MAX",
    "HAUSHALTSJAHR_MIN",
    "Haushaltsjahr",
    "Zeitraum",
    "lies_datum",
]

HAUSHALTSJAHR_MIN = 2000
"""Frühestes Haushaltsjahr, das :class:`Haushaltsjahr` annimmt (Plausibilitätsgrenze)."""
HAUSHALTSJAHR_MAX = 2100
"""Spätestes Haushaltsjahr, das :class:`Haushaltsjahr` annimmt (Plausibilitätsgrenze)."""

_MONATSTAGE = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_EIN_TAG = dt.timedelta(days=1)

# -- Kalendertage als Text (ISO 8601, JJJJ-MM-TT) -------------------------------------------

_DATUM_MUSTER = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
_DATUM_ERWARTET = 'ein Kalendertag JJJJ-MM-TT (ISO 8601), z. B. "2021-01-15"'


# Die Muster gelten für Python (ASCII-Ziffern) und für das JSON Schema gleichermaßen.
_INTERVALL_MUSTER = f"{_DATUM_MUSTER}/{_DATUM_MUSTER}"
_tagesform = re.compile(_DATUM_MUSTER, re.ASCII).fullmatch
_intervallform = re.compile(_INTERVALL_MUSTER, re.ASCII).fullmatch


def _tag(text: str) -> dt.date | None:
    """Der Kalendertag eines Texts JJJJ-MM-TT (Form schon geprüft), oder ``None``."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:  # 2021-02-30
        return None


def lies_datum(wert: object) -> dt.date:
    """Liest einen Kalendertag aus seiner JSON-Form ``JJJJ-MM-TT`` – der einzige Datumsleser.

    >>> from kim_nrw.zeit import lies_datum
    >>> lies_datum("2021-01-15")
    datetime.date(2021, 1, 15)
    >>> lies_datum("15.01.2021")
    Traceback (most recent call last):
    kim_nrw.fehler.UngueltigeEingabe: Datum: '15.01.2021' ist ungültig; erwartet: ein Kalendertag JJJJ-MM-TT (ISO 8601), z. B. "2021-01-15"
    """  # noqa: E501
    tag = _tag(wert) if wert.__class__ is str and _tagesform(wert) else None
    if tag is None:
        raise UngueltigeEingabe("Datum", wert, _DATUM_ERWARTET)
    return tag


def _iso(tag: dt.date) -> str:
    return f"{tag.year:04d}-{tag.month:02d}-{tag.day:02d}"


def _datum_schema() -> JsonSchema:
    return {"type": "string", "format": "date", "pattern": ganz(_DATUM_MUSTER)}


DATUM = Wertform(lies_datum, _iso, _datum_schema, _DATUM_ERWARTET)
"""Die JSON-Form eines Kalendertags (``datetime.date``): lesen, schreiben, Schema, Erwartung."""


@frozen
class _Kalendertag(Datum):
    """Ein Feld eines Zeitraums: ein ``datetime.date``, kein ``datetime``."""

    fehler = UngueltigerZeitraum

    def beschreibung(self) -> str:
        return "ein datetime.date (kein datetime, kein Text)"


_KALENDERTAG = _Kalendertag()


def _ist_ganzzahl(wert: object) -> bool:
    return isinstance(wert, int) and not isinstance(wert, bool)


def _ist_schaltjahr(jahr: int) -> bool:
    return jahr % 4 == 0 and (jahr % 100 != 0 or jahr % 400 == 0)


def _monatstage(jahr: int, monat: int) -> int:
    return 29 if monat == 2 and _ist_schaltjahr(jahr) else _MONATSTAGE[monat]


def _jahr_pruefen(feld: str, jahr: object) -> int:
    if isinstance(jahr, int) and not isinstance(jahr, bool) and dt.MINYEAR <= jahr <= dt.MAXYEAR:
        return jahr
    raise UngueltigerZeitraum(feld, jahr, f"eine ganze Zahl {dt.MINYEAR}..{dt.MAXYEAR}")


_INTERVALL_ERWARTET = "ein ISO-8601-Intervall JJJJ-MM-TT/JJJJ-MM-TT aus zwei gültigen Kalendertagen"
_HAUSHALTSJAHR_MUSTER = "20[0-9]{2}|2100"
assert (HAUSHALTSJAHR_MIN, HAUSHALTSJAHR_MAX) == (2000, 2100), "Muster anpassen"


@frozen(order=True)
class Zeitraum:
    """Ein Zeitraum von ``beginn`` bis ``ende``, beide Tage eingeschlossen.

    So schreibt das Recht Zeiträume („vom 01.07.2020 bis 31.12.2020“); ein
    einzelner Tag ist ein Zeitraum mit ``beginn == ende``. Zeiträume sind
    unveränderlich, hashbar und nach ``(beginn, ende)`` geordnet.

    >>> from kim_nrw.zeit import Zeitraum
    >>> import datetime as dt
    >>> z = Zeitraum(dt.date(2020, 7, 1), dt.date(2020, 12, 31))
    >>> str(z)
    '2020-07-01/2020-12-31'
    >>> Zeitraum(dt.date(2021, 1, 1), dt.date(2020, 12, 31))
    Traceback (most recent call last):
    kim_nrw.fehler.UngueltigerZeitraum: Zeitraum: ... erwartet: beginn <= ende ...
    """

    beginn: dt.date = field(validator=_KALENDERTAG)
    ende: dt.date = field(validator=_KALENDERTAG)

    ERWARTET: ClassVar[str] = (
        "ein Zeitraum als ISO-8601-Intervall JJJJ-MM-TT/JJJJ-MM-TT (beide Tage eingeschlossen) "
        f"oder ein Haushaltsjahr JJJJ ({HAUSHALTSJAHR_MIN}..{HAUSHALTSJAHR_MAX})"
    )
    """Was die JSON-Form eines Zeitraums ist (für Fehlerberichte)."""

    def __attrs_post_init__(self) -> None:
        if self.beginn > self.ende:
            raise UngueltigerZeitraum(
                "Zeitraum",
                f"{_iso(self.beginn)}/{_iso(self.ende)}",
                "beginn <= ende (der Beginn liegt nach dem Ende)",
            )

    # -- Konstruktoren -------------------------------------------------------------------

    @classmethod
    def jahr(cls, jahr: int) -> Self:
        """Das Kalenderjahr ``jahr`` (01.01. bis 31.12.), in NRW zugleich das Haushaltsjahr.

        >>> from kim_nrw.zeit import Zeitraum
        >>> Zeitraum.jahr(2021).deutsch()
        '01.01.2021 bis 31.12.2021'
        """
        j = _jahr_pruefen("Zeitraum.jahr(jahr)", jahr)
        return cls(dt.date(j, 1, 1), dt.date(j, 12, 31))

    @classmethod
    def halbjahr(cls, jahr: int, halbjahr: int) -> Self:
        """Das erste (Januar–Juni) oder zweite (Juli–Dezember) Halbjahr von ``jahr``.

        >>> from kim_nrw.zeit import Zeitraum
        >>> str(Zeitraum.halbjahr(2020, 2))
        '2020-07-01/2020-12-31'
        """
        j = _jahr_pruefen("Zeitraum.halbjahr(jahr)", jahr)
        if not _ist_ganzzahl(halbjahr) or halbjahr not in (1, 2):
            raise UngueltigerZeitraum("Zeitraum.halbjahr(halbjahr)", halbjahr, "1 oder 2")
        if halbjahr == 1:
            return cls(dt.date(j, 1, 1), dt.date(j, 6, 30))
        return cls(dt.date(j, 7, 1), dt.date(j, 12, 31))

    @classmethod
    def monat(cls, jahr: int, monat: int) -> Self:
        """Der Kalendermonat ``monat`` (1–12) von ``jahr``, vom 1. bis zum letzten Tag.

        >>> from kim_nrw.zeit import Zeitraum
        >>> Zeitraum.monat(2020, 2).tage
        29
        """
        j = _jahr_pruefen("Zeitraum.monat(jahr)", jahr)
        if not _ist_ganzzahl(monat) or not 1 <= monat <= 12:
            raise UngueltigerZeitraum("Zeitraum.monat(monat)", monat, "eine ganze Zahl 1..12")
        return cls(dt.date(j, monat, 1), dt.date(j, monat, _monatstage(j, monat)))

    @classmethod
    def parse(cls, text: str) -> Self:
        """Liest ein ISO-8601-Intervall aus zwei vollständigen Daten, ``JJJJ-MM-TT/JJJJ-MM-TT``.

        Nur diese eine Form wird angenommen – keine Dauern (``P6M``), keine
        Uhrzeiten, keine Leerzeichen, keine Kurzformen –, damit ein Text nie
        geraten wird. ``str(zeitraum)`` liefert genau diese Form zurück.

        >>> from kim_nrw.zeit import Zeitraum
        >>> Zeitraum.parse("2020-07-01/2020-12-31").tage
        184
        >>> Zeitraum.parse("2020-07-01/P6M")
        Traceback (most recent call last):
        kim_nrw.fehler.UngueltigerZeitraum: Zeitraum: '2020-07-01/P6M' ist ungültig; ...
        """
        beginn = ende = None
        if isinstance(text, str) and _intervallform(text):
            beginn, ende = _tag(text[:10]), _tag(text[11:])
        if beginn is None or ende is None:
            raise UngueltigerZeitraum("Zeitraum", text, _INTERVALL_ERWARTET)
        return cls(beginn, ende)

    @classmethod
    def from_json(cls, wert: object) -> Self:
        """Liest die JSON-Form: ein Intervall ``JJJJ-MM-TT/JJJJ-MM-TT`` oder ein Haushaltsjahr.

        >>> from kim_nrw.zeit import Zeitraum
        >>> Zeitraum.from_json("2021") == Zeitraum.from_json("2021-01-01/2021-12-31")
        True
        """
        if wert.__class__ is str:
            if len(wert) == 21:
                return cls.parse(wert)
            if len(wert) == 4:
                return cls(*_jahresgrenzen(Haushaltsjahr.parse(wert).jahr))
        raise UngueltigerZeitraum("Zeitraum", wert, cls.ERWARTET)

    def to_json(self) -> str:
        """Die kanonische JSON-Form: immer das Intervall, auch für ein ganzes Jahr."""
        return str(self)

    @classmethod
    def json_schema(cls) -> JsonSchema:
        """Das JSON-Schema-Fragment der Eingabe (Intervall oder Haushaltsjahr)."""
        return {
            "type": "string",
            "pattern": ganz(f"{_INTERVALL_MUSTER}|{_HAUSHALTSJAHR_MUSTER}"),
            "description": (
                "ISO-8601-Intervall JJJJ-MM-TT/JJJJ-MM-TT (gültige Kalendertage, Beginn ≤ Ende) "
                "oder ein Haushaltsjahr JJJJ; geschrieben wird immer das Intervall."
            ),
        }

    # -- Darstellung ---------------------------------------------------------------------

    def __str__(self) -> str:
        return f"{_iso(self.beginn)}/{_iso(self.ende)}"

    def deutsch(self) -> str:
        """Die Schreibweise der Bescheide, z. B. ``01.07.2020 bis 31.12.2020``."""
        return schreibweise.zeitraum(self.beginn, self.ende)

    # -- Beziehungen ---------------------------------------------------------------------

    def enthaelt(self, tag: dt.date) -> bool:
        """Ob der Kalendertag ``tag`` im Zeitraum liegt (Beginn und Ende eingeschlossen).

        >>> from kim_nrw.zeit import Zeitraum
        >>> import datetime as dt
        >>> z = Zeitraum.halbjahr(2020, 2)
        >>> z.enthaelt(dt.date(2020, 12, 31)), z.enthaelt(dt.date(2021, 1, 1))
        (True, False)
        """
        if not ist_datum(tag):
            raise UngueltigerZeitraum(
                "Zeitraum.enthaelt(tag)", tag, "ein datetime.date (kein datetime, kein Text)"
            )
        return self.beginn <= tag <= self.ende

    def _anderer(self, methode: str, anderer: object) -> Zeitraum:
        if not isinstance(anderer, Zeitraum):
            raise UngueltigerZeitraum(f"Zeitraum.{methode}(anderer)", anderer, "ein Zeitraum")
        return anderer

    def ueberschneidet(self, anderer: Zeitraum) -> bool:
        """Ob beide Zeiträume mindestens einen gemeinsamen Tag haben."""
        a = self._anderer("ueberschneidet", anderer)
        return self.beginn <= a.ende and a.beginn <= self.ende

    def schnitt(self, anderer: Zeitraum) -> Zeitraum | None:
        """Die gemeinsamen Tage beider Zeiträume, oder ``None``, wenn es keine gibt.

        >>> from kim_nrw.zeit import Zeitraum
        >>> str(Zeitraum.jahr(2020).schnitt(Zeitraum.parse("2020-07-01/2021-06-30")))
        '2020-07-01/2020-12-31'
        """
        a = self._anderer("schnitt", anderer)
        beginn = max(self.beginn, a.beginn)
        ende = min(self.ende, a.ende)
        if beginn > ende:
            return None
        return Zeitraum(beginn, ende)

    def vereinigung(self, anderer: Zeitraum) -> Zeitraum:
        """Beide Zeiträume als einer; nur wenn sie sich überschneiden oder lückenlos anschließen.

        Eine Lücke würde Tage hinzufügen, die in keinem der beiden Zeiträume
        liegen; deshalb ist sie ein Fehler statt stillschweigend geschlossen.

        >>> from kim_nrw.zeit import Zeitraum
        >>> str(Zeitraum.halbjahr(2020, 1).vereinigung(Zeitraum.halbjahr(2020, 2)))
        '2020-01-01/2020-12-31'
        >>> Zeitraum.monat(2020, 1).vereinigung(Zeitraum.monat(2020, 3))
        Traceback (most recent call last):
        kim_nrw.fehler.UngueltigerZeitraum: ... Lücke vom 01.02.2020 bis 29.02.2020
        """
        a = self._anderer("vereinigung", anderer)
        frueher, spaeter = (self, a) if self.beginn <= a.beginn else (a, self)
        if spaeter.beginn.toordinal() > frueher.ende.toordinal() + 1:
            luecke = Zeitraum(frueher.ende + _EIN_TAG, spaeter.beginn - _EIN_TAG)
            raise UngueltigerZeitraum(
                "Zeitraum.vereinigung(anderer)",
                str(a),
                f"ein Zeitraum, der {self} überschneidet oder unmittelbar daran anschließt; "
                f"dazwischen liegt eine Lücke vom {luecke.deutsch()}",
            )
        return Zeitraum(frueher.beginn, max(frueher.ende, spaeter.ende))

    def nach_haushaltsjahren(self) -> tuple[Zeitraum, ...]:
        """Teilt den Zeitraum an den Jahresgrenzen; in NRW ist das Haushaltsjahr das Kalenderjahr.

        >>> from kim_nrw.zeit import Zeitraum
        >>> [str(t) for t in Zeitraum.parse("2020-07-01/2022-03-31").nach_haushaltsjahren()]
        ['2020-07-01/2020-12-31', '2021-01-01/2021-12-31', '2022-01-01/2022-03-31']
        """
        b, e = self.beginn, self.ende
        if b.year == e.year:
            return (self,)
        teile = [Zeitraum(b, dt.date(b.year, 12, 31))]
        teile.extend(
            Zeitraum(dt.date(j, 1, 1), dt.date(j, 12, 31)) for j in range(b.year + 1, e.year)
        )
        teile.append(Zeitraum(dt.date(e.year, 1, 1), e))
        return tuple(teile)

    # -- Maße ----------------------------------------------------------------------------

    @property
    def tage(self) -> int:
        """Die Zahl der Tage, Beginn und Ende eingeschlossen (01.07.–31.12.2020: 184)."""
        return self.ende.toordinal() - self.beginn.toordinal() + 1

    @property
    def angefangene_monate(self) -> int:
        """Die Zahl der Kalendermonate, die der Zeitraum berührt, auch nur an einem Tag.

        >>> from kim_nrw.zeit import Zeitraum
        >>> Zeitraum.parse("2020-07-15/2020-08-14").angefangene_monate
        2
        """
        b, e = self.beginn, self.ende
        return (e.year - b.year) * 12 + e.month - b.month + 1

    @property
    def volle_monate(self) -> int:
        """Die Zahl der vollen Monate, vom Beginn an gezählt (nicht: volle Kalendermonate).

        Ein voller Monat ab dem 15.07. endet am 14.08.; einer ab dem 01.07. am
        31.07. Fehlt der entsprechende Tag im Zielmonat, endet der Monat am
        letzten Tag dieses Monats (ab 31.01. also am 28.02. bzw. 29.02.) – so
        wie § 188 Abs. 2 und 3 BGB Monatsfristen enden lässt. Berechnet mit
        :class:`dateutil.relativedelta.relativedelta`.

        >>> from kim_nrw.zeit import Zeitraum
        >>> Zeitraum.parse("2020-07-01/2020-12-31").volle_monate
        6
        >>> Zeitraum.parse("2020-07-15/2020-08-14").volle_monate
        1
        >>> Zeitraum.parse("2020-07-15/2020-08-13").volle_monate
        0
        """
        n = self.angefangene_monate
        while n > 0 and self._ende_nach_monaten(n) > self.ende:
            n -= 1
        return n

    def _ende_nach_monaten(self, n: int) -> dt.date:
        """Letzter Tag eines Zeitraums von ``n`` Monaten ab ``beginn`` (§ 188 Abs. 2, 3 BGB)."""
        from dateutil.relativedelta import relativedelta  # spät: hält den Import billig

        try:
            ziel: dt.date = self.beginn + relativedelta(months=n)
        except (ValueError, OverflowError):  # jenseits von 9999-12-31
            return dt.date.max
        if ziel.day == self.beginn.day:
            # Tag gleicher Zahl vorhanden: der Monat endet am Vortag.
            return ziel - _EIN_TAG
        # relativedelta hat auf den Monatsletzten gekürzt: dort endet der Monat.
        return ziel

    def jahresanteil_tage(self) -> Fraction:
        """Der Anteil am Kalenderjahr nach Tagen: ``tage / Tage des Jahres`` (365 oder 366).

        Nur für einen Zeitraum innerhalb eines Jahres; sonst zuerst mit
        :meth:`nach_haushaltsjahren` aufteilen. Der Anteil nach Tagen und der
        nach Monaten (:meth:`jahresanteil_monate`) sind verschieden; welcher
        gilt, sagt die jeweilige Regel, nicht dieser Typ. Für das Schaltjahr 2020:

        >>> from kim_nrw.zeit import Zeitraum
        >>> z = Zeitraum.parse("2020-07-01/2020-12-31")
        >>> z.jahresanteil_tage(), z.jahresanteil_monate()
        (Fraction(92, 183), Fraction(1, 2))

        also 184/366 nach Tagen gegenüber 6/12 nach Monaten.
        """
        if self.beginn.year != self.ende.year:
            raise UngueltigerZeitraum(
                "Zeitraum.jahresanteil_tage()",
                str(self),
                "ein Zeitraum innerhalb eines Kalenderjahres; "
                "zuerst mit nach_haushaltsjahren() aufteilen",
            )
        tage_im_jahr = 366 if _ist_schaltjahr(self.beginn.year) else 365
        return Fraction(self.tage, tage_im_jahr)

    def jahresanteil_monate(self) -> Fraction:
        """Der Anteil an einem Jahr nach vollen Monaten: ``volle_monate / 12``.

        Das ist die Form „Monate/12“ der Förderberechnungen. Er ist auch für
        Zeiträume über mehrere Jahre definiert (24 volle Monate ergeben 2).
        Angebrochene Monate zählen nicht; siehe :meth:`jahresanteil_tage` für
        den Vergleich mit dem Anteil nach Tagen.

        >>> from kim_nrw.zeit import Zeitraum
        >>> Zeitraum.jahr(2021).jahresanteil_monate()
        Fraction(1, 1)
        """
        return Fraction(self.volle_monate, 12)


def _jahresgrenzen(jahr: int) -> tuple[dt.date, dt.date]:
    return dt.date(jahr, 1, 1), dt.date(jahr, 12, 31)


@frozen
class _Jahr(Ganzzahl):
    """Das Jahr eines Haushaltsjahres (Plausibilitätsgrenzen 2000..2100)."""

    fehler = UngueltigerZeitraum

    def beschreibung(self) -> str:
        return f"{super().beschreibung()} (ein Kalenderjahr)"


@frozen(order=True)
class Haushaltsjahr:
    """Ein Haushaltsjahr des Landes NRW; es deckt sich mit dem Kalenderjahr.

    Zuwendungen werden je Haushaltsjahr bewilligt und nachgewiesen. Jahre
    außerhalb von 2000..2100 gelten als Tippfehler und werden abgelehnt.

    >>> from kim_nrw.zeit import Haushaltsjahr
    >>> hj = Haushaltsjahr.parse("2021")
    >>> str(hj), hj.zeitraum.deutsch()
    ('2021', '01.01.2021 bis 31.12.2021')
    """

    jahr: int = field(validator=_Jahr(HAUSHALTSJAHR_MIN, HAUSHALTSJAHR_MAX))

    ERWARTET: ClassVar[str] = (
        f"ein Haushaltsjahr als Text JJJJ ({HAUSHALTSJAHR_MIN}..{HAUSHALTSJAHR_MAX})"
    )
    """Was die JSON-Form eines Haushaltsjahres ist (für Fehlerberichte)."""

    @classmethod
    def parse(cls, text: str) -> Self:
        """Liest ein Haushaltsjahr aus vier ASCII-Ziffern, z. B. ``"2021"``."""
        if not isinstance(text, str) or len(text) != 4 or not (text.isascii() and text.isdigit()):
            raise UngueltigerZeitraum(
                "Haushaltsjahr",
                text,
                f"vier Ziffern 0-9, ein Jahr {HAUSHALTSJAHR_MIN}..{HAUSHALTSJAHR_MAX}",
            )
        jahr = int(text)
        if not HAUSHALTSJAHR_MIN <= jahr <= HAUSHALTSJAHR_MAX:
            raise UngueltigerZeitraum(
                "Haushaltsjahr", text, f"ein Jahr {HAUSHALTSJAHR_MIN}..{HAUSHALTSJAHR_MAX}"
            )
        return cls(jahr)

    @classmethod
    def from_json(cls, wert: object) -> Self:
        """Liest die JSON-Form, einen Text ``"2021"``."""
        if wert.__class__ is not str:
            raise UngueltigerZeitraum("Haushaltsjahr", wert, cls.ERWARTET)
        return cls.parse(wert)

    def to_json(self) -> str:
        """Die kanonische JSON-Form, z. B. ``"2021"``."""
        return str(self.jahr)

    @classmethod
    def json_schema(cls) -> JsonSchema:
        """Das JSON-Schema-Fragment der Eingabe."""
        return {"type": "string", "pattern": ganz(_HAUSHALTSJAHR_MUSTER)}

    @property
    def zeitraum(self) -> Zeitraum:
        """Der Zeitraum des Haushaltsjahres, 01.01. bis 31.12."""
        return Zeitraum(*_jahresgrenzen(self.jahr))

    def __str__(self) -> str:
        return str(self.jahr)

"""Die Gebietseinheiten von NRW: Regierungsbezirk, Kreis, kreisfreie Stadt, Gemeinde.

Die Modelle sind unveränderlich und tragen nur ihre eigenen Daten; die
Navigation (``gemeinde.kreis``, ``kreis.gemeinden``) fragt das Register, aus dem die
Einheit stammt – eine Einheit eines eigenen :class:`~kim_nrw.gebiet.Register` bleibt in
ihm. Eine von Hand gebaute Einheit ohne Register fragt das eingebettete Register, das
beim ersten Zugriff einmal geladen wird.

Die Art einer Einheit kommt aus dem Textkennzeichen des GV100AD, nicht aus der
Form ihres Schlüssels: Stadt Aachen (``05334002``) ist nach ihrem Schlüssel
regionsangehörig, hat aber nach dem Aachen-Gesetz die Rechtsstellung einer
kreisfreien Stadt (siehe :class:`Sonderstatus`).
"""

from __future__ import annotations

from decimal import Context, Decimal
from typing import ClassVar, Protocol

from attrs import field

from kim_nrw._modell import frozen
from kim_nrw.bezeichnet import Bezeichnet
from kim_nrw.gebiet.schluessel import AGS, ARS, Kreisschluessel, RBSchluessel

__all__ = [
    "Gebietsart",
    "Gebietseinheit",
    "Kommune",
    "Kreis",
    "KreisangehoerigeGemeinde",
    "KreisfreieStadt",
    "Regierungsbezirk",
    "Sonderstatus",
]


class Gebietsart(Bezeichnet):
    """Die Art einer Gebietseinheit."""

    REGIERUNGSBEZIRK = "regierungsbezirk", "Regierungsbezirk"
    KREIS = "kreis", "Kreis"
    STAEDTEREGION = "staedteregion", "StädteRegion"
    KREISFREIE_STADT = "kreisfreie_stadt", "Kreisfreie Stadt"
    KREISANGEHOERIGE_GEMEINDE = "kreisangehoerige_gemeinde", "Kreisangehörige Gemeinde"


_KONTEXT = Context(prec=60)  # Flächen exakt, unabhängig vom Decimal-Kontext des Aufrufers


def _km2(hektar: int) -> Decimal:
    return Decimal(hektar).scaleb(-2, _KONTEXT)


class _Navigation(Protocol):
    """Was eine Einheit von ihrem Register braucht (:class:`~kim_nrw.gebiet.Register`)."""

    def regierungsbezirk(self, schluessel: RBSchluessel, /) -> Regierungsbezirk: ...
    def kreis(self, schluessel: Kreisschluessel, /) -> Kreis: ...
    def kreise(self, *, regierungsbezirk: RBSchluessel) -> tuple[Kreis, ...]: ...
    def kreisfreie_staedte(
        self, *, regierungsbezirk: RBSchluessel
    ) -> tuple[KreisfreieStadt, ...]: ...
    def gemeinden(
        self, *, regierungsbezirk: RBSchluessel
    ) -> tuple[KreisfreieStadt | KreisangehoerigeGemeinde, ...]: ...
    def kreisangehoerige_gemeinden(
        self, *, kreis: Kreisschluessel
    ) -> tuple[KreisangehoerigeGemeinde, ...]: ...


class _ImRegister:
    """Die Verbindung einer Einheit zu dem Register, das sie enthält.

    Das Register setzt sie beim Aufbau; sie zählt weder für Gleichheit noch für ``repr``
    und nicht zur JSON-Form.
    """

    __slots__ = ()
    _register: _Navigation | None

    def _im_register(self) -> _Navigation:
        if self._register is not None:
            return self._register
        from kim_nrw.gebiet.register import register  # spät: register importiert dieses Modul

        return register()


@frozen
class Sonderstatus:
    """Eine Rechtsstellung, die der Schlüssel nicht zeigt (bisher nur Stadt Aachen).

    :param rechtsstellung_kreisfreie_stadt: hat die Rechte einer kreisfreien Stadt.
    :param eigenes_ki: trägt ein eigenes Kommunales Integrationszentrum.
    :param auslaenderwesen_bei: die Einheit, die das Ausländerwesen für sie führt.
    :param quelle: Kurzname der Rechtsquelle (Katalog in :mod:`kim_nrw.recht`).
    :param erlaeuterung: ein Satz, warum.
    """

    rechtsstellung_kreisfreie_stadt: bool
    eigenes_ki: bool
    auslaenderwesen_bei: Kreisschluessel
    quelle: str
    erlaeuterung: str


@frozen
class Regierungsbezirk(_ImRegister):
    """Einer der fünf Regierungsbezirke (Düsseldorf, Köln, Münster, Detmold, Arnsberg).

    Einwohner und Fläche sind die Summen seiner Gemeinden.
    """

    schluessel: RBSchluessel
    name: str
    verwaltungssitz: str
    einwohner: int
    flaeche_ha: int
    _register: _Navigation | None = field(default=None, init=False, eq=False, repr=False)

    art: ClassVar[Gebietsart] = Gebietsart.REGIERUNGSBEZIRK

    @property
    def name_kurz(self) -> str:
        """Der Name ohne ``Reg.-Bez.``, z. B. ``Köln``."""
        return self.name.removeprefix("Reg.-Bez. ")

    @property
    def flaeche_km2(self) -> Decimal:
        """Die Fläche in km² mit zwei Nachkommastellen."""
        return _km2(self.flaeche_ha)

    @property
    def kreise(self) -> tuple[Kreis, ...]:
        """Die Kreise (mit der StädteRegion) im Bezirk."""
        return self._im_register().kreise(regierungsbezirk=self.schluessel)

    @property
    def kreisfreie_staedte(self) -> tuple[KreisfreieStadt, ...]:
        """Die kreisfreien Städte im Bezirk."""
        return self._im_register().kreisfreie_staedte(regierungsbezirk=self.schluessel)

    @property
    def gemeinden(self) -> tuple[KreisfreieStadt | KreisangehoerigeGemeinde, ...]:
        """Alle Gemeinden im Bezirk, kreisfreie Städte eingeschlossen."""
        return self._im_register().gemeinden(regierungsbezirk=self.schluessel)


@frozen
class Kreis(_ImRegister):
    """Ein Kreis oder die StädteRegion Aachen (Gemeindeverband eigener Art mit der
    Rechtsstellung eines Kreises, Aachen-Gesetz).

    Einwohner und Fläche sind die Summen seiner Gemeinden.
    """

    schluessel: Kreisschluessel
    name: str
    art: Gebietsart
    verwaltungssitz: str
    einwohner: int
    flaeche_ha: int
    _register: _Navigation | None = field(default=None, init=False, eq=False, repr=False)

    @property
    def name_kurz(self) -> str:
        """Der amtliche Name, z. B. ``Heinsberg`` (Destatis führt Kreise ohne das Wort Kreis)."""
        return self.name

    @property
    def bezeichnung(self) -> str:
        """Der Name mit Art, z. B. ``Kreis Heinsberg`` oder ``Städteregion Aachen``."""
        if self.art is Gebietsart.STAEDTEREGION or "Kreis" in self.name:
            return self.name
        return f"Kreis {self.name}"

    @property
    def flaeche_km2(self) -> Decimal:
        """Die Fläche in km² mit zwei Nachkommastellen."""
        return _km2(self.flaeche_ha)

    @property
    def regierungsbezirk(self) -> Regierungsbezirk:
        """Der Regierungsbezirk des Kreises."""
        return self._im_register().regierungsbezirk(self.schluessel.regierungsbezirk)

    @property
    def gemeinden(self) -> tuple[KreisangehoerigeGemeinde, ...]:
        """Die kreis- bzw. regionsangehörigen Gemeinden, nach Schlüssel geordnet."""
        return self._im_register().kreisangehoerige_gemeinden(kreis=self.schluessel)

    @property
    def ist_kreisfrei(self) -> bool:
        """Ein Kreis ist keine kreisfreie Stadt."""
        return False


class _Gemeinde(_ImRegister):
    """Was kreisfreie Städte und kreisangehörige Gemeinden gemeinsam haben: AGS, ARS, Name."""

    __slots__ = ()
    ags: AGS
    name: str
    flaeche_ha: int

    @property
    def schluessel(self) -> AGS:
        """Der AGS (für alle Gemeinden der Schlüssel)."""
        return self.ags

    @property
    def kreisschluessel(self) -> Kreisschluessel:
        """Die ersten fünf Ziffern des AGS: der Schlüssel auf Kreisebene."""
        return self.ags.kreis

    @property
    def name_kurz(self) -> str:
        """Der Name ohne amtlichen Zusatz, z. B. ``Erkelenz`` für ``Erkelenz, Stadt``."""
        return self.name.split(", ")[0]

    @property
    def flaeche_km2(self) -> Decimal:
        """Die Fläche in km² mit zwei Nachkommastellen."""
        return _km2(self.flaeche_ha)

    @property
    def regierungsbezirk(self) -> Regierungsbezirk:
        """Der Regierungsbezirk."""
        return self._im_register().regierungsbezirk(self.ags.regierungsbezirk)


@frozen
class KreisfreieStadt(_Gemeinde):
    """Eine der 22 kreisfreien Städte; ihr Kreisschlüssel ist der Anfang ihres AGS."""

    ags: AGS
    ars: ARS
    name: str
    einwohner: int
    flaeche_ha: int
    _register: _Navigation | None = field(default=None, init=False, eq=False, repr=False)

    art: ClassVar[Gebietsart] = Gebietsart.KREISFREIE_STADT

    @property
    def bezeichnung(self) -> str:
        """Z. B. ``Stadt Düsseldorf``."""
        return f"Stadt {self.name_kurz}"

    @property
    def ist_kreisfrei(self) -> bool:
        """Immer wahr."""
        return True


@frozen
class KreisangehoerigeGemeinde(_Gemeinde):
    """Eine kreis- oder regionsangehörige Stadt oder Gemeinde.

    ``sonderstatus`` ist nur bei Stadt Aachen gesetzt.
    """

    ags: AGS
    ars: ARS
    name: str
    ist_stadt: bool
    einwohner: int
    flaeche_ha: int
    sonderstatus: Sonderstatus | None = None
    _register: _Navigation | None = field(default=None, init=False, eq=False, repr=False)

    art: ClassVar[Gebietsart] = Gebietsart.KREISANGEHOERIGE_GEMEINDE

    @property
    def bezeichnung(self) -> str:
        """Z. B. ``Stadt Erkelenz`` oder ``Gemeinde Gangelt``."""
        return f"{'Stadt' if self.ist_stadt else 'Gemeinde'} {self.name_kurz}"

    @property
    def kreis(self) -> Kreis:
        """Der Kreis bzw. die StädteRegion, dem die Gemeinde angehört."""
        return self._im_register().kreis(self.kreisschluessel)

    @property
    def ist_kreisfrei(self) -> bool:
        """Rechtlich kreisfrei? Nur bei Sonderstatus (Stadt Aachen), nie aus dem Schlüssel."""
        return self.sonderstatus is not None and self.sonderstatus.rechtsstellung_kreisfreie_stadt


Kommune = Kreis | KreisfreieStadt | KreisangehoerigeGemeinde
"""Eine kommunale Körperschaft: Kreis (oder StädteRegion), kreisfreie Stadt, Gemeinde."""

Gebietseinheit = Regierungsbezirk | Kommune
"""Jede Einheit des Registers, Regierungsbezirke eingeschlossen."""

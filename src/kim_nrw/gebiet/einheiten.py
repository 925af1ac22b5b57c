"""Die Gebietseinheiten von NRW: Regierungsbezirk, Kreis, kreisfreie Stadt, Gemeinde.

Die Modelle sind unveränderlich und tragen nur ihre eigenen Daten; die
Navigation (``gemeinde.kreis``, ``kreis.gemeinden``) fragt das eingebettete
Register, das beim ersten Zugriff einmal geladen wird.

Die Art einer Einheit kommt aus dem Textkennzeichen des GV100AD, nicht aus der
Form ihres Schlüssels: Stadt Aachen (``05334002``) ist nach ihrem Schlüssel
regionsangehörig, hat aber nach dem Aachen-Gesetz die Rechtsstellung einer
kreisfreien Stadt (siehe :class:`Sonderstatus`).
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from attrs import frozen

from kim_nrw.gebiet.schluessel import AGS, ARS, Kreisschluessel, RBSchluessel

if TYPE_CHECKING:
    from kim_nrw.gebiet.register import Register

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


class Gebietsart(enum.Enum):
    """Die Art einer Gebietseinheit."""

    REGIERUNGSBEZIRK = "regierungsbezirk"
    KREIS = "kreis"
    STAEDTEREGION = "staedteregion"
    KREISFREIE_STADT = "kreisfreie_stadt"
    KREISANGEHOERIGE_GEMEINDE = "kreisangehoerige_gemeinde"

    @property
    def bezeichnung(self) -> str:
        """Die deutsche Bezeichnung, z. B. ``Kreisfreie Stadt``."""
        return _BEZEICHNUNG[self]


_BEZEICHNUNG = {
    Gebietsart.REGIERUNGSBEZIRK: "Regierungsbezirk",
    Gebietsart.KREIS: "Kreis",
    Gebietsart.STAEDTEREGION: "StädteRegion",
    Gebietsart.KREISFREIE_STADT: "Kreisfreie Stadt",
    Gebietsart.KREISANGEHOERIGE_GEMEINDE: "Kreisangehörige Gemeinde",
}


def _register() -> Register:
    from kim_nrw.gebiet.register import register  # spät: register importiert dieses Modul

    return register()


def _km2(hektar: int) -> Decimal:
    return Decimal(hektar).scaleb(-2)


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
class Regierungsbezirk:
    """Einer der fünf Regierungsbezirke (Düsseldorf, Köln, Münster, Detmold, Arnsberg).

    Einwohner und Fläche sind die Summen seiner Gemeinden.
    """

    schluessel: RBSchluessel
    name: str
    verwaltungssitz: str
    einwohner: int
    flaeche_ha: int

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
        return _register().kreise(regierungsbezirk=self.schluessel)

    @property
    def kreisfreie_staedte(self) -> tuple[KreisfreieStadt, ...]:
        """Die kreisfreien Städte im Bezirk."""
        return _register().kreisfreie_staedte(regierungsbezirk=self.schluessel)

    @property
    def gemeinden(self) -> tuple[KreisfreieStadt | KreisangehoerigeGemeinde, ...]:
        """Alle Gemeinden im Bezirk, kreisfreie Städte eingeschlossen."""
        return _register().gemeinden(regierungsbezirk=self.schluessel)


@frozen
class Kreis:
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
        return _register().regierungsbezirk(self.schluessel.regierungsbezirk)

    @property
    def gemeinden(self) -> tuple[KreisangehoerigeGemeinde, ...]:
        """Die kreis- bzw. regionsangehörigen Gemeinden, nach Schlüssel geordnet."""
        return _register().kreisangehoerige_gemeinden(kreis=self.schluessel)

    @property
    def ist_kreisfrei(self) -> bool:
        """Ein Kreis ist keine kreisfreie Stadt."""
        return False


@frozen
class KreisfreieStadt:
    """Eine der 22 kreisfreien Städte; ihr Kreisschlüssel ist der Anfang ihres AGS."""

    ags: AGS
    ars: ARS
    name: str
    einwohner: int
    flaeche_ha: int

    art: ClassVar[Gebietsart] = Gebietsart.KREISFREIE_STADT

    @property
    def schluessel(self) -> AGS:
        """Der AGS (für alle Gemeinden der Schlüssel)."""
        return self.ags

    @property
    def kreisschluessel(self) -> Kreisschluessel:
        """Der fünfstellige Schlüssel, unter dem die Stadt auf Kreisebene geführt wird."""
        return self.ags.kreis

    @property
    def name_kurz(self) -> str:
        """Der Name ohne Zusatz, z. B. ``Solingen`` für ``Solingen, Klingenstadt``."""
        return self.name.split(", ")[0]

    @property
    def bezeichnung(self) -> str:
        """Z. B. ``Stadt Düsseldorf``."""
        return f"Stadt {self.name_kurz}"

    @property
    def flaeche_km2(self) -> Decimal:
        """Die Fläche in km² mit zwei Nachkommastellen."""
        return _km2(self.flaeche_ha)

    @property
    def regierungsbezirk(self) -> Regierungsbezirk:
        """Der Regierungsbezirk der Stadt."""
        return _register().regierungsbezirk(self.ags.regierungsbezirk)

    @property
    def ist_kreisfrei(self) -> bool:
        """Immer wahr."""
        return True


@frozen
class KreisangehoerigeGemeinde:
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

    art: ClassVar[Gebietsart] = Gebietsart.KREISANGEHOERIGE_GEMEINDE

    @property
    def schluessel(self) -> AGS:
        """Der AGS (für alle Gemeinden der Schlüssel)."""
        return self.ags

    @property
    def kreisschluessel(self) -> Kreisschluessel:
        """Der Schlüssel des Kreises (bzw. der StädteRegion), dem die Gemeinde angehört."""
        return self.ags.kreis

    @property
    def name_kurz(self) -> str:
        """Der Name ohne Zusatz, z. B. ``Erkelenz`` für ``Erkelenz, Stadt``."""
        return self.name.split(", ")[0]

    @property
    def bezeichnung(self) -> str:
        """Z. B. ``Stadt Erkelenz`` oder ``Gemeinde Gangelt``."""
        return f"{'Stadt' if self.ist_stadt else 'Gemeinde'} {self.name_kurz}"

    @property
    def flaeche_km2(self) -> Decimal:
        """Die Fläche in km² mit zwei Nachkommastellen."""
        return _km2(self.flaeche_ha)

    @property
    def kreis(self) -> Kreis:
        """Der Kreis bzw. die StädteRegion."""
        return _register().kreis(self.kreisschluessel)

    @property
    def regierungsbezirk(self) -> Regierungsbezirk:
        """Der Regierungsbezirk."""
        return _register().regierungsbezirk(self.ags.regierungsbezirk)

    @property
    def ist_kreisfrei(self) -> bool:
        """Rechtlich kreisfrei? Nur bei Sonderstatus (Stadt Aachen), nie aus dem Schlüssel."""
        return self.sonderstatus is not None and self.sonderstatus.rechtsstellung_kreisfreie_stadt


Kommune = Kreis | KreisfreieStadt | KreisangehoerigeGemeinde
"""Eine kommunale Körperschaft: Kreis (oder StädteRegion), kreisfreie Stadt, Gemeinde."""

Gebietseinheit = Regierungsbezirk | Kommune
"""Jede Einheit des Registers, Regierungsbezirke eingeschlossen."""

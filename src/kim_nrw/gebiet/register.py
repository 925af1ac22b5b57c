"""Das eingebettete Gebietsregister von NRW und seine Suche.

Quelle ist das Destatis-Gemeindeverzeichnis GV100AD, Gebietsstand 30.11.2021,
Bevölkerung und Fläche zum 31.12.2020. Das Register wird beim ersten Aufruf von
:func:`register` einmal gelesen und danach wiederverwendet; ``import kim_nrw``
liest keine Datei.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date
from typing import TypeVar

import attrs

import kim_nrw._paketdaten as paketdaten
from kim_nrw._modell import frozen
from kim_nrw.einmal import einmal
from kim_nrw.fehler import (
    DatenFehler,
    MehrdeutigerName,
    NichtGefunden,
    UngueltigeEingabe,
    UngueltigerSchluessel,
)
from kim_nrw.gebiet.einheiten import (
    Gebietsart,
    Gebietseinheit,
    Kommune,
    Kreis,
    KreisangehoerigeGemeinde,
    KreisfreieStadt,
    Regierungsbezirk,
    Sonderstatus,
)
from kim_nrw.gebiet.schluessel import AGS, ARS, Kreisschluessel, RBSchluessel

__all__ = ["Datenstand", "Register", "normalisiere_name", "register"]

DATEI = "gebietsstand.csv"
_T = TypeVar("_T")

STADT_AACHEN = AGS("05334002")
STAEDTEREGION_AACHEN = Kreisschluessel("05334")

SONDERSTATUS: Mapping[AGS, Sonderstatus] = {
    STADT_AACHEN: Sonderstatus(
        rechtsstellung_kreisfreie_stadt=True,
        eigenes_ki=True,
        auslaenderwesen_bei=STAEDTEREGION_AACHEN,
        quelle="AachenG",
        erlaeuterung=(
            "Stadt Aachen ist regionsangehörig in der StädteRegion Aachen, behält aber die "
            "Rechtsstellung einer kreisfreien Stadt und trägt ein eigenes KI; das "
            "Ausländerwesen führt die StädteRegion auch für die Stadt."
        ),
    )
}
"""Rechtsstellungen, die der GV100AD nicht enthält (Aachen-Gesetz vom 26.02.2008)."""


@frozen
class Datenstand:
    """Stand und Herkunft der Gebietsdaten; der Quellenvermerk ist bei Weitergabe Pflicht."""

    gebietsstand: date
    stichtag_bevoelkerung: date
    stichtag_flaeche: date
    quelle: str
    quellenvermerk: str


DATENSTAND = Datenstand(
    gebietsstand=date(2021, 11, 30),
    stichtag_bevoelkerung=date(2020, 12, 31),
    stichtag_flaeche=date(2020, 12, 31),
    quelle="Statistisches Bundesamt (Destatis), Gemeindeverzeichnis-Informationssystem "
    "GV-ISys, GV100AD, Gebietsstand 30.11.2021",
    quellenvermerk="Quelle: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV100AD, "
    "Gebietsstand 30.11.2021. © Statistisches Bundesamt (Destatis), 2021. Vervielfältigung "
    "und Verbreitung, auch auszugsweise, mit Quellenangabe gestattet.",
)

_UMLAUTE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
_TRENNER = re.compile(r"[\s\-/()]+")
# Amtliche und übliche Abkürzungen in Ortsnamen, ausgeschrieben (nach der Kleinschreibung).
_ABKUERZUNGEN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(muster), ersatz)
    for muster, ersatz in (
        (r"(?<![\w.])a\.\s*d\.\s*", "an der "),
        (r"(?<![\w.])a\.\s*rh\.", "am rhein"),
        (r"(?<![\w.])i\.\s*w\.", "westfalen"),
        (r"(?<![\w.])westf\.", "westfalen"),
        (r"(?<![\w.])rhld\.", "rheinland"),
        (r"(?<![\w.])st\.\s*", "sankt "),
    )
)
# Füllwörter zwischen Ort und Zusatz: „Mülheim an der Ruhr“ = „Mülheim/Ruhr“ = „Mülheim a.d. Ruhr“.
_FUELLWOERTER = frozenset({"an", "der", "am", "im", "in"})
_QUALIFIZIERER: Mapping[str, frozenset[Gebietsart]] = {
    "kreis": frozenset({Gebietsart.KREIS}),
    "staedteregion": frozenset({Gebietsart.STAEDTEREGION}),
    "stadt": frozenset({Gebietsart.KREISFREIE_STADT, Gebietsart.KREISANGEHOERIGE_GEMEINDE}),
    "gemeinde": frozenset({Gebietsart.KREISFREIE_STADT, Gebietsart.KREISANGEHOERIGE_GEMEINDE}),
    "regierungsbezirk": frozenset({Gebietsart.REGIERUNGSBEZIRK}),
    "reg bez": frozenset({Gebietsart.REGIERUNGSBEZIRK}),
}


def _vergleichsform(text: str) -> str:
    """NFKC (auch aus PDFs kopierte, zerlegte Umlaute), klein, ß und Umlaute ausgeschrieben,
    Abkürzungen aufgelöst, ohne Füllwörter und Satzzeichen."""
    grund = unicodedata.normalize("NFKC", text).casefold().translate(_UMLAUTE)
    for muster, ersatz in _ABKUERZUNGEN:
        grund = muster.sub(ersatz, grund)
    woerter = _TRENNER.sub(" ", grund.replace(".", " ").replace(",", " ")).split()
    return " ".join(w for w in woerter if w not in _FUELLWOERTER)


def normalisiere_name(text: str) -> str:
    """Vergleichsform eines Namens ohne den amtlichen Zusatz nach dem Komma.

    Groß- und Kleinschreibung, Umlaute und ß, zerlegte Unicode-Zeichen, amtliche
    Abkürzungen (``a.d.``, ``a. Rh.``, ``i. W.``, ``Westf.``, ``Rhld.``) und Füllwörter
    (``an der``, ``am``) zählen nicht.

    >>> from kim_nrw.gebiet import normalisiere_name
    >>> normalisiere_name("Mülheim an der Ruhr, Stadt")
    'muelheim ruhr'
    >>> normalisiere_name("Mülheim a.d. Ruhr") == normalisiere_name("MUELHEIM/RUHR")
    True
    >>> normalisiere_name("Gronau (Westf.)") == normalisiere_name("Gronau i. W.")
    True
    """
    if not isinstance(text, str):
        raise UngueltigeEingabe("Name", text, "ein Text")
    return _vergleichsform(text.split(",")[0])


def _namensformen(einheit: Gebietseinheit) -> set[str]:
    formen = {normalisiere_name(einheit.name_kurz), normalisiere_name(einheit.name)}
    if isinstance(einheit, Kreis | KreisfreieStadt | KreisangehoerigeGemeinde):
        formen.add(normalisiere_name(einheit.bezeichnung))
    return formen


@frozen
class Register:
    """Alle Gebietseinheiten von NRW mit Suche nach Schlüssel, Name, Art und Zugehörigkeit.

    Die Tupel sind nach Schlüssel geordnet. Meist genügt :func:`register`.
    """

    einheiten: tuple[Gebietseinheit, ...]
    datenstand: Datenstand

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.einheiten, tuple) or not all(
            isinstance(e, Gebietseinheit) for e in self.einheiten
        ):
            raise UngueltigeEingabe("Register.einheiten", self.einheiten,
                                    "ein Tupel von Gebietseinheiten")  # fmt: skip
        if not isinstance(self.datenstand, Datenstand):
            raise UngueltigeEingabe("Register.datenstand", self.datenstand, "ein Datenstand")
        # Jede Einheit navigiert durch dieses Register. Gehört sie schon zu einem anderen,
        # nimmt das Register eine gleiche Kopie auf, statt die fremde Einheit zu ändern.
        eigene: list[Gebietseinheit] = []
        for einheit in self.einheiten:
            if einheit._register is not None and einheit._register is not self:
                einheit = attrs.evolve(einheit)
            object.__setattr__(einheit, "_register", self)
            eigene.append(einheit)
        object.__setattr__(self, "einheiten", tuple(eigene))

    @functools.cached_property
    def _schluessel(self) -> Mapping[str, Gebietseinheit]:
        index: dict[str, Gebietseinheit] = {str(e.schluessel): e for e in self.einheiten}
        for einheit in self.einheiten:
            if isinstance(einheit, KreisfreieStadt):
                index[einheit.kreisschluessel.wert] = einheit
        return index

    @functools.cached_property
    def _volle_namen(self) -> Mapping[str, tuple[Gebietseinheit, ...]]:
        index: dict[str, list[Gebietseinheit]] = {}
        for einheit in self.einheiten:
            index.setdefault(_vergleichsform(einheit.name), []).append(einheit)
        return {form: tuple(liste) for form, liste in index.items()}

    @functools.cached_property
    def _namen(self) -> Mapping[str, tuple[Gebietseinheit, ...]]:
        index: dict[str, list[Gebietseinheit]] = {}
        for einheit in self.einheiten:
            for form in _namensformen(einheit):
                index.setdefault(form, []).append(einheit)
        return {form: tuple(liste) for form, liste in index.items()}

    # -- nach Schlüssel -------------------------------------------------------------

    def nach_schluessel(
        self, schluessel: str | AGS | ARS | Kreisschluessel | RBSchluessel
    ) -> Gebietseinheit:
        """Die Einheit zu einem Schlüssel mit 3, 5, 8 oder 12 Ziffern.

        Ein fünfstelliger Schlüssel einer kreisfreien Stadt liefert die Stadt.

        >>> from kim_nrw.gebiet import register
        >>> register().nach_schluessel("05370004").name
        'Erkelenz, Stadt'
        """
        text = _schluesseltext(schluessel)
        einheit = self._schluessel.get(text)
        if einheit is None:
            raise NichtGefunden(
                "Gebietseinheit mit Schlüssel", text, "NRW hat diesen Schlüssel nicht"
            )
        return einheit

    def regierungsbezirk(self, schluessel: str | RBSchluessel) -> Regierungsbezirk:
        """Der Regierungsbezirk zu einem dreistelligen Schlüssel."""
        return self._typisiert(_als(schluessel, RBSchluessel), Regierungsbezirk)

    def kreis(self, schluessel: str | Kreisschluessel) -> Kreis:
        """Der Kreis (oder die StädteRegion) zu einem fünfstelligen Schlüssel."""
        return self._typisiert(_als(schluessel, Kreisschluessel), Kreis)

    def gemeinde(self, ags: str | AGS) -> KreisfreieStadt | KreisangehoerigeGemeinde:
        """Die Gemeinde (auch kreisfreie Stadt) zu einem AGS."""
        return self._typisiert(_als(ags, AGS), KreisfreieStadt | KreisangehoerigeGemeinde)  # type: ignore[arg-type]

    def _typisiert(self, schluessel: RBSchluessel | Kreisschluessel | AGS, art: type[_T]) -> _T:
        einheit = self.nach_schluessel(schluessel)
        if not isinstance(einheit, art):
            raise NichtGefunden(
                art.__name__, str(schluessel), f"der Schlüssel gehört zu {einheit.name}"
            )
        return einheit

    # -- nach Name ------------------------------------------------------------------

    def suche(self, name: str) -> tuple[Gebietseinheit, ...]:
        """Alle Einheiten, deren Name zu ``name`` passt (Groß-/Kleinschreibung, Umlaute,
        ß und amtliche Zusätze egal; ``Kreis``, ``Stadt``, ``Regierungsbezirk`` davor
        schränken die Art ein).

        >>> from kim_nrw.gebiet import register
        >>> [e.name for e in register().suche("heinsberg")]
        ['Heinsberg', 'Heinsberg, Stadt']
        >>> [e.name for e in register().suche("Kreis Heinsberg")]
        ['Heinsberg']
        """
        if not isinstance(name, str):
            raise UngueltigeEingabe("Name", name, "ein Text")
        if "," in name:  # der amtliche Name mit Zusatz („Heinsberg, Stadt“) ist eindeutig
            voll = self._volle_namen.get(_vergleichsform(name), ())
            if voll:
                return voll
        form = normalisiere_name(name)
        treffer = set(self._namen.get(form, ()))
        for qualifizierer, arten in _QUALIFIZIERER.items():
            rest = form.removeprefix(qualifizierer + " ")
            if rest != form:
                treffer |= {e for e in self._namen.get(rest, ()) if e.art in arten}
        return tuple(sorted(treffer, key=lambda e: str(e.schluessel)))

    def finde(self, anfrage: str) -> Gebietseinheit:
        """Genau eine Einheit zu einem Schlüssel oder Namen – nie geraten.

        Ziffernfolgen gelten als Schlüssel. Passt ein Name auf mehrere Einheiten,
        nennt :class:`~kim_nrw.fehler.MehrdeutigerName` alle Kandidaten.

        >>> from kim_nrw.gebiet import register
        >>> register().finde("Erkelenz").name
        'Erkelenz, Stadt'
        >>> register().finde("Heinsberg")
        Traceback (most recent call last):
        kim_nrw.fehler.MehrdeutigerName: 'Heinsberg' ist mehrdeutig, bitte den Schlüssel angeben. Kandidaten: 05370 Kreis Heinsberg; 05370016 Stadt Heinsberg
        """  # noqa: E501
        if not isinstance(anfrage, str) or not anfrage.strip():
            raise UngueltigeEingabe(
                "Anfrage", anfrage, "ein Schlüssel (3, 5, 8 oder 12 Ziffern) oder ein Name"
            )
        if _sieht_aus_wie_schluessel(anfrage):
            return self.nach_schluessel(anfrage)
        treffer = self.suche(anfrage)
        if len(treffer) == 1:
            return treffer[0]
        if treffer:
            raise MehrdeutigerName(anfrage, [(str(e.schluessel), _eindeutig(e)) for e in treffer])
        raise NichtGefunden(
            "Gebietseinheit", anfrage, "weder Schlüssel noch Name einer Einheit in NRW"
        )

    # -- Filter ---------------------------------------------------------------------

    def regierungsbezirke(self) -> tuple[Regierungsbezirk, ...]:
        """Die fünf Regierungsbezirke."""
        return self._alle(Regierungsbezirk)

    def kreise(self, *, regierungsbezirk: str | RBSchluessel | None = None) -> tuple[Kreis, ...]:
        """Die 31 Kreise (mit der StädteRegion), wahlweise eines Regierungsbezirks."""
        return self._alle(Kreis, _praefix(regierungsbezirk, RBSchluessel))

    def kreisfreie_staedte(
        self, *, regierungsbezirk: str | RBSchluessel | None = None
    ) -> tuple[KreisfreieStadt, ...]:
        """Die 22 kreisfreien Städte (ohne Stadt Aachen, siehe :meth:`ki_traeger`)."""
        return self._alle(KreisfreieStadt, _praefix(regierungsbezirk, RBSchluessel))

    def kreisangehoerige_gemeinden(
        self,
        *,
        regierungsbezirk: str | RBSchluessel | None = None,
        kreis: str | Kreisschluessel | None = None,
    ) -> tuple[KreisangehoerigeGemeinde, ...]:
        """Die 374 kreisangehörigen Gemeinden, wahlweise eines Bezirks oder Kreises."""
        praefix = _praefix(kreis, Kreisschluessel) or _praefix(regierungsbezirk, RBSchluessel)
        return self._alle(KreisangehoerigeGemeinde, praefix)

    def gemeinden(
        self,
        *,
        regierungsbezirk: str | RBSchluessel | None = None,
        kreis: str | Kreisschluessel | None = None,
    ) -> tuple[KreisfreieStadt | KreisangehoerigeGemeinde, ...]:
        """Alle 396 Gemeinden (kreisfreie Städte eingeschlossen), wahlweise gefiltert.

        >>> from kim_nrw.gebiet import register
        >>> len(register().gemeinden(kreis="05370"))
        10
        """
        praefix = _praefix(kreis, Kreisschluessel) or _praefix(regierungsbezirk, RBSchluessel)
        return self._alle(KreisfreieStadt | KreisangehoerigeGemeinde, praefix)  # type: ignore[arg-type]

    def kommunen(self, *arten: Gebietsart) -> tuple[Kommune, ...]:
        """Alle Kommunen (ohne Regierungsbezirke), wahlweise nur bestimmter Arten."""
        alle: tuple[Kommune, ...] = self._alle(Kreis | KreisfreieStadt | KreisangehoerigeGemeinde)  # type: ignore[arg-type]
        return tuple(k for k in alle if not arten or k.art in arten)

    def ki_traeger(self) -> tuple[Kreis | KreisfreieStadt | KreisangehoerigeGemeinde, ...]:
        """Die 54 Körperschaften auf Kreisebene, die ein KI tragen können.

        31 Kreise (mit der StädteRegion), 22 kreisfreie Städte und die Gemeinden mit
        Sonderstatus und eigenem KI (Stadt Aachen) – abgeleitet, nicht aufgezählt.

        >>> from kim_nrw.gebiet import register
        >>> len(register().ki_traeger())
        54
        """
        return tuple(
            e
            for e in self.kommunen()
            if not isinstance(e, KreisangehoerigeGemeinde)
            or (e.sonderstatus is not None and e.sonderstatus.eigenes_ki)
        )

    def _alle(self, art: type[_T], praefix: str = "") -> tuple[_T, ...]:
        return tuple(
            e
            for e in self.einheiten
            if isinstance(e, art) and str(e.schluessel).startswith(praefix)
        )


_S = TypeVar("_S", AGS, Kreisschluessel, RBSchluessel)


def _als(wert: object, art: type[_S]) -> _S:
    """Der Schlüssel ``wert`` als ``art``: ein Schlüssel dieser Art oder sein Text."""
    return wert if isinstance(wert, art) else art.parse(wert)


def _praefix(wert: object, art: type[RBSchluessel] | type[Kreisschluessel]) -> str:
    if wert is None:
        return ""
    return (wert if isinstance(wert, art) else art.parse(wert)).wert


def _eindeutig(einheit: Gebietseinheit) -> str:
    """Der Name, unter dem :meth:`Register.finde` genau diese Einheit findet."""
    if isinstance(einheit, Regierungsbezirk):
        return einheit.name
    return einheit.bezeichnung


def _sieht_aus_wie_schluessel(text: str) -> bool:
    ohne = "".join(text.split())
    return ohne.isdigit()  # auch Nicht-ASCII-Ziffern: sie sollen als ungültiger Schlüssel scheitern


_SCHLUESSELARTEN = {3: RBSchluessel, 5: Kreisschluessel, 8: AGS, 12: ARS}


def _schluesseltext(schluessel: object) -> str:
    if isinstance(schluessel, ARS):
        return schluessel.ags.wert
    if isinstance(schluessel, AGS | Kreisschluessel | RBSchluessel):
        return schluessel.wert
    art = _SCHLUESSELARTEN.get(len(schluessel)) if isinstance(schluessel, str) else None
    if art is None:
        raise UngueltigerSchluessel(
            "Schlüssel", schluessel, "3, 5, 8 oder 12 Ziffern 0-9 eines Gebiets in NRW"
        )
    return _schluesseltext(art.parse(schluessel))


# -- Laden ------------------------------------------------------------------------


def _lies(zeilen: Iterable[Mapping[str, str]], datei: str) -> tuple[Gebietseinheit, ...]:
    einheiten: list[Gebietseinheit] = []
    for nr, z in enumerate(zeilen, start=2):
        try:
            if z["gebietsstand"] != DATENSTAND.gebietsstand.isoformat():
                raise ValueError(
                    f"Gebietsstand {z['gebietsstand']!r} statt {DATENSTAND.gebietsstand}"
                )
            einheit = _einheit(z)
        except (KeyError, ValueError) as fehler:
            raise DatenFehler(datei, f"Zeile {nr}", str(fehler)) from fehler
        einheiten.append(einheit)
    return tuple(sorted(einheiten, key=lambda e: str(e.schluessel)))


def _einheit(z: Mapping[str, str]) -> Gebietseinheit:
    art, name, ew, ha = z["art"], z["name"], int(z["einwohner"]), int(z["flaeche_ha"])
    if art == "regierungsbezirk":
        return Regierungsbezirk(
            RBSchluessel.parse(z["schluessel"]), name, z["verwaltungssitz"], ew, ha
        )
    if art in ("kreis", "staedteregion"):
        return Kreis(Kreisschluessel.parse(z["schluessel"]), name, Gebietsart(art),
                     z["verwaltungssitz"], ew, ha)  # fmt: skip
    ags, ars = AGS.parse(z["schluessel"]), ARS.parse(z["ars"])
    if art == "kreisfreie_stadt":
        return KreisfreieStadt(ags, ars, name, ew, ha)
    if art in ("stadt", "gemeinde"):
        return KreisangehoerigeGemeinde(
            ags, ars, name, art == "stadt", ew, ha, SONDERSTATUS.get(ags)
        )
    raise ValueError(f"unbekannte Art {art!r}")


def aus_csv(text: str, datei: str = DATEI) -> Register:
    """Baut ein Register aus dem CSV-Text der Paketdatei (für Tests auch aus anderem Text)."""
    zeilen = csv.DictReader(io.StringIO(text))
    einheiten = _lies(zeilen, datei)
    return Register(einheiten=einheiten, datenstand=DATENSTAND)


@einmal
def register() -> Register:
    """Das Register aus den Paketdaten; beim ersten Aufruf einmal geladen.

    >>> from kim_nrw.gebiet import register
    >>> r = register()
    >>> len(r.regierungsbezirke()), len(r.kreise()), len(r.kreisfreie_staedte())
    (5, 31, 22)
    """
    return aus_csv(paketdaten.text(DATEI))  # schneller als aus geladen.pickle (gemessen)

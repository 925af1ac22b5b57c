"""Der Höchstbetrag je Kommune, Programmteil und Jahr – aus einem gedachten Höchstantrag.

Für jeden Programmteil, den eine Kommune in einem Jahr erhalten kann, baut
:func:`plane` einen Antrag mit der größten Stellenausstattung, die die Regeln erlauben,
und prüft ihn mit :func:`kim_nrw.pruefung.pruefe`. Es gibt keine zweite Rechnung: die
Höchstzahl der Stellen findet die Prüfung selbst (sie kürzt einen zu großen Antrag auf
die Höchstzahl des Programmkatalogs, Schritt „Kürzung der Stellen“), und wo eine Regel
einen Umfang begrenzt, den der Katalog nicht nennt (KOMM-AN Programmteil I: 1 bis 2
Fachkraftstellen), sucht der Planer in halben bzw. ganzen Stellen den größten Umfang,
den die Regeln nicht ablehnen.

Der gedachte Antrag erfüllt jede Tatsache, nach der die Regeln fragen (KI vorhanden,
Beschluss und Integrationskonzept, Lenkungsgruppe, KIM-Konzept, Anbindung am KI, eigene
Ausländerbehörde, keine Doppelförderung); ein Antragsdatum kennt er nicht – Fristen
bleiben daher offen (:attr:`Planposten.offen`). Der Höchstbetrag ist so eine obere
Schranke: was eine Kommune wirklich erhält, entscheidet die Bewilligungsbehörde nach
pflichtgemäßem Ermessen im Rahmen der Haushaltsmittel (kein Rechtsanspruch; das Ergebnis
der Prüfung sagt es in :attr:`~kim_nrw.pruefung.Pruefergebnis.hinweise`).

Teile, die im Jahr nur gemeinsam beantragt werden (KIM Baustein 1 und 2 ab 2025:
Parameter ``*.antragsverfahren`` = ``gemeinsamer_antrag_b1_b2``), prüft der Planer als
einen gemeinsamen Antrag; die Beträge je Teil stehen dann im selben Ergebnis.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal

from attrs import field

from kim_nrw import schreibweise
from kim_nrw._modell import frozen
from kim_nrw.antrag import Ankommenstreffpunkt, Foerderantrag, Stelle, Zusatzstelle
from kim_nrw.bezeichnet import Bezeichnet
from kim_nrw.fehler import UngueltigeEingabe
from kim_nrw.gebiet import (
    Kommune,
    Kreis,
    KreisangehoerigeGemeinde,
    KreisfreieStadt,
    Kreisschluessel,
    register,
)
from kim_nrw.geld import Betrag, Stellenanteil
from kim_nrw.programme import (
    Antragsverfahren,
    Belegstand,
    Empfaenger,
    Parameterstand,
    Programmteil,
    Stellenfunktion,
    empfaengerart,
    teil,
)
from kim_nrw.pruefung import (
    Entscheidung,
    Pruefergebnis,
    Pruefpunkt,
    Pruefstatus,
    Rechenschritt,
    Schrittart,
    pruefe,
)
from kim_nrw.recht import Gewissheit, alle_parameter, parameter
from kim_nrw.zeit import Zeitraum

__all__ = [
    "Plan",
    "Planposten",
    "Stellenumfang",
    "Zugang",
    "plane",
    "schluessel_text",
    "schwaechste_gewissheit",
]

_KONTEXT = Context(prec=28, rounding=ROUND_HALF_UP)
_GROSS = Decimal(25)
"""So viele VZÄ je Funktion beantragt der erste gedachte Antrag (mehr als jede belegte
Höchstzahl): was die Prüfung kürzt, ist begrenzt; was sie nicht kürzt und keine Regel
ablehnt, begrenzen die Quellen nicht."""


_GEBAEUDE = Ankommenstreffpunkt("gedachtes Gebäude", raeume_renovierung=int(_GROSS),
                                raeume_ausstattung=int(_GROSS))  # fmt: skip
"""Ein Gebäude mit mehr Räumen, als eine belegte Höchstzahl je Gebäude zulässt: die Prüfung
zählt je Pauschale höchstens so viele, wie der Katalog sagt."""


class Zugang(Bezeichnet):
    """Wie eine Kommune an einen Programmteil kommt."""

    SELBST = "selbst", "als Zuwendungsempfänger"
    UEBER = "ueber", "über eine andere Körperschaft"
    KEIN_EMPFAENGER = "kein_empfaenger", "nicht Zuwendungsempfänger"
    NICHT_IM_JAHR = "nicht_im_jahr", "im Jahr nicht gefördert"


@frozen
class Stellenumfang:
    """Eine Stellenfunktion im gedachten Höchstantrag.

    :param funktion: die Stellenfunktion.
    :param vzae: der größte Umfang, den die Regeln erlauben; ``None``: die Quellen
        begrenzen ihn nicht (oder die Grenze ist nicht belegt, siehe ``grund``).
    :param betrag_je_einheit: der Betrag für eine Einheit (eine bzw. eine halbe Stelle)
        im Jahr, wie die Prüfung ihn rechnet; ``None``: nicht belegt.
    :param einheit: die Einheit des Betrags in VZÄ.
    :param grund: warum kein Umfang genannt ist.
    :param begrenzt: ``True``: die Regeln begrenzen den Umfang (``vzae``); ``False``: die
        Quellen begrenzen ihn nicht; ``None``: nicht bekannt (``grund``).
    """

    funktion: Stellenfunktion
    vzae: Decimal | None
    betrag_je_einheit: Betrag | None = None
    einheit: Decimal = Decimal(1)
    grund: str = ""
    begrenzt: bool | None = True

    @property
    def umfang_text(self) -> str:
        """Der Umfang in technischer Schreibweise: ``"6"``, ``"0.5"``, ``unbegrenzt`` oder
        ``unbekannt``."""
        if self.vzae is not None:
            return format(self.vzae.normalize(), "f")
        return "unbegrenzt" if self.begrenzt is False else "unbekannt"


@frozen
class Planposten:
    """Ein Programmteil im Plan einer Kommune: Zugang, Höchstbetrag oder Grund, Prüfung.

    :param teil: der Programmteil.
    :param zugang: wie die Kommune an ihn kommt.
    :param hoechstbetrag: der Höchstbetrag des Teils im Jahr; ``None`` mit ``grund``.
    :param grund: warum keine Zahl genannt ist (leer, wenn es eine gibt).
    :param stellen: die größte Stellenausstattung, mit der gerechnet wurde.
    :param ergebnis: die Prüfung des gedachten Höchstantrags (Rechnung, benutzte Werte
        mit Gewissheit, Vorbehalte, Hinweis auf fehlenden Rechtsanspruch).
    :param ueber: Schlüssel der Körperschaft, über die der Teil läuft (Zugang ``UEBER``).
    :param ueber_name: ihr Name.
    :param entscheidung: die Entscheidung der Prüfung (``None`` ohne Prüfung).
    :param anmerkungen: was der Höchstbetrag nicht enthält, aber möglich ist (etwa mehr
        Koordinierungsstellen je Zusatzstelle für eine kreisangehörige Gemeinde).
    """

    teil: Programmteil
    zugang: Zugang
    hoechstbetrag: Betrag | None = None
    grund: str = ""
    stellen: tuple[Stellenumfang, ...] = ()
    ergebnis: Pruefergebnis | None = field(default=None, eq=False, repr=False)
    ueber: str | None = None
    ueber_name: str | None = None
    entscheidung: Entscheidung | None = None
    anmerkungen: tuple[str, ...] = ()

    @property
    def rechnung(self) -> tuple[Rechenschritt, ...]:
        """Die Schritte der Rechnung für diesen Teil."""
        if self.ergebnis is None:
            return ()
        return tuple(s for s in self.ergebnis.rechnung if s.teil is self.teil or s.teil is None)

    @property
    def offen(self) -> tuple[Pruefpunkt, ...]:
        """Bedingungen, die der gedachte Antrag offen lässt (etwa die Antragsfrist)."""
        if self.ergebnis is None:
            return ()
        return tuple(p for p in self.ergebnis.pruefpunkte
                     if p.status is Pruefstatus.UNBEKANNT and self.teil in p.teile)  # fmt: skip

    @property
    def nicht_erfuellt(self) -> tuple[Pruefpunkt, ...]:
        """Bedingungen, die auch der gedachte Antrag nicht erfüllt."""
        if self.ergebnis is None:
            return ()
        nein = Pruefstatus.NICHT_ERFUELLT
        return tuple(p for p in self.ergebnis.pruefpunkte
                     if p.status is nein and self.teil in p.teile)  # fmt: skip

    @property
    def gewissheit(self) -> Gewissheit | None:
        """Die schwächste Gewissheit der benutzten Werte (``None``: keine benutzt)."""
        if self.ergebnis is None:
            return None
        return schwaechste_gewissheit(w.gewissheit for w in self.ergebnis.verwendete_werte)


@frozen
class Plan:
    """Was eine Kommune in einem Jahr aus jedem Programmteil höchstens erhalten kann.

    :param kommune: die Kommune aus dem Gebietsregister.
    :param jahr: das Haushaltsjahr.
    :param empfaenger: ihre Empfängerart (nach Rechtsstellung; Stadt Aachen eigens).
    :param posten: je Programmteil ein Posten, in der Reihenfolge von
        :class:`~kim_nrw.programme.Programmteil`.
    """

    kommune: Kommune = field(eq=False)
    jahr: int
    empfaenger: Empfaenger
    posten: tuple[Planposten, ...]

    @property
    def schluessel(self) -> str:
        """Der Schlüssel der Kommune als Text (kreisfreie Stadt: der fünfstellige)."""
        return schluessel_text(self.kommune)

    @property
    def summe(self) -> Betrag:
        """Die Summe der bezifferten Höchstbeträge, die die Kommune selbst erhält."""
        return sum((p.hoechstbetrag for p in self.posten
                    if p.zugang is Zugang.SELBST and p.hoechstbetrag is not None),
                   Betrag.null())  # fmt: skip

    @property
    def vollstaendig(self) -> bool:
        """Ob jeder Teil, den die Kommune selbst erhält, beziffert ist."""
        return all(p.hoechstbetrag is not None for p in self.posten if p.zugang is Zugang.SELBST)

    def posten_fuer(self, t: Programmteil) -> Planposten:
        """Der Posten eines Programmteils."""
        for p in self.posten:
            if p.teil is t:
                return p
        raise UngueltigeEingabe("teil", t, "ein Programmteil")  # pragma: no cover


def schluessel_text(kommune: Kommune) -> str:
    """Der Schlüssel, mit dem eine Kommune beantragt: fünfstellig für Kreise und kreisfreie
    Städte, der AGS für Gemeinden (Stadt Aachen: ``05334002``)."""
    if isinstance(kommune, KreisfreieStadt):
        return str(kommune.kreisschluessel)
    return str(kommune.schluessel)


def schwaechste_gewissheit(stufen: Iterable[Gewissheit]) -> Gewissheit | None:
    """Die schwächste der Gewissheiten (unsicher vor abgeleitet vor bestätigt)."""
    if isinstance(stufen, str | bytes) or not isinstance(stufen, Iterable):
        raise UngueltigeEingabe("stufen", stufen, "eine Folge von Gewissheiten")
    menge = set(stufen)
    for g in menge:
        if not isinstance(g, Gewissheit):
            raise UngueltigeEingabe("stufen", g, "eine Gewissheit (kim_nrw.recht.Gewissheit)")
    return next((g for g in reversed(Gewissheit) if g in menge), None)


# -- Förderzeitraum und Antragseinheiten ----------------------------------------------------


def _ende(t: Programmteil) -> date | None:
    """Der letzte Fördertag des Teils, wenn der Katalog einen nennt."""
    wert = teil(t).ende()
    return None if wert is None else wert.datum


@functools.lru_cache(maxsize=4096)
def foerderzeitraum(t: Programmteil, jahr: int) -> Zeitraum | str:
    """Der Teil des Haushaltsjahrs, in dem ``t`` gefördert wird – oder warum keiner."""
    zeitraum = Zeitraum.jahr(jahr)
    beginn = teil(t).beginn()
    ende = _ende(t)
    if beginn > zeitraum.ende:
        return f"{t.bezeichnung} beginnt erst am {_tag(beginn)}"
    if ende is not None and ende < zeitraum.beginn:
        return f"{t.bezeichnung} endete am {_tag(ende)}"
    von = max(beginn, zeitraum.beginn)
    bis = zeitraum.ende if ende is None else min(ende, zeitraum.ende)
    return Zeitraum(von, bis)


def _tag(tag: date) -> str:
    return schreibweise.datum(tag)


def _gemeinsam(t: Programmteil, stichtag: date) -> bool:
    name = f"{teil(t).praefix}antragsverfahren"
    if name not in _parameternamen():
        return False
    stand = Parameterstand.ermittle(parameter(name), stichtag)
    return (stand.stand is Belegstand.BELEGT and stand.wert is not None
            and stand.wert.text == Antragsverfahren.GEMEINSAMER_ANTRAG_B1_B2.value)  # fmt: skip


@functools.cache
def _parameternamen() -> frozenset[str]:
    return frozenset(alle_parameter())


def antragseinheiten(
    teile: Iterable[Programmteil], jahr: int
) -> tuple[tuple[tuple[Programmteil, ...], Zeitraum], ...]:
    """Die Teile, die im Jahr laufen, gruppiert nach Anträgen (gemeinsamer Antrag: mehrere)."""
    return _antragseinheiten(tuple(teile), jahr)


@functools.lru_cache(maxsize=1024)
def _antragseinheiten(
    teile: tuple[Programmteil, ...], jahr: int
) -> tuple[tuple[tuple[Programmteil, ...], Zeitraum], ...]:
    einheiten: dict[tuple[object, ...], list[Programmteil]] = {}
    for t in teile:
        zeitraum = foerderzeitraum(t, jahr)
        if isinstance(zeitraum, str):
            continue
        schluessel: tuple[object, ...] = (t,)
        if _gemeinsam(t, zeitraum.beginn):
            schluessel = ("gemeinsam", zeitraum)
        einheiten.setdefault(schluessel, []).append(t)
    ergebnis = []
    for liste in einheiten.values():
        zeitraeume = [foerderzeitraum(t, jahr) for t in liste]
        zeitraum = zeitraeume[0]
        assert isinstance(zeitraum, Zeitraum)
        ergebnis.append((tuple(liste), zeitraum))
    return tuple(ergebnis)


# -- der gedachte Höchstantrag --------------------------------------------------------------


def _antragsteller(kommune: Kommune) -> Kreisschluessel | object:
    if isinstance(kommune, KreisfreieStadt):
        return kommune.kreisschluessel
    return kommune.schluessel


@functools.lru_cache(maxsize=256)
def _stelle(funktion: Stellenfunktion, anteil: str) -> Stelle:
    """Eine Stelle (Stellen sind unveränderlich; jeder Höchstantrag nutzt dieselben)."""
    return Stelle(funktion, Stellenanteil.von(anteil))


@functools.lru_cache(maxsize=1024)
def _stellen_je_funktion(funktion: Stellenfunktion, vzae: Decimal) -> tuple[Stelle, ...]:
    ganze = int(vzae)
    rest = _KONTEXT.subtract(vzae, Decimal(ganze))
    stellen = [_stelle(funktion, "1")] * ganze
    if rest:
        stellen.append(_stelle(funktion, str(rest)))
    return tuple(stellen)


def _stellen(umfang: dict[Stellenfunktion, Decimal]) -> tuple[Stelle, ...]:
    return tuple(s for f, vzae in umfang.items() for s in _stellen_je_funktion(f, vzae))


def _antrag(
    kommune: Kommune,
    teile: tuple[Programmteil, ...],
    zeitraum: Zeitraum,
    umfang: dict[Stellenfunktion, Decimal],
    sachkosten: Betrag,
    zusatz: KreisangehoerigeGemeinde | None = None,
) -> Foerderantrag:
    gebaeude: tuple[Ankommenstreffpunkt, ...] = ()
    if any(teil(t).raumpauschalen is not None for t in teile):
        gebaeude = (_GEBAEUDE,)
    zusatzstelle = None
    if zusatz is not None:
        zusatzstelle = Zusatzstelle(zusatz.ags, auslaenderbehoerde=True, jugendamt=True,
                                    integrationsrat=True)  # fmt: skip
    return Foerderantrag(
        _antragsteller(kommune),  # type: ignore[arg-type]
        teile, zeitraum, stellen=_stellen(umfang), sonstige_kosten=sachkosten,
        ki_vorhanden=True, ratsbeschluss=zeitraum.beginn, integrationskonzept=zeitraum.beginn,
        lenkungsgruppe=True, kim_konzept=True, koordination_am_ki=True,
        eigene_auslaenderbehoerde=True, zusatzstelle=zusatzstelle, andere_foerderung=(),
        ankommenstreffpunkte=gebaeude,
    )  # fmt: skip


@functools.lru_cache(maxsize=1024)
def _sachkosten(teile: tuple[Programmteil, ...], zeitraum: Zeitraum) -> Betrag:
    """Die belegten Sachkosten-Höchstbeträge der Teile (nicht belegt: keine Sachkosten)."""
    summe = Betrag.null()
    for t in teile:
        s = teil(t).sachkosten
        if s is None:
            continue
        for abschnitt in zeitraum.nach_haushaltsjahren():
            stand = Parameterstand.ermittle(parameter(s.hoechstbetrag), abschnitt.beginn)
            if stand.wert is not None:
                summe += Betrag.von(stand.wert.dezimal)
    return summe


def _funktionen(teile: tuple[Programmteil, ...]) -> dict[Stellenfunktion, Decimal]:
    """Die Funktionen mit Posten im Höchstbetrag und ihre Einheit (1 oder 0,5 VZÄ)."""
    return {p.funktion: p.einheit for t in teile for p in teil(t).posten}


def _neue(
    ergebnis: Pruefergebnis, basis: Pruefergebnis, status: Pruefstatus
) -> tuple[Pruefpunkt, ...]:
    vorher = {p.id for p in basis.pruefpunkte if p.status is status}
    return tuple(p for p in ergebnis.pruefpunkte if p.status is status and p.id not in vorher)


@frozen
class _Ausstattung:
    umfang: tuple[tuple[Stellenfunktion, Decimal | None, bool | None, str], ...]
    einheiten: tuple[tuple[Stellenfunktion, Decimal], ...]


def _kuerzungen(ergebnis: Pruefergebnis) -> dict[Stellenfunktion, Decimal]:
    grenzen: dict[Stellenfunktion, Decimal] = {}
    for s in ergebnis.rechnung:
        if (s.art is Schrittart.KUERZUNG_STELLEN and s.funktion is not None
                and s.hoechstens_vzae is not None):  # fmt: skip
            alt = grenzen.get(s.funktion)
            grenzen[s.funktion] = s.hoechstens_vzae if alt is None else max(alt, s.hoechstens_vzae)
    return grenzen


def _ausstattung(
    kommune: Kommune,
    teile: tuple[Programmteil, ...],
    zeitraum: Zeitraum,
    stichtag: date,
    zusatz: KreisangehoerigeGemeinde | None,
) -> _Ausstattung:
    """Die größte Stellenausstattung, die die Regeln für diesen Antrag erlauben."""
    einheiten = _funktionen(teile)
    if not einheiten:
        return _Ausstattung((), ())
    sach = _sachkosten(teile, zeitraum)
    gross = {f: _GROSS for f in einheiten}
    probe = pruefe(_antrag(kommune, teile, zeitraum, gross, sach, zusatz), stichtag)
    grenzen = _kuerzungen(probe)
    basis: Pruefergebnis | None = None
    if len(grenzen) < len(einheiten):  # nur dann wird verglichen: eine Einheit je Funktion
        klein = {f: e for f, e in einheiten.items()}
        basis = pruefe(_antrag(kommune, teile, zeitraum, klein, sach, zusatz), stichtag)
    nicht_berechenbar = {s.teil: s.text or "ein nötiger Wert ist nicht belegt"
                         for s in probe.rechnung
                         if s.art is Schrittart.NICHT_BERECHENBAR}  # fmt: skip
    umfang: dict[Stellenfunktion, Decimal | None] = dict(grenzen)
    begrenzt: dict[Stellenfunktion, bool | None] = {f: True for f in grenzen}
    gruende: dict[Stellenfunktion, str] = {}
    for f, e in einheiten.items():
        if f in grenzen:
            continue
        teil_von_f = next(t for t in teile if f in {p.funktion for p in teil(t).posten})
        if teil_von_f in nicht_berechenbar:
            umfang[f], begrenzt[f], gruende[f] = None, None, nicht_berechenbar[teil_von_f]
            continue
        # Die anderen Funktionen mit ihrer Höchstzahl bzw. einer Einheit; f allein wächst.
        rest = {g: grenzen.get(g, einheiten[g]) for g in einheiten}

        def versuch(n: int, f: Stellenfunktion = f, e: Decimal = e,
                    rest: dict[Stellenfunktion, Decimal] = rest) -> Pruefergebnis:  # fmt: skip
            umfang_n = {**rest, f: _KONTEXT.multiply(e, Decimal(n))}
            return probe_mit(kommune, teile, zeitraum, umfang_n, sach, zusatz, stichtag)

        oben = int(_KONTEXT.divide(_GROSS, e))
        # mit nur dieser Funktion ist der Versuch mit allen Einheiten die erste Probe
        ganz = probe if len(einheiten) == 1 else versuch(oben)
        assert basis is not None
        if not _neue(ganz, basis, Pruefstatus.NICHT_ERFUELLT):
            unklar = _neue(ganz, basis, Pruefstatus.UNBEKANNT)
            umfang[f] = None
            begrenzt[f] = None if unklar else False
            frei = f"die Quellen begrenzen die Zahl der Stellen ({f.bezeichnung}) nicht"
            gruende[f] = _ohne_probe(unklar[0]) if unklar else frei
            continue
        # eine Regel begrenzt den Umfang: den größten zulässigen suchen (in Einheiten)
        unten, oben = 1, oben - 1
        while unten < oben:
            mitte = (unten + oben + 1) // 2
            if _neue(versuch(mitte), basis, Pruefstatus.NICHT_ERFUELLT):
                oben = mitte - 1
            else:
                unten = mitte
        umfang[f], begrenzt[f] = _KONTEXT.multiply(e, Decimal(unten)), True
    return _Ausstattung(
        tuple((f, umfang[f], begrenzt[f], gruende.get(f, "")) for f in einheiten),
        tuple(einheiten.items()),
    )


def _ohne_probe(punkt: Pruefpunkt) -> str:
    """Die Begründung ohne den gedachten Umfang („beantragt 40 …; “)."""
    return f"{punkt.titel}: {punkt.begruendung.split('; ', 1)[-1]}"


def probe_mit(
    kommune: Kommune,
    teile: tuple[Programmteil, ...],
    zeitraum: Zeitraum,
    umfang: dict[Stellenfunktion, Decimal],
    sach: Betrag,
    zusatz: KreisangehoerigeGemeinde | None,
    stichtag: date,
) -> Pruefergebnis:
    """Prüft einen gedachten Antrag mit diesem Stellenumfang."""
    return pruefe(_antrag(kommune, teile, zeitraum, umfang, sach, zusatz), stichtag)


_AUSSTATTUNGEN: dict[tuple[object, ...], _Ausstattung] = {}


def _ausstattung_je_art(
    kommune: Kommune,
    teile: tuple[Programmteil, ...],
    zeitraum: Zeitraum,
    stichtag: date,
    zusatz: KreisangehoerigeGemeinde | None,
) -> _Ausstattung:
    """Die Ausstattung je Empfängerart: die Höchstzahlen der Stellen hängen an der
    Rechtsstellung, nicht an der einzelnen Kommune (einmal je Art, Teilen, Zeitraum und
    Stichtag gesucht; die Prüfung des Höchstantrags selbst gilt dann der Kommune)."""
    schluessel = (empfaengerart(kommune), teile, zeitraum, stichtag,
                  None if zusatz is None else zusatz.ags)  # fmt: skip
    ausstattung = _AUSSTATTUNGEN.get(schluessel)
    if ausstattung is None:
        if len(_AUSSTATTUNGEN) > 8192:
            _AUSSTATTUNGEN.clear()
        ausstattung = _ausstattung(kommune, teile, zeitraum, stichtag, zusatz)
        _AUSSTATTUNGEN[schluessel] = ausstattung
    return ausstattung


def _je_einheit(ergebnis: Pruefergebnis, f: Stellenfunktion, e: Decimal) -> Betrag | None:
    for s in ergebnis.rechnung:
        if (s.art is Schrittart.POSTEN and s.funktion is f and s.vzae == e
                and s.betrag is not None):  # fmt: skip
            return s.betrag
    return None


def _hoechstantrag(
    kommune: Kommune,
    teile: tuple[Programmteil, ...],
    zeitraum: Zeitraum,
    stichtag: date,
    zusatz: KreisangehoerigeGemeinde | None = None,
) -> tuple[Pruefergebnis, _Ausstattung]:
    ausstattung = _ausstattung_je_art(kommune, teile, zeitraum, stichtag, zusatz)
    einheiten = dict(ausstattung.einheiten)
    umfang = {f: (v if v is not None else einheiten[f]) for f, v, _, _ in ausstattung.umfang}
    sach = _sachkosten(teile, zeitraum)
    ergebnis = probe_mit(kommune, teile, zeitraum, umfang, sach, zusatz, stichtag)
    return ergebnis, ausstattung


def _grund_ohne_betrag(ergebnis: Pruefergebnis, t: Programmteil) -> str:
    for s in ergebnis.rechnung:
        if s.teil is t and s.art is Schrittart.NICHT_BERECHENBAR:
            return s.text or "ein nötiger Wert ist nicht belegt"
        if s.teil is t and s.art is Schrittart.KEINE_RECHNUNG_JE_STELLE:
            return (
                "für diesen Teil gibt es keine Rechnung je Stelle (Maßnahmen, Festbeträge "
                "oder Anteile); die Beträge hängen am einzelnen Vorhaben"
            )
    return "kein Höchstbetrag berechenbar"


def _posten_selbst(
    kommune: Kommune,
    teile: tuple[Programmteil, ...],
    zeitraum: Zeitraum,
    stichtag: date | None,
) -> list[Planposten]:
    tag = zeitraum.beginn if stichtag is None else stichtag
    ergebnis, ausstattung = _hoechstantrag(kommune, teile, zeitraum, tag)
    betraege = {tb.teil: tb.betrag for tb in ergebnis.hoechstbetraege}
    einheiten = dict(ausstattung.einheiten)
    posten = []
    for t in teile:
        funktionen = {p.funktion for p in teil(t).posten}
        stellen = tuple(
            Stellenumfang(f, v, _je_einheit(ergebnis, f, einheiten[f]) if v is None else None,
                          einheiten[f], g, begrenzt)
            for f, v, begrenzt, g in ausstattung.umfang if f in funktionen
        )  # fmt: skip
        ohne_zahl = [s for s in stellen if s.vzae is None]
        anmerkungen = _zuschlaege(kommune, t, zeitraum)
        betrag = betraege.get(t)
        grund = ""
        if ergebnis.entscheidung is Entscheidung.NICHT_FOERDERFAEHIG:
            betrag = None
            nein = [p for p in ergebnis.pruefpunkte if p.status is Pruefstatus.NICHT_ERFUELLT]
            grund = "nicht förderfähig: " + "; ".join(p.begruendung for p in nein)
        elif betrag is None:
            grund = _grund_ohne_betrag(ergebnis, t)
        elif teil(t).raumpauschalen is not None:
            offen = [st.text for st in ergebnis.rechnung if st.teil is t and st.text
                     and st.art is Schrittart.RAUMGRENZE_NICHT_BELEGT]  # fmt: skip
            if offen:  # alle gedachten Räume gezählt: keine Zahl je Gebäude
                grund = ("Höchstzahl der Pauschalen je Ankommenstreffpunkt nicht belegt: "
                         + offen[0].removeprefix(f"{_GEBAEUDE.bezeichnung}: "))  # fmt: skip
            else:
                anmerkungen += (f"je Ankommenstreffpunkt (Gebäude) höchstens {betrag.deutsch()}",)
                grund = "die Quellen begrenzen die Zahl der Ankommenstreffpunkte nicht"
            betrag = None
        elif ohne_zahl:
            betrag = None
            grund = "; ".join(dict.fromkeys(s.grund for s in ohne_zahl))
        posten.append(Planposten(t, Zugang.SELBST, betrag, grund, stellen, ergebnis,
                                 entscheidung=ergebnis.entscheidung,
                                 anmerkungen=anmerkungen))  # fmt: skip
    return posten


def _zuschlaege(kommune: Kommune, t: Programmteil, zeitraum: Zeitraum) -> tuple[str, ...]:
    """Für einen Kreis: wie viel mehr je Zusatzstelle für eine Gemeinde möglich ist."""
    if not isinstance(kommune, Kreis):
        return ()
    anmerkungen = []
    for p in teil(t).posten:
        name = p.zuschlag_zusatzstelle
        if name is None:
            continue
        stand = Parameterstand.ermittle(parameter(name), zeitraum.beginn)
        if stand.wert is None:
            continue
        anmerkungen.append(
            f"zuzüglich {schreibweise.vzae(stand.wert.dezimal)} {p.funktion.bezeichnung} je "
            f"Zusatzstelle für eine kreisangehörige Gemeinde ({parameter(name).beschreibung}; "
            "Betrag: kim-nrw planen mit dem Schlüssel der Gemeinde)"
        )
    return tuple(anmerkungen)


def _zuschlag(t: Programmteil) -> bool:
    return any(p.zuschlag_zusatzstelle for p in teil(t).posten)


def _posten_ueber(
    gemeinde: KreisangehoerigeGemeinde,
    traeger: Kreis,
    teile: tuple[Programmteil, ...],
    zeitraum: Zeitraum,
    stichtag: date | None,
) -> list[Planposten]:
    """Teile, die der Kreis erhält; mit Zusatzstelle: was sie dem Kreis mehr bringt."""
    tag = zeitraum.beginn if stichtag is None else stichtag
    mit_zuschlag = any(_zuschlag(t) for t in teile) and not gemeinde.ist_kreisfrei
    ohne = mit = None
    if mit_zuschlag:
        ohne, _ = _hoechstantrag(traeger, teile, zeitraum, tag)
        mit, _ = _hoechstantrag(traeger, teile, zeitraum, tag, zusatz=gemeinde)
    posten = []
    for t in teile:
        grund = (
            f"Zuwendungsempfänger ist {traeger.bezeichnung}; die Gemeinde erhält den "
            "Teil nicht selbst (Weiterleitung nur, wo die Regeln sie zulassen)"
        )
        betrag = None
        ergebnis = None
        if mit_zuschlag and _zuschlag(t) and ohne is not None and mit is not None:
            vorher = {tb.teil: tb.betrag for tb in ohne.hoechstbetraege}.get(t)
            nachher = {tb.teil: tb.betrag for tb in mit.hoechstbetraege}.get(t)
            ergebnis = mit
            if vorher is not None and nachher is not None and nachher > vorher:
                betrag = nachher - vorher
                grund = (
                    f"zusätzliche Koordinierungsstelle für die Gemeinde, beantragt von "
                    f"{traeger.bezeichnung} (Voraussetzungen: Ausländerbehörde, Jugendamt, "
                    "Integrationsrat oder -ausschuss)"
                )
        posten.append(Planposten(t, Zugang.UEBER, betrag, grund, (), ergebnis,
                                 str(traeger.schluessel), traeger.bezeichnung,
                                 None if ergebnis is None else ergebnis.entscheidung))  # fmt: skip
    return posten


def _kommune(kommune: Kommune | str) -> Kommune:
    if isinstance(kommune, Kreis | KreisfreieStadt | KreisangehoerigeGemeinde):
        return kommune
    if isinstance(kommune, str):
        einheit = register().finde(kommune)
        if isinstance(einheit, Kreis | KreisfreieStadt | KreisangehoerigeGemeinde):
            return einheit
        raise UngueltigeEingabe("kommune", kommune, "ein Kreis, eine kreisfreie Stadt oder "
                                "eine Gemeinde (kein Regierungsbezirk)")  # fmt: skip
    raise UngueltigeEingabe("kommune", kommune, "eine Kommune oder ihr Schlüssel bzw. Name")


def plane(kommune: Kommune | str, jahr: int, *, stichtag: date | None = None) -> Plan:
    """Was ``kommune`` im Haushaltsjahr ``jahr`` aus jedem Programmteil höchstens erhalten kann.

    ``kommune`` ist eine Kommune des Gebietsregisters oder ihr Schlüssel bzw. Name.
    Geprüft wird nach dem Recht am ``stichtag``; ohne Angabe am ersten Tag des
    Förderzeitraums (1. Januar oder der Beginn des Teils).

    >>> from kim_nrw.planung import plane
    >>> plan = plane("05370", 2023)
    >>> ki = plan.posten[0]
    >>> ki.teil.value, ki.zugang.value, ki.hoechstbetrag.deutsch()
    ('KI', 'selbst', '414.500,00 €')
    >>> [(s.funktion.value, str(s.vzae)) for s in ki.stellen]
    [('fachkraft', '6'), ('verwaltungsassistenz', '0.5')]
    """
    einheit = _kommune(kommune)
    if isinstance(jahr, bool) or not isinstance(jahr, int) or not 2000 <= jahr <= 2100:
        raise UngueltigeEingabe("jahr", jahr, "ein Haushaltsjahr (ganze Zahl 2000–2100)")
    art = empfaengerart(einheit)
    traeger: Kreis | None = None
    if isinstance(einheit, KreisangehoerigeGemeinde):
        traeger = einheit.kreis
    selbst = [t for t in Programmteil if art in teil(t).empfaenger]
    ueber = [t for t in Programmteil if t not in selbst and traeger is not None
             and empfaengerart(traeger) in teil(t).empfaenger]  # fmt: skip
    je_teil: dict[Programmteil, Planposten] = {}
    for teile, zeitraum in antragseinheiten(selbst, jahr):
        for p in _posten_selbst(einheit, teile, zeitraum, stichtag):
            je_teil[p.teil] = p
    if traeger is not None and isinstance(einheit, KreisangehoerigeGemeinde):
        for teile, zeitraum in antragseinheiten(ueber, jahr):
            for p in _posten_ueber(einheit, traeger, teile, zeitraum, stichtag):
                je_teil[p.teil] = p
    posten = []
    for t in Programmteil:
        if t in je_teil:
            posten.append(je_teil[t])
            continue
        im_jahr = foerderzeitraum(t, jahr)
        if isinstance(im_jahr, str):
            posten.append(Planposten(t, Zugang.NICHT_IM_JAHR, grund=im_jahr))
        else:
            empfaenger = ", ".join(e.bezeichnung for e in teil(t).empfaenger)
            posten.append(
                Planposten(
                    t, Zugang.KEIN_EMPFAENGER, grund=f"Zuwendungsempfänger sind: {empfaenger}"
                )
            )
    return Plan(einheit, jahr, art, tuple(posten))

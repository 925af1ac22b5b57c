"""Landesweite Tabellen als schlichte Zeilen: Höchstbeträge, Summen, Landesmittel, Register.

Jede Zeile ist ein ``dict`` mit Werten der Arten ``str``, ``int`` und ``None`` – so nehmen
``csv.DictWriter``, ``pandas.DataFrame(zeilen)`` und ``polars.DataFrame(zeilen)`` sie
ohne Umweg. Beträge stehen als Text in technischer Schreibweise mit zwei Nachkommastellen
(``"364500.00"``, wie :class:`decimal.Decimal` ihn liest), Stellenumfänge als Text
(``"0.5"``); ``None`` heißt „keine Zahl“ (der Grund steht in der Spalte ``grund``), im CSV
eine leere Zelle. Welche Spalten eine Tabelle hat und was sie bedeuten, sagt
:data:`SPALTEN`.

>>> from kim_nrw.planung import hoechstbetraege, summen
>>> zeilen = hoechstbetraege(2023)
>>> z = next(z for z in zeilen if z["traeger_schluessel"] == "05370" and z["teil"] == "KI")
>>> z["hoechstbetrag"], z["stellen"]
('414500.00', 'fachkraft=6; verwaltungsassistenz=0.5')
>>> land = next(s for s in summen(zeilen) if s["ebene"] == "land" and s["teil"] == "KI")
>>> land["traeger"], land["summe"] is not None
(54, True)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from kim_nrw.fehler import UngueltigeEingabe
from kim_nrw.gebiet import Kreis, KreisangehoerigeGemeinde, KreisfreieStadt, register
from kim_nrw.geld import Betrag
from kim_nrw.planung.plan import Planposten, Zugang, foerderzeitraum, plane, schluessel_text
from kim_nrw.programme import (
    Belegstand,
    Parameterstand,
    Programm,
    Programmteil,
    alle_programme,
    teil,
)
from kim_nrw.recht import alle_parameter, parameter
from kim_nrw.zeit import Zeitraum

__all__ = [
    "SPALTEN",
    "TABELLEN",
    "hoechstbetraege",
    "jahre",
    "ki_tabelle",
    "kommunen_tabelle",
    "landesmittel",
    "programme_tabelle",
    "summen",
]

Zeile = dict[str, str | int | None]
"""Eine Tabellenzeile: Spaltenname → ``str``, ``int`` oder ``None``."""

SPALTEN: dict[str, tuple[tuple[str, str, str], ...]] = {
    "hoechstbetraege": (
        ("jahr", "integer", "Haushaltsjahr"),
        ("traeger_schluessel", "string", "Schlüssel des Trägers (5 Ziffern; Stadt Aachen: AGS)"),
        ("traeger", "string", "Name des Trägers"),
        ("empfaenger", "string", "Empfängerart nach Rechtsstellung"),
        ("regierungsbezirk_schluessel", "string", "Schlüssel des Regierungsbezirks"),
        ("regierungsbezirk", "string", "Name des Regierungsbezirks"),
        ("programm", "string", "Programm"),
        ("teil", "string", "Programmteil"),
        ("entscheidung", "string", "Entscheidung der Prüfung des gedachten Höchstantrags"),
        ("hoechstbetrag", "string|null", "Höchstbetrag in EUR (Text, 2 Nachkommastellen)"),
        ("stellen", "string", "größte Stellen (funktion=VZÄ, unbegrenzt, unbekannt)"),
        ("gewissheit", "string|null", "schwächste Gewissheit der benutzten Werte"),
        ("vorbehalte", "integer", "Zahl der Vorbehalte des Ergebnisses"),
        ("offen", "string", "IDs der offenen Bedingungen (etwa der Antragsfrist)"),
        ("grund", "string|null", "warum es keine Zahl gibt"),
    ),
    "summen": (
        ("jahr", "integer", "Haushaltsjahr"),
        ("ebene", "string", "regierungsbezirk oder land"),
        ("schluessel", "string", "Schlüssel des Regierungsbezirks bzw. 05 für das Land"),
        ("name", "string", "Name"),
        ("programm", "string", "Programm"),
        ("teil", "string|null", "Programmteil; leer: alle Teile des Programms"),
        ("traeger", "integer", "Zahl der Zeilen (Träger × Teil)"),
        ("beziffert", "integer", "davon mit Höchstbetrag"),
        ("summe", "string|null", "Summe der bezifferten Höchstbeträge in EUR"),
        ("landesmittel", "string|null", "Landesmittel laut Quellen in EUR (nur Land)"),
        ("landesmittel_gewissheit", "string|null", "Gewissheit der Landesmittel"),
        ("landesmittel_grund", "string|null", "warum keine Landesmittel genannt sind"),
    ),
    "landesmittel": (
        ("jahr", "integer", "Haushaltsjahr"),
        ("programm", "string", "Programm"),
        ("teil", "string|null", "Programmteil; leer: das ganze Programm"),
        ("parameter", "string", "Name des Parameters"),
        ("betrag", "string|null", "Landesmittel in EUR"),
        ("gewissheit", "string|null", "Gewissheit"),
        ("quellen", "string", "Quellen (Kurznamen)"),
        ("grund", "string|null", "warum kein Betrag genannt ist"),
    ),
    "kommunen": (
        ("art", "string", "Gebietsart"),
        ("schluessel", "string", "Schlüssel (Kreis 5, Gemeinde 8 Ziffern)"),
        ("name", "string", "Name"),
        ("kreis_schluessel", "string|null", "Kreis einer kreisangehörigen Gemeinde"),
        ("regierungsbezirk_schluessel", "string", "Regierungsbezirk"),
        ("einwohner", "integer", "Einwohner am Stichtag des Registers"),
        ("flaeche_km2", "string", "Fläche in km² (Text)"),
    ),
    "ki": (
        ("schluessel", "string", "Schlüssel des Trägers"),
        ("name", "string", "Name des KI"),
        ("traeger", "string", "Träger"),
        ("regierungsbezirk_schluessel", "string", "Regierungsbezirk"),
        ("regierungsbezirk", "string", "Name des Regierungsbezirks"),
        ("kommunen", "integer", "Zahl der Kommunen, für die es zuständig ist"),
        ("einwohner", "integer", "Einwohner dieser Kommunen"),
        ("gruendung", "string|null", "Gründung (Tag ISO oder Jahr)"),
    ),
    "programme": (
        ("jahr", "integer", "Haushaltsjahr"),
        ("programm", "string", "Programm"),
        ("teil", "string", "Programmteil"),
        ("bezeichnung", "string", "Bezeichnung"),
        ("empfaenger", "string", "Empfängerarten"),
        ("foerderzeitraum", "string|null", "Förderzeitraum im Jahr (ISO)"),
        ("foerderart", "string|null", "Förderart am Beginn des Zeitraums"),
        ("richtlinie", "string|null", "maßgebliche Richtlinie (Kurzname)"),
        ("grund", "string|null", "warum kein Zeitraum, keine Förderart oder Richtlinie"),
    ),
}
"""Je Tabelle die Spalten: Name, JSON-Typ, Bedeutung (auch für die JSON Schemas)."""

TABELLEN = ("ki", "kommunen", "programme", "hoechstbetraege")
"""Die Tabellen von ``kim-nrw tabelle``."""


def jahre(von: int, bis: int | None = None) -> range:
    """Die Haushaltsjahre ``von``–``bis`` (ohne ``bis``: nur ``von``)."""
    from kim_nrw.fehler import UngueltigeEingabe

    ende = von if bis is None else bis
    for name, wert in (("von", von), ("bis", ende)):
        if isinstance(wert, bool) or not isinstance(wert, int) or not 2000 <= wert <= 2100:
            raise UngueltigeEingabe(name, wert, "ein Haushaltsjahr (ganze Zahl 2000–2100)")
    if ende < von:
        raise UngueltigeEingabe("bis", ende, f"nicht vor {von}")
    return range(von, ende + 1)


def _betrag(b: Betrag | None) -> str | None:
    return None if b is None else str(b.wert)


def _stellen(p: Planposten) -> str:
    return "; ".join(f"{s.funktion.value}={s.umfang_text}" for s in p.stellen)


def _traeger(traeger: Kreis | KreisfreieStadt | KreisangehoerigeGemeinde) -> Zeile:
    """Die Spalten eines Trägers (je Tabelle einmal gebildet)."""
    rb = traeger.regierungsbezirk
    return {
        "traeger_schluessel": schluessel_text(traeger),
        "traeger": traeger.bezeichnung,
        "regierungsbezirk_schluessel": str(rb.schluessel),
        "regierungsbezirk": rb.name_kurz,
    }


def _zeile(jahr: int, traeger: Zeile, p: Planposten, empfaenger: str) -> Zeile:
    gewissheit = p.gewissheit
    return {
        "jahr": jahr,
        "traeger_schluessel": traeger["traeger_schluessel"],
        "traeger": traeger["traeger"],
        "empfaenger": empfaenger,
        "regierungsbezirk_schluessel": traeger["regierungsbezirk_schluessel"],
        "regierungsbezirk": traeger["regierungsbezirk"],
        "programm": p.teil.programm.value,
        "teil": p.teil.value,
        "entscheidung": None if p.entscheidung is None else p.entscheidung.value,
        "hoechstbetrag": _betrag(p.hoechstbetrag),
        "stellen": _stellen(p),
        "gewissheit": None if gewissheit is None else gewissheit.value,
        "vorbehalte": 0 if p.ergebnis is None else len(p.ergebnis.vorbehalte),
        "offen": ", ".join(o.id for o in p.offen),
        "grund": p.grund or None,
    }


def hoechstbetraege(von: int, bis: int | None = None) -> list[Zeile]:
    """Jeder KI-Träger × jeder Programmteil, den er im Jahr selbst erhält: Höchstbetrag,
    Status und Gewissheit (aus :func:`~kim_nrw.planung.plane`), für ``von``–``bis``.

    Träger sind die 54 Träger der KI (Kreise, StädteRegion, kreisfreie Städte, Stadt
    Aachen). Kreisangehörige Gemeinden mit eigener Ausländerbehörde (KIM Baustein 3)
    zählen nicht mit: welche Gemeinden eine haben, sagt das Register nicht.
    """
    zeilen: list[Zeile] = []
    traeger = [(t, _traeger(t)) for t in register().ki_traeger()]
    for jahr in jahre(von, bis):
        for einheit, spalten in traeger:
            plan = plane(einheit, jahr)
            for p in plan.posten:
                if p.zugang is Zugang.SELBST:
                    zeilen.append(_zeile(jahr, spalten, p, plan.empfaenger.value))
    return zeilen


def _summe(werte: Iterable[str | int | None]) -> tuple[int, str | None]:
    beziffert = [Betrag.von(Decimal(str(w))) for w in werte if w is not None]
    if not beziffert:
        return 0, None
    return len(beziffert), str(sum(beziffert, Betrag.null()).wert)


def _landesmittelparameter(programm: Programm, t: Programmteil | None) -> str | None:
    praefix = teil(t).praefix if t is not None else next(
        p.praefix for p in alle_programme() if p.programm is programm)  # fmt: skip
    name = f"{praefix}landesmittel"
    return name if name in set(alle_parameter()) else None


def _landesmittel(jahr: int, name: str) -> tuple[str | None, str | None, str | None, str]:
    stand = Parameterstand.ermittle(parameter(name), date(jahr, 1, 1))
    if stand.stand is Belegstand.BELEGT and stand.wert is not None:
        w = stand.wert
        return str(Betrag.von(w.dezimal).wert), w.gewissheit.value, None, ", ".join(w.quellen)
    return None, None, stand.grund, ", ".join(parameter(name).quellen())


def landesmittel(von: int, bis: int | None = None) -> list[Zeile]:
    """Die Landesmittel, die die Quellen je Programm und Teil nennen (Parameter
    ``<präfix>landesmittel``), oder warum keine genannt sind.

    >>> from kim_nrw.planung import landesmittel
    >>> [(z["programm"], z["betrag"]) for z in landesmittel(2021) if z["teil"] is None]
    [('KIM', '50000000.00')]
    """
    zeilen: list[Zeile] = []
    for jahr in jahre(von, bis):
        for p in alle_programme():
            for t in (None, *(b.teil for b in p.teile)):
                name = _landesmittelparameter(p.programm, t)
                if name is None:
                    continue
                betrag, gewissheit, grund, quellen = _landesmittel(jahr, name)
                zeilen.append({
                    "jahr": jahr, "programm": p.programm.value,
                    "teil": None if t is None else t.value, "parameter": name, "betrag": betrag,
                    "gewissheit": gewissheit, "quellen": quellen, "grund": grund,
                })  # fmt: skip
    return zeilen


_SUMMENFELDER = ("jahr", "regierungsbezirk_schluessel", "regierungsbezirk", "programm", "teil",
                 "hoechstbetrag")  # fmt: skip


def _pruefe_zeilen(zeilen: object) -> None:
    """Die Zeilen, die :func:`summen` addiert: Zeilen aus :func:`hoechstbetraege`."""
    erwartet = "Zeilen aus kim_nrw.planung.hoechstbetraege (eine Liste von dict)"
    if isinstance(zeilen, str | bytes | dict) or not isinstance(zeilen, Sequence):
        raise UngueltigeEingabe("zeilen", zeilen, erwartet)
    programme = {p.value for p in Programm}
    teile = {t.value for t in Programmteil}
    for i, z in enumerate(zeilen):
        if not isinstance(z, dict) or any(f not in z for f in _SUMMENFELDER):
            raise UngueltigeEingabe(f"zeilen[{i}]", z, f"ein dict mit {', '.join(_SUMMENFELDER)}")
        jahr, betrag = z["jahr"], z["hoechstbetrag"]
        if not isinstance(jahr, int) or isinstance(jahr, bool):
            raise UngueltigeEingabe(f"zeilen[{i}].jahr", jahr, "ein Haushaltsjahr (int)")
        if z["programm"] not in programme:
            raise UngueltigeEingabe(f"zeilen[{i}].programm", z["programm"], "eine Programmkennung")
        if z["teil"] is not None and z["teil"] not in teile:
            raise UngueltigeEingabe(f"zeilen[{i}].teil", z["teil"], "eine Programmteilkennung")
        if isinstance(betrag, str):
            Betrag.parse(betrag, technisch=True)  # wirft UngueltigerBetrag mit dem Wert
        elif betrag is not None:
            Betrag.von(betrag)


def summen(zeilen: Sequence[Zeile]) -> list[Zeile]:
    """Summen der Höchstbeträge je Jahr, Regierungsbezirk und Land – je Teil und je
    Programm –, auf Landesebene neben den Landesmitteln der Quellen.

    Die Summe zählt nur bezifferte Zeilen (``beziffert`` von ``traeger``); fehlt einer
    Zeile die Zahl, ist die Summe eine untere Schranke der Höchstbeträge.
    """
    _pruefe_zeilen(zeilen)
    gruppen: dict[tuple[object, ...], list[Zeile]] = {}
    namen: dict[str, str] = {}
    for z in zeilen:
        rb = str(z["regierungsbezirk_schluessel"])
        namen[rb] = str(z["regierungsbezirk"])
        for stufe, kennung in (("regierungsbezirk", rb), ("land", "05")):
            for teil_ in (z["teil"], None):
                gruppen.setdefault((z["jahr"], stufe, kennung, z["programm"], teil_), []).append(z)
    ergebnis: list[Zeile] = []
    reihenfolge = {t.value: i for i, t in enumerate(Programmteil)}
    programme = {p.value: i for i, p in enumerate(Programm)}
    for (jahr, ebene, schluessel, programm, t_), liste in sorted(
        gruppen.items(),
        key=lambda e: (e[0][0], e[0][1] == "land", e[0][2], programme[str(e[0][3])],
                       -1 if e[0][4] is None else reihenfolge[str(e[0][4])]),
    ):  # fmt: skip
        beziffert, summe = _summe(z["hoechstbetrag"] for z in liste)
        t = None if t_ is None else str(t_)
        zeile: Zeile = {
            "jahr": int(str(jahr)), "ebene": str(ebene), "schluessel": str(schluessel),
            "name": "Nordrhein-Westfalen" if ebene == "land" else namen[str(schluessel)],
            "programm": str(programm), "teil": t, "traeger": len(liste),
            "beziffert": beziffert, "summe": summe, "landesmittel": None,
            "landesmittel_gewissheit": None, "landesmittel_grund": None,
        }  # fmt: skip
        if ebene == "land":
            name = _landesmittelparameter(
                Programm(str(programm)), None if t is None else Programmteil(t))  # fmt: skip
            if name is not None:
                betrag, gewissheit, grund, _ = _landesmittel(int(str(jahr)), name)
                zeile["landesmittel"] = betrag
                zeile["landesmittel_gewissheit"] = gewissheit
                zeile["landesmittel_grund"] = grund
        ergebnis.append(zeile)
    return ergebnis


def kommunen_tabelle() -> list[Zeile]:
    """Kreise, kreisfreie Städte und kreisangehörige Gemeinden des Registers.

    >>> from kim_nrw.planung import kommunen_tabelle
    >>> len([z for z in kommunen_tabelle() if z["art"] not in ("kreis", "staedteregion")])
    396
    """
    r = register()
    zeilen: list[Zeile] = []
    einheiten: list[Kreis | KreisfreieStadt | KreisangehoerigeGemeinde] = [
        *r.kreise(), *r.kreisfreie_staedte(), *r.kreisangehoerige_gemeinden()]  # fmt: skip
    for einheit in einheiten:
        zeilen.append({
            "art": einheit.art.value, "schluessel": str(einheit.schluessel),
            "name": einheit.name,
            "kreis_schluessel": str(einheit.kreis.schluessel)
            if isinstance(einheit, KreisangehoerigeGemeinde) else None,
            "regierungsbezirk_schluessel": str(einheit.regierungsbezirk.schluessel),
            "einwohner": einheit.einwohner, "flaeche_km2": str(einheit.flaeche_km2),
        })  # fmt: skip
    return zeilen


def ki_tabelle() -> list[Zeile]:
    """Die 54 KI mit Träger, Bezirk, Zuständigkeit und Gründung.

    >>> from kim_nrw.planung import ki_tabelle
    >>> len(ki_tabelle())
    54
    """
    from kim_nrw.zentren import ki_register

    zeilen: list[Zeile] = []
    for k in ki_register():
        g = k.gruendung
        gruendung = None if g is None else (g.datum.isoformat() if g.datum else str(g.jahr))
        zeilen.append({
            "schluessel": k.schluessel, "name": k.name, "traeger": k.traeger.bezeichnung,
            "regierungsbezirk_schluessel": str(k.regierungsbezirk.schluessel),
            "regierungsbezirk": k.regierungsbezirk.name_kurz, "kommunen": len(k.kommunen),
            "einwohner": sum(e.einwohner for e in k.kommunen), "gruendung": gruendung,
        })  # fmt: skip
    return zeilen


def programme_tabelle(von: int, bis: int | None = None) -> list[Zeile]:
    """Je Jahr und Programmteil: Empfänger, Förderzeitraum, Förderart, Richtlinie.

    >>> from kim_nrw.planung import programme_tabelle
    >>> z = programme_tabelle(2021)[2]
    >>> z["teil"], z["foerderzeitraum"], z["foerderart"]
    ('KIM.B2', '2021-01-01/2021-12-31', 'fachbezogene_pauschale')
    """
    from kim_nrw.fehler import KimNrwFehler

    zeilen: list[Zeile] = []
    for jahr in jahre(von, bis):
        for t in Programmteil:
            b = teil(t)
            zeitraum = foerderzeitraum(t, jahr)
            gruende: list[str] = []
            foerderart = richtlinie = None
            if isinstance(zeitraum, Zeitraum):
                try:
                    foerderart = b.foerderart_am(zeitraum.beginn).value
                except KimNrwFehler as fehler:
                    gruende.append(f"Förderart: {fehler}")
                grundlage = b.richtlinie_am(zeitraum.beginn)
                richtlinie = None if grundlage is None else grundlage.quelle
                if grundlage is None:
                    gruende.append("keine Richtlinie belegt")
            else:
                gruende.append(zeitraum)
            zeilen.append({
                "jahr": jahr, "programm": t.programm.value, "teil": t.value,
                "bezeichnung": t.bezeichnung,
                "empfaenger": ", ".join(e.value for e in b.empfaenger),
                "foerderzeitraum": f"{zeitraum.beginn.isoformat()}/{zeitraum.ende.isoformat()}"
                if isinstance(zeitraum, Zeitraum) else None,
                "foerderart": foerderart, "richtlinie": richtlinie,
                "grund": "; ".join(gruende) or None,
            })  # fmt: skip
    return zeilen

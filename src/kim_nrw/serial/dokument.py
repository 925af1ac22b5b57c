"""Dokumente: Umschlag mit Typ und Schemaversion, Register der Typen und Migrationen.

Jedes JSON-Dokument von kim_nrw steckt in einem Umschlag::

    {"dokument": "foerderantrag", "version": 2, "inhalt": {...}}

``dokument`` nennt den Dokumenttyp (:data:`DOKUMENTTYPEN`), ``version`` die
Version seines Schemas, ``inhalt`` das Modell in seiner JSON-Form. Ältere
Versionen bringt :func:`lade` über die registrierten :class:`Migration` en
Schritt für Schritt auf die aktuelle; neuere lehnt sie ab (die installierte
kim_nrw-Version kennt sie nicht).

>>> from kim_nrw.serial import als_json, lade
>>> antrag = lade("foerderantrag", '''{"dokument": "foerderantrag", "version": 2,
...     "inhalt": {"antragsteller": "05370", "programmteile": ["KIM.B2"], "zeitraum": "2021"}}''')
>>> str(antrag.zeitraum)
'2021-01-01/2021-12-31'
>>> lade("foerderantrag", als_json(antrag)) == antrag
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final, TypeGuard, TypeVar, overload

import attrs
from attrs import field

from kim_nrw._modell import frozen
from kim_nrw.antrag import Foerderantrag, Verwendungsnachweis, Zuwendungsbescheid
from kim_nrw.fehler import MAX_PROBLEME, DokumentFehler, Problem, UngueltigeEingabe
from kim_nrw.konverter import Befunde, json_kurz
from kim_nrw.pruefung import Pruefergebnis
from kim_nrw.recht import Parameter, Rechtsquelle
from kim_nrw.serial import referenz as _referenz
from kim_nrw.serial.konverter import KONVERTER, MODELLE, entstrukturiere, strukturiere

try:  # orjson liest JSON in C; ohne orjson (etwa unter PyPy) gilt allein der volle Weg
    from orjson import dumps as _orjson_dumps
    from orjson import loads as _orjson_loads

    _MIT_ORJSON = True
except ImportError:  # pragma: no cover - orjson ist Abhängigkeit unter CPython
    _MIT_ORJSON = False

__all__ = [
    "DOKUMENTTYPEN",
    "Dokumenttyp",
    "Migration",
    "als_json",
    "entstruktur",
    "lade",
    "migriere",
    "struktur",
]

_T = TypeVar("_T")

JsonObjekt = dict[str, Any]


def _pfad_gleich(pfad: str) -> str:
    return pfad


@frozen
class Migration:
    """Ein Schritt von Version ``von`` auf ``von + 1`` eines Dokumenttyps.

    :param von: die Version, die der Schritt liest.
    :param beschreibung: was sich ändert (erscheint in der Doku der Schemaänderungen).
    :param umschreiben: ``inhalt`` alt → ``inhalt`` neu; verändert seine Eingabe nie (baut
        neue dicts und Listen, wo es etwas ändert) und lässt stehen, was es nicht versteht
        (die Prüfung danach meldet es).
    :param pfad_zurueck: übersetzt einen JSON-Pfad der neuen Version in den der alten,
        damit Fehlerberichte auf die Stelle in der Datei zeigen, die der Nutzer hat.
    """

    von: int
    beschreibung: str
    umschreiben: Callable[[JsonObjekt], JsonObjekt]
    pfad_zurueck: Callable[[str], str] = field(default=_pfad_gleich)

    @property
    def nach(self) -> int:
        """Die Version, die der Schritt schreibt."""
        return self.von + 1


@frozen
class Dokumenttyp:
    """Ein Dokumenttyp: Name im Umschlag, Modell, aktuelle Version und die Migrationen dorthin.

    ``aelteste`` ist die älteste Version, die :func:`lade` noch liest.
    """

    name: str
    modell: type
    version: int
    beschreibung: str
    migrationen: tuple[Migration, ...] = ()

    @property
    def aelteste(self) -> int:
        """Die älteste lesbare Version (die erste Migration oder die aktuelle)."""
        return min((m.von for m in self.migrationen), default=self.version)

    def migration(self, von: int) -> Migration:
        """Der Schritt ab Version ``von``."""
        for m in self.migrationen:
            if m.von == von:
                return m
        raise UngueltigeEingabe("version", von, f"eine Version {self.aelteste}..{self.version}")


# -- Migrationen: Version 0 (Entwurf vor der ersten Veröffentlichung) → 1 -----------------


def _zeitraum_v0(wert: object) -> object:
    """``{"beginn": "2021-01-01", "ende": "2021-12-31"}`` → ``"2021-01-01/2021-12-31"``."""
    if (
        isinstance(wert, dict)
        and wert.keys() == {"beginn", "ende"}
        and isinstance(wert["beginn"], str)
        and isinstance(wert["ende"], str)
    ):
        return f"{wert['beginn']}/{wert['ende']}"
    return wert


def _antrag_v0(inhalt: JsonObjekt) -> JsonObjekt:
    if not isinstance(inhalt, dict):
        return inhalt
    neu = dict(inhalt)
    if "zeitraum" in neu:
        neu["zeitraum"] = _zeitraum_v0(neu["zeitraum"])
    stellen = neu.get("stellen")
    if isinstance(stellen, list):
        neu["stellen"] = [_stelle_v0(s) for s in stellen]
    return neu


def _stelle_v0(stelle: object) -> object:
    if isinstance(stelle, dict) and "umfang" in stelle and "anteil" not in stelle:
        return {("anteil" if k == "umfang" else k): v for k, v in stelle.items()}
    return stelle


_ANTEIL_PFAD = re.compile(r"(\.stellen\[\d+\])\.anteil(?=$|[.\[])")


def _antrag_pfad_v0(pfad: str) -> str:
    return _ANTEIL_PFAD.sub(r"\1.umfang", pfad)


def _bescheid_v0(inhalt: JsonObjekt) -> JsonObjekt:
    if not isinstance(inhalt, dict):
        return inhalt
    neu = dict(inhalt)
    if "zeitraum" in neu:
        neu["zeitraum"] = _zeitraum_v0(neu["zeitraum"])
    if "antrag" in neu:
        neu["antrag"] = _antrag_v0(neu["antrag"])
    return neu


def _nachweis_v0(inhalt: JsonObjekt) -> JsonObjekt:
    if not isinstance(inhalt, dict):
        return inhalt
    neu = dict(inhalt)
    ausgaben = neu.get("ausgaben")
    if isinstance(ausgaben, list):
        neu["ausgaben"] = [
            {**a, "zeitraum": _zeitraum_v0(a["zeitraum"])}
            if isinstance(a, dict) and "zeitraum" in a
            else a
            for a in ausgaben
        ]
    return neu


_STATUS_V1 = {"in_kraft": "bestaetigt", "vorlaeufig": "unsicher", "abgeleitet": "abgeleitet"}


def _parameter_v1(inhalt: JsonObjekt) -> JsonObjekt:
    """``werte[].status`` (in_kraft, vorlaeufig, abgeleitet) → ``werte[].gewissheit``."""
    if not isinstance(inhalt, dict) or not isinstance(inhalt.get("werte"), list):
        return inhalt
    return {**inhalt, "werte": [_wert_v1(w) for w in inhalt["werte"]]}


def _wert_v1(wert: object) -> object:
    if not isinstance(wert, dict) or "status" not in wert or "gewissheit" in wert:
        return wert
    status = wert["status"]
    neu = _STATUS_V1.get(status, status) if isinstance(status, str) else status
    return {("gewissheit" if k == "status" else k): (neu if k == "status" else v)
            for k, v in wert.items()}  # fmt: skip


_GEWISSHEIT_PFAD = re.compile(r"(\.werte\[\d+\])\.gewissheit(?=$|[.\[])")


def _parameter_pfad_v1(pfad: str) -> str:
    return _GEWISSHEIT_PFAD.sub(r"\1.status", pfad)


_V0_ZEITRAUM = (
    'Zeiträume waren Objekte {"beginn": …, "ende": …}; jetzt ein ISO-8601-Intervall '
    '"JJJJ-MM-TT/JJJJ-MM-TT"'
)


# -- Migrationen: Version 1 → 2 (gemeinsamer Antrag, Prüfergebnis als Daten) ----------------


def _antrag_v1(inhalt: JsonObjekt) -> JsonObjekt:
    """``programmteil`` (ein Teil) → ``programmteile`` (eine Liste mit diesem Teil)."""
    if not isinstance(inhalt, dict) or "programmteil" not in inhalt or "programmteile" in inhalt:
        return inhalt
    return {("programmteile" if k == "programmteil" else k): ([v] if k == "programmteil" else v)
            for k, v in inhalt.items()}  # fmt: skip


_TEILE_PFAD = re.compile(r"\.programmteile(?:\[0\])?(?=$|[.\[])")


def _antrag_pfad_v1(pfad: str) -> str:
    return _TEILE_PFAD.sub(".programmteil", pfad)


def _bescheid_v1(inhalt: JsonObjekt) -> JsonObjekt:
    if not isinstance(inhalt, dict) or "antrag" not in inhalt:
        return inhalt
    return {**inhalt, "antrag": _antrag_v1(inhalt["antrag"])}


_DEUTSCHER_TAG = re.compile(r"([0-9]{2})\.([0-9]{2})\.([0-9]{4})", re.ASCII)


def _tage_v1(zeitraum: object) -> tuple[str | None, str | None]:
    """``"01.01.2021–31.12.2022"`` oder ``"ab 01.01.2022"`` (Version 1) → ISO-Tage."""
    if not isinstance(zeitraum, str):
        return None, None
    tage = [f"{j}-{m}-{t}" for t, m, j in _DEUTSCHER_TAG.findall(zeitraum)]
    if len(tage) == 1 and zeitraum.startswith("ab "):
        return tage[0], None
    if len(tage) == 2:
        return tage[0], tage[1]
    return None, None


def _art_v1(name: object) -> str:
    from kim_nrw.fehler import NichtGefunden
    from kim_nrw.recht import parameter

    try:
        return parameter(name).art.value if isinstance(name, str) else "text"
    except NichtGefunden:
        return "text"


def _wert_v1_ergebnis(wert: object) -> object:
    if not isinstance(wert, dict) or "zeitraum" not in wert:
        return wert
    ab, bis = _tage_v1(wert.get("zeitraum"))
    return {
        "parameter": wert.get("parameter"),
        "art": _art_v1(wert.get("parameter")),
        "wert": wert.get("wert"),
        "gilt_ab": ab,
        "gilt_bis": bis,
        "belegt_bis": None,
        "gewissheit": wert.get("status"),
        "quellen": wert.get("quellen"),
        "zuletzt_geprueft": None,
        "benutzt_bis": None,
    }


def _norm_v1(zitat: object, quelle: object) -> str | None:
    """Die Norm aus dem Zitat der Version 1 (``§ 9 Abs. 1 TIntG 2021 (…)`` → ``§ 9 Abs. 1``)."""
    from kim_nrw.fehler import NichtGefunden
    from kim_nrw.recht import rechtsquelle

    if not isinstance(zitat, str) or not isinstance(quelle, str):
        return None
    try:
        eintrag = rechtsquelle(quelle)
    except NichtGefunden:
        return None
    stelle = zitat.find(f" {eintrag.abkuerzung}")
    if stelle <= 0 or zitat.startswith(eintrag.abkuerzung) or zitat[:stelle] == eintrag.norm:
        return None  # ohne Norm oder die eigene Norm des Eintrags (§ 44 LHO)
    return zitat[:stelle]


def _punkt_v1(punkt: object, teile: list[object]) -> object:
    if not isinstance(punkt, dict) or "quellen_id" not in punkt:
        return punkt
    return {
        "id": punkt.get("id"),
        "titel": punkt.get("titel"),
        "teile": teile,
        "status": punkt.get("status"),
        "begruendung": punkt.get("begruendung"),
        "quelle": punkt.get("quellen_id"),
        "norm": _norm_v1(punkt.get("quelle"), punkt.get("quellen_id")),
    }


def _schritt_v1(schritt: object) -> object:
    if not isinstance(schritt, dict) or "beschreibung" not in schritt:
        return schritt
    text, betrag = schritt.get("beschreibung"), schritt.get("betrag")
    art = "summe" if text == "Höchstbetrag" and betrag is not None else "beschrieben"
    return {
        "art": art, "teil": None, "zeitraum": None, "funktion": None, "vzae": None,
        "hoechstens_vzae": None, "satz": None, "je_vzae": None, "monate": None,
        "betrag": betrag, "parameter": None, "text": None if art == "summe" else text,
    }  # fmt: skip


_KEINE_RICHTLINIE_V1 = re.compile(r"keine Richtlinie für (\S+) belegt")


def _version_v1(version: object, teil: object) -> object:
    from kim_nrw.fehler import NichtGefunden
    from kim_nrw.programme import Programmteil
    from kim_nrw.programme import teil as katalogteil
    from kim_nrw.recht import Quellenart, rechtsquelle
    from kim_nrw.recht.fassungen import massgeblich

    if not isinstance(version, str):
        return version
    keine = _KEINE_RICHTLINIE_V1.fullmatch(version)
    if keine is not None:
        return {"art": "richtlinie", "quelle": None, "teil": keine[1], "gilt_ab": None,
                "gilt_bis": None, "gewissheit": "bestaetigt"}  # fmt: skip
    try:
        quelle = rechtsquelle(version)
    except NichtGefunden:
        return version  # die Prüfung danach meldet es
    if quelle.art is Quellenart.RICHTLINIE and isinstance(teil, str):
        grundlagen = [g for t in Programmteil if t.value == teil
                      for g in katalogteil(t).rechtsgrundlagen if g.quelle == version]  # fmt: skip
        if grundlagen:
            g = grundlagen[0]
            return {"art": "richtlinie", "quelle": version, "teil": teil,
                    "gilt_ab": g.gilt_ab.isoformat(),
                    "gilt_bis": None if g.gilt_bis is None else g.gilt_bis.isoformat(),
                    "gewissheit": g.gewissheit.value}  # fmt: skip
    zeitraum = massgeblich(version)
    return {"art": "gesetz" if quelle.art is Quellenart.GESETZ else "richtlinie",
            "quelle": version, "teil": None if quelle.art is Quellenart.GESETZ else teil,
            "gilt_ab": None if zeitraum.ab is None else zeitraum.ab.isoformat(),
            "gilt_bis": None if zeitraum.bis is None else zeitraum.bis.isoformat(),
            "gewissheit": "abgeleitet"}  # fmt: skip


def _vorbehalte_v1(werte: list[object]) -> list[object]:
    vorbehalte: list[object] = []
    for w in werte:
        if isinstance(w, dict) and w.get("gewissheit") in ("abgeleitet", "unsicher"):
            vorbehalte.append({"art": w["gewissheit"], "parameter": w.get("parameter"),
                               "quelle": None, "gilt_ab": w.get("gilt_ab"),
                               "bis": w.get("gilt_bis"), "benutzt_bis": None})  # fmt: skip
    return vorbehalte


def _ergebnis_v1(inhalt: JsonObjekt) -> JsonObjekt:
    """Das Prüfergebnis der Version 1 in die Daten der Version 2 (siehe Migration)."""
    from kim_nrw.pruefung.pruefe import KEIN_RECHTSANSPRUCH

    if not isinstance(inhalt, dict) or "hinweise" in inhalt:
        return inhalt
    neu = dict(inhalt)
    antrag = neu.get("antrag")
    teil = antrag.get("programmteil") if isinstance(antrag, dict) else None
    teile: list[object] = [] if teil is None else [teil]
    if "antrag" in neu:
        neu["antrag"] = _antrag_v1(neu["antrag"])
    if isinstance(neu.get("pruefpunkte"), list):
        neu["pruefpunkte"] = [_punkt_v1(p, teile) for p in neu["pruefpunkte"]]
    if isinstance(neu.get("rechnung"), list):
        neu["rechnung"] = [_schritt_v1(s) for s in neu["rechnung"]]
    werte = neu.get("verwendete_werte")
    if isinstance(werte, list):
        neu["verwendete_werte"] = werte = [_wert_v1_ergebnis(w) for w in werte]
    versionen = neu.get("regelversionen")
    if isinstance(versionen, list):
        neu["regelversionen"] = versionen = [_version_v1(v, teil) for v in versionen]
    neu["hoechstbetraege"] = [{"teil": t, "betrag": neu.get("hoechstbetrag")} for t in teile]
    vorbehalte = _vorbehalte_v1(werte) if isinstance(werte, list) else []
    neu["vorbehalte"] = vorbehalte
    if neu.get("entscheidung") == "förderfähig" and vorbehalte:
        neu["entscheidung"] = "förderfähig, vorbehaltlich"
    richtlinien = [v.get("quelle") for v in (versionen if isinstance(versionen, list) else [])
                   if isinstance(v, dict) and v.get("quelle") in KEIN_RECHTSANSPRUCH]  # fmt: skip
    neu["hinweise"] = [{"art": "kein_rechtsanspruch", "fundstellen": [
        {"quelle": q, "norm": None} for q in (richtlinien or KEIN_RECHTSANSPRUCH)]}]  # fmt: skip
    return neu


_ERGEBNIS_PFADE = (
    (re.compile(r"(\.verwendete_werte\[\d+\])\.gewissheit(?=$|[.\[])"), r"\1.status"),
    (re.compile(r"(\.pruefpunkte\[\d+\])\.quelle(?=$|[.\[])"), r"\1.quellen_id"),
    # die Teile je Bedingung und je Höchstbetrag stammen aus dem Programmteil des Antrags
    (re.compile(r"\.(?:pruefpunkte\[\d+\]\.teile\[\d+\]|(?:hoechstbetraege|regelversionen)"
                r"\[\d+\]\.teil)$"), ".antrag.programmteil"),
)


def _ergebnis_pfad_v1(pfad: str) -> str:
    for muster, ersatz in _ERGEBNIS_PFADE:
        pfad = muster.sub(ersatz, pfad)
    return _antrag_pfad_v1(pfad)


def _ergebnis_v2(inhalt: JsonObjekt) -> JsonObjekt:
    """Version 3 hat je Prüfpunkt ``felder`` (fehlt es, ist es leer): nichts umzuschreiben."""
    return inhalt


def _parameter_v2(inhalt: JsonObjekt) -> JsonObjekt:
    """Version 3 hat je Wert ``belegt_bis`` (fehlt es, ist es ``null``): nichts umzuschreiben."""
    return inhalt


_V1_TEILE = (
    'Ein Antrag nennt seine Programmteile als Liste "programmteile" (bisher ein Teil in '
    '"programmteil"); so kann ein Antrag KIM Baustein 1 und 2 gemeinsam beantragen'
)

DOKUMENTTYPEN: Final[Mapping[str, Dokumenttyp]] = MappingProxyType(
    {
        d.name: d
        for d in (
            Dokumenttyp(
                "foerderantrag",
                Foerderantrag,
                2,
                "Ein Förderantrag einer Kommune (Programmteile, Zeitraum, Stellen, Angaben).",
                (
                    Migration(
                        0,
                        f'{_V0_ZEITRAUM}; der Stellenanteil hieß "umfang", jetzt "anteil".',
                        _antrag_v0,
                        _antrag_pfad_v0,
                    ),
                    Migration(1, f"{_V1_TEILE}.", _antrag_v1, _antrag_pfad_v1),
                ),
            ),
            Dokumenttyp(
                "zuwendungsbescheid",
                Zuwendungsbescheid,
                2,
                "Ein Zuwendungsbescheid mit dem bewilligten Antrag.",
                (
                    Migration(
                        0,
                        f"{_V0_ZEITRAUM} (im Bescheid und im Antrag); im Antrag hieß der "
                        'Stellenanteil "umfang", jetzt "anteil".',
                        _bescheid_v0,
                        _antrag_pfad_v0,
                    ),
                    Migration(
                        1, f"{_V1_TEILE} (im Antrag des Bescheids).", _bescheid_v1, _antrag_pfad_v1
                    ),
                ),
            ),
            Dokumenttyp(
                "verwendungsnachweis",
                Verwendungsnachweis,
                1,
                "Ein Verwendungsnachweis: Ausgaben je Stellenfunktion und Zeitraum.",
                (Migration(0, f"{_V0_ZEITRAUM} (in jeder Ausgabe).", _nachweis_v0),),
            ),
            Dokumenttyp(
                "pruefergebnis",
                Pruefergebnis,
                3,
                "Das Ergebnis einer Prüfung: jede Bedingung, Höchstbetrag, Rechnung, Werte, "
                "Vorbehalte, Fassungen, Hinweise.",
                (
                    Migration(
                        1,
                        "Daten statt Text: eine Bedingung nennt ihre Fundstelle als Kurzname "
                        '("quelle", bisher "quellen_id") und Norm ("norm") und die Teile, die '
                        'sie betrifft ("teile"); ein benutzter Wert hat "art", "gilt_ab" und '
                        '"gilt_bis" als ISO-Tage (bisher "zeitraum" als deutscher Text), '
                        '"gewissheit" (bisher "status"), "belegt_bis", "zuletzt_geprueft" und '
                        '"benutzt_bis" (aus Version 1 null); ein Rechenschritt ist strukturiert '
                        '(Schritte der Version 1 stehen als Text, "art": "beschrieben"); '
                        '"regelversionen" sind Objekte mit Art, Quelle, Teil und Zeitraum; neu '
                        'sind "hoechstbetraege" (je Teil), "vorbehalte" (aus Version 1: die '
                        "abgeleiteten und unsicheren Werte, und dann lautet „förderfähig“ "
                        '„förderfähig, vorbehaltlich“) und "hinweise" (kein Rechtsanspruch). '
                        f"Im Antrag: {_V1_TEILE}.",
                        _ergebnis_v1,
                        _ergebnis_pfad_v1,
                    ),
                    Migration(
                        2,
                        'Jede Bedingung nennt in "felder" die JSON-Pfade der Felder des Antrags, '
                        'die sie liest (etwa "$.inhalt.ki_vorhanden"); aus Version 2 ist die '
                        "Liste leer (nicht festgehalten).",
                        _ergebnis_v2,
                    ),
                ),
            ),
            Dokumenttyp(
                "parameter",
                Parameter,
                3,
                "Ein Parameter mit seinen Werten je Zeitraum, Lücken und Quellen.",
                (
                    Migration(
                        1,
                        'Die Sicherheit eines Werts hieß "status" (in_kraft, vorlaeufig, '
                        'abgeleitet), jetzt "gewissheit" (bestaetigt, unsicher, abgeleitet) wie '
                        "bei den Rechtsquellen.",
                        _parameter_v1,
                        _parameter_pfad_v1,
                    ),
                    Migration(
                        2,
                        'Ein Wert kann "belegt_bis" nennen: den letzten Tag, für den eine Quelle '
                        "ihn bestätigt (danach ist er fortgeschrieben); fehlt es, ist es null.",
                        _parameter_v2,
                    ),
                ),
            ),
            Dokumenttyp(
                "rechtsquelle",
                Rechtsquelle,
                1,
                "Ein Eintrag im Quellenkatalog (Rechtsakt oder Beleg).",
            ),
        )
    }
)
"""Alle Dokumenttypen nach Namen, mit aktueller Version und Migrationen."""

_NACH_MODELL: Final[Mapping[type, Dokumenttyp]] = {d.modell: d for d in DOKUMENTTYPEN.values()}
_UMSCHLAG = frozenset({"dokument", "version", "inhalt"})


def _dokumenttyp(typ: object) -> Dokumenttyp:
    if isinstance(typ, str) and typ in DOKUMENTTYPEN:
        return DOKUMENTTYPEN[typ]
    if isinstance(typ, type) and typ in _NACH_MODELL:
        return _NACH_MODELL[typ]
    raise UngueltigeEingabe(
        "typ", typ, "ein Dokumenttyp: " + ", ".join(DOKUMENTTYPEN) + " (oder sein Modell)"
    )


# -- Lesen ---------------------------------------------------------------------------------


def _keine_konstante(name: str) -> object:
    raise ValueError(f"{name} ist kein gültiges JSON")


class _Doppelt(Exception):
    """Signal: ein JSON-Objekt nennt einen Schlüssel mehrmals."""


def _eindeutig(paare: list[tuple[str, object]]) -> dict[str, object]:
    objekt = dict(paare)
    if len(objekt) != len(paare):
        raise _Doppelt
    return objekt


class _MitDoppelten(dict[str, object]):
    """Ein JSON-Objekt (letzter Wert gilt) mit allen Werten seiner doppelten Schlüssel."""

    doppelte: dict[str, list[object]]


def _merke_doppelte(paare: list[tuple[str, object]]) -> dict[str, object]:
    objekt = _MitDoppelten(paare)
    werte: dict[str, list[object]] = {}
    for schluessel, wert in paare:
        werte.setdefault(schluessel, []).append(wert)
    objekt.doppelte = {k: w for k, w in werte.items() if len(w) > 1}
    return objekt


# Doppelte Schlüssel sind in JSON erlaubt, aber mehrdeutig (RFC 8259, 4.): json nähme still
# den letzten Wert. kim_nrw meldet sie, damit nichts verloren geht, was der Absender schrieb.
_DECODER = json.JSONDecoder(parse_constant=_keine_konstante, object_pairs_hook=_eindeutig)
_DECODER_DOPPELT = json.JSONDecoder(
    parse_constant=_keine_konstante, object_pairs_hook=_merke_doppelte
)


class _JsonFehler(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


class _DoppelteSchluessel(Exception):
    def __init__(self, probleme: tuple[list[Problem], int], roh: object) -> None:
        self.probleme, self.weitere = probleme
        self.roh = roh


def _doppelte_probleme(wurzel: object) -> tuple[list[Problem], int]:
    """Jeder doppelte Schlüssel mit JSON-Pfad und allen Werten (ohne Rekursion: beliebig tief).

    Beschrieben werden höchstens :data:`~kim_nrw.fehler.MAX_PROBLEME`; die Zahl der übrigen
    steht an zweiter Stelle.
    """
    probleme: list[Problem] = []
    weitere = 0
    offen: list[tuple[str, object]] = [("$", wurzel)]
    while offen:
        pfad, wert = offen.pop()
        if isinstance(wert, dict):
            for schluessel, werte in getattr(wert, "doppelte", {}).items():
                if len(probleme) >= MAX_PROBLEME:
                    weitere += 1
                    continue
                probleme.append(
                    Problem(
                        _pfad(pfad, schluessel),
                        json_kurz(werte),
                        f"Schlüssel steht {len(werte)}-mal im selben Objekt (Werte in der "
                        "Reihenfolge des Dokuments); jeder Schlüssel darf nur einmal vorkommen",
                        "doppelter_schluessel",
                    )
                )
            offen.extend((_pfad(pfad, k), v) for k, v in reversed(wert.items()))
        elif isinstance(wert, list):
            offen.extend((f"{pfad}[{i}]", v) for i, v in reversed(list(enumerate(wert))))
    return probleme, weitere


def _json(daten: object) -> object:
    """Liest JSON-Text (str oder UTF-8-bytes) streng: kein NaN, kein Infinity."""
    if isinstance(daten, bytes | bytearray | memoryview):
        try:
            text = bytes(daten).decode("utf-8")
        except UnicodeDecodeError as fehler:
            raise _JsonFehler(
                Problem("$", "", f"kein UTF-8-Text (ungültiges Byte an Stelle {fehler.start})",
                        "kein_utf8")
            ) from None
    elif isinstance(daten, str):
        text = daten
    else:
        raise _JsonFehler(
            Problem("$", json_kurz(daten), "erwartet: JSON-Text als str oder bytes (UTF-8)",
                    "falscher_typ")
        )
    try:
        return _decodiere(_DECODER, text)
    except _Doppelt:
        pass
    # Derselbe Text noch einmal, diesmal mit allen Werten. Er kann hinter dem ersten
    # doppelten Schlüssel noch anders ungültig sein; das meldet _decodiere wie sonst.
    roh = _decodiere(_DECODER_DOPPELT, text)
    raise _DoppelteSchluessel(_doppelte_probleme(roh), roh)


def _decodiere(decoder: json.JSONDecoder, text: str) -> object:
    try:
        return decoder.decode(text)
    except json.JSONDecodeError as fehler:
        auszug = json_kurz(text[max(0, fehler.pos - 10) : fehler.pos + 10])
        raise _JsonFehler(
            Problem(
                "$",
                auszug,
                f"kein gültiges JSON (Zeile {fehler.lineno}, Spalte {fehler.colno}): {fehler.msg}",
                "ungueltiges_json",
            )
        ) from None
    except RecursionError:
        raise _JsonFehler(
            Problem("$", "", "kein lesbares JSON: zu tief verschachtelt", "zu_tief")
        ) from None
    except ValueError as fehler:  # NaN/Infinity, Zahlen mit zu vielen Ziffern
        raise _JsonFehler(
            Problem("$", "", f"kein gültiges JSON: {fehler}", "ungueltiges_json")
        ) from None


@overload
def lade(typ: type[_T], daten: str | bytes) -> _T: ...
@overload
def lade(typ: str, daten: str | bytes) -> Any: ...
def lade(typ: type[_T] | str, daten: str | bytes) -> _T | Any:
    """Liest ein Dokument aus JSON-Text, bringt alte Versionen auf den Stand und prüft es.

    ``typ`` ist der Name eines Dokumenttyps (``"foerderantrag"``) oder sein Modell.
    Wirft :class:`~kim_nrw.fehler.DokumentFehler` mit *allen* Problemen; die Pfade
    zeigen in das Dokument (``$.inhalt.stellen[2].anteil``), bei migrierten
    Dokumenten in die alte Form.

    >>> from kim_nrw.serial import lade
    >>> lade("foerderantrag", '{"dokument": "foerderantrag", "version": 1, "inhalt": '
    ...      '{"antragsteller": "05370", "programmteil": "KIM.B9", "zeitraum": 2021}}')
    Traceback (most recent call last):
    kim_nrw.fehler.DokumentFehler: Dokument 'foerderantrag': 2 Probleme
      $.inhalt.programmteil = "KIM.B9": ungültig; erwartet: einer der Werte "KI", ...
      $.inhalt.zeitraum = 2021: ungültig; erwartet: ein Zeitraum als ISO-8601-Intervall ...

    Referenzdaten (``Kreis``, ``KommunalesIntegrationszentrum``, ``Teilbeschreibung`` …,
    :mod:`kim_nrw.serial.referenz`) liest ``lade`` aus ihrer Form ohne Umschlag.

    Ein gültiges Dokument der aktuellen Version liest orjson (schneller Weg); bei jedem
    Zweifel – doppelte Schlüssel, ``\\u``-Escapes, Floats, ein Fehler – liest der JSON-Leser
    der Standardbibliothek den Text neu (voller Weg). Beide liefern dasselbe Ergebnis.
    """
    if not isinstance(typ, str) and _referenz.ist_referenz(typ):
        return _lade_referenz(typ, daten)
    art = _dokumenttyp(typ)
    # Schneller Weg: orjson liest, der Umschlag hat die aktuelle Version, der Inhalt geht in
    # einem Durchgang durch den schnellen Leser. Bei jedem Zweifel oder Fehler der volle Weg
    # mit dem JSON-Leser der Standardbibliothek: er meldet jedes Problem mit seinem Pfad.
    roh = _schnell_json(daten)
    if _aktueller_umschlag(roh, art):
        try:
            return KONVERTER.leser(art.modell)(roh["inhalt"], art.modell)
        except Exception:
            pass
        # Der volle Weg liest den Text neu (orjson macht aus großen Ganzzahlen Floats), aber
        # den Inhalt nur noch gründlich: kein Dokument geht dreimal durch den Leser. Was
        # orjson las, ist vorher frei (der Speicher eines großen Dokuments nicht doppelt).
        del roh
        return _lade_voll(art, daten, schnell=False)
    del roh
    return _lade_voll(art, daten)


def _aktueller_umschlag(roh: Any, art: Dokumenttyp) -> TypeGuard[dict[str, Any]]:
    """Ob ``roh`` ein Umschlag der aktuellen Version von ``art`` ist (dann genügt ein
    Durchgang durch den schnellen Leser, ohne Migration)."""
    return (
        roh.__class__ is dict
        and len(roh) == 3
        and roh.get("dokument") == art.name
        and roh.get("version").__class__ is int
        and roh["version"] == art.version
    )


def _lade_voll(art: Dokumenttyp, daten: str | bytes, *, schnell: bool = True) -> Any:
    """Der volle Weg: ``json`` mit ``object_pairs_hook``, dann Umschlag, Migration, Inhalt.

    Ohne ``schnell`` ist der schnelle Leser schon gescheitert; der Inhalt geht gleich in
    den gründlichen Durchgang (der auch ein gültiges Objekt liefert).
    """
    try:
        roh = _json(daten)
    except _JsonFehler as fehler:
        raise DokumentFehler((fehler.problem,), art.name) from None
    except _DoppelteSchluessel as doppelt:
        try:  # auch alle anderen Probleme melden (mit dem letzten Wert je Schlüssel)
            _lade_gruendlich(art, doppelt.roh)
        except DokumentFehler as fehler:
            raise DokumentFehler(
                [*doppelt.probleme, *fehler.probleme], art.name, doppelt.weitere + fehler.weitere
            ) from None
        raise DokumentFehler(doppelt.probleme, art.name, doppelt.weitere) from None
    if schnell and _aktueller_umschlag(roh, art):
        try:
            return KONVERTER.leser(art.modell)(roh["inhalt"], art.modell)
        except Exception:
            return _lade_gruendlich(art, roh, schnell=False)  # nicht ein drittes Mal lesen
    return _lade_gruendlich(art, roh, schnell=schnell)


_SCHNELL_MAX: Final = 256 * 1024
"""Größere Texte (Zeichen oder Bytes) liest gleich der volle Weg: ein Dokument von kim_nrw
hat wenige KB (ein Prüfergebnis etwa 10 KB), und ein feindliches großes Dokument soll
nicht zweimal gelesen werden (Zeit und Speicher wie ohne schnellen Weg)."""


def _schnell_json(daten: object) -> object:
    """JSON mit orjson gelesen – oder ``None``, wenn das nicht *genau* :func:`_json` gleicht.

    orjson nimmt bei doppelten Schlüsseln still den letzten Wert. Ob es welche gibt, zeigt
    eine Zählung: außerhalb von Texten steht ein Doppelpunkt in JSON nur nach einem
    Schlüssel, in Texten steht er wörtlich oder als ``\\u003a``. Ohne ``\\u`` im Dokument
    hat also die kompakte Form des Gelesenen (``orjson.dumps``, schreibt Doppelpunkte
    wörtlich) genau so viele Doppelpunkte wie das Dokument, wenn kein Schlüssel doppelt
    war – und für jeden verlorenen Schlüssel einen weniger. Mit ``\\u`` (Escapes) oder
    bei jedem Fehler von orjson: ``None`` und der volle Weg.

    Floats: orjson liefert Zahlen mit Punkt oder Exponent und Ganzzahlen über 64 Bit als
    ``float``. Kein Leser eines Modells nimmt ein ``float`` an (jeder prüft die genaue
    Klasse: ``str``, ``int``, ``bool``); ein Dokument mit einer solchen Zahl scheitert im
    schnellen Leser und wird auf dem vollen Weg neu gelesen (``tests/test_serial_schnell.py``
    prüft beides).
    """
    if not _MIT_ORJSON:  # pragma: no cover - ohne orjson
        return None
    if daten.__class__ is bytes:
        assert isinstance(daten, bytes)
        if len(daten) > _SCHNELL_MAX or b"\\u" in daten:
            return None
        doppelpunkte = daten.count(b":")
    elif daten.__class__ is str:
        assert isinstance(daten, str)
        if len(daten) > _SCHNELL_MAX or "\\u" in daten:
            return None
        doppelpunkte = daten.count(":")
    else:
        return None  # bytearray, memoryview, Falsches: der volle Weg prüft und meldet
    try:
        roh = _orjson_loads(daten)
        kompakt = _orjson_dumps(roh)  # schreibt höchstens 255 Ebenen tief, sonst ein Fehler
    except Exception:  # ungültiges JSON, kein UTF-8, BOM, zu tief: der volle Weg meldet es
        return None
    if kompakt.count(b":") != doppelpunkte:
        return None  # ein Schlüssel stand doppelt
    return roh


def _lade_referenz(typ: object, daten: str | bytes) -> Any:
    try:
        roh = _json(daten)
    except _JsonFehler as fehler:
        raise DokumentFehler((fehler.problem,), _referenz.REFERENZTYPEN[typ].form) from None
    except _DoppelteSchluessel as doppelt:
        raise DokumentFehler(doppelt.probleme, _referenz.REFERENZTYPEN[typ].form) from None
    return _referenz.strukturiere(typ, roh)


def _lade_gruendlich(art: Dokumenttyp, roh: object, *, schnell: bool = True) -> Any:
    probleme: list[Problem] = []
    weitere = 0
    if not isinstance(roh, dict):
        probleme.append(
            Problem(
                "$",
                json_kurz(roh),
                'erwartet: ein JSON-Objekt {"dokument": …, "version": …, "inhalt": {…}}',
                "kein_objekt",
            )
        )
        raise DokumentFehler(probleme, art.name)
    ohne = _ohne_umschlag(art, roh)
    if ohne is not None:
        raise DokumentFehler((ohne,), art.name)
    for schluessel in roh:
        if schluessel not in _UMSCHLAG:
            if len(probleme) >= MAX_PROBLEME:
                weitere += 1
                continue
            probleme.append(
                Problem(
                    _pfad("$", schluessel),
                    json_kurz(roh[schluessel]),
                    "unbekannter Schlüssel im Umschlag; erlaubt sind: dokument, version, inhalt",
                    "unbekannter_schluessel",
                )
            )
    if "dokument" not in roh:
        probleme.append(
            Problem("$.dokument", "(fehlt)", f"Pflichtfeld fehlt; erwartet: {art.name!r}",
                    "pflichtfeld")
        )
    elif roh["dokument"] != art.name:
        probleme.append(
            Problem("$.dokument", json_kurz(roh["dokument"]), f"erwartet: {art.name!r}",
                    "dokumenttyp")
        )
    version = roh.get("version")
    version_gut = False
    if "version" not in roh:
        probleme.append(
            Problem(
                "$.version",
                "(fehlt)",
                f"Pflichtfeld fehlt; erwartet: eine Zahl {art.aelteste}..{art.version}",
                "pflichtfeld",
            )
        )
    elif version.__class__ is not int:
        probleme.append(
            Problem(
                "$.version",
                json_kurz(version),
                f"erwartet: eine ganze Zahl {art.aelteste}..{art.version}",
                "version",
            )
        )
    elif version > art.version:
        probleme.append(
            Problem(
                "$.version",
                json_kurz(version),
                f"diese kim_nrw-Version kennt {art.name!r} nur bis Version {art.version}; "
                "eine neuere kim_nrw-Version installieren",
                "version",
            )
        )
    elif version < art.aelteste:
        probleme.append(
            Problem(
                "$.version",
                json_kurz(version),
                f"erwartet: eine Version {art.aelteste}..{art.version}",
                "version",
            )
        )
    else:
        version_gut = True
    if "inhalt" not in roh:
        probleme.append(
            Problem(
                "$.inhalt",
                "(fehlt)",
                f"Pflichtfeld fehlt; erwartet: ein {art.modell.__name__}",
                "pflichtfeld",
            )
        )
    elif version_gut:
        assert isinstance(version, int)
        inhalt, schritte = _migriere_inhalt(art, version, roh["inhalt"])
        ergebnis, befunde = KONVERTER.lies(art.modell, inhalt, "$.inhalt", schnell=schnell)
        weitere = befunde.weitere if isinstance(befunde, Befunde) else 0
        for befund in befunde:
            p = befund.problem()
            pfad = p.pfad
            for schritt in reversed(schritte):
                pfad = schritt.pfad_zurueck(pfad)
            probleme.append(p._replace(pfad=pfad))
        if not probleme:
            return ergebnis
    raise DokumentFehler(probleme, art.name, weitere)


def _ohne_umschlag(art: Dokumenttyp, roh: dict[str, object]) -> Problem | None:
    """Ein Problem statt vieler, wenn ``roh`` der Inhalt ohne Umschlag ist."""
    if _UMSCHLAG & roh.keys() or not roh:
        return None
    felder = {a.name for a in attrs.fields(art.modell)}
    if not (roh.keys() & felder):
        return None
    return Problem(
        "$",
        json_kurz(roh),
        f"das Dokument hat keinen Umschlag; gemeint ist wohl "
        f'{{"dokument": "{art.name}", "version": {art.version}, "inhalt": {{…}}}} mit '
        "diesem Objekt als inhalt",
        "ohne_umschlag",
    )


def _pfad(pfad: str, schluessel: str) -> str:
    if len(schluessel) <= 64 and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", schluessel):
        return f"{pfad}.{schluessel}"
    return f"{pfad}[{json_kurz(schluessel, 40)}]"


def _migriere_inhalt(
    art: Dokumenttyp, version: int, inhalt: object
) -> tuple[object, list[Migration]]:
    schritte: list[Migration] = []
    while version < art.version:
        schritt = art.migration(version)
        inhalt = schritt.umschreiben(inhalt)  # type: ignore[arg-type]
        schritte.append(schritt)
        version = schritt.nach
    return inhalt, schritte


def migriere(dokument: Mapping[str, Any]) -> JsonObjekt:
    """Bringt ein Dokument (Umschlag als dict) auf die aktuelle Version, ohne es zu prüfen.

    Gibt ein neues dict zurück; das übergebene bleibt unverändert.

    >>> from kim_nrw.serial import migriere
    >>> alt = {"dokument": "verwendungsnachweis", "version": 0, "inhalt": {"aktenzeichen": "A-1",
    ...     "ausgaben": [{"funktion": None, "betrag": "10.00",
    ...                   "zeitraum": {"beginn": "2021-01-01", "ende": "2021-06-30"}}]}}
    >>> neu = migriere(alt)
    >>> neu["version"], neu["inhalt"]["ausgaben"][0]["zeitraum"]
    (1, '2021-01-01/2021-06-30')
    """
    if not isinstance(dokument, Mapping):
        raise UngueltigeEingabe("dokument", json_kurz(dokument), "ein Umschlag als dict")
    art = _dokumenttyp(dokument.get("dokument"))
    version = dokument.get("version")
    if version.__class__ is not int or not art.aelteste <= version <= art.version:
        raise UngueltigeEingabe(
            "version", json_kurz(version), f"eine ganze Zahl {art.aelteste}..{art.version}"
        )
    # Erst eine eigene Kopie (und dabei prüfen, dass nur JSON-Werte darin stehen), dann
    # migrieren: wer das Ergebnis ändert, ändert nicht die Eingabe.
    kopie = _json_kopie(dokument.get("inhalt"), "$.inhalt")
    inhalt, _ = _migriere_inhalt(art, version, kopie)
    return {"dokument": art.name, "version": art.version, "inhalt": inhalt}


_JSON_WERT = (
    "ein JSON-Wert: dict mit Texten als Schlüssel, list, str, int, float, bool oder None "
    "(kein Tupel, keine Bytes, kein Datum, kein Decimal)"
)
_JSON_BLAETTER = (str, int, float, bool, type(None))


def _json_kopie(wert: object, pfad: str) -> object:
    """Eine tiefe Kopie eines JSON-Werts, ohne Rekursion (beliebig tief).

    Jeder andere Python-Wert (``memoryview``, ``bytes``, Tupel, ``date`` …) ist eine
    :class:`~kim_nrw.fehler.UngueltigeEingabe`, die seinen JSON-Pfad nennt.
    """
    if isinstance(wert, _JSON_BLAETTER):
        return wert
    wurzel: list[object] = [None]
    offen: list[tuple[object, object, object, str]] = [(wert, wurzel, 0, pfad)]
    while offen:
        quelle, ziel, stelle, ort = offen.pop()
        if isinstance(quelle, _JSON_BLAETTER):
            kopie: object = quelle
        elif isinstance(quelle, dict):
            neu: dict[str, object] = {}
            for schluessel, kind in quelle.items():
                if not isinstance(schluessel, str):
                    raise UngueltigeEingabe(f"{ort} (Schlüssel)", schluessel, _JSON_WERT)
                neu[schluessel] = None
                offen.append((kind, neu, schluessel, _pfad(ort, schluessel)))
            kopie = neu
        elif isinstance(quelle, list):
            liste: list[object] = [None] * len(quelle)
            offen.extend((kind, liste, i, f"{ort}[{i}]") for i, kind in enumerate(quelle))
            kopie = liste
        else:
            raise UngueltigeEingabe(ort, quelle, _JSON_WERT)
        ziel[stelle] = kopie  # type: ignore[index]
    return wurzel[0]


# -- Schreiben -----------------------------------------------------------------------------


def als_json(objekt: object, *, einrueckung: int | None = 2) -> str:
    """Schreibt ein Modell als Dokument mit Umschlag (kanonische Form, alle Felder).

    Schlüssel stehen in der Reihenfolge der Modellfelder; Nicht-ASCII bleibt lesbar
    (UTF-8). ``lade(typ, als_json(x)) == x`` gilt für jedes Modell.

    >>> from kim_nrw.recht import parameter
    >>> from kim_nrw.serial import als_json
    >>> print(als_json(parameter("ki.hoechstbetrag_kreis"), einrueckung=None)[:80])
    {"dokument": "parameter", "version": 3, "inhalt": {"name": "ki.hoechstbetrag_kre

    Referenzdaten und Pläne (:mod:`kim_nrw.serial.referenz`) haben keinen Umschlag: ihre
    Form trägt ``"ausgabe"`` und ``"version"`` selbst und ist genau die Ausgabe von
    ``kim-nrw … --json``.
    """
    if _referenz.ist_referenzobjekt(objekt):
        form = _referenz.entstrukturiere(objekt)
        return json.dumps(form, ensure_ascii=False, indent=einrueckung)
    art = _NACH_MODELL.get(type(objekt))
    if art is None:
        raise UngueltigeEingabe(
            "objekt",
            json_kurz(objekt),
            "ein Modell mit Dokumenttyp: "
            + ", ".join(d.modell.__name__ for d in DOKUMENTTYPEN.values()),
        )
    umschlag = {"dokument": art.name, "version": art.version, "inhalt": entstrukturiere(objekt)}
    return json.dumps(umschlag, ensure_ascii=False, indent=einrueckung)


# -- Struktur-Ebene (ohne Umschlag) --------------------------------------------------------


@overload
def struktur(typ: type[_T], daten: object) -> _T: ...
@overload
def struktur(typ: object, daten: object) -> Any: ...
def struktur(typ: object, daten: object) -> Any:
    """Macht aus JSON-Werten (dict, list, str, int …) ohne Umschlag ein Modell.

    ``typ`` ist ein Modell (:data:`~kim_nrw.serial.konverter.MODELLE`), ein Werttyp
    (``Betrag``, ``Zeitraum``, ``AGS``, ``Kommune`` …), eine Aufzählung oder der Name
    eines Dokumenttyps. Fehler: :class:`~kim_nrw.fehler.DokumentFehler` mit Pfaden ab
    ``$``. ``daten`` wird nicht verändert.

    >>> from kim_nrw.antrag import Stelle
    >>> from kim_nrw.gebiet import Kommune
    >>> from kim_nrw.serial import struktur
    >>> struktur(Stelle, {"funktion": "fachkraft", "anteil": 1}).anteil.wert
    Decimal('1')
    >>> struktur(Kommune, "05370").name
    'Heinsberg'
    """
    if isinstance(typ, str):
        return strukturiere(_dokumenttyp(typ).modell, daten)
    if _referenz.ist_referenz(typ) and (isinstance(daten, dict) or not _ist_blattwert(typ)):
        return _referenz.strukturiere(typ, daten)  # Referenzdaten aus ihrer Ausgabeform
    return strukturiere(typ, daten)


def _ist_blattwert(typ: object) -> bool:
    """Ob ``typ`` auch eine Blattform hat (Gebietseinheiten als Verweis mit ihrem Schlüssel)."""
    return KONVERTER.form(typ) is not None


def entstruktur(objekt: object) -> Any:
    """Die JSON-Form eines Modells (dict) oder Werts (str …), ohne Umschlag, kanonisch.

    Schreibt alle Felder, auch die mit Vorgabewert; ``struktur(type(x), entstruktur(x))
    == x`` gilt für jedes Modell.

    >>> from kim_nrw.geld import Betrag
    >>> from kim_nrw.serial import entstruktur
    >>> entstruktur(Betrag.parse("57.000 €"))
    '57000.00'

    Referenzdaten (Gebietseinheiten, KI, Programmteile und Programme) und Pläne schreibt
    ``entstruktur`` in ihrer Ausgabeform (:mod:`kim_nrw.serial.referenz`); *in* einem
    Dokument steht eine Kommune weiter als Verweis mit ihrem Schlüssel.
    """
    if _referenz.ist_referenzobjekt(objekt):
        return _referenz.entstrukturiere(objekt)
    return entstrukturiere(objekt)


assert all(d.modell in MODELLE for d in DOKUMENTTYPEN.values())

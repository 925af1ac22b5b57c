"""Benchmark: JSON-Bytes → geprüfter Förderantrag, kim_nrw gegen pydantic v2 und Handarbeit.

Aufruf: ``.venv/bin/python benchmarks/bench_serial.py``. Alle Messungen im selben
Lauf, der Garbage Collector bleibt an (``timeit`` mit ``gc.enable()``). Berichtet
wird das beste von sieben Wiederholungen als Ladevorgänge je Sekunde und die
Verhältnisse (nie als Test-Assertion):

* **kim_nrw** – :func:`kim_nrw.serial.lade` (Umschlag, Migrationsprüfung, Inhalt; liest
  gültige Dokumente mit orjson, sonst mit ``json``).
* **pydantic v2** – ``model_validate_json`` auf einem Modell derselben Form mit
  denselben Prüfungen: Umschlag, Schlüssel des Antragstellers aus dem Gebietsregister
  (``Literal``, also in Rust), NRW-Muster für AGS, Programmteil und Stellenfunktion als
  Aufzählung, Zeitraum als ISO-Intervall mit gültigen Tagen und Beginn ≤ Ende,
  Beträge als Text mit höchstens zwei Nachkommastellen oder ganze Zahl (nie Float),
  ``Decimal`` mit genau zwei Stellen, Stellenanteil 0 < x ≤ 1 ohne Float, Daten nur
  als ISO-Text, Wahrheitswerte streng, Texte bis 500 Zeichen, unbekannte Schlüssel
  verboten. Wo pydantic eine Prüfung selbst kann, macht es sie in Rust; Python-Code
  nur, wo es keine eingebaute gibt (Intervall, kein Float). Die Nachsicht von
  kim_nrw (deutsche Beträge, ``"0,5"``) hat das pydantic-Modell *nicht* – das
  begünstigt pydantic, ebenso dass nur kim_nrw doppelte Schlüssel in einem
  JSON-Objekt meldet (pydantic und Handarbeit nehmen still den letzten Wert).
* **Handarbeit** – ein von Hand geschriebener Lader in reinem Python, der genau
  diesen Antrag mit denselben Prüfungen in dieselben kim_nrw-Objekte liest: die
  praktische Grenze für Python-Code.
* **Untergrenze** – nur ``json.loads`` und dieselben Objekte anlegen, ohne jede
  Prüfung; **nur json** – ``json.loads`` allein. Die beiden zeigen, wie viel
  der Zeit kein Prüfcode ist, sondern Lesen und Anlegen.

Dazu zwei Messungen, die zeigen, was ein Aufrufer erlebt, der viele Anträge liest:

* **Stapel** – 100.000 Dokumente nacheinander geladen und alle in einer Liste
  *gehalten* (Garbage Collector an, wie in Issue 14 beschrieben): hier zählt auch,
  wie viel Arbeit die gehaltenen Objekte dem Garbage Collector machen. Bestes von
  drei Wiederholungen, kim_nrw und pydantic abwechselnd. Einmal 100.000-mal dasselbe
  Dokument (das Maß des Issues), einmal 100.000 verschiedene (:func:`verschiedene`):
  dasselbe Dokument begünstigt kim_nrw, das gleiche Schlüssel, Zeiträume und
  Stellenanteile teilt.
* **Speicher** je geladenem Antrag (``tracemalloc``, 2000 Anträge gehalten).

Jede Zahl nennt ihr eigenes Ziel: ein Dokument ≥ 0,8× pydantic, der Stapel ≥ 1,2×,
Speicher ≤ 0,5×. pydantic wird nur hier importiert, nie vom Paket ``kim_nrw``.
"""

from __future__ import annotations

import datetime as dt
import gc
import inspect
import json
import re
import sys
import time
import timeit
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any, Literal

from kim_nrw.antrag import Foerderantrag, Stelle, Stellenfunktion, Weiterleitung
from kim_nrw.gebiet import AGS, Kreisschluessel
from kim_nrw.geld import Betrag, Stellenanteil
from kim_nrw.programme import Programmteil
from kim_nrw.serial import lade
from kim_nrw.serial.werte import kommunalschluessel
from kim_nrw.zeit import Zeitraum

WIEDERHOLUNGEN = 7
ANZAHL = 20_000
STAPEL = 100_000
STAPEL_WIEDERHOLUNGEN = 3

DOKUMENT = {
    "dokument": "foerderantrag",
    "version": 2,
    "inhalt": {
        "antragsteller": "05370",
        "programmteile": ["KIM.B2"],
        "zeitraum": "2021-01-01/2021-12-31",
        "stellen": [
            {"funktion": "case_management", "anteil": "1", "bezeichnung": "Erkelenz"},
            {"funktion": "case_management", "anteil": "1", "bezeichnung": "Heinsberg"},
            {"funktion": "case_management", "anteil": "0.5", "bezeichnung": "Wegberg"},
        ],
        "sonstige_kosten": "1200.00",
        "beantragter_betrag": "140000.00",
        "antragsdatum": "2021-02-09",
        "ki_vorhanden": True,
        "ratsbeschluss": "2020-12-17",
        "weiterleitungen": [
            {"empfaenger": "DRK-Kreisverband Heinsberg", "betrag": "55000.00", "ags": None},
            {"empfaenger": "Stadt Erkelenz", "betrag": "27500.00", "ags": "05370004"},
        ],
    },
}
ROH = json.dumps(DOKUMENT, ensure_ascii=False).encode("utf-8")


# -- Handarbeit: derselbe Antrag, dieselben Prüfungen, von Hand ---------------------------

_neu = object.__new__
# Slots direkt setzen: so schnell, wie reines Python ein geprüftes Objekt anlegt.


def _slot(klasse: type, name: str) -> Callable[[object, object], None]:
    setzer: Callable[[object, object], None] = inspect.getattr_static(klasse, name).__set__
    return setzer


_ags_wert = _slot(AGS, "wert")
_betrag_wert = _slot(Betrag, "wert")
_foerderantrag_antragsdatum = _slot(Foerderantrag, "antragsdatum")
_foerderantrag_antragsteller = _slot(Foerderantrag, "antragsteller")
_foerderantrag_beantragter_betrag = _slot(Foerderantrag, "beantragter_betrag")
_foerderantrag_ki_vorhanden = _slot(Foerderantrag, "ki_vorhanden")
_foerderantrag_programmteile = _slot(Foerderantrag, "programmteile")
_foerderantrag_ratsbeschluss = _slot(Foerderantrag, "ratsbeschluss")
_foerderantrag_sonstige_kosten = _slot(Foerderantrag, "sonstige_kosten")
_foerderantrag_stellen = _slot(Foerderantrag, "stellen")
_foerderantrag_weiterleitungen = _slot(Foerderantrag, "weiterleitungen")
_foerderantrag_zeitraum = _slot(Foerderantrag, "zeitraum")
_foerderantrag_treffpunkte = _slot(Foerderantrag, "ankommenstreffpunkte")
_stelle_anteil = _slot(Stelle, "anteil")
_stelle_bezeichnung = _slot(Stelle, "bezeichnung")
_stelle_funktion = _slot(Stelle, "funktion")
_stellenanteil_wert = _slot(Stellenanteil, "wert")
_weiterleitung_ags = _slot(Weiterleitung, "ags")
_weiterleitung_betrag = _slot(Weiterleitung, "betrag")
_weiterleitung_empfaenger = _slot(Weiterleitung, "empfaenger")
_zeitraum_beginn = _slot(Zeitraum, "beginn")
_zeitraum_ende = _slot(Zeitraum, "ende")
_ANTRAG_SLOTS = {
    name: _slot(Foerderantrag, name)
    for name in ("integrationskonzept", "lenkungsgruppe", "kim_konzept", "koordination_am_ki",
                 "eigene_auslaenderbehoerde", "zusatzstelle", "andere_foerderung")
}  # fmt: skip
_BETRAG = re.compile(r"(?:0|[1-9][0-9]{0,14})\.[0-9]{2}", re.ASCII).fullmatch
_ANTEIL = re.compile(r"1|0\.[0-9]{0,5}[1-9]", re.ASCII).fullmatch
_DATUM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII).fullmatch
_AGS = re.compile(r"05[13579][0-9]{5}", re.ASCII).fullmatch
_PROGRAMMTEIL = {p.value: p for p in Programmteil}


def _teile(werte: object) -> tuple[Programmteil, ...]:
    if werte.__class__ is not list or not werte:
        raise _Falsch(werte)
    teile = tuple(_PROGRAMMTEIL[w] for w in werte)
    if len(set(teile)) != len(teile) or list(teile) != sorted(teile, key=list(Programmteil).index):
        raise _Falsch(werte)
    return teile
_FUNKTION = {f.value: f for f in Stellenfunktion}
_ANTRAG_FELDER = frozenset(f.name for f in Foerderantrag.__attrs_attrs__)
_STELLE_FELDER = frozenset(("funktion", "anteil", "bezeichnung"))
_WEITER_FELDER = frozenset(("empfaenger", "betrag", "ags"))
_OPTIONAL_NONE = (
    "integrationskonzept", "lenkungsgruppe", "kim_konzept", "koordination_am_ki",
    "eigene_auslaenderbehoerde", "zusatzstelle", "andere_foerderung",
)  # fmt: skip


class _Falsch(ValueError):
    pass


def _betrag(wert: object) -> Betrag:
    if wert.__class__ is not str or not _BETRAG(wert):
        raise _Falsch(wert)
    b = _neu(Betrag)
    _betrag_wert(b, Decimal(wert))
    return b


def _datum(wert: object) -> dt.date:
    if wert.__class__ is not str or not _DATUM(wert):
        raise _Falsch(wert)
    return dt.date.fromisoformat(wert)


def _text(wert: object, leer: bool = True) -> str:
    if wert.__class__ is not str or len(wert) > 500 or (not leer and not wert.strip()):
        raise _Falsch(wert)
    return wert


def handarbeit(roh: bytes) -> Foerderantrag:
    """Liest genau die Form des Benchmark-Dokuments; wirft bei jeder Abweichung."""
    d = json.loads(roh)
    if d.keys() != {"dokument", "version", "inhalt"} or d["dokument"] != "foerderantrag":
        raise _Falsch(d)
    if d["version"].__class__ is not int or d["version"] != 2:
        raise _Falsch(d)
    o = d["inhalt"]
    if o.__class__ is not dict or not o.keys() <= _ANTRAG_FELDER:
        raise _Falsch(o)
    text = o["antragsteller"]
    if text.__class__ is not str or text not in _SCHLUESSEL:
        raise _Falsch(text)
    art = Kreisschluessel if len(text) == 5 else AGS
    schluessel = _neu(art)
    _ags_wert(schluessel, text)
    z = o["zeitraum"]
    if z.__class__ is not str or len(z) != 21 or z[10] != "/":
        raise _Falsch(z)
    beginn, ende = _datum(z[:10]), _datum(z[11:])
    if beginn > ende:
        raise _Falsch(z)
    zeitraum = _neu(Zeitraum)
    _zeitraum_beginn(zeitraum, beginn)
    _zeitraum_ende(zeitraum, ende)
    stellen = []
    for s in o.get("stellen", ()):
        if s.__class__ is not dict or not s.keys() <= _STELLE_FELDER:
            raise _Falsch(s)
        a = s["anteil"]
        if a.__class__ is not str or not _ANTEIL(a):
            raise _Falsch(a)
        anteil = _neu(Stellenanteil)
        _stellenanteil_wert(anteil, Decimal(a))
        stelle = _neu(Stelle)
        _stelle_funktion(stelle, _FUNKTION[s["funktion"]])
        _stelle_anteil(stelle, anteil)
        _stelle_bezeichnung(stelle, _text(s.get("bezeichnung", "")))
        stellen.append(stelle)
    weiter = []
    for w in o.get("weiterleitungen", ()):
        if w.__class__ is not dict or not w.keys() <= _WEITER_FELDER:
            raise _Falsch(w)
        ags = w.get("ags")
        if ags is not None:
            if ags.__class__ is not str or not _AGS(ags):
                raise _Falsch(ags)
            wert = ags
            ags = _neu(AGS)
            _ags_wert(ags, wert)
        wl = _neu(Weiterleitung)
        _weiterleitung_empfaenger(wl, _text(w["empfaenger"], False))
        _weiterleitung_betrag(wl, _betrag(w["betrag"]))
        _weiterleitung_ags(wl, ags)
        weiter.append(wl)
    ki = o.get("ki_vorhanden")
    if ki is not None and ki is not True and ki is not False:
        raise _Falsch(ki)
    rb = o.get("ratsbeschluss")
    if rb is not None and rb is not True and rb is not False:
        rb = _datum(rb)
    antrag = _neu(Foerderantrag)
    _foerderantrag_antragsteller(antrag, schluessel)
    _foerderantrag_programmteile(antrag, _teile(o["programmteile"]))
    _foerderantrag_zeitraum(antrag, zeitraum)
    _foerderantrag_stellen(antrag, tuple(stellen))
    _foerderantrag_sonstige_kosten(antrag, _betrag(o.get("sonstige_kosten", "0.00")))
    _foerderantrag_beantragter_betrag(antrag, _betrag(o["beantragter_betrag"]))
    _foerderantrag_antragsdatum(antrag, _datum(o["antragsdatum"]))
    _foerderantrag_ki_vorhanden(antrag, ki)
    _foerderantrag_ratsbeschluss(antrag, rb)
    _foerderantrag_weiterleitungen(antrag, tuple(weiter))
    for name in _OPTIONAL_NONE:
        if o.get(name) is not None:
            raise _Falsch(name)  # im Benchmark-Dokument nicht belegt
        _ANTRAG_SLOTS[name](antrag, None)
    if o.get("ankommenstreffpunkte", []) != []:
        raise _Falsch(o["ankommenstreffpunkte"])  # im Benchmark-Dokument nicht belegt
    _foerderantrag_treffpunkte(antrag, ())
    return antrag


_SCHLUESSEL = frozenset(kommunalschluessel())


def _ohne_pruefung_betrag(text: str) -> Betrag:
    b = _neu(Betrag)
    _betrag_wert(b, Decimal(text))
    return b


def untergrenze(roh: bytes) -> Foerderantrag:
    """Nur ``json.loads`` und dieselben Objekte anlegen, *ohne jede Prüfung*.

    Das ist die Untergrenze jedes Python-Laders, der diese Objekte aus der
    Standardbibliothek-JSON baut: schneller geht es nur mit weniger Arbeit
    (anderer JSON-Leser in C, weniger Objekte), nicht mit besserem Prüfcode.
    """
    o = json.loads(roh)["inhalt"]
    schluessel = _neu(Kreisschluessel)
    _ags_wert(schluessel, o["antragsteller"])
    z = o["zeitraum"]
    zeitraum = _neu(Zeitraum)
    _zeitraum_beginn(zeitraum, dt.date.fromisoformat(z[:10]))
    _zeitraum_ende(zeitraum, dt.date.fromisoformat(z[11:]))
    stellen = []
    for s in o["stellen"]:
        anteil = _neu(Stellenanteil)
        _stellenanteil_wert(anteil, Decimal(s["anteil"]))
        stelle = _neu(Stelle)
        _stelle_funktion(stelle, _FUNKTION[s["funktion"]])
        _stelle_anteil(stelle, anteil)
        _stelle_bezeichnung(stelle, s["bezeichnung"])
        stellen.append(stelle)
    weiter = []
    for w in o["weiterleitungen"]:
        ags = w["ags"]
        if ags is not None:
            wert = ags
            ags = _neu(AGS)
            _ags_wert(ags, wert)
        wl = _neu(Weiterleitung)
        _weiterleitung_empfaenger(wl, w["empfaenger"])
        _weiterleitung_betrag(wl, _ohne_pruefung_betrag(w["betrag"]))
        _weiterleitung_ags(wl, ags)
        weiter.append(wl)
    antrag = _neu(Foerderantrag)
    _foerderantrag_antragsteller(antrag, schluessel)
    _foerderantrag_programmteile(antrag, tuple(_PROGRAMMTEIL[w] for w in o["programmteile"]))
    _foerderantrag_zeitraum(antrag, zeitraum)
    _foerderantrag_stellen(antrag, tuple(stellen))
    _foerderantrag_sonstige_kosten(antrag, _ohne_pruefung_betrag(o["sonstige_kosten"]))
    _foerderantrag_beantragter_betrag(antrag, _ohne_pruefung_betrag(o["beantragter_betrag"]))
    _foerderantrag_antragsdatum(antrag, dt.date.fromisoformat(o["antragsdatum"]))
    _foerderantrag_ki_vorhanden(antrag, o["ki_vorhanden"])
    _foerderantrag_ratsbeschluss(antrag, dt.date.fromisoformat(o["ratsbeschluss"]))
    _foerderantrag_weiterleitungen(antrag, tuple(weiter))
    for setze in _ANTRAG_SLOTS.values():
        setze(antrag, None)
    _foerderantrag_treffpunkte(antrag, ())
    return antrag


# -- pydantic v2: dasselbe Modell ---------------------------------------------------------


def pydantic_modell() -> Any:
    """Das pydantic-v2-Dokumentmodell gleicher Form und gleicher Prüfungen."""
    import pydantic
    from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict, StrictBool

    fest = ConfigDict(frozen=True, extra="forbid")
    betrag_text = r"^(0|[1-9][0-9]{0,14})(\.[0-9]{1,2})?$"

    def zwei_stellen(wert: int | str) -> Decimal:
        text = str(wert)
        ganz, _, cent = text.partition(".")
        return Decimal(f"{ganz}.{cent.ljust(2, '0')}")

    BetragP = Annotated[
        pydantic.StrictInt | Annotated[str, Field(pattern=betrag_text)],
        AfterValidator(zwei_stellen),
    ]
    AnteilP = Annotated[
        pydantic.StrictInt | Annotated[str, Field(pattern=r"^[01](\.[0-9]{1,6})?$")],
        AfterValidator(_anteil_bereich),
    ]
    Datum = Annotated[dt.date, Strict()]
    Text = Annotated[str, Field(max_length=500)]
    Pflichttext = Annotated[str, Field(max_length=500, pattern=r"\S")]
    AGSP = Annotated[str, Field(pattern=r"^05[13579][0-9]{5}$")]

    class ZeitraumP(BaseModel):
        model_config = fest
        beginn: dt.date
        ende: dt.date

    def zeitraum(wert: str) -> ZeitraumP:
        if len(wert) != 21 or wert[10] != "/":
            raise ValueError("ein ISO-Intervall JJJJ-MM-TT/JJJJ-MM-TT")
        beginn, ende = dt.date.fromisoformat(wert[:10]), dt.date.fromisoformat(wert[11:])
        if beginn > ende:
            raise ValueError("beginn <= ende")
        return ZeitraumP(beginn=beginn, ende=ende)

    ZeitraumT = Annotated[
        Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}/[0-9]{4}-[0-9]{2}-[0-9]{2}$")],
        AfterValidator(zeitraum),
    ]

    class StelleP(BaseModel):
        model_config = fest
        funktion: Stellenfunktion
        anteil: AnteilP
        bezeichnung: Text = ""

    class WeiterleitungP(BaseModel):
        model_config = fest
        empfaenger: Pflichttext
        betrag: BetragP
        ags: AGSP | None = None

    class DrittmittelP(BaseModel):
        model_config = fest
        geber: Pflichttext
        betrag: BetragP
        gleicher_zweck: StrictBool

    class ZusatzstelleP(BaseModel):
        model_config = fest
        gemeinde: AGSP
        auslaenderbehoerde: StrictBool | None = None
        jugendamt: StrictBool | None = None
        integrationsrat: StrictBool | None = None

    Nachweis = Datum | StrictBool | None

    class AntragP(BaseModel):
        model_config = fest
        antragsteller: Literal[tuple(kommunalschluessel())]  # type: ignore[valid-type]
        programmteile: tuple[Programmteil, ...] = Field(min_length=1)
        zeitraum: ZeitraumT
        stellen: tuple[StelleP, ...] = ()
        sonstige_kosten: BetragP = Decimal("0.00")  # type: ignore[assignment]
        beantragter_betrag: BetragP | None = None
        antragsdatum: Datum | None = None
        ki_vorhanden: StrictBool | None = None
        ratsbeschluss: Nachweis = None
        integrationskonzept: Nachweis = None
        lenkungsgruppe: StrictBool | None = None
        kim_konzept: StrictBool | None = None
        koordination_am_ki: StrictBool | None = None
        eigene_auslaenderbehoerde: StrictBool | None = None
        zusatzstelle: ZusatzstelleP | None = None
        weiterleitungen: tuple[WeiterleitungP, ...] = ()
        andere_foerderung: tuple[DrittmittelP, ...] | None = None

    class DokumentP(BaseModel):
        model_config = fest
        dokument: Literal["foerderantrag"]
        version: Literal[2]
        inhalt: AntragP

    return DokumentP


def _anteil_bereich(wert: int | str) -> Decimal:
    anteil = Decimal(wert)
    if not 0 < anteil <= 1:
        raise ValueError("0 < anteil <= 1")
    return anteil


# -- Messen -------------------------------------------------------------------------------


def _je_sekunde(funktion: Callable[[], object]) -> float:
    zeiten = timeit.repeat(funktion, "gc.enable()", number=ANZAHL, repeat=WIEDERHOLUNGEN)
    return ANZAHL / min(zeiten)


def _stapel_je_sekunde(funktion: Callable[[bytes], object], dokumente: list[bytes]) -> float:
    """Dokumente je Sekunde, wenn alle Ergebnisse gehalten werden (GC an)."""
    gc.collect()
    gc.enable()
    beginn = time.perf_counter()
    gehalten = [funktion(roh) for roh in dokumente]
    dauer = time.perf_counter() - beginn
    assert len(gehalten) == len(dokumente)
    del gehalten
    gc.collect()
    return len(dokumente) / dauer


def verschiedene(anzahl: int) -> list[bytes]:
    """``anzahl`` verschiedene Anträge derselben Form: Antragsteller aus dem ganzen Register,
    Jahre 2020–2026, Beträge auf den Cent, Stellenanteile, Bezeichnungen und Empfänger je
    Antrag anders. So zeigt der Stapel auch, was das Teilen gleicher Werte (Schlüssel,
    Zeiträume, Stellenanteile) bei echten Daten bringt – nicht nur bei einem wiederholten
    Dokument."""
    schluessel = kommunalschluessel()
    anteile = ("1", "0.5", "0.75", "0.25", "0.8", "0.6")
    ags = [s for s in schluessel if len(s) == 8]
    ergebnis = []
    for i in range(anzahl):
        jahr = 2020 + i % 7
        inhalt = {
            **DOKUMENT["inhalt"],  # type: ignore[dict-item]
            "antragsteller": schluessel[i % len(schluessel)],
            "zeitraum": f"{jahr}-01-01/{jahr}-12-31",
            "stellen": [
                {"funktion": "case_management", "anteil": anteile[(i + j) % len(anteile)],
                 "bezeichnung": f"Stelle {i}-{j}"}
                for j in range(3)
            ],
            "sonstige_kosten": f"{(i * 7919) % 500_000 // 100}.{i % 100:02d}",
            "beantragter_betrag": f"{100_000 + (i * 104_729) % 900_000}.{(i * 7) % 100:02d}",
            "antragsdatum": f"{jahr}-02-{1 + i % 28:02d}",
            "weiterleitungen": [
                {"empfaenger": f"Träger {i}", "betrag": f"{(i * 31) % 60_000}.{i % 97:02d}",
                 "ags": None},
                {"empfaenger": f"Gemeinde {i}", "betrag": f"{(i * 17) % 30_000}.00",
                 "ags": ags[i % len(ags)]},
            ],
        }  # fmt: skip
        dokument = {"dokument": "foerderantrag", "version": 2, "inhalt": inhalt}
        ergebnis.append(json.dumps(dokument, ensure_ascii=False).encode("utf-8"))
    return ergebnis


def _bytes_je_objekt(funktion: Callable[[], object], anzahl: int = 2000) -> float:
    gc.collect()
    tracemalloc.start()
    vorher = tracemalloc.get_traced_memory()[0]
    gehalten = [funktion() for _ in range(anzahl)]
    nachher = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert len(gehalten) == anzahl
    return (nachher - vorher) / anzahl


def main() -> None:
    """Misst und druckt die Tabelle."""
    assert "pydantic" not in sys.modules, "kim_nrw darf pydantic nicht importieren"
    modell = pydantic_modell()

    kim = lade("foerderantrag", ROH)
    assert handarbeit(ROH) == kim, "Handarbeit liest anders als kim_nrw"
    assert untergrenze(ROH) == kim, "Untergrenze liest anders als kim_nrw"
    pyd = modell.model_validate_json(ROH).inhalt
    assert pyd.beantragter_betrag == kim.beantragter_betrag.wert
    assert [s.anteil for s in pyd.stellen] == [s.anteil.wert for s in kim.stellen]

    def mit_kim() -> object:
        return lade("foerderantrag", ROH)

    def mit_pydantic() -> object:
        return modell.model_validate_json(ROH)

    def mit_hand() -> object:
        return handarbeit(ROH)

    def ohne_pruefung() -> object:
        return untergrenze(ROH)

    def nur_json() -> object:
        return json.loads(ROH)

    laeufe = {"kim_nrw": mit_kim, "pydantic": mit_pydantic, "Handarbeit": mit_hand,
              "Untergrenze": ohne_pruefung, "nur json": nur_json}  # fmt: skip
    raten = dict.fromkeys(laeufe, 0.0)
    for _ in range(2):  # abwechselnd, damit Wärme und Takt alle gleich treffen
        for name, funktion in laeufe.items():
            raten[name] = max(raten[name], _je_sekunde(funktion))
    gleich = [ROH] * STAPEL
    anders = verschiedene(STAPEL)
    assert lade("foerderantrag", anders[1]) != lade("foerderantrag", anders[2])
    modell.model_validate_json(anders[1])
    stapel_laeufe: dict[str, Callable[[bytes], object]] = {
        "kim_nrw": lambda roh: lade("foerderantrag", roh),
        "pydantic": modell.model_validate_json,
    }
    stapel = dict.fromkeys(stapel_laeufe, 0.0)
    stapel_anders = dict.fromkeys(stapel_laeufe, 0.0)
    for _ in range(STAPEL_WIEDERHOLUNGEN):
        for name, lader in stapel_laeufe.items():
            stapel[name] = max(stapel[name], _stapel_je_sekunde(lader, gleich))
            stapel_anders[name] = max(stapel_anders[name], _stapel_je_sekunde(lader, anders))
    del gleich, anders
    speicher = {name: _bytes_je_objekt(funktion) for name, funktion in laeufe.items()}
    print(f"Dokument: {len(ROH)} Bytes, Förderantrag mit 3 Stellen und 2 Weiterleitungen")
    print(f"Python {sys.version.split()[0]}, pydantic {sys.modules['pydantic'].VERSION}")
    print("Ein Dokument (bestes von 2 × 7 Wiederholungen zu je 20.000, nichts gehalten):")
    for name, rate in raten.items():
        je = f"{speicher[name]:7.0f} B je Antrag"
        print(f"  {name:<11} {rate:>10,.0f} /s  {1e6 / rate:6.2f} µs  {je}")
    print(f"Stapel: {STAPEL:_} Dokumente, alle gehalten, GC an (bestes von ".replace("_", ".")
          + f"{STAPEL_WIEDERHOLUNGEN}):")  # fmt: skip
    for art, raten_stapel in (("dasselbe", stapel), ("verschiedene", stapel_anders)):
        for name, rate in raten_stapel.items():
            print(f"  {name:<11} {rate:>10,.0f} /s  {1e6 / rate:6.2f} µs je Dokument ({art})")
    print(f"kim_nrw / pydantic, ein Dokument: {raten['kim_nrw'] / raten['pydantic']:.2f}× "
          "so schnell (Ziel ≥ 0,8)")  # fmt: skip
    print(f"kim_nrw / pydantic, Stapel:       {stapel['kim_nrw'] / stapel['pydantic']:.2f}× "
          f"so schnell (Ziel ≥ 1,2)")  # fmt: skip
    print(f"kim_nrw / pydantic, Stapel verschiedener Dokumente: "
          f"{stapel_anders['kim_nrw'] / stapel_anders['pydantic']:.2f}× so schnell")  # fmt: skip
    print(f"Speicher kim_nrw / pydantic:      {speicher['kim_nrw'] / speicher['pydantic']:.2f} "
          "(Ziel ≤ 0,5)")  # fmt: skip
    print(f"Handarbeit / kim_nrw:  {raten['Handarbeit'] / raten['kim_nrw']:.2f}× "
          "(Abstand zur Grenze, Ziel ≤ 1,7)")  # fmt: skip
    print(f"Untergrenze / pydantic: {raten['Untergrenze'] / raten['pydantic']:.2f}× "
          "(json.loads + Objekte ohne jede Prüfung: mehr erreicht kein Python-Lader "
          "mit diesen Objekten und der JSON-Bibliothek der Standardbibliothek)")  # fmt: skip


if __name__ == "__main__":
    main()

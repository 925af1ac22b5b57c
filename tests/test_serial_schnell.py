"""Differenztest: der schnelle Weg von ``lade`` (orjson) und der volle Weg liefern dasselbe.

Der volle Weg (:func:`kim_nrw.serial.dokument._lade_voll`) liest mit dem JSON-Leser der
Standardbibliothek und ``object_pairs_hook``; er ist der Maßstab. Für jede Eingabe gilt:
``lade`` gibt dasselbe Objekt zurück wie der volle Weg, oder es wirft denselben
:class:`~kim_nrw.fehler.DokumentFehler` (dieselben Probleme mit denselben Pfaden, dieselbe
Zahl weiterer, derselbe Text).

Eingaben: gültige Dokumente aus den Strategien von :mod:`kim_nrw.testing` und den
Golden-Dateien, jedes als Text und als Bytes, mit Escapes und Leerraum, und dieselben mit
Störungen, die genau die Stellen treffen, an denen orjson anders liest als ``json``:
doppelte Schlüssel (auch hinter ``\\u``-Escapes und Doppelpunkten in Texten), Zahlen mit
Punkt oder Exponent, Ganzzahlen über 64 Bit, BOM, kein UTF-8, Surrogate, Tiefe, unbekannte
Schlüssel – dazu ein zufälliges Verändern einzelner Bytes (fester Startwert, also
wiederholbar).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kim_nrw.antrag import Foerderantrag
from kim_nrw.fehler import DokumentFehler
from kim_nrw.serial import DOKUMENTTYPEN, als_json, lade
from kim_nrw.serial import dokument as _dokument
from kim_nrw.testing import foerderantraege, verwendungsnachweise, zuwendungsbescheide

GOLDEN = Path(__file__).parent / "golden"

ANTRAG = {
    "dokument": "foerderantrag",
    "version": 2,
    "inhalt": {
        "antragsteller": "05370",
        "programmteile": ["KIM.B2"],
        "zeitraum": "2021-01-01/2021-12-31",
        "stellen": [
            {"funktion": "case_management", "anteil": "1", "bezeichnung": "Erkelenz: Mitte"},
            {"funktion": "case_management", "anteil": "0.5", "bezeichnung": "Wegberg"},
        ],
        "sonstige_kosten": "1200.00",
        "beantragter_betrag": 140000,
        "antragsdatum": "2021-02-09",
        "ki_vorhanden": True,
        "ratsbeschluss": "2020-12-17",
        "weiterleitungen": [
            {"empfaenger": "DRK-Kreisverband Heinsberg", "betrag": "55000.00", "ags": None},
            {"empfaenger": "Stadt Erkelenz", "betrag": "27500.00", "ags": "05370004"},
        ],
    },
}


def _ausgang(aufruf: Callable[[], object]) -> tuple[Any, ...]:
    """Das Ergebnis eines Ladens: das Objekt oder der vollständige Fehlerbericht."""
    try:
        return ("objekt", aufruf())
    except DokumentFehler as fehler:
        return ("fehler", fehler.probleme, fehler.weitere, fehler.dokument, str(fehler))


def _gleich(typ: str, daten: str | bytes) -> None:
    """``lade`` (mit schnellem Weg) und der volle Weg geben dasselbe Ergebnis."""
    art = DOKUMENTTYPEN[typ]
    schnell = _ausgang(lambda: lade(typ, daten))
    voll = _ausgang(lambda: _dokument._lade_voll(art, daten))
    assert schnell == voll


def _beide(typ: str, text: str) -> None:
    _gleich(typ, text)
    try:
        roh = text.encode("utf-8")
    except UnicodeEncodeError:  # Surrogate: nur als str
        return
    _gleich(typ, roh)


# -- Störungen -------------------------------------------------------------------------------

_ERSATZ = [
    "1.0", "1e2", "0.5", "-0", "-0.0", "1E-2", "18446744073709551615", "18446744073709551616",
    "-9223372036854775809", str(10**30), "1" * 400, "true", "false", "null", '""', "[]",
    "{}", '"\\u0030\\u0035\\u0033\\u0037\\u0030"', '"a\\u003ab"', '"\\ud800"', '"x:y"',
    '"57000.00"', "57000", '"0,5"', "[1.5]", '{"a": 1.5}', "NaN", "Infinity",
]  # fmt: skip


def _stoerungen(text: str, zufall: random.Random) -> list[str]:
    """Texte nahe ``text``: jede Störung eine, die orjson anders lesen könnte als json."""
    ergebnis = [text, " \n" + text + "\t", text.replace(": ", ":"), "\ufeff" + text]
    ergebnis.append(json.dumps(json.loads(text), ensure_ascii=True))  # Umlaute als \\u-Escapes
    # doppelte Schlüssel: ein vorhandener Schlüssel noch einmal, vorn oder hinten im Objekt
    for _ in range(3):
        stellen = [i for i in range(len(text)) if text.startswith('": ', i)]
        if not stellen:
            break
        ende = zufall.choice(stellen)
        anfang = text.rfind('"', 0, ende) + 1
        schluessel = text[anfang:ende]
        klammer = text.rfind("{", 0, anfang)
        wert = zufall.choice(_ERSATZ)
        ergebnis.append(f'{text[: klammer + 1]}"{schluessel}": {wert}, {text[klammer + 1 :]}')
        # dieselbe Dopplung, dazu ein Doppelpunkt als Escape in einem Text (zählt gleich)
        doppelt = f'{text[: klammer + 1]}"{schluessel}": "\\u003a", {text[klammer + 1 :]}'
        ergebnis.append(doppelt.replace('"\\u003a", ', '"a\\u003ab", ', 1))
    # ein Wert ersetzt: Zahlen, die orjson als Float liest, große Ganzzahlen, Escapes …
    werte = [i for i in range(len(text)) if text.startswith(": ", i)]
    for _ in range(6):
        if not werte:
            break
        start = zufall.choice(werte) + 2
        ende = start
        while ende < len(text) and text[ende] not in ",}]":
            if text[ende] in "[{":
                break
            ende += 1
        if ende > start:
            ergebnis.append(text[:start] + zufall.choice(_ERSATZ) + text[ende:])
    # ein unbekannter Schlüssel, eine tiefe Verschachtelung
    ergebnis.append(text.replace('"inhalt": {', '"inhalt": {"unbekannt": 1.5, ', 1))
    tief = "[" * 300 + "]" * 300
    ergebnis.append(text.replace('"inhalt": {', f'"inhalt": {{"x": {tief}, ', 1))
    # einzelne Bytes verändert, gelöscht, eingefügt
    for _ in range(6):
        i = zufall.randrange(len(text))
        zeichen = zufall.choice('{}[]:,"\\.0123456789eE-+ äx\x00')
        art = zufall.randrange(3)
        if art == 0:
            ergebnis.append(text[:i] + zeichen + text[i + 1 :])
        elif art == 1:
            ergebnis.append(text[:i] + text[i + 1 :])
        else:
            ergebnis.append(text[:i] + zeichen + text[i:])
    return ergebnis


def _golden() -> list[tuple[str, str]]:
    dokumente = []
    for datei in sorted(GOLDEN.glob("*.json")):
        text = datei.read_text("utf-8")
        typ = json.loads(text).get("dokument")
        if typ in DOKUMENTTYPEN:
            dokumente.append((typ, text))
    return dokumente


# -- Tests -------------------------------------------------------------------------------------


def test_schneller_weg_wird_benutzt() -> None:
    """Das Benchmark-Dokument geht wirklich den schnellen Weg (sonst prüfte der Test nichts)."""
    assert _dokument._schnell_json(json.dumps(ANTRAG)) == ANTRAG
    assert _dokument._schnell_json(json.dumps(ANTRAG).encode()) == ANTRAG


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1, "a": 1}',
        '{"a": {"b": 1, "b": 2}}',
        '[{"x": 1}, {"x": 2, "x": 3}]',
        '{"a\\u003a": 1, "a": 2, "a": 3}',  # Escape: gleich der volle Weg
        '{"a": "\\u003a", "a": 2}',  # eine Dopplung, ein Doppelpunkt als Escape
        '{"a": "x:y", "a": "x"}',
        '{"a:": 1, "a:": 2}',
        "\ufeff{}",
        "[" * 300 + "]" * 300,
        "[" * 2000 + "]" * 2000,
        '{"a": 1e400}',
    ],
)
def test_kein_schneller_weg_bei_zweifel(text: str) -> None:
    """Doppelte Schlüssel, Escapes, BOM, Tiefe: orjson liefert nichts, der volle Weg liest."""
    assert _dokument._schnell_json(text) is None
    assert _dokument._schnell_json(text.encode("utf-8")) is None


def _blaetter(wert: object, pfad: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    if isinstance(wert, dict):
        return [b for k, v in wert.items() for b in _blaetter(v, (*pfad, k))]
    if isinstance(wert, list):
        return [b for i, v in enumerate(wert) for b in _blaetter(v, (*pfad, i))]
    return [pfad]


@pytest.mark.parametrize("zahl", ["1.0", "1.5", "1e2", "57000.00", "18446744073709551616",
                                  str(10**40), "-9223372036854775809"])  # fmt: skip
def test_keine_zahl_als_float_an_irgendeiner_stelle(zahl: str) -> None:
    """Jede Zahl, die orjson als Float liest, an jeder Stelle des Antrags: nie ein Objekt
    aus dem schnellen Weg, sondern genau der Bericht des vollen Wegs (oder sein Objekt)."""
    for pfad in _blaetter(ANTRAG):
        dokument = json.loads(json.dumps(ANTRAG))
        ziel = dokument
        for schritt in pfad[:-1]:
            ziel = ziel[schritt]
        ziel[pfad[-1]] = "@@"
        text = json.dumps(dokument).replace('"@@"', zahl)
        roh = _dokument._schnell_json(text)
        assert roh is not None  # orjson liest es: dann muss der schnelle Leser scheitern
        _beide("foerderantrag", text)
        with pytest.raises(DokumentFehler):
            lade("foerderantrag", text)


def test_golden_und_stoerungen() -> None:
    zufall = random.Random(14)
    faelle = 0
    for typ, text in _golden():
        for gestoert in _stoerungen(text, zufall):
            _beide(typ, gestoert)
            faelle += 1
    basis = json.dumps(ANTRAG, ensure_ascii=False, indent=1)
    for _ in range(40):
        for gestoert in _stoerungen(basis, zufall):
            _beide("foerderantrag", gestoert)
            faelle += 1
    assert faelle > 1500


_DOKUMENTE = (
    foerderantraege().map(als_json).map(lambda t: ("foerderantrag", t))
    | zuwendungsbescheide().map(als_json).map(lambda t: ("zuwendungsbescheid", t))
    | verwendungsnachweise().map(als_json).map(lambda t: ("verwendungsnachweis", t))
)


@settings(max_examples=150, deadline=None)
@given(_DOKUMENTE, st.randoms(use_true_random=False))
def test_erzeugte_dokumente_und_stoerungen(
    dokument: tuple[str, str], zufall: random.Random
) -> None:
    typ, text = dokument
    if typ == "foerderantrag":
        assert lade(typ, text) == _dokument._lade_voll(DOKUMENTTYPEN[typ], text)
        assert isinstance(lade(typ, text), Foerderantrag)
    for gestoert in _stoerungen(text, zufall):
        _beide(typ, gestoert)


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats()
        | st.text(alphabet='ab:"\\\u00e4\ud800', max_size=6),
        lambda kinder: st.lists(kinder, max_size=3)
        | st.lists(st.tuples(st.sampled_from(["a", "b", "a:", "\u00e4"]), kinder), max_size=3),
        max_leaves=10,
    )
)
def test_beliebiges_json_mit_doppelten_schluesseln(wert: object) -> None:
    """Beliebige Objekte als Paarlisten (so stehen Schlüssel doppelt) im Umschlag."""

    def text(w: object) -> str:
        if isinstance(w, list) and all(isinstance(p, tuple) for p in w) and w:
            return "{" + ", ".join(f"{json.dumps(k)}: {text(v)}" for k, v in w) + "}"
        if isinstance(w, list):
            return "[" + ", ".join(text(v) for v in w) + "]"
        return json.dumps(w, ensure_ascii=False)

    inhalt = text(wert)
    _beide("foerderantrag", '{"dokument": "foerderantrag", "version": 2, "inhalt": ' + inhalt + "}")
    _beide("foerderantrag", inhalt)


def test_geteilte_werte() -> None:
    """Schlüssel, Stellenanteile und Zeiträume sind geteilt; Fehler und Beträge nicht."""
    from kim_nrw.geld import Stellenanteil
    from kim_nrw.konverter import GETEILT_MAX
    from kim_nrw.serial import werte

    text = json.dumps(ANTRAG)
    a, b = lade("foerderantrag", text), lade("foerderantrag", text.encode())
    assert a == b
    assert a.stellen[0].anteil is b.stellen[0].anteil
    assert a.zeitraum is b.zeitraum and a.antragsteller is b.antragsteller
    assert a.weiterleitungen[1].ags is b.weiterleitungen[1].ags
    assert a.programmteile is b.programmteile  # ein Tupel von Aufzählungswerten
    assert a.sonstige_kosten is not b.sonstige_kosten  # Beträge: je Antrag neu
    assert a.stellen is not b.stellen  # Tupel von Modellen: je Antrag neu
    form = werte.FORMEN[Stellenanteil]
    for _ in range(2):  # ein Fehler wird nie gemerkt, sondern jedes Mal gemeldet
        with pytest.raises(ValueError, match="Stellenanteil"):
            form.lies("2")
    assert form.lies(1) == form.lies("1")  # eine ganze Zahl geht am Speicher vorbei
    for i in range(GETEILT_MAX + 10):  # begrenzt: der Speicher beginnt von vorn
        form.lies(f"0.{i + 1:06d}"[:8].rstrip("0") or "1")


def test_grosse_dokumente_gehen_den_vollen_weg() -> None:
    """Über 256 KiB liest gleich der volle Weg (ein feindliches Dokument nicht zweimal)."""
    basis: dict[str, Any] = json.loads(json.dumps(ANTRAG["inhalt"]))
    inhalt = {**basis, "stellen": [basis["stellen"][0]] * 4000}
    text = json.dumps({**ANTRAG, "inhalt": inhalt})
    assert len(text) > 256 * 1024
    assert _dokument._schnell_json(text) is None
    assert _dokument._schnell_json(text[: 256 * 1024 - 1] + "]") is None  # ungültig, klein
    _beide("foerderantrag", text)
    assert len(lade("foerderantrag", text).stellen) == 4000

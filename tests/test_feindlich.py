"""Feindliche Dokumente: der Fehlerbericht bleibt klein, die Codes sind stabil.

Geprüft werden nur Zahl und Größe (nie die Zeit): höchstens ``MAX_PROBLEME`` Probleme,
die übrigen gezählt, kurze Pfade, eine Meldung von Kilobytes. Die Zeiten misst
``benchmarks/bench_feindlich.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kim_nrw.fehler import MAX_PROBLEME, PROBLEMCODES, DokumentFehler
from kim_nrw.serial import lade

WURZEL = Path(__file__).resolve().parent.parent


def _antrag(**inhalt: object) -> dict[str, object]:
    basis: dict[str, object] = {"antragsteller": "05370", "programmteile": ["KIM.B2"],
                                "zeitraum": "2021"}  # fmt: skip
    basis.update(inhalt)
    return {"dokument": "foerderantrag", "version": 2, "inhalt": basis}


def _fehler(dokument: object) -> DokumentFehler:
    text = dokument if isinstance(dokument, str) else json.dumps(dokument)
    with pytest.raises(DokumentFehler) as fehler:
        lade("foerderantrag", text)
    return fehler.value


def test_zehntausend_unbekannte_schluessel_geben_hundert_probleme_und_die_zahl() -> None:
    dokument = _antrag()
    inhalt = dokument["inhalt"]
    assert isinstance(inhalt, dict)
    inhalt.update({f"feld_{i:05d}": i for i in range(10_000)})
    fehler = _fehler(dokument)
    assert len(fehler.probleme) == MAX_PROBLEME
    assert fehler.anzahl == 10_000 and fehler.weitere == 10_000 - MAX_PROBLEME
    assert {p.code for p in fehler.probleme} == {"unbekannter_schluessel"}
    assert fehler.probleme[0].pfad == "$.inhalt.feld_00000"  # in Dokumentreihenfolge
    assert len(str(fehler)) < 50_000
    assert "… und 9900 weitere" in str(fehler)


def test_kaputte_stellen_werden_nach_hundert_fehlerhaften_nicht_mehr_geprueft() -> None:
    stellen = [{"funktion": "keine", "anteil": "zwei"}] * 30_000
    fehler = _fehler(_antrag(stellen=stellen))
    assert len(fehler.probleme) == MAX_PROBLEME
    assert len(str(fehler)) < 50_000
    # 100 fehlerhafte Stellen mit je zwei Problemen, dazu der Hinweis auf den ungeprüften Rest
    assert fehler.anzahl == 2 * MAX_PROBLEME + 1


def test_kaputte_stellen_nennen_den_ungeprueften_rest() -> None:
    from kim_nrw.antrag import Foerderantrag
    from kim_nrw.konverter import Befunde
    from kim_nrw.serial.konverter import KONVERTER

    inhalt = _antrag(stellen=[1] * 1000)["inhalt"]
    _, befunde = KONVERTER.lies(Foerderantrag, inhalt, "$.inhalt")
    assert isinstance(befunde, Befunde)
    assert len(befunde) == MAX_PROBLEME + 1
    letzter = befunde[-1]
    assert letzter.code == "nicht_geprueft" and letzter.pfad == f"$.inhalt.stellen[{MAX_PROBLEME}]"
    assert "(900)" in letzter.meldung


def test_ein_riesiger_schluessel_erscheint_gekuerzt() -> None:
    dokument = _antrag()
    inhalt = dokument["inhalt"]
    assert isinstance(inhalt, dict)
    inhalt["x" * 2_000_000] = 1
    fehler = _fehler(dokument)
    (problem,) = fehler.probleme
    assert problem.code == "unbekannter_schluessel"
    assert len(problem.pfad) < 100 and "Zeichen" in problem.pfad
    assert len(str(fehler)) < 1000


def test_viele_doppelte_schluessel_geben_hundert_probleme() -> None:
    paare = ", ".join(f'"k{i}": 1, "k{i}": 2' for i in range(1000))
    fehler = _fehler('{"dokument": "foerderantrag", "version": 2, "inhalt": {' + paare + "}}")
    assert len(fehler.probleme) == MAX_PROBLEME
    assert fehler.probleme[0].code == "doppelter_schluessel"
    assert fehler.anzahl > 1000  # 1000 doppelte und 1000 unbekannte Schlüssel, Pflichtfelder


@pytest.mark.parametrize(
    ("dokument", "code"),
    [
        ("{", "ungueltiges_json"),
        ("[1, NaN]", "ungueltiges_json"),
        (b"\xff", "kein_utf8"),
        ("[" * 100_000 + "]" * 100_000, "zu_tief"),
        ('{"a": 1, "a": 2}', "doppelter_schluessel"),
        ("[]", "kein_objekt"),
        ({"dokument": "parameter", "version": 2, "inhalt": {}}, "dokumenttyp"),
        ({"dokument": "foerderantrag", "version": "2", "inhalt": {}}, "version"),
        ({"dokument": "foerderantrag", "version": 99, "inhalt": {}}, "version"),
        ({"dokument": "foerderantrag", "inhalt": {}}, "pflichtfeld"),
        (_antrag(zeitraum=None) | {"x": 1}, "unbekannter_schluessel"),
        ({"dokument": "foerderantrag", "version": 2, "inhalt": {"programmteile": ["KIM.B2"],
          "zeitraum": "2021"}}, "pflichtfeld"),
        (_antrag(antragsteller=5370), "falscher_typ"),
        (_antrag(programmteile="KIM.B2"), "falscher_typ"),
        (_antrag(ki_vorhanden="ja"), "falscher_typ"),
        (_antrag(antragsdatum="10.01.2025"), "ungueltiger_wert"),
        (_antrag(antragsteller="05999"), "nicht_gefunden"),
        (_antrag()["inhalt"], "ohne_umschlag"),
    ],
)  # fmt: skip
def test_jedes_problem_hat_seinen_code(dokument: object, code: str) -> None:
    if isinstance(dokument, bytes):
        with pytest.raises(DokumentFehler) as info:
            lade("foerderantrag", dokument)
        fehler = info.value
    else:
        fehler = _fehler(dokument)
    codes = [p.code for p in fehler.probleme]
    assert code in codes, fehler
    assert set(codes) <= PROBLEMCODES.keys()


def test_ein_inhalt_ohne_umschlag_ist_ein_problem() -> None:
    fehler = _fehler(_antrag(stellen=[])["inhalt"])
    assert len(fehler.probleme) == 1
    assert '"dokument": "foerderantrag"' in fehler.probleme[0].meldung


def test_die_codes_stehen_in_der_doku() -> None:
    text = (WURZEL / "docs" / "erklaerung" / "json_und_schemas.rst").read_text(encoding="utf-8")
    for code in PROBLEMCODES:
        assert f"``{code}``" in text, code


def test_ein_deutsches_datum_bekommt_die_iso_form_vorgeschlagen() -> None:
    fehler = _fehler(_antrag(antragsdatum="10.01.2025"))
    assert "(gemeint: 2025-01-10?)" in fehler.probleme[0].meldung
    ohne = _fehler(_antrag(antragsdatum="31.02.2025"))  # kein Kalendertag: kein Vorschlag
    assert "gemeint" not in ohne.probleme[0].meldung


def test_ein_name_statt_eines_schluessels_bekommt_die_schluessel_vorgeschlagen() -> None:
    fehler = _fehler(_antrag(antragsteller="Heinsberg"))
    (problem,) = fehler.probleme
    assert problem.pfad == "$.inhalt.antragsteller"
    assert "gemeint: 05370 (Kreis Heinsberg) oder 05370016 (Stadt Heinsberg)?" in problem.meldung
    assert "gemeint" not in _fehler(_antrag(antragsteller="Nirgendwo")).probleme[0].meldung

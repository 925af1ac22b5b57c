"""Der Programmkatalog als Daten: Laden, Fehlerdateien, Rundreise, abgeleitete Zeiträume.

Die Zeiträume der Rechtsgrundlagen stehen nicht in den Programmdateien, sie folgen aus dem
Quellenkatalog (``ersetzt``). Die Tabelle ``ZEITRAEUME`` hält fest, was daraus folgen muss –
die Zeiträume, die das Recht nach den Quellen gibt; ändert eine Datenänderung einen davon,
schlägt der Test an und die Änderung gehört ins CHANGELOG.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import tomllib
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from kim_nrw.antrag import Stellenfunktion as StellenfunktionAusAntrag
from kim_nrw.fehler import DatenFehler, UngueltigeEingabe
from kim_nrw.konverter import lies_toml, toml_konverter
from kim_nrw.programme import (
    Empfaenger,
    Programm,
    Programmbeschreibung,
    Programmteil,
    Stellenfunktion,
    Vorgaengerprogramm,
    alle_programme,
    richtlinie_am,
    teil,
)
from kim_nrw.programme import behoerden as behoerden_modul
from kim_nrw.programme.laden import (
    DATEI_VORGAENGER,
    PROGRAMMDATEIEN,
    katalog,
    lade_programm,
    lade_vorgaenger,
)
from kim_nrw.pruefung.betrag import berechnet
from kim_nrw.recht.fassungen import massgeblich

TAG = timedelta(days=1)
DATEN = Path(__file__).resolve().parent.parent / "src" / "kim_nrw" / "daten" / "programme"
FIXTURES = Path(__file__).parent / "fixtures" / "katalog_fehler"
KI, B1, B2, B3 = Programmteil.KI, Programmteil.KIM_B1, Programmteil.KIM_B2, Programmteil.KIM_B3
K1, K2, K3 = Programmteil.KOMMAN_I, Programmteil.KOMMAN_II, Programmteil.KOMMAN_III
EP = Programmteil.EHRENAMT_PRAEVENTION


def d(j: int, m: int, t: int) -> date:
    return date(j, m, t)


# -- Fehlerdateien: eine je Art von Fehler ----------------------------------------------------

FEHLERFAELLE = {
    "unbekannter_schluessel.toml": (
        "teile[0].gegenstnad",
        "unbekannter Schlüssel (gemeint: gegenstand?)",
    ),
    "pflichtschluessel_fehlt.toml": ("teile[0].verfahren", "Pflichtschlüssel fehlt"),
    "toml_syntax.toml": ("(TOML-Syntax)", "kein gültiges TOML"),
    "unbekannte_empfaengerart.toml": ("teile[0].empfaenger[1]", "gemeinde"),
    "falscher_teil.toml": ("teile", "genau die Teile ['KI']"),
    "posten_fremde_funktion.toml": ("teile[0].posten", "nur Funktionen aus stellen.funktionen"),
    "unbekannte_quelle.toml": (
        "teile[KI].rechtsgrundlagen[0].quelle",
        "Quelle 'KI-RL-1999' steht nicht im Quellenkatalog",
    ),
    "unbekannte_quelle_in_ab.toml": (
        "teile[KI].rechtsgrundlagen[0].ab",
        "Quelle 'KI-RL-1999' steht nicht im Quellenkatalog",
    ),
    "unbekannte_quelle_der_stellen.toml": (
        "teile[KI].stellen.quelle",
        "Quelle 'S-GIBT-ES-NICHT' steht nicht im Quellenkatalog",
    ),
    "beleg_als_rechtsgrundlage.toml": ("teile[KI].rechtsgrundlagen[0].quelle", "kein Rechtsakt"),
    "grundlage_ohne_beginn.toml": ("teile[KI].rechtsgrundlagen[0]", "Beginn von LHO-44"),
    "ende_vor_beginn.toml": (
        "teile[KI].rechtsgrundlagen[0]",
        "maßgeblich bis 26.03.2018, vor dem Beginn am 10.03.2023",
    ),
    "unbekannter_parameter.toml": (
        "teile[KI].parameter_beginn",
        "Parameter 'ki.gibt_es_nicht' fehlt in den Paketdaten",
    ),
    "unbekannter_parameter_im_posten.toml": (
        "teile[KI].posten[0].betrag",
        "Parameter 'ki.fachkraft.betrag_gibt_es_nicht' fehlt",
    ),
    "unbekannter_parameter_des_endes.toml": (
        "teile[KI].parameter_ende",
        "Parameter 'ki.foerderende_gibt_es_nicht' fehlt",
    ),
    "unbekannte_quelle_der_sachkosten.toml": (
        "teile[KI].sachkosten.quellen",
        "Quelle 'S-GIBT-ES-NICHT' steht nicht im Quellenkatalog",
    ),
    "unbekannter_nachfolger.toml": ("teile[0].abgeloest_durch", "KOMMAN.IV"),
    "unbekannte_behoerde.toml": ("bewilligt_von", "Behörde 'XYZ' steht nicht in behoerden.toml"),
    "unbekannte_kommune.toml": ("modellkommunen[Nirgendwo]", "05999000"),
}


def test_jede_fehlerdatei_ist_erfasst() -> None:
    assert sorted(p.name for p in FIXTURES.glob("*.toml")) == sorted(FEHLERFAELLE)


@pytest.mark.parametrize("datei", sorted(FEHLERFAELLE))
def test_fehlerdatei_nennt_datei_ort_und_problem(datei: str) -> None:
    ort, problem = FEHLERFAELLE[datei]
    lade = lade_vorgaenger if datei == "unbekannte_kommune.toml" else lade_programm
    with pytest.raises(DatenFehler) as info:
        lade((FIXTURES / datei).read_text(encoding="utf-8"), f"fixtures/{datei}")
    fehler = info.value
    assert (fehler.datei, fehler.schluessel) == (f"fixtures/{datei}", ort)
    assert problem in fehler.problem
    assert pickle.loads(pickle.dumps(fehler)).schluessel == ort


def test_fehlerdateien_sind_sonst_gueltig() -> None:
    """Jede Fehlerdatei hat genau einen Fehler: repariert lädt sie."""
    text = (FIXTURES / "unbekannte_quelle.toml").read_text(encoding="utf-8")
    p = lade_programm(text.replace("KI-RL-1999", "KI-RL-2018"), "repariert.toml")
    assert p.teile[0].rechtsgrundlagen[0].gilt_ab == d(2018, 3, 27)
    text = (FIXTURES / "unbekannte_kommune.toml").read_text(encoding="utf-8")
    v = lade_vorgaenger(text.replace("05999000", "05315000"), "repariert.toml")
    assert len(v.kommunen()) == 2


def test_unbekannte_behoerdenkennung_in_behoerden_toml() -> None:
    with pytest.raises(DatenFehler, match=r"behoerde\.bra"):
        behoerden_modul.lade_behoerden(
            '[behoerde.bra]\nname = "N"\ndezernat = "D"\nstelle = "S"\nquellen = ["S-BRA-KI"]\n',
            "behoerden.toml",
        )


# -- Rundreise: jede Datei durch ihr Modell und zurück -----------------------------------------


def _enthalten(roh: Any, voll: Any, pfad: str = "$") -> None:
    """Jeder Wert der Datei steht unverändert in der Form, die das Modell zurückgibt."""
    if isinstance(roh, dict):
        assert isinstance(voll, dict), pfad
        for schluessel, wert in roh.items():
            assert schluessel in voll, f"{pfad}.{schluessel}"
            _enthalten(wert, voll[schluessel], f"{pfad}.{schluessel}")
    elif isinstance(roh, list):
        assert isinstance(voll, list) and len(roh) == len(voll), pfad
        for nr, (a, b) in enumerate(zip(roh, voll, strict=True)):
            _enthalten(a, b, f"{pfad}[{nr}]")
    else:
        assert roh == voll, pfad


DATEIEN: list[tuple[str, type]] = [
    *((name, Programmbeschreibung) for name in PROGRAMMDATEIEN.values()),
    (DATEI_VORGAENGER, Vorgaengerprogramm),
    ("behoerden.toml", behoerden_modul._Behoerden),
]


@pytest.mark.parametrize(("name", "typ"), DATEIEN, ids=[n for n, _ in DATEIEN])
def test_jede_datei_reist_durch_ihr_modell(name: str, typ: type) -> None:
    text = (DATEN / name).read_text(encoding="utf-8")
    modell: object = lies_toml(typ, text, name)
    konverter = toml_konverter()
    voll = konverter.unstructure(modell)
    assert konverter.structure(voll, typ) == modell
    _enthalten(tomllib.loads(text), voll)


def test_der_katalog_wird_einmal_geladen_auch_aus_mehreren_threads() -> None:
    assert katalog() is katalog()
    code = (
        "import threading\n"
        "from kim_nrw.programme import laden\n"
        "ergebnisse = []\n"
        "def frage(): ergebnisse.append(laden.katalog())\n"
        "threads = [threading.Thread(target=frage) for _ in range(8)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "assert len(ergebnisse) == 8 and all(e is ergebnisse[0] for e in ergebnisse)\n"
    )
    ergebnis = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert [p.programm for p in alle_programme()] == list(PROGRAMMDATEIEN)
    assert all(teil(t) is teil(t.value) for t in Programmteil)


# -- Abgeleitete Zeiträume: dieselben, die das Recht gibt -------------------------------------

_I_II = [
    ("KOMMAN-RL-2019", None, d(2019, 11, 27), d(2021, 12, 31)),
    ("KOMMAN-RL-2022", None, d(2022, 1, 1), d(2023, 3, 9)),
    ("VV-LHO-44-2020", None, d(2022, 1, 1), d(2023, 3, 9)),
    ("KI-RdErl-2022", "Nr. 1.3.3", d(2022, 12, 19), None),
    ("KI-RL-2023", None, d(2023, 3, 10), d(2025, 4, 2)),
    ("TIntG-2021", "§ 8 Abs. 1", d(2023, 3, 10), None),
]
# Programmteil I: ob er in der KI-RL 2025 fortbesteht, ist unsicher – sie steht nur bei ihm
_I = [
    *_I_II,
    ("VV-LHO-44-2022", None, d(2023, 3, 10), None),
    ("KI-RL-2025", None, d(2025, 4, 3), None),
    ("LHO-44", None, d(2019, 11, 27), None),
]
# Programmteil II endet am 31.12.2024: die VV von 2022 nur, solange die KI-RL 2023 gilt
_II = [
    *_I_II,
    ("VV-LHO-44-2022", None, d(2023, 3, 10), d(2025, 4, 2)),
    ("LHO-44", None, d(2019, 11, 27), None),
]
ZEITRAEUME: dict[Programmteil, list[tuple[str, str | None, date, date | None]]] = {
    KI: [
        ("TIntG-2012", "§ 7", d(2012, 6, 25), d(2021, 12, 31)),
        ("TIntG-2021", "§ 8 Abs. 1", d(2022, 1, 1), None),
        ("KI-RL-2012", None, d(2012, 6, 25), d(2018, 3, 26)),
        ("KI-RdErl-2012", None, d(2012, 6, 25), d(2018, 5, 7)),
        ("KI-RdErl-2015", "Nr. 4.2 und 4.3", d(2015, 3, 23), d(2018, 5, 7)),
        ("KI-RL-2016", None, d(2016, 4, 26), d(2018, 3, 26)),
        ("KI-RL-2018", None, d(2018, 3, 27), d(2023, 3, 9)),
        ("KI-RL-2020", "Nr. 5.2 und 5.4.1", d(2020, 10, 30), d(2023, 3, 9)),
        ("KI-RdErl-2018", None, d(2018, 5, 8), None),
        ("KI-RdErl-2022", "Nr. 1.3.3", d(2022, 12, 19), None),
        ("KI-RL-2023", None, d(2023, 3, 10), d(2025, 4, 2)),
        ("KI-RL-2025", None, d(2025, 4, 3), None),
        ("KI-RdErl-2025", "Nr. 1.3", d(2025, 3, 20), None),
        ("LHO-44", None, d(2012, 6, 25), None),
        ("VV-LHO-44-2003", None, d(2018, 3, 27), d(2023, 3, 9)),
        ("VV-LHO-44-2022", None, d(2023, 3, 10), None),
    ],
    B1: [
        ("KIM-RL-2020", None, d(2020, 11, 25), d(2024, 12, 11)),
        ("VV-LHO-44-2020", None, d(2020, 11, 25), d(2024, 12, 11)),
        ("TIntG-2021", "§ 9", d(2022, 1, 1), None),
        ("KIM-RL-2024", None, d(2024, 12, 12), None),
        ("VV-LHO-44-2022", None, d(2024, 12, 12), None),
        ("LHO-44", None, d(2020, 11, 25), None),
    ],
    B2: [
        ("TIntG-2021", "§ 9", d(2022, 1, 1), None),
        ("KIM-RL-2024", None, d(2024, 12, 12), None),
        ("VV-LHO-44-2022", None, d(2024, 12, 12), None),
    ],
    B3: [("TIntG-2021", "§ 9", d(2022, 1, 1), None), ("KIM-RL-2024", None, d(2024, 12, 12), None)],
    K1: _I,
    K2: _II,
    K3: [
        ("IA-RL-2017", None, d(2017, 12, 15), d(2024, 7, 1)),
        ("IA-RL-2024", None, d(2024, 7, 2), d(2025, 12, 31)),
        ("IA-RL-2025", None, d(2026, 1, 1), None),
    ],
    EP: [
        ("KI-RL-2025", None, d(2025, 4, 3), None),
        ("LHO-44", None, d(2025, 4, 3), None),
        ("VV-LHO-44-2022", None, d(2025, 4, 3), None),
    ],
}


@pytest.mark.parametrize("kennung", list(Programmteil))
def test_abgeleitete_zeitraeume_sind_die_des_rechts(kennung: Programmteil) -> None:
    ist = [(g.quelle, g.norm, g.gilt_ab, g.gilt_bis) for g in teil(kennung).rechtsgrundlagen]
    assert ist == ZEITRAEUME[kennung]


@pytest.mark.parametrize(
    ("alt", "neu", "grenze"),
    [
        ("KI-RL-2012", "KI-RL-2018", d(2018, 3, 27)),
        ("KI-RL-2016", "KI-RL-2018", d(2018, 3, 27)),
        ("KI-RL-2018", "KI-RL-2023", d(2023, 3, 10)),
        ("KI-RL-2020", "KI-RL-2023", d(2023, 3, 10)),
        ("KI-RL-2023", "KI-RL-2025", d(2025, 4, 3)),
        ("IA-RL-2017", "IA-RL-2024", d(2024, 7, 2)),
        ("IA-RL-2024", "IA-RL-2025", d(2026, 1, 1)),
        ("KI-RdErl-2012", "KI-RdErl-2018", d(2018, 5, 8)),
        ("KI-RdErl-2015", "KI-RdErl-2018", d(2018, 5, 8)),
        ("KIM-RL-2020", "KIM-RL-2024", d(2024, 12, 12)),
        ("KOMMAN-RL-2019", "KOMMAN-RL-2022", d(2022, 1, 1)),
        ("KOMMAN-RL-2022", "KI-RL-2023", d(2023, 3, 10)),
        ("TIntG-2012", "TIntG-2021", d(2022, 1, 1)),
    ],
)
def test_fassung_endet_am_tag_vor_der_nachfolgerin(alt: str, neu: str, grenze: date) -> None:
    assert massgeblich(alt).bis == grenze - TAG
    assert massgeblich(neu).ab == grenze


@pytest.mark.parametrize(
    ("kennung", "grenze", "vorher", "ab"),
    [
        (KI, d(2018, 3, 27), "KI-RL-2016", "KI-RL-2018"),  # 2016: die Änderung von 2012
        (KI, d(2020, 10, 30), "KI-RL-2018", "KI-RL-2020"),  # 2020: die Änderung von 2018
        (KI, d(2023, 3, 10), "KI-RL-2020", "KI-RL-2023"),
        (KI, d(2025, 4, 3), "KI-RL-2023", "KI-RL-2025"),
        (B1, d(2024, 12, 12), "KIM-RL-2020", "KIM-RL-2024"),
        (B2, d(2024, 12, 12), None, "KIM-RL-2024"),
        (B3, d(2024, 12, 12), None, "KIM-RL-2024"),
        (K1, d(2022, 1, 1), "KOMMAN-RL-2019", "KOMMAN-RL-2022"),
        (K2, d(2023, 3, 10), "KOMMAN-RL-2022", "KI-RL-2023"),
        (K1, d(2019, 11, 27), None, "KOMMAN-RL-2019"),
        (B1, d(2020, 11, 25), None, "KIM-RL-2020"),
        (K3, d(2024, 7, 2), "IA-RL-2017", "IA-RL-2024"),
        (K3, d(2026, 1, 1), "IA-RL-2024", "IA-RL-2025"),
        (EP, d(2025, 4, 3), None, "KI-RL-2025"),
    ],
)
def test_richtlinie_beide_seiten_der_grenze(
    kennung: Programmteil, grenze: date, vorher: str | None, ab: str
) -> None:
    assert richtlinie_am(kennung, grenze - TAG) == vorher
    assert richtlinie_am(kennung, grenze) == ab
    assert richtlinie_am(kennung.value, grenze) == ab


def test_richtlinie_am_prueft_die_eingabe() -> None:
    with pytest.raises(UngueltigeEingabe, match="stichtag"):
        richtlinie_am(KI, datetime(2020, 1, 1))
    with pytest.raises(UngueltigeEingabe, match="teil"):
        richtlinie_am("KIM.B9", d(2020, 1, 1))
    with pytest.raises(UngueltigeEingabe, match="teil"):
        richtlinie_am([KI], d(2020, 1, 1))  # type: ignore[arg-type]


def test_komman_i_und_ii_beruhen_bis_2024_auf_denselben_grundlagen() -> None:
    """Bis zum Ende von Programmteil II (31.12.2024) tragen beide Teile dieselben Quellen an
    jedem Tag; danach steht nur bei Teil I die KI-RL 2025 (unsicher, ob er darin fortbesteht)."""
    i, ii = teil(K1), teil(K2)
    assert i.grundlagenluecken == ii.grundlagenluecken
    tage = [d(2016, 1, 1), d(2019, 11, 27), d(2022, 1, 1), d(2022, 12, 19), d(2023, 3, 10),
            d(2024, 12, 31)]  # fmt: skip
    for tag in tage:
        assert {(g.quelle, g.norm) for g in i.rechtsgrundlagen_am(tag)} == {
            (g.quelle, g.norm) for g in ii.rechtsgrundlagen_am(tag)
        }, tag
    ende = ii.ende()
    assert ende is not None and ende.datum == d(2024, 12, 31)
    assert "KI-RL-2025" in {g.quelle for g in i.rechtsgrundlagen_am(d(2025, 4, 3))}
    assert "KI-RL-2025" not in {g.quelle for g in ii.rechtsgrundlagen_am(d(2025, 4, 3))}


@pytest.mark.parametrize(
    ("kennung", "erste_grundlage"),
    [(B2, "TIntG-2021"), (B3, "TIntG-2021"), (K1, "KOMMAN-RL-2019"), (K2, "KOMMAN-RL-2019")],
)
def test_luecke_reicht_vom_beginn_bis_zur_ersten_grundlage(
    kennung: Programmteil, erste_grundlage: str
) -> None:
    t = teil(kennung)
    (luecke,) = t.grundlagenluecken
    assert luecke.gilt_ab == t.beginn()
    assert luecke.gilt_bis is not None
    assert erste_grundlage not in {g.quelle for g in t.rechtsgrundlagen_am(luecke.gilt_bis)}
    assert erste_grundlage in {g.quelle for g in t.rechtsgrundlagen_am(luecke.gilt_bis + TAG)}
    assert t.grundlagenluecke_am(luecke.gilt_bis + TAG) is None


# -- Was die Prüfung aus dem Katalog liest ----------------------------------------------------


def test_gefoerderte_stellen_je_teil() -> None:
    erwartet = {
        KI: (
            (
                Stellenfunktion.FACHKRAFT,
                Stellenfunktion.LEHRKRAFT,
                Stellenfunktion.VERWALTUNGSASSISTENZ,
            ),
            "S-lum-BRA-KI-old",
        ),
        B1: ((Stellenfunktion.KOORDINATION, Stellenfunktion.VERWALTUNGSASSISTENZ), "S-BRA-KIM"),
        B2: ((Stellenfunktion.CASE_MANAGEMENT,), "S-BRA-KIM"),
        B3: ((Stellenfunktion.ABH_EBH,), "S-BRA-KIM"),
        K1: ((Stellenfunktion.FACHKRAFT,), "S-BRA-KOMMAN-I"),
        K2: ((), "S-BRA-KOMMAN-II"),
        K3: ((), "S-BRA-KOMMAN-III"),
        EP: ((), "N-Muelheim"),  # „Personalkosten können nicht gefördert werden“
    }
    for kennung, (funktionen, quelle) in erwartet.items():
        stellen = teil(kennung).stellen
        assert (set(stellen.funktionen), stellen.quelle) == (set(funktionen), quelle), kennung


def test_posten_und_grenzen_je_teil() -> None:
    FACHKRAFT, ASSISTENZ = Stellenfunktion.FACHKRAFT, Stellenfunktion.VERWALTUNGSASSISTENZ
    EINE, HALBE = Decimal(1), Decimal("0.5")
    posten = {k: [(p.funktion, p.betrag, p.einheit) for p in teil(k).posten] for k in Programmteil}
    assert posten == {
        KI: [
            (FACHKRAFT, "ki.fachkraft.hoechstbetrag_je_stelle", EINE),
            (ASSISTENZ, "ki.verwaltungsassistenz.hoechstbetrag_je_halbe_stelle", HALBE),
        ],
        B1: [
            (Stellenfunktion.KOORDINATION, "kim.b1.koordination.hoechstbetrag_je_stelle", EINE),
            (ASSISTENZ, "kim.b1.verwaltungsassistenz.hoechstbetrag_je_halbe_stelle", HALBE),
        ],
        B2: [(Stellenfunktion.CASE_MANAGEMENT, "kim.b2.case_management.betrag_je_stelle", EINE)],
        B3: [(Stellenfunktion.ABH_EBH, "kim.b3.betrag_je_halbe_stelle", HALBE)],
        K1: [(FACHKRAFT, "komman.i.fachkraft.betrag_je_stelle", EINE)],
        K2: [],
        K3: [],
        EP: [],
    }
    # K2 rechnet die Pauschalen je Raum, EP den Jahresbetrag für Sachkosten
    assert [k for k in Programmteil if berechnet(k)] == [KI, B1, B2, B3, K1, K2, EP]
    fachkraft = teil(KI).posten[0]
    kreis = {Empfaenger.KREIS, Empfaenger.STAEDTEREGION}
    for e in Empfaenger:
        erwartet = "ki.fachkraft.stellen_" + ("kreis" if e in kreis else "kreisfreie_stadt")
        assert fachkraft.hoechstumfang_fuer(e) == erwartet, e
    obergrenze = teil(KI).obergrenze
    assert obergrenze is not None and obergrenze.parameter == "ki.hoechstbetrag_kreis"
    assert {e for e in Empfaenger if obergrenze.gilt_fuer(e)} == kreis
    k1 = teil(K1).obergrenze
    assert k1 is not None and all(k1.gilt_fuer(e) for e in Empfaenger)
    assert [k for k in Programmteil if teil(k).obergrenze] == [KI, K1]
    # beide Obergrenzen decken nur die Stellen; Sachkosten bzw. Maßnahmen kommen daneben
    assert not obergrenze.mit_sachkosten and "gefolgert" in obergrenze.anmerkung
    assert not k1.mit_sachkosten and "Maßnahmen" in k1.anmerkung
    sachkosten = teil(KI).sachkosten
    assert sachkosten is not None and sachkosten.hoechstbetrag.startswith("ki.")
    assert sachkosten.anteilig
    ehrenamt = teil(EP).sachkosten
    assert ehrenamt is not None
    assert ehrenamt.hoechstbetrag == "ehrenamt_praevention.hoechstbetrag_je_ki"
    assert not ehrenamt.anteilig and ehrenamt.quellen == ("N-EN-Ehrenamt",)
    assert [k for k in Programmteil if teil(k).sachkosten] == [KI, EP]


def test_raumpauschalen_nur_bei_komman_ii() -> None:
    r = teil(K2).raumpauschalen
    assert r is not None
    assert (r.renovierung, r.ausstattung, r.je_gebaeude) == (
        "komman.ii.ankommenstreffpunkt.renovierung_je_raum",
        "komman.ii.ankommenstreffpunkt.ausstattung_je_raum",
        "komman.ii.ankommenstreffpunkt.pauschalen_je_gebaeude",
    )
    assert [k for k in Programmteil if teil(k).raumpauschalen] == [K2]


def test_stellengrenzen_kim_baustein_1() -> None:
    """Bis zu 4 Personalstellen je Kreis, 3 je kreisfreie Stadt: Koordination 3,5 bzw. 2,5
    (gefolgert) und 0,5 Verwaltungsassistenz; je Zusatzstelle eine Stelle mehr."""
    koordination, assistenz = teil(B1).posten
    kreis = {Empfaenger.KREIS, Empfaenger.STAEDTEREGION}
    for e in Empfaenger:
        art = "kreis" if e in kreis else "kreisfreie_stadt"
        assert koordination.hoechstumfang_fuer(e) == f"kim.b1.koordination.stellen_{art}", e
        assert assistenz.hoechstumfang_fuer(e) == "kim.b1.verwaltungsassistenz.stellen", e
    assert koordination.zuschlag_zusatzstelle == "kim.b1.zusatzstelle.stellen"
    assert assistenz.zuschlag_zusatzstelle is None


def test_beginn_je_teil_aus_dem_katalog() -> None:
    beginn = {k: teil(k).parameter_beginn for k in Programmteil}
    assert beginn == {
        KI: "ki.foerderbeginn", B1: "kim.b1.foerderbeginn", B2: "kim.b2.foerderbeginn",
        B3: "kim.b3.foerderbeginn", K1: "komman.foerderbeginn", K2: "komman.foerderbeginn",
        K3: "komman.foerderbeginn", EP: "ehrenamt_praevention.foerderbeginn",
    }  # fmt: skip


def test_ende_und_nachfolger_je_teil_aus_dem_katalog() -> None:
    ende = {k: teil(k).parameter_ende for k in Programmteil if teil(k).parameter_ende}
    assert ende == {
        K1: "komman.i.foerderende", K2: "komman.ii.foerderende",
        EP: "ehrenamt_praevention.foerderende",
    }  # fmt: skip
    nachfolger = {k: teil(k).abgeloest_durch for k in Programmteil if teil(k).abgeloest_durch}
    assert nachfolger == {K1: EP, K2: EP}


def test_stellenfunktion_wohnt_im_programm_und_hat_deutsche_namen() -> None:
    assert StellenfunktionAusAntrag is Stellenfunktion
    assert Stellenfunktion.__module__ == "kim_nrw.programme.teile"
    assert Stellenfunktion.CASE_MANAGEMENT.bezeichnung == "Case Management"
    assert (
        Stellenfunktion.ABH_EBH.bezeichnung == "Stelle in der Ausländer- oder Einbürgerungsbehörde"
    )
    namen = [f.bezeichnung for f in Stellenfunktion]
    assert all(n and n[0].isupper() and "_" not in n for n in namen)
    assert len(set(namen)) == len(namen)


def test_programmdateien_nennen_jedes_programm() -> None:
    assert set(PROGRAMMDATEIEN) == set(Programm)
    assert {p.name for p in DATEN.glob("*.toml")} == {
        *PROGRAMMDATEIEN.values(),
        DATEI_VORGAENGER,
        "behoerden.toml",
    }

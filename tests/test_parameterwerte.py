"""Jeder Parameterwert der Paketdaten, mit beiden Seiten jeder Grenze seines Zeitraums.

Die Tabelle ``ERWARTET`` schreibt für jeden Parameter die lückenlose Folge seiner
Abschnitte auf: Werte (mit Gewissheit) und Lücken (nicht belegt → ``NichtBekannt``). Geprüft
wird jeweils der erste und der letzte Tag jedes Abschnitts, der Tag vor dem ersten
(``KeinWertAmStichtag``) und der Tag nach dem letzten, wenn er endet. Da die Abschnitte
aneinander stoßen, ist damit jede Grenze von beiden Seiten geprüft. Ein zweiter Test
stellt sicher, dass die Tabelle genau die Zeiträume der Daten beschreibt – kein Wert
bleibt ungeprüft.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from kim_nrw.fehler import KeinWertAmStichtag, NichtBekannt
from kim_nrw.recht import Gewissheit, alle_parameter, parameter
from kim_nrw.recht.laden import lade_parameterdatei

TAG = timedelta(days=1)
FERN = date(2035, 12, 31)
D = Decimal
C, I, U = Gewissheit.BESTAETIGT, Gewissheit.ABGELEITET, Gewissheit.UNSICHER  # noqa: E741
DATEN = Path(__file__).resolve().parent.parent / "src" / "kim_nrw" / "daten" / "parameter"


@dataclass(frozen=True)
class W:
    """Ein Wert von ``ab`` bis ``bis`` (``None`` = offen) mit Gewissheit."""

    ab: date
    bis: date | None
    wert: object
    gewissheit: Gewissheit


@dataclass(frozen=True)
class L:
    """Eine Lücke: in diesem Zeitraum gab es einen Wert, er ist nicht belegt."""

    ab: date
    bis: date | None


NICHT_BEKANNT = "nicht_bekannt"
"""Der ganze Parameter ist nicht belegt."""


def d(j: int, m: int, t: int) -> date:
    return date(j, m, t)


def jahr(j: int) -> tuple[date, date]:
    return d(j, 1, 1), d(j, 12, 31)


ERWARTET: dict[str, list[W | L] | str] = {
    # == KI (ki.toml) ==
    # Änderung der KI-RL vom 30.10.2020: 55.000 / 22.500 EUR ab 2021; 2022 strittig (Lücke)
    "ki.fachkraft.hoechstbetrag_je_stelle": [
        L(d(2012, 6, 25), d(2017, 12, 31)),
        W(d(2018, 1, 1), d(2020, 12, 31), D("50000.00"), I),
        W(*jahr(2021), D("55000.00"), I),
        L(*jahr(2022)),
        W(d(2023, 1, 1), None, D("57000.00"), I),
    ],
    "ki.zusatzfachkraft_2017.hoechstbetrag_je_stelle": [W(*jahr(2017), D("50000.00"), I)],
    "ki.verwaltungsassistenz.hoechstbetrag_je_halbe_stelle": [
        L(d(2012, 6, 25), d(2017, 12, 31)),
        W(d(2018, 1, 1), d(2020, 12, 31), D("20000.00"), I),
        W(d(2021, 1, 1), None, D("22500.00"), I),
    ],
    "ki.hoechstbetrag_kreis": [
        L(d(2012, 6, 25), d(2017, 12, 31)),
        W(d(2018, 1, 1), d(2020, 12, 31), D("320000.00"), I),
        L(d(2021, 1, 1), None),
    ],
    "ki.laiensprachmittlerpool.hoechstbetrag": [
        W(d(2018, 1, 1), d(2021, 12, 31), D("50000.00"), I),
        W(d(2022, 1, 1), None, D("50000.00"), I),
    ],
    "ki.sachkosten_sprachmittlung_2017.hoechstbetrag": [W(*jahr(2017), D("50000.00"), I)],
    "ki.fachkraft.stellen_kreis": [
        W(d(2012, 6, 25), d(2016, 12, 31), D("3"), I),
        W(d(2017, 1, 1), d(2021, 12, 31), D("6"), I),
        W(d(2022, 1, 1), None, D("6"), I),
    ],
    "ki.fachkraft.stellen_kreisfreie_stadt": [
        W(d(2012, 6, 25), d(2016, 12, 31), D("3"), I),
        W(d(2017, 1, 1), d(2021, 12, 31), D("5"), I),
        W(d(2022, 1, 1), None, D("5"), I),
    ],
    "ki.verwaltungsassistenz.stellen": [
        W(d(2012, 6, 25), d(2016, 12, 31), D("0.5"), I),
        W(d(2017, 1, 1), d(2021, 12, 31), D("0.5"), I),
        W(d(2022, 1, 1), None, D("0.5"), I),
    ],
    "ki.eigenanteil.quote": NICHT_BEKANNT,
    # == KI: Laufzeit, Voraussetzungen, Antragsfenster (ki_voraussetzungen.toml) ==
    "ki.foerderbeginn": [W(d(2012, 6, 25), None, d(2012, 6, 25), I)],
    # das Höchstalter gilt nach der KI-RL 2012, danach schweigen die Quellen
    "ki.integrationskonzept.hoechstalter_jahre": [
        W(d(2012, 6, 25), d(2018, 3, 26), 3, I),
        L(d(2018, 3, 27), None),
    ],
    # Förderaufruf 2026: 17.04.–31.10.2025
    "ki.antragsfenster.beginn": [
        L(d(2012, 6, 25), d(2025, 12, 31)),
        W(*jahr(2026), d(2025, 4, 17), C),
        L(d(2027, 1, 1), None),
    ],
    "ki.antragsfenster.ende": [
        L(d(2012, 6, 25), d(2025, 12, 31)),
        W(*jahr(2026), d(2025, 10, 31), C),
        L(d(2027, 1, 1), None),
    ],
    # == KI: Stellenstruktur (ki_stellen.toml) ==
    "ki.stellen_grundausstattung": [W(d(2012, 6, 25), d(2016, 12, 31), D("5.5"), I)],
    "ki.lehrkraft.stellen": [
        W(d(2012, 6, 25), d(2016, 12, 31), D("2"), I),
        W(d(2017, 1, 1), d(2019, 12, 31), D("2"), I),
        L(d(2020, 1, 1), None),
    ],
    "ki.lehrkraft.zusatzstellen_2017_kreis": [W(d(2017, 1, 1), d(2019, 12, 31), D("1.5"), I)],
    "ki.lehrkraft.zusatzstellen_2017_kreisfreie_stadt": [
        W(d(2017, 1, 1), d(2019, 12, 31), D("1"), I)
    ],
    "ki.zusatzfachkraft_2017.stellen_kreis": [W(*jahr(2017), D("3"), I)],
    "ki.zusatzfachkraft_2017.stellen_kreisfreie_stadt": [W(*jahr(2017), D("2"), I)],
    # == Förderart (foerderart.toml) ==
    "ki.foerderart": [
        W(d(2012, 6, 25), d(2017, 12, 31), "festbetrag", U),
        W(d(2018, 1, 1), d(2020, 12, 31), "festbetrag", I),
        W(d(2021, 1, 1), d(2022, 12, 31), "vollfinanzierung", I),
        L(d(2023, 1, 1), None),
    ],
    "kim.b1.foerderart": [W(d(2020, 11, 25), None, "festbetrag", I)],
    "kim.b2.foerderart": [
        W(d(2020, 7, 1), d(2024, 12, 31), "fachbezogene_pauschale", I),
        L(d(2025, 1, 1), None),
    ],
    "kim.b3.foerderart": [
        W(d(2020, 1, 1), d(2024, 12, 31), "fachbezogene_pauschale", I),
        W(d(2025, 1, 1), None, "fachbezogene_pauschale", I),
    ],
    "komman.i.foerderart": [
        L(d(2016, 1, 1), d(2019, 11, 26)),
        W(d(2019, 11, 27), d(2024, 12, 31), "festbetrag", I),
        L(d(2025, 1, 1), None),
    ],
    "komman.ii.foerderart": [
        L(d(2016, 1, 1), d(2019, 11, 26)),
        W(d(2019, 11, 27), d(2024, 12, 31), "festbetrag", I),
    ],
    "komman.iii.foerderart": [
        W(d(2016, 1, 1), d(2025, 12, 31), "anteilfinanzierung", U),
        W(d(2026, 1, 1), None, "anteilfinanzierung", I),
    ],
    "ehrenamt_praevention.foerderart": [L(d(2025, 1, 1), None)],
    # == KIM (kim.toml) ==
    "kim.b1.foerderbeginn": [W(d(2020, 11, 25), None, d(2020, 11, 25), I)],
    "kim.b2.foerderbeginn": [W(d(2020, 7, 1), None, d(2020, 7, 1), C)],
    "kim.b2.erster_foerderzeitraum_ende": [W(d(2020, 7, 1), d(2020, 12, 31), d(2020, 12, 31), C)],
    "kim.b3.foerderbeginn": [W(d(2020, 1, 1), None, d(2020, 1, 1), I)],
    "kim.mindestfoerderung_ende": [W(d(2020, 7, 1), d(2022, 12, 31), d(2022, 12, 31), I)],
    "kim.b1.antragsverfahren": [
        W(d(2020, 11, 25), d(2024, 12, 31), "antrag", I),
        W(d(2025, 1, 1), None, "gemeinsamer_antrag_b1_b2", C),
    ],
    "kim.b2.antragsverfahren": [
        W(d(2020, 7, 1), d(2024, 12, 31), "ohne_antrag", I),
        W(d(2025, 1, 1), None, "gemeinsamer_antrag_b1_b2", C),
    ],
    "kim.b3.antragsverfahren": [
        W(d(2020, 1, 1), d(2024, 12, 31), "ohne_antrag", U),
        W(d(2025, 1, 1), None, "ohne_antrag", U),
    ],
    "kim.b1.erster_foerderzeitraum_spaetestes_ende": [
        W(d(2020, 11, 25), d(2020, 12, 31), d(2022, 12, 31), U)
    ],
    "kim.antragsfenster.beginn": [W(*jahr(2025), d(2024, 12, 19), C), L(d(2026, 1, 1), None)],
    "kim.antragsfenster.ende": [
        W(d(2020, 11, 25), d(2020, 12, 31), d(2020, 12, 28), U),
        W(*jahr(2021), d(2020, 12, 28), U),
        W(*jahr(2022), d(2021, 10, 30), U),
        W(*jahr(2023), d(2022, 10, 30), U),
        W(*jahr(2024), d(2023, 10, 30), U),
        W(*jahr(2025), d(2025, 1, 16), C),
        L(d(2026, 1, 1), None),
    ],
    "kim.b1.koordination.hoechstbetrag_je_stelle": [
        W(d(2020, 11, 25), d(2022, 12, 31), D("55000.00"), U),
        W(d(2023, 1, 1), None, D("57000.00"), I),
    ],
    "kim.b1.verwaltungsassistenz.hoechstbetrag_je_halbe_stelle": [
        W(d(2020, 11, 25), d(2022, 12, 31), D("22500.00"), U),
        W(d(2023, 1, 1), None, D("22500.00"), I),
    ],
    "kim.b1.verwaltungsassistenz.stellen": [W(d(2020, 11, 25), None, D("0.5"), I)],
    # Pressemitteilung vom 02.12.2020: bis zu 4 Personalstellen je Kreis, 3 je kreisfreie Stadt
    "kim.b1.personalstellen_kreis": [W(d(2020, 11, 25), None, D("4"), I)],
    "kim.b1.personalstellen_kreisfreie_stadt": [W(d(2020, 11, 25), None, D("3"), I)],
    "kim.b1.koordination.stellen_kreis": [W(d(2020, 11, 25), None, D("3.5"), I)],
    "kim.b1.koordination.stellen_kreisfreie_stadt": [W(d(2020, 11, 25), None, D("2.5"), I)],
    "kim.b1.zusatzstelle.stellen": [W(d(2020, 11, 25), None, D("1"), I)],
    "kim.b1.koordinierungsstellen_landesweit": [W(*jahr(2021), 192, C)],
    "kim.b1.verwaltungsassistenzstellen_landesweit": [W(*jahr(2021), 54, C)],
    "kim.b1.arbeitsplatz.hoechstbetrag_je_vzae": [
        W(d(2020, 11, 25), d(2022, 12, 31), D("9700.00"), U),
        W(d(2023, 1, 1), None, D("5700.00"), U),
    ],
    "kim.b2.case_management.betrag_je_stelle": [
        L(d(2020, 7, 1), d(2020, 12, 31)),
        W(d(2021, 1, 1), d(2022, 12, 31), D("55000.00"), C),
        W(d(2023, 1, 1), None, D("57000.00"), I),
    ],
    # Baustein 3: 25.000 EUR je halbe Stelle nur für 2020 belegt, danach nicht bekannt
    "kim.b3.betrag_je_halbe_stelle": [W(*jahr(2020), D("25000.00"), I), L(d(2021, 1, 1), None)],
    "kim.b3.stellen_landesweit": [W(*jahr(2020), 200, C)],
    "kim.b3.landesmittel": [W(*jahr(2020), D("5000000.00"), C), L(d(2021, 1, 1), None)],
    # Landesmittel: 2025 widersprüchlich (75 Mio. oder „über 65 Mio.“), ab 2026 nicht belegt
    "kim.landesmittel": [
        W(*jahr(2020), D("25000000.00"), C),
        W(*jahr(2021), D("50000000.00"), C),
        W(d(2022, 1, 1), d(2024, 12, 31), D("75000000.00"), U),
        L(*jahr(2025)),
        L(d(2026, 1, 1), None),
    ],
    "kim.b1.bewilligungen_2021_stand_2021_02_05": [W(d(2021, 2, 5), d(2021, 2, 5), 15, C)],
    "kim.b1.landesmittel": [W(*jahr(2021), D("20000000.00"), C)],
    "kim.eigenanteil.quote": NICHT_BEKANNT,
    "kim.b2.verteilungsschluessel": NICHT_BEKANNT,
    # == KOMM-AN (komman.toml): endet mit 2024 ==
    "komman.foerderbeginn": [W(d(2016, 1, 1), None, d(2016, 1, 1), I)],
    "komman.i.foerderende": [W(d(2016, 1, 1), None, d(2024, 12, 31), U)],
    "komman.ii.foerderende": [W(d(2016, 1, 1), None, d(2024, 12, 31), I)],
    # Programmteil I: Stellen seit 2016 (Betrag erst ab 2023 belegt), ab 2025 nicht bekannt
    "komman.i.fachkraft.betrag_je_stelle": [
        L(d(2016, 1, 1), d(2022, 12, 31)),
        W(d(2023, 1, 1), d(2024, 12, 31), D("57000.00"), U),
        L(d(2025, 1, 1), None),
    ],
    "komman.i.hoechstbetrag_personal": [
        L(d(2016, 1, 1), d(2022, 12, 31)),
        W(d(2023, 1, 1), d(2024, 12, 31), D("114000.00"), U),
        L(d(2025, 1, 1), None),
    ],
    "komman.i.fachkraft.stellen_mindestens": [
        W(d(2016, 1, 1), d(2022, 12, 31), D("1"), I),
        W(d(2023, 1, 1), d(2024, 12, 31), D("1"), U),
        L(d(2025, 1, 1), None),
    ],
    "komman.i.fachkraft.stellen_hoechstens": [
        L(d(2016, 1, 1), d(2022, 12, 31)),
        W(d(2023, 1, 1), d(2024, 12, 31), D("2"), U),
        L(d(2025, 1, 1), None),
    ],
    "komman.i.massnahmen.hoechstbetrag": NICHT_BEKANNT,
    "komman.i.massnahmen.hoechstbetrag_stufe_1": [
        L(d(2016, 1, 1), d(2022, 12, 31)),
        W(d(2023, 1, 1), d(2024, 12, 31), D("10000.00"), U),
        L(d(2025, 1, 1), None),
    ],
    "komman.i.massnahmen.hoechstbetrag_stufe_2": [
        L(d(2016, 1, 1), d(2022, 12, 31)),
        W(d(2023, 1, 1), d(2024, 12, 31), D("15000.00"), U),
        L(d(2025, 1, 1), None),
    ],
    "komman.i.massnahmen.hoechstbetrag_stufe_3": [
        L(d(2016, 1, 1), d(2022, 12, 31)),
        W(d(2023, 1, 1), d(2024, 12, 31), D("20000.00"), U),
        L(d(2025, 1, 1), None),
    ],
    "komman.i.massnahmen.einwohnergrenzen": NICHT_BEKANNT,
    # Programmteil II: gestrichen für 2025 – danach kein Wert (komman.ii.foerderende)
    "komman.ii.ankommenstreffpunkt.renovierung_je_raum": [
        W(d(2019, 11, 27), d(2021, 12, 31), D("1000.00"), I),
        W(d(2022, 1, 1), d(2024, 12, 31), D("1000.00"), I),
    ],
    "komman.ii.ankommenstreffpunkt.ausstattung_je_raum": [
        W(d(2019, 11, 27), d(2021, 12, 31), D("1000.00"), I),
        W(d(2022, 1, 1), d(2024, 12, 31), D("1000.00"), I),
    ],
    "komman.ii.ankommenstreffpunkt.pauschalen_je_gebaeude": [
        W(d(2019, 11, 27), d(2021, 12, 31), 2, I),
        L(d(2022, 1, 1), d(2024, 12, 31)),
    ],
    # Programmteil III (Integrationsagenturen): aktuelle BRA-Seite ab der IA-RL 2025
    "komman.iii.foerdersatz": [
        W(d(2016, 1, 1), d(2025, 12, 31), D("0.90"), U),
        W(d(2026, 1, 1), None, D("0.90"), C),
    ],
    "komman.iii.sachkosten_je_stelle": [
        W(d(2016, 1, 1), d(2025, 12, 31), D("8800.00"), U),
        W(d(2026, 1, 1), None, D("8800.00"), C),
    ],
    "komman.iii.personal.hoechstbetrag_je_vzae": [
        L(d(2016, 1, 1), d(2025, 12, 31)),
        W(d(2026, 1, 1), None, D("86498.32"), C),
    ],
    "komman.iii.mindestbetrag_je_massnahme": [W(d(2016, 1, 1), None, D("5000.00"), U)],
    "komman.iii.personal.hoechste_eingruppierung": [
        W(d(2016, 1, 1), None, "EG 11 Stufe 5 TV-L", U)
    ],
    "komman.volumen": [
        W(*jahr(2016), D("13000000.00"), C),
        W(*jahr(2017), D("13000000.00"), I),
        L(d(2018, 1, 1), d(2024, 12, 31)),
    ],
    "komman.volumen_plan": [W(*jahr(2016), D("13400000.00"), C)],
    "komman.volumen_ehrenamt": [
        W(*jahr(2016), D("7700000.00"), C),
        L(d(2017, 1, 1), d(2024, 12, 31)),
    ],
    # == Ehrenamt im Kontext Prävention (ehrenamt_praevention.toml) ==
    "ehrenamt_praevention.foerderbeginn": [W(d(2025, 1, 1), None, d(2025, 1, 1), I)],
    "ehrenamt_praevention.foerderende": [W(d(2025, 1, 1), None, d(2028, 12, 31), U)],
    "ehrenamt_praevention.hoechstbetrag_je_ki": [W(d(2025, 1, 1), None, D("58000.00"), C)],
    # == Einwanderung gestalten NRW (einwanderung_gestalten.toml) ==
    "einwanderung_gestalten.modellkommunen": [W(d(2017, 1, 1), d(2020, 6, 30), 12, I)],
    "einwanderung_gestalten.modellphase_ende": [W(d(2017, 1, 1), None, d(2020, 6, 30), I)],
    "einwanderung_gestalten.modellphase_dauer_jahre": [W(d(2017, 1, 1), d(2020, 6, 30), 2, I)],
    "einwanderung_gestalten.haushaltsansatz": [
        W(*jahr(2016), D("4410000.00"), C),
        L(d(2017, 1, 1), d(2020, 6, 30)),
    ],
    # == TIntG 2021 § 3 Abs. 2 (tintg.toml) ==
    "tintg.integrationsinfrastruktur.mindestbetrag": [
        W(*jahr(2022), D("130000000.00"), C),
        L(d(2023, 1, 1), None),
    ],
    "tintg.fortschreibung.anteil_tarif": [W(d(2023, 1, 1), None, D("0.80"), C)],
    "tintg.fortschreibung.anteil_preisindex": [W(d(2023, 1, 1), None, D("0.20"), C)],
}

MIT_ABSCHNITTEN = sorted(n for n, e in ERWARTET.items() if not isinstance(e, str))
GEPRUEFTE_DATEIEN = [
    "ki.toml",
    "ki_voraussetzungen.toml",
    "ki_stellen.toml",
    "foerderart.toml",
    "kim.toml",
    "komman.toml",
    "einwanderung_gestalten.toml",
    "tintg.toml",
    "ehrenamt_praevention.toml",
]


def _abschnitte(name: str) -> list[W | L]:
    e = ERWARTET[name]
    assert not isinstance(e, str)
    return e


def _pruefe_tag(name: str, tag: date, erwartet: W | L) -> None:
    p = parameter(name)
    if isinstance(erwartet, L):
        with pytest.raises(NichtBekannt, match=name.replace(".", r"\.")):
            p.wert_am(tag)
        return
    w = p.wert_am(tag)
    assert (w.wert, w.gewissheit) == (erwartet.wert, erwartet.gewissheit), (name, tag)
    assert type(w.wert) is type(erwartet.wert), (name, tag)
    assert w.quellen, name


def test_tabelle_stoesst_lueckenlos_aneinander() -> None:
    for name in MIT_ABSCHNITTEN:
        folge = _abschnitte(name)
        for vorher, nachher in itertools.pairwise(folge):
            assert vorher.bis is not None, name
            assert nachher.ab == vorher.bis + TAG, (name, vorher, nachher)


@pytest.mark.parametrize("name", MIT_ABSCHNITTEN)
def test_jede_grenze_von_beiden_seiten(name: str) -> None:
    folge = _abschnitte(name)
    p = parameter(name)
    with pytest.raises(KeinWertAmStichtag):
        p.wert_am(folge[0].ab - TAG)
    for abschnitt in folge:
        _pruefe_tag(name, abschnitt.ab, abschnitt)
        _pruefe_tag(name, abschnitt.bis or FERN, abschnitt)
    letzter = folge[-1]
    if letzter.bis is not None:
        with pytest.raises(KeinWertAmStichtag):
            p.wert_am(letzter.bis + TAG)


@pytest.mark.parametrize("name", MIT_ABSCHNITTEN)
def test_tabelle_beschreibt_genau_die_zeitraeume_der_daten(name: str) -> None:
    p = parameter(name)
    daten = sorted(
        [(w.gilt_ab, w.gilt_bis, "W") for w in p.werte]
        + [(lu.gilt_ab, lu.gilt_bis, "L") for lu in p.luecken]
    )
    tabelle = [(a.ab, a.bis, "W" if isinstance(a, W) else "L") for a in _abschnitte(name)]
    assert daten == tabelle


@pytest.mark.parametrize("name", sorted(n for n, e in ERWARTET.items() if e == NICHT_BEKANNT))
def test_nicht_gefundenes_ist_nicht_bekannt(name: str) -> None:
    p = parameter(name)
    assert not p.ist_bekannt and not p.werte and not p.luecken
    for tag in (d(2012, 1, 1), d(2021, 7, 1), FERN):
        with pytest.raises(NichtBekannt, match="nicht bekannt"):
            p.wert_am(tag)


def test_jeder_parameter_der_geprueften_dateien_steht_in_der_tabelle() -> None:
    namen: set[str] = set()
    for datei in GEPRUEFTE_DATEIEN:
        namen |= set(lade_parameterdatei(DATEN / datei))
    assert namen == set(ERWARTET)
    assert namen <= set(alle_parameter())


@pytest.mark.parametrize(
    ("name", "tag", "text"),
    [
        ("kim.b1.arbeitsplatz.hoechstbetrag_je_vzae", d(2021, 1, 1), "Strittig"),
        ("kim.b1.arbeitsplatz.hoechstbetrag_je_vzae", d(2024, 1, 1), "Strittig"),
        ("kim.b3.betrag_je_halbe_stelle", d(2020, 1, 1), "errechnet"),
        ("kim.b1.koordination.stellen_kreis", d(2021, 1, 1), "Gefolgert"),
        ("komman.i.foerderende", d(2024, 1, 1), "nicht belegt"),
        ("ehrenamt_praevention.foerderende", d(2025, 1, 1), "Welche Richtlinie"),
        ("kim.landesmittel", d(2023, 1, 1), "gefolgert"),
        ("kim.b1.koordination.hoechstbetrag_je_stelle", d(2021, 1, 1), "gescrapte Kopie"),
        ("komman.volumen", d(2017, 1, 1), "unverändert"),
    ],
)
def test_unsichere_und_gefolgerte_werte_sagen_warum(name: str, tag: date, text: str) -> None:
    assert text in parameter(name).wert_am(tag).anmerkung


def test_umstrittener_arbeitsplatzbetrag_nennt_den_streit_in_der_beschreibung() -> None:
    assert "strittig" in parameter("kim.b1.arbeitsplatz.hoechstbetrag_je_vzae").beschreibung


@pytest.mark.parametrize(
    ("name", "tag", "texte"),
    [
        # strittig: beide Werte mit ihren Quellen, kim_nrw wählt keinen
        ("ki.fachkraft.hoechstbetrag_je_stelle", d(2022, 6, 30),
         ("55.000 EUR", "57.000 EUR", "N-BASS-19311", "S-pufii-KI", "wählt keinen")),
        ("kim.landesmittel", d(2025, 6, 30),
         ("75 Mio. EUR", "über 65 Millionen Euro", "S-kim-TIntG", "N-Gruene-HH2025")),
        # KOMM-AN ab 2025: ersetzt, Fortbestand von Programmteil I nicht belegt
        ("komman.i.fachkraft.betrag_je_stelle", d(2025, 1, 1),
         ("ersetzt", "nicht belegt", "Die Werte von 2024 gelten nicht fort")),
        ("komman.i.foerderart", d(2025, 1, 1), ("Ehrenamt im Kontext Prävention",)),
        # Baustein 3: der Satz von 2020 läuft nicht weiter
        ("kim.b3.betrag_je_halbe_stelle", d(2021, 1, 1), ("ab 2021", "nicht belegt")),
        # das Höchstalter kommt aus der Richtlinie; nach der KI-RL 2012 schweigen die Quellen
        ("ki.integrationskonzept.hoechstalter_jahre", d(2018, 3, 27),
         ("Rahmenbedingungen", "Förderaufruf 2026")),
        ("ki.hoechstbetrag_kreis", d(2021, 1, 1), ("320.000 EUR", "352.500 EUR")),
        ("ki.antragsfenster.ende", d(2027, 1, 1), ("2027", "17.04.–31.10.2025")),
    ],
)  # fmt: skip
def test_luecken_nennen_ihren_grund(name: str, tag: date, texte: tuple[str, ...]) -> None:
    with pytest.raises(NichtBekannt) as info:
        parameter(name).wert_am(tag)
    for text in texte:
        assert text in str(info.value), (name, text)


def test_komman_ii_endet_mit_2024_ohne_luecke() -> None:
    """Programmteil II ist gestrichen: nach 2024 gibt es nichts zu wissen (keine Geltung)."""
    for name in alle_parameter():
        if name.startswith("komman.ii.") and name != "komman.ii.foerderende":
            with pytest.raises(KeinWertAmStichtag):
                parameter(name).wert_am(d(2025, 1, 1))
    assert parameter("komman.ii.foerderende").wert_am(d(2016, 1, 1)).datum == d(2024, 12, 31)

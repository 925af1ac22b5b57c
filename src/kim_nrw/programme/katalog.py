"""Die Beschreibungen der Programme KI-Förderung, KIM und KOMM-AN und ihrer Vorgänger.

Die Angaben stammen aus dem Faktenblatt und zitieren Kurznamen des Quellenkatalogs
(:mod:`kim_nrw.recht`). Sie werden beim ersten Zugriff einmal gebaut und dabei streng
geprüft: jeder Kurzname muss im Katalog stehen, jeder genannte Parameter in den
Paketdaten, jede Modellkommune im Gebietsregister – sonst
:class:`~kim_nrw.fehler.DatenFehler`. ``import kim_nrw`` liest dafür keine Datei.

Zeiträume der Rechtsgrundlagen: das Faktenblatt belegt Inkrafttreten und Geltungsdauer
der Richtlinien nicht (Abschnitt 9 Nr. 3). Eine Richtlinie ist hier vom Tag ihres
Erlasses bis zum Tag vor der nächsten Fassung maßgeblich (Gewissheit ``abgeleitet``) – so
wählt auch die Prüfung die Fassung.

>>> from datetime import date
>>> from kim_nrw.programme import teil, Programmteil
>>> [g.quelle for g in teil(Programmteil.KI).rechtsgrundlagen_am(date(2019, 5, 1))
...  if g.quelle.startswith(("TIntG", "KI-RL"))]
['TIntG-2012', 'KI-RL-2018']
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date

from kim_nrw.fehler import DatenFehler, KimNrwFehler, UngueltigeEingabe
from kim_nrw.programme.beschreibung import (
    Baustein,
    Bewilligungsbehoerde,
    Empfaenger,
    Modellkommune,
    Parameterstand,
    Programmbeschreibung,
    Rechtsgrundlage,
    Teilbeschreibung,
    Vorgaengerprogramm,
)
from kim_nrw.programme.teile import Foerderart, Programm, Programmteil
from kim_nrw.recht import Gewissheit, Luecke, alle_parameter, alle_rechtsquellen

__all__ = [
    "alle_programme",
    "einwanderung_gestalten",
    "foerderart_am",
    "parameter_am",
    "programm",
    "teil",
]

_QUELLE = "kim_nrw/programme/katalog.py"

BELEGT, GEFOLGERT, UNSICHER = Gewissheit.BESTAETIGT, Gewissheit.ABGELEITET, Gewissheit.UNSICHER
E = Empfaenger
_KREISEBENE = (E.KREIS, E.STAEDTEREGION, E.KREISFREIE_STADT, E.STADT_AACHEN)


def _d(jahr: int, monat: int, tag: int) -> date:
    return date(jahr, monat, tag)


_RL = "Geltungsdauer nicht belegt: maßgeblich vom Erlass bis zum Tag vor der nächsten Fassung"


def _bra() -> Bewilligungsbehoerde:
    return Bewilligungsbehoerde(
        "Bezirksregierung Arnsberg",
        "Dezernat 36",
        "Kompetenzzentrum für Integration (KfI)",
        ("S-Unna-2018", "S-RKN-2020-prot", "S-IfKuF", "S-vandenBerg", "S-BRA-KI", "S-BRA-KIM"),
        "Prüft Anträge und bewilligt landesweit KI, KOMM-AN (belegt seit 2016), IfKuF, "
        "Integrationsagenturen und KIM (Bescheid für Baustein 2 vom 25.05.2020). Für die "
        "KI-Förderung 2012–2017 ist die Bewilligungsbehörde nicht ausdrücklich belegt.",
    )


# == KI-Förderung ===========================================================================


def _ki() -> Programmbeschreibung:
    grundlagen = (
        Rechtsgrundlage(
            "TIntG-2012",
            _d(2012, 6, 25),
            _d(2021, 12, 31),
            "§ 7",
            GEFOLGERT,
            "Beginn: erste KI-Richtlinie (Inkrafttreten des TIntG 2012 nicht belegt); "
            "Ende: aufgehoben mit Wirkung vom 01.01.2022",
        ),
        Rechtsgrundlage("TIntG-2021", _d(2022, 1, 1), None, "§ 8 Abs. 1", BELEGT),
        Rechtsgrundlage("KI-RL-2012", _d(2012, 6, 25), _d(2018, 3, 26), None, GEFOLGERT, _RL),
        Rechtsgrundlage(
            "KI-RdErl-2012",
            _d(2012, 6, 25),
            _d(2018, 5, 7),
            None,
            GEFOLGERT,
            "ersetzt durch den Runderlass vom 08.05.2018",
        ),
        Rechtsgrundlage(
            "KI-RdErl-2015",
            _d(2015, 3, 23),
            _d(2018, 5, 7),
            "Nr. 4.2 und 4.3",
            GEFOLGERT,
            "ändert den Erlass von 2012: 2 Lehrkräfte, 3 Fachkräfte, 0,5 Verwaltungsassistenz",
        ),
        Rechtsgrundlage(
            "KI-RL-2016",
            _d(2016, 4, 26),
            _d(2018, 3, 26),
            None,
            GEFOLGERT,
            "Änderung der Richtlinie; Inhalt nicht belegt",
        ),
        Rechtsgrundlage("KI-RL-2018", _d(2018, 3, 27), _d(2023, 3, 9), None, GEFOLGERT, _RL),
        Rechtsgrundlage(
            "KI-RdErl-2018", _d(2018, 5, 8), None, None, GEFOLGERT, "geändert am 19.12.2022"
        ),
        Rechtsgrundlage(
            "KI-RdErl-2022",
            _d(2022, 12, 19),
            None,
            "Nr. 1.3.3",
            GEFOLGERT,
            "Laiensprachmittlerpool und KOMM-AN gehören zur Grundförderung",
        ),
        Rechtsgrundlage("KI-RL-2023", _d(2023, 3, 10), _d(2025, 4, 2), None, GEFOLGERT, _RL),
        Rechtsgrundlage(
            "KI-RL-2025",
            _d(2025, 4, 3),
            None,
            None,
            GEFOLGERT,
            "nur der Kopf ist belegt, Einzelheiten nicht",
        ),
        Rechtsgrundlage(
            "LHO-44",
            _d(2012, 6, 25),
            None,
            None,
            GEFOLGERT,
            "Grundlage aller KI-, KIM- und KOMM-AN-Richtlinien",
        ),
        Rechtsgrundlage(
            "VV-LHO-44-2003",
            _d(2018, 3, 27),
            _d(2023, 3, 9),
            None,
            GEFOLGERT,
            "zitiert von der KI-RL 2018",
        ),
        Rechtsgrundlage(
            "VV-LHO-44-2022",
            _d(2023, 3, 10),
            None,
            None,
            GEFOLGERT,
            "zitiert von den KI-Richtlinien 2023 und 2025",
        ),
    )
    teil = Teilbeschreibung(
        Programmteil.KI,
        gegenstand=(
            "Personal und Sachkosten der Kommunalen Integrationszentren: kommunale "
            "Fachkraftstellen und eine halbe Stelle Verwaltungsassistenz (Festbeträge je "
            "Stelle), dazu Sachkosten für Sprachmittlung bzw. den Laiensprachmittlerpool. Die "
            "Lehrkräfte ordnet das Land ab; sie werden nicht aus der Zuwendung bezahlt. "
            "Arbeitsfelder nach § 7 TIntG 2012: Integration durch Bildung und Integration als "
            "Querschnittsaufgabe; seit 2022 die Aufgaben nach § 8 TIntG 2021 (frühe Bildung, "
            "Schule und Übergang in den Beruf; Koordinierung der Integrationsarbeit von Ämtern "
            "und freien Trägern; Ehrenamt, besonders für Geflüchtete; Qualifizierung von Kita- "
            "und Schulpersonal)."
        ),
        empfaenger=_KREISEBENE,
        empfaenger_text=(
            "Nur Kreise (auch die StädteRegion Aachen) und kreisfreie Städte, die ein KI "
            "eingerichtet haben und über ein Integrationskonzept verfügen. Nach den Regeln von "
            "2012 außerdem: Beschluss von Rat oder Kreistag, Konzept nicht älter als drei "
            "Jahre, Arbeitsplan für beide Pflichtfelder. Die Stadt Aachen trägt als "
            "regionsangehörige Stadt mit der Rechtsstellung einer kreisfreien Stadt ein eigenes "
            "KI (54 KI für 53 Körperschaften auf Kreisebene)."
        ),
        verfahren=(
            "Antrag online bei der Bezirksregierung Arnsberg; Bewilligung je Haushaltsjahr mit "
            "Mittelabrufen und jährlichem Verwendungsnachweis. Antragsfristen sind nicht belegt."
        ),
        rechtsgrundlagen=grundlagen,
        quellen=(
            "S-BRA-KI",
            "S-pufii-KI",
            "S-lum-BRA-KI-old",
            "S-BASS-15147",
            "S-KI-Rahmenbed",
            "S-TIntG-§8",
            "S-SGK-2016",
        ),
        praefix="ki.",
        parameter_beginn="ki.foerderbeginn",
        parameter_foerderart="ki.foerderart",
        hinweise=(
            "KI gibt es nur in NRW; sie bündeln die früheren RAA (Integration durch Bildung) und "
            "das Programm KOMM-IN NRW (Integration als Querschnittsaufgabe).",
            "Grundausstattung 2012–2016: 5,5 Stellen (2 Lehrkräfte, 3 Fachkräfte, 0,5 "
            "Verwaltungsassistenz), von Anfang an voll zu besetzen. Ab 2017 zusätzlich Kreise "
            "3, kreisfreie Städte 2 Fachkraftstellen (unbefristet) sowie 1,5 bzw. 1 Lehrkraft "
            "(bis 2019).",
            "2017 vereinbarte die Landesregierung eine auskömmliche Finanzierung bis zum Ende "
            "der Legislaturperiode 2022; seit 01.01.2022 ist die Förderung in § 8 TIntG 2021 "
            "verankert und Teil des Mindestbudgets nach § 3 Abs. 2.",
            "Ein fester Eigenanteil ist nicht belegt; bei Festbeträgen trägt die Kommune die "
            "Kosten darüber (Kreis Wesel 2013 netto rund 50.000 EUR im Jahr, Kreis Steinfurt "
            "2016 203.000 EUR).",
            "Die Landesweite Koordinierungsstelle (LaKI) berät die KI (2018 BRA Dezernat 37, "
            "heute beim MKJFGFI); die Landesstelle Schulische Integration (LaSI, BRA "
            "Dezernat 40) unterstützt die abgeordneten Lehrkräfte.",
        ),
    )
    return Programmbeschreibung(
        Programm.KI,
        beschreibung=(
            "Das Land fördert Kommunale Integrationszentren in Kreisen und kreisfreien Städten "
            "mit Integrationskonzept (§ 7 TIntG 2012, seit 2022 § 8 TIntG 2021) nach den "
            "KI-Richtlinien von 2012, 2018, 2023 und 2025."
        ),
        teile=(teil,),
        bewilligungsbehoerde=_bra(),
        praefix="ki.",
        quellen=(
            "S-BRA-KI",
            "S-TIntG-§8",
            "S-BASS-17849",
            "S-Recklinghausen",
            "S-Unna-2018",
            "PM-MKFFI-2017-10-22",
        ),
    )


# == KIM ===================================================================================

_KIM_TINTG = Rechtsgrundlage(
    "TIntG-2021", _d(2022, 1, 1), None, "§ 9", BELEGT, "KIM auf Dauer angelegt"
)
_KIM_RL_2024 = "nach dem Förderaufruf 2025 gemeinsam mit Baustein 2 beantragt"


def _kim() -> Programmbeschreibung:
    b1 = Teilbeschreibung(
        Programmteil.KIM_B1,
        gegenstand=(
            "Strategische Steuerung („strategischer Overhead“): zusätzliche Koordinierende "
            "Stellen, 0,5 Stelle Verwaltungsassistenz, Ausstattung der Arbeitsplätze und "
            "Fortbildung (im Kreis Coesfeld auch Veranstaltungen und Schnittstellenmanagement)."
        ),
        empfaenger=_KREISEBENE,
        empfaenger_text=(
            "Kreise und kreisfreie Städte mit KI (§ 9 Abs. 1 TIntG 2021; „Kommunen mit KI“ nach "
            "der KIM-RL 2020). Eine zusätzliche Koordinierungsstelle für eine kreisangehörige "
            "Gemeinde mit Ausländerbehörde, Jugendamt und Integrationsrat oder "
            "Integrationsausschuss beantragt der zuständige Kreis. Ab 2025 außerdem: "
            "Koordinierungsstellen am KI angebunden, örtliches KIM-Konzept nach dem "
            "Handlungskonzept des Landes, Lenkungsgruppe auf Leitungsebene, qualifiziertes "
            "Personal. Stadt Aachen: als kreisfreie Stadt mit eigenem KI (gefolgert)."
        ),
        verfahren=(
            "Antrag bei der Bezirksregierung Arnsberg (Dezernat 36) nach der KIM-RL 2020; die "
            "Bescheide 2021 ergingen nach Antragseingang (bis 05.02.2021 an 15 Kreise und "
            "kreisfreie Städte). Ab 2025 ein gemeinsamer Antrag für die Bausteine 1 und 2 nach "
            "der KIM-RL 2024 (Fenster 19.12.2024–16.01.2025)."
        ),
        rechtsgrundlagen=(
            Rechtsgrundlage(
                "KIM-RL-2020", _d(2020, 11, 25), _d(2024, 12, 11), None, GEFOLGERT, _RL
            ),
            Rechtsgrundlage(
                "VV-LHO-44-2020",
                _d(2020, 11, 25),
                _d(2024, 12, 11),
                None,
                GEFOLGERT,
                "zitiert von der KIM-RL 2020",
            ),
            _KIM_TINTG,
            Rechtsgrundlage("KIM-RL-2024", _d(2024, 12, 12), None, None, GEFOLGERT, _KIM_RL_2024),
            Rechtsgrundlage(
                "VV-LHO-44-2022",
                _d(2024, 12, 12),
                None,
                None,
                GEFOLGERT,
                "zitiert von der KIM-RL 2024",
            ),
            Rechtsgrundlage(
                "LHO-44", _d(2020, 11, 25), None, None, GEFOLGERT, "Grundlage der KIM-Richtlinien"
            ),
        ),
        quellen=(
            "S-BRA-KIM",
            "S-KIM-RL-2020",
            "S-Coesfeld-2023",
            "S-lokalkompass-2020",
            "S-NRWfoerdert-KIM-2025",
        ),
        praefix="kim.b1.",
        parameter_beginn="kim.b1.foerderbeginn",
        parameter_foerderart="kim.b1.foerderart",
        weiterleitung=(
            "Die Einbeziehung der kreisangehörigen Gemeinden hat besonderes Gewicht; wie der "
            "Kreis mit ihnen auf Grundlage eines gemeinsamen Integrationskonzepts "
            "zusammenarbeitet, ist festzulegen; die Weitergabe an ausgewählte Gemeinden ist "
            "nach den Fördergrundsätzen zulässig (§ 9 Abs. 2 TIntG 2021)."
        ),
        hinweise=(
            "Beispiele: Kreis Coesfeld 2023 3,5 Koordinierungsstellen und 0,5 "
            "Verwaltungsassistenz; Stadt Düsseldorf „3 Stellen“ (Dezember 2020). Ein "
            "allgemeiner Schlüssel für die Zahl der Stellen ist nicht belegt.",
            "Arbeitsplatzausstattung strittig: 9.700 EUR (älterer BRA-Text, unsicher) oder "
            "5.700 EUR (aktuelle BRA-Seite) je VZÄ.",
        ),
    )
    b2 = Teilbeschreibung(
        Programmteil.KIM_B2,
        gegenstand=(
            "Zusätzliche Stellen für ein individuelles, rechtskreisübergreifendes Case "
            "Management für Menschen mit Einwanderungsgeschichte, die keinen oder keinen "
            "ausreichenden Zugang zum Hilfesystem haben – unabhängig vom Aufenthaltsstatus."
        ),
        empfaenger=_KREISEBENE,
        empfaenger_text=(
            "Kreise und kreisfreie Städte mit KI (§ 9 Abs. 1 TIntG 2021). In der StädteRegion "
            "Aachen arbeiten die Case Manager der Stadt Aachen für das Stadtgebiet, die der "
            "StädteRegion für die übrigen regionsangehörigen Kommunen."
        ),
        verfahren=(
            "2020–2024 fachbezogene Pauschale ohne vorherigen Antrag, zu festen Terminen und je "
            "Jahr befristet; die Zahl der Stellen sollte mit der Zeit wachsen. Erster "
            "Förderzeitraum 01.07.–31.12.2020 (Bescheid der BRA vom 25.05.2020, z. B. 6 Stellen "
            "für den Rhein-Kreis Neuss). Ab 2025 gemeinsamer Antrag mit Baustein 1 nach der "
            "KIM-RL 2024."
        ),
        rechtsgrundlagen=(
            _KIM_TINTG,
            Rechtsgrundlage("KIM-RL-2024", _d(2024, 12, 12), None, None, GEFOLGERT, _KIM_RL_2024),
            Rechtsgrundlage(
                "VV-LHO-44-2022",
                _d(2024, 12, 12),
                None,
                None,
                GEFOLGERT,
                "zitiert von der KIM-RL 2024",
            ),
        ),
        quellen=(
            "S-BRA-KIM",
            "S-RKN-2020-prot",
            "S-pufii-KIM",
            "S-Coesfeld-2023",
            "S-NRWfoerdert-KIM-2025",
        ),
        praefix="kim.b2.",
        parameter_beginn="kim.b2.foerderbeginn",
        parameter_foerderart="kim.b2.foerderart",
        grundlagenluecken=(
            Luecke(
                _d(2020, 7, 1),
                _d(2021, 12, 31),
                "Vor dem TIntG 2021 ist die Rechtsgrundlage der fachbezogenen Pauschale nicht "
                "belegt; die KIM-RL 2020 regelte wohl nur Baustein 1 (Umfang unsicher).",
                ("S-pufii-KIM", "S-RKN-2020-prot", "S-KIM-RL-2020"),
            ),
        ),
        weiterleitung=(
            "Kreise geben Stellen an kreisangehörige Gemeinden oder Träger der freien "
            "Wohlfahrtspflege weiter (Kreis Coesfeld: Interessenbekundungsverfahren; Kreis "
            "Heinsberg: 2 Stellen an DRK und Diakonie; Leverkusen: Weiterleitungsverträge mit 3 "
            "Trägern). Jeder Träger muss alle Vorgaben des Landes einhalten, auch zur "
            "Fachaufsicht über die Case Manager."
        ),
        hinweise=(
            "Stellen (Beispiele): Rhein-Kreis Neuss 6 (2020); Kreis Coesfeld 6 (2020/21), 12 "
            "(2022); Kreis Mettmann 9 (2021), +7 (2022); Kreis Düren 12,5; Stadt Düren 1. Der "
            "Verteilungsschlüssel ist nicht belegt.",
            "Kommunen stocken auf (Kreis Heinsberg freiwillig 5.000 EUR je VZÄ; Leverkusen "
            "trägt die Differenz).",
        ),
    )
    b3 = Teilbeschreibung(
        Programmteil.KIM_B3,
        gegenstand=(
            "Zusätzliche Stellen in den Ausländer- und Einbürgerungsbehörden, um die "
            "Bleiberechte für gut integrierte Menschen (§§ 25a, 25b AufenthG) anzuwenden, die "
            "Einbürgerung Berechtigter zu fördern und Migrations- und Integrationsverwaltung "
            "(KI) zu verbinden; verknüpft mit der Landeskampagne #IchDuWirNRW."
        ),
        empfaenger=(E.KREIS, E.STAEDTEREGION, E.KREISFREIE_STADT, E.KREISANGEHOERIGE_GEMEINDE),
        empfaenger_text=(
            "Die Kommune, die die Ausländer- bzw. Einbürgerungsbehörde führt: Kreis, kreisfreie "
            "Stadt oder kreisangehörige Stadt mit eigener Behörde, etwa die Stadt Düren "
            "(gefolgert aus der BRA-Seite). In der StädteRegion Aachen führt die StädteRegion "
            "das Ausländerwesen auch für die Stadt Aachen – Baustein 3 erhält daher die "
            "StädteRegion, nicht die Stadt (gefolgert)."
        ),
        verfahren=(
            "2020–2024 fachbezogene Pauschale (ohne Antrag nur laut gescrapter Kopie, "
            "unsicher); erstes Geld im Frühjahr 2020. Der Förderaufruf 2025 umfasst nur die "
            "Bausteine 1 und 2 – Baustein 3 bleibt vermutlich Pauschale (gefolgert)."
        ),
        rechtsgrundlagen=(
            _KIM_TINTG,
            Rechtsgrundlage(
                "KIM-RL-2024",
                _d(2024, 12, 12),
                None,
                None,
                UNSICHER,
                "nennt die Verstetigung der Arbeit in den Ausländer- und "
                "Einbürgerungsbehörden als dritten Baustein; ob Baustein 3 danach "
                "beantragt wird, ist nicht belegt",
            ),
        ),
        quellen=(
            "S-BRA-KIM",
            "S-pufii-KIM",
            "S-Kleve-B3",
            "S-Muenster-B3",
            "S-Mettmann-B3",
            "S-CDU-GE",
        ),
        praefix="kim.b3.",
        parameter_beginn="kim.b3.foerderbeginn",
        parameter_foerderart="kim.b3.foerderart",
        grundlagenluecken=(
            Luecke(
                _d(2020, 1, 1),
                _d(2021, 12, 31),
                "Vor dem TIntG 2021 ist die Rechtsgrundlage der fachbezogenen Pauschale nicht "
                "belegt; die KIM-RL 2020 regelte wohl nur Baustein 1 (Umfang unsicher).",
                ("S-pufii-KIM", "S-KIM-RL-2020"),
            ),
        ),
        hinweise=(
            "Landesweit 200 halbe Stellen für 5 Mio. EUR (Jahr der Aussage nicht genannt, wohl "
            "2020); daraus errechnet etwa 25.000 EUR je halbe Stelle – kein belegter Satz.",
            "Beispiel: Kreis Coesfeld 2023 2 Stellen.",
        ),
    )
    return Programmbeschreibung(
        Programm.KIM,
        beschreibung=(
            "Das Land fördert nach Zuwendungsrecht das Kommunale Integrationsmanagement: "
            "wirksame Kooperationsstrukturen aller örtlichen Ämter, Behörden und Träger, die "
            "Menschen mit Einwanderungsgeschichte betreuen, und eine individuelle, "
            "lebenslagenorientierte Beratung, besonders für Geflüchtete, Geduldete und "
            "Neuzugewanderte. Ziel ist eine integrierte, rechtskreisübergreifende Steuerung vor "
            "Ort. Start 2020 (Baustein 3 im Frühjahr, Baustein 2 am 01.07., Baustein 1 mit der "
            "KIM-RL vom 25.11.2020); seit 01.01.2022 auf Dauer in § 9 TIntG 2021 verankert."
        ),
        teile=(b1, b2, b3),
        bewilligungsbehoerde=_bra(),
        praefix="kim.",
        quellen=(
            "S-TIntG-§9",
            "S-KIM-RL-2020",
            "S-KIM-RL-2024",
            "S-BRA-KIM",
            "S-MKFFI-KIM-2021",
            "S-kim-Handlungskonzept",
            "S-Coesfeld-2020",
            "PM-MKFFI-2021-02-05",
        ),
        hinweise=(
            "Verbindlich ist außerdem das KIM-Handlungskonzept des Landes; die Kommunen "
            "schreiben danach ihr örtliches Konzept.",
            "Keine Doppelförderung: kein KIM-Geld für Vorhaben, die schon EU-, Bundes-, Landes- "
            "oder Drittmittel erhalten (§ 9 Abs. 4); Leistungen nach anderen Gesetzen bleiben "
            "unberührt (§ 9 Abs. 3).",
            "In der Regel beim KI angebunden (54 KI); Kreis Kleve schreibt von „allen 53 Kreisen "
            "und kreisfreien Städten“, das Ministerium von 54.",
            "Ein Eigenanteil war 2020 „erforderlich“ (Kreis Coesfeld nutzte Mittel der "
            "Integrationspauschale); Satz und Regel sind nicht belegt.",
            "Wissenschaftliche Begleitung: Institut für Stadt- und Regionalentwicklung der "
            "Frankfurt University of Applied Sciences; Beratung durch FOGS 2020–2022.",
            "Vorgänger: das Modellprogramm „Einwanderung gestalten NRW“ (2017–30.06.2020).",
        ),
    )


# == KOMM-AN ================================================================================

_KOMMAN_I_II = (
    Rechtsgrundlage(
        "KOMMAN-RL-2019",
        _d(2019, 11, 27),
        _d(2021, 12, 31),
        None,
        GEFOLGERT,
        "Fassung der Änderung vom 27.11.2019 (berichtigt 11.12.2019); " + _RL,
    ),
    Rechtsgrundlage(
        "KOMMAN-RL-2022",
        _d(2022, 1, 1),
        _d(2023, 3, 9),
        None,
        GEFOLGERT,
        "2.1 Koordinierung, Vernetzung und Qualifizierung durch das KI; 2.2 "
        "Maßnahmen der KI-Kommune oder Dritter; ab 10.03.2023 Teil der KI-RL",
    ),
    Rechtsgrundlage(
        "VV-LHO-44-2020",
        _d(2022, 1, 1),
        _d(2023, 3, 9),
        None,
        GEFOLGERT,
        "zitiert von Richtlinien des Jahres 2022",
    ),
    Rechtsgrundlage(
        "KI-RdErl-2022",
        _d(2022, 12, 19),
        None,
        "Nr. 1.3.3",
        GEFOLGERT,
        "KOMM-AN gehört zur Grundförderung der KI",
    ),
    Rechtsgrundlage(
        "KI-RL-2023",
        _d(2023, 3, 10),
        _d(2025, 4, 2),
        None,
        GEFOLGERT,
        "fördert KI und KOMM-AN (Programmteile I und II)",
    ),
    Rechtsgrundlage(
        "TIntG-2021",
        _d(2023, 3, 10),
        None,
        "§ 8 Abs. 1",
        GEFOLGERT,
        "Grundlage der KI-RL 2023, die KOMM-AN umfasst",
    ),
    Rechtsgrundlage(
        "VV-LHO-44-2022",
        _d(2023, 3, 10),
        None,
        None,
        GEFOLGERT,
        "zitiert von den KI-Richtlinien 2023 und 2025",
    ),
    Rechtsgrundlage(
        "KI-RL-2025",
        _d(2025, 4, 3),
        None,
        None,
        UNSICHER,
        "ob KOMM-AN weiter Teil der KI-RL ist, ist nicht belegt (nur der Kopf)",
    ),
    Rechtsgrundlage(
        "LHO-44",
        _d(2019, 11, 27),
        None,
        None,
        GEFOLGERT,
        "Grundlage der KOMM-AN- und KI-Richtlinien",
    ),
)
_KOMMAN_FRUEH = Luecke(
    _d(2016, 1, 1),
    _d(2019, 11, 26),
    "Die KOMM-AN-Richtlinie vor der Änderung vom 27.11.2019 (Erstfassung) ist nicht gefunden; "
    "belegt sind nur Förderkonzeptionen (Dezember 2017, 12.12.2018, November 2019).",
    ("S-Konzeption-2017", "S-Konzeption-2018", "S-Konzeption-2019", "S-KOMMAN-RL-2019"),
)


def _komman() -> Programmbeschreibung:
    i = Teilbeschreibung(
        Programmteil.KOMMAN_I,
        gegenstand=(
            "Stärkung der KI: Fachkräfte, die Ehrenamtliche unterstützen, qualifizieren und "
            "vernetzen (1, 1,5 oder 2 Stellen), und ein Zuschuss für Sachkosten bzw. Maßnahmen "
            "(10.000, 15.000 oder 20.000 EUR im Jahr nach Einwohnerschlüssel). Die BRA nennt "
            "den Teil auch „Baustein I“."
        ),
        empfaenger=_KREISEBENE,
        empfaenger_text=(
            "Nur Kreise und kreisfreie Städte mit KI (BRA). Dass 2016 auch Kreise ohne KI "
            "profitieren konnten (Pressemitteilung MAIS vom 22.01.2016), ist anderweitig nicht "
            "bestätigt."
        ),
        verfahren=(
            "Antrag bei der Bezirksregierung Arnsberg (KfI); Zuwendungen für jeweils ein Jahr; "
            "die Landesweite Koordinierungsstelle berät."
        ),
        rechtsgrundlagen=_KOMMAN_I_II,
        quellen=("S-BRA-KOMMAN-I", "S-MKFFI-BausteinI", "S-vandenBerg", "S-Herne"),
        praefix="komman.i.",
        parameter_beginn="komman.foerderbeginn",
        parameter_foerderart="komman.i.foerderart",
        grundlagenluecken=(_KOMMAN_FRUEH,),
    )
    ii = Teilbeschreibung(
        Programmteil.KOMMAN_II,
        gegenstand=(
            "Bedarfsorientierte Maßnahmen vor Ort in vier Bausteinen (A–D), vor allem "
            "Ankommenstreffpunkte in möglichst vielen Städten und Gemeinden, in denen "
            "Ehrenamtliche Geflüchteten eine Grundorientierung geben."
        ),
        empfaenger=_KREISEBENE,
        empfaenger_text=(
            "Die Kommune mit KI (Kreis oder kreisfreie Stadt); Vereine und Initiativen "
            "beantragen über das KI."
        ),
        verfahren=(
            "Antrag über das KI bei der Bezirksregierung Arnsberg (KfI); Festbeträge, z. B. je "
            "Raum eines Ankommenstreffpunkts; Zuwendungen für jeweils ein Jahr."
        ),
        rechtsgrundlagen=_KOMMAN_I_II,
        quellen=("S-BRA-KOMMAN-II", "S-KOMMAN-RL-2019", "S-KOMMAN-RL-2022", "S-Hoexter-KOMMAN"),
        praefix="komman.ii.",
        parameter_beginn="komman.foerderbeginn",
        parameter_foerderart="komman.ii.foerderart",
        grundlagenluecken=(_KOMMAN_FRUEH,),
        weiterleitung=(
            "Das KI darf Mittel an Dritte weitergeben; die RL 2022–2026 hat dafür als Anlage "
            "einen Weiterleitungsvertrag (und eine „Liste FlüAG 2016“, vermutlich eine "
            "Verteilungsliste nach dem Flüchtlingsaufnahmegesetz)."
        ),
        bausteine=(
            Baustein(
                "A",
                "Ankommenstreffpunkte",
                "Renovierung, Ausstattung und laufende Kosten von Ankommenstreffpunkten, "
                "später auch digitales Ehrenamt. Renovierung und Ausstattung je 1.000 EUR "
                "pauschal je Raum, höchstens zwei Pauschalen je Gebäude (RL 2019).",
                ("S-BRA-KOMMAN-II", "S-KOMMAN-RL-2019"),
            ),
            Baustein(
                "B",
                "Begegnung, Orientierung, Begleitung",
                "Maßnahmen der Begegnung, Orientierung und Begleitung.",
                ("S-BRA-KOMMAN-II", "S-Hoexter-KOMMAN"),
            ),
            Baustein(
                "C",
                "Information und Wissen",
                "Information und Wissensvermittlung; später: Gewinnung Ehrenamtlicher.",
                ("S-BRA-KOMMAN-II", "S-Hoexter-KOMMAN"),
            ),
            Baustein(
                "D",
                "Qualifizierung",
                "Qualifizierung der Ehrenamtlichen.",
                ("S-BRA-KOMMAN-II", "S-Hoexter-KOMMAN"),
            ),
        ),
    )
    iii = Teilbeschreibung(
        Programmteil.KOMMAN_III,
        gegenstand=(
            "Stärkung der Integrationsagenturen: Maßnahmen im Lebensumfeld Geflüchteter. Bis "
            "90 % der zuwendungsfähigen Ausgaben, Personal bis EG 11 Stufe 5 TV-L, "
            "Sachkostenpauschale 8.800 EUR je Vollzeitstelle und Jahr, mindestens 5.000 EUR je "
            "Maßnahme."
        ),
        empfaenger=(E.WOHLFAHRTSVERBAND,),
        empfaenger_text=(
            "Die Wohlfahrtsverbände der Arbeitsgemeinschaft der Spitzenverbände der Freien "
            "Wohlfahrtspflege als Träger der Integrationsagenturen – keine Kommunen."
        ),
        verfahren="Antrag bei der Bezirksregierung Arnsberg (KfI); Anteilfinanzierung.",
        rechtsgrundlagen=(),
        quellen=("S-BRA-KOMMAN-III",),
        praefix="komman.iii.",
        parameter_beginn="komman.foerderbeginn",
        parameter_foerderart="komman.iii.foerderart",
        grundlagenluecken=(
            Luecke(
                _d(2016, 1, 1),
                None,
                "Für Programmteil III nennt keine gelesene Quelle die Richtlinie; die "
                "KOMM-AN-Richtlinien 2019 und 2022 und die KI-RL 2023 betreffen die Kommunen "
                "mit KI (Programmteile I und II). Integrationsagenturen allgemein: Richtlinie "
                "vom 15.12.2017 (IA-RL-2017).",
                ("S-BRA-KOMMAN-III", "IA-RL-2017"),
            ),
        ),
    )
    return Programmbeschreibung(
        Programm.KOMM_AN,
        beschreibung=(
            "KOMM-AN NRW stärkt seit 2016 die Integrationsarbeit vor Ort, besonders das Ehrenamt "
            "in der Flüchtlingshilfe: zusätzliches Personal in den KI (Programmteil I), "
            "Ankommenstreffpunkte und weitere Maßnahmen vor Ort (Programmteil II) und die "
            "Integrationsagenturen (Programmteil III). Seit dem 10.03.2023 sind die "
            "Programmteile I und II Teil der KI-Richtlinie."
        ),
        teile=(i, ii, iii),
        bewilligungsbehoerde=_bra(),
        praefix="komman.",
        quellen=(
            "S-SGK-2015",
            "S-vandenBerg",
            "S-SGK-2016",
            "S-BASS-19829",
            "S-KOMMAN-RL-2019",
            "S-KOMMAN-RL-2022",
            "S-Herne",
            "PM-MAIS-2016-01-22",
        ),
        hinweise=(
            "2016: rund 13 Mio. EUR (geplant 13,4 Mio.), davon 7,7 Mio. für das Ehrenamt; jedes "
            "KI erhielt Geld für mindestens eine weitere Stelle und Sachkosten. 2017 mit "
            "unverändertem Budget fortgesetzt.",
            "Beispiele: Rhein-Erft-Kreis 2016 rund 181.000 EUR beantragbar; StädteRegion Aachen "
            "2016 und 2017 je rund 120.000 EUR, 2018 rund 184.000 EUR; Kreis Höxter 70.289,82 "
            "EUR je Jahr 2016–2021.",
            "Förderkonzeptionen „Programm zur Förderung der Integration von Flüchtlingen und "
            "Neuzugewanderten in den Kommunen“: Dezember 2017, 12.12.2018, November 2019, 2020.",
            "Die amtlichen Begriffe sind „Programmteil I–III“ und „Baustein A–D“ (in Teil II); "
            "„Modul I–III“ kommt in den Quellen nicht vor.",
        ),
    )


# == Vorgänger ==============================================================================


def _einwanderung_gestalten() -> Vorgaengerprogramm:
    kommunen = (
        ("05766", "Kreis Lippe"),
        ("05378", "Rheinisch-Bergischer Kreis"),
        ("05117000", "Mülheim an der Ruhr"),
        ("05315000", "Köln"),
        ("05711000", "Bielefeld"),
        ("05913000", "Dortmund"),
        ("05515000", "Münster"),
        ("05124000", "Wuppertal"),
        ("05915000", "Hamm"),
        ("05170024", "Moers"),
        ("05566076", "Rheine"),
        ("05162004", "Dormagen"),
    )
    return Vorgaengerprogramm(
        "Einwanderung gestalten NRW",
        nachfolger=Programm.KIM,
        beschreibung=(
            "Modellprogramm des Landes in zwölf Modellkommunen: rechtskreisübergreifendes Case "
            "Management und „Produktionsnetzwerke“ der örtlichen Akteure; wissenschaftlich "
            "begleitet vom ISR der Frankfurt University of Applied Sciences (Prof. Claus Reis). "
            "Zweijährige Modellphase ab Frühjahr 2017, beendet am 30.06.2020; danach das KIM."
        ),
        beginn_text="Frühjahr 2017",
        beginn_jahr=2017,
        ende=_d(2020, 6, 30),
        modellkommunen=tuple(Modellkommune(s, n) for s, n in kommunen),
        quellen=("S-landnrw-EWG", "S-FOGS-EWG", "S-RKN-2020", "S-kim-Historie", "S-SGK-2015"),
        praefix="einwanderung_gestalten.",
        hinweise=(
            "Modellkommunen: zwei Kreise (Lippe, Rheinisch-Bergischer Kreis), sieben kreisfreie "
            "Städte (Mülheim an der Ruhr, Köln, Bielefeld, Dortmund, Münster, Wuppertal, Hamm) "
            "und drei kreisangehörige Städte (Moers, Rheine, Dormagen).",
            "Im Haushalt 2016 mit 4,41 Mio. EUR geplant.",
        ),
    )


# == Aufbau und Prüfung ==========================================================================


def _pruefe_verweise(
    programme: tuple[Programmbeschreibung, ...], vorgaenger: Vorgaengerprogramm
) -> None:
    """Jeder Kurzname im Katalog, jeder Parametername in den Daten, jede Kommune im Register."""
    katalog = alle_rechtsquellen()
    namen = alle_parameter()

    def quelle(ort: str, kurzname: str) -> None:
        if kurzname not in katalog:
            raise DatenFehler(_QUELLE, ort, f"Quelle {kurzname!r} steht nicht im Katalog")

    for p in programme:
        for k in (*p.quellen, *p.bewilligungsbehoerde.quellen):
            quelle(p.programm.value, k)
        for t in p.teile:
            ort = t.teil.value
            for k in t.quellen:
                quelle(ort, k)
            for g in t.rechtsgrundlagen:
                quelle(f"{ort}.rechtsgrundlagen", g.quelle)
            for lu in t.grundlagenluecken:
                for k in lu.quellen:
                    quelle(f"{ort}.grundlagenluecken", k)
            for b in t.bausteine:
                for k in b.quellen:
                    quelle(f"{ort}.bausteine[{b.kennung}]", k)
            for name in (t.parameter_beginn, t.parameter_foerderart):
                if name not in namen:
                    raise DatenFehler(_QUELLE, ort, f"Parameter {name!r} fehlt in den Paketdaten")
    for k in vorgaenger.quellen:
        quelle(vorgaenger.name, k)
    for m in vorgaenger.modellkommunen:
        try:
            m.einheit()
        except KimNrwFehler as fehler:
            raise DatenFehler(_QUELLE, f"modellkommunen[{m.name}]", str(fehler)) from fehler


@functools.cache
def _katalog() -> tuple[Mapping[Programm, Programmbeschreibung], Vorgaengerprogramm]:
    programme = (_ki(), _kim(), _komman())
    vorgaenger = _einwanderung_gestalten()
    _pruefe_verweise(programme, vorgaenger)
    return {p.programm: p for p in programme}, vorgaenger


# == Zugriff ===============================================================================


def _als_programm(wert: Programm | str) -> Programm:
    if isinstance(wert, Programm):
        return wert
    if isinstance(wert, str):
        try:
            return Programm(wert)
        except ValueError:
            pass
    erlaubt = ", ".join(p.value for p in Programm)
    raise UngueltigeEingabe("programm", wert, f"ein Programm oder eine Kennung: {erlaubt}")


def _als_teil(wert: Programmteil | str) -> Programmteil:
    if isinstance(wert, Programmteil):
        return wert
    if isinstance(wert, str):
        try:
            return Programmteil(wert)
        except ValueError:
            pass
    erlaubt = ", ".join(t.value for t in Programmteil)
    raise UngueltigeEingabe("teil", wert, f"ein Programmteil oder eine Kennung: {erlaubt}")


def alle_programme() -> tuple[Programmbeschreibung, ...]:
    """Die drei Programme in der Reihenfolge von :class:`Programm` (KI, KIM, KOMM-AN).

    >>> from kim_nrw.programme import alle_programme
    >>> [p.programm.value for p in alle_programme()]
    ['KI', 'KIM', 'KOMM-AN']
    """
    programme, _ = _katalog()
    return tuple(programme[p] for p in Programm)


def programm(kennung: Programm | str) -> Programmbeschreibung:
    """Die Beschreibung eines Programms, nach :class:`Programm` oder Kennung (``"KIM"``).

    >>> from kim_nrw.programme import programm
    >>> programm("KOMM-AN").bezeichnung
    'KOMM-AN NRW'
    """
    gesucht = _als_programm(kennung)
    programme, _ = _katalog()
    return programme[gesucht]


def teil(kennung: Programmteil | str) -> Teilbeschreibung:
    """Die Beschreibung eines Programmteils, nach :class:`Programmteil` oder Kennung.

    >>> from kim_nrw.programme import teil
    >>> [e.value for e in teil("KIM.B3").empfaenger]
    ['kreis', 'staedteregion', 'kreisfreie_stadt', 'kreisangehoerige_gemeinde']
    """
    gesucht = _als_teil(kennung)
    return programm(gesucht.programm).teil(gesucht)


def einwanderung_gestalten() -> Vorgaengerprogramm:
    """Das Modellprogramm „Einwanderung gestalten NRW“ (2017 – 30.06.2020), Vorgänger des KIM."""
    _, vorgaenger = _katalog()
    return vorgaenger


def foerderart_am(kennung: Programmteil | str, stichtag: date) -> Foerderart:
    """Die Förderart eines Programmteils am ``stichtag`` (siehe Teilbeschreibung.foerderart_am).

    >>> from datetime import date
    >>> from kim_nrw.programme import foerderart_am, Programmteil
    >>> foerderart_am(Programmteil.KIM_B2, date(2021, 1, 1)).value
    'fachbezogene_pauschale'
    >>> foerderart_am(Programmteil.KIM_B2, date(2025, 1, 1))
    Traceback (most recent call last):
    kim_nrw.fehler.NichtBekannt: Parameter 'kim.b2.foerderart' ist am 01.01.2025 nicht bekannt ...
    """
    return teil(kennung).foerderart_am(stichtag)


def parameter_am(
    kennung: Programm | Programmteil | str, stichtag: date
) -> tuple[Parameterstand, ...]:
    """Die Parameter eines Programms (nur die programmweiten) oder eines Teils am ``stichtag``.

    Die Kennung ``"KI"`` meint den Programmteil (er trägt alle Parameter des Programms KI).

    Jeder :class:`Parameterstand` trägt den Wert mit Zeitraum, Gewissheit und Quellen – oder den
    Grund, warum es keinen gibt (nicht belegt, keine Geltung).

    >>> from datetime import date
    >>> from kim_nrw.programme import parameter_am
    >>> [(s.parameter.name, s.stand.value) for s in parameter_am("KIM.B2", date(2020, 9, 1))][:3]
    [('kim.b2.antragsverfahren', 'belegt'), ('kim.b2.case_management.betrag_je_stelle', 'nicht_belegt'), ('kim.b2.erster_foerderzeitraum_ende', 'belegt')]
    """  # noqa: E501
    if isinstance(kennung, Programmteil):
        return teil(kennung).parameter_am(stichtag)
    if isinstance(kennung, Programm):
        return programm(kennung).parameter_am(stichtag)
    if isinstance(kennung, str):
        if kennung in {t.value for t in Programmteil}:
            return teil(kennung).parameter_am(stichtag)
        if kennung in {p.value for p in Programm}:
            return programm(kennung).parameter_am(stichtag)
    erlaubt = ", ".join([p.value for p in Programm] + [t.value for t in Programmteil])
    raise UngueltigeEingabe("kennung", kennung, f"ein Programm oder Programmteil: {erlaubt}")

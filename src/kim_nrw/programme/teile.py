"""Die Förderprogramme, ihre Teile und die geförderten Stellenfunktionen als stabile Kennungen.

Die Kennungen (``"KIM.B2"``, ``"case_management"``) sind die Werte in JSON-Dokumenten,
den Datendateien des Programmkatalogs und die Präfixe der Prüf-IDs; sie ändern sich
nicht, auch wenn eine Richtlinie einen Teil umbenennt. Für Menschen hat jede Kennung
eine deutsche Bezeichnung (``bezeichnung``).
"""

from __future__ import annotations

import enum

__all__ = ["Foerderart", "Programm", "Programmteil", "Stellenfunktion"]


class Programm(enum.Enum):
    """Ein Förderprogramm des Landes für die kommunale Integrationsarbeit."""

    KI = "KI"
    """Förderung der Kommunalen Integrationszentren (§ 7 TIntG 2012, § 8 TIntG 2021)."""
    KIM = "KIM"
    """Kommunales Integrationsmanagement (§ 9 TIntG 2021; KIM-Richtlinien 2020 und 2024)."""
    KOMM_AN = "KOMM-AN"
    """KOMM-AN NRW: Stärkung des Ehrenamts in der Integrationsarbeit (seit 2016)."""

    @property
    def bezeichnung(self) -> str:
        """Der ausgeschriebene Name."""
        return _PROGRAMMNAMEN[self]


_PROGRAMMNAMEN = {
    Programm.KI: "Förderung Kommunaler Integrationszentren",
    Programm.KIM: "Kommunales Integrationsmanagement NRW",
    Programm.KOMM_AN: "KOMM-AN NRW",
}


class Programmteil(enum.Enum):
    """Der Teil eines Programms, für den ein Antrag gestellt wird.

    >>> from kim_nrw.programme import Programmteil
    >>> Programmteil("KIM.B2").programm.value, Programmteil.KIM_B2.bezeichnung
    ('KIM', 'KIM Baustein 2: Rechtskreisübergreifendes Case Management')
    """

    KI = "KI"
    KIM_B1 = "KIM.B1"
    KIM_B2 = "KIM.B2"
    KIM_B3 = "KIM.B3"
    KOMMAN_I = "KOMMAN.I"
    KOMMAN_II = "KOMMAN.II"
    KOMMAN_III = "KOMMAN.III"

    @property
    def programm(self) -> Programm:
        """Das Programm, zu dem der Teil gehört."""
        return {"KI": Programm.KI, "KIM": Programm.KIM}.get(
            self.value.split(".")[0], Programm.KOMM_AN
        )

    @property
    def bezeichnung(self) -> str:
        """Der ausgeschriebene Name."""
        return _TEILNAMEN[self]


_TEILNAMEN = {
    Programmteil.KI: "KI-Grundförderung",
    Programmteil.KIM_B1: "KIM Baustein 1: Strategische Steuerung (Koordinierende Stellen)",
    Programmteil.KIM_B2: "KIM Baustein 2: Rechtskreisübergreifendes Case Management",
    Programmteil.KIM_B3: "KIM Baustein 3: Stellen in Ausländer- und Einbürgerungsbehörden",
    Programmteil.KOMMAN_I: "KOMM-AN Programmteil I: Stärkung der KI",
    Programmteil.KOMMAN_II: "KOMM-AN Programmteil II: Bedarfsorientierte Maßnahmen vor Ort",
    Programmteil.KOMMAN_III: "KOMM-AN Programmteil III: Stärkung der Integrationsagenturen",
}


class Foerderart(enum.Enum):
    """Wie gefördert wird (Faktenblatt 8)."""

    FESTBETRAG = "festbetrag"
    """Fester Betrag je Stelle oder Maßnahme (KI, KOMM-AN I/II, KIM Baustein 1)."""
    FACHBEZOGENE_PAUSCHALE = "fachbezogene_pauschale"
    """Pauschale ohne Antrag zu festen Terminen (KIM Bausteine 2 und 3, 2020–2024)."""
    ANTEILFINANZIERUNG = "anteilfinanzierung"
    """Anteil der zuwendungsfähigen Kosten (Integrationsagenturen, bis 90 %)."""

    @property
    def bezeichnung(self) -> str:
        """Die deutsche Bezeichnung, z. B. ``fachbezogene Pauschale``."""
        return _FOERDERARTNAMEN[self]


_FOERDERARTNAMEN = {
    Foerderart.FESTBETRAG: "Festbetrag",
    Foerderart.FACHBEZOGENE_PAUSCHALE: "fachbezogene Pauschale",
    Foerderart.ANTEILFINANZIERUNG: "Anteilfinanzierung",
}


class Stellenfunktion(enum.Enum):
    """Wofür eine beantragte Stelle da ist.

    >>> from kim_nrw.programme import Stellenfunktion
    >>> Stellenfunktion.CASE_MANAGEMENT.bezeichnung
    'Case Management'
    """

    KOORDINATION = "koordination"
    VERWALTUNGSASSISTENZ = "verwaltungsassistenz"
    CASE_MANAGEMENT = "case_management"
    FACHKRAFT = "fachkraft"
    LEHRKRAFT = "lehrkraft"
    ABH_EBH = "abh_ebh"
    """Stelle in einer Ausländer- oder Einbürgerungsbehörde (KIM Baustein 3)."""

    @property
    def bezeichnung(self) -> str:
        """Die deutsche Bezeichnung, z. B. ``Case Management``."""
        return _STELLENFUNKTIONEN[self]


_STELLENFUNKTIONEN = {
    Stellenfunktion.KOORDINATION: "Koordinierende Stelle",
    Stellenfunktion.VERWALTUNGSASSISTENZ: "Verwaltungsassistenz",
    Stellenfunktion.CASE_MANAGEMENT: "Case Management",
    Stellenfunktion.FACHKRAFT: "Fachkraft",
    Stellenfunktion.LEHRKRAFT: "Lehrkraft",
    Stellenfunktion.ABH_EBH: "Stelle in der Ausländer- oder Einbürgerungsbehörde",
}

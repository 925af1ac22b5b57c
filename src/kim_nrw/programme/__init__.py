"""Die Förderprogramme: KI-Förderung, KIM mit drei Bausteinen, KOMM-AN mit drei Programmteilen
(2016–2024) und sein Nachfolger „Ehrenamt im Kontext Prävention“ (ab 2025).

* :class:`Programm`, :class:`Programmteil`, :class:`Foerderart`, :class:`Stellenfunktion` –
  stabile Kennungen mit deutschen Bezeichnungen;
* :func:`programm`, :func:`teil`, :func:`alle_programme` – was gefördert wird, wer es
  erhält, welche Stellen und Posten, auf welcher Rechtsgrundlage in welchem Zeitraum,
  welche Parameter dazugehören;
* :func:`foerderart_am`, :func:`richtlinie_am`, :func:`parameter_am` – Förderart,
  maßgebliche Richtlinie und Parameter am Stichtag;
* :func:`einwanderung_gestalten` – das Vorgängerprogramm des KIM mit seinen
  Modellkommunen;
* :func:`programme_uebersicht` – alles am Stichtag als deutscher Text (``kim-nrw programme``).

Die Angaben stehen in den Datendateien ``kim_nrw/daten/programme/*.toml``; sie werden
beim ersten Zugriff gelesen und gegen Quellenkatalog, Parameter und Gebietsregister
geprüft. ``import kim_nrw.programme`` liest keine Datei.

>>> from datetime import date
>>> from kim_nrw.programme import teil, Programmteil
>>> teil(Programmteil.KIM_B2).foerderart_am(date(2021, 3, 1)).value
'fachbezogene_pauschale'
"""

from kim_nrw.programme.behoerden import Bewilligungsbehoerde
from kim_nrw.programme.beschreibung import (
    Baustein,
    Empfaenger,
    GefoerderteStellen,
    Grenze,
    Grundlagenluecke,
    Modellkommune,
    Obergrenze,
    Posten,
    Programmbeschreibung,
    Raumpauschalen,
    Rechtsgrundlage,
    Sachkosten,
    Teilbeschreibung,
    Vorgaengerprogramm,
    empfaengerart,
)
from kim_nrw.programme.katalog import (
    alle_programme,
    einwanderung_gestalten,
    foerderart_am,
    parameter_am,
    programm,
    richtlinie_am,
    teil,
)
from kim_nrw.programme.parameterstand import Belegstand, Parameterstand, wert_als_text
from kim_nrw.programme.teile import (
    Antragsverfahren,
    Foerderart,
    Programm,
    Programmteil,
    Stellenfunktion,
)
from kim_nrw.programme.uebersicht import programme_uebersicht

__all__ = [
    "Antragsverfahren",
    "Baustein",
    "Belegstand",
    "Bewilligungsbehoerde",
    "Empfaenger",
    "Foerderart",
    "GefoerderteStellen",
    "Grenze",
    "Grundlagenluecke",
    "Modellkommune",
    "Obergrenze",
    "Parameterstand",
    "Posten",
    "Programm",
    "Programmbeschreibung",
    "Programmteil",
    "Raumpauschalen",
    "Rechtsgrundlage",
    "Sachkosten",
    "Stellenfunktion",
    "Teilbeschreibung",
    "Vorgaengerprogramm",
    "alle_programme",
    "einwanderung_gestalten",
    "empfaengerart",
    "foerderart_am",
    "parameter_am",
    "programm",
    "programme_uebersicht",
    "richtlinie_am",
    "teil",
    "wert_als_text",
]

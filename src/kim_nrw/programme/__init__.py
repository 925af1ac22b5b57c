"""Die Förderprogramme: KI-Förderung, KIM mit drei Bausteinen, KOMM-AN."""

from kim_nrw.programme.teile import Foerderart, Programm, Programmteil

__all__ = ["Foerderart", "Programm", "Programmteil"]

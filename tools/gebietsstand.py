#!/usr/bin/env python3
"""Baut die Paketdatei ``src/kim_nrw/daten/gebietsstand.csv`` aus dem NRW-Auszug
des Destatis-Gemeindeverzeichnisses GV100AD (Gebietsstand 30.11.2021).

Eingabe: ``data/raw/GV100AD_301121_NRW.ASC`` (feste Breite, 220 Zeichen je Satz,
UTF-8; alle Sätze mit Landesschlüssel ``05``). Satzbeschreibung (Destatis,
"Datensatzbeschreibung GV100AD", Positionen 1-basiert, in Zeichen):

* 1-2 Satzart (20 Reg.-Bez., 40 Kreis, 50 Gemeindeverband, 60 Gemeinde)
* 3-10 Gebietsstand JJJJMMTT; 11-18 AGS; 19-22 Gemeindeverband
* 23-72 Name; 73-122 Sitz der Verwaltung; 123-124 Textkennzeichen
* 129-139 Fläche in ha; 140-150 Bevölkerung insgesamt (nur Satzart 60)

Kreise und Regierungsbezirke haben im GV100AD keine eigenen Einwohner- und
Flächenfelder; sie erhalten die Summe ihrer Gemeinden (so bildet auch die
amtliche Statistik die Kreissummen).

Aufruf: ``python tools/gebietsstand.py`` (schreibt die Paketdatei neu).
Nur Standardbibliothek, damit der Neubau ohne installiertes Paket läuft.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

WURZEL = Path(__file__).resolve().parent.parent
ROHDATEI = WURZEL / "data" / "raw" / "GV100AD_301121_NRW.ASC"
ROHDATEI_SHA256 = "33432b792247548e30df518b4cc289f017b8d62d94075c1e66b831601598e282"
"""Prüfsumme des NRW-Auszugs; die Herkunft beschreibt ``data/raw/LIESMICH.md``."""
ZIEL = WURZEL / "src" / "kim_nrw" / "daten" / "gebietsstand.csv"

STICHTAG = "2020-12-31"  # Bevölkerung und Fläche laut Hinweise.txt der Destatis-Lieferung
STAEDTEREGION = "05334"
SATZLAENGE = 220

SPALTEN = [
    "schluessel", "ars", "name", "art", "kreis", "regierungsbezirk",
    "einwohner", "flaeche_ha", "textkennzeichen", "verwaltungssitz", "gebietsstand",
]  # fmt: skip

ARTEN = {
    ("40", "43"): "kreis",
    ("60", "61"): "kreisfreie_stadt",
    ("60", "63"): "stadt",
    ("60", "64"): "gemeinde",
}


def _saetze(text: str) -> list[str]:
    saetze = [zeile for zeile in text.splitlines() if zeile.strip()]
    for satz in saetze:
        if len(satz) != SATZLAENGE or satz[10:12] != "05":
            raise SystemExit(f"unerwarteter Satz: {satz[:40]!r}")
    return saetze


def baue(text: str) -> str:
    """Gibt den CSV-Text der Paketdatei zu einem GV100AD-NRW-Auszug zurück."""
    saetze = _saetze(text)
    einwohner: dict[str, int] = {}
    flaeche: dict[str, int] = {}
    for satz in saetze:
        if satz[0:2] == "60":
            for schluessel in (satz[10:13], satz[10:15]):
                einwohner[schluessel] = einwohner.get(schluessel, 0) + int(satz[139:150])
                flaeche[schluessel] = flaeche.get(schluessel, 0) + int(satz[128:139])

    zeilen: list[dict[str, str | int]] = []
    for satz in saetze:
        satzart, tk = satz[0:2], satz[122:124].strip()
        gemeinsam: dict[str, str | int] = {
            "name": satz[22:72].rstrip(),
            "regierungsbezirk": satz[10:13],
            "textkennzeichen": tk,
            "verwaltungssitz": satz[72:122].rstrip(),
            "gebietsstand": f"{satz[2:6]}-{satz[6:8]}-{satz[8:10]}",
        }
        if satzart == "20":
            rb = satz[10:13]
            zeilen.append(gemeinsam | {"schluessel": rb, "ars": "", "art": "regierungsbezirk",
                                       "kreis": "", "einwohner": einwohner[rb],
                                       "flaeche_ha": flaeche[rb]})  # fmt: skip
        elif satzart == "40" and tk == "43":
            kreis = satz[10:15]
            art = "staedteregion" if kreis == STAEDTEREGION else "kreis"
            zeilen.append(gemeinsam | {"schluessel": kreis, "ars": "", "art": art,
                                       "kreis": kreis, "einwohner": einwohner[kreis],
                                       "flaeche_ha": flaeche[kreis]})  # fmt: skip
        elif satzart == "60":
            if (satzart, tk) not in ARTEN:
                raise SystemExit(f"unerwartetes Textkennzeichen {tk!r} in {satz[:40]!r}")
            ags = satz[10:18]
            zeilen.append(gemeinsam | {"schluessel": ags,
                                       "ars": satz[10:15] + satz[18:22] + satz[15:18],
                                       "art": ARTEN[(satzart, tk)], "kreis": ags[:5],
                                       "einwohner": int(satz[139:150]),
                                       "flaeche_ha": int(satz[128:139])})  # fmt: skip
        # Satzart 10 (Land), 40/41 (Kreissatz der kreisfreien Städte; die Stadt
        # selbst kommt aus ihrem Satz 60) und 50 (Gemeindeverband; in NRW ist jede
        # Gemeinde verbandsfrei) tragen keine eigene Einheit.

    puffer = io.StringIO()
    schreiber = csv.DictWriter(puffer, fieldnames=SPALTEN, lineterminator="\n")
    schreiber.writeheader()
    schreiber.writerows(zeilen)
    return puffer.getvalue()


def main() -> int:
    import hashlib

    roh = ROHDATEI.read_bytes()
    if hashlib.sha256(roh).hexdigest() != ROHDATEI_SHA256:
        print(f"{ROHDATEI.name}: Prüfsumme weicht ab; Herkunft siehe data/raw/LIESMICH.md",
              file=sys.stderr)  # fmt: skip
        return 1
    ZIEL.parent.mkdir(parents=True, exist_ok=True)
    inhalt = baue(roh.decode("utf-8"))
    ZIEL.write_text(inhalt, encoding="utf-8", newline="")
    print(f"{inhalt.count(chr(10)) - 1} Zeilen nach {ZIEL.relative_to(WURZEL)} geschrieben")
    return 0


if __name__ == "__main__":
    sys.exit(main())

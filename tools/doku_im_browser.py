"""Prüft die gebaute HTML-Doku in einem echten Browser (Debians Chromium, headless).

Aufruf (nach ``sphinx-build -b html docs docs/_build/html``)::

    .venv/bin/python tools/doku_im_browser.py [docs/_build/html] [--bilder ORDNER]

Die Doku wird auf 127.0.0.1 (freier Port) ausgeliefert; Playwright steuert
``/usr/bin/chromium`` (nie einen heruntergeladenen Browser). Geprüft wird:

1. **Die Suche**: eine Suche nach „Aachen“ listet die Erklärseite
   ``erklaerung/aachen.html``, zeigt eine deutsche Trefferzahl, und keine Seite wirft
   einen JavaScript-Fehler.
2. **Kein Codeblock scrollt seitwärts** bei 1280 px Breite: für jedes ``pre`` aller
   Seiten ``scrollWidth <= clientWidth``. Jeder Codeblock hat einen Kopierknopf, und der
   kopiert bei Python-Beispielen genau die Eingaben, ohne ``>>>``/``...`` und Ausgabe.
3. **Die Zeitleiste** ist lesbar: jede sichtbare Beschriftung mindestens 12 px groß,
   bei 1280 px (Desktop) und bei 390 px (Telefon), und die Seite läuft bei keiner der
   beiden Breiten seitwärts aus dem Bild.
4. **Die Grafik der Höchstbeträge** ebenso: Schrift mindestens 12 px, keine Beschriftung
   abgeschnitten, bei 1280 und 390 px.

Mit ``--bilder ORDNER`` entstehen zusätzlich Bildschirmfotos der Zeitleiste bei
1280 und 390 px und der Suchseite. Exit-Code 0, wenn alles stimmt, sonst 1 mit einer
Liste der Befunde. Nicht Teil des ``pytest``-Laufs der README (er braucht die gebaute
Doku und einen Browser); ``.ci/run`` ruft das Skript nach dem HTML-Bau auf.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
ARGUMENTE = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MIN_SCHRIFT_PX = 12.0


class _Stumm(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # Browser brach Abruf ab
            super().handle_error(request, client_address)


@contextmanager
def ausliefern(ordner: Path) -> Iterator[str]:
    """Liefert ``ordner`` auf 127.0.0.1 aus (freier Port); gibt die Basisadresse."""
    handler = functools.partial(_Stumm, directory=str(ordner))
    server = _Server(("127.0.0.1", 0), handler)
    faden = threading.Thread(target=server.serve_forever, daemon=True)
    faden.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def pruefe_suche(browser: Any, basis: str, befunde: list[str], bilder: Path | None) -> None:
    """Sucht „Aachen“ und prüft Trefferliste, Trefferzahl und JavaScript-Fehler."""
    seite = browser.new_page(viewport={"width": 1280, "height": 900})
    fehler: list[str] = []
    seite.on("pageerror", lambda e: fehler.append(str(e)))
    seite.on("console", lambda m: fehler.append(m.text) if m.type == "error" else None)
    seite.on(
        "response",
        lambda r: fehler.append(f"HTTP {r.status} für {r.url}") if r.status >= 400 else None,
    )
    seite.goto(basis + "search.html?q=Aachen")
    try:
        seite.wait_for_function(
            "() => { const s = document.querySelector('#search-results .search-summary');"
            " return s && s.innerText.trim().length > 0; }",
            timeout=20_000,
        )
    except Exception:
        befunde.append("Suche: keine Trefferzahl nach 20 s")
    zusammenfassung = seite.eval_on_selector(
        "#search-results", "e => e.querySelector('.search-summary')?.innerText ?? ''"
    )
    treffer = seite.eval_on_selector_all(
        "#search-results ul.search li a", "as => as.map(a => a.getAttribute('href'))"
    )
    if bilder is not None:
        seite.screenshot(path=str(bilder / "suche-1280.png"), full_page=False)
    if not any(h and h.split("?")[0].endswith("erklaerung/aachen.html") for h in treffer):
        befunde.append(f"Suche nach Aachen: erklaerung/aachen.html fehlt in {treffer[:10]}")
    if "Seite" not in zusammenfassung or not any(c.isdigit() for c in zusammenfassung):
        befunde.append(f"Suche: keine deutsche Trefferzahl, sondern {zusammenfassung!r}")
    for f in fehler:
        befunde.append(f"Suche: JavaScript-Fehler: {f}")
    print(f"Suche nach Aachen: {zusammenfassung.strip()} ({len(treffer)} Treffer)")
    seite.close()


_OHNE_KNOPF = """() => [...document.querySelectorAll('div.highlight pre')]
    .filter(p => !p.parentElement.querySelector('button.copybtn'))
    .map(p => p.innerText.slice(0, 60))"""


def _pruefe_kopieren(seite: Any, pfad: str, befunde: list[str]) -> tuple[int, int]:
    """Jeder Codeblock hat einen Kopierknopf; bei Python-Beispielen kopiert er die Eingaben."""
    ohne = seite.evaluate(_OHNE_KNOPF)
    for text in ohne:
        befunde.append(f"{pfad}: Codeblock ohne Kopierknopf: {text!r}")
    bloecke = seite.locator("div.highlight-pycon, div.highlight-default")
    verglichen = 0
    for i in range(bloecke.count()):
        block = bloecke.nth(i)
        text = block.locator("pre").inner_text()
        if ">>> " not in text:
            continue
        verglichen += 1
        block.locator("button.copybtn").click()
        kopiert = seite.evaluate("() => navigator.clipboard.readText()")
        eingaben = [z[4:] for z in text.splitlines() if z.startswith((">>> ", "... "))]
        if kopiert.splitlines() != eingaben:
            befunde.append(f"{pfad}: Kopierknopf kopiert nicht nur die Eingaben: {kopiert[:80]!r}")
    return len(ohne), verglichen


_BREITE_PRE = """() => [...document.querySelectorAll('pre')]
    .filter(p => p.scrollWidth > p.clientWidth + 1)
    .map(p => ({text: p.innerText.split('\\n').reduce((a, b) => a.length >= b.length ? a : b, ''),
                scroll: p.scrollWidth, client: p.clientWidth}))"""


def pruefe_codebloecke(browser: Any, basis: str, ordner: Path, befunde: list[str]) -> None:
    """Kein ``pre`` scrollt bei 1280 px seitwärts; Kopierknöpfe kopieren nur die Eingaben."""
    kontext = browser.new_context(
        viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"]
    )
    seite = kontext.new_page()
    fehler: list[str] = []
    seite.on("pageerror", lambda e: fehler.append(str(e)))
    anzahl = breit = ohne_knopf = kopiert = 0
    for datei in sorted(ordner.rglob("*.html")):
        pfad = datei.relative_to(ordner).as_posix()
        if pfad.startswith(("_modules/", "_static/")):
            continue  # Quelltextansicht: Code so, wie er im Paket steht
        seite.goto(basis + pfad)
        anzahl += seite.eval_on_selector_all("pre", "ps => ps.length")
        ohne, verglichen = _pruefe_kopieren(seite, pfad, befunde)
        ohne_knopf += ohne
        kopiert += verglichen
        for b in seite.evaluate(_BREITE_PRE):
            breit += 1
            befunde.append(
                f"{pfad}: Codeblock scrollt ({b['scroll']} > {b['client']} px): {b['text'][:90]!r}"
            )
    for f in fehler:
        befunde.append(f"JavaScript-Fehler beim Laden: {f}")
    print(
        f"Codeblöcke bei 1280 px: {anzahl} geprüft, {breit} scrollen seitwärts, "
        f"{ohne_knopf} ohne Kopierknopf; {kopiert} Python-Beispiele kopiert ohne >>> und Ausgabe"
    )
    kontext.close()


_SCHRIFTEN = """() => [...document.querySelectorAll('svg.kim-zeitleiste text')]
    .filter(t => t.textContent.trim() && t.closest('svg').getClientRects().length > 0)
    .map(t => ({text: t.textContent, hoehe: t.getBoundingClientRect().height,
                groesse: parseFloat(getComputedStyle(t).fontSize)
                         * (t.getScreenCTM() ? t.getScreenCTM().a : 1)}))"""


def pruefe_zeitleiste(browser: Any, basis: str, befunde: list[str], bilder: Path | None) -> None:
    """Zeitleiste: Schrift ≥ 12 px bei 1280 und 390 px, kein seitliches Überlaufen."""
    for breite in (1280, 390):
        seite = browser.new_page(viewport={"width": breite, "height": 900})
        seite.goto(basis + "erklaerung/zeitleiste.html")
        texte = seite.evaluate(_SCHRIFTEN)
        if not texte:
            befunde.append(f"Zeitleiste ({breite} px): keine Beschriftung gefunden")
        kleinste = min((t["groesse"] for t in texte), default=0.0)
        if kleinste < MIN_SCHRIFT_PX:
            klein = sorted({t["text"] for t in texte if t["groesse"] < MIN_SCHRIFT_PX})
            befunde.append(
                f"Zeitleiste ({breite} px): Schrift {kleinste:.1f} px < {MIN_SCHRIFT_PX} px: "
                f"{klein[:5]}"
            )
        ueberlauf = seite.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if ueberlauf > 1:
            befunde.append(f"Zeitleiste ({breite} px): Seite läuft {ueberlauf} px seitwärts über")
        print(f"Zeitleiste bei {breite} px: kleinste Schrift {kleinste:.1f} px, {len(texte)} Texte")
        if bilder is not None:
            seite.screenshot(path=str(bilder / f"zeitleiste-{breite}.png"), full_page=True)
        seite.close()


_HB_TEXTE = """() => [...document.querySelectorAll('.kim-hb p, .kim-hb span')]
    .filter(e => e.getClientRects().length > 0 && e.childElementCount === 0
                 && e.textContent.trim())
    .map(e => ({text: e.textContent, groesse: parseFloat(getComputedStyle(e).fontSize),
                abgeschnitten: e.scrollWidth > e.clientWidth + 1
                               || e.getBoundingClientRect().right
                                  > document.documentElement.clientWidth + 1}))"""


def pruefe_hoechstbetraege(
    browser: Any, basis: str, befunde: list[str], bilder: Path | None
) -> None:
    """Grafik der Höchstbeträge: Schrift ≥ 12 px, nichts abgeschnitten, bei 1280 und 390 px."""
    for breite in (1280, 390):
        seite = browser.new_page(viewport={"width": breite, "height": 900})
        seite.goto(basis + "erklaerung/hoechstbetraege.html")
        texte = seite.evaluate(_HB_TEXTE)
        if not texte:
            befunde.append(f"Höchstbeträge ({breite} px): keine Beschriftung gefunden")
        kleinste = min((t["groesse"] for t in texte), default=0.0)
        if kleinste < MIN_SCHRIFT_PX:
            befunde.append(f"Höchstbeträge ({breite} px): Schrift {kleinste:.1f} px")
        for t in texte:
            if t["abgeschnitten"]:
                befunde.append(f"Höchstbeträge ({breite} px): abgeschnitten: {t['text']!r}")
        ueberlauf = seite.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if ueberlauf > 1:
            befunde.append(f"Höchstbeträge ({breite} px): Seite läuft {ueberlauf} px über")
        print(f"Höchstbeträge bei {breite} px: kleinste Schrift {kleinste:.1f} px, "
              f"{len(texte)} Texte")  # fmt: skip
        if bilder is not None:
            grafik = seite.locator(".kim-hb").first
            grafik.screenshot(path=str(bilder / f"hoechstbetraege-{breite}.png"))
            seite.locator(".kim-hb").nth(1).screenshot(
                path=str(bilder / f"hoechstbetraege-bezirke-{breite}.png")
            )
        seite.close()


def main(argv: list[str] | None = None) -> int:
    """Startet Server und Browser, führt alle Prüfungen aus, gibt den Exit-Code zurück."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", nargs="?", default="docs/_build/html", type=Path)
    parser.add_argument("--bilder", type=Path, help="Ordner für Bildschirmfotos")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    ordner: Path = args.html.resolve()
    if not (ordner / "search.html").is_file():
        print(f"keine gebaute Doku in {ordner}", file=sys.stderr)
        return 1
    if args.bilder is not None:
        args.bilder.mkdir(parents=True, exist_ok=True)
    befunde: list[str] = []
    with ausliefern(ordner) as basis, sync_playwright() as p:
        # Playwright startet Chromium mit einem frischen, leeren Profil (--user-data-dir).
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGUMENTE)
        try:
            pruefe_suche(browser, basis, befunde, args.bilder)
            pruefe_zeitleiste(browser, basis, befunde, args.bilder)
            pruefe_hoechstbetraege(browser, basis, befunde, args.bilder)
            pruefe_codebloecke(browser, basis, ordner, befunde)
        finally:
            browser.close()
    for b in befunde:
        print("FEHLER:", b)
    print("Doku im Browser:", "alles in Ordnung" if not befunde else f"{len(befunde)} Befunde")
    return 1 if befunde else 0


if __name__ == "__main__":
    sys.exit(main())

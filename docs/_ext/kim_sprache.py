"""Sphinx-Erweiterung: die Oberfläche der Doku deutsch, auch die Suche im Browser.

Zwei Dinge, die Sphinx und furo nicht selbst deutsch zeigen:

1. **Die Übersetzungen für JavaScript.** Sphinx liest die deutschen Texte seiner
   Vorlagen aus ``docs/locale/de/LC_MESSAGES/sphinx.po`` (übersetzt die Datei beim
   Bauen selbst), die Suche im Browser aber aus einer ``sphinx.js`` daneben. Diese
   schreibt die Erweiterung beim Start (``config-inited``, vor dem Builder) aus der
   ``sphinx.js``, die Sphinx mitbringt, und den Einträgen der ``.po``-Datei. Dabei
   wird die Pluralformel als Zahl geschrieben: Sphinx 9 übernimmt ``(n != 1)`` wörtlich,
   in JavaScript ist das ``true``/``false``, und ``Documentation.ngettext`` liest
   ``translated[true]`` – ``undefined``, woran ``searchtools.js`` bei jeder Suche
   scheitert (keine Trefferzahl, ein TypeError in der Konsole). Leere Übersetzungen
   aus Sphinx' Katalog fallen weg, damit nie ein leerer Text erscheint.
2. **Fest eingebaute englische Texte** in furos Vorlagen (``aria-label``, Titel der
   Symbole), die keine Übersetzung vorsehen: nach dem Bau (``build-finished``) in den
   HTML-Dateien durch die deutschen Texte in ``ERSETZUNGEN`` ersetzt – nur genau diese
   Attribute, nie Text aus den Seiten selbst.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po

ERSETZUNGEN: dict[str, str] = {
    'aria-label="Toggle site navigation sidebar"': 'aria-label="Navigation ein- und ausblenden"',
    'aria-label="Toggle table of contents sidebar"': (
        'aria-label="Inhalt dieser Seite ein- und ausblenden"'
    ),
    'aria-label="Toggle Light / Dark / Auto color theme"': (
        'aria-label="Farbschema wechseln: hell, dunkel, automatisch"'
    ),
    'aria-label="Toggle navigation of ': 'aria-label="Unterpunkte ein- und ausblenden: ',
    "<title>Contents</title>": "<title>Inhalt</title>",
    "<title>Menu</title>": "<title>Menü</title>",
    "<title>Expand</title>": "<title>Aufklappen</title>",
    "<title>Light mode</title>": "<title>Hell</title>",
    "<title>Dark mode</title>": "<title>Dunkel</title>",
    "<title>Auto light/dark, in light mode</title>": (
        "<title>Automatisch hell oder dunkel, jetzt hell</title>"
    ),
    "<title>Auto light/dark, in dark mode</title>": (
        "<title>Automatisch hell oder dunkel, jetzt dunkel</title>"
    ),
}
"""Englische Attribute und Symboltitel in furos Vorlagen → deutsch (genaue Zeichenfolgen)."""


def _po(datei: Path) -> dict[str, str | list[str]]:
    with datei.open("rb") as f:
        katalog = read_po(f)
    eintraege: dict[str, str | list[str]] = {}
    for m in katalog:
        if not m.id:
            continue
        if isinstance(m.id, tuple | list):
            formen = list(m.string)
            if all(formen):
                eintraege[m.id[0]] = formen
        elif m.string:
            eintraege[m.id] = m.string
    return eintraege


def javascript(mitgeliefert: str, po: Path) -> str:
    """Die ``sphinx.js`` für den Browser: Sphinx' Übersetzungen, ergänzt um die der ``.po``."""
    treffer = re.fullmatch(r"\s*Documentation\.addTranslations\((.*)\);?\s*", mitgeliefert, re.S)
    if treffer is None:
        raise RuntimeError("unbekannte Form der sphinx.js von Sphinx")
    katalog = json.loads(treffer.group(1))
    nachrichten = {
        k: v
        for k, v in katalog["messages"].items()
        if v and (isinstance(v, str) or all(v))
    }
    nachrichten.update(_po(po))
    with po.open("rb") as f:
        formel = read_po(f).plural_expr
    katalog["messages"] = dict(sorted(nachrichten.items()))
    katalog["plural_expr"] = f"Number({formel})"
    return f"Documentation.addTranslations({json.dumps(katalog, indent=4, ensure_ascii=True)});\n"


def schreibe_javascript(srcdir: Path, sprache: str, locale_dirs: list[str]) -> Path | None:
    """Schreibt ``<locale_dir>/<sprache>/LC_MESSAGES/sphinx.js`` neben die ``sphinx.po``."""
    import sphinx

    for ordner in locale_dirs:
        po = srcdir / ordner / sprache / "LC_MESSAGES" / "sphinx.po"
        if not po.is_file():
            continue
        quelle = Path(sphinx.__file__).parent / "locale" / sprache / "LC_MESSAGES" / "sphinx.js"
        leer = {"locale": sprache, "messages": {}, "plural_expr": "0"}
        mitgeliefert = (
            quelle.read_text(encoding="utf-8")
            if quelle.is_file()
            else f"Documentation.addTranslations({json.dumps(leer)});"
        )
        ziel = po.with_suffix(".js")
        text = javascript(mitgeliefert, po)
        if not ziel.exists() or ziel.read_text(encoding="utf-8") != text:
            ziel.write_text(text, encoding="utf-8")
        return ziel
    return None


def ersetze(text: str) -> str:
    """Ersetzt die fest eingebauten englischen Attribute und Titel in einer HTML-Seite."""
    for alt, neu in ERSETZUNGEN.items():
        text = text.replace(alt, neu)
    return text


def _config(app: Any, config: Any) -> None:
    if config.language:
        schreibe_javascript(Path(app.srcdir), config.language, list(config.locale_dirs))


def _fertig(app: Any, fehler: Exception | None) -> None:
    if fehler is not None or app.builder.format != "html":
        return
    for datei in Path(app.outdir).rglob("*.html"):
        alt = datei.read_text(encoding="utf-8")
        neu = ersetze(alt)
        if neu != alt:
            datei.write_text(neu, encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    """Meldet die Erweiterung bei Sphinx an."""
    app.connect("config-inited", _config)
    app.connect("build-finished", _fertig)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}

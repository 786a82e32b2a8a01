"""Impressum and Datenschutz from the operator details in mkdocs.yml (`extra.betreiber`, issue 8).

The pages docs/impressum.md and docs/datenschutz.md contain markers that this hook replaces:

    <!-- betreiber:impressum -->       name, address, contact, register … (§ 5 DDG, § 18 MStV)
    <!-- betreiber:verantwortlich -->  the controller for the privacy notice (Art. 13 DSGVO)
    <!-- betreiber:hosting -->         who serves the site and what the server logs

Until the required details are set, each marker becomes a clearly visible notice that names
what is missing and where to fill it in. The output has no headings of its own, so the pages'
anchors (tests/published-urls.txt) do not depend on the configuration.
"""

from __future__ import annotations

import html
import logging
import re

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.betreiber")

_MARKER = re.compile(r"<!--\s*betreiber:(?P<teil>[a-z]+)\s*-->")
PFLICHT = {"name": "Name", "anschrift": "Anschrift", "email": "E-Mail-Adresse"}
WO = "`mkdocs.yml` unter `extra` → `betreiber`"


def _text(value) -> str:
    return html.escape(str(value or "").strip())


def _lines(value) -> str:
    """'Musterstraße 1, 12345 Musterstadt' (or several lines) → lines joined with <br>."""
    parts = [p.strip() for p in re.split(r"\n|,\s+", str(value or "")) if p.strip()]
    return "<br>".join(html.escape(p) for p in parts)


def missing(details: dict) -> list[str]:
    return [label for key, label in PFLICHT.items() if not str(details.get(key) or "").strip()]


def placeholder(what: str, fields: list[str]) -> str:
    return (f'!!! warning "Platzhalter: {what} fehlen noch"\n\n'
            f"    Diese Website ist noch nicht für die Veröffentlichung eingerichtet. Es fehlen: "
            f"{', '.join(fields)}. Wer die Seite betreibt, trägt diese Angaben vor der "
            f"Veröffentlichung in {WO} ein (siehe `README.md`, Abschnitt „Veröffentlichen“).\n")


def _entry(term: str, body: str) -> str:
    return f"{term}\n:   {body}\n"


def impressum(details: dict) -> str:
    fields = missing(details)
    if fields:
        return placeholder("Angaben zur Anbieterin oder zum Anbieter", fields)
    out = [_entry("Anbieter", f"{_text(details['name'])}<br>{_lines(details['anschrift'])}")]
    if details.get("vertreten_durch"):
        out.append(_entry("Vertreten durch", _text(details["vertreten_durch"])))
    email = _text(details["email"])
    contact = f'E-Mail: <a href="mailto:{email}">{email}</a>'
    if details.get("telefon"):
        contact += f"<br>Telefon: {_text(details['telefon'])}"
    out.append(_entry("Kontakt", contact))
    if details.get("register"):
        out.append(_entry("Registereintrag", _text(details["register"])))
    if details.get("ust_id"):
        out.append(_entry("Umsatzsteuer-Identifikationsnummer", _text(details["ust_id"])))
    if details.get("aufsichtsbehoerde"):
        out.append(_entry("Aufsichtsbehörde", _text(details["aufsichtsbehoerde"])))
    responsible = details.get("verantwortlich_inhalt")
    out.append(_entry("Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV",
                      _lines(responsible) if responsible else
                      f"{_text(details['name'])}<br>{_lines(details['anschrift'])}"))
    return "\n".join(out)


def verantwortlich(details: dict) -> str:
    fields = missing(details)
    if fields:
        return placeholder("Angaben zur verantwortlichen Stelle", fields)
    email = _text(details["email"])
    return (f"{_text(details['name'])}<br>\n{_lines(details['anschrift'])}<br>\n"
            f'E-Mail: <a href="mailto:{email}">{email}</a>\n')


def hosting(details: dict) -> str:
    text = str(details.get("hosting") or "").strip()
    if not text:
        return placeholder("Angaben zum Hosting und zu den Server-Protokollen",
                           ["Anbieter des Servers, protokollierte Daten, Speicherdauer, "
                            "Rechtsgrundlage"])
    return text + "\n"  # Markdown written by the operator


RENDER = {"impressum": impressum, "verantwortlich": verantwortlich, "hosting": hosting}


def on_page_markdown(markdown, page, config, files):
    if "betreiber:" not in markdown:
        return markdown
    details = dict(config.extra.get("betreiber") or {})

    def replace(match):
        teil = match["teil"]
        if teil not in RENDER:
            raise PluginError(f"docs/{page.file.src_uri}: unbekannter Platzhalter "
                             f"„betreiber:{teil}“; möglich sind: {', '.join(RENDER)}")
        return RENDER[teil](details)

    if missing(details):
        log.info(f"docs/{page.file.src_uri}: Betreiberangaben fehlen – vor dem Veröffentlichen "
                 f"in mkdocs.yml unter extra → betreiber eintragen.")
    return _MARKER.sub(replace, markdown)

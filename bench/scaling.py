"""Build time as the knowledge base grows: the site plus 100, 300 and 1,000 generated pages.

The pages go into a copy of the repository (never into docs/): `docs/skalierung/`, under a new
tab, in nested sections with a bounded fan-out, the way a growing knowledge base is organised –
ten pages per „Unterthema“ (the first is its index page), ten Unterthemen per „Thema“, ten Themen
per „Bereich“: + 100 is one Thema, + 1,000 ten. With `navigation.sections` and
`navigation.prune` a page's navigation then lists the Themen of its Bereich, the Unterthemen of
its Thema and the pages of its Unterthema (about 30 links), not the whole tab. (Material renders
every visible navigation link on every page – about 0.1 ms each –, so one flat or wide level of
hundreds of entries makes the build quadratic.)

Each page looks like a content page: headings, paragraphs, a list, a table, an admonition, a
footnote, the glossary abbreviations (auto-appended), links to the next page and the glossary –
and, under „Aus der Wissensbasis“, `PROSE_SENTENCES` sentences drawn (seeded by the page
number) from the prose of the site's own pages. Without them every generated page had the same
words: gzip then squeezed 1,000 pages' search index to a few hundred KB and a search index
that grows with the vocabulary looked better than it would with real pages.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

from .result import Row, fmt_ms, fmt_ratio, fmt_seconds, median
from .workspace import Workspace, load_config, write_config

SIZES = (100, 300, 1000)
TARGET = 1.5  # time per page at 1,000 ≤ 1.5 × that at 100
PAGES_PER_SUBTOPIC = 10
SUBTOPICS_PER_TOPIC = 10
TOPICS_PER_AREA = 10
SCALING_CONFIG = "mkdocs.bench-skalierung.yml"
PROSE_SENTENCES = 30  # ≈ 4 KB of text, about a quarter of an average page of the site

PAGE = """\
---
description: Erzeugte Seite {n} für die Skalierungsmessung von make bench.
---

# {title}

Diese Seite gehört zu Bereich {area} und Thema {topic}. Sie steht für eine spätere Seite der
Wissensbasis mit Text, einer Aufzählung, einer Tabelle und einem Hinweis, damit der Build so viel
zu tun hat wie mit einer echten Seite.[^quelle]

## Kommunikationsziele

Die Kommunikationspolitik verfolgt ökonomische und psychografische Ziele. Zu den psychografischen
Zielen zählen Bekanntheit, Image und Einstellung; ökonomische Ziele sind etwa Umsatz und
Marktanteil. Mundpropaganda und Social Media verändern, wie schnell sich eine Botschaft verbreitet.

- Bekanntheit steigern
- Image verbessern
- Kaufabsicht wecken

| Instrument | Reichweite | Kosten |
| --- | ---: | ---: |
| Mediawerbung | hoch | hoch |
| Social Media | mittel bis hoch | gering |
| Persönlicher Verkauf | gering | hoch |

!!! note "Zum Weiterlesen"

    Siehe die [nächste Seite]({next}) und das [Glossar]({glossary}).

## Aus der Wissensbasis

{prose}

## Zusammenfassung

Eine Botschaft erreicht mehr Menschen, wenn jede informierte Person sie weitererzählt. Wie weit
sie trägt, hängt von der Zahl der Weitererzählungen und von der Größe der Zielgruppe ab.

[^quelle]: Erzeugter Text, ohne Quelle.
"""


_MARKUP = re.compile(r"[\[\]<>{}`*|\\$^~#_=]|\(\.|https?:|\b[a-z-]+\.md\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])")


def prose_sentences(docs: Path) -> list[str]:
    """Plain sentences of the site's Markdown pages: paragraphs that start with a letter, split
    at sentence ends; any sentence with markup (links, footnotes, emphasis, HTML) is skipped, so
    the generated pages build without warnings."""
    out: list[str] = []
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).parts
        if rel[0] in ("skalierung", "includes"):
            continue
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("---", 2)[-1]
        for block in re.split(r"\n\s*\n", text):
            if not block[:1].isalpha():
                continue
            for sentence in _SENTENCE_END.split(" ".join(block.split())):
                if 40 <= len(sentence) <= 300 and not _MARKUP.search(sentence):
                    out.append(sentence)
    return out


def prose(sentences: list[str], n: int, count: int = PROSE_SENTENCES) -> str:
    """`count` sentences for page n, the same on every run (seeded), in paragraphs of five."""
    if not sentences:
        return ""
    chosen = random.Random(n).choices(sentences, k=count)
    return "\n\n".join(" ".join(chosen[i:i + 5]) for i in range(0, len(chosen), 5))


def _pages(count: int) -> list[tuple[int, int, int, int]]:
    """(area, topic, subtopic, page) for `count` pages, all 1-based."""
    out = []
    for n in range(count):
        rest, page = divmod(n, PAGES_PER_SUBTOPIC)
        rest, subtopic = divmod(rest, SUBTOPICS_PER_TOPIC)
        area, topic = divmod(rest, TOPICS_PER_AREA)
        out.append((area + 1, topic + 1, subtopic + 1, page + 1))
    return out


def _src(area: int, topic: int, subtopic: int, page: int) -> str:
    name = "index.md" if page == 1 else f"seite-{page:02d}.md"
    return f"skalierung/bereich-{area:02d}/thema-{topic:02d}/unterthema-{subtopic:02d}/{name}"


def generate(ws: Workspace, count: int) -> Path:
    """Write `count` pages into ws/docs/skalierung/ and a config with them in the nav."""
    shutil.rmtree(ws.root / "docs" / "skalierung", ignore_errors=True)
    config = load_config(ws.config)
    if count == 0:
        return write_config(config, ws.root / SCALING_CONFIG)
    pages = _pages(count)
    sentences = prose_sentences(ws.root / "docs")
    tree: dict = {}
    for i, key in enumerate(pages):
        area, topic, subtopic, page = key
        src = _src(*key)
        depth = src.count("/")
        label = ".".join(map(str, key[:3]))
        path = ws.root / "docs" / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(
            n=i + 1, area=area, topic=topic, prose=prose(sentences, i + 1),
            title=f"Unterthema {label}" if page == 1 else f"Seite {label}.{page}",
            next="../" * depth + _src(*pages[(i + 1) % len(pages)]),
            glossary="../" * depth + "glossar.md"), encoding="utf-8")
        tree.setdefault(area, {}).setdefault(topic, {}).setdefault(subtopic, []).append(src)
    nav = [{f"Bereich {a}": [{f"Thema {a}.{t}": [{f"Unterthema {a}.{t}.{u}": files}
                                                for u, files in subtopics.items()]}
                             for t, subtopics in topics.items()]}
           for a, topics in tree.items()]
    config["nav"] = [*config["nav"], {"Skalierung": nav}]
    return write_config(config, ws.root / SCALING_CONFIG)


def build_scaling(ws: Workspace, repeats: int, sizes=SIZES) -> tuple[list[Row], dict]:
    """Median CPU time of the site plus n pages; time per added page = (T(n) − T(0)) / n.

    Rounds go through all sizes in turn, so a change in the machine's load hits all alike."""
    cpu: dict[int, list[float]] = {0: [], **{n: [] for n in sizes}}
    wall: dict[int, list[float]] = {n: [] for n in cpu}
    ws.build(generate(ws, 0), site="site-skalierung")  # warm-up: caches and OS file cache
    for _ in range(repeats):
        for n in cpu:
            cpu[n].append(ws.build(generate(ws, n), site="site-skalierung"))
            wall[n].append(ws.builds[-1][2])
    generate(ws, 0)
    t0 = median(cpu[0])
    per_page = {n: (median(cpu[n]) - t0) / n for n in sizes}
    rows = []
    first = sizes[0]
    for n in sizes:
        ratio = per_page[n] / per_page[first] if n != first and per_page[first] > 0 else None
        last = n == max(sizes)
        rows.append(Row(
            f"Skalierung: Website + {n:,} erzeugte Seiten (verschachtelt)".replace(",", "."),
            f"{fmt_seconds(median(cpu[n]))} CPU (Wanduhr {fmt_seconds(median(wall[n]))}); "
            f"{fmt_ms(per_page[n])} je zusätzliche Seite",
            f"{fmt_seconds(t0)} CPU ohne zusätzliche Seiten" if n == first else
            f"{fmt_ms(per_page[first])} je Seite bei + {first}",
            ratio,
            f"≤ {fmt_ratio(TARGET)} (je Seite ggü. + {first})" if last else "–",
            (ratio <= TARGET) if last and ratio is not None else None))
    return rows, {"cpu": {str(n): t for n, t in cpu.items()},
                  "wall": {str(n): t for n, t in wall.items()}}

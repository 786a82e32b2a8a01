"""German spell check (Debian hunspell de_DE) of the built pages, with the reviewed word list
tests/wortliste.txt; each unknown word is named with the Markdown file and line where it stands
and hunspell's suggestions. Used by `make check` and tests/site/test_spelling.py."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[1]
WORDLIST = REPO / "tests" / "wortliste.txt"
DICTIONARY = Path("/usr/share/hunspell/de_DE.dic")
# The topic map (hooks/themenkarte.py) repeats nav titles and the pages' front matter
# descriptions, which are not prose of the page it stands on.
_SKIP = ["pre", "code", "kbd", "script", "style", "svg", "math", ".MathJax", ".md-source",
         ".headerlink", ".footnote-backref", ".jp-InputArea", ".jp-OutputPrompt", ".smm-themenkarte"]


def available() -> bool:
    return shutil.which("hunspell") is not None and DICTIONARY.exists()


def page_text(path: Path) -> str:
    """The article's reader-visible German prose (code, English passages and URLs removed)."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article") or soup.body
    for selector in _SKIP:
        for tag in article.select(selector):
            tag.decompose()
    for tag in article.select("[lang]"):
        if not tag["lang"].startswith("de"):
            tag.decompose()
    for a in article.find_all("a"):
        if a.get_text(strip=True).startswith(("http://", "https://", "www.")):
            a.decompose()
    # Inline tags must not split words: <abbr>Influencer</abbr>-Marketing is one word.
    for tag in article.find_all(["abbr", "a", "em", "strong", "span", "mark", "b", "i", "small"]):
        tag.unwrap()
    article.smooth()  # merge the strings the unwrapping left side by side into one word
    return article.get_text(" ")


def _hunspell(*args: str, text: str) -> str:
    return subprocess.run(["hunspell", "-d", "de_DE", "-p", str(WORDLIST), "-i", "utf-8", *args],
                          input=text, capture_output=True, text=True, check=True).stdout


def unknown_words(text: str) -> list[str]:
    # One word per line: hunspell reads long lines in pieces and reports the cut words (a
    # minified page's text has few line breaks); words never contain whitespace.
    return sorted(set(_hunspell("-l", text=re.sub(r"\s+", "\n", text)).split()))


def suggestions(words: list[str]) -> dict[str, list[str]]:
    """hunspell's suggestions per word (pipe mode; `^` keeps a word from being read as a command)."""
    out = _hunspell("-a", text="".join(f"^{w}\n" for w in words))
    found: dict[str, list[str]] = {w: [] for w in words}
    for line in out.splitlines():
        if line.startswith("& "):
            head, _, tail = line.partition(": ")
            found[head.split()[1]] = [s.strip() for s in tail.split(",")][:4]
    return found


@dataclass(frozen=True)
class Misspelling:
    word: str
    where: str  # "docs/x.md:12" or the page URL when the word is generated text
    suggestions: tuple[str, ...]

    def __str__(self) -> str:
        hint = f" – Vorschläge: {', '.join(self.suggestions)}" if self.suggestions else ""
        return f"{self.where}: unbekanntes Wort „{self.word}“{hint}"


def locate(word: str, source: Path | None, repo: Path = REPO) -> list[str]:
    """`docs/<file>:<line>` for each line of the Markdown source that contains `word`."""
    if source is None or not source.exists():
        return []
    rel = source.relative_to(repo).as_posix()
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
    return [f"{rel}:{n}" for n, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1)
            if pattern.search(line)]


def check(pages: dict[str, Path], sources: dict[str, Path], repo: Path = REPO) -> list[Misspelling]:
    """Unknown words of the built `pages` (URL → HTML file), located in `sources` (URL → .md)."""
    by_page = {url: unknown_words(page_text(path)) for url, path in pages.items()}
    every = sorted({w for words in by_page.values() for w in words})
    hints = suggestions(every) if every else {}
    found = []
    for url, words in by_page.items():
        for word in words:
            places = locate(word, sources.get(url), repo) or [f"{url} (erzeugter Text)"]
            found += [Misspelling(word, place, tuple(hints.get(word, ()))) for place in places]
    return found

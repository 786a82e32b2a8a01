"""German spell check (Debian hunspell de_DE) over the built text, with a reviewed word list."""

import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

from bs4 import BeautifulSoup

from helpers import require

WORDLIST = Path(__file__).resolve().parents[1] / "wortliste.txt"
_SKIP = ["pre", "code", "kbd", "script", "style", "svg", "math", ".MathJax", ".md-source",
         ".headerlink", ".footnote-backref", ".jp-InputArea", ".jp-OutputPrompt"]


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
    return article.get_text(" ")


def unknown_words(text: str) -> list[str]:
    proc = subprocess.run(
        ["hunspell", "-d", "de_DE", "-p", str(WORDLIST), "-i", "utf-8", "-l"],
        input=text, capture_output=True, text=True, check=True,
    )
    return sorted(set(proc.stdout.split()))


def test_wordlist_is_clean():
    words = [w for w in WORDLIST.read_text(encoding="utf-8").splitlines() if w.strip()]
    assert len(words) == len(set(words)), "doppelte Einträge in tests/wortliste.txt"
    assert all(w == w.strip() and " " not in w for w in words)


def test_spell_checker_catches_a_typo():
    require("hunspell", shutil.which("hunspell") is not None,
            "`make test` installt hunspell und hunspell-de-de als root.")
    assert unknown_words("Die Komunikationspolitik ist ein Instrument.") == ["Komunikationspolitik"]


def test_built_pages_have_no_unknown_words(html_pages):
    require("hunspell", shutil.which("hunspell") is not None and Path("/usr/share/hunspell/de_DE.dic").exists(),
            "`make test` installt hunspell und hunspell-de-de als root.")
    found = defaultdict(list)
    for url, path in html_pages.items():
        for word in unknown_words(page_text(path)):
            found[word].append(url)
    report = "\n".join(f"  {w}  ({', '.join(urls[:3])})" for w, urls in sorted(found.items()))
    assert not found, (
        "Unbekannte Wörter – Tippfehler korrigieren oder (wenn korrekt) in tests/wortliste.txt "
        f"aufnehmen:\n{report}")

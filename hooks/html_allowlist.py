"""Build hook: HTML in pages only from an allowlist – a pull request cannot put code into readers'
browsers (no <script>, no on…= attributes, no javascript: links).

The rules and the Markdown scan live in hooks/markdown_html.py; this hook applies them to

* every Markdown file of the site (pages, and files only included into pages, such as
  docs/includes/glossar-abkuerzungen.md, plus everything in the snippets' base_path), before any
  page is built: a violation fails the build with `docs/<file>:<line>: <German message>`;
* the HTML Python-Markdown made of each page, for what the source scan cannot see as HTML, such
  as attr_list attributes (`[Link](x){ onclick="…" }`): the same message, with the first line of
  the source that names the culprit.

Notebook pages are code (their outputs are HTML made by Python) and are reviewed as such
(CONTRIBUTING.md, „Notebooks“); the Content Security Policy (hooks/csp.py) covers them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from markdown_html import check_markdown, check_rendered, find_line
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import InclusionLevel

# Texts found clean, by sha256, remembered in .cache/html-allowlist/<rules>.txt where <rules>
# is a hash of the rules' source and markdown-it's version: a warm build checks only what
# changed (checking every page took a sixth of a warm build). A text with violations is never
# remembered, so it fails every build until it is fixed.
_cache: dict = {"file": None, "clean": set(), "used": set()}


def _rules_version() -> str:
    import markdown_it

    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(markdown_it.__version__.encode())
    for name in ("markdown_html.py", "html_allowlist.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


def _known_clean(kind: str, text: str) -> tuple[bool, str]:
    key = hashlib.sha256(f"{kind}\0{text}".encode()).hexdigest()
    if key in _cache["clean"]:
        _cache["used"].add(key)
        return True, key
    return False, key


def _remember_clean(key: str) -> None:
    _cache["clean"].add(key)
    _cache["used"].add(key)


def _violations(text: str) -> list:
    clean, key = _known_clean("md", text)
    if clean:
        return []
    found = check_markdown(text)
    if not found:
        _remember_clean(key)
    return found


def on_config(config):
    folder = Path(config.config_file_path).resolve().parent / ".cache" / "html-allowlist"
    _cache["file"] = folder / f"{_rules_version()}.txt"
    _cache["used"] = set()
    if not _cache["clean"] and _cache["file"].exists():
        _cache["clean"] = set(_cache["file"].read_text(encoding="ascii").split())
    return config


def on_post_build(config):
    """Remember what this build found clean (only that: the file does not grow stale)."""
    path = _cache["file"]
    if path is None:
        return
    text = "\n".join(sorted(_cache["used"])) + "\n"
    if not path.exists() or path.read_text(encoding="ascii") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("*.txt"):
            old.unlink()
        path.write_text(text, encoding="ascii")


def _fail(where: str, violations) -> None:
    lines = [f"{where}:{v.line}: {v.message}" if v.line else f"{where}: {v.message}"
             for v in violations]
    raise PluginError("HTML, das in Seiten nicht erlaubt ist (siehe CONTRIBUTING.md, „HTML in "
                      "Seiten“):\n" + "\n".join(lines))


def _name(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _snippet_dirs(config) -> list[Path]:
    options = config.mdx_configs.get("pymdownx.snippets") or {}
    paths = options.get("base_path") or []
    root = Path(config.config_file_path).resolve().parent
    return [root / p for p in ([paths] if isinstance(paths, str) else paths)]


def on_files(files, config):
    root = Path(config.config_file_path).resolve().parent
    seen: set[Path] = set()
    for file in files.documentation_pages(inclusion=InclusionLevel.all):
        if not file.src_uri.endswith(".md"):
            continue
        path = Path(file.abs_src_path).resolve() if file.abs_src_path else None
        if path is not None:
            seen.add(path)
        found = _violations(file.content_string)
        if found:
            _fail(_name(path, root) if path else f"docs/{file.src_uri}", found)
    for folder in _snippet_dirs(config):
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            if path.resolve() in seen:
                continue
            found = _violations(path.read_text(encoding="utf-8"))
            if found:
                _fail(_name(path, root), found)
    return files


def on_page_content(html, page, config, files):
    if not page.file.src_uri.endswith(".md"):
        return html  # notebooks: code, see the docstring
    clean, key = _known_clean("html", html)
    if clean:
        return html
    problems = check_rendered(html)
    if not problems:
        _remember_clean(key)
    if problems:
        source = page.file.content_string if not page.file.generated_by else ""
        where = f"docs/{page.file.src_uri}"
        lines = []
        for message in problems:
            culprit = _culprit(message)
            line = find_line(source, culprit) if culprit else 0
            lines.append(f"{where}:{line}: {message}" if line else f"{where}: {message}")
        raise PluginError("HTML, das in Seiten nicht erlaubt ist (siehe CONTRIBUTING.md, „HTML "
                          "in Seiten“):\n" + "\n".join(lines))
    return html


def _culprit(message: str) -> str:
    """What to look for in the source: the attribute, address or element a message names."""
    start = message.find("„")
    if start >= 0:
        return message[start + 1:message.find("“", start)]
    start = message.find("<")
    return message[start:message.find(">", start)] if start >= 0 else ""

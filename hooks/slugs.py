"""German ASCII heading anchors: „Größe der Übertragungsreichweite“ → groesse-der-uebertragungsreichweite.

Lecturers link to these anchors, so the rule must never change once pages are published.
"""

import re
import unicodedata

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"})


def slugify(value: str, separator: str = "-") -> str:
    text = unicodedata.normalize("NFC", value).translate(_GERMAN)
    # Other accents (é, ñ …) lose their mark; anything non-ASCII that is left is dropped.
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).lower()
    return re.sub(r"[\s_-]+", separator, text).strip(separator)


def on_config(config):
    # Set here rather than with !!python/name in mkdocs.yml, where hooks/ is not importable.
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify
    if "mkdocs-jupyter" in config.plugins:  # importing it costs ~0.6 s: only when it is used
        _use_in_notebooks()
    return config


def _use_in_notebooks():
    """mkdocs-jupyter slugs notebook headings (ids and TOC) its own way („Sättigung“ → sattigung);
    it has no option for that, so point both places at the one rule of this site."""
    try:
        import markdown
        from markdown.extensions.toc import TocExtension
        from mkdocs_jupyter import convert, plugin
    except ImportError:
        return

    def markdown_toc(source, toc_depth):
        md = markdown.Markdown(extensions=[TocExtension(toc_depth=toc_depth, slugify=slugify)])
        md.convert(source)
        return md.toc_tokens

    convert.slugify = lambda value: slugify(value, "-")
    plugin._get_markdown_toc = markdown_toc

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
    return config

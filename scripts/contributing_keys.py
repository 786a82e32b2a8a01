"""The key tables of the ```smm blocks in CONTRIBUTING.md, generated from smm_calc.params.

Each table sits between `<!-- schluessel: NAME -->` and `<!-- /schluessel -->`, NAME being a view
(`reichweite`, …) or `alle` for the keys every view has. `make schluessel` rewrites them;
`--pruefen` only reports whether they are current (exit 1 if not; tests/calc/test_params.py).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from smm_calc import params  # noqa: E402

CONTRIBUTING = REPO / "CONTRIBUTING.md"
COMMAND = "python scripts/contributing_keys.py"  # also `make schluessel`
_BLOCK = re.compile(r"(<!-- schluessel: (?P<name>[a-z-]+) -->\n)(?P<body>.*?)(<!-- /schluessel -->)",
                    re.S)


def table(name: str) -> str:
    if name == "alle":
        return params.markdown_table(params.COMMON)
    if name not in params.BY_NAME:
        raise SystemExit(f"CONTRIBUTING.md: unbekannte Ansicht „{name}“ in <!-- schluessel: … -->")
    return params.markdown_table(params.BY_NAME[name].params)


def rewrite(text: str) -> str:
    """`text` with every marked table replaced by the generated one."""
    return _BLOCK.sub(lambda m: f"{m[1]}{table(m['name'])}\n{m[4]}", text)


def missing(text: str) -> list[str]:
    """Views (and „alle“) without a marked table."""
    present = {m["name"] for m in _BLOCK.finditer(text)}
    return [n for n in ("alle", *params.BY_NAME) if n not in present]


def main(argv: list[str]) -> int:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    absent = missing(text)
    if absent:
        print(f"CONTRIBUTING.md: Schlüsseltabelle fehlt für {', '.join(absent)} – "
              "„<!-- schluessel: NAME -->“ … „<!-- /schluessel -->“ einfügen, dann "
              f"`{COMMAND}`.", file=sys.stderr)
        return 1
    new = rewrite(text)
    if "--pruefen" in argv:
        if new != text:
            print(f"CONTRIBUTING.md: Die Schlüsseltabellen sind veraltet; `{COMMAND}` "
                  "(oder `make schluessel`) ausführen.", file=sys.stderr)
            return 1
        return 0
    if new != text:
        CONTRIBUTING.write_text(new, encoding="utf-8")
        print("CONTRIBUTING.md: Schlüsseltabellen neu geschrieben.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

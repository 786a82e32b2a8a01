"""Build hook: the reach calculator gets smm_calc's limits and field texts from the build.

The JavaScript (docs/assets/js/reichweitenrechner.js) copies no limit and no message key: every
element with `data-smm-rechner` gets `data-smm-werte` with the JSON of
`smm_calc.calculator.js_constants()`, which the script reads when it mounts. A data attribute,
not an inline script: nothing for the Content Security Policy (hooks/csp.py) to hash, and it
works wherever the page does (offline package, LMS sub-folder). Thin glue only.
"""

from __future__ import annotations

import html
import json
import re

from smm_calc.calculator import js_constants

_ROOT = re.compile(r"(<[A-Za-z][^<>]*?\sdata-smm-rechner)(?=[\s/>=])")


def constants_attribute() -> str:
    text = json.dumps(js_constants(), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return f' data-smm-werte="{html.escape(text, quote=True)}"'


def on_page_content(html_text, page, config, files):
    if "data-smm-rechner" not in html_text:
        return html_text
    return _ROOT.sub(lambda m: m[1] + constants_attribute(), html_text)

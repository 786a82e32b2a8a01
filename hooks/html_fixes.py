"""Post-processing of the HTML that Material and mkdocs-jupyter emit, so that every page is valid
HTML (issue 9; checked by tests/quality/test_html_valid.py with the Nu Html Checker, "vnu").

Each fix is narrow, names the vnu message it answers and keeps what the theme meant. Template
changes that are simple live in overrides/; these are the ones in Material's base.html (which we
do not copy), in mkdocs-jupyter's output, or that depend on the whole page. (What notebook pages
inline – JupyterLab CSS, an empty MathJax script – hooks/notebook_assets.py moves out.)
"""

from __future__ import annotations

import re

from rewrites import Rewrite, check, start

# `<input class="md-toggle" … type="checkbox" … autocomplete="off">` – vnu: 'Attribute
# "autocomplete" is only allowed when the input type is …'. Material sets it on the drawer and
# search toggles so Firefox does not restore them (an open drawer) on back navigation. An owning
# <form autocomplete="off"> gives the same effect in a valid way: the toggles join it with the
# form attribute and stay where the theme's CSS (sibling selectors) expects them.
STATE_FORM_ID = "__md_state"
_CHECKBOX_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="[^"]*" type="checkbox"[^>]*?)\s+autocomplete="off"')
# `<label for="__toc">` on pages that have no __toc control (section index pages render the
# table of contents without it) – vnu: 'The value of the "for" attribute of the "label" element
# must be the ID of a non-hidden form control'. Without the control the label is a plain title.
# Only this label of the theme's: a content label pointing nowhere is a bug vnu must still report.
_TOC_LABEL_FOR = re.compile(r'(<label\b[^>]*?)\s+for="__toc"')
# mkdocs-jupyter's copy button, as it ends up in the page:
# `<clipboard-copy ,="" aria-label="Copy to Clipboard" for="cell-1">` (a stray comma in its
# template becomes an attribute named ","). vnu: 'The "aria-label" attribute must not be specified
# on any "clipboard-copy" element unless the element has a "role" value …'. The element's script
# adds role="button" and tabindex="0" when it starts; write them into the HTML already, drop the
# comma and label it in German like Material's own copy buttons.
_CLIPBOARD = re.compile(r'<clipboard-copy\b([^>]*)>')
_COPIED = re.compile(r'(<span class="notice" hidden(?:="")?>)Copied!</span>')


def _clipboard_button(match: re.Match) -> str:
    attrs = re.sub(r'\s,=""|\saria-label="[^"]*"|\srole="[^"]*"|\stabindex="[^"]*"', "",
                   match[1])
    return (f'<clipboard-copy{attrs} role="button" tabindex="0" '
            f'aria-label="In Zwischenablage kopieren">')


# Material puts the drawer and search toggles on every page: if this never matches, the theme
# changed and the fix must be checked (hooks/rewrites.py).
_TOGGLES = Rewrite("html_fixes", "Materials Schalter (md-toggle) mit autocomplete",
                   _CHECKBOX_AUTOCOMPLETE)


def fix_html(html: str) -> str:
    """Apply every fix to one page's HTML."""
    before = _TOGGLES.matches
    html = _TOGGLES.subn(rf'\1 form="{STATE_FORM_ID}"', html)
    toggles = _TOGGLES.matches - before
    if toggles:
        html = html.replace(
            "</body>", f'<form id="{STATE_FORM_ID}" autocomplete="off" hidden></form>\n</body>', 1)
    if "<clipboard-copy" in html:
        html = _CLIPBOARD.sub(_clipboard_button, html)
        html = _COPIED.sub(r"\1Kopiert!</span>", html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL_FOR.sub(r"\1", html)
    return html


def on_config(config):
    start([_TOGGLES])
    return config


def on_post_page(output, page, config):
    return fix_html(output)


def on_post_template(output_content, template_name, config):
    # 404.html is rendered as a theme template, not as a page
    return fix_html(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config):
    check([_TOGGLES])

"""Post-processing of the HTML that Material emits, so that every page is valid HTML (issue 9).

Each fix is narrow, names the Nu Html Checker message it answers and keeps what the theme meant.
Template changes that are simple live in overrides/; these are the ones in Material's base.html
(which we do not copy) or that depend on the whole page.
"""

from __future__ import annotations

import re

# `<input type="checkbox" … autocomplete="off">` – vnu: 'Attribute "autocomplete" is only allowed
# when the input type is …'. Material sets it on the drawer and search toggles so Firefox does not
# restore them (an open drawer) on back navigation. An owning <form autocomplete="off"> gives the
# same effect in a valid way: the toggles join it with the form attribute and stay where the
# theme's CSS (sibling selectors) expects them.
STATE_FORM_ID = "__md_state"
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
# `<label for="__toc">` on pages that have no __toc control (section index pages render the
# table of contents without it) – vnu: 'The value of the "for" attribute of the "label" element
# must be the ID of a non-hidden form control'. Without the control the label is a plain title.
_LABEL_FOR = re.compile(r'(<label\b[^>]*?)\s+for="([^"]*)"')
_ID = re.compile(r'\sid="([^"]*)"')


def fix_html(html: str) -> str:
    """Apply every fix to one page's HTML."""
    html, toggles = _CHECKBOX_AUTOCOMPLETE.subn(rf'\1 form="{STATE_FORM_ID}"', html)
    if toggles:
        html = html.replace(
            "</body>", f'<form id="{STATE_FORM_ID}" autocomplete="off" hidden></form>\n</body>', 1)
    ids = set(_ID.findall(html))
    html = _LABEL_FOR.sub(lambda m: m[0] if m[2] in ids else m[1], html)
    return html


def on_post_page(output, page, config):
    return fix_html(output)


def on_post_template(output_content, template_name, config):
    # 404.html is rendered as a theme template, not as a page
    return fix_html(output_content) if template_name.endswith(".html") else output_content

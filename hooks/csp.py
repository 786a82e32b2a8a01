"""A Content Security Policy on every page, as <meta http-equiv> (static hosts set no headers).

Scripts run only from the site's own files and as the inline scripts that the theme's templates
and the hooks write (Material's palette and scope snippets, overrides/main.html, the redirect
stubs): their sha256 hashes go into the policy, computed from the finished page. An inline script
that came with a page's content – from its Markdown or a notebook's output – is not hashed and
does not run; nor does one added to a page after the build. So the policy backs up the
allowlist of hooks/html_allowlist.py.

    default-src 'self'        everything from the site itself, nothing from other hosts
    script-src 'self' 'sha256-…'  no 'unsafe-inline', no eval
    style-src 'self' 'unsafe-inline'; style-src-elem 'self'
        <style> elements and stylesheets only from the site. Attributes need 'unsafe-inline':
        Markdown writes column alignment as style="text-align: right" and notebook tables do the
        same. (Browsers without style-src-elem fall back to style-src, so nothing breaks there.)
    img-src 'self' data:      Material's icons in its CSS are data: SVGs (admonitions, lists)
    object-src 'none'; base-uri 'self'; form-action 'self'

The offline package (`make offline`) is opened from disk, where pages have no origin to call
'self' in every browser: there `file:` is allowed beside 'self' for scripts, styles, images and
the rest – the package's own files are the only files such a page refers to.

Listed last in mkdocs.yml, after hooks/html_minify.py: the hashes are taken from the page as
it is written. Not under `mkdocs serve`: its live-reload script is injected into every page after
the build, with a new request id each time, so no hash can allow it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

from weiterleitungen import stub_paths  # hooks/weiterleitungen.py: where the redirect stubs are

META_NAME = "Content-Security-Policy"
# Script types a browser executes (others, such as Material's application/json config, are data).
_JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}

_state = {"serve": False, "offline": False}


class _InlineScripts(HTMLParser):
    """The text of every executable inline <script> of an HTML document, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            values = dict(attrs)
            kind = (values.get("type") or "").strip().lower()
            if "src" not in values and kind in _JS_TYPES:
                self._current = []

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


# A script element runs to the first `</script` (HTML's tokenizer does the same); only these
# snippets go through the HTML parser, which reads their attributes – parsing whole pages took
# a tenth of a warm build. The finished page has no comments (minify-html removes them) that
# could hide a <script> from the browser but not from this pattern.
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.I | re.S)


def inline_scripts(html: str) -> list[str]:
    parser = _InlineScripts()
    for match in _SCRIPT.finditer(html):
        parser.feed(match[0])
    parser.close()
    return parser.scripts


def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(scripts: list[str], *, offline: bool = False) -> str:
    """The policy for a page whose trusted inline scripts are `scripts`."""
    own = "'self' file:" if offline else "'self'"
    hashes = sorted({script_hash(s) for s in scripts})
    return "; ".join([
        f"default-src {own}",
        " ".join([f"script-src {own}", *hashes]),
        f"style-src {own} 'unsafe-inline'",
        f"style-src-elem {own}",
        f"img-src {own} data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


_HEAD_START = re.compile(r"<head\b[^>]*>", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_EXISTING = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?')


def add_policy(html: str, *, untrusted: str = "", offline: bool = False) -> str:
    """`html` with the policy as the first element of <head> (after <meta charset>, which must
    come first). Inline scripts that also occur in `untrusted` (the page's content) get no hash."""
    html = _EXISTING.sub("", html)
    excluded = set(inline_scripts(untrusted)) if "<script" in untrusted.lower() else set()
    trusted = [s for s in inline_scripts(html) if s not in excluded]
    meta = f'<meta http-equiv="{META_NAME}" content="{policy(trusted, offline=offline)}">'
    head = _HEAD_START.search(html)
    if head is None:
        return html
    charset = _CHARSET.match(html, head.end()) or _CHARSET.match(html, head.end() + 1)
    at = charset.end() if charset else head.end()
    return f"{html[:at]}\n{meta}{html[at:]}"


# --- MkDocs events --------------------------------------------------------------------------

def on_startup(command, dirty):
    _state["serve"] = command == "serve"


def on_config(config):
    plugin = config.plugins.get("material/offline")
    _state["offline"] = bool(plugin and plugin.config.enabled)
    return config


def on_post_page(output, page, config):
    if _state["serve"]:
        return output
    return add_policy(output, untrusted=page.content or "", offline=_state["offline"])


def on_post_template(output_content, template_name, config):
    # 404.html and other theme templates: no page content, every inline script is the theme's
    if _state["serve"] or not template_name.endswith(".html"):
        return output_content
    return add_policy(output_content, offline=_state["offline"])


def on_post_build(config):
    """Redirect stubs (mkdocs-redirects, in German by hooks/weiterleitungen.py)."""
    if _state["serve"]:
        return
    for path in stub_paths(config):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(add_policy(text, offline=_state["offline"]))

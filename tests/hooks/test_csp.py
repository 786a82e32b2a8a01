"""The Content Security Policy hook (hooks/csp.py) on small HTML documents. Fast: no build.

The hashes are checked against the definition of CSP Level 2 (base64 of the SHA-256 of the
script element's text, UTF-8), computed here independently of the hook."""

import base64
import hashlib
import re

from hookmodules import load

csp = load("csp")

PAGE = """<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>T</title>
<script>var theme = 1</script>
<script id="__config" type="application/json">{{"a": 1}}</script>
<script src="assets/x.js"></script>
</head>
<body>
<article>{content}</article>
<script>
  document$.subscribe(function () {{}})
</script>
</body>
</html>
"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def directives(html: str) -> dict[str, list[str]]:
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert match, "no policy"
    return {d.split()[0]: d.split()[1:] for d in match[1].split("; ")}


def test_policy_allows_the_theme_scripts_by_hash_and_nothing_inline():
    html = csp.add_policy(PAGE.format(content="<p>Text</p>"), untrusted="<p>Text</p>")
    policy = directives(html)
    assert sorted(policy["script-src"]) == sorted(
        ["'self'", sha("var theme = 1"), sha("\n  document$.subscribe(function () {})\n")])
    assert "'unsafe-inline'" not in policy["script-src"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["style-src-elem"] == ["'self'"]


def test_a_script_from_the_page_content_gets_no_hash():
    content = "<p>Text</p><script>alert(1)</script>"
    html = csp.add_policy(PAGE.format(content=content), untrusted=content)
    assert sha("alert(1)") not in directives(html)["script-src"]
    assert sha("var theme = 1") in directives(html)["script-src"]


def test_the_policy_comes_first_in_head_after_the_charset():
    html = csp.add_policy(PAGE.format(content=""))
    head = html[html.index("<head>"):]
    assert re.match(r'<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"',
                    head)
    assert html.count("Content-Security-Policy") == 1
    assert csp.add_policy(html).count("Content-Security-Policy") == 1  # applied twice: one policy


def test_offline_allows_file_urls_for_the_packages_own_files():
    html = csp.add_policy(PAGE.format(content=""), offline=True)
    policy = directives(html)
    assert "file:" in policy["script-src"] and "file:" in policy["default-src"]
    assert "file:" in policy["img-src"] and "'unsafe-inline'" not in policy["script-src"]
    assert "file:" not in directives(csp.add_policy(PAGE.format(content="")))["script-src"]


def test_inline_scripts_are_those_a_full_html_parse_finds():
    """The pre-scan for <script> elements finds what parsing the whole page finds."""
    page = ("<!doctype html><html><head><script>var a = '<b>x</b>';</script>"
            '<script type="application/json">{"data": 1}</script>'
            '<script src="x.js"></script><SCRIPT TYPE="module">import "./m.js"</SCRIPT >'
            "</head><body><p>text <b>bold</b></p><script>\nif (a < b && c > d) {}\n</script>"
            "</body></html>")
    full = csp._InlineScripts()
    full.feed(page)
    full.close()
    assert csp.inline_scripts(page) == full.scripts == [
        "var a = '<b>x</b>';", 'import "./m.js"', "\nif (a < b && c > d) {}\n"]

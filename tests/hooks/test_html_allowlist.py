"""The allowlist for HTML in Markdown (hooks/markdown_html.py): what is refused, on which line,
and that what the site's pages use today passes. Fast: no build."""

from pathlib import Path

import pytest

from helpers import REPO
from hookmodules import load

markdown_html = load("markdown_html")
check = markdown_html.check_markdown


def lines_of(markdown: str) -> list[int]:
    return [v.line for v in check(markdown)]


# (case, Markdown, line of the offending construct, a word the message must contain)
FORBIDDEN = [
    ("script", "# T\n\nText\n\n<script>alert(1)</script>\n", 5, "<script>"),
    ("script inline", "# T\n\nText <script>alert(1)</script> mehr\n", 3, "<script>"),
    ("style", "# T\n\n<style>body{display:none}</style>\n", 3, "<style>"),
    ("iframe", "# T\n\n<iframe src=\"https://example.org\"></iframe>\n", 3, "<iframe>"),
    ("object", "# T\n\n<object data=\"x.swf\"></object>\n", 3, "<object>"),
    ("embed", "# T\n\n<embed src=\"x.swf\">\n", 3, "<embed>"),
    ("base", "# T\n\n<base href=\"https://example.org/\">\n", 3, "<base>"),
    ("meta", "# T\n\n<meta http-equiv=\"refresh\" content=\"0; url=https://example.org\">\n", 3,
     "<meta>"),
    ("form", "# T\n\n<form action=\"https://example.org\"><button>x</button></form>\n", 3,
     "Reichweitenrechner"),
    ("onmouseover", "# T\n\nEin <span onmouseover=\"alert(1)\">Wort</span>.\n", 3, "onmouseover"),
    ("onclick upper case", "# T\n\n<div ONCLICK=\"alert(1)\">x</div>\n", 3, "onclick"),
    ("javascript href", "# T\n\nEin <a href=\"javascript:alert(1)\">Link</a>.\n", 3, "javascript:"),
    ("javascript entity", "# T\n\n<a href=\"&#106;ava&#x73;cript:alert(1)\">Link</a>\n", 3,
     "javascript:"),
    ("javascript tab", "# T\n\n<a href=\"java\tscript:alert(1)\">Link</a>\n", 3, "javascript:"),
    ("javascript markdown", "# T\n\nZeile\nnoch [Link](javascript:alert(1)) hier\n", 4,
     "javascript:"),
    ("javascript reference", "# T\n\n[Link][x]\n\n[x]: javascript:alert(1)\n", 3, "javascript:"),
    ("vbscript", "# T\n\n<a href=\"vbscript:msgbox(1)\">x</a>\n", 3, "vbscript:"),
    ("data link", "# T\n\n[x](data:text/html;base64,PHNjcmlwdD4=)\n", 3, "data:"),
    ("data in a", "# T\n\n<a href=\"data:image/svg+xml,<svg onload=alert(1)>\">x</a>\n", 3,
     "data:"),
    ("style attribute", "# T\n\n<p style=\"position:fixed\">x</p>\n", 3, "style"),
    ("svg", "# T\n\n<svg onload=\"alert(1)\"></svg>\n", 3, "<svg>"),
    ("unknown element", "# T\n\n<marquee>x</marquee>\n", 3, "<marquee>"),
    ("input type", "# T\n\n<div data-smm-rechner>\n<input type=\"image\" src=\"x.png\">\n</div>\n",
     4, "image"),
    ("submit button", "# T\n\n<div data-smm-rechner>\n<button type=\"submit\">x</button>\n</div>\n",
     4, "submit"),
    ("form outside the container", "# T\n\n<div data-smm-rechner>\n<form></form>\n</div>\n\n"
     "<input name=\"x\">\n", 7, "Reichweitenrechner"),
    ("admonition body", "# T\n\n!!! note \"Hinweis\"\n\n    Text\n\n    <span onclick=\"x\">a</span>\n",
     7, "onclick"),
    ("details in admonition", "# T\n\n??? question \"Frage\"\n\n    Antwort\n\n    !!! note\n\n"
     "        <object data=\"x\"></object>\n", 9, "<object>"),
    ("footnote", "# T\n\nText[^a]\n\n[^a]: Beleg <span onclick=\"x\">S. 1</span>\n", 5, "onclick"),
    ("table cell", "# T\n\n| a | b |\n| --- | --- |\n| <b onclick=\"x\">c</b> | d |\n", 5,
     "onclick"),
    ("third line of a block", "# T\n\n<div class=\"x\">\n<p>a</p>\n<p onclick=\"x\">b</p>\n</div>\n",
     5, "onclick"),
    ("after front matter", "---\ndescription: x\n---\n\n# T\n\n<iframe></iframe>\n", 7, "<iframe>"),
]


@pytest.mark.parametrize("markdown,line,word", [c[1:] for c in FORBIDDEN],
                         ids=[c[0] for c in FORBIDDEN])
def test_forbidden_html_is_reported_at_its_line(markdown, line, word):
    found = check(markdown)
    assert found, "nicht erkannt"
    assert found[0].line == line, found
    assert word.lower() in found[0].message.lower(), found[0].message


ALLOWED = {
    "code span": "# T\n\nSo nicht: `<script>alert(1)</script>` oder `<a href=\"javascript:x\">`.\n",
    "fenced code": "# T\n\n```html\n<script>alert(1)</script>\n<span onclick=\"x\">\n```\n",
    "fenced code in admonition": "# T\n\n!!! example\n\n    ```html\n    <script>x</script>\n"
                                 "    ```\n",
    "indented code": "# T\n\nText\n\n    <script>alert(1)</script>\n",
    "escaped": "# T\n\n&lt;script&gt;alert(1)&lt;/script&gt;\n",
    "what pages use": "# T\n\n<span lang=\"en\">Word of Mouth</span> H<sub>2</sub>O x<sup>2</sup>\n"
                      "<kbd>Strg</kbd> <abbr title=\"x\">A</abbr> <small>k</small><br>\n\n"
                      "<div class=\"grid\" markdown>\n\nText\n\n</div>\n\n"
                      "<figure class=\"f\" markdown=\"span\">\n  ![Bild](a.svg){ loading=lazy }\n"
                      "  <figcaption>Titel</figcaption>\n</figure>\n\n"
                      "<details><summary>Mehr</summary><p id=\"x\" hidden>Text</p></details>\n\n"
                      "<span id=\"alter-abschnitt\"></span>\n",
    "links": "# T\n\n[a](b.md) [c](https://example.org) <https://example.org> [m](mailto:a@b.de)"
             " [t](#anker) <a href=\"../x.md#y\" title=\"t\">z</a>\n",
    "data image": "# T\n\n![Punkt](data:image/png;base64,iVBORw0KGgo=) "
                  "<img src=\"data:image/gif;base64,R0lGOD\" alt=\"x\">\n",
    "table": "# T\n\n<table><caption>c</caption><thead><tr><th scope=\"col\">a</th></tr></thead>"
             "<tbody><tr><td colspan=\"2\">b</td></tr></tbody></table>\n",
    "calculator": "# T\n\n<div class=\"smm-rechner\" data-smm-rechner hidden>\n"
                  "<form class=\"f\" aria-label=\"Eingaben\">\n<fieldset>\n<legend>L</legend>\n"
                  "<button type=\"button\" data-k=\"4–5\">x</button>\n</fieldset>\n"
                  "<label for=\"k\">k</label>\n<input id=\"k\" name=\"k\" type=\"text\" "
                  "autocomplete=\"off\" spellcheck=\"false\" inputmode=\"numeric\" "
                  "aria-describedby=\"h\">\n<output for=\"k\"></output>\n</form>\n</div>\n",
    "comment": "# T\n\n<!-- gesamtausgabe -->\n",
}


@pytest.mark.parametrize("markdown", ALLOWED.values(), ids=ALLOWED.keys())
def test_allowed_html_passes(markdown):
    assert check(markdown) == []


def test_every_violation_of_a_file_is_reported_in_order():
    markdown = "# T\n\n<script>x</script>\n\nText\n\n<span onclick=\"x\">y</span>\n"
    assert lines_of(markdown) == [3, 7]


def _sources() -> list[Path]:
    docs = REPO / "docs"
    return sorted(docs.rglob("*.md"))


def test_the_sites_pages_and_includes_pass():
    assert any(p.parts[-2] == "includes" for p in _sources())
    problems = [f"{p.relative_to(REPO)}:{v.line}: {v.message}"
                for p in _sources() for v in check(p.read_text(encoding="utf-8"))]
    assert not problems, "\n".join(problems)


def test_the_calculator_page_would_fail_without_its_container():
    page = next(p for p in _sources() if p.name == "reichweitenrechner.md")
    text = page.read_text(encoding="utf-8")
    assert "data-smm-rechner" in text and check(text) == []
    assert check(text.replace(" data-smm-rechner", "")), "form outside the container passed"


# --- the rendered page (attr_list and other HTML that is not raw HTML in the source) -----------

def test_rendered_check_catches_attributes_but_not_extension_output():
    rendered = markdown_html.check_rendered
    assert rendered('<p><a href="x/" onclick="alert(1)">x</a></p>')
    assert rendered('<p><a href="javascript:alert(1)">x</a></p>')
    assert rendered("<script>alert(1)</script>")
    tabs = ('<div class="tabbed-set" data-tabs="1:2"><input checked="checked" id="__tabbed_1_1" '
            'name="__tabbed_1" type="radio"><label for="__tabbed_1_1">A</label></div>'
            '<table><tr><td style="text-align: right;">1</td></tr></table>'
            '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>')
    assert rendered(tabs) == []


def test_url_rules():
    problem = markdown_html.url_problem
    for url in ("x.md", "#a", "/a/", "?q=1", "https://example.org", "http://e.org", "mailto:a@b",
                "tel:+49"):
        assert problem(url) is None, url
    for url in ("javascript:alert(1)", " JavaScript:alert(1)", "vbscript:x", "data:text/html,x",
                "file:///etc/passwd", "data:image/png;base64,x"):
        assert problem(url) is not None, url
    assert problem("data:image/png;base64,x", image=True) is None


def test_a_remembered_clean_page_does_not_hide_a_new_violation(tmp_path):
    """The cache of clean texts (.cache/html-allowlist/) makes a warm build skip unchanged
    pages; a page that changes is checked again, and a violation is never remembered."""
    from helpers import REPO, build_site

    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "index.md"
    page.write_text("# Start\n\nText mit <kbd>Strg</kbd>.\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Test\nhooks: [" + str(REPO / "hooks" / "html_allowlist.py")
                      + "]\n", encoding="utf-8")
    build_site(config, tmp_path / "site")
    remembered = list((tmp_path / ".cache" / "html-allowlist").glob("*.txt"))
    assert len(remembered) == 1
    assert len(remembered[0].read_text(encoding="ascii").split()) == 2  # source and HTML

    page.write_text("# Start\n\n<script>alert(1)</script>\n", encoding="utf-8")
    for _ in range(2):  # the failure is not remembered either
        proc = build_site(config, tmp_path / "site", check=False)
        assert proc.returncode != 0
        assert "docs/index.md:3:" in proc.stderr + proc.stdout

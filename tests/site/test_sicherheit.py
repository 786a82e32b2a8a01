"""A pull request cannot put code into readers' browsers.

* The allowlist for HTML in Markdown (hooks/html_allowlist.py): a build of a small site with one
  forbidden construct fails and names the file and line.
* The Content Security Policy (hooks/csp.py): every page of the built site carries it; in
  Chromium no page violates it (light and dark scheme, palette toggled, search and calculator
  used), and a script injected into a page after the build does not run.
* The pull-request workflow stays read-only.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from fixture_sites import CSP, HTML_ALLOWLIST, make_site
from helpers import REPO, SLOW_MACHINE_MS, build_site, fetch, free_port, search, wait_for

CALCULATOR = "/promotion/kommunikationsinstrumente/social-media-marketing/reichweitenrechner/"
EXTENSIONS = ("[attr_list, md_in_html, admonition, footnotes, pymdownx.details, "
              "pymdownx.superfences, tables, {pymdownx.snippets: {base_path: [docs/includes], "
              "check_paths: true}}]")

# --- the allowlist, in a real build --------------------------------------------------------

# (case, the line that is not allowed, a word the message names). The line is line 5 of the page.
CASES = [
    ("script", "<script>alert(1)</script>", "<script>"),
    ("javascript-link-html", 'Ein <a href="javascript:alert(1)">Link</a>.', "javascript:"),
    ("javascript-link-markdown", "Ein [Link](javascript:alert(1)).", "javascript:"),
    ("event-attribute", 'Ein <span onmouseover="alert(1)">Wort</span>.', "onmouseover"),
    ("attr-list-event", '[Link](index.md){ onclick="alert(1)" }', "onclick"),
    ("style", "<style>body { display: none }</style>", "<style>"),
    ("iframe", '<iframe src="https://example.org/"></iframe>', "<iframe>"),
    ("object", '<object data="x.swf"></object>', "<object>"),
    ("embed", '<embed src="x.swf">', "<embed>"),
    ("form", '<form action="https://example.org/"><input name="x"></form>', "<form>"),
    ("base", '<base href="https://example.org/">', "<base>"),
    ("meta", '<meta http-equiv="refresh" content="0; url=https://example.org/">', "<meta>"),
    ("vbscript", '<a href="vbscript:msgbox(1)">x</a>', "vbscript:"),
    ("data-link", "[Link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "data:"),
]
PAGE = "# Seite\n\nErster Absatz.\n\n{line}\n\nLetzter Absatz.\n"


def _build(tmp_path: Path, page: str, files: dict[str, str] | None = None):
    config = make_site(tmp_path, page, files=files, hooks=(HTML_ALLOWLIST,),
                       extensions=EXTENSIONS, extra_config="exclude_docs: includes/\n")
    return build_site(config, tmp_path / "site", check=False)


@pytest.mark.slow
@pytest.mark.parametrize("line,word", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_forbidden_html_fails_the_build_with_file_and_line(tmp_path, line, word):
    proc = _build(tmp_path, PAGE.format(line=line))
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    found = re.search(r"docs/seite\.md:(\d+): (.*)", output)
    assert found, output
    assert found[1] == "5", output
    assert word.lower() in found[2].lower(), output
    assert not (tmp_path / "site" / "seite" / "index.html").exists()


@pytest.mark.slow
def test_forbidden_html_in_an_include_names_the_include(tmp_path):
    include = "*[SMM]: Social Media Marketing\n\nNoch ein Satz.\n\n<script>alert(1)</script>\n"
    proc = _build(tmp_path, '# Seite\n\nSMM\n\n--8<-- "teil.md"\n',
                  files={"includes/teil.md": include})
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    assert re.search(r"docs/includes/teil\.md:5: .*<script>", output), output


@pytest.mark.slow
def test_allowed_html_and_code_about_html_build(tmp_path):
    page = ("# Seite\n\nSo nicht: `<script>alert(1)</script>`.\n\n```html\n"
            '<span onmouseover="alert(1)">x</span>\n```\n\n'
            '<div class="smm-rechner" data-smm-rechner hidden>\n<form aria-label="Eingaben">\n'
            '<label for="k">k</label>\n<input id="k" name="k" type="text">\n</form>\n</div>\n\n'
            '<span lang="en">Word of Mouth</span><sup>1</sup>\n')
    proc = _build(tmp_path, page)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    html = (tmp_path / "site" / "seite" / "index.html").read_text(encoding="utf-8")
    assert '<input id="k" name="k" type="text">' in html
    assert "&lt;script&gt;" in html and "<script>alert" not in html


# --- the policy on every page ----------------------------------------------------------------

def _policy(soup) -> dict[str, list[str]]:
    meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None, "keine Content Security Policy"
    return {d.split()[0]: d.split()[1:] for d in meta["content"].split(";") if d.strip()}


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_every_page_carries_the_policy_first_in_head(site_dir):
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 30
    problems = []
    for path in pages:
        name = path.relative_to(site_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        soup = BeautifulSoup(text, "html.parser")
        head = [el for el in soup.head.children if getattr(el, "name", None)]
        if not (head[0].name == "meta" and head[0].get("charset")
                and head[1].get("http-equiv") == "Content-Security-Policy"):
            problems.append(f"{name}: die Richtlinie steht nicht direkt nach <meta charset>")
            continue
        policy = _policy(soup)
        script_src = policy.get("script-src", [])
        if "'unsafe-inline'" in script_src or "'unsafe-eval'" in script_src:
            problems.append(f"{name}: script-src erlaubt {script_src}")
        for key, value in {"default-src": "'self'", "object-src": "'none'",
                           "base-uri": "'self'", "form-action": "'self'"}.items():
            if policy.get(key) != [value]:
                problems.append(f"{name}: {key} ist {policy.get(key)}, erwartet {value}")
        # every inline script the page has is allowed by its hash (else it would not run)
        for script in re.findall(r"<script>(.*?)</script>", text, re.S):
            if _hash(script) not in script_src:
                problems.append(f"{name}: Inline-Skript ohne Hash: {script[:60]!r}")
    assert not problems, "\n".join(problems[:30])


@pytest.mark.slow
def test_redirect_stubs_carry_the_policy_with_their_scripts_hash(tmp_path):
    config = make_site(tmp_path, "# Seite\n\nText.\n",
                       hooks=(REPO / "hooks" / "weiterleitungen.py", CSP),
                       extra_config="plugins:\n  - redirects:\n      redirect_maps:\n"
                                    "        alt.md: seite.md\n")
    build_site(config, tmp_path / "site")
    stub = (tmp_path / "site" / "alt" / "index.html").read_text(encoding="utf-8")
    assert "Diese Seite ist umgezogen" in stub
    scripts = re.findall(r"<script>(.*?)</script>", stub, re.S)
    assert len(scripts) == 1
    policy = _policy(BeautifulSoup(stub, "html.parser"))
    assert policy["script-src"] == ["'self'", _hash(scripts[0])]


# --- in the browser ------------------------------------------------------------------------

WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
    `${e.effectiveDirective} blockiert ${e.blockedURI || '(inline)'} ${e.sample || ''}`.trim()));
"""


# Material's inline script (defines __md_get) and its bundle (defines document$) have run.
SCRIPTS_RAN = "() => typeof window.__md_get === 'function' && typeof window.document$ === 'object'"


def _violations(page) -> list[str]:
    return page.evaluate("window.__csp || []")


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_violates_the_policy(browser, site_url, html_pages, scheme):
    context = browser.new_context(color_scheme=scheme)
    context.add_init_script(WATCH)
    page = context.new_page()
    console = []
    page.on("console", lambda m: console.append(f"{page.url}: {m.text}")
            if "Content Security Policy" in m.text else None)
    problems = []
    try:
        for url in [*html_pages, "/404.html"]:
            page.goto(site_url + url, wait_until="load")
            page.wait_for_function(SCRIPTS_RAN,
                                   timeout=SLOW_MACHINE_MS)
            problems += [f"{url}: {v}" for v in _violations(page)]
        page.goto(site_url + "/", wait_until="load")
        search(page, "Mundpropaganda")  # the search runs in a web worker
        page.keyboard.press("Escape")
        labels = page.locator("form[data-md-component=palette] label")
        schemes = set()
        for _ in range(labels.count()):  # the palette toggle
            page.locator("form[data-md-component=palette] label:visible").first.click()
            schemes.add(page.evaluate("document.body.dataset.mdColorScheme"))
        assert {"default", "slate"} <= schemes, schemes
        abbr = page.locator("article abbr").first  # a tooltip
        if abbr.count():
            abbr.hover()
        problems += [f"/ (Suche, Farbschema, Tooltip): {v}" for v in _violations(page)]
        page.goto(site_url + CALCULATOR + "?k=8%E2%80%9312&stufen=6", wait_until="load")
        page.wait_for_selector("[data-smm-rechner]:not([hidden]) tr[data-stufe]",
                               timeout=SLOW_MACHINE_MS)
        page.fill("input[name=stufen]", "3")
        page.wait_for_function(
            "() => document.querySelectorAll('[data-smm-ergebnis] tr[data-stufe]').length === 3",
            timeout=SLOW_MACHINE_MS)
        page.wait_for_selector("[data-smm-diagramm]:not([hidden]) svg", timeout=SLOW_MACHINE_MS)
        problems += [f"{CALCULATOR} (Rechner): {v}" for v in _violations(page)]
    finally:
        context.close()
    problems += console
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_a_script_injected_after_the_build_is_blocked(browser, site_url):
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    injected = "<script>window.__injected = true</script>"

    def inject(route):
        response = route.fetch()
        body = response.text().replace("</article>", injected + "</article>", 1)
        assert injected in body
        route.fulfill(response=response, body=body)

    try:
        page.route(site_url + "/glossar/", inject)
        page.goto(site_url + "/glossar/", wait_until="load")
        # the page's own scripts ran …
        page.wait_for_function(SCRIPTS_RAN,
                               timeout=SLOW_MACHINE_MS)
        page.wait_for_function("() => window.__csp.length > 0", timeout=SLOW_MACHINE_MS)
        # … the injected one did not, and the browser says why
        assert page.evaluate("window.__injected") is None
        assert any(v.startswith("script-src") for v in _violations(page)), _violations(page)
    finally:
        context.close()


# --- mkdocs serve: no policy, so its live-reload script runs ----------------------------------

@pytest.mark.slow
def test_serve_has_no_policy_and_keeps_live_reload(tmp_path):
    config = make_site(tmp_path, "# Seite\n\nText.\n", hooks=(CSP,))
    build_site(config, tmp_path / "site")
    built = (tmp_path / "site" / "seite" / "index.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in built
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a",
             f"127.0.0.1:{port}", "--livereload"],
            cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        url = f"http://127.0.0.1:{port}/seite/"
        wait_for(lambda: "livereload" in fetch(url), 180, "Start von mkdocs serve")
        assert "Content-Security-Policy" not in fetch(url)
    finally:
        server.terminate()
        server.wait(timeout=30)


# --- the pull-request workflow stays read-only ------------------------------------------------

def test_pull_requests_run_with_read_only_permissions():
    workflows = REPO / ".github" / "workflows"
    test = yaml.safe_load((workflows / "test.yml").read_text(encoding="utf-8"))
    assert test["permissions"] == {"contents": "read"}, (
        ".github/workflows/test.yml: Pull Requests laufen nur mit `permissions: contents: read` "
        "– Code aus einem Pull Request darf nichts schreiben.")
    for job, spec in test["jobs"].items():
        assert spec.get("permissions") in (None, {"contents": "read"}), (
            f".github/workflows/test.yml, Job {job}: mehr Rechte als contents: read")
    for path in sorted(workflows.glob("*.y*ml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        triggers = data.get("on", data.get(True))  # YAML 1.1 reads a bare `on` as True
        names = triggers if isinstance(triggers, (list, str)) else list(triggers or {})
        assert "pull_request_target" not in names, (
            f"{path.relative_to(REPO)}: pull_request_target führt Code aus fremden Pull Requests "
            "mit Schreibrechten und Geheimnissen aus – nicht verwenden.")
        assert "pull_request_target" not in path.read_text(encoding="utf-8")

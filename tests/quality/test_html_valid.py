"""Valid HTML: the Nu Html Checker finds no error on any built page.

One Java start checks every page at once (a few seconds). A deliberately broken page goes into
the same run, so the test also shows that the checker really reports errors.
Warnings are printed (`pytest -s` or on failure), not asserted.
"""

import json
import subprocess
from pathlib import Path

import pytest

BROKEN = """<!doctype html><html lang="de"><head><title>kaputt</title></head><body>
<p><div>Block in Absatz</div><label for="x" tabindex="">x</label>
<input type="checkbox" autocomplete="off"></body></html>"""


@pytest.fixture(scope="module")
def vnu_messages(vnu_jar, site_dir, tmp_path_factory) -> dict[Path, list[dict]]:
    broken = tmp_path_factory.mktemp("vnu") / "kaputt.html"
    broken.write_text(BROKEN, encoding="utf-8")
    files = sorted(site_dir.rglob("*.html")) + [broken]
    proc = subprocess.run(
        ["java", "-Xss4m", "-jar", str(vnu_jar), "--format", "json", "--exit-zero-always",
         *map(str, files)],
        capture_output=True, text=True, timeout=300)
    output = proc.stderr + proc.stdout
    # the JSON report; Java may print notes (JAVA_TOOL_OPTIONS …) before it
    start = min((i for i in (output.find('{"version"'), output.find('{"messages"')) if i >= 0),
                default=-1)
    if start < 0:
        pytest.fail(f"Nu Html Checker lieferte keinen Bericht:\n{output[-3000:]}")
    report = json.JSONDecoder().raw_decode(output, start)[0]
    messages: dict[Path, list[dict]] = {path: [] for path in files}
    for message in report["messages"]:
        path = Path(message.get("url", "").removeprefix("file:"))
        messages.setdefault(path, []).append(message)
    return messages


def describe(url: str, m: dict) -> str:
    where = f"Zeile {m.get('lastLine', '?')}"
    if "firstColumn" in m:
        where += f":{m['firstColumn']}"
    extract = " ".join((m.get("extract") or "").split())[:120]
    message = m["message"] if len(m["message"]) < 300 else m["message"][:300] + " …"
    return f"{url} {where}: {message}" + (f"\n    … {extract} …" if extract else "")


def test_every_page_is_valid_html(vnu_messages, site_dir):
    errors, warnings = [], []
    for path, messages in vnu_messages.items():
        if site_dir not in path.parents:
            continue
        url = "/" + path.relative_to(site_dir).as_posix().removesuffix("index.html")
        for m in messages:
            if m["type"] in ("error", "non-document-error") or m.get("subType") == "fatal":
                errors.append(describe(url, m))
            else:
                warnings.append((url, m["message"]))
    if warnings:  # grouped: the same theme warning on every page is one line
        groups: dict[str, list[str]] = {}
        for url, message in warnings:
            groups.setdefault(message[:160], []).append(url)
        print(f"\nNu Html Checker: {len(warnings)} Hinweise (nicht geprüft):")
        for message, urls in sorted(groups.items(), key=lambda g: -len(g[1])):
            print(f"  {len(urls)}× {message} – z. B. {urls[0]}")
    if errors:
        pytest.fail(f"Nu Html Checker: {len(errors)} Fehler. Was das Theme erzeugt, in overrides/ "
                    "oder hooks/html_fixes.py beheben; HTML in einer Seite dort:\n"
                    + "\n".join(errors), pytrace=False)


def test_checker_reports_errors_in_a_broken_page(vnu_messages):
    broken = [m for path, ms in vnu_messages.items() if path.name == "kaputt.html" for m in ms]
    texts = " ".join(m["message"] for m in broken if m["type"] == "error")
    assert "tabindex" in texts and "autocomplete" in texts, broken


def test_html_fixes_hook_repairs_what_the_theme_emits():
    from hookmodules import load

    fixes = load("html_fixes")
    page = ('<html><head>\n</head><body>'
            '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
            'autocomplete="off"><label class="md-nav__title" for="__toc">Inhalt</label>'
            '<label for="feld">Feld</label>'
            '<clipboard-copy ,="" aria-label="Copy to Clipboard" for="cell-1">'
            '<span class="notice" hidden="">Copied!</span></clipboard-copy>'
            '<p>Text</p></body></html>')
    fixed = fixes.fix_html(page)
    assert 'id="__drawer" form="__md_state">' in fixed
    assert '<form id="__md_state" autocomplete="off" hidden></form>' in fixed
    assert 'for="__toc"' not in fixed and '<label for="feld">' in fixed  # content label stays
    assert ',=""' not in fixed and "Kopiert!" in fixed
    assert 'role="button" tabindex="0" aria-label="In Zwischenablage kopieren"' in fixed

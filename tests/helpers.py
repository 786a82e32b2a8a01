"""Helpers shared by the tests (imported as a module; conftest.py only defines fixtures)."""

import contextlib
import importlib.util
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# Generous limits for conditions that come true on an idle machine in a second or two: a shared
# CI machine can be many times slower, and a wait ends as soon as its condition holds.
SLOW_MACHINE_MS = 90_000

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def build_site(config: Path, out: Path, *, check: bool = True, env: dict | None = None):
    """Run a strict MkDocs build of `config` into `out`; returns the CompletedProcess."""
    proc = subprocess.run(
        [*MKDOCS, "build", "--strict", "--config-file", str(config), "--site-dir", str(out)],
        cwd=config.parent,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )
    if check and proc.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


def require(what: str, available: bool, why: str):
    """Skip with a clear reason when a tool is missing – but in CI a skip is a failure."""
    if available:
        return
    message = f"{what} fehlt: {why}"
    if IN_CI:
        pytest.fail(message + " (in CI ist das ein Fehler)")
    pytest.skip(message)


SEARCH_FIELD = "input[data-md-component=search-query]"
SEARCH_RESULT = ".md-search-result__item"


def search(page, query: str, *, result: str = SEARCH_RESULT):
    """Search as a reader does: focus the field, wait until Material's search worker has loaded
    its index, then type the query key by key (Material listens to key events – `fill()` sets the
    value without them) and wait for a result. Every wait is for a condition, never a fixed time."""
    field = page.locator(SEARCH_FIELD)
    field.click()
    # The result meta reads „Suche wird initialisiert“ until the worker is ready.
    page.wait_for_function(
        """() => { const meta = document.querySelector('.md-search-result__meta');
                   return !!meta && meta.textContent.trim() !== ''
                          && !/initialisiert/.test(meta.textContent); }""",
        timeout=SLOW_MACHINE_MS)
    field.press("Control+A")
    field.press("Backspace")
    field.press_sequentially(query, delay=20)
    page.wait_for_selector(result, timeout=SLOW_MACHINE_MS)
    return field


# Which palette option is checked, the scheme on <body>, and whether the two agree.
_PALETTE = """() => { const inputs = [...document.querySelectorAll('form[data-md-component=palette] input')];
  const input = inputs.find(x => x.checked);
  const scheme = document.body.dataset.mdColorScheme || '';
  return { state: inputs.indexOf(input) + ':' + scheme,
           settled: !!input && scheme === input.dataset.mdColorScheme }; }"""


def click_palette(page) -> str:
    """Click Material's palette toggle as a reader does and wait until the page has switched
    (another option checked and its scheme on <body>); returns the scheme now shown."""
    before = page.evaluate(_PALETTE)["state"]
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(
        f"(before) => {{ const now = ({_PALETTE})(); return now.settled && now.state !== before; }}",
        arg=before, timeout=SLOW_MACHINE_MS)
    return page.evaluate("document.body.dataset.mdColorScheme")


def heading_text(tag) -> str:
    """A heading's visible text as a reader sees it: text nodes joined with spaces (a glossary
    term in a title is its own <abbr> element), whitespace normalised, the permalink sign dropped."""
    text = " ".join(tag.get_text(" ", strip=True).replace("¶", "").split())
    return re.sub(r" ([,.:;!?)])", r"\1", text).replace("( ", "(")


def load_script(name: str):
    """A module from scripts/ (not a package), loaded once."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up here
        spec.loader.exec_module(module)
    return sys.modules[name]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout: float, what: str):
    """Poll `predicate` until it holds; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    pytest.fail(f"Zeitüberschreitung: {what}")


def fetch(url: str) -> str:
    """The body of `url`, or "" while the server does not answer."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8", "replace")
    except OSError:
        return ""


def mkdocs_serve(config: Path, log: Path):
    """`mkdocs serve` of `config` on a free port, its output in `log`: a context manager that
    yields the base URL once the file watcher runs ("Serving on" is logged then) and stops the
    server afterwards."""
    @contextlib.contextmanager
    def serving():
        port = free_port()
        with open(log, "w") as out:
            server = subprocess.Popen(
                [*MKDOCS, "serve", "-f", str(config), "-a", f"127.0.0.1:{port}", "--livereload"],
                cwd=config.parent, stdout=out, stderr=subprocess.STDOUT,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        try:
            wait_for(lambda: "Serving on" in log.read_text(), 180, "Start von mkdocs serve")
            yield f"http://127.0.0.1:{port}"
        finally:
            server.terminate()
            server.wait(timeout=30)

    return serving()

"""Shared fixtures: the built site (once per session) and the browser."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


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


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The project's site, built strictly once per test session."""
    out = tmp_path_factory.mktemp("site")
    build_site(REPO / "mkdocs.yml", out)
    return out


@pytest.fixture(scope="session")
def html_pages(site_dir) -> dict[str, Path]:
    """Built pages by URL path ('/', '/promotion/', …); assets and 404 excluded."""
    pages = {}
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.parent.relative_to(site_dir).as_posix()
        if rel.startswith("assets"):
            continue
        pages["/" if rel == "." else f"/{rel}/"] = path
    return pages


def require(what: str, available: bool, why: str):
    """Skip with a clear reason when a tool is missing – but in CI a skip is a failure."""
    if available:
        return
    message = f"{what} fehlt: {why}"
    if IN_CI:
        pytest.fail(message + " (in CI ist das ein Fehler)")
    pytest.skip(message)


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (Playwright cannot download browsers here)."""
    path = shutil.which("chromium") or "/usr/bin/chromium"
    require("Chromium", Path(path).exists(),
            "`make test` installt Debian-Chromium als root (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def site_url(site_dir):
    """The built site served over HTTP on a free loopback port."""
    import functools
    import http.server
    import threading

    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


class _QuietHandler(__import__("http.server").server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

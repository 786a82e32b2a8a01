"""`mkdocs serve` with the hook: one saved edit gives exactly one rebuild, never a loop."""

import os
import subprocess
import sys
import time

import pytest

from fixture_sites import FIGURE_PAGE, make_site
from helpers import fetch, free_port, wait_for


@pytest.mark.slow
def test_one_edit_one_rebuild(tmp_path):
    config = make_site(tmp_path, FIGURE_PAGE)
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}",
             "--livereload"],
            cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        url = f"http://127.0.0.1:{port}/seite/"
        # "Serving on" is logged once the file watcher runs: an edit from then on is seen.
        wait_for(lambda: "Serving on" in log.read_text(), 180, "Start von mkdocs serve")
        wait_for(lambda: "Seite" in fetch(url), 180, "erster Build von mkdocs serve")
        builds = lambda: log.read_text().count("Detected file changes")  # noqa: E731
        before = builds()
        page = tmp_path / "docs" / "seite.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nNeuer Absatz nach der Änderung.\n",
                        encoding="utf-8")
        started = time.monotonic()
        wait_for(lambda: "Neuer Absatz" in fetch(url), 180, "Neubau nach der Änderung")
        rebuild = time.monotonic() - started
        # A loop (the build writing into watched files) would start the next build about one
        # rebuild later; watch for twice that, scaled to this machine's speed.
        quiet_until = time.monotonic() + max(3.0, 2 * rebuild)
        while time.monotonic() < quiet_until and builds() - before == 1:
            time.sleep(0.2)
        assert builds() - before == 1, log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=10)

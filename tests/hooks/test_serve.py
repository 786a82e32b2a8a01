"""`mkdocs serve` with the hook: one saved edit gives exactly one rebuild, never a loop."""

import time

import pytest

from fixture_sites import FIGURE_PAGE, make_site
from helpers import fetch, mkdocs_serve, wait_for


@pytest.mark.slow
def test_one_edit_one_rebuild(tmp_path):
    config = make_site(tmp_path, FIGURE_PAGE)
    log = tmp_path / "serve.log"
    with mkdocs_serve(config, log) as base:
        url = f"{base}/seite/"
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

"""hooks/suche.py: Material's search UI with Pagefind's index (small inputs, no build)."""

import json
import subprocess
from pathlib import Path
from types import SimpleNamespace

from hookmodules import load

suche = load("suche")

# the end of Material 9.8.2's __config script, as base.html renders it on a page one level deep
CONFIG = ('<script id="__config" type="application/json">{"base": "..", "features": [], '
          '"search": "../assets/javascripts/workers/search.a7633da7.min.js", "tags": null}'
          '</script>')
ARTICLE = '<article class="md-content__inner md-typeset">'


def page(meta=None):
    return SimpleNamespace(meta=meta or {})


def test_material_is_pointed_at_our_worker_with_the_same_relative_base():
    out = suche.on_post_page(f"<html><body>{ARTICLE}<h1>T</h1></article>{CONFIG}</body></html>",
                             page(), None)
    config = json.loads(out[out.index('{"base"'):out.index("</script>")])
    assert config["search"] == "../assets/javascripts/suche-worker.js"
    assert config["base"] == ".." and config["tags"] is None  # the rest untouched


def test_only_the_article_of_searchable_pages_is_indexed():
    html = f"<body><nav>Navigation</nav>{ARTICLE}<h1>T</h1></article>{CONFIG}</body>"
    indexed = suche.on_post_page(html, page({"title": "T"}), None)
    assert indexed.count("data-pagefind-body") == 1
    assert '<article class="md-content__inner md-typeset" data-pagefind-body>' in indexed
    assert "<nav>Navigation</nav>" in indexed
    # `search: exclude: true` in the front matter (the print edition) keeps a page out
    excluded = suche.on_post_page(html, page({"search": {"exclude": True}}), None)
    assert "data-pagefind-body" not in excluded
    # redirect stubs and 404 have no article: nothing to mark
    assert "data-pagefind-body" not in suche.on_post_page("<html></html>", None, None)


def test_the_index_keeps_only_materials_configuration(tmp_path):
    search = tmp_path / "search"
    search.mkdir()
    original = {"config": {"lang": ["de"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
                "docs": [{"location": "a/", "title": "A", "text": "Ä" * 5000}]}
    (search / "search_index.json").write_text(json.dumps(original), encoding="utf-8")

    suche.config_only_index(tmp_path, index_html=True)

    index = json.loads((search / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == []
    assert {k: v for k, v in index["config"].items() if k != "pagefind"} == original["config"]
    assert index["config"]["pagefind"] == {"index_html": True}
    # no index (search plugin off): nothing to do, no error
    suche.config_only_index(tmp_path / "leer", index_html=False)


def test_the_404_page_searches_with_our_worker_but_is_not_indexed():
    config = CONFIG.replace('"base": ".."', '"base": "/"').replace('"../assets', '"/assets')
    html = f"<html><body>{ARTICLE}<h1>Seite nicht gefunden</h1></article>{config}</body></html>"
    out = suche.on_post_template(html, "404.html", None)
    assert '"search": "/assets/javascripts/suche-worker.js"' in out
    assert "data-pagefind-body" not in out
    assert suche.on_post_template("User-agent: *", "robots.txt", None) == "User-agent: *"


def test_pagefind_runs_again_only_when_some_html_changed(tmp_path, monkeypatch):
    """A stand-in for the Pagefind binary counts its runs and writes a file per run."""
    runs = []

    def fake_run(cmd, **kwargs):
        site = Path(cmd[cmd.index("--site") + 1])
        runs.append(site)
        (site / "pagefind").mkdir()
        (site / "pagefind" / "index.pf").write_text(str(len(runs)), encoding="utf-8")
        (site / "pagefind" / "pagefind-ui.js").write_text("ui", encoding="utf-8")
        return subprocess.CompletedProcess(cmd, 0, "", "")

    monkeypatch.setattr(suche.subprocess, "run", fake_run)
    monkeypatch.setattr(suche, "pagefind_executable", lambda: "pagefind")
    cache = tmp_path / ".cache" / "pagefind"

    def build(html: str) -> Path:
        site = tmp_path / f"site{len(list(tmp_path.glob('site*')))}"
        (site / "a").mkdir(parents=True)
        (site / "a" / "index.html").write_text(html, encoding="utf-8")
        suche.index_site(site, cache)
        return site

    first = build("<h1>Alt</h1>")
    again = build("<h1>Alt</h1>")
    assert len(runs) == 1  # unchanged HTML: from the cache
    assert (again / "pagefind" / "index.pf").read_text(encoding="utf-8") == "1"
    assert not (first / "pagefind" / "pagefind-ui.js").exists()  # unused files never cached
    assert not (again / "pagefind" / "pagefind-ui.js").exists()
    changed = build("<h1>Neu</h1>")
    assert len(runs) == 2 and (changed / "pagefind" / "index.pf").read_text(encoding="utf-8") == "2"
    assert len(list(cache.iterdir())) == 1  # one entry: the current site

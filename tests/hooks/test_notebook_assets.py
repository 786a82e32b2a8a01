"""hooks/notebook_assets.py, hooks/css_trim.py and hooks/dead_assets.py without a build."""

import base64
from pathlib import Path
from types import SimpleNamespace

from hookmodules import load

css_trim = load("css_trim")
notebook_assets = load("notebook_assets")
dead_assets = load("dead_assets")

HTML = """
<div class="jupyter-wrapper"><div class="jp-Notebook" data-jp-theme-light="true">
  <div class="jp-Cell jp-CodeCell"><div class="jp-InputPrompt">In [1]:</div>
    <pre><span class="k">for</span></pre><table><tr><td>1</td></tr></table></div>
</div></div>
"""


def trim(css: str, **kwargs) -> str:
    return css_trim.trim_css(css, [HTML], **kwargs)


def test_rules_that_match_stay_others_go():
    css = (".jupyter-wrapper .jp-Cell{padding:5px}"
           ".jupyter-wrapper .jp-Toolbar{display:flex}"
           ".bp3-button{color:red}")
    out = trim(css)
    assert ".jupyter-wrapper .jp-Cell{padding:5px}" in out
    assert "jp-Toolbar" not in out and "bp3-button" not in out


def test_only_matching_selectors_of_a_list_stay():
    out = trim(".jp-Cell,.jp-Toolbar,.jp-InputPrompt{margin:0}")
    assert out.strip() == ".jp-Cell,.jp-InputPrompt{margin:0}"


def test_browser_state_is_assumed_possible():
    out = trim(".jp-Cell:hover{color:red}.jp-InputPrompt::before{content:'x'}"
               ".jp-Cell:not(.jp-mod-active) .jp-InputPrompt{opacity:.5}"
               ".jp-Cell:not(.jp-Cell){color:blue}")
    assert ".jp-Cell:hover" in out and "::before" in out and "jp-mod-active" in out
    assert "color:blue" not in out  # structure alone decides: matches nothing


def test_palette_attributes_and_runtime_classes():
    body = [{"data-md-color-scheme": "default"}, {"data-md-color-scheme": "slate"}]
    out = trim("[data-md-color-scheme=slate] .jp-Cell{color:#fff}"
               "[data-md-color-scheme=other] .jp-Cell{color:#000}"
               ".jupyter-wrapper .md-typeset__scrollwrap{margin:0}", body_attrs=body)
    assert "slate" in out and "other" not in out
    assert "md-typeset__scrollwrap" in out  # Material's script adds it around tables


def test_custom_properties_only_when_used():
    out = trim(".jupyter-wrapper{--a:1px;--b:var(--c);--c:red;--unused:0}"
               ".jp-Cell{margin:var(--a);color:var(--b)}", keep_vars={"--kept"})
    assert "--a:1px" in out and "--b:var(--c)" in out and "--c:red" in out
    assert "--unused" not in out


def test_media_queries_and_keyframes():
    out = trim("@media (max-width:760px){.jp-Cell{padding:0}.jp-Toolbar{x:y}}"
               "@media print{.jp-Toolbar{x:y}}"
               "@keyframes spin{to{transform:rotate(1turn)}}@keyframes unused{}"
               ".jp-Cell{animation:spin 1s}")
    assert "@media (max-width:760px){.jp-Cell{padding:0}}" in out
    assert "print" not in out and "@keyframes spin" in out and "unused" not in out


def test_extract_moves_styles_scripts_and_figures():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="450pt" height="300pt"></svg>'
    clipboard = "(function(){ /* clipboard-copy element */ })();"
    html = (f"<style>.jp-Cell{{x:y}}</style>\n<script>{clipboard}</script>\n"
            "<script src=\"\"> </script>\n"
            '<script type="text/x-mathjax-config">init_mathjax();</script>\n'
            '<script type="module">document.querySelectorAll(".jp-Mermaid > pre.mermaid")</script>\n'
            '<div class="jupyter-wrapper"><img alt="Abb." src="data:image/svg+xml;base64,'
            f'{base64.b64encode(svg).decode()}"></div>')
    out, css, scripts, figures = notebook_assets.extract(html, "a/b/", (clipboard,))
    assert css == [".jp-Cell{x:y}"] and scripts == [clipboard]
    assert "<style" not in out and "<script" not in out
    [(uri, data)] = figures.items()
    assert data == svg and uri.startswith("assets/generated/notebook-") and uri.endswith(".svg")
    assert f'src="../../{uri}" width="600" height="400" loading="lazy"' in out


def test_extract_keeps_output_scripts_and_mermaid_with_diagrams():
    html = ('<div class="jp-Mermaid"><pre class="mermaid">graph TD</pre></div>'
            '<script type="module">document.querySelectorAll(".jp-Mermaid > pre.mermaid")</script>'
            "<script>renderWidget()</script>")
    out, _, scripts, _ = notebook_assets.extract(html, "", ())
    assert out.count("<script") == 2 and not scripts


def test_notebook_cache_is_keyed_on_smm_calc(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    base = tmp_path / ".cache" / "mkdocs-jupyter"
    (base / "0123456789abcdef").mkdir(parents=True)  # results of another smm_calc
    (base / "alt.json").write_text("{}", encoding="utf-8")  # before this hook
    plugin = SimpleNamespace(config={"cache": True, "cache_dir": ".cache/mkdocs-jupyter"})
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"),
                             plugins={"mkdocs-jupyter": plugin})
    notebook_assets.on_config(config)
    current = Path(plugin.config["cache_dir"])
    assert current.parent == base and current.name == notebook_assets.imports_fingerprint()
    assert not (base / "0123456789abcdef").exists() and not (base / "alt.json").exists()


def test_one_fingerprint_keys_both_caches():
    from smm_calc.fingerprint import fingerprint

    smm_directives = load("smm_directives")
    assert notebook_assets.imports_fingerprint() == fingerprint()[:16]
    assert smm_directives._FINGERPRINT == fingerprint()


def test_needed_search_files():
    assert dead_assets.needed_lunr_files(["de"]) == {
        "min/lunr.de.min.js", "min/lunr.stemmer.support.min.js"}
    assert dead_assets.needed_lunr_files(["en"]) == set()
    assert dead_assets.needed_lunr_files(["de", "ja"]) == {
        "min/lunr.de.min.js", "min/lunr.ja.min.js", "tinyseg.js", "min/lunr.multi.min.js",
        "min/lunr.stemmer.support.min.js"}


def test_source_maps_and_their_comments_go(tmp_path):
    js = tmp_path / "assets" / "javascripts"
    js.mkdir(parents=True)
    (js / "bundle.1234abcd.min.js").write_text("x();\n//# sourceMappingURL=bundle.1234abcd.min.js.map",
                                               encoding="utf-8")
    (js / "bundle.1234abcd.min.js.map").write_text("{}", encoding="utf-8")
    dead_assets.prune_source_maps(tmp_path)
    assert not list(tmp_path.rglob("*.map"))
    assert (js / "bundle.1234abcd.min.js").read_text(encoding="utf-8") == "x();\n"


def test_extract_moves_the_variants_of_a_picture_into_files():
    """smm_calc's figures in a notebook: a <picture> with the narrow variant in <source srcset>."""
    from smm_calc.views import render_view

    (figure,) = [b for b in render_view({"ansicht": "bass", "darstellung": "abbildung"}).blocks
                 if not isinstance(b, str)]
    out, css, _, figures = notebook_assets.extract(figure._repr_mimebundle_()["text/html"], "a/b/")
    assert "data:" not in out
    assert sorted(figures.values()) == sorted(svg.encode() for _, svg in figure.variants)
    for uri in figures:
        assert f'"../../{uri}"' in out
    assert out.count("<img") == 2 and out.count("<source") == 2
    # Jupyter's rule for its own theme matches no element on the site: css_trim drops it
    assert css and not css_trim.trim_css("\n".join(css), [out], body_attrs=[
        {"data-md-color-scheme": "slate"}, {"data-md-color-scheme": "default"}]).strip()

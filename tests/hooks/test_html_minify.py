"""Whitespace of the theme's templates goes, content whitespace stays (hooks/html_minify.py)."""

from hookmodules import load

html_minify = load("html_minify")

PAGE = """<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8">
    <title>Seite</title>
  </head>
  <body>
    <ul>
      <li>Eins</li>
      <li>Zwei <code>a  b</code></li>
    </ul>
    <pre><code>  eingerückt
      bleibt</code></pre>
    <script>var a = 1;</script>
  </body>
</html>
"""


def test_indentation_goes_and_content_whitespace_stays():
    out = html_minify.minify(PAGE)
    assert "\n  " not in out.split("<pre>")[0]  # no template indentation before the code block
    assert "<pre><code>  eingerückt\n      bleibt</code></pre>" in out
    assert "<code>a  b</code>" in out  # Material shows inline code with white-space: pre-wrap
    assert "<li>Eins</li><li>Zwei" in out  # closing tags kept (every HTML parser reads the same)
    assert "<head>" in out and "</head>" in out  # hooks/csp.py puts its <meta> into <head>
    assert "<script>var a = 1;</script>" in out
    assert len(out) < len(PAGE) * 0.85


def test_serve_leaves_pages_as_the_theme_wrote_them():
    try:
        html_minify.on_startup("serve", dirty=False)
        assert html_minify.on_post_page(PAGE, None, None) == PAGE
        html_minify.on_startup("build", dirty=False)
        assert html_minify.on_post_page(PAGE, None, None) == html_minify.minify(PAGE)
    finally:
        html_minify.on_startup("build", dirty=False)

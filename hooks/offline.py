"""The offline package (`make offline`, issue 8) loads nothing from third parties.

Material's offline plugin (enabled by SMM_OFFLINE=true, see mkdocs.yml) switches to relative
links ending in .html and adds the `iframe-worker` shim from unpkg.com, so that the search also
runs from file://. The site never loads anything from other hosts (and the build runs without
internet), so the shim is removed again: from file:// the search does not work, over HTTP – as
in an LMS – it does. /fuer-lehrende/ says so. Hooks run after plugins, so this sees the plugin's
change.
"""

from urllib.parse import urlsplit


def on_config(config):
    polyfills = config.extra.get("polyfills")
    if polyfills:
        config.extra["polyfills"] = [
            p for p in polyfills if not urlsplit(p if isinstance(p, str) else str(p)).netloc]
    return config

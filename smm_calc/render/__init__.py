"""Rendering shared by the CLI and the site's build hook: German numbers, tables, SVG figures.

Importing this package does not import matplotlib (only `figures.draw_svg` does, when called).
"""

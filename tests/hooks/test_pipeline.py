"""The order of the build hooks (hooks/pipeline.py): mkdocs.yml keeps every rule, and a list
that breaks one fails the build with a German message naming mkdocs.yml."""

from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import PluginError

from helpers import REPO
from hookmodules import load

pipeline = load("pipeline")


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # !ENV, !relative


def listed_hooks() -> list[str]:
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    return [Path(path).stem for path in config["hooks"]]


def test_mkdocs_yml_keeps_every_rule():
    hooks = listed_hooks()
    assert pipeline.order_problems(hooks) == []
    # the rules name hooks that exist (a renamed hook would make its rule vacuous)
    named = {pipeline.FIRST, *pipeline.LAST, *pipeline.AFTER,
             *(h for before in pipeline.AFTER.values() for h in before)}
    assert named <= set(hooks)


@pytest.mark.parametrize("move, needle", [
    (("page_meta", "gesamtausgabe"), "„page_meta“ muss vor „gesamtausgabe“ stehen"),
    (("gesamtausgabe", "themenkarte"), "„gesamtausgabe“ muss vor „themenkarte“ stehen"),
    (("csp", "html_minify"), "Die letzten Hooks müssen in dieser Reihenfolge html_minify, csp"),
    (("html_fixes", "html_minify"), "Die letzten Hooks müssen"),
    (("build_errors", "slugs"), "„build_errors“ muss als erster Hook stehen"),
])
def test_a_broken_order_fails_the_build_in_german(move, needle):
    """Swap two hooks of the real list; on_config refuses it and names mkdocs.yml."""
    hooks = listed_hooks()
    a, b = hooks.index(move[0]), hooks.index(move[1])
    hooks[a], hooks[b] = hooks[b], hooks[a]
    with pytest.raises(PluginError) as error:
        pipeline.on_config({"hooks": {f"hooks/{name}.py": None for name in hooks}})
    assert str(error.value).startswith("mkdocs.yml, hooks: Reihenfolge verletzt")
    assert needle in str(error.value)


def test_rules_about_absent_hooks_do_not_apply():
    assert pipeline.order_problems(["slugs", "themenkarte", "csp"]) == []

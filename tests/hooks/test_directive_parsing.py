"""Finding ```smm blocks in Markdown and reading their key/value lines."""

import pytest
from hypothesis import given, strategies as st

from hookmodules import load

smm = load("smm_directives")
parse, DirectiveError = smm.parse_directives, smm.DirectiveError


def test_reads_keys_values_and_lines():
    md = "# Titel\n\nText\n\n```smm\nansicht: szenarien\n\n# Kommentar\nstufen: 5\n```\n\nEnde\n"
    (d,) = parse(md)
    assert d.options == {"ansicht": "szenarien", "stufen": "5"}
    assert d.key_lines == {"ansicht": 6, "stufen": 9}
    assert (d.start, d.end) == (4, 9)


def test_values_keep_inner_spaces_and_dashes():
    (d,) = parse("```smm\nk:   8 bis 12  \nfaktor: ≥10\n```")
    assert d.options == {"k": "8 bis 12", "faktor": "≥10"}


def test_nested_fence_is_documentation_and_left_alone():
    md = "````markdown\n```smm\nansicht: unbekannt\n```\n````\n\n~~~smm\nansicht: bass\n~~~\n"
    (d,) = parse(md)
    assert d.options == {"ansicht": "bass"}
    assert d.start == 6


def test_other_languages_are_not_directives():
    assert parse("```python\nansicht = 1\n```\n```smmx\nfoo\n```\n") == []


def test_indented_block_keeps_its_indent():
    (d,) = parse("!!! note\n\n    ```smm\n    ansicht: bass\n    ```\n")
    assert d.indent == "    " and d.options == {"ansicht": "bass"}


def test_longer_closing_fence_closes():
    (d,) = parse("````smm\nansicht: bass\n`````\n")
    assert d.end == 2


def test_shorter_fence_does_not_close_and_is_reported():
    with pytest.raises(DirectiveError) as info:
        parse("````smm\nansicht: bass\n```\n````\n")
    assert info.value.line == 3


@pytest.mark.parametrize(("md", "line", "words"), [
    ("Text\n```smm\nansicht szenarien\n```", 3, "schlüssel: wert"),
    ("```smm\nansicht: bass\nansicht: bass\n```", 3, "doppelt"),
    ("```smm\nansicht:\n```", 2, "fehlt ein Wert"),
    ("a\nb\n```smm\nansicht: bass\n", 3, "nicht geschlossen"),
])
def test_errors_name_the_line(md, line, words):
    with pytest.raises(DirectiveError) as info:
        parse(md)
    assert info.value.line == line
    assert words in info.value.message


_line = st.one_of(
    st.sampled_from(["```smm", "```", "````", "~~~", "```python", "ansicht: bass", "k: 4–5",
                     "", "# x", "    ```smm", ":", "x:"]),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=20),
)


@given(st.lists(_line, max_size=25))
def test_any_markdown_parses_or_fails_with_a_line_inside_the_page(lines):
    md = "\n".join(lines)
    # the page's lines as MkDocs hands them over (a generated text may itself contain "\n")
    count = len(md.split("\n"))
    try:
        directives = parse(md)
    except DirectiveError as error:
        assert 1 <= error.line <= max(1, count)
        assert error.message
    else:
        for d in directives:
            assert 0 <= d.start < d.end < count
            assert all(1 <= n <= count for n in d.key_lines.values())

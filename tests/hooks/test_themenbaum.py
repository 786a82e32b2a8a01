"""The topic map at scale (hooks/themenbaum.py, no MkDocs): a map that would list more than
its limit stops at the deepest level that fits and shows page counts there instead."""

from bs4 import BeautifulSoup

from hookmodules import load

themenbaum = load("themenbaum")
Node = themenbaum.Node


def page(name: str) -> Node:
    return Node(title=name.title(), src_uri=f"{name}.md", url=f"{name}/")


def tree(sections: int, topics: int, pages: int, *, index_pages: bool = False) -> list[Node]:
    """sections × topics × pages generated pages; topics have an index page if asked."""
    out = []
    for s in range(sections):
        kids = []
        for t in range(topics):
            topic = Node(title=f"Thema {s}.{t}",
                         children=[page(f"s{s}-t{t}-p{p}") for p in range(pages)])
            if index_pages:
                topic.src_uri, topic.url = f"s{s}-t{t}/index.md", f"s{s}-t{t}/"
            kids.append(topic)
        out.append(Node(title=f"Bereich {s}", children=kids))
    return out


def render(nodes, limit=120) -> BeautifulSoup:
    html = themenbaum.render_html(nodes, label="Themenkarte", ident="k",
                                  href=lambda n: n.url, max_entries=limit)
    return BeautifulSoup(html, "html.parser")


def test_a_map_within_the_limit_lists_every_page():
    nodes = tree(2, 3, 4)  # 2 + 6 + 24 = 32 entries
    soup = render(nodes)
    assert len(soup.select("li")) == 32
    assert not soup.select(".smm-themenkarte__umfang")


def test_the_deepest_level_that_fits_is_kept():
    # levels of 10, 100 and 1,000 entries: 110 fit under 120, 1,110 do not
    assert themenbaum.fitting_depth(tree(10, 10, 10), 120) == 1
    assert themenbaum.fitting_depth(tree(10, 10, 10), 1110) is None
    assert themenbaum.fitting_depth(tree(10, 10, 10), 1109) == 1
    # even a limit below the top level keeps the first two levels (a map needs its sections)
    assert themenbaum.fitting_depth(tree(10, 10, 10), 5) == 1


def test_a_thousand_pages_show_sections_with_their_page_counts():
    soup = render(tree(10, 10, 10))
    assert len(soup.select("li")) == 110  # sections and topics; the pages are counted
    counts = soup.select(".smm-themenkarte__umfang")
    assert len(counts) == 100
    first = counts[0]
    assert first.get_text(" ", strip=True).startswith("(10 Seiten, beginnend mit")
    # a topic without its own page links to its first page, so the reader can start there
    assert first.a["href"] == "s0-t0-p0/"
    assert len(str(soup)) < 40_000


def test_a_collapsed_section_with_an_index_page_links_there_only():
    soup = render(tree(10, 10, 10, index_pages=True))
    topic = soup.find("a", string="Thema 3.4")
    assert topic["href"] == "s3-t4/"
    count = topic.find_next_sibling(class_="smm-themenkarte__umfang")
    assert count.get_text(strip=True) == "(10 Seiten)"

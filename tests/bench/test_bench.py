"""The benchmark module runs and reports what `make bench` prints (small sizes here)."""

import importlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_simulation_throughput_small():
    sys.path.insert(0, str(REPO))
    try:
        bench_sim = importlib.import_module("bench.simulation")
        main = importlib.import_module("bench.__main__")
    finally:
        sys.path.remove(str(REPO))
    r = bench_sim.simulation_throughput(zielgruppe=10_000, runs=1000, stufen=3, repeats=3)
    assert r["durchsatz"] > 0 and len(r["zeiten"]) == 3
    assert r["sekunden_median"] == sorted(r["zeiten"])[1]
    assert r["einheit"] == "Läufe × Stufen je Sekunde"
    assert main.BENCHMARKS and all(callable(b) for b in main.BENCHMARKS)
    assert dict(main.machine_info())["Python"].count(".") == 2


FAKE_LIGHTHOUSE = r'''#!/usr/bin/env python3
"""Stand-in for lighthouse: benchmarkIndex from a queue file; logs URL and CPU multiplier."""
import json, sys
from pathlib import Path
here = Path(__file__).parent
args = dict(a[2:].split("=", 1) for a in sys.argv[2:] if a.startswith("--") and "=" in a)
slowdown = float(args.get("throttling.cpuSlowdownMultiplier", 4))
queue = (here / "indexes").read_text().split()
(here / "indexes").write_text(" ".join(queue[1:] or queue))
with open(here / "calls", "a") as log:
    log.write(f"{sys.argv[1]} {slowdown}\n")
metrics = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index")
Path(args["output-path"]).write_text(json.dumps({
    "categories": {"performance": {"score": 0.5 if slowdown == 4 else 0.9}},
    "environment": {"benchmarkIndex": float(queue[0])},
    "configSettings": {"throttling": {"cpuSlowdownMultiplier": slowdown}},
    "audits": {m: {"numericValue": 1.0} for m in metrics}}))
'''


def test_lighthouse_calibration_uses_the_median_benchmark_index(tmp_path, monkeypatch):
    """One outlier run must not set the CPU multiplier (Lighthouse's docs: 4 × index / 1750)."""
    sys.path.insert(0, str(REPO))
    try:
        lh = importlib.import_module("bench.lighthouse")
    finally:
        sys.path.remove(str(REPO))
    fake = tmp_path / "lighthouse"
    fake.write_text(FAKE_LIGHTHOUSE, encoding="utf-8")
    fake.chmod(0o755)
    # the first run is a slow outlier; the median of the six default runs is 1400
    (tmp_path / "indexes").write_text("700 1400 1400 1450 1300 1400")
    monkeypatch.setattr(lh, "LIGHTHOUSE", fake)
    site = tmp_path / "site"
    (site / "b").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>a</title>", encoding="utf-8")
    (site / "b" / "index.html").write_text("<!doctype html><title>b</title>", encoding="utf-8")

    results = lh.lighthouse_scores(site, {"A": "/", "B": "/b/"}, runs=3)

    expected = round(4 * 1400 / 1750, 2)
    assert expected == lh.calibrated_slowdown(1400)
    calls = [line.split() for line in (tmp_path / "calls").read_text().splitlines()]
    assert [float(s) for _, s in calls] == [4.0] * 6 + [expected] * 6
    assert sum(url.endswith("/b/") for url, _ in calls) == 6
    for result in results.values():
        assert result["default"] == [50, 50, 50] and result["calibrated"] == [90, 90, 90]
        assert result["slowdown"] == expected
    # a fast machine needs no calibration
    assert lh.calibrated_slowdown(1600) is None


def _bench(name):
    sys.path.insert(0, str(REPO))
    try:
        return importlib.import_module(f"bench.{name}")
    finally:
        sys.path.remove(str(REPO))


def test_floor_is_the_project_configuration_without_any_hook_or_notebook_plugin():
    workspace = _bench("workspace")
    config = workspace.load_config(REPO / "mkdocs.yml")
    assert config["hooks"], "the project has hooks – the floor must drop them"
    plain = workspace.plain_config(config)
    assert "hooks" not in plain
    names = [workspace._plugin_name(p) for p in config["plugins"]]
    assert [workspace._plugin_name(p) for p in plain["plugins"]] == \
        [n for n in names if n != "mkdocs-jupyter"]
    for key in ("markdown_extensions", "theme", "extra_css", "extra_javascript", "exclude_docs"):
        assert plain.get(key) == config.get(key), key
    assert ".ipynb" not in str(plain["nav"]) and ".ipynb" in str(config["nav"])
    assert plain["strict"] is False and config["strict"] is True
    assert "hooks" in config  # the project's configuration itself is untouched


class FakeWorkspace:
    """Stand-in: every build of a configuration takes a fixed CPU time; calls are recorded."""

    def __init__(self, cpu):
        self.cpu, self.calls, self.builds = cpu, [], []

    def write_plain_config(self):
        return Path("plain.yml")

    def clear_caches(self):
        self.calls.append("clear")

    def build(self, config=None, site="site", strict=True):
        key = "plain" if config == Path("plain.yml") else (
            "cold" if self.calls and self.calls[-1] == "clear" else "warm")
        self.calls.append((key, strict))
        self.builds.append((str(config), self.cpu[key], self.cpu[key] * 2))
        return self.cpu[key]


def test_build_ratios_and_targets_against_the_floor():
    builds = _bench("builds")
    ws = FakeWorkspace({"cold": 8.0, "warm": 2.5, "plain": 2.0})
    rows, raw = builds.build_times(ws, repeats=3)
    cold, warm = rows
    assert cold.ratio == 4.0 and cold.passed is False  # 8 / 2 > 3
    assert warm.ratio == 1.25 and warm.passed is True  # 2.5 / 2 ≤ 1.3
    assert raw["plain"]["cpu"] == [2.0] * 3
    # the floor builds without --strict (anchors of hooks/slugs.py are missing), the site with it
    assert {strict for key, strict in (c for c in ws.calls if c != "clear") if key == "plain"} \
        == {False}
    assert {strict for key, strict in (c for c in ws.calls if c != "clear") if key != "plain"} \
        == {True}


def test_search_rows_report_medians_and_judge_only_the_largest_size():
    search = _bench("search")

    def runs(seconds, size):
        return [{"seconds": s, "search_bytes": size, "page_bytes": 70_000} for s in seconds]

    rows = search.search_rows({0: runs([0.2, 5.0, 0.3], 90_000),
                               1000: runs([0.9, 0.4, 3.0], 250_000)}, {0: 1.5, 1000: 1.25},
                              cores=2)
    site, big = rows
    assert site.passed is None and "Lastmittel 1,50" in site.base
    assert "300 ms" in site.value and "90 KB" in site.value  # median of the three queries
    assert big.passed is True and "900 ms" in big.value and "Lastmittel 1,25" in big.base
    slow = search.search_rows({1000: runs([1.2, 1.1, 0.2], 250_000)}, {}, cores=2)[0]
    assert slow.passed is False  # median 1.1 s > 1 s
    heavy = search.search_rows({1000: runs([0.1] * 3, 100_000) + runs([0.1], 400_000)}, {},
                               cores=2)[0]
    assert heavy.passed is False  # one query over 300 KB is enough
    # under load (load average 7 on 2 cores) a time gives no verdict, bytes still do
    busy = search.search_rows({1000: runs([3.0] * 3, 250_000)}, {1000: 7.0}, cores=2)[0]
    assert busy.passed is None and "unter Last" in busy.value
    busy_heavy = search.search_rows({1000: runs([3.0] * 3, 400_000)}, {1000: 7.0}, cores=2)[0]
    assert busy_heavy.passed is False


def test_search_bytes_count_the_search_files_only():
    search = _bench("search")
    transfer = search.Transfer()
    for url, size in (("http://h/", 6000), ("http://h/assets/javascripts/bundle.1.min.js", 35000),
                      ("http://h/search/search_index.json", 200),
                      ("http://h/assets/javascripts/workers/search.1.min.js", 15000),
                      ("http://h/assets/javascripts/lunr/min/lunr.de.min.js", 4000),
                      ("http://h/lms/kurs/pagefind/fragment/de_1.pf_fragment", 3000)):
        transfer.add(url, {"responseBodySize": size - 100, "responseHeadersSize": 100})
    assert transfer.total() == 63200
    assert transfer.search_bytes() == 200 + 15000 + 4000 + 3000


def test_lighthouse_rows_headline_the_default_score_and_flag_load(monkeypatch):
    lh = _bench("lighthouse")
    monkeypatch.setattr(lh.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    results = {
        "Ruhig": {"default": [90, 97, 96], "calibrated": [], "benchmark_index": [1600] * 3,
                  "slowdown": None, "load": [1.0, 1.5, 0.5]},
        "Belastet": {"default": [70, 80, 75], "calibrated": [88, 90, 92],
                     "benchmark_index": [1000] * 3, "slowdown": 2.29, "load": [6.0, 5.5, 7.0]},
    }
    quiet, busy = lh.lighthouse_rows(results)
    assert quiet.value.startswith("96 ") and "Lastmittel 1,00" in quiet.value
    assert quiet.passed is True
    assert busy.value.startswith("75 ") and "unter Last" in busy.value
    assert busy.passed is None  # no verdict from a loaded machine
    assert "kalibriert: 90" in busy.base and quiet.base.startswith("benchmarkIndex")


def test_generated_pages_draw_plain_sentences_from_the_site(tmp_path):
    scaling = _bench("scaling")
    docs = tmp_path / "docs"
    (docs / "includes").mkdir(parents=True)
    (docs / "a.md").write_text(
        "---\ntitle: A\n---\n\n# Titel\n\nMundpropaganda verbreitet Botschaften über Gespräche "
        "zwischen Menschen. Ein Satz mit [Link](b.md) fällt weg. Ein Satz mit Fußnote[^1] "
        "fällt weg. Kurz.\n\n- Liste mit einem langen Punkt, der kein Absatz ist und wegfällt.\n\n"
        "Meinungsführer geben Informationen aus den Medien an ihr Umfeld weiter.\n",
        encoding="utf-8")
    (docs / "includes" / "x.md").write_text("Dieser Satz steht in einem Baustein und fällt weg.",
                                            encoding="utf-8")
    sentences = scaling.prose_sentences(docs)
    assert sentences == ["Mundpropaganda verbreitet Botschaften über Gespräche zwischen Menschen.",
                         "Meinungsführer geben Informationen aus den Medien an ihr Umfeld weiter."]
    text = scaling.prose(sentences, 7, count=12)
    assert text == scaling.prose(sentences, 7, count=12)  # the same on every run
    assert text.count("\n\n") == 2 and sum(text.count(s) for s in sentences) == 12
    assert scaling.prose([], 1) == ""


def test_share_rows_name_the_costliest_hooks_and_the_notebook_plugin():
    from bench.shares import share_rows

    data = {"jupyter_import": 0.5, "events": {
        "hooks/a.py": 0.05, "hooks/b.py": 0.2, "hooks/c.py": 0.1, "hooks/d.py": 0.01,
        "hooks/e.py": 0.02, "material/search": 0.3, "mkdocs-jupyter": 0.1}}
    hooks, jupyter = share_rows(data, floor_cpu=2.0)
    assert hooks.value.startswith("0,38 s CPU (b 0,20 s, c 0,10 s, a 0,05 s, e 0,02 s)")
    assert hooks.ratio == 0.38 / 2.0
    assert jupyter.value == "0,60 s CPU, davon Laden 0,50 s" and jupyter.ratio == 0.3
    assert share_rows(data, floor_cpu=None)[0].ratio is None

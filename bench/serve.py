"""`mkdocs serve`: from saving a Markdown page to the rebuilt page being served."""

from __future__ import annotations

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from .result import Row, fmt_ratio, fmt_seconds, median
from .builds import PLAIN
from .workspace import Workspace, build_env, load_config

EDITED_PAGE = "promotion/kommunikationsinstrumente/mediawerbung.md"
TARGET = 1.3


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return ""


def _wait(predicate, timeout: float, what: str, poll: float = 0.05) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate():
            return time.perf_counter() - start
        time.sleep(poll)
    raise TimeoutError(f"Zeitüberschreitung ({timeout:.0f} s): {what}")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc), or 0 if unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


class Server:
    """`mkdocs serve` of one configuration in one workspace (with `-X importtime`, so imports
    after the first build show in its log). Requests for a page wait while a rebuild runs, so
    polling the page for a marker measures: save → change noticed → rebuild done → served."""

    def __init__(self, ws: Workspace, config: Path, page: str = EDITED_PAGE):
        self.ws, self.config, self.page = ws, config, page
        self.port = _free_port()
        site_path = urlsplit(str(load_config(config).get("site_url") or "/")).path or "/"
        self.url = (f"http://127.0.0.1:{self.port}{site_path.rstrip('/')}/"
                    f"{page.removesuffix('.md')}/")
        self.source = ws.root / "docs" / page
        self.original = self.source.read_text(encoding="utf-8")
        self.log_path = ws.root / f"serve-{config.stem}.log"
        self.walls: list[float] = []
        self.cpus: list[float] = []
        self._log = open(self.log_path, "w", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-X", "importtime", "-m", "mkdocs", "serve", "-f", str(config),
             "-a", f"127.0.0.1:{self.port}", "--livereload"],
            cwd=ws.root, env=build_env(), stdout=self._log, stderr=subprocess.STDOUT)

    def wait_ready(self):
        _wait(lambda: "</html>" in _fetch(self.url), 300,
              f"erster Build von mkdocs serve ({self.url})", poll=0.5)

    def edit(self, i: int):
        marker = f"BENCHMARKE{i}X{secrets.token_hex(4)}"
        cpu = _cpu_seconds(self.process.pid)
        self.source.write_text(self.original + f"\n\n{marker}\n", encoding="utf-8")
        self.walls.append(_wait(lambda: marker in _fetch(self.url), 300,
                                f"Neubau nach Änderung {i + 1} ({self.config.name})"))
        self.cpus.append(_cpu_seconds(self.process.pid) - cpu)

    def stop(self) -> dict:
        self.source.write_text(self.original, encoding="utf-8")
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log.close()
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        serving = text.find("Serving on")
        after = text[serving:] if serving >= 0 else ""
        return {
            "wall": self.walls, "cpu": self.cpus,
            "builds_after_start": len(re.findall(r"Building documentation", after)),
            "notebook_runs": len(re.findall(r"Converting notebook \(execute=True\)", after)),
            "matplotlib_imports": len(re.findall(r"\|\s+matplotlib\s*$", after, re.M)),
        }


def serve_rebuilds(full_ws: Workspace, plain_ws: Workspace, edits: int) -> tuple[dict, dict]:
    """Both servers run at once (in two copies of the tree); edits alternate between them, so
    a change in the machine's load hits both alike."""
    full = Server(full_ws, full_ws.config)
    plain = Server(plain_ws, plain_ws.write_plain_config())
    try:
        full.wait_ready()
        plain.wait_ready()
        time.sleep(2)
        for i in range(edits):
            for server in (full, plain):
                server.edit(i)
                time.sleep(1.5)  # a rebuild loop would show up as more builds in the log
    finally:
        results = full.stop(), plain.stop()
    return results


def serve_rows(ws: Workspace, edits: int) -> tuple[list[Row], dict]:
    plain_ws = ws.clone(with_cache=False)
    try:
        full, plain = serve_rebuilds(ws, plain_ws, edits)
    finally:
        plain_ws.remove()
    f, p = median(full["cpu"]), median(plain["cpu"])
    fw, pw = median(full["wall"]), median(plain["wall"])
    quiet = full["notebook_runs"] == 0 and full["matplotlib_imports"] == 0
    one_each = full["builds_after_start"] == edits
    rows = [
        Row("`mkdocs serve`: Markdown-Seite gespeichert → neu gebaute Seite ausgeliefert",
            f"{fmt_seconds(f)} CPU (Wanduhr {fmt_seconds(fw)})",
            f"{fmt_seconds(p)} CPU (Wanduhr {fmt_seconds(pw)}), {PLAIN}", f / p,
            f"≤ {fmt_ratio(TARGET)}", f / p <= TARGET),
        Row("`mkdocs serve`: bei diesen Neubauten Notebook ausgeführt / matplotlib importiert",
            f"{full['notebook_runs']}× / {full['matplotlib_imports']}× "
            f"({full['builds_after_start']} Neubauten für {edits} Änderungen)",
            target="0× / 0×, ein Neubau je Änderung", passed=quiet and one_each),
    ]
    return rows, {"full": full, "plain": plain}

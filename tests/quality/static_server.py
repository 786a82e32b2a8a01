"""Serve a built site the way static hosts do, so measurements (Lighthouse, bench) are fair.

A plain `http.server` sends every file uncompressed and without cache headers, which makes
Lighthouse's performance score look worse than the deployed site. Like GitHub Pages, Netlify or
nginx with default settings, this server

* compresses text types with gzip when the client accepts it (pre-compressed in memory once),
* sends `Cache-Control: public, max-age=31536000, immutable` for fingerprinted assets
  (`main.57a0d79d.min.css`, `figure-0123456789ab.svg`), `max-age=600` for everything else,
* answers unknown paths with the site's 404.html and status 404,
* listens on loopback only.

Use from Python:

    with serve(Path("site")) as base_url:   # "http://127.0.0.1:PORT"
        ...

or from the shell: `python tests/quality/static_server.py site 8000`.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import mimetypes
import posixpath
import re
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml",
              "application/xml", "application/manifest+json")
# a hash of 8+ hex digits in the file name: Material's bundles, generated figures
FINGERPRINTED = re.compile(r"[.-][0-9a-f]{8,}(?:\.min)?\.[a-z0-9]+$")
LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=600"

mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("image/svg+xml", ".svg")
mimetypes.add_type("application/manifest+json", ".webmanifest")


class StaticHandler(http.server.BaseHTTPRequestHandler):
    root: Path
    _gz_cache: dict[Path, bytes]
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet: tests print their own findings
        pass

    def _resolve(self, path: str) -> Path | None:
        rel = posixpath.normpath(unquote(urlsplit(path).path)).lstrip("/")
        if rel in (".", ""):
            rel = ""
        target = (self.root / rel).resolve()
        if self.root not in (target, *target.parents):
            return None
        if target.is_dir():
            if not path.split("?")[0].endswith("/"):
                return target  # redirect handled by caller
            target = target / "index.html"
        return target if target.is_file() else None

    def do_HEAD(self):
        self._serve(head=True)

    def do_GET(self):
        self._serve(head=False)

    def _serve(self, head: bool):
        target = self._resolve(self.path)
        if target is not None and target.is_dir():
            self.send_response(301)
            self.send_header("Location", urlsplit(self.path).path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status = 200
        if target is None:
            status, target = 404, self.root / "404.html"
            if not target.is_file():
                self.send_error(404)
                return
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        body = target.read_bytes()
        self.send_response(status)
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        self.send_header("Content-Type", ctype)
        if ctype.startswith(TEXT_TYPES) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = self._gzipped(target, body)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        cache = LONG_CACHE if FINGERPRINTED.search(target.name) else SHORT_CACHE
        self.send_header("Cache-Control", cache if status == 200 else "no-store")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the browser went on to the next page before this file arrived

    def _gzipped(self, target: Path, body: bytes) -> bytes:
        if target not in self._gz_cache:
            self._gz_cache[target] = gzip.compress(body, compresslevel=9, mtime=0)
        return self._gz_cache[target]


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(root: Path, port: int = 0):
    """Serve `root` on 127.0.0.1 in a background thread; yields the base URL (no trailing /)."""
    handler = type("Handler", (StaticHandler,), {"root": Path(root).resolve(), "_gz_cache": {}})
    server = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8000
    with serve(root, port) as url:
        print(f"{root} unter {url}/ (Strg+C beendet)")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()

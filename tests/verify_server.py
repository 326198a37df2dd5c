"""A real HTTP server on 127.0.0.1 for the verify tests, with routes for every case.

Every text here is our own. The article page has the shape of a fetched news page:
navigation, a headline, sections, a share bar, a related-links aside, a comment form
and a footer around the story.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ARTICLE_SENTENCES = (
    "Officials at the canal authority cut the number of daily crossings from 36 to 24 "
    "after the lake that feeds the locks fell to its lowest level in decades.",
    "Shipping companies on the route between Asia and the East Coast of the United States "
    "have started sending some vessels around the Cape of Good Hope instead.",
    "The detour adds roughly two weeks to a voyage and burns far more fuel, which "
    "analysts expect to show up in freight rates by the end of the year.",
    "Tankers carrying liquefied gas, which rarely win the auctioned slots, have been hit "
    "hardest, and some operators say the delays could last well into next spring.",
)

ARTICLE_HTML = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Drought squeezes canal traffic | Harbour Ledger</title>
<style>body {{ font-family: serif; }} .nav a {{ margin: 0 1em; }}</style>
<script>window.analytics = {{ page: "story", section: "shipping" }};</script>
</head>
<body>
<a class="skip-link" href="#story">Skip to content</a>
<nav class="site-nav">
  <ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
  <li><a href="/shipping">Shipping rates fell sharply across the Pacific this quarter</a></li>
  <li><a href="/opinion">Opinion</a></li></ul>
</nav>
<header class="masthead"><p>Harbour Ledger &mdash; independent shipping news</p></header>
<main>
<article id="story">
<h1>How the Drought at the Canal&rsquo;s Locks Is Reshaping Trade</h1>
<p class="byline">By a staff reporter &middot; November 2, 2022</p>
<p>Panama City : A look at how low water at the canal is changing routes, costs and
schedules for the ships that depend on it.</p>
<h2>Fewer Crossings Each Day</h2>
<p>{ARTICLE_SENTENCES[0]} The authority said the cut would stay in place until the
rainy season refills the reservoir.</p>
<div class="share-bar"><button>Share</button> <a href="#">Share on social media</a></div>
<h2>Longer Routes for Some Carriers</h2>
<p>{ARTICLE_SENTENCES[1]} {ARTICLE_SENTENCES[2]}</p>
<h2>Who Pays the Most</h2>
<p>{ARTICLE_SENTENCES[3]}</p>
<p>The canal&rsquo;s managers have asked shippers to book slots earlier and to carry
lighter loads, and they are studying a new reservoir to secure water for the locks
&mdash; a project that would take years to finish.</p>
</article>
<aside class="related"><h3>Related</h3><p>Port strikes in Europe end after a week of
talks between unions and employers.</p></aside>
</main>
<section id="comments">
<h3>Leave a Reply</h3>
<form id="commentform" action="/comment" method="post">
<textarea name="comment">Please enter your comment!</textarea>
<input name="author" placeholder="Please enter your name here">
<button type="submit">Post Comment</button>
</form>
</section>
<footer class="site-footer"><p>&copy; 2022 Harbour Ledger. All rights reserved.</p></footer>
<script>document.querySelectorAll("nav a").forEach(function (a) {{ a.rel = "x"; }});</script>
</body>
</html>
"""

OTHER_HTML = """<!DOCTYPE html><html><head><title>Weather</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>A Mild Week Ahead</h1>
<p>Forecasters expect mild temperatures and light winds across the region this week,
with a chance of showers on Thursday evening and clearer skies by the weekend.</p>
<p>Farmers welcomed the forecast after a wet October delayed the autumn harvest in
several valleys, and growers hope to finish picking before the first frost.</p>
</article></body></html>
"""

SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds" / "002_ee0ef3e5fbe74b06.txt"


def seed_page() -> str | None:
    """The shared seed article wrapped in a page, or None when ../shared is absent."""
    if not SEED.is_file():
        return None
    import html

    paragraphs = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    # The seed ends with the comment form's labels, which belong in the form.
    story = [p for p in paragraphs if not p.startswith("Please enter")]
    labels = [p for p in paragraphs if p.startswith("Please enter")]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in story)
    form = "".join(f"<label>{html.escape(p)}</label><textarea></textarea>" for p in labels)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Seed</title></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
        f"<article>{body}</article>"
        f"<form>{form}<button>Post</button></form></body></html>"
    )


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    stream: bool = False  # no Content-Length: the body ends when the connection closes
    drip: float = 0.0  # send the whole response (status line on) one byte per this many s


Route = Callable[[int], Reply]  # called with how many times this path was requested before


def html_reply(text: str) -> Reply:
    return Reply(200, text.encode("utf-8"), {"Content-Type": "text/html; charset=utf-8"})


def redirect(to: str, status: int = 302) -> Reply:
    return Reply(status, b"", {"Location": to})


class Server:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.user_agents: list[str] = []
        self.seen: list[tuple[str, dict[str, str]]] = []  # (path, request headers) per request
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self.host = "127.0.0.1"
        self.port = 0

    def url(self, path: str, host: str | None = None) -> str:
        return f"http://{host or self.host}:{self.port}{path}"

    def route(self, path: str, reply: Reply | Route) -> None:
        self.routes[path] = reply if callable(reply) else (lambda _n, r=reply: r)

    @property
    def total(self) -> int:
        return sum(self.hits.values())

    def handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                with server._lock:
                    count = server.hits[path]
                    server.hits[path] += 1
                    server.user_agents.append(self.headers.get("User-Agent", ""))
                    server.seen.append((path, dict(self.headers.items())))
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    route = server.routes.get(path)
                    reply = route(count) if route else Reply(404, b"not here")
                    if reply.delay:
                        time.sleep(reply.delay)
                    if reply.drip:
                        self._drip(reply)
                        return
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    if reply.stream:
                        self.send_header("Connection", "close")
                        self.close_connection = True
                    else:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    try:
                        view = memoryview(reply.body)
                        for start in range(0, len(view), 256 * 1024):
                            self.wfile.write(view[start : start + 256 * 1024])
                    except (BrokenPipeError, ConnectionResetError):
                        self.close_connection = True
                finally:
                    with server._lock:
                        server.in_flight -= 1

            def _drip(self, reply: Reply) -> None:
                head = f"HTTP/1.1 {reply.status} Whatever\r\n" + "".join(
                    f"{name}: {value}\r\n" for name, value in reply.headers.items()
                )
                head += f"Content-Length: {len(reply.body)}\r\n\r\n"
                self.close_connection = True
                for byte in head.encode("latin-1") + reply.body:
                    try:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                    except OSError:
                        return  # the client gave up: what the test wants
                    time.sleep(reply.drip)

        return Handler


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hangs up mid-body (the size cap) is expected here


@contextmanager
def serve(host: str = "127.0.0.1") -> Iterator[Server]:
    server = Server()
    httpd = _QuietServer((host, 0), server.handler())
    httpd.daemon_threads = True
    server.host, server.port = host, httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()

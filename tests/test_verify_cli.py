"""``claimkit verify`` and ``claimkit lint --online`` end to end, against a local server."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from builder import Explainer, Row, cite
from claimkit.cli import app
from verify_server import (
    ARTICLE_HTML,
    ARTICLE_SENTENCES,
    OTHER_HTML,
    SEED,
    Reply,
    Server,
    html_reply,
    redirect,
    seed_page,
    serve,
)

FAST = ["--timeout", "0.5", "--connect-timeout", "0.5", "--backoff", "0.01"]


@pytest.fixture
def server() -> Iterator[Server]:
    with serve() as running:
        running.route("/article", html_reply(ARTICLE_HTML))
        running.route("/weather", html_reply(OTHER_HTML))
        running.route("/moved", redirect("/article", 301))
        running.route("/report.pdf", Reply(200, b"%PDF-1.7", {"Content-Type": "application/pdf"}))
        yield running


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "claimkit"


def explainer(tmp_path: Path, rows: list[Row], name: str = "doc.md") -> Path:
    ids = [row.id for row in rows]
    body = f"Shipping is changing {cite(*ids)}."
    doc = Explainer(
        levels={"less-detailed": body, "summary": body, "more-detailed": body}, rows=rows
    )
    path = tmp_path / name
    path.write_text(doc.text(), encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def good_rows(server: Server) -> list[Row]:
    return [
        Row("1", ARTICLE_SENTENCES[0], url=server.url("/article")),
        # Extraction damage in the claim: a lost apostrophe and glued words.
        Row(
            "2",
            "The canals managers have asked shippers to book slots earlier andto carry "
            "lighter loads.",
            url=server.url("/article#section-3"),
        ),
        Row("3", ARTICLE_SENTENCES[1], url=server.url("/moved")),
    ]


def test_all_found_exits_0_and_fetches_each_url_once(
    tmp_path: Path, server: Server, cache_dir: Path
) -> None:
    path = explainer(tmp_path, good_rows(server))
    code, out, err = run("verify", str(path), "--format", "json", *FAST)
    assert code == 0, (out, err)
    data = json.loads(out)
    assert server.hits["/article"] == 2  # once directly, once at the end of /moved
    assert server.hits["/moved"] == 1
    statuses = {link["url"]: link["status"] for link in data["links"]}
    assert statuses == {server.url("/article"): "ok", server.url("/moved"): "redirected"}
    assert [c["sentence"]["match"] for c in data["claims"]] == ["found"] * 3
    assert [c["link_status"] for c in data["claims"]] == ["ok", "ok", "redirected"]


def test_json_has_the_contract_keys(tmp_path: Path, server: Server, cache_dir: Path) -> None:
    path = explainer(tmp_path, good_rows(server))
    _, out, _ = run("verify", str(path), "--format", "json", *FAST)
    data = json.loads(out)
    link_keys = {"url", "status", "http_status", "final_url", "error"}
    claim_keys = {"path", "id", "line", "url", "link_status", "sentence", "context"}
    for link in data["links"]:
        assert link_keys <= set(link)
    for claim in data["claims"]:
        assert claim_keys <= set(claim)
        assert set(claim["sentence"]) == {"match", "score"}
        assert set(claim["context"]) == {"match", "score"}
    moved = next(link for link in data["links"] if link["status"] == "redirected")
    assert moved["final_url"] == server.url("/article")
    assert moved["http_status"] == 200
    first = data["claims"][0]
    assert first["path"] == str(path) and first["id"] == "1"
    assert (
        first["line"]
        == path.read_text()
        .splitlines()
        .index(next(line for line in path.read_text().splitlines() if 'id="1"' in line))
        + 1
    )


def test_not_found_and_broken_exit_1(tmp_path: Path, server: Server, cache_dir: Path) -> None:
    rows = [
        Row("1", ARTICLE_SENTENCES[0], url=server.url("/weather")),
        Row("2", ARTICLE_SENTENCES[1], url=server.url("/deleted")),
        Row("3", ARTICLE_SENTENCES[2], url=server.url("/report.pdf")),
    ]
    path = explainer(tmp_path, rows)
    code, out, _ = run("verify", str(path), "--format", "json", *FAST)
    assert code == 1
    claims = json.loads(out)["claims"]
    assert claims[0]["sentence"] == {"match": "not-found", "score": claims[0]["sentence"]["score"]}
    assert claims[0]["sentence"]["score"] < 70
    assert claims[1]["link_status"] == "broken"
    assert claims[1]["sentence"]["match"] == "unchecked"
    assert claims[2]["link_status"] == "not-html"
    links = {link["url"]: link for link in json.loads(out)["links"]}
    assert links[server.url("/deleted")]["http_status"] == 404


def test_fail_on_tunes_the_exit_code(tmp_path: Path, server: Server, cache_dir: Path) -> None:
    path = explainer(tmp_path, [Row("1", ARTICLE_SENTENCES[0], url=server.url("/weather"))])
    assert run("verify", str(path), *FAST)[0] == 1
    assert run("verify", str(path), "--fail-on", "dead", *FAST)[0] == 0
    assert run("verify", str(path), "--fail-on", "never", *FAST)[0] == 0
    dead = explainer(tmp_path, [Row("1", "x y z", url=server.url("/gone"))], "dead.md")
    assert run("verify", str(dead), "--fail-on", "dead", *FAST)[0] == 1


def test_text_output_is_a_table_per_document(
    tmp_path: Path, server: Server, cache_dir: Path
) -> None:
    first = explainer(tmp_path, good_rows(server), "a.md")
    second = explainer(tmp_path, [Row("1", ARTICLE_SENTENCES[3], url=server.url("/gone"))], "b.md")
    code, out, err = run("verify", str(first), str(second), *FAST)
    assert code == 1
    assert str(first) in out and str(second) in out
    assert "127.0.0.1" in out
    assert "found" in out and "broken" in out
    assert "HTTP 404" in out
    assert "\x1b[" not in out  # not a terminal: no colour
    assert "checked 3 link(s)" in err


def test_second_run_makes_no_requests(tmp_path: Path, server: Server, cache_dir: Path) -> None:
    rows = [*good_rows(server), Row("4", "Nothing", url=server.url("/gone"))]
    path = explainer(tmp_path, rows)
    first = run("verify", str(path), "--format", "json", *FAST)
    requests_made = server.total
    assert requests_made > 0
    second = run("verify", str(path), "--format", "json", *FAST)
    assert server.total == requests_made
    strip = [
        {k: v for k, v in link.items() if k != "cached"} for link in json.loads(first[1])["links"]
    ]
    again = json.loads(second[1])["links"]
    assert strip == [{k: v for k, v in link.items() if k != "cached"} for link in again]
    assert all(link["cached"] for link in again)
    assert (cache_dir / "pages").is_dir()


def test_no_cache_and_max_age_refetch(tmp_path: Path, server: Server, cache_dir: Path) -> None:
    path = explainer(tmp_path, [Row("1", ARTICLE_SENTENCES[0], url=server.url("/article"))])
    run("verify", str(path), *FAST)
    assert server.hits["/article"] == 1
    run("verify", str(path), "--no-cache", *FAST)
    assert server.hits["/article"] == 2
    run("verify", str(path), "--max-age", "0", *FAST)
    assert server.hits["/article"] == 3
    run("verify", str(path), "--max-age", "1h", *FAST)
    assert server.hits["/article"] == 3


def test_cache_dir_option_and_no_page_content_elsewhere(
    tmp_path: Path, server: Server, cache_dir: Path
) -> None:
    path = explainer(tmp_path, [Row("1", ARTICLE_SENTENCES[0], url=server.url("/article"))])
    before = {p for p in tmp_path.rglob("*")}
    own = tmp_path / "own-cache"
    run("verify", str(path), "--cache-dir", str(own), *FAST)
    written = {p for p in tmp_path.rglob("*") if p.is_file()} - before
    assert written and all(own in p.parents for p in written)
    assert not cache_dir.exists()
    stored = json.loads(next(iter(written)).read_text())
    assert "daily crossings" in stored["text"]
    assert "<nav" not in stored["text"]


def test_credentials_are_never_printed(tmp_path: Path, server: Server, cache_dir: Path) -> None:
    url = f"http://editor:s3cr3t-pass@127.0.0.1:{server.port}/gone"
    path = explainer(tmp_path, [Row("1", "Anything at all", url=url)])
    for fmt in ("text", "json"):
        code, out, err = run("verify", str(path), "--format", fmt, *FAST)
        assert code == 1
        assert "s3cr3t" not in out + err
        assert "editor" not in out + err


def test_exclude_private_refuses_loopback(tmp_path: Path, server: Server, cache_dir: Path) -> None:
    path = explainer(tmp_path, [Row("1", ARTICLE_SENTENCES[0], url=server.url("/article"))])
    code, out, _ = run("verify", str(path), "--format", "json", "--exclude-private", *FAST)
    assert code == 1
    assert json.loads(out)["links"][0]["status"] == "refused"
    assert server.total == 0


@pytest.mark.parametrize(
    "args",
    [
        ["--max-size", "lots"],
        ["--max-age", "forever"],
        ["--jobs", "0"],
        ["--format", "xml"],
        ["--partly-threshold", "95"],
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], cache_dir: Path) -> None:
    path = explainer(tmp_path, [Row("1", "Anything", url="https://example.invalid/x")])
    code, _, err = run("verify", str(path), *args)
    assert code == 2
    assert "Traceback" not in err


def test_missing_path_exits_2(tmp_path: Path) -> None:
    code, _, err = run("verify", str(tmp_path / "nope.md"))
    assert code == 2
    assert "claimkit: error: path does not exist" in err


def test_invalid_source_url_is_reported_not_fetched(tmp_path: Path, cache_dir: Path) -> None:
    path = explainer(tmp_path, [Row("1", "Anything", url="www.example.com/story")])
    code, out, _ = run("verify", str(path), "--format", "json", *FAST)
    assert code == 1
    data = json.loads(out)
    assert data["links"] == []
    assert data["claims"][0]["link_status"] == "invalid"


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seeds is not present")
def test_seed_article_served_as_a_page(tmp_path: Path, server: Server, cache_dir: Path) -> None:
    page = seed_page()
    assert page is not None
    server.route("/seed", html_reply(page))
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if len(p) > 200]
    rows = [
        Row(str(i), p.split(". ")[0].replace("\u2019", "") + ".", context=p,
            url=server.url("/seed"))
        for i, p in enumerate(paragraphs[:4], start=1)
    ]  # fmt: skip
    path = explainer(tmp_path, rows)
    code, out, _ = run("verify", str(path), "--format", "json", *FAST)
    assert code == 0, out
    for claim in json.loads(out)["claims"]:
        assert claim["sentence"]["match"] == "found"
        assert claim["context"]["match"] == "found"


def test_lint_online_reports_ck501_and_ck502(
    tmp_path: Path, server: Server, cache_dir: Path
) -> None:
    rows = [
        Row("1", ARTICLE_SENTENCES[0], url=server.url("/article")),
        Row("2", ARTICLE_SENTENCES[1], url=server.url("/weather")),
        Row("3", ARTICLE_SENTENCES[2], url=server.url("/deleted")),
        Row("4", ARTICLE_SENTENCES[3], url=server.url("/article")),
    ]
    path = explainer(tmp_path, rows)
    code, out, _ = run("lint", str(path), "--online", "--format", "json", "--select", "CK5")
    found = [(d["code"], d["message"].split("'")[0]) for d in json.loads(out)]
    assert sorted(found) == [("CK501", "claim 3"), ("CK502", "claim 2")]
    assert code == 1
    assert server.hits["/article"] == 1  # each URL once, however many rows and rules use it
    lines = path.read_text().splitlines()
    ck502 = next(d for d in json.loads(out) if d["code"] == "CK502")
    assert 'id="2"' in lines[ck502["line"] - 1]


def test_plain_lint_makes_no_requests(tmp_path: Path, server: Server, cache_dir: Path) -> None:
    rows = [Row("1", ARTICLE_SENTENCES[1], url=server.url("/weather"))]
    path = explainer(tmp_path, rows)
    code, out, _ = run("lint", str(path), "--format", "json", "--select", "CK5")
    assert code == 0 and json.loads(out) == []
    assert server.total == 0


def test_plain_lint_does_not_import_requests(tmp_path: Path) -> None:
    path = explainer(tmp_path, [Row("1", "The canal is busy.")])
    probe = (
        "import sys\n"
        "from claimkit.cli import main\n"
        f"sys.argv = ['claimkit', 'lint', {str(path)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('requests', 'urllib3', 'rapidfuzz', 'claimkit.verify.fetch') "
        "if m in sys.modules]\n"
        "sys.stderr.write('HEAVY=' + ','.join(heavy) + '\\n')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    heavy = done.stderr.rsplit("HEAVY=", 1)[1].strip()
    assert "requests" not in heavy and "claimkit.verify.fetch" not in heavy, heavy


def test_cli_defaults_match_the_run_defaults() -> None:
    import inspect

    from claimkit.cli.verify import verify
    from claimkit.verify.run import DEFAULT_JOBS, DEFAULT_PER_HOST

    params = inspect.signature(verify).parameters
    assert params["jobs"].default == DEFAULT_JOBS
    assert params["per_host"].default == DEFAULT_PER_HOST


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(
    tmp_path: Path, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimkit.cli.verify import _run_with_progress
    from claimkit.parse import parse_file
    from claimkit.verify.claims import claim_refs
    from claimkit.verify.options import FetchOptions
    from claimkit.verify.run import Plan

    path = explainer(tmp_path, good_rows(server))
    refs = claim_refs([parse_file(str(path))])
    plan = Plan(FetchOptions(read_timeout=1.0))
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    _, results = _run_with_progress(refs, 2, plan)
    assert "checking sources" in terminal.getvalue()
    assert [r.sentence.kind.value for r in results] == ["found"] * 3
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    _run_with_progress(refs, 2, plan)
    assert piped.getvalue() == ""

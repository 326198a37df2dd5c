"""verify: lychee's --exclude/--include URL patterns, --accept status codes, and the
[tool.claimkit.verify] table, against a server on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from builder import Row
from claimkit.cli import app
from claimkit.verify.options import FetchOptions, parse_accept
from test_verify_cli import explainer
from verify_server import ARTICLE_HTML, ARTICLE_SENTENCES, Reply, Server, html_reply, serve

FAST = ["--timeout", "1", "--connect-timeout", "1", "--backoff", "0.01", "--no-cache"]


@pytest.fixture
def server() -> Iterator[Server]:
    with serve() as running:
        running.route("/article", html_reply(ARTICLE_HTML))
        running.route("/blocked", Reply(403, b"<p>no bots</p>", {"Content-Type": "text/html"}))
        yield running


def _doc(tmp_path: Path, server: Server) -> Path:
    return explainer(
        tmp_path,
        [
            Row("1", ARTICLE_SENTENCES[0], url=server.url("/article")),
            Row("2", ARTICLE_SENTENCES[1], url=server.url("/blocked")),
        ],
    )


def verify(tmp_path: Path, *args: str) -> tuple[int, dict[str, dict[str, object]], str]:
    result = CliRunner().invoke(app, ["verify", "--format", "json", *FAST, *args])
    data = json.loads(result.stdout) if result.stdout.strip() else {}
    links = {str(link["url"]).rsplit("/", 1)[-1]: link for link in data.get("links", [])}
    return result.exit_code, links, result.stderr


def test_403_is_dead_by_default_and_alive_when_accepted(tmp_path: Path, server: Server) -> None:
    path = str(_doc(tmp_path, server))
    code, links, _ = verify(tmp_path, path)
    assert code == 1 and links["blocked"]["status"] == "broken"
    code, links, _ = verify(tmp_path, "--accept", "200..=299,403", path)
    assert code == 0 and links["blocked"]["status"] == "ok"
    assert links["blocked"]["http_status"] == 403


def test_exclude_skips_and_include_wins(tmp_path: Path, server: Server) -> None:
    path = str(_doc(tmp_path, server))
    code, links, _ = verify(tmp_path, "--exclude", r"/blocked$", path)
    assert code == 0
    assert links["blocked"]["status"] == "excluded"
    assert server.hits.get("/blocked", 0) == 0  # never fetched
    code, links, _ = verify(tmp_path, "--exclude", "127\\.0\\.0\\.1", "--include", "article", path)
    assert links["blocked"]["status"] == "excluded" and links["article"]["status"] == "ok"


def test_config_table_applies_and_flags_add(tmp_path: Path, server: Server) -> None:
    path = str(_doc(tmp_path, server))
    (tmp_path / "claimkit.toml").write_text(
        '[verify]\naccept = ["403"]\nexclude = ["nothing-matches-this"]\n', encoding="utf-8"
    )
    code, links, _ = verify(tmp_path, path)
    assert code == 0 and links["blocked"]["status"] == "ok"
    code, links, _ = verify(tmp_path, "--exclude", "article", path)
    assert links["article"]["status"] == "excluded"
    code, links, _ = verify(tmp_path, "--accept", "200", path)  # the flag replaces accept
    assert code == 1 and links["blocked"]["status"] == "broken"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--accept", "700"], "--accept: status codes run from 100 to 599"),
        (["--accept", "two hundred"], "--accept: not a status code or range"),
        (["--exclude", "("], "--exclude/--include: invalid regular expression '('"),
    ],
)
def test_bad_flags_are_one_line_errors(tmp_path: Path, args: list[str], message: str) -> None:
    path = tmp_path / "a.md"
    path.write_text("# x\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["verify", *args, str(path)])
    assert result.exit_code == 2 and result.stderr.startswith(f"claimkit: error: {message}")


@pytest.mark.parametrize(
    ("table", "line", "message"),
    [
        ('[verify]\naccept = ["abc"]\n', 2, "verify.accept"),
        ('[verify]\nexclude = ["("]\n', 2, "invalid regular expression"),
        ("[verify]\nretries = -1\n", 2, "verify.retries"),
        ("[verify]\ntimeuot = 3\n", 2, "did you mean 'timeout'"),
    ],
)
def test_bad_verify_table_is_file_line(tmp_path: Path, table: str, line: int, message: str) -> None:
    (tmp_path / "claimkit.toml").write_text(table, encoding="utf-8")
    path = tmp_path / "a.md"
    path.write_text("# x\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["verify", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"claimkit: error: {tmp_path / 'claimkit.toml'}:{line}: ")
    assert message in result.stderr


def test_accept_ranges_read_as_lychee_reads_them() -> None:
    assert parse_accept(["200..=204"]) == frozenset(range(200, 205))
    assert parse_accept(["200..204"]) == frozenset(range(200, 204))
    assert parse_accept(["403, 429", 500]) == frozenset({403, 429, 500})
    assert parse_accept(["200-201"]) == frozenset({200, 201})


def test_include_wins_over_exclude() -> None:
    options = FetchOptions(exclude=("example",), include=("keep",))
    assert options.excluded("https://example.com/a") == "example"
    assert options.excluded("https://example.com/keep") is None


def test_config_show_lists_the_verify_table_only_when_set(tmp_path: Path) -> None:
    runner = CliRunner()
    plain = runner.invoke(app, ["config", "show", str(tmp_path)]).stdout
    assert "verify." not in plain
    (tmp_path / "claimkit.toml").write_text(
        '[verify]\naccept = ["200..=299", 403]\ntimeout = 20\n', encoding="utf-8"
    )
    shown = runner.invoke(app, ["config", "show", str(tmp_path)]).stdout
    assert 'verify.accept = ["200..=299", "403"]' in shown
    assert "verify.timeout = 20.0" in shown and "claimkit.toml:3" in shown


def test_lint_online_reads_the_verify_table(
    tmp_path: Path, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    path = str(_doc(tmp_path, server))

    def dead() -> list[str]:
        result = CliRunner().invoke(
            app, ["lint", "--online", "--format", "json", "--select", "CK501", path]
        )
        return [str(item["message"]) for item in json.loads(result.stdout)]

    assert len(dead()) == 1 and "broken (HTTP 403" in dead()[0]
    (tmp_path / "claimkit.toml").write_text("[verify]\naccept = [403]\n", encoding="utf-8")
    assert dead() == []

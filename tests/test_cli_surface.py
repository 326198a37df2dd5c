"""The CLI behaves like the linters people already trust: help, hints, flags, formats."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("claimkit")
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "panama-canal-drought.md"


def run(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[int, str, str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "TERMINAL_WIDTH")}
    environment.update(env or {})
    done = subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, env=environment, cwd=cwd, check=False
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize(
    "command",
    ["lint", "dedupe", "verify", "bias-report", "ratings import", "ratings lookup",
     "ratings list", "config show", "config schema", "rules", "rule", "parse", ""],
)  # fmt: skip
def test_piped_help_never_cuts_an_option_name(command: str) -> None:
    code, out, _ = run(*command.split(), "--help")
    assert code == 0
    assert "…" not in out
    if command == "lint":
        assert "--report-unused-suppressions" in out


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["lint", "--select", "CK1O1", str(EXAMPLE)], "did you mean 'CK101'?"),
        (["lint", "--ignore", "uncited-claims", str(EXAMPLE)], "did you mean 'uncited-claim'?"),
        (["rule", "dangling-citations"], "did you mean 'dangling-citation'?"),
    ],
)
def test_unknown_rule_gets_a_did_you_mean(args: list[str], hint: str) -> None:
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert err.startswith("claimkit: error: unknown rule") and hint in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("doc", ["README.md", "docs/pre-commit.md"])
def test_precommit_snippet_pins_a_commit_not_a_missing_tag(doc: str) -> None:
    import re

    root = EXAMPLE.parent.parent
    revs = re.findall(r"^\s*rev:\s*(\S+)", (root / doc).read_text(encoding="utf-8"), re.M)
    assert revs
    # No release is tagged: a rev must be a full commit SHA, never an invented tag.
    assert all(re.fullmatch(r"[0-9a-f]{40}", rev) for rev in revs), revs


# --- flags ruff users reach for -------------------------------------------------------

import json  # noqa: E402
import shutil  # noqa: E402

from conftest import write  # noqa: E402


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "docs" / "canal.md"
    target.parent.mkdir(parents=True)
    shutil.copyfile(EXAMPLE, target)
    return target


def test_exit_zero_keeps_the_report_and_exits_0(example: Path, cli) -> None:
    plain = cli("lint", "docs")
    zero = cli("lint", "--exit-zero", "docs")
    assert plain.code == 1 and zero.code == 0
    assert zero.stdout == plain.stdout and zero.stdout
    assert cli("lint", "--exit-zero", "missing.md").code == 2  # an error stays an error


def test_statistics_counts_per_rule(example: Path, cli) -> None:
    result = cli("lint", "--statistics", "docs")
    assert result.code == 1
    assert result.stdout.splitlines() == [
        "4\tCK203\t[*] bias-label-mismatch",
        "3\tCK102\tuncited-claim",
        "3\tCK205\tmissing-source-date",
        "2\tCK202\tunrated-source",
        "2\tCK301\t[*] duplicate-claim",
    ]
    rows = json.loads(cli("lint", "--statistics", "--output-format", "json", "docs").stdout)
    assert rows[0] == {"code": "CK203", "name": "bias-label-mismatch", "count": 4, "fixable": True}


def test_show_fixes_lists_fixable_then_fixed(example: Path, cli) -> None:
    listed = (
        "problems:\n- docs/canal.md:\n    4 \u00d7 CK203 (bias-label-mismatch)\n"
        "    2 \u00d7 CK301 (duplicate-claim)\n"
    )
    before = cli("lint", "--show-fixes", "docs")
    assert "Fixable 6 " + listed in before.stderr.replace("\\", "/")
    after = cli("lint", "--fix", "--show-fixes", "docs")
    assert "Fixed 6 " + listed in after.stderr.replace("\\", "/")
    assert "Fixed 6 problems, 8 remaining." in after.stderr  # the summary agrees


def test_output_format_is_format(example: Path, cli) -> None:
    assert cli("lint", "--output-format", "json", "docs").stdout == (
        cli("lint", "--format", "json", "docs").stdout
    )


def test_dash_v_prints_the_version() -> None:
    from claimkit import __version__

    code, out, _ = run("-V")
    assert code == 0 and out == f"claimkit {__version__}\n"


@pytest.mark.parametrize(
    ("flag", "env", "coloured"),
    [
        ("always", {}, True),
        ("never", {"FORCE_COLOR": "1"}, False),
        ("auto", {"NO_COLOR": "1", "FORCE_COLOR": ""}, False),
        ("auto", {}, False),  # a pipe is no terminal
    ],
)
def test_color_flag(example: Path, flag: str, env: dict[str, str], coloured: bool) -> None:
    code, out, _ = run("lint", f"--color={flag}", "docs", env=env, cwd=example.parent.parent)
    assert code == 1 and out
    assert ("\x1b[" in out) is coloured


def _explainer_dirs(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for name in ("docs/a.md", "docs/drafts/b.md", "archive/c.md"):
        write(tmp_path / name, text)
    write(tmp_path / "claimkit.toml", 'exclude = ["archive"]\n')


def _linted(cli, *flags: str) -> set[str]:
    result = cli("lint", "--format", "json", "--exit-zero", *flags, ".")
    return {item["path"].replace("\\", "/") for item in json.loads(result.stdout)}


def test_cli_exclude_replaces_and_extend_exclude_adds(tmp_path: Path, cli) -> None:
    _explainer_dirs(tmp_path)
    assert _linted(cli) == {"./docs/a.md", "./docs/drafts/b.md"}
    assert _linted(cli, "--extend-exclude", "drafts") == {"./docs/a.md"}
    assert _linted(cli, "--exclude", "drafts") == {"./docs/a.md", "./archive/c.md"}
    assert _linted(cli, "--extend-exclude", "docs/*/b.md") == {"./docs/a.md"}
    bad = cli("lint", "--exclude", "", ".")
    assert bad.code == 2 and bad.stderr.startswith("claimkit: error: --exclude: ")


def test_extend_exclude_is_shared_by_every_command(tmp_path: Path, cli) -> None:
    _explainer_dirs(tmp_path)
    report = json.loads(
        cli("bias-report", "--format", "json", "--extend-exclude", "drafts", ".").stdout
    )
    assert [d["path"].replace("\\", "/") for d in report["documents"]] == ["./docs/a.md"]
    dedupe = json.loads(cli("dedupe", "--format", "json", "--extend-exclude", "drafts", ".").stdout)
    assert [f["path"].replace("\\", "/") for f in dedupe["files"]] == ["./docs/a.md"]


@pytest.mark.parametrize(
    "args",
    [
        ["lint", "--format", "json"],
        ["dedupe", "--format", "json"],
        ["bias-report", "--format", "json"],
    ],
)
@pytest.mark.parametrize("option", ["-o", "--output-file"])
def test_output_file_on_every_command(example: Path, cli, args: list[str], option: str) -> None:
    printed = cli(*args, "docs")
    written = cli(*args, option, "out/report.json", "docs")
    assert written.code == printed.code and written.stdout == ""
    target = example.parent.parent / "out" / "report.json"
    assert target.read_text(encoding="utf-8") == printed.stdout
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_old_output_spelling_still_works(example: Path, cli) -> None:
    assert cli("bias-report", "--output", "r.txt", "docs").code == 0
    assert (example.parent.parent / "r.txt").read_text(encoding="utf-8").startswith("docs")


# --- shell completion (typer's) ----------------------------------------------------------


def test_completion_script_and_answers() -> None:
    code, out, _ = run("--show-completion", "bash")
    assert code == 0 and "_CLAIMKIT_COMPLETE=complete_bash" in out
    env = {"_CLAIMKIT_COMPLETE": "complete_bash", "COMP_WORDS": "claimkit li", "COMP_CWORD": "1"}
    assert run(env=env)[1].split() == ["lint"]
    env = {"_CLAIMKIT_COMPLETE": "complete_bash", "COMP_WORDS": "claimkit lint --exit-",
           "COMP_CWORD": "2"}  # fmt: skip
    assert sorted(run(env=env)[1].split()) == ["--exit-non-zero-on-fix", "--exit-zero"]


# --- progress bars: on a terminal only -----------------------------------------------------


def _corpus(tmp_path: Path, count: int = 12) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    for n in range(count):
        write(tmp_path / "corpus" / f"e{n:02}.md", text)
    return tmp_path / "corpus"


def _with_tty_stderr(args: list[str], cwd: Path) -> tuple[int, str, str]:
    """Run claimkit with stderr on a pseudo-terminal (as in an interactive shell)."""
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    env.update(TERM="xterm", COLUMNS="100")
    with subprocess.Popen(
        [str(SCRIPT), *args], cwd=cwd, stdout=subprocess.PIPE, stderr=slave, env=env
    ) as process:
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        stdout = process.stdout.read().decode() if process.stdout else ""
        code = process.wait()
    os.close(master)
    return code, stdout, b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize(
    ("command", "label"), [("lint", "linting"), ("dedupe", "deduplicating"),
                           ("bias-report", "reporting")]
)  # fmt: skip
def test_progress_bar_on_a_terminal_only(tmp_path: Path, command: str, label: str) -> None:
    _corpus(tmp_path)
    code, stdout, terminal = _with_tty_stderr([command, "corpus"], tmp_path)
    assert label in terminal and "12/12" in terminal
    assert label not in stdout
    piped_code, piped_out, piped_err = run(command, "corpus", cwd=tmp_path)
    assert label not in piped_err and piped_code == code
    assert piped_out == stdout  # the report itself is the same either way
    _, _, quiet = _with_tty_stderr([command, "-q", "corpus"], tmp_path)
    assert label not in quiet


@pytest.mark.parametrize(
    "args",
    [["rules"], ["dedupe", "docs"], ["bias-report", "docs"], ["config", "show", "docs"],
     ["parse", "docs/canal.md"]],
)  # fmt: skip
def test_output_format_is_an_alias_of_format_on_every_command(
    example: Path, cli, args: list[str]
) -> None:
    spelled = cli(*args, "--output-format", "json")
    assert spelled.stdout == cli(*args, "--format", "json").stdout
    json.loads(spelled.stdout)


def _listed_total(stderr: str, verb: str) -> int | None:
    found = re.search(rf"^{verb} (\d+) problems?:$", stderr, re.MULTILINE)
    return int(found.group(1)) if found else None


@pytest.mark.parametrize("extra", [(), ("--unsafe-fixes",), ("--diff",)])
def test_show_fixes_and_the_run_total_count_the_same_fixes(
    tmp_path: Path, cli, extra: tuple[str, ...]
) -> None:
    """One count of what --fix did: the enumeration and the closing line agree, and the
    per-rule lines add up to it (a row that an exact merge removes may also carry a
    near-duplicate finding of a kind the run does not apply: not counted by either)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from generate_corpus import generate

    generate(str(tmp_path / "docs"), 20, seed=7)  # explainer 16 has such a row
    done = cli("lint", "--no-cache", "--fix", "--show-fixes", *extra, "docs")
    verb = "Would fix" if "--diff" in extra else "Fixed"
    listed = _listed_total(done.stderr, verb)
    closing = re.search(rf"^claimkit: {verb} (\d+) problems?[ ,]", done.stderr, re.M)
    assert listed is not None and closing is not None, done.stderr
    assert listed == int(closing.group(1)) > 0
    per_rule = sum(int(n) for n in re.findall(r"^    (\d+) \u00d7 CK", done.stderr, re.MULTILINE))
    assert per_rule == listed

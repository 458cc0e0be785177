"""The Python package against the command line: the contract, errors, threads, and every
fixture's result equal to `postlint check --format jsonl` for the same post."""

import json
import os
import pathlib
import subprocess
import threading
from datetime import date

import pytest

from postlint import Linter, PostlintError, Result

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "posts"
CLI = os.environ.get("POSTLINT_CLI", str(ROOT / "target" / "release" / "postlint"))

SALESY_DA = "Sæt kryds i kalenderen 🚑 Kæmpe rabat! Køb nu – tilbuddet gælder kun i dag!"


def cli(*args, stdin=None):
    env = dict(os.environ, LANG="C", NO_COLOR="1")
    env.pop("POSTLINT_CONFIG", None)
    return subprocess.run(
        [CLI, *args], input=stdin, capture_output=True, text=True, env=env, cwd=ROOT
    )


def test_the_contract_object():
    linter = Linter(locale="da")
    result = linter.check(SALESY_DA, platforms=["linkedin"], source="post-1")
    assert isinstance(result, Result)
    d = result.to_dict()
    for key in [
        "source",
        "language",
        "platforms",
        "entities",
        "scores",
        "content_type",
        "signals",
        "verdict",
        "reviewers",
        "findings",
        "audit",
    ]:
        assert key in d, key
    assert d["source"] == "post-1"
    assert result.language == "da"
    assert result.platforms[0].name == "linkedin"
    assert result.verdict in ("review", "block")
    discount = next(f for f in result.findings if f.rule == "sales.discount")
    # Byte offsets into the UTF-8 text; the column counts characters, as Python does.
    raw = SALESY_DA.encode()
    assert raw[discount.span.start : discount.span.end].decode().lower() == "rabat"
    assert SALESY_DA[discount.span.column - 1 :].lower().startswith("rabat")
    assert "rabat" in discount.message
    assert result.audit["guideline"] == "recommended"


def test_guideline_as_text_path_and_front_matter(tmp_path):
    toml = 'extends = ["recommended"]\nplatforms = ["x"]\n[rules."sales.discount"]\nroute = "comms"\n'
    by_text = Linter(toml, locale="en").check(SALESY_DA)
    path = tmp_path / "postlint.toml"
    path.write_text(toml, encoding="utf-8")
    by_path = Linter(path, locale="en").check(SALESY_DA)
    by_str = Linter(str(path), locale="en").check(SALESY_DA)
    assert by_text.reviewers == by_path.reviewers == by_str.reviewers == ["comms"]
    assert by_path.platforms[0].name == "x"
    assert by_text.audit["guideline_sha256"] == by_path.audit["guideline_sha256"]
    # Front matter and a waiver, as in a draft file.
    draft = (
        '+++\nwaive = [{ rule = "sales", reason = "Kampagnen er godkendt", by = "comms" }]\n+++\n'
        + SALESY_DA
    )
    waived = Linter(toml, locale="en").check(draft)
    assert waived.reviewers == []
    assert all(f.waived for f in waived.findings if f.rule.startswith("sales."))


def test_errors_carry_the_command_lines_message_and_location(tmp_path):
    bad = tmp_path / "postlint.toml"
    bad.write_text('extends = ["recommended"]\n[rules."sales.scroe"]\nseverity = "warning"\n')
    with pytest.raises(PostlintError) as caught:
        Linter(bad)
    e = caught.value
    assert e.path == str(bad)
    assert (e.line, e.column) == (2, 8)
    assert e.message == "unknown rule `sales.scroe`"
    assert e.help == "did you mean `sales.score`?"
    assert e.kind == "UnknownRule"
    # The command line says the same, at the same place.
    run = cli("check", "--config", str(bad), stdin="Hej")
    assert run.returncode == 2
    # (miette wraps the line at the terminal width: compare the words.)
    said = " ".join(run.stderr.replace("│", " ").split())
    assert f"{bad}:2:8: unknown rule `sales.scroe`" in said
    assert str(e) == f"{bad}:2:8: unknown rule `sales.scroe`"
    with pytest.raises(PostlintError, match="unknown platform `myspace`"):
        Linter().check("Hej", platforms=["myspace"])
    with pytest.raises(PostlintError, match="unsupported language"):
        Linter().check("Hej", language="sv")
    with pytest.raises(PostlintError, match="needs a reason|skal have en begrundelse"):
        Linter().check('+++\nwaive = [{ rule = "sales", reason = " " }]\n+++\nHej')


def test_check_many_keeps_the_order_and_matches_check():
    linter = Linter(locale="en", date=date(2026, 12, 1))
    texts = [SALESY_DA, "Hej", "Tak for i dag!", "Køb nu: https://bit.ly/x"] * 50
    many = linter.check_many(texts)
    assert len(many) == len(texts)
    for i, (text, r) in enumerate(zip(texts, many)):
        one = linter.check(text, source=str(i)).to_dict()
        assert r.to_dict() == one


def test_threads_share_one_linter():
    linter = Linter(locale="da", date="2026-12-01")
    expected = linter.check(SALESY_DA).to_dict()
    seen, errors = [], []

    def work():
        try:
            for _ in range(50):
                seen.append(linter.check(SALESY_DA).to_dict())
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(seen) == 400
    assert all(s == expected for s in seen)


def fixture_cases():
    for txt in sorted(FIXTURES.glob("*.txt")):
        header = {}
        for line in txt.with_suffix(".expected").read_text(encoding="utf-8").splitlines():
            if line.startswith("# "):
                for part in line[2:].split(", "):
                    if ": " in part:
                        k, v = part.split(": ", 1)
                        header[k.strip()] = v.strip()
        yield pytest.param(txt, header, id=txt.stem)


@pytest.mark.parametrize("txt,header", list(fixture_cases()))
def test_every_fixture_equals_the_command_line(txt, header):
    args = ["check", "--format", "jsonl", "--fail-on", "never", "--locale", "en"]
    guideline = None
    if "guideline" in header:
        guideline = ROOT / "fixtures" / "guidelines" / header["guideline"]
        args += ["--config", str(guideline)]
    else:
        args += ["--no-config"]
    if "date" in header:
        args += ["--date", header["date"]]
    platforms = header.get("platforms")
    if platforms:
        for p in platforms.split(","):
            args += ["--platform", p.strip()]
    rel = str(txt.relative_to(ROOT))
    run = cli(*args, rel)
    assert run.returncode in (0, 1), run.stderr
    expected = json.loads(run.stdout)
    linter = Linter(guideline, locale="en", date=header.get("date"))
    kwargs = {"platforms": [p.strip() for p in platforms.split(",")]} if platforms else {}
    text = txt.read_bytes().decode("utf-8")
    got = linter.check(text, source=rel, **kwargs).to_dict()
    assert got == expected


def test_the_package_docstring_example_runs():
    import doctest

    import postlint

    failures, tried = doctest.testmod(postlint)
    assert tried > 0 and failures == 0


def test_an_absurd_thread_count_is_capped():
    linter = Linter(locale="en", date="2026-12-01")
    texts = ["Hej med jer", SALESY_DA] * 20
    assert [r.to_dict() for r in linter.check_many(texts, threads=10**6)] == [
        r.to_dict() for r in linter.check_many(texts, threads=1)
    ]

"""The Spark job in local mode (`local[2]`) on a generated archive of 100,000 posts: its
verdict counts equal the command line's for the same posts, and its tables hold one row per
post and one per finding. Run by scripts/test-spark, which prepares the archive and the CLI's
answer and says where they are."""

import collections
import json
import os
import pathlib
import subprocess
import sys

import pyarrow.parquet as pq

HERE = pathlib.Path(__file__).resolve().parent
ARCHIVE = pathlib.Path(os.environ["POSTLINT_SPARK_ARCHIVE"])
CLI_ANSWER = pathlib.Path(os.environ["POSTLINT_SPARK_CLI"])
GUIDELINE = os.environ["POSTLINT_SPARK_GUIDELINE"]
OUT = pathlib.Path(os.environ["POSTLINT_SPARK_OUT"])
DATE = "2026-12-01"


def job(source, out, *extra):
    """Runs the job in local[2] and returns its summary."""
    run = subprocess.run(
        [
            sys.executable,
            str(HERE / "postlint_job.py"),
            "--master",
            "local[2]",
            "--input",
            str(source),
            "--output",
            str(out),
            "--guideline",
            GUIDELINE,
            "--date",
            DATE,
            *extra,
        ],
        capture_output=True,
        text=True,
        # The executors' Python is this one, where postlint and pyarrow are installed.
        env=dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable),
    )
    assert run.returncode == 0, run.stderr[-4000:]
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


def cli_counts(limit=None):
    verdicts, rules = collections.Counter(), collections.Counter()
    with CLI_ANSWER.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                break
            d = json.loads(line)
            verdicts[d["verdict"]] += 1
            for finding in d["findings"]:
                rules[finding["rule"]] += 1
    return dict(verdicts), dict(rules)


def test_a_parquet_archive_reads_the_same():
    import pyarrow as pa

    rows = [json.loads(line) for _, line in zip(range(2000), ARCHIVE.open(encoding="utf-8"))]
    table = pa.Table.from_pylist(rows)
    source = OUT.parent / "archive.parquet"
    pq.write_table(table, source)
    summary = job(source, OUT.parent / "out-parquet", "--format", "parquet")
    verdicts, rules = cli_counts(2000)
    assert summary["posts"] == 2000
    assert summary["verdicts"] == verdicts
    assert summary["rules"] == rules


def test_the_job_matches_the_command_line():
    posts = sum(1 for _ in ARCHIVE.open(encoding="utf-8"))
    assert posts == 100_000
    summary = job(ARCHIVE, OUT)
    cli, cli_findings = cli_counts()
    assert summary["posts"] == posts
    assert summary["verdicts"] == cli
    assert summary["rules"] == cli_findings
    verdicts = pq.read_table(OUT / "verdicts")
    findings = pq.read_table(OUT / "findings")
    assert verdicts.num_rows == posts
    assert findings.num_rows == sum(cli_findings.values())
    assert set(verdicts.column("guideline_sha256").to_pylist()) and len(
        set(verdicts.column("guideline_sha256").to_pylist())
    ) == 1
    print(
        f"\nSpark local[2]: {posts} posts in {summary['seconds']} s "
        f"({summary['posts_per_second']} posts/s)"
    )

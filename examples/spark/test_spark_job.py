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


def test_the_job_matches_the_command_line():
    posts = sum(1 for _ in ARCHIVE.open(encoding="utf-8"))
    assert posts == 100_000
    run = subprocess.run(
        [
            sys.executable,
            str(HERE / "postlint_job.py"),
            "--master",
            "local[2]",
            "--input",
            str(ARCHIVE),
            "--output",
            str(OUT),
            "--guideline",
            GUIDELINE,
            "--date",
            DATE,
        ],
        capture_output=True,
        text=True,
        # The executors' Python is this one, where postlint and pyarrow are installed.
        env=dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable),
    )
    assert run.returncode == 0, run.stderr[-4000:]
    summary = json.loads((OUT / "summary.json").read_text(encoding="utf-8"))
    cli = collections.Counter()
    cli_findings = collections.Counter()
    for line in CLI_ANSWER.open(encoding="utf-8"):
        d = json.loads(line)
        cli[d["verdict"]] += 1
        for f in d["findings"]:
            cli_findings[f["rule"]] += 1
    assert summary["posts"] == posts
    assert summary["verdicts"] == dict(cli)
    assert summary["rules"] == dict(cli_findings)
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

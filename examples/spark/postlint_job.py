"""Re-check an archive of posts against a guideline on Apache Spark.

Reads posts from Parquet or JSON Lines (columns ``id`` and ``text``; ``platform``,
``language`` and ``date`` when present), checks them with the ``postlint`` Python package
inside a vectorised Arrow UDF (``mapInArrow``: one ``Linter`` per executor process, built on
first use and kept), and writes two Parquet tables and a summary:

- ``OUT/verdicts``: one row per post: ``id``, ``verdict``, ``reviewers``, ``findings``,
  ``content_type``, ``salesiness``, ``guideline_sha256``;
- ``OUT/findings``: one row per finding: ``id``, ``rule``, ``severity``, ``start``, ``end``,
  ``line``, ``column``, ``message``, ``route``, ``waived``;
- ``OUT/summary.json``: posts by verdict and findings by rule, and the posts per second.

    spark-submit examples/spark/postlint_job.py --input posts.jsonl --output out \\
        [--guideline postlint.toml] [--locale da] [--date 2027-01-15] [--format jsonl|parquet]

On a cluster, install the wheel on every executor (``pip wheel ./python`` builds it;
``spark-submit --py-files`` cannot carry a compiled extension) and ship the guideline with
``--files postlint.toml``; the job reads it from the working directory of each executor.
"""

import argparse
import json
import os
import time

import pyarrow as pa
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

# What one batch of posts becomes: a post's row and its findings' rows travel together, in
# one Arrow table, so each post is checked once; the job splits them afterwards.
OUT_SCHEMA = pa.schema(
    [
        ("kind", pa.string()),  # "post" or "finding"
        ("id", pa.string()),
        ("verdict", pa.string()),
        ("reviewers", pa.list_(pa.string())),
        ("findings", pa.int32()),
        ("content_type", pa.string()),
        ("salesiness", pa.int32()),
        ("guideline_sha256", pa.string()),
        ("rule", pa.string()),
        ("severity", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("line", pa.int32()),
        ("column", pa.int32()),
        ("message", pa.string()),
        ("route", pa.string()),
        ("waived", pa.bool_()),
    ]
)

# The same schema in Spark's words, for mapInArrow.
_SPARK_TYPES = {
    pa.string(): "string",
    pa.int32(): "int",
    pa.int64(): "bigint",
    pa.bool_(): "boolean",
    pa.list_(pa.string()): "array<string>",
}
SPARK_SCHEMA = ", ".join(f"`{f.name}` {_SPARK_TYPES[f.type]}" for f in OUT_SCHEMA)

_LINTER = {}


def _linter(guideline, locale, date):
    """One Linter per executor process and settings: building it costs a cold start, checking
    with it microseconds."""
    key = (guideline, locale, date)
    if key not in _LINTER:
        from postlint import Linter

        path = guideline
        if guideline and not os.path.exists(guideline):
            # Shipped with --files: in the executor's working directory.
            path = os.path.basename(guideline)
        _LINTER[key] = Linter(path, locale=locale, date=date)
    return _LINTER[key]


def check_batches(guideline, locale, date):
    def run(batches):
        linter = _linter(guideline, locale, date)
        for batch in batches:
            cols = batch.to_pydict()
            ids = [str(i) for i in cols["id"]]
            texts = cols["text"]
            platforms = cols.get("platform") or [None] * len(texts)
            # One call per platform in the batch, on this task's core: Spark runs a task per
            # core already.
            results = [None] * len(texts)
            groups = {}
            for i, p in enumerate(platforms):
                groups.setdefault(p, []).append(i)
            for p, where in groups.items():
                checked = linter.check_many(
                    [texts[i] or "" for i in where], platforms=[p] if p else None, threads=1
                )
                for i, r in zip(where, checked):
                    results[i] = r
            rows = {name: [] for name in OUT_SCHEMA.names}

            def add(**values):
                for name in OUT_SCHEMA.names:
                    rows[name].append(values.get(name))

            for post_id, r in zip(ids, results):
                d = r.to_dict()
                add(
                    kind="post",
                    id=post_id,
                    verdict=d["verdict"],
                    reviewers=d["reviewers"],
                    findings=len(d["findings"]),
                    content_type=d.get("content_type"),
                    salesiness=d["scores"]["salesiness"],
                    guideline_sha256=d["audit"]["guideline_sha256"],
                )
                for f in d["findings"]:
                    add(
                        kind="finding",
                        id=post_id,
                        rule=f["rule"],
                        severity=f["severity"],
                        start=f["span"]["start"],
                        end=f["span"]["end"],
                        line=f["span"]["line"],
                        column=f["span"]["column"],
                        message=f["message"],
                        route=f["route"],
                        waived="waived" in f,
                    )
            yield pa.RecordBatch.from_pydict(rows, schema=OUT_SCHEMA)

    return run


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--format", choices=["jsonl", "parquet"], default=None)
    ap.add_argument("--guideline", default=None)
    ap.add_argument("--locale", default=None)
    ap.add_argument("--date", default=None)
    ap.add_argument("--master", default=None, help="e.g. local[2]; default: spark-submit's")
    args = ap.parse_args(argv)

    builder = SparkSession.builder.appName("postlint")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    fmt = args.format or ("parquet" if args.input.endswith(".parquet") else "jsonl")
    posts = (
        spark.read.parquet(args.input)
        if fmt == "parquet"
        else spark.read.json(args.input)
    )
    wanted = [c for c in ("id", "text", "platform") if c in posts.columns]
    started = time.time()
    checked = posts.select(*wanted).mapInArrow(
        check_batches(args.guideline, args.locale, args.date), SPARK_SCHEMA
    )
    checked = checked.cache()
    verdicts = checked.where(F.col("kind") == "post").select(
        "id", "verdict", "reviewers", "findings", "content_type", "salesiness", "guideline_sha256"
    )
    findings = checked.where(F.col("kind") == "finding").select(
        "id", "rule", "severity", "start", "end", "line", "column", "message", "route", "waived"
    )
    verdicts.write.mode("overwrite").parquet(os.path.join(args.output, "verdicts"))
    findings.write.mode("overwrite").parquet(os.path.join(args.output, "findings"))
    by_verdict = {r["verdict"]: r["count"] for r in verdicts.groupBy("verdict").count().collect()}
    by_rule = {
        r["rule"]: r["count"]
        for r in findings.groupBy("rule").count().orderBy(F.desc("count")).collect()
    }
    seconds = time.time() - started
    total = sum(by_verdict.values())
    summary = {
        "posts": total,
        "verdicts": by_verdict,
        "rules": by_rule,
        "seconds": round(seconds, 2),
        "posts_per_second": round(total / seconds) if seconds else None,
    }
    os.makedirs(args.output, exist_ok=True)
    with open(os.path.join(args.output, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, ensure_ascii=False, indent=2)
    print(json.dumps({k: v for k, v in summary.items() if k != "rules"}))
    spark.stop()


if __name__ == "__main__":
    main()

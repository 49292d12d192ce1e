#!/usr/bin/env python3
"""Summarises a health-bench.sh run: per rung, the median over the rounds of its req/s, its ratio to
/health/live in the same round, and its P99 latency against live's P99 in the same round; then the
issue's targets. Usage: ladder.py <out dir> <rounds> <rung>..."""
import re
import statistics
import sys

out, rounds, names = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def read(round_, name):
    text = open(f"{out}/{round_}-{name}.txt").read()
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    return rate, float(p99.group(1)) * UNIT[p99.group(2)], int(errors.group(1)) if errors else 0


def sql_rate(round_):
    text = open(f"{out}/{round_}-sql.txt").read()
    return float(re.search(r"([\d.]+) queries/s", text).group(1))


runs = {n: [read(r, n) for r in range(1, rounds + 1)] for n in names}
sql = [sql_rate(r) for r in range(1, rounds + 1)]
median = statistics.median
print(f"{'rung':<8} {'req/s':>8} {'x live':>7} {'p99 ms':>8} {'p99 x live':>10} {'non-2xx':>8}")
for n in names:
    rates = [r for r, _, _ in runs[n]]
    ratio = median(runs[n][i][0] / runs["live"][i][0] for i in range(rounds))
    p99 = median(p for _, p, _ in runs[n])
    p99_ratio = median(runs[n][i][1] / runs["live"][i][1] for i in range(rounds))
    errors = sum(e for _, _, e in runs[n])
    print(f"{n:<8} {median(rates):>8.0f} {ratio:>7.2f} {p99:>8.2f} {p99_ratio:>10.2f} {errors:>8}")
print(f"{'raw SQL':<8} {median(sql):>8.0f} {median(sql[i] / runs['live'][i][0] for i in range(rounds)):>7.2f}"
      "   (the 1-year trend as one GROUP BY-day query over JDBC, queries/s)")


def ratio(a, b):
    return median(runs[a][i][0] / (runs[b][i][0] if b in runs else sql[i]) for i in range(rounds))


def p99x(a):
    return median(runs[a][i][1] / runs["live"][i][1] for i in range(rounds))


print()
for rung, target in (("me", 0.7), ("ingest", 0.35), ("trend", 0.5)):
    if rung in runs:
        r, p = ratio(rung, "live"), p99x(rung)
        print(f"target {rung:<6} >= {target} x live: {r:.2f} {'met' if r >= target else 'NOT met'};"
              f" p99 <= 2.5 x live's: {p:.2f} {'met' if p <= 2.5 else 'NOT met'}")
if "trend" in runs:
    r = ratio("trend", "sql")
    print(f"target trend  >= 3 x raw SQL: {r:.2f} {'met' if r >= 3 else 'NOT met'}")

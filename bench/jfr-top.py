#!/usr/bin/env python3
"""Where a JFR recording's CPU samples went: the methods that were running (self), and the methods
whose frames the samples passed through (inclusive), as shares of all samples.

    jfr print --stack-depth 512 --events jdk.ExecutionSample rec.jfr > samples.txt
    python3 bench/jfr-top.py samples.txt [rows=30] [filter substring for the inclusive list]
"""
import collections
import re
import sys

path = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 30
only = sys.argv[3] if len(sys.argv) > 3 else ""
frame = re.compile(r"^\s+([\w$.<>]+)\(.*line:")
samples, stacks, stack, inside = 0, [], [], False
for line in open(path, encoding="utf-8", errors="replace"):
    if line.startswith("jdk.ExecutionSample"):
        if stack:
            stacks.append(stack)
        stack, inside = [], False
    elif "stackTrace = [" in line:
        inside = True
    elif inside:
        m = frame.match(line)
        if m:
            stack.append(m.group(1))
if stack:
    stacks.append(stack)
samples = len(stacks)
self_count = collections.Counter(s[0] for s in stacks if s)
incl = collections.Counter()
for s in stacks:
    for name in set(s):
        if only in name:
            incl[name] += 1
print(f"{samples} samples (stacks are cut at JFR's depth, so inclusive shares are lower bounds)")
print("\nself:")
for name, n in self_count.most_common(rows):
    print(f"{100.0 * n / samples:6.1f}%  {name}")
print(f"\ninclusive{' (' + only + ')' if only else ''}:")
for name, n in incl.most_common(rows):
    print(f"{100.0 * n / samples:6.1f}%  {name}")

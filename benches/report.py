#!/usr/bin/env python3
"""Turns target/compare/ (written by benches/compare.sh) into Markdown tables.

    report.py WORK                  # prints the tables
    report.py WORK --readme FILE    # replaces the part of FILE between the figures markers
"""

import json
import statistics
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

BEGIN, END = "<!-- figures:begin -->", "<!-- figures:end -->"


def load(work):
    runs = defaultdict(list)
    facts = defaultdict(dict)
    for line in (work / "results.tsv").read_text().splitlines():
        kind, name, *values = line.split("\t")
        if kind == "run":
            runs[name].append((float(values[0]), int(values[1])))
        else:
            facts[kind][name] = values
    lsp = {}
    for server in ("section55", "yaml-language-server"):
        path = work / f"lsp-{server}.json"
        if path.exists():
            lsp[server] = json.loads(path.read_text())
    return runs, facts, lsp


def median(values):
    return statistics.median(values)


def tables(work):
    runs, facts, lsp = load(work)
    out = []
    m = facts["machine"]
    v = facts["version"]
    out.append(
        f"Measured {date.today().isoformat()} on {m['cpu'][0]}, {m['nproc'][0]} cores, {m['memory'][0]}; "
        f"section55 {v['section55'][0]}, check-jsonschema {v['check-jsonschema'][0]}, "
        f"ajv-cli {v['ajv-cli'][0]}, yaml-language-server {v['yaml-language-server'][0]}, "
        f"Node.js {v['node'][0]}, Python {v['python'][0]}."
    )
    out.append("")

    files = facts["corpus"]["files"][0]
    size = int(facts["corpus"]["bytes"][0]) / 1e6
    n = len(runs.get("check-2000/section55", []))
    out.append(f"**{files} generated response files ({size:.1f} MB)**, median of {n} runs after a warm-up:")
    out.append("")
    out.append("| tool | checks | wall time | × section55 | peak memory | × section55 | files invalid against the schema |")
    out.append("|---|---|---:|---:|---:|---:|---:|")
    base = runs["check-2000/section55"]
    base_wall = median([w for w, _ in base])
    base_kib = median([k for _, k in base])
    verdict = facts["verdict"]
    before = f" ({v['before'][0]})" if "before" in v else ""
    rows = [
        ("`section55 check`", "every rule", "check-2000/section55", "section55"),
        ("`section55 check`, one thread", "every rule", "check-2000/section55-1thread", "section55"),
        (f"before{before}", "every rule", "check-2000/before", ""),
        ("before, one thread", "every rule", "check-2000/before-1thread", ""),
        ("`check-jsonschema`", "schema only", "check-2000/check-jsonschema", "check-jsonschema"),
        ("`ajv validate` (ajv-cli)", "schema only, JSON copies", "check-2000/ajv-cli", "ajv-cli"),
    ]
    wall_of = {}
    for label, checks, key, tool in rows:
        if key not in runs:
            continue
        wall = wall_of[key] = median([w for w, _ in runs[key]])
        kib = median([k for _, k in runs[key]])
        out.append(
            f"| {label} | {checks} | {wall * 1000:.0f} ms | {wall / base_wall:.1f}× | "
            f"{kib / 1024:.0f} MB | {kib / base_kib:.1f}× | {verdict[tool][0] if tool else ''} |"
        )
    out.append("")
    ajv = wall_of["check-2000/ajv-cli"]
    ratios = [
        f"{label}: {ajv / wall_of[key]:.2f}×"
        for label, checks, key, _ in rows
        if checks == "every rule" and key in wall_of
    ]
    out.append("ajv-cli's time ÷ section55's (SPEC §8 asks at least 3×): " + "; ".join(ratios) + ".")
    out.append("")
    out.append(
        f"section55 also reported {verdict['section55 findings'][0]} findings in all "
        f"(errors in {verdict['section55 (any error)'][0]} files): it runs every rule, the others only the schema."
    )
    out.append("")

    cold = facts["cold"]
    out.append(f"**One small file ({cold['bytes'][0]} bytes), cold process** (hyperfine, median of 50 runs):")
    out.append("")
    out.append("| tool | median | × section55 |")
    out.append("|---|---:|---:|")
    ours = float(cold["section55"][0])
    for tool in ("section55", "before", "check-jsonschema", "ajv-cli"):
        if tool not in cold:
            continue
        t = float(cold[tool][0])
        out.append(f"| {tool} | {t:.1f} ms | {t / ours:.0f}× |")
    cold_runs = runs.get("cold/section55")
    if cold_runs:
        out.append("")
        out.append(f"Peak memory of that section55 process: {median([k for _, k in cold_runs]) / 1024:.1f} MB.")
    out.append("")

    if len(lsp) == 2:
        s, y = lsp["section55"], lsp["yaml-language-server"]
        delay = float(facts["lsp"]["yaml-language-server debounce ms"][0])
        out.append(
            "**Language servers**, driven over stdio by the same client (`benches/lsp_compare.py`); "
            "a change is one digit of `response_deadline`:"
        )
        out.append("")
        out.append("| | section55 lsp | yaml-language-server | of which its fixed delay | × section55 |")
        out.append("|---|---:|---:|---:|---:|")
        out.append(
            f"| start-up to `initialize` answered | {s['startup_ms']:.1f} ms | {y['startup_ms']:.0f} ms | | "
            f"{y['startup_ms'] / s['startup_ms']:.0f}× |"
        )
        for key, label in (("example", "change → diagnostics, example (9 KB), median"),
                           ("large", f"change → diagnostics, {s['large_bytes'] / 1e6:.1f} MB response, median")):
            a, b = s[key]["median_ms"], y[key]["median_ms"]
            out.append(
                f"| {label} | {a:.2f} ms | {b:.0f} ms | {delay:.0f} ms | {b / a:.0f}× "
                f"({(b - delay) / a:.0f}× without the delay) |"
            )
            out.append(
                f"| … 90th percentile | {s[key]['p90_ms']:.2f} ms | {y[key]['p90_ms']:.0f} ms | | |"
            )
        out.append(
            f"| resident memory, {s['documents']} documents open | {s['rss_kib'] / 1024:.1f} MB | "
            f"{y['rss_kib'] / 1024:.0f} MB | | {y['rss_kib'] / s['rss_kib']:.1f}× |"
        )
        out.append(
            f"| peak resident memory | {s['peak_rss_kib'] / 1024:.1f} MB | {y['peak_rss_kib'] / 1024:.0f} MB | | "
            f"{y['peak_rss_kib'] / s['peak_rss_kib']:.1f}× |"
        )
        out.append("")
        out.append(
            f"Rounds: section55 {s['example']['rounds']} on the example and {s['large']['rounds']} on the large file, "
            f"yaml-language-server {y['example']['rounds']} and {y['large']['rounds']}. Both servers reported the "
            f"schema's unknown-key error on a probe document: section55 {s['schema_probe']}, "
            f"yaml-language-server {y['schema_probe']}."
        )
    return "\n".join(out) + "\n"


def main():
    work = Path(sys.argv[1])
    text = tables(work)
    if len(sys.argv) > 3 and sys.argv[2] == "--readme":
        readme = Path(sys.argv[3])
        current = readme.read_text()
        start, end = current.index(BEGIN) + len(BEGIN), current.index(END)
        readme.write_text(current[:start] + "\n" + text + current[end:])
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()

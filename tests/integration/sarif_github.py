#!/usr/bin/env python3
"""(f) helper: compares `section55 check --format sarif` and `--format github` with `--format json`.

Usage: sarif_github.py sarif   JSON_OUT SARIF_OUT MULTITOOL_RESULT
       sarif_github.py github  JSON_OUT GITHUB_OUT
Prints "ok - ..." / "not ok - ..." lines and exits 1 when one failed.
"""
import json
import re
import sys

passed = failed = 0


def ok(what):
    global passed
    passed += 1
    print(f"ok - {what}")


def not_ok(what, detail=None):
    global failed
    failed += 1
    print(f"not ok - {what}")
    if detail:
        print("\n".join("    " + line for line in str(detail).splitlines()))


def check(cond, what, detail=None):
    (ok if cond else lambda w: not_ok(w, detail))(what)
    return cond


def key(path, rule, r, level):
    return (path, rule, r[0], r[1], r[2], r[3], level)


def json_keys(data, level_map):
    keys = []
    for d in data["diagnostics"]:
        r = d["range"]
        keys.append(key(d["path"], d["rule"],
                        (r["start"]["line"], r["start"]["column"], r["end"]["line"], r["end"]["column"]),
                        level_map[d["severity"]]))
    return sorted(keys)


def sarif(json_out, sarif_out, multitool_result):
    data = json.load(open(json_out, encoding="utf-8"))
    log = json.load(open(sarif_out, encoding="utf-8"))
    check(log.get("version") == "2.1.0", "SARIF version is 2.1.0", log.get("version"))
    runs = log.get("runs") or []
    if not check(len(runs) == 1, "SARIF has one run", len(runs)):
        return
    run = runs[0]
    driver = run.get("tool", {}).get("driver", {})
    check(driver.get("name") == "section55", "tool.driver.name is section55", driver.get("name"))
    rules = driver.get("rules") or []
    ids = [r.get("id") for r in rules]
    check(len(rules) > 0 and len(ids) == len(set(ids)), f"tool.driver.rules lists {len(rules)} rules, each once")
    incomplete = [
        r.get("id") for r in rules
        if not (r.get("shortDescription", {}).get("text") and r.get("fullDescription", {}).get("text")
                and (r.get("help", {}).get("text") or r.get("help", {}).get("markdown"))
                and r.get("defaultConfiguration", {}).get("level") in ("error", "warning", "note", "none"))
    ]
    check(not incomplete, "every rule has shortDescription, fullDescription, help and defaultConfiguration.level",
          f"incomplete: {incomplete}")
    for must in ("deadline-off-by-one", "placeholder-link", "schema", "unanswered-recommendation"):
        check(must in ids, f"rules include {must}")
    default_levels = {r.get("id"): r.get("defaultConfiguration", {}).get("level") for r in rules}
    check(default_levels.get("deadline-off-by-one") == "warning" and default_levels.get("schema") == "error",
          "default levels follow the rule table (deadline-off-by-one warning, schema error)", default_levels)

    results = run.get("results") or []
    bad = []
    got = []
    for res in results:
        rid = res.get("ruleId")
        level = res.get("level", "warning")
        if rid not in ids:
            bad.append(f"ruleId {rid} not in rules")
        if "ruleIndex" in res and (res["ruleIndex"] >= len(rules) or rules[res["ruleIndex"]].get("id") != rid):
            bad.append(f"ruleIndex {res['ruleIndex']} does not point at {rid}")
        if not res.get("message", {}).get("text"):
            bad.append(f"{rid}: no message.text")
        locs = res.get("locations") or []
        if len(locs) != 1:
            bad.append(f"{rid}: {len(locs)} locations")
            continue
        phys = locs[0].get("physicalLocation", {})
        uri = phys.get("artifactLocation", {}).get("uri", "")
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", uri) or uri.startswith("/") or "\\" in uri:
            bad.append(f"{rid}: uri {uri!r} is not relative to the working directory")
        region = phys.get("region", {})
        r = tuple(region.get(k) for k in ("startLine", "startColumn", "endLine", "endColumn"))
        if not all(isinstance(v, int) and v >= 1 for v in r):
            bad.append(f"{rid}: region {region} lacks 1-based startLine/startColumn/endLine/endColumn")
            continue
        got.append(key(uri, rid, r, level))
    check(not bad, f"every result ({len(results)}) has a known ruleId, a message, and one location "
                   "with a relative URI and a 1-based region", "\n".join(bad[:20]))
    want = json_keys(data, {"error": "error", "warning": "warning", "info": "note"})
    check(sorted(got) == want, f"SARIF results match the JSON diagnostics ({len(want)}: rule, path, range, level)",
          f"only in SARIF: {sorted(set(got) - set(want))[:10]}\nonly in JSON: {sorted(set(want) - set(got))[:10]}")

    mt = json.load(open(multitool_result, encoding="utf-8"))
    findings = [(x.get("level", "warning"), x.get("ruleId"), x.get("message", {}).get("id"),
                 x.get("message", {}).get("arguments"))
                for r in mt.get("runs", []) for x in r.get("results", [])]
    errors = [f for f in findings if f[0] == "error"]
    for f in findings:
        print(f"# multitool: {f[0]} {f[1]} {f[3]}")
    check(not errors, f"SARIF Multitool validate reports no errors ({len(findings)} warnings/notes)",
          "\n".join(map(str, errors)))


GITHUB = re.compile(
    r"^::(?P<cmd>error|warning|notice) (?P<props>[^:]*(?:%3A[^:]*)*)::(?P<msg>.*)$"
)


def unescape_data(s):
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_prop(s):
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def github(json_out, github_out):
    data = json.load(open(json_out, encoding="utf-8"))
    lines = [l for l in open(github_out, encoding="utf-8").read().splitlines() if l.strip()]
    bad = []
    got = []
    messages = {}
    for line in lines:
        m = GITHUB.match(line)
        if not m:
            if line.startswith("::"):
                bad.append(f"not a workflow command: {line}")
            continue  # a summary line is allowed
        props = {}
        for part in m.group("props").split(","):
            k, _, v = part.partition("=")
            props[k] = unescape_prop(v)
        missing = [k for k in ("file", "line", "col", "endLine", "endColumn", "title") if k not in props]
        if missing:
            bad.append(f"missing {missing}: {line}")
            continue
        try:
            r = tuple(int(props[k]) for k in ("line", "col", "endLine", "endColumn"))
        except ValueError:
            bad.append(f"non-numeric position: {line}")
            continue
        k = key(props["file"], props["title"], r, m.group("cmd"))
        got.append(k)
        messages[k] = unescape_data(m.group("msg"))
    check(not bad and got, f"every annotation ({len(got)}) is ::error/::warning/::notice with file, line, col, "
                           "endLine, endColumn and title=RULE", "\n".join(bad[:20]))
    want = json_keys(data, {"error": "error", "warning": "warning", "info": "notice"})
    check(sorted(got) == want, f"annotations match the JSON diagnostics ({len(want)}: file, rule, range, level)",
          f"only in github: {sorted(set(got) - set(want))[:10]}\nonly in JSON: {sorted(set(want) - set(got))[:10]}")
    json_messages = {}
    for d in data["diagnostics"]:
        r = d["range"]
        json_messages[key(d["path"], d["rule"], (r["start"]["line"], r["start"]["column"], r["end"]["line"],
                                                 r["end"]["column"]),
                          {"error": "error", "warning": "warning", "info": "notice"}[d["severity"]])] = d["message"]
    differ = [(k, messages.get(k), v) for k, v in json_messages.items() if k in messages and messages[k] != v
              and not messages[k].startswith(v)]
    check(not differ, "annotation messages (unescaped) carry the JSON messages", "\n".join(map(str, differ[:5])))


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "sarif":
        sarif(*sys.argv[2:5])
    elif mode == "github":
        github(*sys.argv[2:4])
    else:
        sys.exit(f"unknown mode {mode}")
    sys.exit(1 if failed else 0)

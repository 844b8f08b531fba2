#!/usr/bin/env python3
"""Renders every RESULTS/*.json (the shape bench/README.md gives) into docs/performance.md, each
part between its markers <!-- bench:PART begin --> and <!-- bench:PART end --> (a part without
markers yet is appended at the end). Usage: bench/report.py RESULTS_DIR [docs/performance.md]"""
import glob
import json
import os
import sys


def number(value):
    if value is None:
        return "—"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def spread(side):
    if not side:
        return "—"
    return f"{number(side['median'])} ({number(side['min'])}–{number(side['max'])}, {side['runs']} runs)"


def render(doc):
    m = doc.get("machine", {})
    lines = [f"### {doc['title']}", ""]
    load = m.get("load_before", "?")
    load = f"{load:.2f}" if isinstance(load, (int, float)) else load
    lines.append(f"Machine: {m.get('cpu', '?')}, {m.get('cores', '?')} cores"
                 + (f", {m['memory_gib']} GiB" if "memory_gib" in m else "")
                 + f", {m.get('os', '?')}; load average before the run {load}.")
    versions = ", ".join(f"{k} {v}" for k, v in doc.get("versions", {}).items())
    lines.append(f"Versions: {versions}.")
    lines.append(f"Command: `{doc.get('command', '?')}`. Each figure: median (min–max, runs).")
    lines.append("")
    peers = {r["peer"]["name"] for r in doc["rows"] if r.get("peer")}
    peer_title = " / ".join(sorted(peers)) if peers else "peer"
    lines.append(f"| case | measure | Duban | {peer_title} | Duban ÷ peer | target | met |")
    lines.append("| --- | --- | --- | --- | --- | --- | --- |")
    for r in doc["rows"]:
        met = {True: "yes", False: "**no**", None: "—"}[r.get("met")]
        ratio = "—" if r.get("ratio") is None else f"{r['ratio']:.2f}"
        lines.append(f"| {r['case']} | {r['metric']} ({r['unit']}) | {spread(r['duban'])} | "
                     f"{spread(r.get('peer'))} | {ratio} | {r.get('target') or '—'} | {met} |")
    if doc.get("notes"):
        lines.append("")
        lines += [f"- {note}" for note in doc["notes"]]
    return "\n".join(lines)


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    results = sys.argv[1]
    target = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "docs", "performance.md")
    with open(target) as f:
        text = f.read()
    for path in sorted(glob.glob(os.path.join(results, "*.json"))):
        with open(path) as f:
            doc = json.load(f)
        part = doc["part"]
        begin, end = f"<!-- bench:{part} begin -->", f"<!-- bench:{part} end -->"
        block = f"{begin}\n{render(doc)}\n{end}"
        if begin in text and end in text:
            head, rest = text.split(begin, 1)
            text = head + block + rest.split(end, 1)[1]
        else:
            text = text.rstrip("\n") + "\n\n" + block + "\n"
        print(f"rendered {path} into {target}", file=sys.stderr)
    with open(target, "w") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

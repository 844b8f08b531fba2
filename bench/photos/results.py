#!/usr/bin/env python3
"""Turns the samples of bench/photos/run.sh and bench/load/run.sh into <results-dir>/<part>.json,
the shape bench/report.py renders (bench/README.md): per row the median, min and max of the runs.

    results.py photos SAMPLES.jsonl OUT.json META.json
    results.py load   SAMPLES.jsonl OUT.json META.json

SAMPLES.jsonl: one JSON object per line, {"key": ..., "value": ...} (photos) or load_bench's
output, one line per device count (load). META.json: command, versions, machine, notes.
"""
import json
import statistics
import sys
from collections import defaultdict


def stats(values, name=None):
    if not values:
        return None
    out = {"median": round(statistics.median(values), 3), "min": round(min(values), 3),
           "max": round(max(values), 3), "runs": len(values)}
    if name:
        out = {"name": name, **out}
    return out


def row(case, metric, unit, duban, peer=None, ratio=None, target=None, met=None):
    return {"case": case, "metric": metric, "unit": unit, "duban": duban, "peer": peer,
            "ratio": None if ratio is None else round(ratio, 3), "target": target, "met": met}


def photos(samples, notes):
    by = defaultdict(list)
    for s in samples:
        by[s["key"]].append(s["value"])
    rows = []
    sizes = sorted({k.split("/")[1] for k in by if k.startswith("ours/")}, key=float)
    for size in sizes:
        ours, raw = stats(by[f"ours/{size}"]), stats(by[f"raw/{size}"], "curl, one PATCH")
        ratio = ours["median"] / raw["median"] if ours and raw else None
        rows.append(row(f"{size} MB photo, Duban client → duban-server", "throughput", "MB/s",
                        ours, raw, ratio, ">= 90% of the raw upload",
                        None if ratio is None else ratio >= 0.9))
    hwm = {size: stats(by[f"hwm/{size}"]) for size in sizes}
    base = hwm[sizes[0]]["median"] if sizes and hwm[sizes[0]] else None
    for size in sizes:
        if hwm[size]:
            flat = base is not None and hwm[size]["median"] <= base * 1.25 + 8
            rows.append(row(f"{size} MB photos, duban-server peak memory (VmHWM)", "memory",
                            "MiB", hwm[size], None, None, "flat with file size", flat))
    cuts = stats(by["resent"])
    if cuts:
        # Each cut is held to the chunk it hit (chunks grow while they go fast).
        hit = by["cut_chunk"]
        rows.append(row("2.5 MB photo cut at a random byte, resumed", "bytes re-sent per cut",
                        "KiB", cuts, None, None,
                        f"<= 1 chunk, the one cut ({min(hit):.0f}–{max(hit):.0f} KiB)",
                        all(r <= c for r, c in zip(by["resent"], hit))))
    for key, case, peer_key, peer_name in [
            ("peer-server-ours", "2.5 MB photo, Duban client → duban-server vs → @tus/server",
             "peer-server", "@tus/server + file-store"),
            ("peer-client-ours", "2.5 MB photo to duban-server, Duban client vs tus-js-client",
             "peer-client", "tus-js-client")]:
        ours, peer = stats(by[key]), stats(by[peer_key], peer_name)
        if ours and peer:
            rows.append(row(case, "throughput", "MB/s", ours, peer,
                            ours["median"] / peer["median"]))
    for key, case in [("interop-server", "Duban client → @tus/server (bytes verified on disk)"),
                      ("interop-client",
                       "tus-js-client → duban-server (blob served, SHA-256 verified)")]:
        if by[key]:
            passed = sum(1 for v in by[key] if v)
            rows.append(row(case, "interoperability", "uploads passed",
                            {"median": passed, "min": passed, "max": passed,
                             "runs": len(by[key])}, None, None, "all pass",
                            passed == len(by[key])))
    return rows


def load(samples, notes):
    rows = []
    for s in samples:
        n, runs, spread = s["devices"], s["runs"], s.get("spread_ms", 0)
        when = f"within {spread / 1000:g} s" if spread else "at once"
        case = f"{n} devices {when} ({s['rounds']} × push of {s['mutations_per_push']} + pull)"
        burst500 = n == 500 and not spread
        pick = lambda k: stats([r[k] for r in runs])
        errors = pick("errors")
        p99 = pick("p99_ms")
        rows.append(row(case, "p50 latency", "ms", pick("p50_ms")))
        rows.append(row(case, "p99 latency", "ms", p99, None, None,
                        "< 250 ms" if burst500 else None,
                        p99["median"] < 250 if burst500 else None))
        rows.append(row(case, "p99 latency on an open connection", "ms", pick("warm_p99_ms")))
        rows.append(row(case, "errors", "requests", errors, None, None,
                        "0" if burst500 else None, errors["max"] == 0 if burst500 else None))
        rows.append(row(case, "throughput", "requests/s", pick("requests_per_s")))
        rows.append(row(case, "throughput", "device syncs/s", pick("syncs_per_s")))
        if "server_vmhwm_kib" in s:
            mib = round(s["server_vmhwm_kib"] / 1024, 1)
            rows.append(row(case, "server peak memory (VmHWM)", "MiB",
                            {"median": mib, "min": mib, "max": mib, "runs": len(runs)}))
    return rows


def main():
    part, samples_file, out_file, meta_file = sys.argv[1:5]
    with open(samples_file) as f:
        samples = [json.loads(line) for line in f if line.strip()]
    with open(meta_file) as f:
        meta = json.load(f)
    rows = photos(samples, meta["notes"]) if part == "photos" else load(samples, meta["notes"])
    out = {"part": part, "title": meta["title"], "command": meta["command"],
           "machine": meta["machine"], "versions": meta["versions"], "rows": rows,
           "notes": meta["notes"]}
    with open(out_file, "w") as f:
        json.dump(out, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Prints a PDF's text as JSON, read by poppler's pdftotext (an independent reader for tests that
check what Duban wrote): its lines, how many images it has, and — given a table's column widths in percent — the first
line of each table row split into its cells. A row starts where a word begins in the first column;
its figures are all on that first line (cells are top-aligned and numbers never wrap).
Usage: read_pdf.py FILE [W0,W1,…]"""
import csv
import io
import json
import subprocess
import sys

tsv = subprocess.run(["pdftotext", "-tsv", "-enc", "UTF-8", sys.argv[1], "-"],
                     check=True, capture_output=True, text=True).stdout
words, lines = [], []
for record in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
    if record["level"] == "4":  # a line begins
        lines.append([])
    elif record["level"] == "5":
        word = {"page": int(record["page_num"]), "left": float(record["left"]),
                "top": float(record["top"]), "width": float(record["width"]),
                "text": record["text"]}
        words.append(word)
        lines[-1].append(word["text"])
images = subprocess.run(["pdfimages", "-list", sys.argv[1]],
                        check=True, capture_output=True, text=True).stdout.splitlines()[2:]
result = {"pages": max((w["page"] for w in words), default=0),
          "lines": [" ".join(line) for line in lines], "images": len(images)}

if len(sys.argv) > 2:
    widths = [float(w) / 100 for w in sys.argv[2].split(",")]
    rows = []
    for page in range(1, result["pages"] + 1):
        on_page = [w for w in words if w["page"] == page]
        header = [w for w in on_page if w["text"] == "序号"]
        if not header:
            continue
        # The header's first and last cells are centred: they fix the table's left edge and width.
        first = header[0]
        last = next(w for w in on_page if w["top"] == first["top"] and w is not first
                    and w["left"] == max(v["left"] for v in on_page if v["top"] == first["top"]))
        c0 = first["left"] + first["width"] / 2
        cn = last["left"] + last["width"] / 2
        span = (cn - c0) / (1 - widths[0] / 2 - widths[-1] / 2)
        edges, x = [], c0 - span * widths[0] / 2
        for w in widths:
            edges.append(x)
            x += span * w
        column = lambda w: max(i for i, e in enumerate(edges) if w["left"] + w["width"] / 2 >= e)
        # A row starts with its number, or with a total's label (which spans the first columns).
        starts = sorted({w["top"] for w in on_page
                         if w["top"] > first["top"] + 1 and w["left"] < edges[1]})
        for top in starts:
            cells = [""] * len(widths)
            for w in sorted((w for w in on_page if abs(w["top"] - top) < 1), key=lambda w: w["left"]):
                c = column(w)
                cells[c] += (" " if cells[c] else "") + w["text"]
            rows.append({"page": page, "cells": cells})
    result["rows"] = rows
json.dump(result, sys.stdout, ensure_ascii=False)

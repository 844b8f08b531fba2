#!/usr/bin/env python3
"""Refreshes assets/i18n/duban_en.ts from the sources (lupdate) and fills in the English of
assets/i18n/en.json; lists any Chinese string that has no English yet (exit 1)."""
import json
import pathlib
import subprocess
import sys
import xml.etree.ElementTree as ET

root = pathlib.Path(__file__).resolve().parent.parent
ts = root / "assets/i18n/duban_en.ts"
english = json.loads((root / "assets/i18n/en.json").read_text(encoding="utf-8"))
subprocess.run(["/usr/lib/qt6/bin/lupdate", "-silent", "-no-obsolete", "qml", "platforms",
                "-extensions", "qml,cpp,h", "-source-language", "zh_CN", "-target-language", "en",
                "-ts", str(ts)], cwd=root, check=True)
tree = ET.parse(ts)
missing = set()
for message in tree.iter("message"):
    source = message.find("source").text
    translation = message.find("translation")
    if source in english:
        translation.text = english[source]
        translation.attrib.pop("type", None)
    else:
        missing.add(source)
tree.write(ts, encoding="utf-8", xml_declaration=True)
for source in sorted(missing):
    print(f"translate: no English for {source!r} (add it to assets/i18n/en.json)")
sys.exit(1 if missing else 0)

#!/usr/bin/env python3
"""Prints a short table of `duban-server import --dry-run` JSON read from stdin."""
import json
import sys

report = json.load(sys.stdin)
for item in report["lists"]:
    money = ""
    if "total_investment_wan" in item:
        money = "  total {:,.0f}万元  plan {:,.0f}万元".format(item["total_investment_wan"], item["plan_investment_wan"])
    print("  {:28} {:3} items{}".format(item["code"], item["items"], money))
for finding in report["findings"]:
    print("  finding: {} {} {}: {}".format(finding["severity"], finding["list"], finding["where"], finding["message"]))

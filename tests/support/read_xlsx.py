#!/usr/bin/python3
"""Prints an .xlsx sheet's cell values as JSON rows — an independent reader (openpyxl) for tests
that check what Duban wrote. Usage: read_xlsx.py FILE"""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1], read_only=True)
sheet = book.worksheets[0]
rows = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
json.dump({"sheet": sheet.title, "rows": rows}, sys.stdout, ensure_ascii=False)

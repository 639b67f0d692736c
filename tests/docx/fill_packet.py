"""Fills in a Yaodian packet workbook as a department would in Excel or WPS.

usage: fill_packet.py IN.xlsx OUT.xlsx EDITS.json

EDITS is a list of [task id, column header, value]: the cell in the row whose hidden 编号 column
holds the id (or, for "#3", the third task's row), under that header, is set to the value. A header of "-delete-" deletes the row;
"-unprotect-" as the id lifts the sheet's protection first (to edit a locked column, as a
determined user could).
"""
import json
import sys

import openpyxl

source, target, edits_path = sys.argv[1:4]
edits = json.load(open(edits_path, encoding="utf-8"))
book = openpyxl.load_workbook(source)
sheet = book["报送表"]
headers = {cell.value: cell.column for cell in sheet[3]}
assert sheet.protection.sheet, "the packet's sheet is protected"
for task_id, header, value in edits:
    if task_id == "-unprotect-":
        sheet.protection.sheet = False
        continue
    if str(task_id).startswith("#"):
        row = 3 + int(str(task_id)[1:])
    else:
        row = next(
            r for r in range(4, sheet.max_row + 1)
            if str(sheet.cell(r, headers["编号"]).value) == str(task_id)
        )
    if header == "-delete-":
        sheet.delete_rows(row)
        continue
    cell = sheet.cell(row, headers[header])
    if sheet.protection.sheet and cell.protection.locked:
        raise SystemExit(f"{header} is locked: a department could not type there")
    cell.value = value
book.save(target)

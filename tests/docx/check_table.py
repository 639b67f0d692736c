"""Independent check of the task-division table: openpyxl opens the .xlsx, csv reads the .csv.

    check_table.py TABLE.xlsx TABLE.csv SECTIONS TASKS

Fails unless both hold the header 序号 · 工作任务 · 责任领导 · 牵头科室 · 配合科室 · 完成时限, the
given numbers of section rows and task rows, tasks numbered 1..n, and every task its lead
department and deadline (the tongxin sample has all four fields on every task).
"""

import csv
import sys

import openpyxl

HEADER = ["序号", "工作任务", "责任领导", "牵头科室", "配合科室", "完成时限"]


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def check(rows, sections, tasks, where):
    if rows[0] != HEADER:
        fail(f"{where}: header {rows[0]}")
    body = rows[1:]
    section_rows = [r for r in body if r[1] in ("", None)]
    task_rows = [r for r in body if r[1] not in ("", None)]
    if len(section_rows) != sections or len(task_rows) != tasks:
        fail(f"{where}: {len(section_rows)} sections and {len(task_rows)} tasks, expected {sections} and {tasks}")
    for n, row in enumerate(task_rows, 1):
        if str(row[0]) != str(n):
            fail(f"{where}: task {n} numbered {row[0]}")
        if not all(row[1:6]):
            fail(f"{where}: task {n} lacks a field: {row}")
    print(f"{where}: {len(section_rows)} sections, {len(task_rows)} tasks, all fields present")


def main(xlsx_path, csv_path, sections, tasks):
    sheet = openpyxl.load_workbook(xlsx_path).active
    if sheet.title != "任务分工":
        fail(f"sheet named {sheet.title}")
    rows = [[c if c is not None else "" for c in r] for r in sheet.iter_rows(min_row=2, values_only=True)]
    if "任务分工表" not in str(sheet.cell(1, 1).value):
        fail(f"title {sheet.cell(1, 1).value}")
    check(rows, sections, tasks, "xlsx")
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        check(list(csv.reader(f)), sections, tasks, "csv")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))

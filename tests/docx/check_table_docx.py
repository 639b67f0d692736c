"""The task table as a landscape .docx, printed by LibreOffice: its header row repeats at the top
of every page.

    check_table_docx.py TABLE.docx

Fails (exit 1) unless the PDF has more than one page and every page's first lines (after the
title, on the first page) hold the header row 序号 … 完成时限.
"""

import subprocess
import sys

from printed import print_pdf


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def main(path):
    pdf, pages, _ = print_pdf(path)
    if pages < 2:
        fail(f"the table takes {pages} page: nothing to repeat on")
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), pdf, "-"],
                              capture_output=True, text=True, check=True).stdout
        lines = [l.split() for l in text.replace("\f", "").split("\n") if l.strip()]
        head = lines[:4]
        if not any(words[:1] == ["序号"] and "完成时限" in words for words in head):
            fail(f"page {page} does not start with the header row: {head}")
    print(f"LibreOffice: the task table's header row on each of its {pages} pages")


if __name__ == "__main__":
    main(sys.argv[1])

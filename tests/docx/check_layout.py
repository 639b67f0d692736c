"""Independent check of the exported .docx: python-docx opens it, LibreOffice prints it to PDF,
and pdftotext reads the pages back.

    check_layout.py NOTICE.docx

Fails (exit 1) unless: python-docx reads A4 sections with the GB/T 9704 margins; the PDF has A4
pages; every full body page has 22 lines of text; no line holds more than 28 characters and a
comma or full stop hanging in the margin (curly
quotes counted full width, as the official fonts and tests/docx/fonts.conf's stand-ins set them)
and full lines hold 28; page numbers (— N —) sit right on odd pages and left on even pages. (The
版记's page and its numbering: check_pages.py.)
"""

import re
import subprocess
import sys

import docx
from docx.shared import Mm

from printed import print_pdf


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def main(path):
    document = docx.Document(path)
    for section in document.sections:
        if round(section.page_width.mm) != 210 or round(section.page_height.mm) != 297:
            fail(f"section is not A4: {section.page_width.mm} x {section.page_height.mm} mm")
        margins = [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)]
        if margins != [37, 35, 28, 26]:
            fail(f"margins {margins} instead of 37/35/28/26 mm")
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    print(f"python-docx: {len(document.sections)} sections, {len(paragraphs)} paragraphs with text")

    pdf, pages, info = print_pdf(path)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    if abs(float(size.group(1)) - 595.3) > 1 or abs(float(size.group(2)) - 841.9) > 1:
        fail(f"PDF pages are not A4: {size.group(0)}")

    def width(line):
        # ASCII takes half a character; everything else, quotes included, a whole one.
        return sum(0.5 if ord(c) < 128 else 1 for c in line)

    full_pages = 0
    widest = 0
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), pdf, "-"], capture_output=True, text=True).stdout
        lines = [l.strip() for l in text.replace("\f", "").split("\n") if l.strip()]
        numbers = [l for l in lines if re.fullmatch(r"—\s*\d+\s*—", l)]
        body = [l for l in lines if l not in numbers]
        # A comma or full stop hanging past the margin is not counted (w:overflowPunct).
        widest = max([widest] + [width(re.sub(r"[，。、]$", "", l.replace(" ", ""))) for l in body])
        if page >= pages - 1 and not (body and numbers):
            continue  # a blank page and the 版记's page after it carry no number
        if len(numbers) != 1:
            fail(f"page {page}: expected one page number, found {numbers}")
        if page > 1 and len(body) != 22 and page < pages - 2:
            fail(f"page {page}: {len(body)} lines of text instead of 22")
        if len(body) == 22:
            full_pages += 1
        # Where is the number? -bbox gives its x position.
        bbox = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"], capture_output=True, text=True).stdout
        xs = [float(m.group(1)) for m in re.finditer(r'<word xMin="([\d.]+)"[^>]*>—</word>', bbox)]
        if not xs:
            fail(f"page {page}: page number dashes not found")
        left = min(xs) < 595.3 / 2
        if (page % 2 == 1) == left:
            fail(f"page {page}: page number on the wrong side")
    if widest > 28.5:
        fail(f"a line holds {widest} characters (more than 28)")
    if widest < 27.5:
        fail(f"no line holds 28 characters (widest {widest})")
    print(f"LibreOffice PDF: {pages} A4 pages, {full_pages} full body pages of 22 lines, lines up to {widest} characters, page numbers alternate sides")


if __name__ == "__main__":
    main(sys.argv[1])

"""The 版头 as LibreOffice prints it, measured on the page (GB/T 9704-2012 7.2.4 to 7.2.7).

    check_masthead.py YAODIAN SAMPLE.txt OUTDIR

Exports the sample's notice twice: as it is (下行文), and with a 签发人 on its number line
(上行文); prints both with LibreOffice, and reads page 1 back from the drawing itself
(pdftocairo -svg: each glyph's outline where it is placed, and the red rule's stroke). Fails
(exit 1) unless, on both: the top edge of the red mark's characters lies 35 mm under the top of
the text block; the red rule is 156 mm long on the text block's width and 4 mm under the foot of
the number's characters; and, with a 签发人, the number starts one character in from the left and
the signer's name ends one character in from the right. Each within a millimetre (a ruler's
reading; the free fonts standing in for the official ones draw their characters a little
differently inside the same box).
"""

import os
import re
import subprocess
import sys

from printed import drawing, print_pdfs

MM = 72 / 25.4
TOP = 37 * MM  # the text block's top edge, in points from the page's top
LEFT = 28 * MM
RIGHT = (28 + 156) * MM
EM = 16  # 三号
TOLERANCE = 1 * MM


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def near(what, got, want):
    print(f"  {what}: {got / MM:.2f} mm (want {want / MM:.2f})")
    if abs(got - want) > TOLERANCE:
        fail(f"{what} is {got / MM:.2f} mm, want {want / MM:.2f} mm")


RED = "rgb(100%,0%,0%)"


def check(pdf, signer):
    print(f"{os.path.basename(pdf)}:")
    glyphs, strokes = drawing(pdf)
    red = [g for g in glyphs if g[0] == RED]
    if not red:
        fail("no red mark on page 1")
    near("the mark's top edge under the text block's top", min(g[2] for g in red) - TOP, 35 * MM)
    rules = [s for s in strokes if s[0] == RED]
    if not rules:
        fail("no red rule on page 1")
    _, x0, x1, y, width = rules[0]
    near("the rule's left end", x0, LEFT)
    near("the rule's right end", x1, RIGHT)
    print(f"  the rule's width: {width:.2f} pt")
    # The number line: the black glyphs nearest above the rule.
    above = [g for g in glyphs if g[0] != RED and g[3] < y]
    baseline_foot = max(g[3] for g in above)
    line = [g for g in above if g[3] > baseline_foot - EM]
    near("the rule under the number's characters", (y - width / 2) - max(g[3] for g in line), 4 * MM)
    if signer:
        near("the number's start from the left edge", min(g[1] for g in line), LEFT + EM)
        near("the signer's end from the right edge", max(g[4] for g in line), RIGHT - EM)


def main():
    yaodian, sample, outdir = sys.argv[1:4]
    os.makedirs(outdir, exist_ok=True)
    text = open(sample, encoding="utf-8").read()
    number = re.search(r"^.*发〔\d{4}〕\d+号$", text, re.M).group(0)
    upward = text.replace(number, number + "\u3000\u3000签发人：杨少平", 1)
    docs = []
    for name, body in [("downward", text), ("upward", upward)]:
        source = os.path.join(outdir, f"{name}.txt")
        with open(source, "w", encoding="utf-8") as f:
            f.write(body)
        docx = os.path.join(outdir, f"{name}.docx")
        subprocess.run([yaodian, "export", source, "--format", "docx", "-o", docx], check=True, capture_output=True)
        docs.append(docx)
    for pdf, signer in zip(print_pdfs(docs, outdir), [False, True]):
        check(pdf, signer)
    print("masthead: the mark at 35 mm, the rule 4 mm under the number, the 签发人 line, as measured")


if __name__ == "__main__":
    main()

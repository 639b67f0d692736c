"""The 版记 on the last even page, as LibreOffice prints the .docx (GB/T 9704-2012 7.4.1, 7.5).

    check_pages.py YAODIAN SAMPLE.txt OUTDIR [--latin-times]

With --latin-times, numerals and Latin letters are set in Times New Roman (Liberation Serif, its
metrics, stands in), and the model measures them with its widths.

Cuts the sample plan after each of its tasks in turn (the notice's head and close kept), exports
every cut as a .docx (inline, and every third as an attachment), prints them all with LibreOffice
and reads the pages back. Fails (exit 1) unless, in every PDF: each page holds the lines that
Yaodian's page model (`yaodian export --format pages`) gives it; the 版记 is on the last page, that
page is even, and the 印发 line sits on the last line of the text block, over the last of its
three rules (thick, thin, thick, each across the text block), which lies on the foot; every page but the last
two carries one page number (— N —, odd pages right, even left); a blank page before the 版记
and the 版记's page after it carry none, and otherwise the 版记's page is numbered; and across the
cuts the text ended on an odd page, on an even page with room, and on an even page without room.
"""

import os
import re
import subprocess
import sys

from printed import drawing, print_pdfs, pages as count_pages

MM = 72 / 25.4
# The text block's foot (297 mm less the 35 mm bottom margin) and sides, in points.
FOOT = (297 - 35) * MM
LEFT, RIGHT = 28 * MM, (28 + 156) * MM
LINE = 579 / 20


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def cuts(lines):
    """The sample cut after each task: head and close kept, tasks from a point on left out."""
    tasks = [i for i, l in enumerate(lines) if re.match(r"^[（(][一二三四五六七八九十]+[）)]", l)]
    close = next(i for i, l in enumerate(lines) if l.startswith("（备注"))
    for n, start in enumerate(tasks[1:], 1):
        yield n, lines[:start] + lines[close:]
    yield len(tasks), lines


# Latin terms real plans use, put into every task: numerals and letters in Times New Roman.
TERMS = "推进DRG/DIP支付方式改革、PACS和HIS系统互通、COVID-19防控"


def with_latin_terms(lines):
    """The sample with Latin terms in every task, and no ASCII space, %, + or - after a Chinese
    character: Word sets those in the ASCII font, LibreOffice in the font of the character
    before them (it reads them as belonging to no script), so only there do the two differ."""
    out = []
    for line in lines:
        line = line.replace(" ", "").replace("%", "％").replace("+", "＋").replace("-", "－")
        if re.match(r"^[（(][一二三四五六七八九十]+[）)]", line) and "。" in line:
            at = line.index("。")
            line = line[:at] + "，" + TERMS + line[at:]
        out.append(line)
    return out


def words(pdf, page):
    bbox = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"], capture_output=True, text=True, check=True).stdout
    return [(float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4)), m.group(5))
            for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', bbox)]


def number_side(page_words):
    """The page number's words (— N —), and whether they stand at the left."""
    dashes = [w for w in page_words if w[4] == "—" and w[1] > FOOT]
    return dashes, bool(dashes) and min(w[0] for w in dashes) < 595.3 / 2


def model_pages(yaodian, source, flags):
    """The pages as Yaodian's model lays them out (`--format pages`), spaces left out."""
    out = subprocess.run([yaodian, "export", source, "--format", "pages"] + flags, capture_output=True, text=True, check=True).stdout
    pages = []
    for line in out.split("\n"):
        if line.startswith("==="):
            pages.append([])
        elif line.strip() and not line.startswith("版记"):
            pages[-1].append(re.sub(r"\s", "", line))
    return pages


def printed_pages(pdf):
    """The PDF's pages as lines of text, page numbers and the 版记 left out, spaces too."""
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in text.split("\f")[:-1]:
        lines = [re.sub(r"\s", "", l) for l in page.split("\n")]
        lines = [l for l in lines if l and not re.fullmatch(r"—\d+—", l)]
        pages.append([l for l in lines if not re.match(r"^(抄送|抄报)：|.*日印发$", l)])
    while pages and not pages[-1]:
        pages.pop()
    return pages


def agree(pdf, model):
    """Fails unless LibreOffice's lines and pages are the model's, line for line."""
    printed = printed_pages(pdf)
    for n, (want, got) in enumerate(zip(model, printed), 1):
        if want != got:
            first = next((i for i, (a, b) in enumerate(zip(want, got)) if a != b), min(len(want), len(got)))
            fail(f"{pdf}: page {n}, line {first + 1}: the model has {want[first:first + 1]}, LibreOffice {got[first:first + 1]}")
    if len(model) != len(printed):
        fail(f"{pdf}: the model ends the text on page {len(model)}, LibreOffice on page {len(printed)}")


def check(pdf):
    pages, _ = count_pages(pdf)
    on = {p: words(pdf, p) for p in range(1, pages + 1)}
    imprint_pages = [p for p in on if any(w[4].endswith("日印发") for w in on[p])]
    if imprint_pages != [pages]:
        fail(f"{pdf}: the 版记 is on page(s) {imprint_pages} of {pages}, not alone on the last")
    if pages % 2:
        fail(f"{pdf}: the 版记's page {pages} is odd")
    printed = max(w[3] for w in on[pages] if w[4].endswith("日印发"))
    if not FOOT - LINE < printed <= FOOT + 1:
        fail(f"{pdf}: the 印发 line ends at {printed:.1f} pt, not on the last line (foot {FOOT:.1f} pt)")
    # The 版记's rules as wide as the text block, the last on its foot (7.4.1).
    _, strokes = drawing(pdf, pages)
    rules = sorted((s for s in strokes if s[0] == "rgb(0%,0%,0%)"), key=lambda s: s[3])
    if len(rules) != 3:
        fail(f"{pdf}: the 版记 has {len(rules)} rules, not 3 (thick, thin, thick)")
    for _, x0, x1, y, width in rules:
        if abs(x0 - LEFT) > MM or abs(x1 - RIGHT) > MM:
            fail(f"{pdf}: a rule of the 版记 runs from {x0 / MM:.1f} to {x1 / MM:.1f} mm, not across the text block")
    if [round(r[4], 2) for r in rules] != [1.0, 0.75, 1.0]:
        fail(f"{pdf}: the 版记's rules are {[r[4] for r in rules]} pt thick, not 1, 0.75, 1")
    if abs(rules[-1][3] + rules[-1][4] / 2 - FOOT) > MM:
        fail(f"{pdf}: the 版记's last rule lies at {rules[-1][3]:.1f} pt, not on the foot ({FOOT:.1f} pt)")
    text = lambda p: [w for w in on[p] if w[1] <= FOOT]
    blank_before = pages > 1 and not text(pages - 1)
    for page in range(1, pages + 1):
        dashes, left = number_side(on[page])
        bare = page == pages and blank_before or page == pages - 1 and blank_before
        if bare:
            if dashes:
                fail(f"{pdf}: page {page} (blank, or the 版记's after a blank) carries a page number")
            continue
        if not dashes:
            fail(f"{pdf}: page {page} has no page number")
        if (page % 2 == 1) == left:
            fail(f"{pdf}: page {page}: page number on the wrong side")
    if blank_before:
        return "even, no room"
    if any(w[4].strip() and w[3] < printed - 3 * LINE for w in text(pages)):
        return "even, room"
    return "odd"


def main(yaodian, sample, outdir, *fonts):
    os.makedirs(outdir, exist_ok=True)
    lines = open(sample, encoding="utf-8").read().split("\n")
    if "--latin-times" in fonts:
        lines = with_latin_terms(lines)
    docs = []
    for n, cut in cuts(lines):
        source = os.path.join(outdir, f"cut-{n:02}.txt")
        with open(source, "w", encoding="utf-8") as f:
            f.write("\n".join(cut))
        for attachment in [False, True] if n % 3 == 0 else [False]:
            out = os.path.join(outdir, f"cut-{n:02}{'-attachment' if attachment else ''}.docx")
            flags = (["--attachment"] if attachment else []) + list(fonts)
            subprocess.run([yaodian, "export", source, "--format", "docx", "-o", out] + flags, check=True, capture_output=True)
            docs.append((out, source, flags))
    seen = {}
    for (doc, source, flags), pdf in zip(docs, print_pdfs([d[0] for d in docs], outdir)):
        agree(pdf, model_pages(yaodian, source, flags))
        case = check(pdf)
        seen.setdefault(case, []).append(os.path.basename(doc))
    for case in ["odd", "even, room", "even, no room"]:
        if case not in seen:
            fail(f"no cut ended its text on a page that is {case}: {seen}")
    print(f"LibreOffice: {len(docs)} notices, every line where the model puts it, the 版记 on the last even page of each; text ended " +
          "; ".join(f"{case}: {len(names)}" for case, names in seen.items()))


if __name__ == "__main__":
    main(*sys.argv[1:])

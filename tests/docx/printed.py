"""A .docx printed to PDF by LibreOffice, as the checks read it back.

LibreOffice reads `w:overflowPunct` the other way round from Word and WPS (with the flag on it
never lets punctuation hang past the margin; off or missing, it does), so each file is printed
from a copy with the flag flipped: the lines then break where Word and WPS break them.
"""

import os
import re
import shutil
import subprocess
import tempfile
import zipfile


def as_word_reads(path, outdir):
    """A copy of `path` in `outdir` that LibreOffice lays out as Word does."""
    copy = os.path.join(outdir, os.path.basename(path))
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.endswith(".xml"):
                text = data.decode("utf-8")
                text = re.sub(r'<w:overflowPunct w:val="(1|true|on)" */>', '<w:overflowPunct w:val="0" />', text)
                data = text.encode("utf-8")
            out.writestr(item, data)
    return copy


def print_pdfs(paths, outdir):
    """The PDFs LibreOffice prints `paths` to (one run for all), in `outdir`."""
    copies = tempfile.mkdtemp()
    sources = [as_word_reads(p, copies) for p in paths]
    profile = tempfile.mkdtemp()
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", outdir] + sources,
        check=True, capture_output=True, timeout=1800,
    )
    shutil.rmtree(copies, ignore_errors=True)
    return [os.path.join(outdir, os.path.splitext(os.path.basename(p))[0] + ".pdf") for p in paths]


def pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1)), info


def print_pdf(path):
    """The PDF LibreOffice prints `path` to, its number of pages and its pdfinfo."""
    [pdf] = print_pdfs([path], tempfile.mkdtemp())
    count, info = pages(pdf)
    return pdf, count, info


def drawing(pdf, page=1):
    """A page's glyphs as (colour, x, top, bottom, right) and its stroked lines as
    (colour, x0, x1, y, width), in points from the page's top left."""
    svg = subprocess.run(["pdftocairo", "-svg", "-f", str(page), "-l", str(page), pdf, "-"], capture_output=True, text=True, check=True).stdout
    # Each glyph's outline extent around its origin (x from the origin, y from the baseline).
    extents = {}
    for gid, body in re.findall(r'<symbol overflow="visible" id="([^"]+)">(.*?)</symbol>', svg, re.S):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", " ".join(re.findall(r' d="([^"]*)"', body)))]
        xs, ys = numbers[0::2], numbers[1::2]
        if ys:
            extents[gid] = (min(xs), max(xs), min(ys), max(ys))
    glyphs = []
    for colour, group in re.findall(r'<g style="fill:(rgb\([^)]*\));[^"]*">(.*?)</g>', svg, re.S):
        for gid, x, y in re.findall(r'<use xlink:href="#([^"]+)" x="([-\d.]+)" y="([-\d.]+)"/>', group):
            if gid in extents:
                x0, x1, y0, y1 = extents[gid]
                glyphs.append((colour, float(x) + x0, float(y) + y0, float(y) + y1, float(x) + x1))
    strokes = []
    for style, d, matrix in re.findall(r'<path style="([^"]*stroke:rgb[^"]*)" d="([^"]*)" transform="matrix\(([^)]*)\)"', svg):
        a, b, c, dd, e, f = (float(v) for v in matrix.split(","))
        points = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d)]
        xs = [a * x + e for x in points[0::2]]
        ys = [dd * y + f for y in points[1::2]]
        colour = re.search(r"stroke:(rgb\([^)]*\))", style).group(1)
        width = float(re.search(r"stroke-width:([\d.]+)", style).group(1)) * abs(dd)
        stroke = (colour, round(min(xs), 2), round(max(xs), 2), round(ys[0], 2), round(width, 2))
        # (A line is drawn twice in LibreOffice's PDF at times: once is enough.)
        if len(set(round(y, 2) for y in ys)) == 1 and stroke not in strokes:
            strokes.append(stroke)
    return glyphs, strokes

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

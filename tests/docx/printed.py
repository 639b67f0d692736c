"""A .docx printed to PDF by LibreOffice, as the checks read it back."""

import os
import re
import subprocess
import tempfile


def print_pdf(path):
    """The PDF LibreOffice prints `path` to, and its number of pages."""
    out = tempfile.mkdtemp()
    profile = tempfile.mkdtemp()
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", out, path],
        check=True, capture_output=True, timeout=300,
    )
    pdf = os.path.join(out, os.path.splitext(os.path.basename(path))[0] + ".pdf")
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    return pdf, int(re.search(r"Pages:\s+(\d+)", info).group(1)), info

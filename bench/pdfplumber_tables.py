"""Time pdfplumber extracting the tables of each PDF given (the comparison for the PDF reader).

Prints one JSON object: per file, pages, tables and the median seconds of `runs` extractions.
"""
import json
import statistics
import sys
import time

import pdfplumber

runs = int(sys.argv[1])
out = {"pdfplumber": pdfplumber.__version__, "files": {}}
for path in sys.argv[2:]:
    samples = []
    pages = tables = 0
    for _ in range(runs):
        start = time.perf_counter()
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
            tables = sum(len(page.extract_tables()) for page in pdf.pages)
        samples.append(time.perf_counter() - start)
    out["files"][path] = {"pages": pages, "tables": tables, "seconds": statistics.median(samples)}
print(json.dumps(out))

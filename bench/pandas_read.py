"""Time pandas.read_html reading the tables of every page in a folder (the comparison for the CLI).

`pandas_read.py FOLDER`: one pass over the folder, its seconds (wall and CPU) printed as JSON. The clock starts after
Python has imported pandas; a first pass also pays for what read_html imports on first use (lxml).
`pandas_read.py FOLDER --serve`: one pass per line read from stdin, one JSON line printed after each,
so that the benchmark can interleave pandas' passes with the command line's (a busy machine then
slows both alike).
"""
import json
import os
import sys
import time
import warnings

import pandas

warnings.simplefilter("ignore")
folder = sys.argv[1]
files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".html"))


def read_all():
    tables = 0
    start = time.perf_counter()
    cpu = time.process_time()
    for path in files:
        try:
            tables += len(pandas.read_html(path, encoding="utf-8"))
        except ValueError:
            pass
    return {"files": len(files), "tables": tables, "seconds": time.perf_counter() - start,
            "cpuSeconds": time.process_time() - cpu, "pandas": pandas.__version__}


if "--serve" in sys.argv:
    for _ in sys.stdin:
        print(json.dumps(read_all()), flush=True)
else:
    print(json.dumps(read_all()))

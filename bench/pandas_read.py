"""Time pandas.read_html reading the tables of every page in a folder (the comparison for the CLI)."""
import json
import os
import sys
import time
import warnings

import pandas

warnings.simplefilter("ignore")
folder = sys.argv[1]
files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".html"))
tables = 0
start = time.perf_counter()
for path in files:
    try:
        tables += len(pandas.read_html(path, encoding="utf-8"))
    except ValueError:
        pass
seconds = time.perf_counter() - start
print(json.dumps({"files": len(files), "tables": tables, "seconds": seconds, "pandas": pandas.__version__}))

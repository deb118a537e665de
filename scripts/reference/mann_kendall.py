"""Reference Mann-Kendall results for the time tests, made once with pymannkendall.

    python3 scripts/reference/mann_kendall.py

Writes crates/hotspot-core/tests/expected/mann_kendall.json: for each series, pymannkendall's
original_test s, var_s (tie-corrected), z and p.
"""
import json
from pathlib import Path

import numpy as np
import pymannkendall as mk

OUT = Path(__file__).resolve().parent.parent.parent / "crates" / "hotspot-core" / "tests" / "expected" / "mann_kendall.json"
rng = np.random.default_rng(7)
series = {
    "rising": [1, 2, 2, 3, 5, 4, 6, 7, 7, 9, 10, 12],
    "falling_with_ties": [9, 9, 8, 8, 8, 6, 5, 5, 3, 3, 1, 0],
    "flat_with_ties": [3, 3, 3, 4, 3, 3, 4, 3, 3, 3, 4, 3],
    "counts_36_months": [int(v) for v in rng.poisson(5, 36)],
    "z_scores": [round(float(v), 6) for v in rng.normal(0.5, 1.2, 24)],
}
out = {}
for name, x in series.items():
    r = mk.original_test(x)
    out[name] = {"x": x, "s": float(r.s), "var_s": float(r.var_s), "z": float(r.z), "p": float(r.p)}
OUT.write_text(json.dumps(out, indent=1) + "\n")
print("wrote", OUT)

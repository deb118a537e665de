"""Reference neighbours and local statistics for the stats tests, made with libpysal and esda.

    HOTSPOT_REAL_DATA=../shared/data/real python3 scripts/reference/esda_stats.py

Writes crates/hotspot-core/tests/expected/esda_reference.json with:
- synthton: libpysal Queen and Rook neighbour lists (by LSOA21CD) of fixtures/town/areas.geojson,
  a tessellation whose neighbours share vertices exactly;
- lattice: a 30 × 20 square lattice (ids row by row), libpysal lat2W queen weights, a fixed
  count vector y (formula below), esda G_Local(star=True, transform='B').Zs and
  Moran_Local(transformation="r").Is and .q;
- darlington: the 66 Darlington 2021 LSOAs (sorted by code) with the 2025 ASB counts of
  tests/expected/darlington_asb_2025.csv, libpysal fuzzy_contiguity(buffer=0.5 m) weights, and the
  same esda statistics.
"""
import json
import os
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from esda import G_Local, Moran_Local
from libpysal.weights import Queen, Rook, fuzzy_contiguity, lat2W

REPO = Path(__file__).resolve().parent.parent.parent
OUT = REPO / "crates" / "hotspot-core" / "tests" / "expected" / "esda_reference.json"


def local_stats(y, make_w):
    """Gi* and Local Moran on fresh weights each (G_Local's star option must not leak into Moran's)."""
    g = G_Local(y, make_w(), transform="B", star=True, permutations=0, n_jobs=1)
    m = Moran_Local(y, make_w(), transformation="r", permutations=99, seed=1, n_jobs=1)
    return {"y": [float(v) for v in y], "gistar_z": [float(v) for v in g.Zs], "lisa_i": [float(v) for v in m.Is], "lisa_q": [int(v) for v in m.q]}


def neighbours_by_code(w, codes):
    return {codes[i]: sorted(codes[j] for j in w.neighbors[i]) for i in range(len(codes))}


result = {}
town = gpd.read_file(REPO / "fixtures" / "town" / "areas.geojson").sort_values("LSOA21CD").reset_index(drop=True)
codes = list(town["LSOA21CD"])
result["synthton"] = {
    "queen": neighbours_by_code(Queen.from_dataframe(town, use_index=False, silence_warnings=True), codes),
    "rook": neighbours_by_code(Rook.from_dataframe(town, use_index=False, silence_warnings=True), codes),
}

ncols, nrows = 30, 20
y = np.array([((k * 7919) % 13) + (20 if 10 <= k % ncols <= 14 and 8 <= k // ncols <= 11 else 0) for k in range(ncols * nrows)], dtype=float)
w = lat2W(nrows, ncols, rook=False)
lattice = local_stats(y, lambda: lat2W(nrows, ncols, rook=False))
lattice["neighbours"] = [sorted(w.neighbors[i]) for i in range(ncols * nrows)]
result["lattice"] = lattice

real = os.environ.get("HOTSPOT_REAL_DATA")
if real:
    d = gpd.read_file(Path(real) / "darlington" / "darlington_lsoa2021_E06000005.geojson").to_crs(27700)
    d = d.sort_values("LSOA21CD").reset_index(drop=True)
    counts = pd.read_csv(REPO / "crates" / "hotspot-cli" / "tests" / "expected" / "darlington_asb_2025.csv").set_index("code")["n_asb"]
    y = np.array([float(counts[c]) for c in d["LSOA21CD"]])
    darl = local_stats(y, lambda: fuzzy_contiguity(d, buffering=True, buffer=0.5, silence_warnings=True))
    darl["codes"] = list(d["LSOA21CD"])
    result["darlington"] = darl

OUT.write_text(json.dumps(result, indent=1) + "\n")
print("wrote", OUT)

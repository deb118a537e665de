"""Reference neighbour lists for the tolerant queen contiguity test, made with libpysal.

    HOTSPOT_REAL_DATA=../shared/data/real python3 scripts/reference/contiguity.py

libpysal's fuzzy_contiguity buffers every polygon by `buffer` and links those whose buffers
intersect, i.e. polygons within 2 × buffer of each other; `hotspot`'s tolerance t is the
distance itself, so t = 1 m corresponds to buffer = 0.5 m. Polygons are in EPSG:27700 (metres).
Writes crates/hotspot-core/tests/expected/darlington_queen.json: for each tolerance, code → sorted
neighbour codes, plus the island count of libpysal's exact Queen.
"""
import json
import os
from pathlib import Path

import geopandas as gpd
from libpysal.weights import Queen, fuzzy_contiguity

REPO = Path(__file__).resolve().parent.parent.parent
OUT = REPO / "crates" / "hotspot-core" / "tests" / "expected" / "darlington_queen.json"

gdf = gpd.read_file(Path(os.environ["HOTSPOT_REAL_DATA"]) / "darlington" / "darlington_lsoa2021_E06000005.geojson").to_crs(27700)
gdf = gdf.sort_values("LSOA21CD").reset_index(drop=True)
codes = list(gdf["LSOA21CD"])
result = {"exact_queen_islands": len(Queen.from_dataframe(gdf, use_index=False, silence_warnings=True).islands)}
for tolerance in (1.0, 4.0):
    w = fuzzy_contiguity(gdf, buffering=True, buffer=tolerance / 2, silence_warnings=True)
    result[f"tolerance_{tolerance:g}m"] = {codes[i]: sorted(codes[j] for j in w.neighbors[i]) for i in range(len(codes))}
OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n")
mean = sum(len(v) for v in result["tolerance_1m"].values()) / len(codes)
print(f"exact Queen islands: {result['exact_queen_islands']}; mean neighbours at 1 m: {mean:.2f}; wrote {OUT}")

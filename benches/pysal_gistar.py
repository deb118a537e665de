"""PySAL's side of the statistics comparison: libpysal Queen contiguity plus esda Gi* (and
Local Moran) on the same polygons and counts, timed inside Python (file reading excluded).

    python3 benches/pysal_gistar.py areas.geojson counts.csv
Prints: queen_gistar_seconds, moran_seconds (analytical only, permutations=0).
"""
import sys
import time

import geopandas as gpd
import pandas as pd
from esda import G_Local, Moran_Local
from libpysal.weights import Queen

gdf = gpd.read_file(sys.argv[1]).sort_values("LSOA21CD").reset_index(drop=True)
y = pd.read_csv(sys.argv[2]).set_index("code").loc[gdf["LSOA21CD"], "n"].to_numpy(dtype=float)
t0 = time.perf_counter()
w = Queen.from_dataframe(gdf, use_index=False, silence_warnings=True)
g = G_Local(y, w, transform="B", star=True, permutations=0, n_jobs=1)
t1 = time.perf_counter()
w2 = Queen.from_dataframe(gdf, use_index=False, silence_warnings=True)
m = Moran_Local(y, w2, transformation="r", permutations=0, n_jobs=1)
t2 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f}")

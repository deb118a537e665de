"""Independent reference counts for the integration tests, made with geopandas.

Run once (needs geopandas, pyogrio, pyproj, shapely) and commit the outputs:

    HOTSPOT_REAL_DATA=../shared/data/real python3 scripts/reference/sjoin_counts.py

It reads the points, reprojects points and polygons to EPSG:27700, spatially joins with
predicate "intersects" (interior or boundary) and, where a point falls in several polygons
(a shared boundary, or the slivers where generalised boundaries overlap), keeps the area whose
code sorts first: the documented rule of `hotspot count`, implemented here independently.
Outputs (code, count) per area, zeros included, sorted by code.
"""
import os
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
EXPECTED = REPO / "crates" / "hotspot-cli" / "tests" / "expected"


def counts(points: gpd.GeoDataFrame, areas: gpd.GeoDataFrame, code: str) -> pd.DataFrame:
    points = points.to_crs(27700).reset_index(drop=True)
    areas = areas.to_crs(27700)[[code, "geometry"]]
    joined = gpd.sjoin(points, areas, how="inner", predicate="intersects")
    joined = joined.reset_index().sort_values(["index", code]).drop_duplicates("index", keep="first")
    n = joined.groupby(code).size()
    out = pd.DataFrame({"code": sorted(areas[code])})
    out["n"] = out["code"].map(n).fillna(0).astype(int)
    return out


def police_points(path: Path, kind: str) -> gpd.GeoDataFrame:
    df = pd.read_csv(path, dtype=str)
    df = df[df["Crime type"] == kind].dropna(subset=["Longitude", "Latitude"])
    return gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df["Longitude"].astype(float), df["Latitude"].astype(float)), crs=4326)


def main() -> None:
    EXPECTED.mkdir(parents=True, exist_ok=True)
    town = REPO / "fixtures" / "town"
    areas = gpd.read_file(town / "areas.geojson")
    c = counts(police_points(town / "police_2025.csv", "Anti-social behaviour"), areas, "LSOA21CD")
    c.rename(columns={"n": "n_asb"}).to_csv(EXPECTED / "synthton_asb_2025.csv", index=False)
    fly = pd.read_csv(town / "flytipping_2025.csv")
    fly = gpd.GeoDataFrame(fly, geometry=gpd.points_from_xy(fly["Easting"], fly["Northing"]), crs=27700)
    c = counts(fly, areas, "LSOA21CD")
    c.rename(columns={"n": "n_flytip"}).to_csv(EXPECTED / "synthton_flytip_2025.csv", index=False)

    real = os.environ.get("HOTSPOT_REAL_DATA")
    if not real:
        sys.exit("set HOTSPOT_REAL_DATA to shared/data/real for the Darlington reference")
    d = Path(real) / "darlington"
    areas = gpd.read_file(d / "darlington_lsoa2021_E06000005.geojson")
    c = counts(police_points(d / "police_uk_darlington_street_2025.csv", "Anti-social behaviour"), areas, "LSOA21CD")
    c.rename(columns={"n": "n_asb"}).to_csv(EXPECTED / "darlington_asb_2025.csv", index=False)
    print("wrote", *sorted(p.name for p in EXPECTED.glob("*.csv")))


if __name__ == "__main__":
    main()

"""The `hotspot count` job in geopandas, for the side-by-side end-to-end benchmark: read the
police.uk CSV, make points, reproject points and areas to EPSG:27700, spatial join, count per
area and kind, join population, rate per 1,000, write CSV (the job as the issue defines it).
With --same-crs the join is made in the files' own CRS (WGS84) without reprojecting, as hotspot
does when points and polygons share a CRS.

    python3 benches/geopandas_count.py police.csv areas.geojson population.csv out.csv [--same-crs]
"""
import sys

import geopandas as gpd
import pandas as pd


def main(police: str, areas_path: str, population: str, out: str, same_crs: bool) -> None:
    crs = 4326 if same_crs else 27700
    df = pd.read_csv(police, usecols=["Month", "Longitude", "Latitude", "Location", "LSOA code", "Crime type"], dtype=str)
    df = df.dropna(subset=["Longitude", "Latitude"])
    pts = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df["Longitude"].astype(float), df["Latitude"].astype(float)), crs=4326).to_crs(crs)
    areas = gpd.read_file(areas_path).to_crs(crs)[["LSOA21CD", "LSOA21NM", "geometry"]]
    joined = gpd.sjoin(pts, areas, how="inner", predicate="intersects")
    # the same boundary rule as hotspot: a point in several areas goes to the lowest code
    joined = joined.reset_index().sort_values(["index", "LSOA21CD"]).drop_duplicates("index")
    counts = joined.groupby(["LSOA21CD", "Crime type"]).size().unstack(fill_value=0)
    pop = pd.read_csv(population).set_index("LSOA21CD")["population"]
    table = areas.drop(columns="geometry").set_index("LSOA21CD").join(counts).fillna(0).join(pop)
    for kind in counts.columns:
        table["rate " + kind] = table[kind] / table["population"] * 1000
    table.sort_index().to_csv(out)


if __name__ == "__main__":
    main(*sys.argv[1:5], same_crs="--same-crs" in sys.argv)

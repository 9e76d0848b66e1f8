"""Geography helpers: vectorised great-circle distances and population-weighted draws."""

from __future__ import annotations

import numpy as np
import pandas as pd

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1, lon1, lat2, lon2) -> np.ndarray:
    """Great-circle distance in km (the same measure as ``geo.distance_km`` between communes)."""
    lat1, lon1, lat2, lon2 = (np.radians(np.asarray(a, dtype=float)) for a in (lat1, lon1, lat2, lon2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def bassins(communes: pd.DataFrame) -> pd.DataFrame:
    """One row per bassin d'emploi: code, name, population, communes, centroid."""
    g = communes.groupby("bassin", sort=True)
    out = pd.DataFrame(
        {
            "name": g["bassin_name"].first(),
            "departement": g["departement"].agg(lambda s: s.mode().iat[0]),
            "population": g["population"].sum(),
            "communes": g.size(),
            "lat": g.apply(lambda d: np.average(d["lat"], weights=d["population"]), include_groups=False),
            "lon": g.apply(lambda d: np.average(d["lon"], weights=d["population"]), include_groups=False),
        }
    )
    return out.reset_index().rename(columns={"bassin": "code"})

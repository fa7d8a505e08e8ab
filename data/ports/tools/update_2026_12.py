"""One-off update of USLAX.geojson (issue 10 part 5, 2026-12-04); never run by the app.

- San Pedro and Middle breakwaters: the hand-drawn lines (confidence C, up to 439 m / 585 m off)
  are replaced by NOAA ENC US5LGBCD breakwater shapes (SLCONS CATSLC=1), as 20 m buffers around the
  ENC centrelines transcribed in repository rajivsaicharan2004/san-pedro-bay-pipeline
  (processing/geofences/zones.geojson, commit b177b952646656927a7309b80655d5e45327dfe5).
- Port of Long Beach terminals ITS (Pier G) and PCT (Pier J) are added from the Port of Long Beach
  "Piers" ArcGIS layer, simplified, in the same public data file the other four Long Beach terminals
  came from (search-index file id 69060100951), so ships moored there are recognised as USLGB calls.

Usage: python3 data/ports/tools/update_2026_12.py /path/to/sanpedrobay_cfr_anchorages_noaa_enc_breakwaters.geojson
"""
import json
import math
import sys

PATH = "data/ports/USLAX.geojson"
ENC = {
    "uslax-breakwater-san-pedro": "noaa-breakwater-san-pedro-breakwater",
    "uslax-breakwater-middle": "noaa-breakwater-middle-breakwater",
}
PIERS_SOURCE = (
    "Port of Long Beach 'Piers' ArcGIS layer, simplified, as published in the same public "
    "repository data file (search-index file id 69060100951)"
)
NEW_TERMINALS = [
    {
        "id": "uslax-terminal-lgb-its",
        "name_en": "International Transportation Service (Pier G)",
        "name_ja": "インターナショナル・トランスポーテーション・サービス（ピアG）",
        "berths": "G226-G236",
        "ring_latlon": [
            [33.74832, -118.19873], [33.74815, -118.19894], [33.7438, -118.19894],
            [33.7438, -118.20368], [33.74459, -118.20375], [33.74463, -118.20624],
            [33.74503, -118.20649], [33.75027, -118.20648], [33.75101, -118.20708],
            [33.75163, -118.20609], [33.75599, -118.20613], [33.75599, -118.20538],
            [33.76003, -118.20539], [33.76149, -118.20598], [33.76301, -118.20708],
            [33.76301, -118.20624], [33.75964, -118.20413], [33.75734, -118.20139],
            [33.75574, -118.20015], [33.75313, -118.1953], [33.74837, -118.18971],
            [33.74221, -118.18748], [33.74209, -118.18797], [33.74248, -118.18855],
            [33.74237, -118.19018], [33.74197, -118.1899], [33.74159, -118.19114],
            [33.74199, -118.19175], [33.74313, -118.1919], [33.74313, -118.19239],
            [33.7438, -118.19238], [33.7438, -118.19745], [33.74477, -118.19699],
            [33.74503, -118.19699], [33.74503, -118.19729], [33.74815, -118.19728],
            [33.74832, -118.19873],
        ],
    },
    {
        "id": "uslax-terminal-lgb-pct",
        "name_en": "Pacific Container Terminal (Pier J)",
        "name_ja": "パシフィック・コンテナターミナル（ピアJ）",
        "berths": "J245-J270",
        "ring_latlon": [
            [33.73298, -118.1877], [33.73297, -118.19575], [33.73348, -118.19632],
            [33.73569, -118.19635], [33.73627, -118.19697], [33.7364, -118.20239],
            [33.73854, -118.20411], [33.73882, -118.20452], [33.73858, -118.20495],
            [33.73926, -118.20415], [33.73995, -118.2025], [33.74043, -118.2024],
            [33.74046, -118.2027], [33.74062, -118.2024], [33.74067, -118.19538],
            [33.74313, -118.19239], [33.74313, -118.1919], [33.74199, -118.19175],
            [33.7416, -118.19121], [33.74197, -118.1899], [33.74237, -118.19018],
            [33.74248, -118.18855], [33.74209, -118.18797], [33.74221, -118.18748],
            [33.73858, -118.1862], [33.73859, -118.19389], [33.73789, -118.1946],
            [33.73658, -118.19458], [33.73657, -118.18567], [33.73604, -118.18536],
            [33.73301, -118.18539], [33.73298, -118.1877],
        ],
    },
]


def simplify(ring, tol_m):
    """Douglas-Peucker on a closed ring in a local metric frame (removes the buffer's tiny corner loops)."""
    c = math.cos(math.radians(33.72))
    pts = [(x * c * 111320, y * 111320) for x, y in ring]

    def dist(p, a, b):
        dx, dy = b[0] - a[0], b[1] - a[1]
        l2 = dx * dx + dy * dy
        t = 0 if l2 == 0 else max(0, min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2))
        return math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1])

    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    far = max(range(len(pts)), key=lambda i: math.hypot(pts[i][0] - pts[0][0], pts[i][1] - pts[0][1]))
    keep[far] = True
    stack = [(0, far), (far, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        best, k = 0.0, -1
        for m in range(i + 1, j):
            d = dist(pts[m], pts[i], pts[j])
            if d > best:
                best, k = d, m
        if k >= 0 and best > tol_m:
            keep[k] = True
            stack += [(i, k), (k, j)]
    return [ring[i] for i in range(len(ring)) if keep[i]]


def main(enc_path: str) -> None:
    doc = json.load(open(PATH, encoding="utf-8"))
    enc = {f["properties"]["zone_id"]: f for f in json.load(open(enc_path, encoding="utf-8"))["features"]}
    by_id = {f["properties"]["id"]: f for f in doc["features"]}
    for ours, theirs in ENC.items():
        f = by_id[ours]
        src = enc[theirs]
        f["geometry"] = {
            "type": "Polygon",
            "coordinates": [[[round(x, 6), round(y, 6)] for x, y in simplify(src["geometry"]["coordinates"][0], 3.0)]],
        }
        p = f["properties"]
        p["name_en"] = p["name_en"].replace(" (approx.)", "")
        p["name_ja"] = p["name_ja"].replace("（概略）", "")
        p["source"] = (
            "NOAA ENC US5LGBCD, SLCONS CATSLC=1 (breakwater) - a 20 m buffer around the ENC centreline, "
            "as transcribed in public repository rajivsaicharan2004/san-pedro-bay-pipeline "
            "(processing/geofences/zones.geojson, commit b177b952646656927a7309b80655d5e45327dfe5; "
            "no licence file; the ENC itself is US Government public domain)"
        )
        p["confidence"] = "B"
        p["method"] = "polygon simplified (Douglas-Peucker, 3 m: drops the buffer's self-crossing corner loops; 6 decimals); replaces the hand-drawn line that lay up to 439 m (San Pedro) / 585 m (Middle) away"
        p.pop("note", None)
    lbct = by_id["uslax-terminal-lgb-lbct"]
    lbct["properties"]["note"] = (
        "Port of Long Beach terminal: ships moored here are Long Beach (USLGB) calls, kept apart from "
        "Los Angeles' calls"
    )
    for t in NEW_TERMINALS:
        if t["id"] in by_id:
            continue
        ring = [[lon, lat] for lat, lon in t["ring_latlon"]]
        doc["features"].append(
            {
                "type": "Feature",
                "properties": {
                    "id": t["id"],
                    "name_en": t["name_en"],
                    "kind": "terminal",
                    "port": "USLGB",
                    "berths": t["berths"],
                    "source": PIERS_SOURCE,
                    "note": lbct["properties"]["note"],
                    "confidence": "B",
                    "name_ja": t["name_ja"],
                },
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        )
    for f in doc["features"]:
        if f["properties"].get("port") == "USLGB":
            f["properties"]["note"] = lbct["properties"]["note"]
    with open(PATH, "w", encoding="utf-8") as out:
        json.dump(doc, out, ensure_ascii=False, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])

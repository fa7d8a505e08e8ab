#!/usr/bin/env python3
"""One-off builder for data/ports/USLAX.geojson and JPNGO.geojson.

Input: the reference geography set assembled on 2026-11-27 (USLAX.geojson, JPNGO.geojson with
their README). Output: the two files in data/ports/, with Japanese names, berth polygons and the
Nagoya additions. The output is committed; the app never runs this script.

    python3 data/ports/tools/build_geography.py <reference-geography-dir> data/ports

Berth polygons are strips in the water along a quay line taken from the terminal polygon's
vertices: from 5 m to 55 m off the quay edge, on the side away from the terminal polygon.
"""

import json
import math
import sys

R = 6371008.8  # mean Earth radius, m (same as src/geo/geometry.ts)


def dest(p, bearing_deg, dist_m):
    """Spherical destination point (lon, lat)."""
    lon1, lat1 = math.radians(p[0]), math.radians(p[1])
    th = math.radians(bearing_deg)
    d = dist_m / R
    lat2 = math.asin(math.sin(lat1) * math.cos(d) + math.cos(lat1) * math.sin(d) * math.cos(th))
    lon2 = lon1 + math.atan2(
        math.sin(th) * math.sin(d) * math.cos(lat1), math.cos(d) - math.sin(lat1) * math.sin(lat2)
    )
    return [round(math.degrees(lon2), 6), round(math.degrees(lat2), 6)]


def to_xy(p, origin):
    k = math.cos(math.radians(origin[1]))
    return ((p[0] - origin[0]) * k * math.pi / 180 * R, (p[1] - origin[1]) * math.pi / 180 * R)


def from_xy(xy, origin):
    k = math.cos(math.radians(origin[1]))
    return [
        round(origin[0] + xy[0] / (k * math.pi / 180 * R), 6),
        round(origin[1] + xy[1] / (math.pi / 180 * R), 6),
    ]


def point_in_ring(p, ring):
    x, y = p
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y):
            xc = (xj - xi) * (y - yi) / (yj - yi) + xi
            if x < xc:
                inside = not inside
        j = i
    return inside


def length_m(line):
    o = line[0]
    tot = 0.0
    for a, b in zip(line, line[1:]):
        ax, ay = to_xy(a, o)
        bx, by = to_xy(b, o)
        tot += math.hypot(bx - ax, by - ay)
    return tot


def offset_line(line, dist_m, side, origin):
    """Offset a polyline sideways (side=+1 left, -1 right) by dist_m, mitred joints."""
    pts = [to_xy(p, origin) for p in line]
    normals = []
    for (ax, ay), (bx, by) in zip(pts, pts[1:]):
        L = math.hypot(bx - ax, by - ay)
        normals.append((-(by - ay) / L * side, (bx - ax) / L * side))
    out = []
    for i, (px, py) in enumerate(pts):
        if i == 0:
            nx, ny = normals[0]
            s = 1.0
        elif i == len(pts) - 1:
            nx, ny = normals[-1]
            s = 1.0
        else:
            n1, n2 = normals[i - 1], normals[i]
            mx, my = n1[0] + n2[0], n1[1] + n2[1]
            ml = math.hypot(mx, my)
            mx, my = mx / ml, my / ml
            cos_half = mx * n1[0] + my * n1[1]
            s = 1.0 / max(cos_half, 0.5)
            nx, ny = mx, my
        out.append(from_xy((px + nx * dist_m * s, py + ny * dist_m * s), origin))
    return out


def berth_strip(quay_line, terminal_ring, near_m=5.0, far_m=55.0):
    """Polygon in the water along quay_line; the water side is the one outside terminal_ring."""
    origin = quay_line[0]
    # Probe 30 m to the left of the middle of the longest segment.
    best = max(range(len(quay_line) - 1), key=lambda i: length_m(quay_line[i : i + 2]))
    seg = quay_line[best : best + 2]
    probe = offset_line(seg, 30.0, +1, origin)
    mid = [(probe[0][0] + probe[1][0]) / 2, (probe[0][1] + probe[1][1]) / 2]
    side = -1 if point_in_ring(mid, terminal_ring) else +1
    inner = offset_line(quay_line, near_m, side, origin)
    outer = offset_line(quay_line, far_m, side, origin)
    ring = inner + list(reversed(outer)) + [inner[0]]
    return ring


def rect(quay_start, bearing_deg, quay_len_m, depth_m, land_side):
    """Terminal rectangle: quay from quay_start along bearing; yard depth_m to land_side (+1 left)."""
    a = list(quay_start)
    b = dest(a, bearing_deg, quay_len_m)
    land_bearing = bearing_deg - 90 if land_side > 0 else bearing_deg + 90
    c = dest(b, land_bearing, depth_m)
    d = dest(a, land_bearing, depth_m)
    ring = [a, b, c, d, a]
    return ring, [a, b]


# ---------------------------------------------------------------------------------------------
# Japanese names for the Los Angeles features (the reference set had none).
LA_JA = {
    "uslax-ref-point-fermin-light": "ポイント・ファーミン灯台（VSR基準点）",
    "uslax-ref-los-angeles-light": "ロサンゼルス灯台（エンジェルズゲート灯台）",
    "uslax-ref-long-beach-light": "ロングビーチ灯台（クイーンズゲート）",
    "uslax-vsr-20nm": "船舶減速（VSR）区域 ポイント・ファーミンから20海里",
    "uslax-vsr-40nm": "船舶減速（VSR）区域 ポイント・ファーミンから40海里",
    "uslax-precautionary-area": "ロサンゼルス／ロングビーチ警戒区域（サンペドロ湾規制水域）",
    "uslax-pilot-area-los-angeles": "ロサンゼルス水先区域",
    "uslax-pilot-area-long-beach": "ロングビーチ水先区域",
    "uslax-tss-west-separation-zone": "分離通航方式 西側進入路 分離帯",
    "uslax-tss-west-northbound-lane": "分離通航方式 西側進入路 北航レーン",
    "uslax-tss-west-southbound-lane": "分離通航方式 西側進入路 南航レーン",
    "uslax-tss-south-separation-zone": "分離通航方式 南側進入路 分離帯",
    "uslax-tss-south-northbound-lane": "分離通航方式 南側進入路 北航（入港）レーン",
    "uslax-tss-south-southbound-lane": "分離通航方式 南側進入路 南航（出港）レーン",
    "uslax-anchorage-b": "錨地B（ロングビーチ港）",
    "uslax-anchorage-c": "錨地C（ロングビーチ港）",
    "uslax-anchorage-d": "錨地D（ロングビーチ港）",
    "uslax-anchorage-e": "錨地E（ロングビーチ港）",
    "uslax-anchorage-f": "錨地F（ロングビーチ防波堤外）",
    "uslax-anchorage-g": "錨地G（ミドル防波堤外）",
    "uslax-anchorage-f-pre2025": "錨地F（2025年10月9日以前）",
    "uslax-anchorage-g-pre2025": "錨地G（2025年10月9日以前）",
    "uslax-anchorage-explosives": "危険物（爆発物）錨地",
    "uslax-anchorage-b-7": "大型船用錨地 B-7",
    "uslax-anchorage-b-9": "大型船用錨地 B-9",
    "uslax-anchorage-b-11": "大型船用錨地 B-11",
    "uslax-anchorage-d-5": "大型船用錨地 D-5",
    "uslax-anchorage-d-6": "大型船用錨地 D-6",
    "uslax-anchorage-d-7": "大型船用錨地 D-7",
    "uslax-anchorage-n-line": "一般錨地N（カブリロ・ビーチ）沖側境界線",
    "uslax-anchorage-p-line": "一般錨地P（ロングビーチ港）境界点",
    "uslax-anchorage-q-line": "一般錨地Q（ロングビーチ港・アラミトス湾・アナハイム湾）境界点",
    "uslax-breakwater-san-pedro": "サンペドロ防波堤（概略）",
    "uslax-breakwater-middle": "ミドル防波堤（概略）",
    "uslax-breakwater-long-beach": "ロングビーチ防波堤（概略）",
    "uslax-entrance-angels-gate": "エンジェルズゲート（ロサンゼルス港主航路入口）",
    "uslax-entrance-queens-gate": "クイーンズゲート（ロングビーチ港入口）",
    "uslax-port-district": "ロサンゼルス港（港湾区域、陸域・水域、概略）",
    "uslax-terminal-wbct-100": "ウエストベイスン・コンテナターミナル 100-102番バース",
    "uslax-terminal-wbct-121": "ウエストベイスン・コンテナターミナル 121-131番バース",
    "uslax-terminal-trapac": "トラパック・ロサンゼルス",
    "uslax-terminal-yti": "ユーセン・ターミナルズ（YTI）",
    "uslax-terminal-everport": "エバーポート・ターミナル",
    "uslax-terminal-fenix": "フェニックス・マリン・サービシズ（ピア300）",
    "uslax-terminal-apm-pier400": "APMターミナルズ ピア400",
    "uslax-terminal-lgb-lbct": "ロングビーチ・コンテナターミナル（ピアE）",
    "uslax-terminal-lgb-tti": "トータル・ターミナルズ・インターナショナル（ピアT）",
    "uslax-terminal-lgb-ssa-pier-a": "SSAターミナルズ ピアA",
    "uslax-terminal-lgb-ssa-pier-c": "SSAターミナルズ ピアC（マトソン）",
}

LA_TERMINAL_SOURCE_NOTE = (
    "quay side from the terminal polygon (OSM, ODbL) and the harbour layout: the side facing the "
    "navigable channel or slip, i.e. the polygon edge with water beyond it"
)

# Quay lines (vertices of each terminal polygon, in order) and what we know of each berth group.
LA_BERTHS = [
    {
        "terminal": "uslax-terminal-apm-pier400",
        "id": "uslax-berth-apm-401-406",
        "berth": "401-406",
        "name_en": "APM Terminals Pier 400, Berths 401-406",
        "name_ja": "APMターミナルズ ピア400 401-406番バース",
        "quay": [[-118.24173, 33.73372], [-118.25822, 33.72892], [-118.26046, 33.7241]],
        "length_m": 2192,
        "source": (
            "Berth numbers: Port of Los Angeles container terminal list (berths 401-406). Total berthing "
            "length 7,190 ft (2,192 m): Great Lakes Dredge & Dock project sheet 'Pier 400' "
            "(gldd.com/portfolio-item/pier-400). Ships load on the Pier 300/Pier 400 side "
            "(trainweb.org APTA harbour-cruise report). Quay line = north and north-west edges of the "
            "OSM terminal polygon (ODbL)"
        ),
        "method": (
            "strip 5-55 m off the north (Pier 300/400 slip) and north-west (Main Channel) edges of the "
            "terminal polygon; those two edges measure 2.17 km, matching the published 2,192 m berthing "
            "length. Individual berth limits unknown, so one group"
        ),
        "confidence": "C",
        "quay_face": "north (slip between Pier 300 and Pier 400) and north-west (Main Channel)",
    },
    {
        "terminal": "uslax-terminal-fenix",
        "id": "uslax-berth-fenix-302-305",
        "berth": "302-305",
        "name_en": "Fenix Marine Services Pier 300, Berths 302-305",
        "name_ja": "フェニックス・マリン・サービシズ ピア300 302-305番バース",
        "quay": [[-118.26044, 33.73121], [-118.24795, 33.73484], [-118.24412, 33.73643]],
        "source": (
            "Berth numbers: Port of Los Angeles container terminal list (302-305). Quay line = the long "
            "straight south edge of the OSM terminal polygon (ODbL), facing the Pier 300/Pier 400 slip"
        ),
        "method": "strip 5-55 m off the south edge of the terminal polygon; one group (berth limits unknown)",
        "confidence": "C",
        "quay_face": "south (slip between Pier 300 and Pier 400)",
    },
    {
        "terminal": "uslax-terminal-everport",
        "id": "uslax-berth-everport-226-236",
        "berth": "226-236",
        "name_en": "Everport Terminal, Berths 226-236",
        "name_ja": "エバーポート・ターミナル 226-236番バース",
        "quay": [[-118.26999, 33.7486], [-118.27475, 33.74068], [-118.27447, 33.73596]],
        "source": (
            "Berth numbers: Port of Los Angeles container terminal list (226-236). Quay line = west edge "
            "of the OSM terminal polygon (ODbL), facing the Los Angeles Main Channel"
        ),
        "method": "strip 5-55 m off the west edge of the terminal polygon; one group",
        "confidence": "B",
        "quay_face": "west (Main Channel)",
    },
    {
        "terminal": "uslax-terminal-yti",
        "id": "uslax-berth-yti-212-225",
        "berth": "212-225",
        "name_en": "Yusen Terminals, Berths 212-225",
        "name_ja": "ユーセン・ターミナルズ 212-225番バース",
        "quay": [[-118.26859, 33.74964], [-118.2614, 33.75569], [-118.2578, 33.75954], [-118.25438, 33.76045]],
        "source": (
            "Berth numbers: Port of Los Angeles container terminal list (212-225). Quay line = north-west "
            "edge of the OSM terminal polygon (ODbL), facing the Main Channel north of the Vincent "
            "Thomas Bridge (TraPac's quay lies opposite, ~500 m away)"
        ),
        "method": "strip 5-55 m off the north-west edge of the terminal polygon; one group",
        "confidence": "B",
        "quay_face": "north-west (Main Channel)",
    },
    {
        "terminal": "uslax-terminal-trapac",
        "id": "uslax-berth-trapac-main-channel",
        "berth": "136-147",
        "name_en": "TraPac, Main Channel face (part of Berths 136-147)",
        "name_ja": "トラパック 主航路側岸壁（136-147番バースの一部）",
        "quay": [[-118.27215, 33.757], [-118.26428, 33.76585]],
        "source": (
            "Berth numbers: Port of Los Angeles container terminal list (136-147). Quay line = south-east "
            "edge of the OSM terminal polygon (ODbL), facing the Main Channel"
        ),
        "method": (
            "strip 5-55 m off the south-east edge of the terminal polygon; which numbers lie on which "
            "face is unknown, so both TraPac faces carry the whole range"
        ),
        "confidence": "C",
        "quay_face": "south-east (Main Channel)",
    },
    {
        "terminal": "uslax-terminal-trapac",
        "id": "uslax-berth-trapac-west-basin",
        "berth": "136-147",
        "name_en": "TraPac, West Basin face (part of Berths 136-147)",
        "name_ja": "トラパック ウエストベイスン側岸壁（136-147番バースの一部）",
        "quay": [[-118.27065, 33.76704], [-118.27403, 33.75823]],
        "source": (
            "Berth numbers: Port of Los Angeles container terminal list (136-147). Quay line = west edge "
            "of the OSM terminal polygon's finger pier (ODbL), facing the West Basin slip"
        ),
        "method": "strip 5-55 m off the west edge of the finger pier; see the Main Channel face",
        "confidence": "C",
        "quay_face": "west (West Basin slip)",
    },
    {
        "terminal": "uslax-terminal-wbct-121",
        "id": "uslax-berth-wbct-121-131",
        "berth": "121-131",
        "name_en": "West Basin Container Terminal, Berths 121-131",
        "name_ja": "ウエストベイスン・コンテナターミナル 121-131番バース",
        "quay": [[-118.27559, 33.7608], [-118.28003, 33.76921]],
        "source": (
            "Berth numbers: Port of Los Angeles container terminal list (121-131; the OSM polygon is "
            "labelled 121-127). Quay line = east edge of the OSM terminal polygon (ODbL), facing the "
            "West Basin slip opposite TraPac"
        ),
        "method": "strip 5-55 m off the east edge of the terminal polygon; one group",
        "confidence": "C",
        "quay_face": "east (West Basin slip)",
    },
    {
        "terminal": "uslax-terminal-wbct-100",
        "id": "uslax-berth-wbct-100-102",
        "berth": "100-102",
        "name_en": "West Basin Container Terminal, Berths 100-102",
        "name_ja": "ウエストベイスン・コンテナターミナル 100-102番バース",
        "quay": [[-118.27726, 33.75639], [-118.27319, 33.75044]],
        "source": (
            "Berth numbers: Port of Los Angeles container terminal list (100-102). Quay line = east edge "
            "of the OSM terminal polygon (ODbL), facing the Main Channel just north of the Vincent "
            "Thomas Bridge; the north side adjoins the Berths 121-131 terminal on land"
        ),
        "method": "strip 5-55 m off the east edge of the terminal polygon; one group",
        "confidence": "C",
        "quay_face": "east (Main Channel)",
    },
]

# ---------------------------------------------------------------------------------------------
# Nagoya. Terminal rectangles sized from published quay lengths and yard areas; positions and
# orientations estimated (see README): confidence C.
NUTS_SRC = (
    "quay length, yard area, start of service: NUTS brochure 'Nagoya to the World, a Bridge of "
    "Logistics' (Nagoya Harbor Transportation Association; docslib.org/doc/4832094), terminal map legend"
)
NGO_POS_NOTE = (
    "POSITION AND ORIENTATION ESTIMATED from the general layout of the port (no terminal coordinates "
    "or OSM copy were found); anchored by: the port-area regulation's storm-surge barrier points, a "
    "Japan Coast Guard notice placing dredging for the Nabeta wharf chart inset at 35-01-42N "
    "136-47-22E (4th Region Notice to Mariners 2010 no. 87), a notice placing NCB's R1 quay on the "
    "Kinjo water area (canpan.info tyuubu archive 146, 2021). Error may reach ~1 km"
)

NGO_TERMINALS = [
    {
        "id": "jpngo-terminal-nabeta",
        "quay_start": [136.7800, 35.0345],
        "bearing": 112,
        "quay_len": 985,
        "depth": 557,
        "land_side": +1,
        "yard_m2": 548500,
        "service_from": 2001,
        "method": (
            "rectangle: 985 m quay (published) facing SSW into the basin inside the storm-surge barrier, "
            "yard depth 557 m = 548,500 m2 / 985 m; placement estimated"
        ),
        "berth": {
            "id": "jpngo-berth-nabeta-t1-t3",
            "berth": "T1-T3",
            "name_en": "Nabeta Pier Container Terminal (NUCT), Berths T1-T3",
            "name_ja": "鍋田ふ頭コンテナターミナル T1～T3バース",
            "length_m": 985,
        },
    },
    {
        "id": "jpngo-terminal-tobishima-north",
        "quay_start": [136.8335, 35.0620],
        "bearing": 180,
        "quay_len": 620,
        "depth": 275,
        "land_side": -1,
        "yard_m2": 170000,
        "service_from": 1984,
        "method": (
            "rectangle: 620 m quay facing east onto the Kinjo water area, yard depth 275 m = 170,000 m2 / "
            "620 m; placement estimated. The brochure legend lists 620 m / 170,000 m2 (1984) and "
            "900 m / 289,000 m2 (1970) for the Tobishima North and NCB pair; which figure belongs to "
            "which is read from the legend order"
        ),
        "berth": {
            "id": "jpngo-berth-tobishima-north",
            "berth": "all",
            "name_en": "Tobishima Pier North Container Terminal quay (berth names not found)",
            "name_ja": "飛島ふ頭北コンテナターミナル 岸壁（バース名不明）",
            "length_m": 620,
        },
    },
    {
        "id": "jpngo-terminal-ncb",
        "quay_start": [136.8335, 35.0560],
        "bearing": 180,
        "quay_len": 900,
        "depth": 320,
        "land_side": -1,
        "yard_m2": 289000,
        "service_from": 1970,
        "method": (
            "rectangle: 900 m quay facing east onto the Kinjo water area (R1 quay faces the Kinjo water "
            "area per the 2021 works notice), yard depth 320 m = 289,000 m2 / 900 m; placement estimated"
        ),
        "berth": {
            "id": "jpngo-berth-ncb-r1-r2",
            "berth": "R1-R2",
            "name_en": "NCB Terminal, Berths R1-R2",
            "name_ja": "NCBコンテナターミナル R1・R2バース",
            "length_m": 900,
            "depth_m": 15,
            "depth_note": "R1 quay -15 m (canpan.info tyuubu archive 146, 2021 works notice)",
        },
    },
    {
        "id": "jpngo-terminal-tobishima-south",
        "quay_start": [136.8335, 35.0470],
        "bearing": 180,
        "quay_len": 700,
        "depth": 320,
        "land_side": -1,
        "yard_m2": 225000,
        "service_from": 1991,
        "method": (
            "rectangle: 700 m quay facing east, yard depth 320 m = 225,000 m2 / 700 m; placement estimated"
        ),
        "berth": {
            "id": "jpngo-berth-tobishima-south",
            "berth": "all",
            "name_en": "Tobishima Pier South Container Terminal quay (berth names not found)",
            "name_ja": "飛島ふ頭南コンテナターミナル 岸壁（バース名不明）",
            "length_m": 700,
        },
    },
    {
        "id": "jpngo-terminal-tcb",
        "quay_start": [136.8260, 35.0265],
        "bearing": 90,
        "quay_len": 750,
        "depth": 470,
        "land_side": +1,
        "yard_m2": 354500,
        "service_from": 2005,
        "method": (
            "rectangle: 750 m quay facing south onto the West Channel (the Tobishima South Side terminal "
            "was opened to 400 m ships by moving West Channel light buoy No. 15: ksg.co.kr news 120192, "
            "logi-today.com/332662), yard depth 470 m = 354,500 m2 / 750 m; placement estimated"
        ),
        "berth": {
            "id": "jpngo-berth-tcb-ts1-ts2",
            "berth": "TS1-TS2",
            "name_en": "Tobishima Pier South Side Container Terminal (TCB), Berths TS1-TS2",
            "name_ja": "飛島ふ頭南側コンテナターミナル TS1・TS2バース",
            "length_m": 750,
            "depth_m": 16,
            "depth_note": "16 m (logi-today.com/332662; ksg.co.kr news 120192)",
        },
    },
]


def ring_ok(ring):
    n = len(ring)
    if n < 4 or ring[0] != ring[-1]:
        return False

    def orient(a, b, c):
        v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return (v > 0) - (v < 0)

    def inter(p1, p2, q1, q2):
        return orient(p1, p2, q1) != orient(p1, p2, q2) and orient(q1, q2, p1) != orient(q1, q2, p2)

    e = n - 1
    for i in range(e):
        for j in range(i + 1, e):
            if j == i + 1 or (i == 0 and j == e - 1):
                continue
            if inter(ring[i], ring[i + 1], ring[j], ring[j + 1]):
                return False
    return True


def feature(geom, props):
    return {"type": "Feature", "properties": props, "geometry": geom}


def build_la(src):
    fc = json.load(open(f"{src}/USLAX.geojson"))
    by_id = {}
    for f in fc["features"]:
        p = f["properties"]
        p["name_ja"] = LA_JA[p["id"]]
        by_id[p["id"]] = f
    for b in LA_BERTHS:
        t = by_id[b["terminal"]]
        ring = berth_strip(b["quay"], t["geometry"]["coordinates"][0])
        assert ring_ok(ring), b["id"]
        props = {
            "id": b["id"],
            "name_en": b["name_en"],
            "name_ja": b["name_ja"],
            "kind": "berth",
            "terminal": b["terminal"],
            "berth": b["berth"],
            "port": "USLAX",
            "source": b["source"],
            "confidence": b["confidence"],
            "method": b["method"] + "; " + LA_TERMINAL_SOURCE_NOTE,
            "quay_face": b["quay_face"],
            "quay_length_m": round(length_m(b["quay"])),
        }
        if "length_m" in b:
            props["length_m"] = b["length_m"]
        fc["features"].append(feature({"type": "Polygon", "coordinates": [ring]}, props))
    fc["attribution"] = "Contains OpenStreetMap data © OpenStreetMap contributors, ODbL 1.0"
    return fc


def build_ngo(src):
    fc = json.load(open(f"{src}/JPNGO.geojson"))
    feats = fc["features"]
    by_id = {f["properties"]["id"]: f for f in feats}
    for t in NGO_TERMINALS:
        f = by_id[t["id"]]
        ring, quay = rect(t["quay_start"], t["bearing"], t["quay_len"], t["depth"], t["land_side"])
        assert ring_ok(ring), t["id"]
        p = f["properties"]
        names_source = p["source"].split(". POSITION IS AN ESTIMATE")[0]
        f["geometry"] = {"type": "Polygon", "coordinates": [ring]}
        p["source"] = p["source"].replace(
            "POSITION IS AN ESTIMATE from general port maps - no coordinate source was found",
            NUTS_SRC,
        )
        p["quay_length_m"] = t["quay_len"]
        p["yard_area_m2"] = t["yard_m2"]
        p["service_from"] = t["service_from"]
        p["method"] = t["method"]
        p["note"] = NGO_POS_NOTE
        p["confidence"] = "C"
        b = t["berth"]
        bring = berth_strip(quay, ring)
        assert ring_ok(bring), b["id"]
        bp = {
            "id": b["id"],
            "name_en": b["name_en"],
            "name_ja": b["name_ja"],
            "kind": "berth",
            "terminal": t["id"],
            "berth": b["berth"],
            "port": "JPNGO",
            "length_m": b["length_m"],
            "source": NUTS_SRC + "; berth names: " + names_source,
            "confidence": "C",
            "method": "strip 5-55 m off the quay side of the estimated terminal rectangle; one group",
            "note": "as uncertain as its terminal (up to ~1 km)",
        }
        if "depth_m" in b:
            bp["depth_m"] = b["depth_m"]
            bp["depth_source"] = b["depth_note"]
        feats.append(feature({"type": "Polygon", "coordinates": [bring]}, bp))

    # Approach areas: our definitions, analogous to LA's precautionary area (inner) and the VSR
    # zones (outer), so later code can tell transit / approach / port.
    ise_bay = [
        [136.923611, 34.444444],  # Ijika lighthouse (MTSA limit, A)
        [136.86, 34.50],
        [136.72, 34.55],
        [136.58, 34.62],
        [136.53, 34.72],
        [136.56, 34.84],
        [136.63, 34.94],
        [136.70, 35.00],
        # North edge = the port area's seaward boundary, vertex for vertex, so the two abut.
        [136.766111, 35.035],  # storm-surge barrier NW base (A)
        [136.781389, 35.018333],  # barrier bend (A)
        [136.783734, 34.999796],  # port-area seaward vertices (A)
        [136.767413, 34.982608],
        [136.791034, 34.946804],
        [136.825556, 34.939722],  # Shinkawa mouth base point (A)
        [136.84, 34.88],
        [136.87, 34.80],
        [136.93, 34.73],
        [136.975, 34.69],  # Morozaki (Chita peninsula tip), approx.
        [137.146389, 34.601944],  # Oyama triangulation point (MTSA limit, A)
        [136.923611, 34.444444],
    ]
    assert ring_ok(ise_bay)
    feats.append(
        feature(
            {"type": "Polygon", "coordinates": [ise_bay]},
            {
                "id": "jpngo-approach-ise-bay",
                "name_en": "Ise Bay approach (MTSA Ise Bay area, approx.)",
                "name_ja": "伊勢湾 進入海域（海上交通安全法 伊勢湾海域、概略）",
                "kind": "approach_area",
                "tier": "outer",
                "port": "JPNGO",
                "source": (
                    "south limit: MTSA Enforcement Order Art. 1 line Oyama triangulation point - Ijika "
                    "lighthouse (A, as jpngo-mtsa-ise-bay-boundary); north limit: Nagoya port-area "
                    "seaward boundary (A); coasts of Mie and the Chita peninsula hand-placed (C)"
                ),
                "method": (
                    "our definition: Ise Bay water inside the MTSA limit, closed along the coasts with "
                    "hand-placed points (~1-3 km error) and across the Mikawa Bay mouth by a straight "
                    "Morozaki - Oyama line. Shared with Yokkaichi and Kinuura traffic; a ship here is "
                    "approaching Nagoya only if its destination says so"
                ),
                "note": "analogous to LA's VSR zones as the outer approach tier; overlaps the inner approach",
                "confidence": "C",
            },
        )
    )
    inner = [
        [136.70, 34.80],
        [136.795, 34.80],
        [136.800, 34.93],
        [136.791034, 34.946804],
        [136.767413, 34.982608],
        [136.72, 34.96],
        [136.70, 34.80],
    ]
    assert ring_ok(inner)
    feats.append(
        feature(
            {"type": "Polygon", "coordinates": [inner]},
            {
                "id": "jpngo-approach-nagoya",
                "name_en": "Nagoya approach (northern Ise Bay, west of Chubu Centrair; our definition)",
                "name_ja": "名古屋港 進入海域（伊勢湾北部、中部国際空港西側；独自定義）",
                "kind": "approach_area",
                "tier": "inner",
                "port": "JPNGO",
                "source": (
                    "north edge: Nagoya port-area seaward boundary (A); the rest is our definition around "
                    "the Nakayama Channel development-and-conservation route (中山水道航路) named by "
                    "the Ise Bay Marine Disaster Prevention Association's safety chart (2014), no "
                    "coordinates read"
                ),
                "method": (
                    "quadrilateral from the port-area seaward boundary ~16 km south to 34.80N, between "
                    "136.70E and the west shore of the Centrair island; analogous to LA's precautionary "
                    "area (where ships slow down and pilots board before the port)"
                ),
                "confidence": "C",
            },
        )
    )
    fc["attribution"] = "See README.md: JPNGO features are not OSM-derived"
    return fc


def main():
    src, out = sys.argv[1], sys.argv[2]
    la = build_la(src)
    ngo = build_ngo(src)
    for name, fc in (("USLAX", la), ("JPNGO", ngo)):
        with open(f"{out}/{name}.geojson", "w", encoding="utf-8") as fh:
            json.dump(fc, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        kinds = {}
        for f in fc["features"]:
            kinds[f["properties"]["kind"]] = kinds.get(f["properties"]["kind"], 0) + 1
        print(name, len(fc["features"]), kinds)


if __name__ == "__main__":
    main()

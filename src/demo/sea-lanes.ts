/**
 * Hand-chosen routes for the demo world: named waypoints in channels and lanes per port, which
 * berths take which ship types, anchor areas, harbour-craft bases and AIS receivers.
 *
 * There is no coastline data, so ships follow these waypoints; each was placed on open water as
 * far as our geography shows (TSS lanes from 33 CFR 167, Angels Gate, the Main Channel between
 * the berth strips; Irago Suido route, west of Chubu Centrair, the storm-surge-barrier entrances).
 * Berths of other than container ships are not in data/ports (only container terminals are): the
 * demo adds approximate berth strips for them (`registry: false`, confidence C) and publishes
 * their polygons in the ground truth so that call detection can use them.
 */
import type { LonLat } from "../geo/index.ts";
import type { DemoShipType } from "./fleet.ts";

/** Speed class of a leg (applies to the leg that ends at the waypoint, inbound). */
export type LegClass =
  | "sea"
  | "lane"
  | "route12"
  | "bay"
  | "approach"
  | "pilot"
  | "harbour"
  | "manoeuvre"
  | "berthing";

export interface RouteStep {
  node: string;
  leg: LegClass;
}

export interface ApproachRoute {
  id: string;
  weight: number;
  /** From the sea start to the node before the pilot boarding place (anchoring diverts here). */
  inbound: RouteStep[];
  /** From the pilot disembarking place to the sea. */
  outbound: RouteStep[];
}

export interface DemoBerthSpec {
  /** Registry berth feature id, or a demo berth id. */
  id: string;
  kinds: DemoShipType[];
  /** Harbour path from the gate node (exclusive) to the turning point off this berth. */
  harbour: RouteStep[];
  /** Demo berths only: quay midline of the berth strip and which side is water (+1 left, -1 right). */
  demo?: { name: string; terminal: string; berth: string; midline: LonLat[]; waterSide: 1 | -1 };
  /**
   * Registry berths: the quay edge from a published source other than data/ports (which detection
   * reads), and which side is water. Ships moor 20-65 m off it (fenders, half a beam, where the
   * antenna sits), so the ground truth is not drawn from the polygons that detect. Without it the
   * demo moors ships on the berth strip's midline (ground truth coupled to the strip).
   */
  quay?: { edge: LonLat[]; waterSide: 1 | -1; source: string };
  /** Ship-length metres of quay per slot (sets how many ships fit). */
  slotLengthM: number;
  /**
   * At least this many ships at once (demo berths stand for several real berths of that trade,
   * sized for ~60 % occupancy at scale 1; their slots may then be closer than a ship's length).
   */
  minSlots?: number;
}

export interface DemoAnchorageSpec {
  /** Registry anchorage feature id, or a demo id with its polygon. */
  id: string;
  weight: number;
  polygon?: LonLat[];
  name?: string;
}

export interface PortRoutes {
  locode: string;
  nodes: Record<string, LonLat>;
  approaches: ApproachRoute[];
  /** Pilot boarding (inbound) and disembarking (outbound) places. */
  pilotIn: string;
  pilotOut: string;
  /** Pilot place → gate, inbound. */
  toGate: RouteStep[];
  gate: string;
  berths: DemoBerthSpec[];
  anchorages: DemoAnchorageSpec[];
  /** Speed-reduction zone (Los Angeles VSR): circles around a centre, limit in knots. */
  vsr: { centre: LonLat; radiiNm: number[]; limitKn: number } | null;
  tugBase: LonLat;
  pilotBase: LonLat;
  /** Pilot boats' way from their base to the gate. */
  pilotPath: string[];
  marina: LonLat;
  /** Nodes pleasure craft visit. */
  leisureNodes: string[];
  /** Fishing grounds (outside the harbour). */
  fishingGrounds: LonLat[];
  /** Fishing boats' way out of the harbour, from the marina. */
  fishingExit: string[];
  receivers: { name: string; at: LonLat }[];
  /** AIS base station of the port (type 4 every 10 s): MMSI of form 00MIDxxxx and position. */
  baseStation: { mmsi: number; at: LonLat };
  /** AIS destination text of inbound ships. */
  destination: string;
  /** Next ports of outbound ships (UN/LOCODE written as AIS destinations often are). */
  nextPorts: string[];
  /** Standard-time offset of the port's zone (hours; daylight saving ignored for class-B day trips). */
  utcOffsetH: number;
  /** Calls per day at scale 1, by type. */
  callsPerDay: Partial<Record<DemoShipType, number>>;
  /** Harbour craft at scale 1. */
  craft: { tug: number; pilot: number; pleasure: number; fishing: number };
}

const s = (node: string, leg: LegClass): RouteStep => ({ node, leg });

/** Los Angeles: TSS western and southern approaches, precautionary area, Angels Gate, Main Channel. */
export const USLAX_ROUTES: PortRoutes = {
  locode: "USLAX",
  nodes: {
    // ~51 nm WNW of Point Fermin, south of Point Dume and north of Santa Barbara Island.
    sea_west: [-119.3, 33.8],
    sea_west_out: [-119.3, 33.84],
    // Western approach, southbound (inbound) lane centre line (33 CFR 167.502).
    west_lane_in_a: [-118.62, 33.7125],
    west_lane_in_b: [-118.388, 33.6],
    west_prec: [-118.29, 33.6],
    // Northbound (outbound) lane centre line.
    west_lane_out_a: [-118.2933, 33.6367],
    west_lane_out_b: [-118.3458, 33.6367],
    west_lane_out_c: [-118.59, 33.7558],
    // ~51 nm SSE of Point Fermin, east of Santa Catalina.
    sea_south: [-117.8, 32.95],
    sea_south_out: [-117.85, 32.95],
    // Southern approach lanes (33 CFR 167.503): northbound in, southbound out.
    south_lane_in_a: [-118.048, 33.331],
    south_lane_in_b: [-118.161, 33.5917],
    south_lane_out_a: [-118.2229, 33.5917],
    south_lane_out_b: [-118.1029, 33.3142],
    // Los Angeles Pilot Area (33 CFR 165.1152): boarding and disembarking inside it.
    la_pilot_in: [-118.24, 33.693],
    la_pilot_out: [-118.236, 33.697],
    angels_gate: [-118.2483, 33.7094],
    ag_in: [-118.252, 33.714],
    outer_turn: [-118.264, 33.722],
    slip_w: [-118.2622, 33.7299],
    mc_s: [-118.268, 33.73],
    mc_evp: [-118.2773, 33.7365],
    mc_cruise: [-118.2768, 33.742],
    bridge: [-118.2712, 33.75],
    mc_n1: [-118.27, 33.7525],
    mc_n2: [-118.264, 33.76],
    cc_turn: [-118.2627, 33.763],
    wb_ent: [-118.2742, 33.757],
    wb_mid: [-118.2743, 33.762],
    tanker_turn: [-118.249, 33.7138],
  },
  approaches: [
    {
      id: "west",
      weight: 0.55,
      inbound: [
        s("sea_west", "sea"),
        s("west_lane_in_a", "sea"),
        s("west_lane_in_b", "lane"),
        s("west_prec", "lane"),
      ],
      outbound: [
        s("west_lane_out_a", "approach"),
        s("west_lane_out_b", "lane"),
        s("west_lane_out_c", "lane"),
        s("sea_west_out", "sea"),
      ],
    },
    {
      id: "south",
      weight: 0.45,
      inbound: [s("sea_south", "sea"), s("south_lane_in_a", "sea"), s("south_lane_in_b", "lane")],
      outbound: [s("south_lane_out_a", "approach"), s("south_lane_out_b", "lane"), s("sea_south_out", "sea")],
    },
  ],
  pilotIn: "la_pilot_in",
  pilotOut: "la_pilot_out",
  toGate: [s("angels_gate", "pilot")],
  gate: "angels_gate",
  berths: [
    {
      id: "uslax-berth-apm-401-406",
      kinds: ["container"],
      harbour: [s("ag_in", "harbour"), s("outer_turn", "harbour"), s("slip_w", "manoeuvre")],
      slotLengthM: 300,
      // North (Pier 300/400 slip) and north-west (Main Channel) edges of Pier 400, vertices 13-15.
      quay: {
        edge: [
          [-118.24173, 33.73372],
          [-118.25822, 33.72892],
          [-118.26046, 33.7241],
        ],
        waterSide: -1,
        source:
          "OpenStreetMap relation 9256990 'Pier 400' (Overpass export 2023-08-04, repository jordanbell2357/uscg-nais-data, OSM/industrial_port.geojson, commit 5b20d4f49c39eeb952a5cef13615b27225d7087f), © OpenStreetMap contributors, ODbL 1.0",
      },
    },
    {
      id: "uslax-berth-fenix-302-305",
      kinds: ["container"],
      harbour: [s("ag_in", "harbour"), s("outer_turn", "harbour"), s("slip_w", "manoeuvre")],
      slotLengthM: 300,
      // South edge of Pier 300 on the Pier 300/400 slip, vertices 0-6.
      quay: {
        edge: [
          [-118.26044, 33.73121],
          [-118.25924, 33.73156],
          [-118.25571, 33.73259],
          [-118.25195, 33.73368],
          [-118.24795, 33.73484],
          [-118.24421, 33.7362],
        ],
        waterSide: -1,
        source:
          "OpenStreetMap way 666016405 'Pier 300' (Overpass export 2023-08-04, repository jordanbell2357/uscg-nais-data, OSM/industrial_port.geojson, commit 5b20d4f49c39eeb952a5cef13615b27225d7087f), © OpenStreetMap contributors, ODbL 1.0",
      },
    },
    {
      id: "uslax-berth-everport-226-236",
      kinds: ["container"],
      harbour: [
        s("ag_in", "harbour"),
        s("outer_turn", "harbour"),
        s("mc_s", "harbour"),
        s("mc_evp", "manoeuvre"),
      ],
      slotLengthM: 300,
    },
    {
      id: "uslax-berth-yti-212-225",
      kinds: ["container"],
      harbour: [
        s("ag_in", "harbour"),
        s("outer_turn", "harbour"),
        s("mc_s", "harbour"),
        s("mc_evp", "harbour"),
        s("mc_cruise", "harbour"),
        s("bridge", "harbour"),
        s("mc_n1", "manoeuvre"),
      ],
      slotLengthM: 300,
    },
    {
      id: "uslax-berth-wbct-100-102",
      kinds: ["container"],
      harbour: [
        s("ag_in", "harbour"),
        s("outer_turn", "harbour"),
        s("mc_s", "harbour"),
        s("mc_evp", "harbour"),
        s("mc_cruise", "harbour"),
        s("bridge", "harbour"),
        s("mc_n1", "manoeuvre"),
      ],
      slotLengthM: 300,
      // East edge of the terminal on the Main Channel, vertices 61-62.
      quay: {
        edge: [
          [-118.27319, 33.75044],
          [-118.27726, 33.75639],
        ],
        waterSide: -1,
        source:
          "OpenStreetMap way 667263478 'China Shipping Container Terminal' (now WBCT 100-102) (Overpass export 2023-08-04, repository jordanbell2357/uscg-nais-data, OSM/industrial_port.geojson, commit 5b20d4f49c39eeb952a5cef13615b27225d7087f), © OpenStreetMap contributors, ODbL 1.0",
      },
    },
    {
      id: "uslax-berth-trapac-main-channel",
      kinds: ["container"],
      harbour: [
        s("ag_in", "harbour"),
        s("outer_turn", "harbour"),
        s("mc_s", "harbour"),
        s("mc_evp", "harbour"),
        s("mc_cruise", "harbour"),
        s("bridge", "harbour"),
        s("mc_n1", "harbour"),
        s("mc_n2", "manoeuvre"),
      ],
      slotLengthM: 300,
    },
    {
      id: "uslax-berth-trapac-west-basin",
      kinds: ["container"],
      harbour: [
        s("ag_in", "harbour"),
        s("outer_turn", "harbour"),
        s("mc_s", "harbour"),
        s("mc_evp", "harbour"),
        s("mc_cruise", "harbour"),
        s("bridge", "harbour"),
        s("mc_n1", "harbour"),
        s("wb_ent", "manoeuvre"),
        s("wb_mid", "manoeuvre"),
      ],
      slotLengthM: 300,
    },
    {
      id: "uslax-berth-wbct-121-131",
      kinds: ["container"],
      harbour: [
        s("ag_in", "harbour"),
        s("outer_turn", "harbour"),
        s("mc_s", "harbour"),
        s("mc_evp", "harbour"),
        s("mc_cruise", "harbour"),
        s("bridge", "harbour"),
        s("mc_n1", "harbour"),
        s("wb_ent", "manoeuvre"),
        s("wb_mid", "manoeuvre"),
      ],
      slotLengthM: 300,
    },
    {
      id: "uslax-demo-berth-cruise-91-93",
      kinds: ["cruise"],
      harbour: [
        s("ag_in", "harbour"),
        s("outer_turn", "harbour"),
        s("mc_s", "harbour"),
        s("mc_evp", "harbour"),
        s("mc_cruise", "manoeuvre"),
      ],
      demo: {
        name: "World Cruise Center, Berths 91-93 (demo, approx.)",
        terminal: "uslax-demo-world-cruise-center",
        berth: "91-93",
        midline: [
          [-118.2785, 33.7438],
          [-118.2782, 33.7488],
        ],
        waterSide: -1,
      },
      slotLengthM: 320,
      minSlots: 2,
    },
    {
      id: "uslax-demo-berth-liquid-bulk-408",
      kinds: ["tanker"],
      harbour: [s("ag_in", "harbour"), s("tanker_turn", "manoeuvre")],
      demo: {
        name: "Pier 400 liquid bulk, Berth 408 (demo, approx.)",
        terminal: "uslax-demo-pier400-liquid-bulk",
        berth: "408",
        midline: [
          [-118.2445, 33.7152],
          [-118.2385, 33.7158],
        ],
        waterSide: -1,
      },
      slotLengthM: 280,
      minSlots: 5,
    },
    {
      id: "uslax-demo-berth-dry-bulk-49",
      kinds: ["bulk"],
      harbour: [s("ag_in", "harbour"), s("outer_turn", "manoeuvre")],
      demo: {
        name: "Outer Harbor dry bulk, Berths 49-50 (demo, approx.)",
        terminal: "uslax-demo-outer-harbor-bulk",
        berth: "49-50",
        midline: [
          [-118.2752, 33.7195],
          [-118.2752, 33.7245],
        ],
        waterSide: -1,
      },
      slotLengthM: 260,
      minSlots: 6,
    },
    {
      id: "uslax-demo-berth-autos-195-199",
      kinds: ["car_carrier"],
      harbour: [
        s("ag_in", "harbour"),
        s("outer_turn", "harbour"),
        s("mc_s", "harbour"),
        s("mc_evp", "harbour"),
        s("mc_cruise", "harbour"),
        s("bridge", "harbour"),
        s("mc_n1", "harbour"),
        s("mc_n2", "harbour"),
        s("cc_turn", "manoeuvre"),
      ],
      demo: {
        name: "Automobile terminal, Berths 195-199 (demo, approx.)",
        terminal: "uslax-demo-auto-terminal",
        berth: "195-199",
        midline: [
          [-118.259, 33.7625],
          [-118.259, 33.7675],
        ],
        waterSide: 1,
      },
      slotLengthM: 230,
      minSlots: 3,
    },
  ],
  anchorages: [
    { id: "uslax-anchorage-g", weight: 0.6 },
    { id: "uslax-anchorage-f", weight: 0.4 },
  ],
  vsr: { centre: [-118.293333, 33.705], radiiNm: [40, 20], limitKn: 12 },
  tugBase: [-118.279, 33.7372],
  pilotPath: ["mc_s", "outer_turn", "ag_in", "angels_gate"],
  pilotBase: [-118.2788, 33.7335],
  marina: [-118.2785, 33.716],
  leisureNodes: ["ag_in", "outer_turn", "mc_s", "angels_gate"],
  // South of the TSS lanes, off Palos Verdes (clear of the lanes).
  fishingGrounds: [
    [-118.5, 33.6],
    [-118.4, 33.53],
    [-118.3, 33.5],
  ],
  fishingExit: ["ag_in", "angels_gate"],
  receivers: [
    { name: "USLAX-FERMIN", at: [-118.2933, 33.705] },
    { name: "USLAX-TI", at: [-118.26, 33.75] },
  ],
  // On land at Point Fermin, away from every berth.
  baseStation: { mmsi: 3669701, at: [-118.2933, 33.7051] },
  destination: "USLAX",
  nextPorts: ["CNSHA", "JPTYO", "KRPUS", "USOAK", "CNYTN", "TWKHH", "MXZLO"],
  utcOffsetH: -8,
  callsPerDay: { container: 9, tanker: 2, bulk: 1.2, car_carrier: 1.5, cruise: 0.7 },
  craft: { tug: 8, pilot: 3, pleasure: 20, fishing: 6 },
};

/** Nagoya: from the Pacific through the Irago Suido route, Ise Bay west of Centrair, the barrier entrances. */
export const JPNGO_ROUTES: PortRoutes = {
  locode: "JPNGO",
  nodes: {
    // Pacific, ~30 nm south of Irago-misaki.
    sea_s: [137.1, 34.08],
    sea_s_out: [137.05, 34.08],
    irago_s: [137.04, 34.52],
    irago_s_out: [137.025, 34.52],
    // Irago Suido Traffic Route: keep right, north-west-bound on its north-east half.
    irago_in_a: [137.022, 34.555],
    irago_in_b: [136.987, 34.5745],
    irago_out_a: [136.984, 34.5715],
    irago_out_b: [137.0195, 34.552],
    ise_1: [136.93, 34.66],
    ise_1_out: [136.925, 34.655],
    ise_2: [136.84, 34.77],
    ise_2_out: [136.835, 34.765],
    // Nakayama Channel, west of Chubu Centrair.
    nakayama: [136.775, 34.86],
    nakayama_out: [136.77, 34.86],
    ise_north: [136.785, 34.95],
    // Pilot boarding off the barrier (our choice: Ise-Mikawa Bay boarding positions not found).
    ngo_pilot_in: [136.797, 34.985],
    ngo_pilot_out: [136.792, 34.98],
    ngo_gate: [136.8, 34.995],
    west_out: [136.789, 35.006],
    west_gate: [136.789, 35.017],
    west_in: [136.79, 35.0245],
    tcb_w: [136.805, 35.023],
    tcb_turn: [136.822, 35.0238],
    east_out: [136.839, 34.999],
    east_gate: [136.839, 35.0095],
    east_in: [136.839, 35.02],
    kinjo_s: [136.839, 35.033],
    kinjo_n: [136.839, 35.05],
    east_basin: [136.85, 35.02],
  },
  approaches: [
    {
      id: "irago",
      weight: 1,
      inbound: [
        s("sea_s", "sea"),
        s("irago_s", "sea"),
        s("irago_in_a", "route12"),
        s("irago_in_b", "route12"),
        s("ise_1", "bay"),
        s("ise_2", "bay"),
        s("nakayama", "bay"),
        s("ise_north", "approach"),
      ],
      outbound: [
        s("nakayama_out", "approach"),
        s("ise_2_out", "bay"),
        s("ise_1_out", "bay"),
        s("irago_out_a", "bay"),
        s("irago_out_b", "route12"),
        s("irago_s_out", "bay"),
        s("sea_s_out", "sea"),
      ],
    },
  ],
  pilotIn: "ngo_pilot_in",
  pilotOut: "ngo_pilot_out",
  toGate: [s("ngo_gate", "pilot")],
  gate: "ngo_gate",
  berths: [
    {
      id: "jpngo-berth-nabeta-t1-t3",
      kinds: ["container"],
      harbour: [s("west_out", "harbour"), s("west_gate", "harbour"), s("west_in", "manoeuvre")],
      slotLengthM: 250,
    },
    {
      id: "jpngo-berth-tcb-ts1-ts2",
      kinds: ["container"],
      harbour: [
        s("west_out", "harbour"),
        s("west_gate", "harbour"),
        s("west_in", "harbour"),
        s("tcb_w", "harbour"),
        s("tcb_turn", "manoeuvre"),
      ],
      slotLengthM: 250,
    },
    {
      id: "jpngo-berth-tobishima-south",
      kinds: ["container"],
      harbour: [
        s("east_out", "harbour"),
        s("east_gate", "harbour"),
        s("east_in", "harbour"),
        s("kinjo_s", "manoeuvre"),
      ],
      slotLengthM: 250,
    },
    {
      id: "jpngo-berth-ncb-r1-r2",
      kinds: ["container"],
      harbour: [
        s("east_out", "harbour"),
        s("east_gate", "harbour"),
        s("east_in", "harbour"),
        s("kinjo_s", "harbour"),
        s("kinjo_n", "manoeuvre"),
      ],
      slotLengthM: 250,
    },
    {
      id: "jpngo-berth-tobishima-north",
      kinds: ["container"],
      harbour: [
        s("east_out", "harbour"),
        s("east_gate", "harbour"),
        s("east_in", "harbour"),
        s("kinjo_s", "harbour"),
        s("kinjo_n", "manoeuvre"),
      ],
      slotLengthM: 250,
    },
    {
      id: "jpngo-demo-berth-kinjo-autos",
      kinds: ["car_carrier"],
      harbour: [
        s("east_out", "harbour"),
        s("east_gate", "harbour"),
        s("east_in", "harbour"),
        s("kinjo_s", "manoeuvre"),
      ],
      demo: {
        name: "Kinjo Pier automobile berths (demo, approx.)",
        terminal: "jpngo-demo-kinjo-auto",
        berth: "kinjo-west",
        midline: [
          [136.8437, 35.034],
          [136.8437, 35.042],
        ],
        waterSide: 1,
      },
      slotLengthM: 220,
      minSlots: 4,
    },
    {
      id: "jpngo-demo-berth-kinjo-cruise",
      kinds: ["cruise"],
      harbour: [
        s("east_out", "harbour"),
        s("east_gate", "harbour"),
        s("east_in", "harbour"),
        s("kinjo_s", "harbour"),
        s("kinjo_n", "manoeuvre"),
      ],
      demo: {
        name: "Kinjo Pier cruise terminal (demo, approx.)",
        terminal: "jpngo-demo-kinjo-cruise",
        berth: "kinjo-cruise",
        midline: [
          [136.8437, 35.045],
          [136.8437, 35.05],
        ],
        waterSide: 1,
      },
      slotLengthM: 320,
    },
    {
      id: "jpngo-demo-berth-shiomi-bulk",
      kinds: ["bulk"],
      harbour: [
        s("east_out", "harbour"),
        s("east_gate", "harbour"),
        s("east_in", "harbour"),
        s("east_basin", "manoeuvre"),
      ],
      demo: {
        name: "Shiomi dry bulk berths (demo, approx.)",
        terminal: "jpngo-demo-shiomi-bulk",
        berth: "shiomi",
        midline: [
          [136.855, 35.025],
          [136.855, 35.031],
        ],
        waterSide: 1,
      },
      slotLengthM: 250,
      minSlots: 7,
    },
    {
      id: "jpngo-demo-berth-oil",
      kinds: ["tanker"],
      harbour: [
        s("east_out", "harbour"),
        s("east_gate", "harbour"),
        s("east_in", "harbour"),
        s("east_basin", "manoeuvre"),
      ],
      demo: {
        name: "Oil berths east of the East Channel (demo, approx.)",
        terminal: "jpngo-demo-oil",
        berth: "oil",
        midline: [
          [136.855, 35.0155],
          [136.855, 35.0205],
        ],
        waterSide: 1,
      },
      slotLengthM: 260,
      minSlots: 5,
    },
  ],
  anchorages: [
    {
      id: "jpngo-demo-anchorage-barrier",
      weight: 1,
      name: "Anchorage off the storm-surge barrier (demo, approx.)",
      polygon: [
        [136.805, 34.962],
        [136.835, 34.962],
        [136.835, 34.985],
        [136.805, 34.985],
        [136.805, 34.962],
      ],
    },
  ],
  vsr: null,
  tugBase: [136.8465, 35.0255],
  pilotPath: ["west_in", "west_gate", "west_out", "ngo_gate"],
  pilotBase: [136.8005, 35.0215],
  marina: [136.862, 35.012],
  leisureNodes: ["east_in", "east_gate", "east_out", "east_basin"],
  fishingGrounds: [
    [136.83, 34.9],
    [136.75, 34.8],
    [136.88, 34.93],
  ],
  fishingExit: ["east_basin", "east_in", "east_gate", "east_out"],
  receivers: [
    { name: "JPNGO-KINJO", at: [136.845, 35.04] },
    { name: "JPNGO-IRAGO", at: [137.016, 34.579] },
  ],
  // On land at Garden Pier (Nagoya Port Building), away from every berth.
  baseStation: { mmsi: 4310701, at: [136.8816, 35.0897] },
  destination: "JPNGO",
  nextPorts: ["JPTYO", "JPYOK", "CNSHA", "KRPUS", "USLAX", "TWKHH", "SGSIN"],
  utcOffsetH: 9,
  callsPerDay: { container: 5, tanker: 1.5, bulk: 1.5, car_carrier: 3, cruise: 0.2 },
  craft: { tug: 6, pilot: 2, pleasure: 10, fishing: 8 },
};

export const DEMO_ROUTES: Record<"USLAX" | "JPNGO", PortRoutes> = {
  USLAX: USLAX_ROUTES,
  JPNGO: JPNGO_ROUTES,
};

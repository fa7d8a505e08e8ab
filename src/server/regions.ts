/** The area each port's maps cover: the bounding box of all its geography (approaches included). */
import { type BBox, bboxOf } from "../geo/index.ts";
import type { Store } from "../store/index.ts";

export function portRegionOf(store: Store): (locode: string) => Promise<BBox | undefined> {
  const cache = new Map<string, BBox>();
  return async (locode) => {
    const cached = cache.get(locode);
    if (cached) return cached;
    const port = await store.ports.getPort(locode);
    if (!port) return undefined;
    const boxes = port.geography.features.map((f) =>
      bboxOf(f.geometry.coordinates as Parameters<typeof bboxOf>[0]),
    );
    const box: BBox = [
      Math.min(...boxes.map((b) => b[0])),
      Math.min(...boxes.map((b) => b[1])),
      Math.max(...boxes.map((b) => b[2])),
      Math.max(...boxes.map((b) => b[3])),
    ];
    cache.set(locode, box);
    return box;
  };
}

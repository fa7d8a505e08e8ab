import { useEffect, useState } from "react";
import { type PortVessels, vesselApi } from "../api.ts";

export const VESSEL_REFRESH_MS = 30_000;

export interface PortVesselsState {
  data: PortVessels | null;
  error: Error | null;
  /** When the data was last fetched (browser clock). */
  fetchedAt: Date | null;
}

/** A port's vessels, fetched now and every 30 s; a failed refresh keeps the last data shown. */
export function usePortVessels(locode: string): PortVesselsState {
  const [state, setState] = useState<PortVesselsState>({ data: null, error: null, fetchedAt: null });
  useEffect(() => {
    let live = true;
    setState({ data: null, error: null, fetchedAt: null });
    const load = () => {
      // Stale answers are ignored rather than aborted: an aborted fetch shows as a failed request.
      vesselApi.inPort(locode).then(
        (data) => live && setState({ data, error: null, fetchedAt: new Date() }),
        (error: unknown) => {
          if (!live) return;
          setState((s) => ({ ...s, error: error instanceof Error ? error : new Error(String(error)) }));
        },
      );
    };
    load();
    const id = window.setInterval(load, VESSEL_REFRESH_MS);
    return () => {
      live = false;
      window.clearInterval(id);
    };
  }, [locode]);
  return state;
}

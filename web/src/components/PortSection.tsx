import type { ReactNode } from "react";
import { api, type PortDetail } from "../api.ts";
import { useAsync } from "../hooks.ts";
import { Status } from "./Status.tsx";

/** A page about one port (`params.locode`): loads the port, shows progress or errors, then `children(port)`. */
export function PortSection({
  locode,
  className,
  children,
}: {
  locode: string;
  className: string;
  children: (port: PortDetail) => ReactNode;
}) {
  const detail = useAsync<PortDetail>(() => api.port(locode), locode);
  return (
    <section className={`page ${className}`} data-locode={locode}>
      <Status state={detail} />
      {detail.status === "ready" && children(detail.data)}
    </section>
  );
}

// The part of autocannon 9's API the HTTP bench uses (the package ships no types; @types/autocannon
// is not installed).
declare module "autocannon" {
  interface Histogram {
    average: number;
    p50: number;
    p99: number;
    total: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    non2xx: number;
    errors: number;
    timeouts: number;
  }
  export default function autocannon(options: {
    url: string;
    connections: number;
    duration: number;
    headers?: Record<string, string>;
    /** Each request in turn; `setupRequest` may rewrite it (e.g. a new path each time). */
    requests?: { setupRequest?: (request: { path: string }) => { path: string } }[];
  }): Promise<Result>;
}

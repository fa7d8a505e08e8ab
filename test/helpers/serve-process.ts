/**
 * Whole-process helpers for tests that run `sisterports serve` as a user does: a free loopback port,
 * and the compiled command started on it, resolved once it says it is serving.
 */
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** A TCP port free on 127.0.0.1 at the moment of asking. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

const logs = new WeakMap<ChildProcess, () => string>();

/** What a server started by `startServe` has printed so far (its log, for a failing test's message). */
export function serveLogOf(child: ChildProcess | undefined): string {
  return child ? (logs.get(child)?.() ?? "") : "";
}

/** `sisterports serve --port N` with this environment, once it prints "serving" (30 s at most). */
export async function startServe(name: string, port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["bin/sisterports.mjs", "serve", "--port", String(port)], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  logs.set(child, () => log);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${log}`)), 30_000);
    child.stdout?.on("data", (d: Buffer) => {
      log += d.toString();
      if (log.includes("serving")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on("data", (d: Buffer) => {
      log += d.toString();
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited ${code}:\n${log}`));
    });
  });
  return child;
}

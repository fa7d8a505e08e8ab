/**
 * Demo world: deterministic AIS traffic of both sister ports with the ground truth of every call.
 *
 * - `generateDemoWorld(options, registry)` → `{ vessels, truth, messages() }` (pure, lazy messages).
 * - Writers (I/O) in `./writers.ts`; the `demo` command in `./cli.ts` (imports commander).
 */
export { CALLING_TYPES, type DemoShipType, type DemoVessel, imoCheckDigit } from "./fleet.ts";
export { hash32, Rng } from "./prng.ts";
export { DEMO_ROUTES, type PortRoutes } from "./routes.ts";
export {
  type DemoCallTruth,
  type DemoHarbourCraftTruth,
  type DemoHardCase,
  type DemoMessage,
  type DemoPort,
  type DemoPortTruth,
  type DemoWorld,
  type DemoWorldOptions,
  generateDemoWorld,
  isoS,
} from "./world.ts";

// The one registry of pages: adding a capability's page is one entry here
// (plus its labels in i18n/en.json and i18n/ja.json). Entries with a labelKey appear in the navigation.
import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import { matchPath } from "./router.tsx";

export interface PageProps {
  params: Record<string, string>;
}

export interface RouteEntry {
  path: string;
  /** i18n key of the navigation label; omit for pages reached by links only (e.g. a port page). */
  labelKey?: string;
  component: LazyExoticComponent<ComponentType<PageProps>>;
}

export const routes: RouteEntry[] = [
  {
    path: "/",
    labelKey: "nav.overview",
    component: lazy(() => import("./pages/OverviewPage.tsx").then((m) => ({ default: m.OverviewPage }))),
  },
  {
    path: "/ports/:locode",
    component: lazy(() => import("./pages/PortPage.tsx").then((m) => ({ default: m.PortPage }))),
  },
  {
    path: "/about",
    labelKey: "nav.about",
    component: lazy(() => import("./pages/AboutPage.tsx").then((m) => ({ default: m.AboutPage }))),
  },
];

export const notFound = lazy(() =>
  import("./pages/NotFoundPage.tsx").then((m) => ({ default: m.NotFoundPage })),
);

export function resolveRoute(pathname: string): { entry: RouteEntry | null; params: Record<string, string> } {
  for (const entry of routes) {
    const params = matchPath(entry.path, pathname);
    if (params) return { entry, params };
  }
  return { entry: null, params: {} };
}

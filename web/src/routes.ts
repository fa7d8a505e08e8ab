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
  /** Path of the navigation entry to highlight while this page is shown (pages reached by links only). */
  section?: string;
}

export const routes: RouteEntry[] = [
  {
    // Administrators only (the server refuses its calls to anyone else); linked from the sign-in box.
    path: "/admin",
    component: lazy(() => import("./pages/AdminPage.tsx").then((m) => ({ default: m.AdminPage }))),
  },
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
    // The navigation entry: opens the first port's list; each port's list has its own address.
    path: "/vessels",
    labelKey: "nav.vessels",
    component: lazy(() => import("./pages/VesselsPage.tsx").then((m) => ({ default: m.VesselsIndexPage }))),
  },
  {
    path: "/ports/:locode/vessels",
    section: "/vessels",
    component: lazy(() => import("./pages/VesselsPage.tsx").then((m) => ({ default: m.VesselsPage }))),
  },
  {
    // The navigation entry: opens the first port's calls; each port's calls have their own address.
    path: "/calls",
    labelKey: "nav.calls",
    component: lazy(() => import("./pages/CallsPage.tsx").then((m) => ({ default: m.CallsIndexPage }))),
  },
  {
    path: "/ports/:locode/calls",
    section: "/calls",
    component: lazy(() => import("./pages/CallsPage.tsx").then((m) => ({ default: m.CallsPage }))),
  },
  {
    path: "/ports/:locode/calls/:id",
    section: "/calls",
    component: lazy(() => import("./pages/CallPage.tsx").then((m) => ({ default: m.CallPage }))),
  },
  {
    // The navigation entry: opens the first port's inventory; each port's inventory has its own address.
    path: "/emissions",
    labelKey: "nav.emissions",
    component: lazy(() =>
      import("./pages/EmissionsPage.tsx").then((m) => ({ default: m.EmissionsIndexPage })),
    ),
  },
  {
    path: "/ports/:locode/emissions",
    section: "/emissions",
    component: lazy(() => import("./pages/EmissionsPage.tsx").then((m) => ({ default: m.EmissionsPage }))),
  },
  {
    // The navigation entry: opens the first port's operations; each port's page has its own address.
    path: "/operations",
    labelKey: "nav.operations",
    component: lazy(() =>
      import("./pages/OperationsPage.tsx").then((m) => ({ default: m.OperationsIndexPage })),
    ),
  },
  {
    path: "/ports/:locode/operations",
    section: "/operations",
    component: lazy(() => import("./pages/OperationsPage.tsx").then((m) => ({ default: m.OperationsPage }))),
  },
  {
    // The navigation entry: opens the first port's transition page; each port's page has its own address.
    path: "/transition",
    labelKey: "nav.transition",
    component: lazy(() =>
      import("./pages/TransitionPage.tsx").then((m) => ({ default: m.TransitionIndexPage })),
    ),
  },
  {
    path: "/ports/:locode/transition",
    section: "/transition",
    component: lazy(() => import("./pages/TransitionPage.tsx").then((m) => ({ default: m.TransitionPage }))),
  },
  {
    // The sister-port exchange (issue 15): agreements (analysts and admins) and the side-by-side page.
    path: "/exchange/agreements",
    labelKey: "nav.exchange",
    component: lazy(() =>
      import("./pages/ExchangeAgreementsPage.tsx").then((m) => ({ default: m.ExchangeAgreementsPage })),
    ),
  },
  {
    path: "/exchange/agreements/:id",
    section: "/exchange/agreements",
    component: lazy(() =>
      import("./pages/ExchangeAgreementsPage.tsx").then((m) => ({ default: m.ExchangeAgreementPage })),
    ),
  },
  {
    path: "/exchange/compare",
    labelKey: "nav.compare",
    component: lazy(() =>
      import("./pages/ExchangeComparePage.tsx").then((m) => ({ default: m.ExchangeComparePage })),
    ),
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

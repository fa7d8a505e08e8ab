// A port's zero-emission transition: the fleet (mix by category and powertrain with the ZE share of
// CHE and drayage; the registry's units), the pilots' scorecards, the solar-hydrogen station's
// typical year and the mobile fueller, the scenario editor (analysts, admins), then the saved rollout scenarios with the gap to the CAAP /
// CNP targets and the comparisons (two scenarios, the two ports per TEU).
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type PortDetail, transitionApi } from "../api.ts";
import { FirstPortRedirect } from "../components/FirstPortRedirect.tsx";
import { PortSection } from "../components/PortSection.tsx";
import { localName } from "../format.ts";
import { useAsync, useLanguage } from "../hooks.ts";
import { Link, replaceSearchParam } from "../router.tsx";
import type { PageProps } from "../routes.ts";
import { FleetPanel } from "../transition/FleetPanel.tsx";
import { FuellerPanel } from "../transition/FuellerPanel.tsx";
import { ScenarioEditor } from "../transition/ScenarioEditor.tsx";
import { ScenariosPanel } from "../transition/ScenariosPanel.tsx";
import { ScorecardsPanel } from "../transition/Scorecards.tsx";
import { StationPanel } from "../transition/StationPanel.tsx";
import "../transition/transition.css";

/** `/transition` from the navigation: the first port's transition page. */
export function TransitionIndexPage(_: PageProps) {
  return <FirstPortRedirect subpath="transition" />;
}

export function TransitionPage({ params }: PageProps) {
  const locode = (params["locode"] ?? "").toUpperCase();
  return (
    <PortSection locode={locode} className="transition-page">
      {(port) => <TransitionView key={port.locode} port={port} />}
    </PortSection>
  );
}

const SECTIONS = ["fleet", "scorecards", "station", "fueller", "editor", "scenarios"] as const;

function TransitionView({ port }: { port: PortDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const summary = useAsync(() => transitionApi.summary(port.locode), `${port.locode}|summary`);
  const equipment = useAsync(() => transitionApi.equipment(port.locode), `${port.locode}|equipment`);
  const cards = useAsync(() => transitionApi.scorecards(port.locode), `${port.locode}|cards`);
  const ports = useAsync(api.ports, "ports");
  const others = ports.status === "ready" ? ports.data.filter((p) => p.locode !== port.locode) : [];
  // Bumped when the editor saves: the saved scenarios' list is read again, the new one shown.
  const [saves, setSaves] = useState(0);
  return (
    <>
      <header className="page-header">
        <div>
          <h1>
            {t("transition.title", { port: localName(port.name, lang) })}{" "}
            <span className="locode">{port.locode}</span>
          </h1>
          <p className="muted">{t("transition.lead")}</p>
          {others.map((o) => (
            <p key={o.locode} className="small">
              <Link to={`/ports/${o.locode}/transition`} data-locode={o.locode}>
                {t("transition.otherPort", { port: localName(o.name, lang) })} →
              </Link>
            </p>
          ))}
        </div>
      </header>
      <nav className="ze-sections small" aria-label={t("transition.sectionsLabel")}>
        {SECTIONS.map((s) => (
          <a key={s} href={`#${s}`}>
            {t(`transition.sections.${s}`)}
          </a>
        ))}
      </nav>

      <FleetPanel locode={port.locode} summary={summary} equipment={equipment} />
      <ScorecardsPanel state={cards} summary={summary} port={port} />
      <StationPanel port={port} />
      <FuellerPanel port={port} cards={cards} />

      <ScenarioEditor
        port={port}
        version={saves}
        onSaved={(name) => {
          setSaves((n) => n + 1);
          replaceSearchParam("scenario", name);
        }}
      />
      <ScenariosPanel port={port} version={saves} />
    </>
  );
}

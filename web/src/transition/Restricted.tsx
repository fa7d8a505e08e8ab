// Loading and error states for the transition sections: like components/Status.tsx, but a route
// closed to the reader (401/403: the registry and scorecards are analyst, partner and admin data)
// says so in words instead of showing an error.
import { useTranslation } from "react-i18next";
import { ApiError } from "../api.ts";
import { Status } from "../components/Status.tsx";
import type { AsyncState } from "../hooks.ts";

export function SectionStatus({ state }: { state: AsyncState<unknown> }) {
  const { t } = useTranslation();
  if (state.status === "error" && state.error instanceof ApiError && [401, 403].includes(state.error.status))
    return (
      <p className="muted restricted" data-status={state.error.status}>
        {t("transition.restricted")}
      </p>
    );
  return <Status state={state} />;
}

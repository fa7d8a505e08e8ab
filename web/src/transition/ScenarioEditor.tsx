// The scenario editor (issue 13), for analysts and administrators signed in: a new scenario or
// one started from a saved scenario; per equipment type (the port's registry types first) rules
// of the year — the purchase mix at end of life, a zero-emission share by a year, a number of
// units replaced in a year — each honouring useful life unless "force early" is ticked. "Run"
// previews the result (POST …/scenarios/run) in the saved scenarios' own view; "Save" stores it
// under its name (POST …/scenarios). Problems are shown on the field they are about, in the
// reader's language; leaving with unsaved changes asks first. Everyone else reads a sign-in hint.
import { type FormEvent, Fragment, type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ApiError,
  type EquipmentCategory,
  type PortDetail,
  type ScenarioPowertrain,
  type ScenarioResult,
  scenarioApi,
  sessionApi,
  type TargetsGapReply,
  transitionApi,
} from "../api.ts";
import { Status } from "../components/Status.tsx";
import { formatNumber } from "../format.ts";
import { useAsync, useLanguage } from "../hooks.ts";
import { ScenarioView } from "./ScenarioResultView.tsx";
import {
  checkDraft,
  DRAFT_PATHWAYS,
  DRAFT_POWERTRAINS,
  type Draft,
  type DraftIssue,
  type DraftRule,
  documentOf,
  draftFromInput,
  draftTypes,
  emptyDraft,
  fieldOfIssue,
  newRule,
  PRICE_FIELDS,
  type RuleKind,
  sameDraft,
  ZE_DRAFT_POWERTRAINS,
} from "./scenario-draft.ts";
import { CATEGORY_STYLE } from "./text.ts";

const EDITOR_ROLES = ["analyst", "admin"];
const KINDS: readonly RuleKind[] = ["share", "units", "mix"];

interface EditorProps {
  port: PortDetail;
  /** Bumped by the page when a scenario is saved (the "start from" list is read again). */
  version: number;
  onSaved: (name: string) => void;
}

export function ScenarioEditor({ port, version, onSaved }: EditorProps) {
  const { t } = useTranslation();
  const session = useAsync(() => sessionApi.current(), "session");
  if (session.status !== "ready") return null;
  const role = session.data.principal?.role;
  return (
    <section className="panel ze-editor" id="editor" aria-labelledby="ze-editor-title">
      <h2 id="ze-editor-title">{t("transition.editor.title")}</h2>
      {role !== undefined && EDITOR_ROLES.includes(role) ? (
        <>
          <p className="muted small">{t("transition.editor.lead")}</p>
          <EditorForm port={port} version={version} onSaved={onSaved} />
        </>
      ) : (
        <p className="muted restricted ze-editor-signin">
          {t(role === undefined ? "transition.editor.signIn" : "transition.editor.notAllowed")}
        </p>
      )}
    </section>
  );
}

type Preview =
  | { status: "idle" }
  | { status: "busy"; what: "run" | "save" }
  | { status: "ran"; result: ScenarioResult; targetsGap: TargetsGapReply }
  | { status: "saved"; name: string; savedAt: string; result: ScenarioResult; targetsGap: TargetsGapReply }
  | { status: "failed"; message: string };

/** The units of each type in the registry, as the scenario counts them (not retired, not planned). */
function registryCounts(units: readonly { category: EquipmentCategory; status: string }[]) {
  const counts = new Map<EquipmentCategory, number>();
  for (const u of units)
    if (u.status !== "retired" && u.status !== "planned")
      counts.set(u.category, (counts.get(u.category) ?? 0) + 1);
  return counts;
}

function EditorForm({ port, version, onSaved }: EditorProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const thisYear = new Date().getUTCFullYear();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(thisYear));
  const [baseline, setBaseline] = useState<Draft>(draft);
  const [issues, setIssues] = useState<DraftIssue[]>([]);
  const [preview, setPreview] = useState<Preview>({ status: "idle" });
  const [from, setFrom] = useState("");
  const [addType, setAddType] = useState<EquipmentCategory | "">("");
  const formRef = useRef<HTMLFormElement>(null);
  const registry = useAsync(() => transitionApi.equipment(port.locode), `${port.locode}|editor-registry`);
  const list = useAsync(() => scenarioApi.list(port.locode), `${port.locode}|editor-list|${version}`);
  const dirty = !sameDraft(draft, baseline);

  // Leaving the page (reload, another site) with unsaved changes: the browser asks.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const counts = registry.status === "ready" ? registryCounts(registry.data.units) : new Map();
  const registryTotal = [...counts.values()].reduce((a: number, b: number) => a + b, 0);
  const types = draftTypes([...counts.keys()], draft);
  const otherTypes = (Object.keys(CATEGORY_STYLE) as EquipmentCategory[]).filter((c) => !types.includes(c));
  const names = list.status === "ready" ? list.data.scenarios.map((s) => s.name) : [];
  const issueOf = (field: string) => issues.find((i) => i.field === field);

  const change = (next: Partial<Draft>) => setDraft((d) => ({ ...d, ...next }));
  const changeRule = (id: string, next: Partial<DraftRule>) =>
    setDraft((d) => ({ ...d, rules: d.rules.map((r) => (r.id === id ? { ...r, ...next } : r)) }));
  const discardOk = () => !dirty || window.confirm(t("transition.editor.discard"));
  const start = (next: Draft) => {
    setDraft(next);
    setBaseline(next);
    setIssues([]);
    setPreview({ status: "idle" });
  };
  const startFrom = async () => {
    if (from === "" || !discardOk()) return;
    try {
      const saved = await scenarioApi.get(port.locode, from);
      const d = draftFromInput(saved.input);
      // Saved under another name unless the analyst means to replace it.
      start({ ...d, name: "" });
      setDraft({ ...d, name: t("transition.editor.copyName", { name: d.name }).slice(0, 80) });
    } catch (e) {
      setPreview({ status: "failed", message: e instanceof Error ? e.message : String(e) });
    }
  };

  /** Checks, then runs or saves; the API's issues land on their fields. */
  const submit = async (what: "run" | "save") => {
    const own = checkDraft(draft);
    if (own.length > 0) {
      setIssues(own);
      focusFirstInvalid(formRef.current);
      return;
    }
    const { doc, where } = documentOf(draft, port.locode, port.currency === "JPY" ? "JPY" : "USD");
    setIssues([]);
    setPreview({ status: "busy", what });
    try {
      if (what === "run") {
        const r = await scenarioApi.run(port.locode, doc);
        setPreview({ status: "ran", result: r.result, targetsGap: r.targetsGap });
      } else {
        const r = await scenarioApi.save(port.locode, doc);
        setBaseline(draft);
        setPreview({
          status: "saved",
          name: r.name,
          savedAt: r.savedAt,
          result: r.result,
          targetsGap: r.targetsGap,
        });
        onSaved(r.name);
      }
    } catch (e) {
      if (e instanceof ApiError && e.problem?.issues && e.problem.issues.length > 0) {
        setIssues(
          e.problem.issues.map((i) => ({
            field: fieldOfIssue(i.field, where),
            code: "server",
            reason: `${i.field ? `${i.field}: ` : ""}${i.reason}`,
          })),
        );
        setPreview({ status: "idle" });
        focusFirstInvalid(formRef.current);
      } else setPreview({ status: "failed", message: e instanceof Error ? e.message : String(e) });
    }
  };
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void submit("run");
  };
  /** A labelled text input of a draft field, with its problem under it. */
  const textField = (
    name:
      | "name"
      | "description"
      | "baseYear"
      | "horizonYear"
      | "jpyPerUsd"
      | "fxYear"
      | "fxSource"
      | (typeof PRICE_FIELDS)[number]
      | "priceYear"
      | "priceSource",
    o: {
      label: string;
      issue?: string;
      size?: "wide" | "medium";
      inputMode?: "numeric" | "decimal";
      placeholder?: string;
      maxLength?: number;
    },
  ) => (
    <Field id={`editor-${name}`} label={o.label} issue={o.issue ? issueOf(o.issue) : undefined} size={o.size}>
      {(p) => (
        <input
          {...p}
          name={name}
          value={draft[name]}
          autoComplete="off"
          {...(o.inputMode ? { inputMode: o.inputMode } : {})}
          {...(o.placeholder ? { placeholder: o.placeholder } : {})}
          {...(o.maxLength ? { maxLength: o.maxLength } : {})}
          onChange={(e) => change({ [name]: e.target.value })}
        />
      )}
    </Field>
  );
  const busy = preview.status === "busy";
  const formIssues = issues.filter((i) => i.field === "form");
  const savedFleetUnits =
    draft.savedFleet && Array.isArray(draft.savedFleet["cohorts"])
      ? (draft.savedFleet["cohorts"] as { units?: number }[]).reduce((a, c) => a + (c.units ?? 0), 0)
      : 0;
  const priceCurrency = draft.priceCurrency || port.currency;
  const pathways: string[] = [...DRAFT_PATHWAYS];
  if (draft.hydrogenPathway !== "" && !pathways.includes(draft.hydrogenPathway))
    pathways.push(draft.hydrogenPathway);

  return (
    <>
      <div className="list-toolbar ze-editor-start">
        <button
          type="button"
          onClick={() => {
            if (discardOk()) start(emptyDraft(thisYear));
          }}
        >
          {t("transition.editor.new")}
        </button>
        {names.length > 0 && (
          <>
            <label>
              {t("transition.editor.startFrom")}{" "}
              <select name="editor-from" value={from} onChange={(e) => setFrom(e.target.value)}>
                <option value="">{t("transition.editor.pickSaved")}</option>
                {names.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" disabled={from === ""} onClick={() => void startFrom()}>
              {t("transition.editor.load")}
            </button>
          </>
        )}
        {dirty && (
          <span className="ze-editor-dirty" data-dirty="true">
            {t("transition.editor.unsaved")}
          </span>
        )}
      </div>

      <form
        ref={formRef}
        className="ze-editor-form"
        onSubmit={onSubmit}
        noValidate
        aria-label={t("transition.editor.title")}
      >
        {issues.length > 0 && (
          <div className="ze-editor-problems" role="alert" data-issues={issues.length}>
            {t("transition.editor.problems", { n: issues.length })}
            {formIssues.length > 0 && (
              <ul>
                {formIssues.map((i, k) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the server's issues in its order.
                  <li key={k}>{issueText(i, t)}</li>
                ))}
              </ul>
            )}
          </div>
        )}

        <fieldset className="ze-editor-basics">
          <legend>{t("transition.editor.basics")}</legend>
          {textField("name", {
            label: t("transition.editor.name"),
            issue: "name",
            size: "medium",
            maxLength: 80,
          })}
          {textField("description", {
            label: t("transition.editor.description"),
            size: "wide",
            maxLength: 2000,
          })}
          {textField("baseYear", {
            label: t("transition.editor.baseYear"),
            issue: "baseYear",
            inputMode: "numeric",
          })}
          {textField("horizonYear", {
            label: t("transition.editor.horizonYear"),
            issue: "horizonYear",
            inputMode: "numeric",
          })}
        </fieldset>

        <fieldset className="ze-editor-fleet">
          <legend>{t("transition.editor.fleet")}</legend>
          {(
            [
              ["registry", t("transition.editor.fleetRegistry", { n: formatNumber(registryTotal, lang) })],
              ...(draft.savedFleet
                ? [["saved", t("transition.editor.fleetSaved", { n: formatNumber(savedFleetUnits, lang) })]]
                : []),
            ] as [Draft["fleet"], string][]
          ).map(([value, label]) => (
            <label key={value} className="ze-editor-choice">
              <input
                type="radio"
                name="fleet"
                value={value}
                checked={draft.fleet === value}
                onChange={() => change({ fleet: value })}
              />{" "}
              {label}
            </label>
          ))}
          {registry.status === "error" && <Status state={registry} />}
        </fieldset>

        <fieldset className="ze-editor-rules">
          <legend>{t("transition.editor.rules")}</legend>
          <p className="muted small">{t("transition.editor.rulesLead")}</p>
          {types.map((c) => (
            <TypeRules
              key={c}
              category={c}
              registryUnits={counts.get(c) ?? 0}
              rules={draft.rules.filter((r) => r.category === c)}
              issueOf={issueOf}
              onChange={changeRule}
              onRemove={(id) => change({ rules: draft.rules.filter((r) => r.id !== id) })}
              onAdd={(kind) =>
                change({
                  rules: [
                    ...draft.rules,
                    newRule(c, kind, kind === "share" ? 2030 : (Number(draft.baseYear) || thisYear) + 1),
                  ],
                })
              }
            />
          ))}
          {otherTypes.length > 0 && (
            <div className="list-toolbar ze-editor-add-type">
              <label>
                {t("transition.editor.addType")}{" "}
                <select
                  name="add-type"
                  value={addType}
                  onChange={(e) => setAddType(e.target.value as EquipmentCategory | "")}
                >
                  <option value="">—</option>
                  {otherTypes.map((c) => (
                    <option key={c} value={c}>
                      {t(`transition.category.${c}`)}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                disabled={addType === ""}
                onClick={() => {
                  if (addType === "") return;
                  change({ rules: [...draft.rules, newRule(addType, "share", 2030)] });
                  setAddType("");
                }}
              >
                {t("transition.editor.add")}
              </button>
            </div>
          )}
        </fieldset>

        <fieldset className="ze-editor-money">
          <legend>{t("transition.editor.money")}</legend>
          <p className="small" data-currency={port.currency}>
            {t("transition.editor.currency", { currency: port.currency })}{" "}
            {t("transition.editor.pricesLead", { currency: priceCurrency })}{" "}
            {t("transition.scenarios.money.noInflation")}
          </p>
          {PRICE_FIELDS.map((k) => (
            <Fragment key={k}>
              {textField(k, {
                label: t(`transition.editor.price.${k}`, { currency: priceCurrency }),
                issue: k,
                inputMode: "decimal",
                size: "medium",
              })}
            </Fragment>
          ))}
          {textField("priceYear", {
            label: t("transition.editor.priceYearLabel"),
            issue: "priceYear",
            inputMode: "numeric",
          })}
          {textField("priceSource", { label: t("transition.editor.priceSource"), size: "wide" })}
          {textField("jpyPerUsd", {
            label: t("transition.editor.fx"),
            issue: "fx",
            inputMode: "decimal",
            placeholder: t("transition.editor.fxDefault"),
          })}
          {textField("fxYear", { label: t("transition.editor.fxYear"), inputMode: "numeric" })}
          {textField("fxSource", { label: t("transition.editor.fxSource"), size: "wide" })}
        </fieldset>

        <fieldset className="ze-editor-h2">
          <legend>{t("transition.editor.hydrogen")}</legend>
          <Field
            id="editor-hydrogenPathway"
            label={t("transition.editor.pathway")}
            issue={issueOf("hydrogenPathway")}
          >
            {(p) => (
              <select
                {...p}
                name="hydrogenPathway"
                value={draft.hydrogenPathway}
                onChange={(e) => change({ hydrogenPathway: e.target.value })}
              >
                <option value="">{t("transition.editor.pathwayDefault")}</option>
                {pathways.map((k) => (
                  <option key={k} value={k}>
                    {t(`transition.pathway.${k}`, { defaultValue: k })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>

        <div className="ze-editor-actions">
          <button type="submit" className="primary" disabled={busy} data-action="run">
            {t("transition.editor.run")}
          </button>
          <button type="button" disabled={busy} data-action="save" onClick={() => void submit("save")}>
            {t("transition.editor.save")}
          </button>
          <span className="muted small" aria-live="polite">
            {busy
              ? t(preview.what === "run" ? "transition.editor.running" : "transition.editor.saving")
              : preview.status === "saved"
                ? t("transition.editor.saved", { name: preview.name })
                : ""}
          </span>
        </div>
      </form>

      {preview.status === "failed" && (
        <p className="error" role="alert">
          {preview.message}
        </p>
      )}
      {(preview.status === "ran" || preview.status === "saved") && (
        <section className="ze-editor-preview" aria-labelledby="ze-editor-preview-title">
          <h3 id="ze-editor-preview-title">
            {preview.status === "ran"
              ? t("transition.editor.previewTitle")
              : t("transition.editor.savedTitle", { name: preview.name })}
          </h3>
          <ScenarioView
            stored={{
              result: preview.result,
              targetsGap: preview.targetsGap,
              savedAt: preview.status === "saved" ? preview.savedAt : null,
            }}
            port={port}
          />
        </section>
      )}
    </>
  );
}

function focusFirstInvalid(form: HTMLFormElement | null) {
  // After React has drawn the messages: the first field marked invalid takes the focus.
  window.setTimeout(() => {
    const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  }, 0);
}

type T = ReturnType<typeof useTranslation>["t"];

function issueText(i: DraftIssue, t: T): string {
  if (i.code === "server") return t("transition.editor.error.server", { reason: i.reason ?? "" });
  return t(`transition.editor.error.${i.code}`, i.params ?? {});
}

/** A labelled input with its problem under it (aria-invalid, aria-describedby). */
function Field({
  id,
  label,
  issue,
  size,
  children,
}: {
  id: string;
  label: string;
  issue?: DraftIssue | undefined;
  size?: "wide" | "medium" | undefined;
  children: (props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const { t } = useTranslation();
  const errorId = `${id}-error`;
  return (
    <div className={`ze-field${size ? ` ${size}` : ""}`} data-invalid={issue ? "true" : undefined}>
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(issue ? { "aria-invalid": true as const, "aria-describedby": errorId } : {}) })}
      {issue && (
        <span className="ze-field-error" id={errorId}>
          {issueText(issue, t)}
        </span>
      )}
    </div>
  );
}

function TypeRules({
  category,
  registryUnits,
  rules,
  issueOf,
  onChange,
  onRemove,
  onAdd,
}: {
  category: EquipmentCategory;
  registryUnits: number;
  rules: DraftRule[];
  issueOf: (field: string) => DraftIssue | undefined;
  onChange: (id: string, next: Partial<DraftRule>) => void;
  onRemove: (id: string) => void;
  onAdd: (kind: RuleKind) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const name = t(`transition.category.${category}`);
  return (
    <fieldset className="ze-editor-type" data-category={category}>
      <legend>
        {name}{" "}
        <span className="muted small">
          {t("transition.editor.inRegistry", { n: formatNumber(registryUnits, lang) })}
        </span>
      </legend>
      {rules.length === 0 && <p className="muted small">{t("transition.editor.likeForLike")}</p>}
      {rules.map((r, i) => (
        <RuleRow
          key={r.id}
          rule={r}
          label={t("transition.editor.ruleLabel", { n: i + 1, category: name })}
          issueOf={issueOf}
          onChange={(next) => onChange(r.id, next)}
          onRemove={() => onRemove(r.id)}
        />
      ))}
      <div className="ze-editor-add">
        {KINDS.map((k) => (
          <button key={k} type="button" data-add={k} onClick={() => onAdd(k)}>
            + {t(`transition.editor.kind.${k}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

function RuleRow({
  rule: r,
  label,
  issueOf,
  onChange,
  onRemove,
}: {
  rule: DraftRule;
  label: string;
  issueOf: (field: string) => DraftIssue | undefined;
  onChange: (next: Partial<DraftRule>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const f = (k: string) => `rule:${r.id}:${k}`;
  const id = (k: string) => `editor-${r.id}-${k}`;
  const powertrains: readonly ScenarioPowertrain[] =
    r.kind === "share" ? ZE_DRAFT_POWERTRAINS : DRAFT_POWERTRAINS;
  return (
    <fieldset className="ze-rule" data-rule={r.id} data-kind={r.kind}>
      <legend className="visually-hidden">{label}</legend>
      <div className="ze-field">
        <label htmlFor={id("kind")}>{t("transition.editor.kindLabel")}</label>
        <select
          id={id("kind")}
          data-field="kind"
          value={r.kind}
          onChange={(e) => {
            const kind = e.target.value as RuleKind;
            onChange({
              kind,
              forceEarly: kind !== "mix",
              ...(kind === "mix" && Object.values(r.mix).every((v) => v === "")
                ? { mix: { ...r.mix, battery: "100" } }
                : {}),
              ...(kind === "share" && !ZE_DRAFT_POWERTRAINS.includes(r.powertrain as "battery")
                ? { powertrain: "battery" as const }
                : {}),
              ...(kind !== "mix" && r.value === "" ? { value: kind === "share" ? "100" : "1" } : {}),
            });
          }}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`transition.editor.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <Field id={id("year")} label={t(`transition.editor.yearOf.${r.kind}`)} issue={issueOf(f("year"))}>
        {(p) => (
          <input
            {...p}
            data-field="year"
            inputMode="numeric"
            value={r.year}
            onChange={(e) => onChange({ year: e.target.value })}
          />
        )}
      </Field>
      {r.kind === "mix" ? (
        <fieldset className="ze-rule-mix" data-invalid={issueOf(f("mix")) ? "true" : undefined}>
          <legend className="visually-hidden">{t("transition.editor.mixLabel")}</legend>
          {DRAFT_POWERTRAINS.map((p) => (
            <div key={p} className="ze-field narrow">
              <label htmlFor={id(`mix-${p}`)}>{t(`transition.powertrain.${p}`)} %</label>
              <input
                id={id(`mix-${p}`)}
                data-field={`mix-${p}`}
                inputMode="decimal"
                value={r.mix[p]}
                {...(issueOf(f("mix"))
                  ? { "aria-invalid": true as const, "aria-describedby": `${id("mix")}-error` }
                  : {})}
                onChange={(e) => onChange({ mix: { ...r.mix, [p]: e.target.value } })}
              />
            </div>
          ))}
          {issueOf(f("mix")) && (
            <span className="ze-field-error" id={`${id("mix")}-error`}>
              {issueText(issueOf(f("mix"))!, t)}
            </span>
          )}
        </fieldset>
      ) : (
        <>
          <Field
            id={id("value")}
            label={t(r.kind === "share" ? "transition.editor.sharePct" : "transition.editor.units")}
            issue={issueOf(f("value"))}
          >
            {(p) => (
              <input
                {...p}
                data-field="value"
                inputMode={r.kind === "share" ? "decimal" : "numeric"}
                value={r.value}
                onChange={(e) => onChange({ value: e.target.value })}
              />
            )}
          </Field>
          <div className="ze-field">
            <label htmlFor={id("powertrain")}>{t("transition.editor.powertrain")}</label>
            <select
              id={id("powertrain")}
              data-field="powertrain"
              value={r.powertrain}
              onChange={(e) => onChange({ powertrain: e.target.value as ScenarioPowertrain })}
            >
              {powertrains.map((p) => (
                <option key={p} value={p}>
                  {t(`transition.powertrain.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <label className="ze-editor-choice ze-force">
            <input
              type="checkbox"
              data-field="forceEarly"
              checked={r.forceEarly}
              onChange={(e) => onChange({ forceEarly: e.target.checked })}
            />{" "}
            {t("transition.editor.forceEarly")}
          </label>
        </>
      )}
      <button
        type="button"
        className="ze-rule-remove"
        data-action="remove"
        onClick={onRemove}
        aria-label={t("transition.editor.remove", { rule: label })}
      >
        {t("transition.editor.removeShort")}
      </button>
    </fieldset>
  );
}

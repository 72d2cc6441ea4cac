/**
 * @module home/CreateForm
 * Creating a session (docs/design.md §1, organizer): template, title, facility under review, referral
 * network (only when an AAAQ domain is chosen), today's domains, the reveal threshold k and how
 * long the session is kept. The server validates again (CreateRoomBodySchema); its field
 * problems are shown next to the fields they concern.
 */
import { useEffect, useState } from "preact/hooks";
import {
  type CreateRoomBody,
  type CreateRoomResponse,
  CreateRoomResponseSchema,
  DEFAULT_K,
  DEFAULT_RETENTION_DAYS,
  MAX_K,
  MAX_RETENTION_DAYS,
  MIN_K,
  type TemplateList,
  TemplateListSchema,
} from "../../../core/api";
import { FACILITY_NAME_MAX, TITLE_MAX } from "../../../core/limits";
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from "../../../core/languages";
import { lang, t, tn } from "../i18n";
import { apiErrorText } from "../lib/apiErrorText";
import { ApiFailure, getJson, postJson } from "../lib/http";
import { catalogueTemplateUrl, useTemplate } from "../lib/useTemplate";
import { type FacilityDraft, entriesOf, FacilityListEditor, facilityListError } from "../components/FacilityListEditor";
import type { Directory } from "../../../core/directory";
import { DirectoryFile } from "./DirectoryFile";
import { DomainPicker } from "./DomainPicker";
import { Field } from "./Field";

type Errors = Partial<Record<"title" | "facility" | "facilities" | "domainIds" | "k" | "retentionDays" | "directory" | "form", string>>;

/** After the errors render, put focus on the first field that has one. */
function focusFirstError(e: Errors): void {
  const selector = e.title
    ? "#title"
    : e.domainIds
      ? ".checklist input"
      : e.facilities
        ? ".facility-list input, .facility-editor button"
        : e.k
          ? "#k"
          : e.retentionDays
            ? "#days"
            : e.directory
              ? "#directory-file"
              : ".create .error";
  setTimeout(() => document.querySelector<HTMLElement>(selector)?.focus(), 0);
}

export function CreateForm({ onCreated }: { onCreated: (room: CreateRoomResponse, title: string) => void }) {
  const [list, setList] = useState<TemplateList | null>(null);
  const [listFailed, setListFailed] = useState(false);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const { template } = useTemplate(templateId ? catalogueTemplateUrl(templateId) : null);
  const [title, setTitle] = useState("");
  const [facility, setFacility] = useState("");
  const [facilities, setFacilities] = useState<FacilityDraft[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [k, setK] = useState(String(DEFAULT_K));
  const [days, setDays] = useState(String(DEFAULT_RETENTION_DAYS));
  const [directory, setDirectory] = useState<Directory | null>(null);
  // The session's language: by default the one its creator reads this page in; the console can change it.
  const [sessionLang, setSessionLang] = useState<Language>(isLanguage(lang) ? lang : "en");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getJson(TemplateListSchema, "/api/templates").then(
      (l) => {
        setList(l);
        setTemplateId((id) => id ?? l[0]?.id ?? null);
      },
      () => setListFailed(true),
    );
  }, []);
  // A new template: all of its domains, checked.
  useEffect(() => setChosen(new Set(template?.domains.map((d) => d.id) ?? [])), [template]);

  const needsNetwork = !!template?.domains.some((d) => chosen.has(d.id) && d.rating.perFacility);
  const kNum = Number(k);

  const validate = (): Errors => {
    const e: Errors = {};
    if (!title.trim()) e.title = t("home.error.title");
    if (chosen.size === 0) e.domainIds = t("home.error.domains");
    const listError = needsNetwork ? facilityListError(facilities) : null;
    if (listError) e.facilities = listError;
    if (!Number.isInteger(kNum) || kNum < MIN_K || kNum > 20) e.k = t("home.error.k", { min: MIN_K });
    const d = Number(days);
    if (!Number.isInteger(d) || d < 1 || d > 90) e.retentionDays = t("home.error.days");
    return e;
  };

  const onSubmit = async (ev: Event) => {
    ev.preventDefault();
    if (!template) return;
    const e = validate();
    setErrors(e);
    if (Object.keys(e).length > 0) return focusFirstError(e);
    const network = entriesOf(facilities);
    const body: CreateRoomBody = {
      templateId: template.id,
      title: title.trim(),
      lang: sessionLang,
      ...(facility.trim() ? { facility: facility.trim() } : {}),
      domainIds: template.domains.filter((d) => chosen.has(d.id)).map((d) => d.id),
      ...(needsNetwork && network.length > 0 ? { facilities: network } : {}),
      k: kNum,
      retentionDays: Number(days),
      ...(directory ? { directory } : {}),
    };
    setBusy(true);
    try {
      onCreated(await postJson(CreateRoomResponseSchema, "/api/rooms", body), body.title);
    } catch (err) {
      // The server's field problems are worded by their field (zod's English is never shown).
      const fieldErrors: Errors = {};
      const issues = err instanceof ApiFailure ? err.issues : [];
      for (const issue of issues) {
        const field = issue.path.split(".")[0] as keyof Errors;
        if (field in { title: 1, facility: 1, facilities: 1, domainIds: 1, k: 1, retentionDays: 1, directory: 1 }) {
          fieldErrors[field] = t("apiError.field");
        } else fieldErrors.form = t("home.error.server", { message: apiErrorText(err) });
      }
      if (issues.length === 0)
        fieldErrors.form =
          err instanceof ApiFailure && err.status === 0 ? t("common.networkError") : t("home.error.server", { message: apiErrorText(err) });
      setErrors(fieldErrors);
      focusFirstError(fieldErrors);
    } finally {
      setBusy(false);
    }
  };

  if (listFailed) return <p class="error">{t("home.error.templates")}</p>;
  if (!list) return <p>{t("common.loading")}</p>;

  return (
    <form class="create stack" onSubmit={onSubmit} noValidate>
      <div class="field">
        <label class="field-label" for="template">
          {t("home.template.label")}
        </label>
        {/* The title only: a long option is clipped under the select's arrow, so the number of
            topics goes in the hint below. */}
        <select
          id="template"
          class="select"
          value={templateId ?? ""}
          aria-describedby={template ? "template-hint" : undefined}
          onChange={(e) => setTemplateId(e.currentTarget.value)}
        >
          {list.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.title}
            </option>
          ))}
        </select>
        {template ? (
          <p class="hint" id="template-hint">
            {tn("home.template.topics", template.domains.length)} {template.source.credit}
          </p>
        ) : null}
      </div>
      <Field
        id="title"
        label={t("home.title.label")}
        hint={t("home.title.hint")}
        error={errors.title}
        value={title}
        onInput={setTitle}
        maxLength={TITLE_MAX}
        required
      />
      <div class="field">
        <label class="field-label" for="session-lang">
          {t("home.lang.label")}
        </label>
        {/* Each language by its own name (an endonym), so anyone can find theirs whatever this page's language. */}
        <select
          id="session-lang"
          class="select"
          value={sessionLang}
          aria-describedby="session-lang-hint"
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (isLanguage(v)) setSessionLang(v);
          }}
        >
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
        <p class="hint" id="session-lang-hint">
          {t("home.lang.hint")}
        </p>
      </div>
      <Field
        id="facility"
        label={t("home.facility.label")}
        hint={t("home.facility.hint")}
        error={errors.facility}
        value={facility}
        onInput={setFacility}
        maxLength={FACILITY_NAME_MAX}
      />
      {template ? (
        <DomainPicker template={template} chosen={chosen} onChange={setChosen} error={errors.domainIds} />
      ) : (
        <p>{t("common.loading")}</p>
      )}
      {needsNetwork ? (
        <fieldset class="group">
          <legend>{t("home.facilities.legend")}</legend>
          {/* No candidates before the session exists: the console's editor gets the directory's. */}
          <FacilityListEditor idPrefix="facility" drafts={facilities} onChange={setFacilities} candidates={[]} error={errors.facilities} />
        </fieldset>
      ) : null}
      <Field
        id="k"
        label={t("home.k.label")}
        hint={t("home.k.hint", { n: DEFAULT_K })}
        error={errors.k}
        value={k}
        onInput={setK}
        type="number"
        min={MIN_K}
        max={MAX_K}
      />
      {kNum === 3 || kNum === 4 ? (
        <p class="notice notice--warn" role="status">
          {t("home.k.warning", { k: kNum })}
        </p>
      ) : null}
      <Field
        id="days"
        label={t("home.days.label")}
        hint={t("home.days.hint")}
        error={errors.retentionDays}
        value={days}
        onInput={setDays}
        type="number"
        min={1}
        max={MAX_RETENTION_DAYS}
      />
      <DirectoryFile directory={directory} onChange={setDirectory} error={errors.directory} />
      {errors.form ? (
        <p class="error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <button type="submit" class="button button--primary" disabled={busy || !template}>
        {busy ? t("home.creating") : t("home.create")}
      </button>
    </form>
  );
}

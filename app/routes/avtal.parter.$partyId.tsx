import { DateText, keepUnitsWhole, keepWhole } from "~/components/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { loadAgreementOf } from "~/auth/agreement-access.server";
import { notFound, requirePermission } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ConflictNotice, conflictOf } from "~/components/conflict-notice";
import { FormErrorSummary, formProps, SelectField, TextareaField, TextField, useSchemaForm } from "~/components/forms";
import { PartyStatusBadge } from "~/components/party-status";
import { staffText } from "~/domain/agreement-principals";
import {
  deadlineWarning,
  exitDateForNotice,
  noticeToRecord,
  PARTY_STATUS_LABEL,
  PARTY_STATUSES,
  partyStatusOn,
} from "~/domain/agreement-terms";
import type { StaffingLine } from "~/domain/agreement-version";
import { withCollaboration } from "~/domain/collaboration";
import { costYearOn } from "~/domain/cost-report";
import { isBeforeMembership, partyStanding, partyTimeline } from "~/domain/party-notice";
import { formatKronor, todayInStockholm } from "~/domain/format";
import { noticeSchema, partyIntentSchema, partyStatusSchema } from "~/forms/agreement";
import { firstBudgetYear, partyCostInYear } from "~/models/agreement-money.server";
import { getParty, principalsOf, recordNotice, termsOf, updatePartyStatus } from "~/models/agreements.server";
import { checkUploads, parseUploadForm, withStagedFiles } from "~/models/files.server";
import { write } from "~/utils/db.server";
import { parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { idParam } from "~/utils/params";
import { redirectWithStatus } from "~/utils/flash.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.party.name ?? "Part"} i avtalet – Samverkansportalen` },
];

async function load(request: Request, partyId: string | undefined) {
  const party = getParty(idParam(partyId));
  if (!party) throw notFound("Parten finns inte.");
  // The collaboration is the party's own (an object page), not the URL's.
  const access = await loadAgreementOf(request, party.collaborationId);
  return { ...access, party };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { party, version, collaboration, canManage } = await load(request, params.partyId);
  const today = todayInStockholm();
  const year = costYearOn(today, firstBudgetYear(version));
  const cost = partyCostInYear(collaboration.id, party.organisationId, year);
  const principal = principalsOf(version.id).find((p) => p.organisationId === party.organisationId) ?? null;
  const status = partyStatusOn(party, today);
  const ifToday = exitDateForNotice(termsOf(version), today);
  return {
    slug: collaboration.slug,
    party: {
      id: party.id,
      name: party.name,
      organisationId: party.organisationId,
      status,
      storedStatus: party.status,
      standing: partyStanding(party, today),
      memberSince: party.memberSince,
      exitDate: party.exitDate,
      withdrawalNote: party.withdrawalNote,
      branchClinic: party.branchClinic,
      version: party.version,
      noticeFileId: party.noticeFileId,
    },
    principal: principal
      ? { side: principal.side, staff: staffText(JSON.parse(version.staffing) as StaffingLine[], principal.side) }
      : null,
    timeline: partyTimeline(party, today),
    year,
    cost: cost
      ? {
          share: cost.share,
          net: cost.net,
          payment: cost.payment?.text ?? null,
          example: cost.populationIllustrative || cost.budgetIllustrative,
          carriedForward: cost.populationCarriedForward,
        }
      : null,
    today,
    agreementStart: version.firstTermStart,
    noticeIfToday: ifToday.ok ? { ...ifToday, warning: deadlineWarning(ifToday.noticeDeadline) } : null,
    canManage,
  };
}

/** What the other person saved, shown beside what the user typed (ConflictNotice). */
interface Theirs {
  status: string;
  memberSince: string;
  withdrawalNote: string;
  branchClinic: string;
  noticeReceivedOn: string;
}

const theirsOf = (p: {
  status: (typeof PARTY_STATUSES)[number];
  memberSince: string | null;
  withdrawalNote: string;
  branchClinic: string;
  noticeReceivedOn: string | null;
}): Theirs => ({
  status: PARTY_STATUS_LABEL[p.status],
  memberSince: p.memberSince ?? "",
  withdrawalNote: p.withdrawalNote,
  branchClinic: p.branchClinic,
  noticeReceivedOn: p.noticeReceivedOn ?? "",
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, party, version, collaboration } = await load(request, params.partyId);
  requirePermission(viewer?.actor ?? null, "manage:agreement");
  const userId = viewer!.user.id;
  const formData = await parseUploadForm(request);
  const which = parseForm(formData, partyIntentSchema);
  const back = (message: string, query = "") =>
    redirectWithStatus(withCollaboration(`/avtal/parter/${party.id}${query}`, collaboration.slug), message);
  if (which.status === "success" && which.value.intent === "status") {
    const submission = parseForm(formData, partyStatusSchema);
    if (submission.status !== "success") return rejectForm(submission);
    const { version: expected, ...values } = submission.value;
    // The write asks the status and join-day rules (statusChangeError, memberSinceError) of the row it locks.
    const saved = updatePartyStatus(userId, party.id, expected, values, todayInStockholm());
    if ("refused" in saved) return rejectForm(submission, { fieldErrors: { [saved.field]: [saved.refused] } });
    if (!saved.ok) return rejectConflict(submission, theirsOf(saved.conflict), saved.conflict.version);
    return back("Partens uppgifter är sparade.");
  }
  const submission = parseForm(formData, noticeSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const { receivedOn, note, version: expected } = submission.value;
  const exit = noticeToRecord(termsOf(version), receivedOn, todayInStockholm());
  if (!exit.ok) return rejectForm(submission, { fieldErrors: { receivedOn: [exit.error] } });
  const uploads = await checkUploads(formData, "letter");
  if (!uploads.ok) return rejectForm(submission, { fieldErrors: { letter: [uploads.error] } });
  const saved = withStagedFiles(uploads.files, (staged) =>
    write((tx) => {
      const [file] = staged.insert(tx, userId);
      return recordNotice(userId, party.id, expected, receivedOn, exit.exitDate, note, file?.id ?? null);
    }),
  );
  if ("refused" in saved) return rejectForm(submission, { fieldErrors: { receivedOn: [saved.refused] } });
  if (!saved.ok) return rejectConflict(submission, theirsOf(saved.conflict), saved.conflict.version);
  return back("Uppsägningen är registrerad.", "?uppsagd=1");
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type ActionData = ReturnType<typeof useActionData<typeof action>>;

function NoticeForm({ d, lastResult }: { d: LoaderData; lastResult: ActionData }) {
  const [form, fields] = useSchemaForm(noticeSchema, {
    id: "f",
    lastResult,
    defaultValue: {
      intent: "notice",
      version: String(d.party.version),
      receivedOn: d.today,
      note: d.party.withdrawalNote,
    },
  });
  const letterError = form.allErrors.letter?.[0];
  return (
    <>
      <FormErrorSummary form={form} />
      <Form method="post" encType="multipart/form-data" className="stack" {...formProps(form)}>
        <input type="hidden" name="intent" value="notice" />
        <input type="hidden" name="version" value={d.party.version} />
        <TextField field={fields.receivedOn} label="Uppsägningen mottagen" hint="ÅÅÅÅ-MM-DD" />
        <div className={`field${letterError ? " field--error" : ""}`}>
          <label htmlFor="f-letter">Uppsägningsbrevet</label>
          <span className="hint" id="f-letter-hint">
            PDF eller skannad bild.
          </span>
          <input
            id="f-letter"
            name="letter"
            type="file"
            aria-describedby={letterError ? "f-letter-hint f-letter-error" : "f-letter-hint"}
            aria-invalid={letterError ? true : undefined}
          />
          {letterError ? (
            <p className="field-error" id="f-letter-error">
              {letterError}
            </p>
          ) : null}
        </div>
        <TextareaField field={fields.note} label="Anteckning om utträde och avveckling" rows={3} />
        <div className="actions">
          <button type="submit" className="button">
            Registrera uppsägning
          </button>
        </div>
      </Form>
    </>
  );
}

/** What the join date means, said where it is typed; an old member without one counts from the agreement's start. */
function memberSinceHint(d: LoaderData): string {
  const since = d.party.memberSince
    ? ""
    : isBeforeMembership(d.party.storedStatus)
      ? " Anges när statusen blir Medlem."
      : ` Tomt: medlem sedan avtalets början (${d.agreementStart}).`;
  return `ÅÅÅÅ-MM-DD, till exempel 2026-12-31. Parten ingår i kostnadsfördelningen med hela årets andel från och med det år medlemskapet börjar.${since}`;
}

function StatusForm({ d, lastResult }: { d: LoaderData; lastResult: ActionData }) {
  const [form, fields] = useSchemaForm(partyStatusSchema, {
    id: "status",
    lastResult,
    defaultValue: {
      intent: "status",
      version: String(d.party.version),
      status: d.party.storedStatus,
      memberSince: d.party.memberSince ?? "",
      withdrawalNote: d.party.withdrawalNote,
      branchClinic: d.party.branchClinic,
    },
  });
  return (
    <>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <input type="hidden" name="intent" value="status" />
        <input type="hidden" name="version" value={d.party.version} />
        <SelectField
          field={fields.status}
          label="Status"
          hint="Efter utträdesdagen visas en uppsagd part som Utträdd utan att statusen behöver ändras."
          options={PARTY_STATUSES.map((s) => ({ value: s, label: PARTY_STATUS_LABEL[s] }))}
        />
        <TextField
          field={fields.memberSince}
          label="Medlem från och med"
          hint={memberSinceHint(d)}
          autoComplete="off"
        />
        <TextareaField field={fields.withdrawalNote} label="Utträde och avveckling (förhandling)" rows={3} />
        <TextField field={fields.branchClinic} label="Mottagning" />
        <div className="actions">
          <button type="submit" className="button button--secondary">
            Spara status
          </button>
        </div>
      </Form>
    </>
  );
}

export default function PartyInAgreement() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const intent = lastResult?.initialValue?.intent;
  const conflict = conflictOf<Theirs>(lastResult);
  const typed = (lastResult?.initialValue ?? {}) as Record<string, string | undefined>;
  const typedStatus = PARTY_STATUSES.find((s) => s === typed.status);
  const to = (href: string) => withCollaboration(href, d.slug);
  return (
    <>
      <Breadcrumbs trail={[[to("/avtal"), "Avtal"]]} current={d.party.name} />
      <h1>{d.party.name}</h1>
      {conflict ? (
        <ConflictNotice
          what="parten"
          rows={
            intent === "status"
              ? [
                  ["Status", conflict.theirs.status, typedStatus ? PARTY_STATUS_LABEL[typedStatus] : ""],
                  ["Medlem från och med", conflict.theirs.memberSince, typed.memberSince ?? ""],
                  ["Utträde och avveckling", conflict.theirs.withdrawalNote, typed.withdrawalNote ?? ""],
                  ["Mottagning", conflict.theirs.branchClinic, typed.branchClinic ?? ""],
                ]
              : [
                  ["Uppsägningen mottagen", conflict.theirs.noticeReceivedOn, typed.receivedOn ?? ""],
                  ["Anteckning om utträde och avveckling", conflict.theirs.withdrawalNote, typed.note ?? ""],
                ]
          }
        />
      ) : null}
      <p>
        <PartyStatusBadge standing={d.party.standing} />
      </p>
      <dl className="facts">
        {d.principal ? (
          <>
            <dt>Huvudman</dt>
            <dd>
              Ja{d.principal.staff ? `, anställer ${d.principal.staff}` : ""}. Om {d.party.name} säger upp avtalet
              upphör samverkan.
            </dd>
          </>
        ) : null}
        <dt>Kostnad {d.year}</dt>
        <dd>
          {d.cost === null ? (
            "Betalar inte det året"
          ) : (
            <>
              {formatKronor(d.cost.net)}
              {d.cost.net !== d.cost.share ? ` (andel av budgeten ${formatKronor(d.cost.share)})` : ""}.{" "}
              {d.cost.payment}
              {d.cost.example ? " Beräknat på exempeluppgifter." : ""}
              {d.cost.carriedForward ? " Folkmängden är framskriven från ett tidigare år." : ""}{" "}
              <Link to={to(`/avtal/fakturaunderlag?ar=${d.year}&part=${d.party.organisationId}`)}>
                Fakturaunderlag {d.year}
              </Link>
            </>
          )}
        </dd>
        <dt>Mottagning</dt>
        <dd>{d.party.branchClinic || "–"}</dd>
        {d.party.withdrawalNote ? (
          <>
            <dt>Utträde och avveckling</dt>
            <dd className="pre">{keepUnitsWhole(d.party.withdrawalNote)}</dd>
          </>
        ) : null}
        {d.party.noticeFileId ? (
          <>
            <dt>Uppsägningsbrev</dt>
            <dd>
              <a href={`/filer/${d.party.noticeFileId}`}>Hämta brevet</a>
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link to={`/parter/${d.party.organisationId}`}>Företrädare i organen</Link>
        {isBeforeMembership(d.party.storedStatus) ? null : (
          <>
            {" · "}
            <Link to={to(`/avtal/tank-om?part=${d.party.id}`)}>Tänk om {d.party.name} säger upp avtalet</Link>
          </>
        )}
      </p>
      <h2>Tidslinje</h2>
      <ol className="timeline">
        {d.timeline.map((e) => (
          <li key={`${e.date}-${e.text}`}>
            <strong>
              <DateText date={e.date} />
            </strong>{" "}
            {e.text}
          </li>
        ))}
      </ol>
      {d.canManage && d.party.status !== "utträtt" && !isBeforeMembership(d.party.storedStatus) ? (
        <section aria-labelledby="uppsagning" className="no-print">
          <h2 id="uppsagning">Registrera skriftlig uppsägning</h2>
          {d.noticeIfToday ? (
            <p>
              En uppsägning som kommer in idag (<DateText date={d.today} />) ger utträde den{" "}
              <DateText date={d.noticeIfToday.exitDate} />
              {d.principal ? " och samverkan upphör då" : ""}. Sista dag för den uppsägningen är{" "}
              <DateText date={d.noticeIfToday.noticeDeadline} />.
            </p>
          ) : null}
          {d.noticeIfToday?.warning ? (
            <p className="notice notice--warn" role="note">
              {keepWhole(d.noticeIfToday.warning)}
            </p>
          ) : null}
          <NoticeForm key={d.party.version} d={d} lastResult={intent === "notice" ? lastResult : undefined} />
        </section>
      ) : null}
      {d.canManage ? (
        <section aria-labelledby="status-rubrik" className="no-print">
          <h2 id="status-rubrik">Ändra status</h2>
          <StatusForm key={d.party.version} d={d} lastResult={intent === "status" ? lastResult : undefined} />
        </section>
      ) : null}
    </>
  );
}

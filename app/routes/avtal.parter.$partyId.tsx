import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requirePermission } from "~/auth/session.server";
import { controlProps, ErrorSummary, Field } from "~/components/forms";
import { PARTY_STATUS_LABEL, PartyStatusBadge } from "~/components/party-status";
import { exitDateForNotice } from "~/domain/agreement-terms";
import { parseIsoDate } from "~/domain/calendar-dates";
import { formatKronor, todayInStockholm } from "~/domain/format";
import { checkUploads, parseUploadForm, withStagedFiles } from "~/models/files.server";
import { costTable, getParty, recordNotice, termsOf, updatePartyStatus } from "~/models/agreements.server";
import { loadAgreementFor } from "~/utils/agreement-access.server";
import { write } from "~/utils/db.server";
import { idParam } from "~/utils/params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.party.name ?? "Part"} i avtalet – Samverkansportalen` }];

const STATUSES = Object.keys(PARTY_STATUS_LABEL);

async function load(request: Request, partyId: string | undefined) {
  const access = await loadAgreementFor(request);
  const party = getParty(idParam(partyId));
  if (!party || party.collaborationId !== access.collaborationId) throw notFound("Parten finns inte.");
  return { ...access, party };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { party, version, collaborationId, canManage } = await load(request, params.partyId);
  const today = todayInStockholm();
  const year = Number(today.slice(0, 4));
  const share = costTable(collaborationId, version, year).rows.find((r) => r.organisationId === party.organisationId)?.amount ?? null;
  const timeline = [
    party.directionDecisionOn ? { date: party.directionDecisionOn, text: "Inriktningsbeslut fattat" } : null,
    party.memberSince ? { date: party.memberSince, text: "Medlem i samverkan" } : null,
    party.noticeReceivedOn ? { date: party.noticeReceivedOn, text: `Skriftlig uppsägning mottagen${party.noticeFileId ? " (brevet finns som fil)" : ""}` } : null,
    party.exitDate ? { date: party.exitDate, text: party.status === "utträtt" ? "Utträtt" : "Sista dag som part" } : null,
  ].filter((e): e is { date: string; text: string } => e !== null);
  return {
    party: { id: party.id, name: party.name, organisationId: party.organisationId, status: party.status, exitDate: party.exitDate, withdrawalNote: party.withdrawalNote, branchClinic: party.branchClinic, version: party.version, noticeFileId: party.noticeFileId },
    timeline: timeline.sort((a, b) => a.date.localeCompare(b.date)),
    year,
    share,
    today,
    noticeIfToday: exitDateForNotice(termsOf(version), today),
    canManage,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, party, version } = await load(request, params.partyId);
  requirePermission(viewer?.actor ?? null, "manage:agreement");
  const form = await parseUploadForm(request);
  const expected = Number(form.get("version"));
  if (form.get("intent") === "status") {
    const status = String(form.get("status") ?? "");
    const values = { status, withdrawalNote: String(form.get("withdrawalNote") ?? ""), branchClinic: String(form.get("branchClinic") ?? "") };
    if (!STATUSES.includes(status)) return data({ errors: { status: "Välj en status i listan." } as Record<string, string>, values, intent: "status" }, { status: 400 });
    const saved = updatePartyStatus(viewer!.user.id, party.id, expected, { ...values, status: status as typeof party.status });
    if (!saved.ok) return data({ errors: { status: "Någon annan har ändrat parten under tiden. Läs in sidan igen och gör om ändringen." } as Record<string, string>, values, intent: "status" }, { status: 409 });
    return redirect(`/avtal/parter/${party.id}`);
  }
  const receivedOn = String(form.get("receivedOn") ?? "").trim();
  const note = String(form.get("note") ?? "");
  const values = { receivedOn, note };
  if (!parseIsoDate(receivedOn)) return data({ errors: { receivedOn: "Skriv datumet som ÅÅÅÅ-MM-DD." } as Record<string, string>, values, intent: "notice" }, { status: 400 });
  if (receivedOn > todayInStockholm()) return data({ errors: { receivedOn: "Uppsägningen kan inte vara mottagen i framtiden." } as Record<string, string>, values, intent: "notice" }, { status: 400 });
  const exit = exitDateForNotice(termsOf(version), receivedOn);
  if (!exit.ok) return data({ errors: { receivedOn: exit.error } as Record<string, string>, values, intent: "notice" }, { status: 400 });
  const uploads = await checkUploads(form, "letter");
  if (!uploads.ok) return data({ errors: { letter: uploads.error } as Record<string, string>, values, intent: "notice" }, { status: 400 });
  const saved = withStagedFiles(uploads.files, (staged) =>
    write((tx) => {
      const [file] = staged.insert(tx, viewer!.user.id);
      return recordNotice(viewer!.user.id, party.id, expected, receivedOn, exit.exitDate, note, file?.id ?? null);
    }),
  );
  if (!saved.ok) return data({ errors: { receivedOn: "Någon annan har ändrat parten under tiden. Läs in sidan igen." } as Record<string, string>, values, intent: "notice" }, { status: 409 });
  return redirect(`/avtal/parter/${party.id}?uppsagd=1`);
}

export default function PartyInAgreement() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const noticeErrors = a?.intent === "notice" ? a.errors : undefined;
  const statusErrors = a?.intent === "status" ? a.errors : undefined;
  return (
    <>
      <Breadcrumbs trail={[["/avtal", "Avtal"]]} current={`${d.party.name}`} />
      <h1>{d.party.name}</h1>
      <p>
        <PartyStatusBadge status={d.party.status} exitDate={d.party.exitDate} />
      </p>
      <dl className="facts">
        <dt>Kostnad {d.year}</dt>
        <dd>{d.share === null ? "Betalar inte i år" : formatKronor(d.share)}</dd>
        <dt>Mottagning</dt>
        <dd>{d.party.branchClinic || "–"}</dd>
        {d.party.withdrawalNote ? (
          <>
            <dt>Utträde och avveckling</dt>
            <dd className="pre">{d.party.withdrawalNote}</dd>
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
        <Link to={`/parter/${d.party.organisationId}`}>Företrädare i organen</Link> · <Link to={`/avtal/tank-om?part=${d.party.id}`}>Tänk om {d.party.name} säger upp avtalet</Link>
      </p>
      <h2>Tidslinje</h2>
      <ol className="timeline">
        {d.timeline.map((e) => (
          <li key={`${e.date}-${e.text}`}>
            <strong>{e.date}</strong> {e.text}
          </li>
        ))}
      </ol>
      {d.canManage && d.party.status !== "utträtt" ? (
        <section aria-labelledby="uppsagning" className="no-print">
          <h2 id="uppsagning">Registrera skriftlig uppsägning</h2>
          {d.noticeIfToday.ok ? (
            <p>En uppsägning som kommer in idag ({d.today}) ger utträde den {d.noticeIfToday.exitDate}.</p>
          ) : null}
          <ErrorSummary errors={noticeErrors} />
          <Form method="post" encType="multipart/form-data" className="stack" noValidate>
            <input type="hidden" name="intent" value="notice" />
            <input type="hidden" name="version" value={d.party.version} />
            <Field name="receivedOn" label="Uppsägningen mottagen" hint="ÅÅÅÅ-MM-DD" defaultValue={a?.intent === "notice" && "receivedOn" in a.values ? a.values.receivedOn : d.today} error={noticeErrors?.receivedOn} required />
            <Field name="letter" label="Uppsägningsbrevet" hint="PDF eller skannad bild." error={noticeErrors?.letter}>
              <input type="file" {...controlProps("letter", noticeErrors?.letter, "x")} />
            </Field>
            <Field name="note" label="Anteckning om utträde och avveckling">
              <textarea {...controlProps("note")} defaultValue={a?.intent === "notice" && "note" in a.values ? a.values.note : d.party.withdrawalNote} rows={3} />
            </Field>
            <div className="actions">
              <button type="submit" className="button">
                Registrera uppsägning
              </button>
            </div>
          </Form>
        </section>
      ) : null}
      {d.canManage ? (
        <section aria-labelledby="status-rubrik" className="no-print">
          <h2 id="status-rubrik">Ändra status</h2>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="version" value={d.party.version} />
            <Field name="status" label="Status" error={statusErrors?.status}>
              <select {...controlProps("status", statusErrors?.status)} defaultValue={d.party.status}>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {PARTY_STATUS_LABEL[s]}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="withdrawalNote" label="Utträde och avveckling (förhandling)">
              <textarea {...controlProps("withdrawalNote")} defaultValue={d.party.withdrawalNote} rows={3} />
            </Field>
            <Field name="branchClinic" label="Mottagning" defaultValue={d.party.branchClinic} />
            <div className="actions">
              <button type="submit" className="button button--secondary">
                Spara status
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}

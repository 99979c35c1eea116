import { DateTimeText } from "~/components/dates";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireViewerWith } from "~/auth/session.server";
import { controlProps, Field } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { pageRequestFrom } from "~/domain/pagination";
import { countOf, type Noun } from "~/domain/format";
import { MAIL_KIND_LABELS, OUTBOX_STATUSES, type OutboxStatus } from "~/domain/mail";
import { jobStatuses } from "~/models/job-leases.server";
import { outboxCounts, pageOfOutbox } from "~/models/outbox.server";
import { env } from "~/utils/env.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "E-post – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewerWith(request, "manage:mail");
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status") ?? "";
  const status = (OUTBOX_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as OutboxStatus) : null;
  const { page, items: rows } = await pageOfOutbox(status, pageRequestFrom(url.searchParams));
  return {
    status,
    page,
    rows,
    counts: outboxCounts(),
    viaSmtp: Boolean(env().SMTP_URL),
    mailDir: env().MAIL_DIR,
    jobs: jobStatuses(),
  };
}

const STATUS_BADGE: Record<OutboxStatus, string> = {
  väntar: "badge--neutral",
  skickas: "badge--neutral",
  skickat: "badge--ok",
  misslyckat: "badge--bad",
  osäkert: "badge--warn",
  sammanfattning: "badge--neutral",
  "i sammanfattning": "badge--ok",
};

const MAIL_NOUN: Noun = ["meddelande", "meddelanden"];

export default function MailOutbox() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>E-post</h1>
      {d.viaSmtp ? (
        <p>
          E-posten skickas via organisationens SMTP-server. Här finns varje meddelande som portalen har skickat eller
          ska skicka.
        </p>
      ) : (
        <p className="notice notice--warn">
          Ingen SMTP-server är inställd (SMTP_URL), så inget skickas. Varje meddelande sparas i stället som en .eml-fil
          i mappen <code>{d.mailDir}</code> och listas här; öppna filen för att se exakt vad som skulle ha skickats.
          README beskriver hur portalen kopplas till organisationens e-postserver.
        </p>
      )}
      <dl className="facts">
        {OUTBOX_STATUSES.filter((s) => d.counts[s]).map((s) => (
          <div key={s}>
            <dt>{s}</dt>
            <dd>{d.counts[s]}</dd>
          </div>
        ))}
      </dl>
      <Form method="get" className="stack no-print" aria-label="Filtrera e-posten">
        <Field name="status" label="Status">
          <select {...controlProps("status")} defaultValue={d.status ?? ""}>
            <option value="">Alla</option>
            {OUTBOX_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
        <div className="actions">
          <button type="submit" className="button">
            Visa
          </button>
        </div>
      </Form>
      <TableRegion label="E-post">
        <table>
          <caption>{countOf(d.page.total, ...MAIL_NOUN)}</caption>
          <thead>
            <tr>
              <th scope="col">Skapat</th>
              <th scope="col">Till</th>
              <th scope="col">Ämne</th>
              <th scope="col">Slag</th>
              <th scope="col">Status</th>
              <th scope="col">Fil</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <DateTimeText at={r.createdAt} />
                </td>
                <td>
                  {r.toName ? `${r.toName} ` : ""}
                  <span className="muted">&lt;{r.toAddress}&gt;</span>
                </td>
                <td>
                  <Link to={`/admin/e-post/${r.id}`}>{r.subject}</Link>
                </td>
                <td>{MAIL_KIND_LABELS[r.kind]}</td>
                <td>
                  <span className={`badge ${STATUS_BADGE[r.status]}`}>{r.status}</span>
                  {r.sentAt ? (
                    <span className="muted">
                      {" "}
                      <DateTimeText at={r.sentAt} />
                    </span>
                  ) : null}
                  {r.lastError ? <span className="muted"> ({r.lastError})</span> : null}
                </td>
                <td>
                  <a href={`/admin/e-post/${r.id}/meddelande.eml`}>
                    {r.via === "fil" && r.status === "skickat" ? "Öppna .eml-filen" : "Hämta som .eml"}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <Pagination page={d.page} label="Sidor med e-post" noun={MAIL_NOUN} />
      <h2>Schemalagda jobb</h2>
      {d.jobs.length === 0 ? (
        <p className="muted">Inga jobb har körts ännu.</p>
      ) : (
        <ul>
          {d.jobs.map((j) => (
            <li key={j.name}>
              {j.name}: {j.runs} körningar
              {j.lastFinishedAt ? (
                <>
                  , senast <DateTimeText at={j.lastFinishedAt} />
                </>
              ) : null}
              {j.lastError ? <span className="badge badge--bad"> fel: {j.lastError.split("\n")[0]}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

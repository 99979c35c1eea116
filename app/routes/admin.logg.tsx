import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireViewerWith } from "~/auth/session.server";
import { controlProps, Field } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { formatDateTime } from "~/domain/format";
import { isIsoDate } from "~/domain/membership";
import { formatCount, pageRequestFrom } from "~/domain/pagination";
import { auditEntityTypes, pageOfAudit } from "~/models/audit.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Händelselogg – Samverkansportalen" }];

const ACTION_LABEL: Record<string, string> = {
  create: "skapade",
  update: "ändrade",
  delete: "tog bort",
  end: "avslutade",
  signin: "loggade in",
  "signin-failed": "misslyckades logga in",
  signout: "loggade ut",
  password: "bytte lösenord",
  redact: "maskerade",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewerWith(request, "read:audit");
  const url = new URL(request.url);
  const q = (k: string) => url.searchParams.get(k)?.trim() || undefined;
  const from = q("fran");
  const to = q("till");
  const filter = {
    entityType: q("typ"),
    from: from && isIsoDate(from) ? from : undefined,
    to: to && isIsoDate(to) ? to : undefined,
    text: q("text"),
  };
  return {
    filter: { typ: q("typ") ?? "", fran: from ?? "", till: to ?? "", text: q("text") ?? "" },
    dateError: (from && !isIsoDate(from)) || (to && !isIsoDate(to)) ? "Skriv datum som ÅÅÅÅ-MM-DD." : null,
    types: auditEntityTypes(),
    entries: pageOfAudit(filter, pageRequestFrom(url.searchParams)),
  };
}

export default function AuditLog() {
  const { filter, types, entries, dateError } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Händelselogg</h1>
      <p>
        Varje ändring i portalen loggas med vem, vad, när och före/efter. Loggen kan inte ändras av någon; det enda
        undantaget är att samordnaren kan <a href="/admin/personnummer">maskera personnummer</a>, och då visar händelsen
        att den maskerats, av vem och när.
      </p>
      <Form method="get" className="stack no-print" aria-label="Filtrera loggen">
        <Field name="typ" label="Typ av uppgift">
          <select {...controlProps("typ")} defaultValue={filter.typ}>
            <option value="">Alla</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="fran"
          label="Från datum"
          hint="ÅÅÅÅ-MM-DD"
          defaultValue={filter.fran}
          error={dateError ?? undefined}
        />
        <Field name="till" label="Till datum" hint="ÅÅÅÅ-MM-DD" defaultValue={filter.till} />
        <Field name="text" label="Innehåller text" defaultValue={filter.text} />
        <div className="actions">
          <button type="submit" className="button">
            Filtrera
          </button>
        </div>
      </Form>
      <TableRegion label="Händelser">
        <table>
          <caption>{formatCount(entries.page.total)} händelser, de senaste först</caption>
          <thead>
            <tr>
              <th scope="col">Tid</th>
              <th scope="col">Användare</th>
              <th scope="col">Händelse</th>
              <th scope="col">Före</th>
              <th scope="col">Efter</th>
            </tr>
          </thead>
          <tbody>
            {entries.items.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td>{e.userEmail ?? e.userId ?? "system"}</td>
                <td>
                  {ACTION_LABEL[e.action] ?? e.action} {e.entityType} {e.entityId ? `#${e.entityId}` : ""}
                  {e.redactedAt ? (
                    <p className="audit-redacted">
                      Personnummer maskerat {formatDateTime(e.redactedAt)} av {e.redactedByEmail ?? e.redactedBy}
                    </p>
                  ) : null}
                </td>
                <td>
                  <code className="audit-json">{e.before ?? "–"}</code>
                </td>
                <td>
                  <code className="audit-json">{e.after ?? "–"}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <Pagination page={entries.page} label="Sidor i händelseloggen" noun="händelser" />
    </>
  );
}

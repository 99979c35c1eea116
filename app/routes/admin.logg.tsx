import { DateTimeText } from "~/components/dates";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireViewerWith } from "~/auth/session.server";
import { controlProps, Field } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { auditChanges, auditSentence, entityTypeLabel } from "~/domain/audit-text";
import { countOf } from "~/domain/format";
import { isIsoDate } from "~/domain/membership";
import { pageRequestFrom } from "~/domain/pagination";
import { auditEntityTypes, pageOfAudit } from "~/models/audit.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Händelselogg – Samverkansportalen" }];

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
    types: auditEntityTypes().map((t) => ({ value: t, label: entityTypeLabel(t) })),
    entries: await (async () => {
      const page = await pageOfAudit(filter, pageRequestFrom(url.searchParams));
      return {
        page: page.page,
        // Plain Swedish (issue 15): a sentence with the person's name, and what changed field by field.
        items: page.items.map((e) => ({
          id: e.id,
          at: e.at,
          sentence: auditSentence({ ...e, actorName: e.userName ?? e.userEmail ?? null }),
          changes: auditChanges(e.before, e.after),
          redactedAt: e.redactedAt,
          redactedBy: e.redactedByName ?? e.redactedByEmail ?? e.redactedBy,
        })),
      };
    })(),
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
              <option key={t.value} value={t.value}>
                {t.label}
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
          <caption>{countOf(entries.page.total, "händelse", "händelser")}, de senaste först</caption>
          <thead>
            <tr>
              <th scope="col">Tid</th>
              <th scope="col">Händelse</th>
              <th scope="col">Vad som ändrades</th>
            </tr>
          </thead>
          <tbody>
            {entries.items.map((e) => (
              <tr key={e.id}>
                <td>
                  <DateTimeText at={e.at} />
                </td>
                <td>
                  {e.sentence}
                  {e.redactedAt ? (
                    <p className="audit-redacted">
                      Personnummer maskerat <DateTimeText at={e.redactedAt} /> av {e.redactedBy}
                    </p>
                  ) : null}
                </td>
                <td>
                  {e.changes.length === 0 ? (
                    "–"
                  ) : (
                    <ul className="audit-changes">
                      {e.changes.map((c) => (
                        <li key={c.field}>
                          {c.field}: {c.before === "–" ? c.after : `${c.before} → ${c.after}`}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <Pagination page={entries.page} label="Sidor i händelseloggen" noun={["händelse", "händelser"]} />
    </>
  );
}

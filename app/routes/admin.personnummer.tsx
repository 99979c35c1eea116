import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireViewerWith } from "~/auth/session.server";
import { TableRegion } from "~/components/table-region";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Pagination } from "~/components/pagination";
import { formatCount, pageRequestFrom } from "~/domain/pagination";
import { redactSchema } from "~/forms/redaction";
import { pageOfStoredPersonalNumbers, redactStoredPersonalNumbers } from "~/models/redaction.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Personnummer i sparad text – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewerWith(request, "redact:personal-numbers");
  const { page, items } = await pageOfStoredPersonalNumbers(pageRequestFrom(new URL(request.url).searchParams));
  return { page, found: items };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "redact:personal-numbers");
  const submission = parseForm(await readForm(request), redactSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const count = await redactStoredPersonalNumbers(viewer.user.id);
  return redirectWithStatus(
    "/admin/personnummer",
    count
      ? `Personnumren i ${formatCount(count)} ${count === 1 ? "text" : "texter"} är maskerade.`
      : "Det fanns inga personnummer att maskera.",
  );
}

export default function StoredPersonalNumbers() {
  const { page, found } = useLoaderData<typeof loader>();
  const total = page.total;
  return (
    <>
      <Breadcrumbs trail={[["/admin/logg", "Händelselogg"]]} current="Personnummer i sparad text" />
      <h1>Personnummer i sparad text</h1>
      <p>
        Portalen tar inte emot personnummer. Text som sparades innan spärren fanns kan ändå innehålla sådana. Här syns
        var, med numren maskerade. Maskeringen ersätter de fyra sista siffrorna i alla texter, även i händelseloggens
        före- och efter-värden; loggen visar sedan att uppgiften maskerades, av vem och när.
      </p>
      {total === 0 ? (
        <p>Ingen sparad text innehåller något som ser ut som ett personnummer.</p>
      ) : (
        <>
          <p>
            {formatCount(total)} {total === 1 ? "text innehåller" : "texter innehåller"} något som ser ut som ett
            personnummer.
          </p>
          <TableRegion label="Texter med personnummer">
            <table>
              <caption>Texter med personnummer (maskerade)</caption>
              <thead>
                <tr>
                  <th scope="col">Tabell</th>
                  <th scope="col">Fält</th>
                  <th scope="col">Rad</th>
                  <th scope="col">Nummer</th>
                </tr>
              </thead>
              <tbody>
                {found.map((f) => (
                  <tr key={`${f.table}.${f.column}.${f.rowId}`}>
                    <td>{f.table}</td>
                    <td>{f.column}</td>
                    <td>{f.rowId}</td>
                    <td>{f.masked.join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <Pagination page={page} label="Sidor med personnummer i sparad text" noun={["text", "texter"]} />
          <Form method="post" className="card no-print">
            <p>Maskeringen går inte att ångra.</p>
            <button type="submit" name="intent" value="redact" className="button">
              Maskera alla personnummer
            </button>
          </Form>
        </>
      )}
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { collaborationFor } from "~/auth/collaboration.server";
import { getViewer, requirePermission, requireViewerWith } from "~/auth/session.server";
import { BarChart } from "~/components/bar-chart";
import { ExampleBadge } from "~/components/conflict-notice";
import { FormErrorSummary, formProps, TextField, useSchemaForm } from "~/components/forms";
import { withCollaboration } from "~/domain/collaboration";
import { unitSuffix } from "~/domain/key-figures";
import { can } from "~/domain/policy";
import { fieldName, figuresOf, keyFigureYearSchema } from "~/forms/key-figures";
import { definitionsOf, keyFigureYears, saveKeyFigureYear } from "~/models/key-figures.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { pageTitle } from "~/utils/page-title";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: pageTitle("Uppföljning") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  requirePermission(viewer?.actor ?? null, "read:agreement");
  const collaboration = collaborationFor(request, viewer?.actor ?? null);
  return {
    collaboration: {
      id: collaboration.id,
      slug: collaboration.slug,
      name: collaboration.name,
      isExample: collaboration.isExample,
    },
    definitions: definitionsOf(collaboration.id).map((d) => ({
      id: d.id,
      label: d.label,
      unit: d.unit,
      sumGroup: d.sumGroup,
      chart: d.chart,
    })),
    years: keyFigureYears(collaboration.id),
    canManage: can(viewer?.actor ?? null, "manage:key-figures"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:key-figures");
  const collaboration = collaborationFor(request, viewer.actor);
  const definitions = definitionsOf(collaboration.id);
  const submission = parseForm(await readForm(request), keyFigureYearSchema(definitions));
  if (submission.status !== "success") return rejectForm(submission);
  const value = submission.value as { year: number; note: string } & Record<string, unknown>;
  saveKeyFigureYear(viewer.user.id, collaboration.id, value.year, value.note, figuresOf(definitions, value));
  return redirectWithStatus(withCollaboration("/uppfoljning", collaboration.slug), "Nyckeltalen är sparade.");
}

export default function FollowUp() {
  const { collaboration, definitions, years, canManage } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(keyFigureYearSchema(definitions), {
    lastResult: useActionData<typeof action>(),
  });
  const formFields = fields as unknown as Record<string, (typeof fields)["year"]>;
  const show = (value: number | string | undefined) =>
    value === undefined ? "–" : typeof value === "number" ? `${value.toLocaleString("sv-SE")}` : value;
  return (
    <>
      <h1>Uppföljning</h1>
      <p>
        Nyckeltal för {collaboration.name} {collaboration.isExample ? <ExampleBadge /> : null}. Bara sammanställda
        siffror; aldrig uppgifter om enskilda.
      </p>
      {definitions.length === 0 ? (
        <p>Inga nyckeltal är bestämda för {collaboration.name} ännu.</p>
      ) : (
        <>
          <div className="charts">
            {definitions
              .filter((d) => d.chart && d.unit !== "text")
              .map((d) => (
                <BarChart
                  key={d.id}
                  id={`nyckeltal-${d.id}`}
                  title={`${d.label} per år`}
                  bars={years.map((y) => ({
                    label: String(y.year),
                    value: typeof y.values[d.id] === "number" ? (y.values[d.id] as number) : null,
                  }))}
                  unit={unitSuffix(d.unit)}
                  max={d.unit === "procent" ? 100 : undefined}
                />
              ))}
          </div>
          {/* Wide table: the scroll region is focusable so keyboard users can scroll it. */}
          <TableRegion label="Nyckeltal per år, tabell">
            <table>
              <caption>Nyckeltal per år</caption>
              <thead>
                <tr>
                  <th scope="col">År</th>
                  {definitions.map((d) => (
                    <th scope="col" className={d.unit === "text" ? undefined : "num"} key={d.id}>
                      {d.label}
                      {d.unit !== "text" && d.unit !== "antal" ? ` (${unitSuffix(d.unit)})` : ""}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {years.map((y) => (
                  <tr key={y.year}>
                    <th scope="row">{y.year}</th>
                    {definitions.map((d) => (
                      <td className={d.unit === "text" ? undefined : "num"} key={d.id}>
                        {show(y.values[d.id])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
      {canManage ? (
        <section aria-labelledby="nytt-ar" className="no-print">
          <h2 id="nytt-ar">Registrera nyckeltal för ett år</h2>
          <p>
            Ett år som redan finns skrivs över med det du anger; tomma fält betyder att uppgiften saknas.{" "}
            <Link to={withCollaboration("/uppfoljning/nyckeltal", collaboration.slug)}>
              Bestäm vilka nyckeltal {collaboration.name} följer
            </Link>
            .
          </p>
          <FormErrorSummary form={form} />
          <Form method="post" className="stack" {...formProps(form)}>
            <TextField field={fields.year} label="År" inputMode="numeric" />
            {definitions.map((d) => (
              <TextField
                key={d.id}
                field={formFields[fieldName(d.id)]}
                label={`${d.label}${d.unit === "text" ? "" : ` (${unitSuffix(d.unit)})`}`}
                inputMode={d.unit === "text" ? undefined : "numeric"}
              />
            ))}
            <TextField field={fields.note} label="Anteckning" />
            <div className="actions">
              <button type="submit" className="button">
                Spara nyckeltal
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}

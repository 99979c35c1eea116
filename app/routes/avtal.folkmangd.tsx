import { DateText, keepUnitsWhole } from "~/components/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { currentYear } from "~/domain/cost-report";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { loadAgreementFor } from "~/auth/agreement-access.server";
import { requirePermission } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ConflictNotice, conflictOf } from "~/components/conflict-notice";
import { FormErrorSummary, formProps, TextareaField, TextField, useSchemaForm } from "~/components/forms";
import { withCollaboration } from "~/domain/collaboration";
import { countOf, todayInStockholm } from "~/domain/format";
import {
  describePopulationRule,
  matchMunicipality,
  parsePopulationPaste,
  populationBasis,
  populationReferenceDate,
  seenVersionsText,
  type StoredPopulation,
} from "~/domain/population";
import { populationFormSchema, populationIntentSchema, populationPasteSchema } from "~/forms/agreement-money";
import {
  populationFiguresOf,
  populationRuleOf,
  savePopulations,
  seenVersionsOn,
  type SavedPopulations,
} from "~/models/agreement-population.server";
import { partiesOf } from "~/models/agreements.server";
import { parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { idFromQuery, yearFromQuery } from "~/utils/query";
import { redirectWithStatus } from "~/utils/flash.server";
import { readForm } from "~/utils/request-body.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Folkmängd – Samverkansportalen" }];

/** The budget year whose population figures are shown (default: next year). */
function yearFrom(request: Request) {
  return yearFromQuery(request, currentYear(todayInStockholm()) + 1);
}

async function load(request: Request) {
  const access = await loadAgreementFor(request);
  const year = yearFrom(request);
  const rule = populationRuleOf(access.version);
  const asOf = populationReferenceDate(rule, year);
  const municipalities = partiesOf(access.collaborationId).filter((p) => p.kind === "kommun");
  return { ...access, year, rule, asOf, municipalities };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { collaboration, canManage, year, rule, asOf, municipalities } = await load(request);
  const figures = populationFiguresOf(municipalities.map((m) => m.organisationId));
  return {
    slug: collaboration.slug,
    year,
    asOf,
    rule: describePopulationRule(rule),
    saved: idFromQuery(request, "sparat"),
    // The versions the forms name, so a save over figures someone saved meanwhile is refused.
    seen: seenVersionsText(
      seenVersionsOn(
        asOf,
        municipalities.map((m) => m.organisationId),
      ),
    ),
    municipalities: municipalities.map((m) => {
      const basis = populationBasis(figures.get(m.organisationId) ?? [], asOf);
      return {
        organisationId: m.organisationId,
        name: m.name,
        population: basis && !basis.carriedForward ? basis.population : null,
        illustrative: basis && !basis.carriedForward ? basis.illustrative : false,
        carriedForward: basis?.carriedForward ? { population: basis.population, asOf: basis.asOf } : null,
      };
    }),
    canManage,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, collaboration, year, asOf, municipalities } = await load(request);
  requirePermission(viewer?.actor ?? null, "manage:agreement");
  const formData = await readForm(request);
  const which = parseForm(formData, populationIntentSchema);
  const shown = municipalities.map((m) => m.organisationId);
  // The versions a form names are those of its date's figures: a page read for another date
  // (the agreement's date rule changed meanwhile) saves nothing.
  const otherDate = `Folkmängden gäller nu ${asOf}, inte den dag sidan visade. Ladda om sidan och försök igen.`;
  const nameOf = (id: number) => municipalities.find((m) => m.organisationId === id)?.name ?? String(id);
  /** 409 with the colleague's figures beside the user's; what the user typed or pasted is kept. */
  const conflict = (
    submission: Parameters<typeof rejectConflict>[0],
    saved: Extract<SavedPopulations, { ok: false }>,
    mine: Map<number, number>,
  ) =>
    rejectConflict(
      submission,
      {
        rows: saved.conflicts.map((c: StoredPopulation): [string, string, string] => [
          nameOf(c.organisationId),
          `${c.population.toLocaleString("sv-SE")}${c.illustrative ? " (exempel)" : ""}`,
          mine.get(c.organisationId)?.toLocaleString("sv-SE") ?? "",
        ]),
      },
      seenVersionsText(saved.seen),
    );
  const back = (saved: number, skipped = 0) =>
    redirectWithStatus(
      withCollaboration(`/avtal/folkmangd?ar=${year}&sparat=${saved}`, collaboration.slug),
      `Folkmängd ${asOf} sparad för ${countOf(saved, "kommun", "kommuner")}${
        skipped
          ? `; ${countOf(skipped, "rad", "rader")} hoppades över (rubriker, län eller kommuner utanför samverkan)`
          : ""
      }.`,
    );
  if (which.status === "success" && which.value.intent === "paste") {
    const submission = parseForm(formData, populationPasteSchema);
    if (submission.status !== "success") return rejectForm(submission);
    if (submission.value.asOf !== asOf) return rejectForm(submission, { formErrors: [otherDate] });
    const parsed = parsePopulationPaste(submission.value.text);
    if (!parsed.ok) return rejectForm(submission, { fieldErrors: { text: parsed.errors } });
    const figures = new Map<number, number>();
    const problems: string[] = [];
    let skipped = parsed.skipped.length;
    for (const row of parsed.rows) {
      const match = matchMunicipality(row, municipalities);
      if (!match) {
        // SCB's table may list every municipality of the county; one that is not a party is skipped.
        if (row.code) skipped += 1;
        else problems.push(`Rad ${row.line}: ”${row.name}” är inte en kommun i samverkan. Kontrollera stavningen.`);
        continue;
      }
      const earlier = figures.get(match.organisationId);
      if (earlier !== undefined && earlier !== row.population)
        problems.push(`Rad ${row.line}: ${match.name} finns två gånger med olika folkmängd.`);
      figures.set(match.organisationId, row.population);
    }
    if (problems.length) return rejectForm(submission, { fieldErrors: { text: problems } });
    if (figures.size === 0)
      return rejectForm(submission, { fieldErrors: { text: ["Ingen rad gällde en kommun i samverkan."] } });
    const saved = savePopulations(
      viewer!.user.id,
      asOf,
      [...figures].map(([organisationId, population]) => ({ organisationId, population })),
      `SCB, folkmängd ${asOf} (inklistrad)`,
      submission.value.seen,
      shown,
    );
    if (!saved.ok) return conflict(submission, saved, figures);
    return back(figures.size, skipped);
  }
  const submission = parseForm(formData, populationFormSchema);
  if (submission.status !== "success") return rejectForm(submission);
  if (submission.value.asOf !== asOf) return rejectForm(submission, { formErrors: [otherDate] });
  const allowed = new Set(municipalities.map((m) => m.organisationId));
  const figures = submission.value.figures.flatMap((f) =>
    f.population === null || !allowed.has(f.organisationId)
      ? []
      : [{ organisationId: f.organisationId, population: f.population }],
  );
  if (figures.length === 0) return rejectForm(submission, { formErrors: ["Fyll i minst en kommuns folkmängd."] });
  const saved = savePopulations(
    viewer!.user.id,
    asOf,
    figures,
    `Folkmängd ${asOf}, inskriven`,
    submission.value.seen,
    shown,
  );
  if (!saved.ok) return conflict(submission, saved, new Map(figures.map((f) => [f.organisationId, f.population])));
  return back(figures.length);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type ActionData = ReturnType<typeof useActionData<typeof action>>;

/** The versions the form names: after a conflict, those of the figures now saved (saving again puts the user's over them). */
function seenOf(d: LoaderData, lastResult: ActionData) {
  return conflictOf<unknown, string>(lastResult)?.version ?? d.seen;
}

function FiguresForm({ d, lastResult }: { d: LoaderData; lastResult: ActionData }) {
  const [form, fields] = useSchemaForm(populationFormSchema, {
    id: "folkmangd",
    lastResult,
    defaultValue: {
      intent: "form",
      figures: d.municipalities.map((m) => ({
        organisationId: String(m.organisationId),
        population: m.population === null || m.illustrative ? "" : String(m.population),
      })),
    },
  });
  const rows = fields.figures.getFieldList();
  return (
    <>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <input type="hidden" name="intent" value="form" />
        <input type="hidden" name="asOf" value={d.asOf} />
        <input type="hidden" name="seen" value={seenOf(d, lastResult)} />
        {rows.map((row, i) => {
          const m = d.municipalities[i];
          if (!m) return null;
          const f = row.getFieldset();
          return (
            <div key={row.key}>
              <input type="hidden" name={f.organisationId.name} value={m.organisationId} />
              <TextField
                field={f.population}
                label={m.name}
                inputMode="numeric"
                hint={
                  m.illustrative
                    ? `Exempel i portalen: ${m.population?.toLocaleString("sv-SE")}. Skriv SCB:s siffra.`
                    : m.carriedForward
                      ? `Saknas; ${m.carriedForward.population.toLocaleString("sv-SE")} per ${m.carriedForward.asOf} används tills vidare.`
                      : undefined
                }
              />
            </div>
          );
        })}
        <div className="actions">
          <button type="submit" className="button">
            {conflictOf(lastResult) ? "Spara mina siffror ändå" : "Spara folkmängd"}
          </button>
        </div>
      </Form>
    </>
  );
}

function PasteForm({ d, lastResult }: { d: LoaderData; lastResult: ActionData }) {
  const [form, fields] = useSchemaForm(populationPasteSchema, {
    id: "scb",
    lastResult,
    defaultValue: { intent: "paste" },
  });
  return (
    <>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <input type="hidden" name="intent" value="paste" />
        <input type="hidden" name="asOf" value={d.asOf} />
        <input type="hidden" name="seen" value={seenOf(d, lastResult)} />
        <TextareaField
          field={fields.text}
          label="Tabellen från SCB"
          hint="Kopiera tabellen ”Folkmängden den 1 november” från SCB:s statistikdatabas och klistra in den som den är, med rubriker och kommunkoder (till exempel ”2326 Berg 6959”). Rader för län, riket och kommuner utanför samverkan hoppas över."
          rows={10}
        />
        <div className="actions">
          <button type="submit" className="button button--secondary">
            {conflictOf(lastResult) ? "Läs in mina siffror ändå" : "Läs in"}
          </button>
        </div>
      </Form>
    </>
  );
}

function Conflict({ d, lastResult }: { d: LoaderData; lastResult: ActionData }) {
  const conflict = conflictOf<{ rows: [string, string, string][] }, string>(lastResult);
  return conflict ? <ConflictNotice what={`folkmängden ${d.asOf}`} rows={conflict.theirs.rows} /> : null;
}

export default function Population() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const intent = lastResult?.initialValue?.intent;
  const to = (href: string) => withCollaboration(href, d.slug);
  return (
    <>
      <Breadcrumbs trail={[[to("/avtal"), "Avtal"]]} current="Folkmängd" />
      <h1>
        Folkmängd <DateText date={d.asOf} />
      </h1>
      <p>
        Underlag för kommunernas fördelning {d.year}: folkmängden {d.rule}, enligt avtalsversionen.{" "}
        <Link to={to(`/avtal/folkmangd?ar=${d.year - 1}`)}>Föregående år</Link> ·{" "}
        <Link to={to(`/avtal/folkmangd?ar=${d.year + 1}`)}>Nästa år</Link> ·{" "}
        <Link to={to(`/avtal/kostnader?ar=${d.year}`)}>Fördelningen {d.year}</Link>
      </p>
      {d.municipalities.some((m) => m.illustrative) ? (
        <p className="notice notice--warn" role="status">
          Siffrorna markerade som exempel är inte SCB:s. Fyll i eller klistra in SCB:s siffror.
        </p>
      ) : null}
      {/* Outside the forms' sections: the comparison is on paper too, as on the party page. */}
      {d.canManage ? <Conflict d={d} lastResult={lastResult} /> : null}
      <TableRegion label={`Folkmängd ${d.asOf}`}>
        <table>
          <caption>
            Folkmängd <DateText date={d.asOf} />
          </caption>
          <thead>
            <tr>
              <th scope="col">Kommun</th>
              <th scope="col" className="num">
                Folkmängd
              </th>
            </tr>
          </thead>
          <tbody>
            {d.municipalities.map((m) => (
              <tr key={m.organisationId}>
                <th scope="row">{m.name}</th>
                <td className="num">
                  {m.population !== null ? (
                    `${m.population.toLocaleString("sv-SE")}${m.illustrative ? " (exempel)" : ""}`
                  ) : (
                    <span className="num-note">
                      {m.carriedForward
                        ? keepUnitsWhole(
                            `saknas (${m.carriedForward.population.toLocaleString("sv-SE")} per ${m.carriedForward.asOf} framskriven)`,
                          )
                        : "saknas"}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {d.canManage ? (
        <>
          <section aria-labelledby="klistra-in" className="no-print">
            <h2 id="klistra-in">Klistra in från SCB</h2>
            <PasteForm key={`paste-${d.saved ?? 0}`} d={d} lastResult={intent === "paste" ? lastResult : undefined} />
          </section>
          <section aria-labelledby="skriv-in" className="no-print">
            <h2 id="skriv-in">Skriv in per kommun</h2>
            <FiguresForm
              key={`form-${d.year}-${d.saved ?? 0}`}
              d={d}
              lastResult={intent === "form" ? lastResult : undefined}
            />
          </section>
        </>
      ) : null}
    </>
  );
}

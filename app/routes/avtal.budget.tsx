import { keepWhole } from "~/components/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { budgetYearsShown, currentYear } from "~/domain/cost-report";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { loadAgreementFor } from "~/auth/agreement-access.server";
import { requirePermission } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ConflictNotice, conflictOf } from "~/components/conflict-notice";
import { FormErrorSummary, formProps, SelectField, TextareaField, TextField, useSchemaForm } from "~/components/forms";
import { isPartyInYear } from "~/domain/agreement-terms";
import { withCollaboration } from "~/domain/collaboration";
import { ALLOCATION_RULE_LABEL, ALLOCATION_RULES } from "~/domain/cost-allocation";
import { formatKronor, formatPercent, todayInStockholm } from "~/domain/format";
import { BUDGET_ITEM_KINDS } from "~/domain/invoice-basis";
import {
  budgetIntentSchema,
  budgetItemSchema,
  budgetYearSchema,
  removeBudgetItemSchema,
} from "~/forms/agreement-money";
import {
  addBudgetItem,
  budgetYearsOf,
  firstBudgetYear,
  removeBudgetItem,
  saveBudgetYear,
  yearAccounts,
} from "~/models/agreement-money.server";
import { partiesOf } from "~/models/agreements.server";
import { parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { yearFromQuery } from "~/utils/query";
import { redirectWithStatus } from "~/utils/flash.server";
import { readForm } from "~/utils/request-body.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Budget och resultat – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { collaboration, version, canManage } = await loadAgreementFor(request);
  const firstYear = firstBudgetYear(version);
  const thisYear = currentYear(todayInStockholm());
  const recorded = budgetYearsOf(collaboration.id);
  const { year, untilYear } = budgetYearsShown({
    thisYear,
    askedYear: yearFromQuery(request, thisYear),
    baseYear: firstYear,
    recordedYears: recorded.map((r) => r.year),
  });
  const accounts = yearAccounts(collaboration.id, version, untilYear);
  const record = recorded.find((r) => r.year === year) ?? null;
  const parties = partiesOf(collaboration.id);
  return {
    slug: collaboration.slug,
    year,
    baseYear: firstYear,
    rate: formatPercent(version.indexBasisPoints / 100),
    factor: (1 + version.indexBasisPoints / 10_000).toLocaleString("sv-SE", { maximumFractionDigits: 4 }),
    years: accounts.map((a) => ({
      year: a.year,
      total: a.budget.total,
      source: a.budgetSource,
      indexedFrom: a.budget.indexedFrom,
      exact: a.budget.exact,
      decisionRef: a.record?.decisionRef ?? "",
      decidedOn: a.record?.decidedOn ?? null,
      example: a.record?.illustrative ?? false,
      note: a.record?.note ?? "",
      jointFunds: a.invoice.totals.jointFunds,
      balance: a.balance,
      noParties: a.shares.noParties,
    })),
    items: accounts.flatMap((a) =>
      a.items.map((i) => ({
        id: i.id,
        version: i.version,
        year: i.year,
        kind: i.kind,
        label: i.label,
        amount: i.amount,
        rule: ALLOCATION_RULE_LABEL[i.rule],
        party:
          i.organisationId === null ? null : (parties.find((p) => p.organisationId === i.organisationId)?.name ?? null),
        note: i.note,
      })),
    ),
    record: record
      ? {
          version: record.version,
          totalByDecision: record.totalByDecision === null ? "" : String(record.totalByDecision),
          decidedOn: record.decidedOn ?? "",
          decisionRef: record.decisionRef,
          outcome: record.outcome === null ? "" : String(record.outcome),
          note: record.note,
        }
      : null,
    partiesOfYear: parties.filter((p) => isPartyInYear(p, year)).map((p) => ({ id: p.organisationId, name: p.name })),
    canManage,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, collaboration, version } = await loadAgreementFor(request);
  requirePermission(viewer?.actor ?? null, "manage:agreement");
  const userId = viewer!.user.id;
  const firstYear = firstBudgetYear(version);
  const formData = await readForm(request);
  const back = (year: number, message: string) =>
    redirectWithStatus(withCollaboration(`/avtal/budget?ar=${year}`, collaboration.slug), message);
  const which = parseForm(formData, budgetIntentSchema);
  const intent = which.status === "success" ? which.value.intent : "year";
  if (intent === "item") {
    const submission = parseForm(formData, budgetItemSchema);
    if (submission.status !== "success") return rejectForm(submission);
    const v = submission.value;
    if (v.year < firstYear)
      return rejectForm(submission, { fieldErrors: { year: [`Avtalets första budgetår är ${firstYear}.`] } });
    if (v.organisationId !== null) {
      const party = partiesOf(collaboration.id).find((p) => p.organisationId === v.organisationId);
      if (!party || !isPartyInYear(party, v.year))
        return rejectForm(submission, { fieldErrors: { organisationId: [`Välj en part som är part ${v.year}.`] } });
    }
    addBudgetItem(userId, collaboration.id, {
      year: v.year,
      kind: v.kind,
      label: v.label,
      amount: v.amount,
      rule: v.rule,
      organisationId: v.organisationId,
      note: v.note,
    });
    return back(
      v.year,
      v.kind === "gemensamma medel" ? "De gemensamma medlen är tillagda." : "Engångskostnaden är tillagd.",
    );
  }
  if (intent === "remove-item") {
    const submission = parseForm(formData, removeBudgetItemSchema);
    if (submission.status !== "success") return rejectForm(submission);
    const removed = removeBudgetItem(userId, collaboration.id, submission.value.id, submission.value.version);
    if (!removed.ok && removed.conflict)
      return rejectConflict(
        submission,
        conflictRows([["Post", `${removed.conflict.label}, ${formatKronor(removed.conflict.amount)}`, "Ta bort"]]),
        removed.conflict.version,
      );
    if (!removed.ok) return rejectForm(submission, { formErrors: ["Posten är redan borttagen av någon annan."] });
    return back(yearFromQuery(request, firstYear), "Posten är borttagen.");
  }
  const submission = parseForm(formData, budgetYearSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const v = submission.value;
  if (v.year < firstYear)
    return rejectForm(submission, { fieldErrors: { year: [`Avtalets första budgetår är ${firstYear}.`] } });
  if (v.totalByDecision === null && (v.decidedOn !== null || v.decisionRef))
    return rejectForm(submission, {
      fieldErrors: { totalByDecision: ["Ange den beslutade budgeten, eller töm fälten om beslutet."] },
    });
  const saved = saveBudgetYear(userId, collaboration.id, v.year, v.version, {
    totalByDecision: v.totalByDecision,
    decidedOn: v.decidedOn,
    decisionRef: v.decisionRef,
    outcome: v.outcome,
    note: v.note,
  });
  if (!saved.ok) {
    const theirs = saved.conflict;
    const kronor = (amount: number | null) => (amount === null ? "" : formatKronor(amount));
    return rejectConflict(
      submission,
      conflictRows([
        [`Budget ${v.year} enligt beslut`, kronor(theirs?.totalByDecision ?? null), kronor(v.totalByDecision)],
        ["Beslutsdatum", theirs?.decidedOn ?? "", v.decidedOn ?? ""],
        ["Beslut", theirs?.decisionRef ?? "", v.decisionRef],
        [`Utfall ${v.year}`, kronor(theirs?.outcome ?? null), kronor(v.outcome)],
        ["Anteckning", theirs?.note ?? "", v.note],
      ]),
      theirs?.version ?? 0,
    );
  }
  return back(v.year, `Budget och utfall för ${v.year} är sparade.`);
}

/** A budget conflict's rows: what the other person saved beside what the user sent. */
function conflictRows(rows: [string, string, string][]) {
  return { rows };
}

function Balance({ b }: { b: { outcome: number | null; result: number | null } }) {
  if (b.outcome === null) return <>Inget utfall</>;
  if (b.result === null) return <>Okänt (utfall saknas för ett tidigare år)</>;
  if (b.result > 0) return <>Överskott {formatKronor(b.result)}, förs över till nästa år</>;
  if (b.result < 0) return <>Underskott {formatKronor(-b.result)}, täcks av parterna enligt modellen</>;
  return <>Jämnt</>;
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type ActionData = ReturnType<typeof useActionData<typeof action>>;

/** The form for one year; remounted when the year or its saved version changes. */
function YearForm({ d, lastResult }: { d: LoaderData; lastResult: ActionData }) {
  const [form, fields] = useSchemaForm(budgetYearSchema, {
    id: "budget",
    lastResult,
    defaultValue: {
      intent: "year",
      year: String(d.year),
      version: d.record ? String(d.record.version) : "",
      totalByDecision: d.record?.totalByDecision ?? "",
      decidedOn: d.record?.decidedOn ?? "",
      decisionRef: d.record?.decisionRef ?? "",
      outcome: d.record?.outcome ?? "",
      note: d.record?.note ?? "",
    },
  });
  return (
    <>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <input type="hidden" name="intent" value="year" />
        <input type="hidden" name="year" value={d.year} />
        <input type="hidden" name="version" value={d.record ? d.record.version : ""} />
        <TextField
          field={fields.totalByDecision}
          label={`Budget ${d.year} enligt beslut (kr)`}
          hint={`Tomt betyder ${d.year - 1}s budget uppräknad med ${d.rate}.`}
          inputMode="numeric"
        />
        <TextField field={fields.decidedOn} label="Beslutsdatum" hint="ÅÅÅÅ-MM-DD" />
        <TextField
          field={fields.decisionRef}
          label="Beslut"
          hint="Organ, datum och paragraf, till exempel Styrgruppen 2024-11-29 § 45."
        />
        <TextField field={fields.outcome} label={`Utfall ${d.year}, bokslut (kr)`} inputMode="numeric" />
        <TextareaField field={fields.note} label="Anteckning" rows={2} />
        <div className="actions">
          <button type="submit" className="button">
            Spara {d.year}
          </button>
        </div>
      </Form>
    </>
  );
}

function ItemForm({ d, lastResult }: { d: LoaderData; lastResult: ActionData }) {
  const [form, fields] = useSchemaForm(budgetItemSchema, {
    id: "post",
    lastResult,
    defaultValue: { intent: "item", year: String(d.year), kind: "gemensamma medel", rule: "modell" },
  });
  return (
    <>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <input type="hidden" name="intent" value="item" />
        <TextField field={fields.year} label="År" inputMode="numeric" />
        <SelectField
          field={fields.kind}
          label="Slag"
          hint="Gemensamma medel minskar parternas andelar; en engångskostnad läggs till."
          options={BUDGET_ITEM_KINDS.map((k) => ({ value: k, label: k }))}
        />
        <TextField field={fields.label} label="Vad det gäller" />
        <TextField field={fields.amount} label="Belopp (kr)" inputMode="numeric" />
        <SelectField
          field={fields.rule}
          label="Fördelning"
          options={ALLOCATION_RULES.map((r) => ({ value: r, label: ALLOCATION_RULE_LABEL[r] }))}
        />
        <SelectField
          field={fields.organisationId}
          label="Part (bara när en part bär hela beloppet)"
          emptyOption="Ingen"
          options={d.partiesOfYear.map((p) => ({ value: p.id, label: p.name }))}
        />
        <TextareaField field={fields.note} label="Anteckning" rows={2} />
        <div className="actions">
          <button type="submit" className="button button--secondary">
            Lägg till
          </button>
        </div>
      </Form>
    </>
  );
}

export default function BudgetPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const to = (href: string) => withCollaboration(href, d.slug);
  const intent = lastResult?.initialValue?.intent;
  const conflict = conflictOf<{ rows: [string, string, string][] }>(lastResult);
  const removeError = intent === "remove-item" && !conflict ? lastResult?.error?.[""]?.[0] : undefined;
  const notes = [...new Set(d.years.map((y) => y.note).filter(Boolean))];
  return (
    <>
      <Breadcrumbs trail={[[to("/avtal"), "Avtal"]]} current="Budget och resultat" />
      <h1>Budget och resultat</h1>
      <p>
        Varje års budget är föregående års budget uppräknad med {d.rate}, avrundad till närmaste hela krona (en halv
        krona avrundas uppåt), om inte parterna har beslutat en annan budget för året. Ett beslutat år räknas sedan upp
        vidare; budgeten räknas aldrig om från basåret {d.baseYear}. Ett överskott stannar i verksamheten och förs över
        till nästa år; ett underskott täcks av parterna enligt beräkningsmodellen och faktureras med nästa års underlag.
      </p>
      <TableRegion label="Budget per år">
        <table>
          <caption>Budget per år</caption>
          <thead>
            <tr>
              <th scope="col">År</th>
              <th scope="col" className="num">
                Budget
              </th>
              <th scope="col">Så har budgeten bestämts</th>
              <th scope="col" className="num">
                Gemensamma medel
              </th>
              <th scope="col" className="num">
                Engångskostnader
              </th>
              <th scope="col" className="num">
                Överskott in
              </th>
              <th scope="col" className="num">
                Utfall
              </th>
              <th scope="col">Resultat</th>
            </tr>
          </thead>
          <tbody>
            {d.years.map((y) => (
              <tr key={y.year} className={y.year === d.year ? "current-year" : undefined}>
                <th scope="row">
                  <Link to={to(`/avtal/kostnader?ar=${y.year}`)}>{y.year}</Link>
                </th>
                <td className="num">{formatKronor(y.total)}</td>
                <td>
                  {y.source === "beslut" ? (
                    <>
                      <strong>Beslutad</strong>
                      {y.decisionRef ? `: ${y.decisionRef}` : ""}
                      {keepWhole(y.decidedOn ? `, ${y.decidedOn}` : "")}
                    </>
                  ) : y.source === "avtal" ? (
                    <strong>Enligt avtalet</strong>
                  ) : (
                    <>
                      <strong>
                        Uppräknad med {d.rate} från {y.indexedFrom!.year}
                      </strong>
                      : {formatKronor(y.indexedFrom!.total)} × {d.factor} = {y.exact}&nbsp;kr
                    </>
                  )}
                  {y.noParties ? ". Ingen part betalar det året." : ""}
                </td>
                <td className="num">{y.jointFunds ? formatKronor(-y.jointFunds) : "–"}</td>
                <td className="num">{y.balance.oneOffCosts ? formatKronor(y.balance.oneOffCosts) : "–"}</td>
                <td className="num">{y.balance.carriedIn === null ? "okänt" : formatKronor(y.balance.carriedIn)}</td>
                <td className="num">
                  {y.balance.outcome === null ? "–" : formatKronor(y.balance.outcome)}
                  {y.example ? " (exempel)" : ""}
                </td>
                <td>
                  <Balance b={y.balance} />
                  {y.note ? <sup>{notes.indexOf(y.note) + 1}</sup> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      {notes.length ? (
        <ol className="muted">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ol>
      ) : null}

      <h2>Gemensamma medel och engångskostnader</h2>
      {conflict && intent === "remove-item" ? <ConflictNotice what="posten" rows={conflict.theirs.rows} /> : null}
      {removeError ? (
        <p className="notice notice--error" role="alert">
          {removeError}
        </p>
      ) : null}
      {d.items.length === 0 ? (
        <p>Inga gemensamma medel eller engångskostnader är registrerade.</p>
      ) : (
        <ul>
          {d.items.map((i) => (
            <li key={i.id}>
              {i.year}: <strong>{i.label}</strong>, {i.kind}, {formatKronor(i.amount)}, fördelas {i.rule}
              {i.party ? ` (${i.party})` : ""}.{keepWhole(i.note ? ` ${i.note}` : "")}
              {d.canManage ? (
                <Form method="post" className="inline-form no-print">
                  <input type="hidden" name="intent" value="remove-item" />
                  <input type="hidden" name="id" value={i.id} />
                  <input type="hidden" name="version" value={i.version} />
                  <button type="submit" className="button button--secondary button--small">
                    Ta bort<span className="visually-hidden"> {i.label}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {d.canManage ? (
        <>
          <section aria-labelledby="registrera-ar" className="no-print">
            <h2 id="registrera-ar">Budget och utfall {d.year}</h2>
            <p>
              Välj år:{" "}
              {d.years.map((y) => (
                <span key={y.year}>
                  {y.year === d.year ? (
                    <strong>{y.year}</strong>
                  ) : (
                    <Link to={to(`/avtal/budget?ar=${y.year}`)}>{y.year}</Link>
                  )}{" "}
                </span>
              ))}
            </p>
            {conflict && intent !== "remove-item" ? (
              <ConflictNotice what={`budgeten för ${d.year}`} rows={conflict.theirs.rows} />
            ) : null}
            <YearForm
              key={`${d.year}-${d.record?.version ?? 0}`}
              d={d}
              lastResult={intent === "year" || intent === undefined ? lastResult : undefined}
            />
          </section>

          <section aria-labelledby="ny-post" className="no-print">
            <h2 id="ny-post">Lägg till gemensamma medel eller engångskostnad</h2>
            <ItemForm key={d.items.length} d={d} lastResult={intent === "item" ? lastResult : undefined} />
          </section>
        </>
      ) : null}
    </>
  );
}

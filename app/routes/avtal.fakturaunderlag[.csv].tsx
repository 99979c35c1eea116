import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadAgreementFor } from "~/auth/agreement-access.server";
import { csvResponse, toCsv } from "~/domain/csv";
import { todayInStockholm } from "~/domain/format";
import { yearAccount } from "~/models/agreement-money.server";
import { idFromQuery, yearFromQuery } from "~/utils/query";

/**
 * The invoice basis of a year as CSV for Swedish Excel: one row per party (or the one asked
 * for), its share, joint funds, one-off costs, last year's deficit and the net, with who
 * invoices it and the population basis with its flags.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { collaboration, version } = await loadAgreementFor(request);
  const year = yearFromQuery(request, Number(todayInStockholm().slice(0, 4)));
  const party = idFromQuery(request, "part");
  const only = party === null ? null : String(party);
  const a = yearAccount(collaboration.id, version, year);
  const sumOf = (lines: { kind: string; amount: number }[], kind: string) =>
    lines.filter((l) => l.kind === kind).reduce((s, l) => s + l.amount, 0);
  const parties = a.invoice.parties.filter((p) => !only || p.key === only);
  const csv = toCsv(
    [
      "År",
      "Part",
      "Betalning",
      "Andel av budgeten (kr)",
      "Gemensamma medel (kr)",
      "Engångskostnader (kr)",
      `Underskott ${a.year - 1} (kr)`,
      "Att betala (kr)",
      "Folkmängd",
      "Folkmängd per",
      "Anmärkning",
      "Budget (kr)",
      "Budgetens grund",
    ],
    parties.map((p) => {
      const row = a.rows.find((r) => String(r.organisationId) === p.key);
      return [
        a.year,
        p.name,
        row?.payment.text ?? "Tidigare part",
        sumOf(p.lines, "andel"),
        sumOf(p.lines, "gemensamma medel"),
        sumOf(p.lines, "engångskostnad"),
        sumOf(p.lines, "underskott"),
        p.net,
        row?.population ?? null,
        row?.populationAsOf ?? null,
        [
          row?.populationIllustrative ? "folkmängden är ett exempel, inte SCB" : "",
          row?.populationCarriedForward ? `folkmängden framskriven (per ${a.populationDate} saknas)` : "",
          a.record?.illustrative ? "årets registrerade uppgifter (utfall) är exempel" : "",
        ]
          .filter(Boolean)
          .join("; "),
        a.budget.total,
        a.budgetExplained,
      ];
    }),
  );
  const suffix = only && parties[0] ? `-${parties[0].name}` : "";
  return csvResponse(csv, `fakturaunderlag-${a.year}${suffix}.csv`);
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadAgreementFor } from "~/auth/agreement-access.server";
import { currentYear, invoiceColumns, invoiceRowRemark, invoicesFor, rowOfParty } from "~/domain/cost-report";
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
  const year = yearFromQuery(request, currentYear(todayInStockholm()));
  const party = idFromQuery(request, "part");
  const only = party === null ? null : String(party);
  const a = yearAccount(collaboration.id, version, year);
  const { parties } = invoicesFor(a.invoice.parties, only);
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
      const row = rowOfParty(a.rows, p.key);
      const columns = invoiceColumns(p.lines);
      return [
        a.year,
        p.name,
        row?.payment.text ?? "Tidigare part",
        columns.share,
        columns.jointFunds,
        columns.oneOffCosts,
        columns.deficit,
        p.net,
        row?.population ?? null,
        row?.populationAsOf ?? null,
        invoiceRowRemark(row, a.populationDate, a.record?.illustrative ?? false),
        a.budget.total,
        a.budgetExplained,
      ];
    }),
  );
  const suffix = only && parties[0] ? `-${parties[0].name}` : "";
  return csvResponse(csv, `fakturaunderlag-${a.year}${suffix}.csv`);
}

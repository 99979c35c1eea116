import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadAgreementFor } from "~/auth/agreement-access.server";
import { currentYear, shareRowRemark } from "~/domain/cost-report";
import { csvResponse, toCsv } from "~/domain/csv";
import { todayInStockholm } from "~/domain/format";
import { yearAccount } from "~/models/agreement-money.server";
import { yearFromQuery } from "~/utils/query";

/** The year's share of the budget per party as CSV for Swedish Excel, with the population basis and its flags. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { collaboration, version } = await loadAgreementFor(request);
  const year = yearFromQuery(request, currentYear(todayInStockholm()));
  const a = yearAccount(collaboration.id, version, year);
  const csv = toCsv(
    [
      "År",
      "Part",
      "Folkmängd",
      "Folkmängd per",
      "Anmärkning om folkmängden",
      "Belopp (kr)",
      "Budget",
      "Budgetens grund",
    ],
    a.rows.map((r) => [
      a.year,
      r.name,
      r.population,
      r.populationAsOf,
      shareRowRemark(r),
      r.share,
      a.budget.total,
      a.budgetExplained,
    ]),
  );
  return csvResponse(csv, `kostnadsfordelning-${a.year}.csv`);
}

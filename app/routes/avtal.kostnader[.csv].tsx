import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse, toCsv } from "~/domain/csv";
import { todayInStockholm } from "~/domain/format";
import { costTable } from "~/models/agreements.server";
import { loadAgreementFor } from "~/utils/agreement-access.server";

/** The year's cost per party as CSV for invoicing (Excel-ready, formula-safe). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { collaborationId, version } = await loadAgreementFor(request);
  const raw = Number(new URL(request.url).searchParams.get("ar"));
  const year = Number.isInteger(raw) && raw >= version.baseYear && raw <= 2100 ? raw : Number(todayInStockholm().slice(0, 4));
  const table = costTable(collaborationId, version, year);
  const csv = toCsv(
    ["År", "Part", "Folkmängd 1 november föregående år", "Belopp (kr)"],
    table.rows.map((r) => [year, r.name, r.population, r.amount]),
  );
  return csvResponse(csv, `kostnadsfordelning-${year}.csv`);
}

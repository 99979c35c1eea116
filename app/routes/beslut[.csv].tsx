import type { LoaderFunctionArgs } from "@remix-run/node";
import { getViewer } from "~/auth/session.server";
import { csvResponse, toCsv } from "~/domain/csv";
import { listDecisions, type DecisionFilter } from "~/models/decisions.server";

/** The register as CSV, with the same filters and the same access as the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const url = new URL(request.url);
  const n = (k: string) => Number(url.searchParams.get(k)) || undefined;
  const s = (k: string) => url.searchParams.get(k)?.trim() || undefined;
  const filter: DecisionFilter = { bodyId: n("organ"), year: n("ar"), kind: s("typ"), status: s("status"), matterId: n("arende"), text: s("q") };
  const rows = listDecisions(viewer?.actor ?? null, filter);
  const origin = url.origin;
  return csvResponse(
    toCsv(
      ["Datum", "Organ", "Paragraf", "Rubrik", "Beslut", "Typ", "Status", "Diarienummer", "Länk"],
      rows.map((d) => [d.decidedOn, d.bodyName, d.paragraph, d.title, d.text, d.kind, d.status, d.registryNumber, `${origin}/beslut/${d.id}`]),
    ),
    "beslutsregister.csv",
  );
}

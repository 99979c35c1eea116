import type { LoaderFunctionArgs } from "@remix-run/node";
import { collaborationFor } from "~/auth/collaboration.server";
import { getViewer } from "~/auth/session.server";
import { csvResponse, toCsv } from "~/domain/csv";
import { decisionFilterFromUrl, decisionsForExport } from "~/models/decisions.server";

/** The register as CSV, with the same filters and the same access as the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const url = new URL(request.url);
  const collaborationId = collaborationFor(request, viewer?.actor ?? null).id;
  const rows = decisionsForExport(viewer?.actor ?? null, { ...decisionFilterFromUrl(url), collaborationId });
  const origin = url.origin;
  return csvResponse(
    toCsv(
      ["Datum", "Organ", "Paragraf", "Rubrik", "Beslut", "Typ", "Status", "Diarienummer", "Länk", "Justering"],
      rows.map((d) => [
        d.decidedOn,
        d.bodyName,
        d.paragraph,
        d.title,
        d.text,
        d.kind,
        d.status,
        d.registryNumber,
        `${origin}/beslut/${d.id}`,
        d.approval,
      ]),
    ),
    "beslutsregister.csv",
  );
}

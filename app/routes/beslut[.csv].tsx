import type { LoaderFunctionArgs } from "@remix-run/node";
import { collaborationFor } from "~/auth/collaboration.server";
import { getViewer } from "~/auth/session.server";
import { decisionFilterFromUrl, decisionsForExport } from "~/models/decisions.server";
import { csvStreamResponse } from "~/utils/csv-stream.server";

/** The register as CSV, with the same filters and the same access as the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const url = new URL(request.url);
  const collaborationId = collaborationFor(request, viewer?.actor ?? null).id;
  const origin = url.origin;
  // A batch at a time: the whole register with its texts is megabytes after ten years.
  return csvStreamResponse(
    "beslutsregister.csv",
    ["Datum", "Organ", "Paragraf", "Rubrik", "Beslut", "Typ", "Status", "Diarienummer", "Länk", "Justering"],
    decisionsForExport(viewer?.actor ?? null, { ...decisionFilterFromUrl(url), collaborationId }),
    (d) => [
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
    ],
  );
}

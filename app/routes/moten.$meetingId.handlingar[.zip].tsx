import type { LoaderFunctionArgs } from "@remix-run/node";
import { zipSync } from "fflate";
import { notFound } from "~/auth/session.server";
import { readFileBytes } from "~/models/files.server";
import { agendaOf } from "~/models/meetings.server";
import { loadMeetingFor } from "~/utils/meeting-access.server";

/** All documents of the agenda the viewer may read, as one zip, named by item order. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, canReadConfidential } = await loadMeetingFor(request, params.meetingId);
  const entries: Record<string, Uint8Array> = {};
  agendaOf(meeting.id).forEach((item, index) => {
    if (item.confidential && !canReadConfidential) return;
    for (const file of item.files) {
      const prefix = String(index + 1).padStart(2, "0");
      let name = `${prefix} ${item.title.replace(/[\\/:*?"<>|]/g, "_").slice(0, 60)}/${file.originalName}`;
      for (let n = 2; entries[name]; n++) name = `${prefix} ${item.title.slice(0, 60)}/${n}-${file.originalName}`;
      entries[name] = new Uint8Array(readFileBytes(file));
    }
  });
  if (Object.keys(entries).length === 0) throw notFound("Mötet har inga handlingar att hämta.");
  const zip = zipSync(entries, { level: 6 });
  const filename = `handlingar-${meeting.bodyShortName.replace(/\W+/g, "-").toLowerCase()}-${meeting.date}.zip`;
  return new Response(zip as unknown as BodyInit, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(zip.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { zipSync } from "fflate";
import { notFound } from "~/auth/session.server";
import { archivePaths } from "~/domain/archive";
import { readFileBytes } from "~/models/files.server";
import { visibleAgendaOf } from "~/models/agenda-view.server";
import { loadMeetingFor } from "~/auth/meeting-access.server";

/** All documents of the agenda the viewer may read, as one zip, named by item order. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, actor, canReadConfidential } = await loadMeetingFor(request, params.meetingId);
  const agenda = visibleAgendaOf(actor, meeting);
  const picked: { folder: string; name: string; file: (typeof agenda)[number]["files"][number] }[] = [];
  agenda.forEach((item, index) => {
    if (item.confidential && !canReadConfidential) return;
    const folder = `${String(index + 1).padStart(2, "0")} ${item.title}`;
    for (const file of item.files) picked.push({ folder, name: file.originalName, file });
  });
  const entries: Record<string, Uint8Array> = {};
  archivePaths(picked).forEach((name, i) => (entries[name] = new Uint8Array(readFileBytes(picked[i].file))));
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

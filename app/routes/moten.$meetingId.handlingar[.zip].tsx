import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/session.server";
import { itemHeading } from "~/domain/agenda-view";
import { archivePaths } from "~/domain/archive";
import { fileStream } from "~/models/files.server";
import { visibleAgendaOf } from "~/models/agenda-view.server";
import { loadMeetingFor } from "~/auth/meeting-access.server";
import { zipStream } from "~/utils/zip-stream.server";

/** All documents of the agenda the viewer may read, as one zip, named by item number (`itemHeading`). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, actor, canReadConfidential } = await loadMeetingFor(request, params.meetingId);
  const agenda = visibleAgendaOf(actor, meeting);
  const picked: { folder: string; name: string; file: (typeof agenda)[number]["files"][number] }[] = [];
  agenda.forEach((item, index) => {
    if (item.confidential && !canReadConfidential) return;
    // Numbered as the meeting's page and the notice number it for this viewer (§ once minutes are begun).
    const folder = itemHeading(item, index, 2);
    for (const file of item.files) picked.push({ folder, name: file.originalName, file });
  });
  if (picked.length === 0) throw notFound("Mötet har inga handlingar att hämta.");
  const names = archivePaths(picked);
  // Written as it is read, one piece at a time (app/utils/zip-stream.server.ts).
  const zip = zipStream(
    picked.map(({ file }, i) => ({
      name: names[i],
      deflate: file.mime.startsWith("text/"),
      open: () => fileStream(file),
    })),
  );
  const filename = `handlingar-${meeting.bodyShortName.replace(/\W+/g, "-").toLowerCase()}-${meeting.date}.zip`;
  return new Response(zip, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

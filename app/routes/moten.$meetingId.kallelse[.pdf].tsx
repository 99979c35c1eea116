import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadMeetingFor } from "~/auth/meeting-access.server";
import { itemHeading } from "~/domain/agenda-view";
import { formatDateTime, formatDateWithWeekday } from "~/domain/format";
import { secretaryName } from "~/domain/meetings";
import { visibleAgendaOf } from "~/models/agenda-view.server";
import { readFileBytes } from "~/models/files.server";
import { agendaOf } from "~/models/meeting-agenda.server";
import { membersOnDate } from "~/models/meeting-attendance.server";
import { minutesOf } from "~/models/meeting-minutes.server";
import { noticeViewFor } from "~/models/meeting-notice.server";
import { noticePdf } from "~/models/notice-pdf.server";

/** Markdown as plain lines for the printed notice. */
function plain(markdown: string): string[] {
  return markdown
    .split(/\n+/)
    .map((l) =>
      l
        .replace(/^#+\s*/, "")
        .replace(/[*_`>]/g, "")
        .trim(),
    )
    .filter(Boolean);
}

/**
 * The notice and every PDF document the viewer may open, as one PDF (kallelse med handlingar).
 * The same rights as the notice page and the zip: the agenda as the viewer sees it, no
 * documents of a confidential item without the right to read them.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, actor, canReadConfidential, canManage } = await loadMeetingFor(request, params.meetingId);
  const shown = noticeViewFor(meeting, agendaOf(meeting.id), {
    canManage,
    minutesBegun: minutesOf(meeting.id) !== undefined,
  });
  const m = shown.meeting;
  const items = visibleAgendaOf(actor, meeting, shown.items);
  const members = membersOnDate(meeting.bodyId, meeting.date);
  const secretary = secretaryName(members);
  const versionNo = shown.latest?.versionNo ?? 0;
  const documents: Parameters<typeof noticePdf>[1] = [];
  const pdfItems = items.map((i, index) => {
    const withheld = i.confidential && !canReadConfidential;
    const files = withheld ? [] : i.files;
    for (const f of files)
      if (f.mime === "application/pdf")
        documents.push({ itemHeading: itemHeading(i, index), name: f.originalName, bytes: readFileBytes(f) });
    return {
      heading: itemHeading(i, index),
      lines: [
        [i.kind, i.presenter ? `Föredragande: ${i.presenter}` : ""].filter(Boolean).join(" · "),
        ...(withheld ? [`Sekretess: ${i.confidentialReason}.`] : plain(i.description)),
        ...(i.proposedDecision && !withheld ? [`Förslag till beslut: ${i.proposedDecision}`] : []),
        ...(files.length ? [`Handlingar: ${files.map((f) => f.originalName).join(", ")}`] : []),
      ],
    };
  });
  const { bytes } = await noticePdf(
    {
      title: `${versionNo > 1 ? `Ändrad kallelse (version ${versionNo})` : "Kallelse"}: ${m.bodyName}`,
      facts: [
        ["Dag", formatDateWithWeekday(m.date)],
        ["Tid", `${m.startTime}–${m.endTime}`],
        ["Plats", m.place || "–"],
        ...(m.videoUrl ? ([["Video", m.videoUrl]] as [string, string][]) : []),
        ["Publicerad", shown.notice ? formatDateTime(shown.notice.publishedAt) : "Utkast, inte publicerad"],
      ],
      paragraphs: [
        `Avsändare: ${m.bodyName}${secretary ? `, ${secretary} (sekreterare)` : ""}`,
        `Anmäl förhinder till ${secretary ? `sekreteraren ${secretary}` : "sekreteraren"} eller i portalen.`,
      ],
      called: members.map((x) => `${x.name}, ${x.role}`),
      items: pdfItems,
    },
    documents,
  );
  const filename = `kallelse-${meeting.bodyShortName.replace(/\W+/g, "-").toLowerCase()}-${meeting.date}.pdf`;
  return new Response(bytes as unknown as BodyInit, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${filename}"`,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
}

/** Where a file is attached within meetings (agenda items and proposals), for file access. */
import { eq, sql } from "drizzle-orm";
import { agendaItemFiles, agendaItems, itemProposals, proposalFiles } from "../../db/schema";
import { db } from "~/utils/db.server";

/** Where a file is attached within meetings: the meeting, the item (null for a proposal) and whether it is confidential. */
export function meetingContextsOfFile(fileId: number) {
  const viaItems = db()
    .select({
      meetingId: agendaItems.meetingId,
      itemId: sql<number | null>`${agendaItems.id}`,
      confidential: agendaItems.confidential,
      proposalBy: sql<string | null>`null`,
    })
    .from(agendaItemFiles)
    .innerJoin(agendaItems, eq(agendaItemFiles.agendaItemId, agendaItems.id))
    .where(eq(agendaItemFiles.fileId, fileId))
    .all();
  const viaProposals = db()
    .select({
      meetingId: itemProposals.meetingId,
      itemId: sql<number | null>`null`,
      confidential: sql<boolean>`1`,
      proposalBy: itemProposals.proposedBy,
    })
    .from(proposalFiles)
    .innerJoin(itemProposals, eq(proposalFiles.proposalId, itemProposals.id))
    .where(eq(proposalFiles.fileId, fileId))
    .all();
  return [...viaItems, ...viaProposals];
}

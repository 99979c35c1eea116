/**
 * Members' proposals for agenda items, accepted onto the agenda or declined with a reason by
 * the secretary. Every write is one immediate transaction with its audit entry.
 */
import { asc, eq, inArray, sql } from "drizzle-orm";
import { agendaItemFiles, files, itemProposals, people, proposalFiles, users } from "../../db/schema";
import type { ValidAgendaItem } from "~/domain/meetings";
import { db, preparedQuery, write } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import type { stageFiles } from "./files.server";
import { bumpMeeting, insertItem } from "./meeting-agenda.server";
import { queueProposalDecidedMail } from "./meeting-mail.server";

type Staged = ReturnType<typeof stageFiles>;

export function createProposal(
  userId: string,
  meetingId: number,
  value: { title: string; kind: ValidAgendaItem["kind"]; description: string; proposedDecision: string },
  staged: Staged | null,
) {
  return write((tx) => {
    const row = tx
      .insert(itemProposals)
      .values({ meetingId, proposedBy: userId, ...value })
      .returning()
      .get();
    for (const f of staged?.insert(tx, userId) ?? [])
      tx.insert(proposalFiles).values({ proposalId: row.id, fileId: f.id }).run();
    recordAudit(tx, { userId, action: "create", entityType: "item_proposal", entityId: row.id, after: row });
    return row;
  });
}

const proposalsOfMeeting = preparedQuery((d) =>
  d
    .select({ proposal: itemProposals, proposerEmail: users.email, proposerName: people.name })
    .from(itemProposals)
    .innerJoin(users, eq(itemProposals.proposedBy, users.id))
    .leftJoin(people, eq(users.personId, people.id))
    .where(eq(itemProposals.meetingId, sql.placeholder("meetingId")))
    .orderBy(asc(itemProposals.id))
    .prepare(),
);

export function proposalsOf(meetingId: number) {
  const rows = proposalsOfMeeting().all({ meetingId });
  const links = rows.length
    ? db()
        .select({ proposalId: proposalFiles.proposalId, file: files })
        .from(proposalFiles)
        .innerJoin(files, eq(proposalFiles.fileId, files.id))
        .where(
          inArray(
            proposalFiles.proposalId,
            rows.map((r) => r.proposal.id),
          ),
        )
        .all()
    : [];
  return rows.map((r) => ({
    ...r.proposal,
    proposer: r.proposerName ?? r.proposerEmail,
    files: links.filter((l) => l.proposalId === r.proposal.id).map((l) => l.file),
  }));
}

export function getProposal(id: number) {
  return db().select().from(itemProposals).where(eq(itemProposals.id, id)).get();
}

/** Accepts a proposal: it becomes an agenda item (before the closing item) with its documents. */
export function acceptProposal(userId: string, proposalId: number) {
  return write((tx) => {
    const before = tx.select().from(itemProposals).where(eq(itemProposals.id, proposalId)).get();
    if (!before || before.status !== "inkommet") return null;
    const item = insertItem(tx, before.meetingId, {
      title: before.title,
      kind: before.kind,
      presenter: "",
      minutesEstimate: null,
      description: before.description,
      proposedDecision: before.proposedDecision,
      confidential: false,
      confidentialReason: "",
      matterId: null,
    });
    const fileIds = tx
      .select({ id: proposalFiles.fileId })
      .from(proposalFiles)
      .where(eq(proposalFiles.proposalId, proposalId))
      .all();
    for (const f of fileIds) tx.insert(agendaItemFiles).values({ agendaItemId: item.id, fileId: f.id }).run();
    const after = tx
      .update(itemProposals)
      .set({ status: "accepterat", decidedBy: userId, decidedAt: new Date().toISOString(), agendaItemId: item.id })
      .where(eq(itemProposals.id, proposalId))
      .returning()
      .get();
    bumpMeeting(tx, before.meetingId);
    recordAudit(tx, { userId, action: "update", entityType: "item_proposal", entityId: proposalId, before, after });
    queueProposalDecidedMail(tx, proposalId);
    return item;
  });
}

export function declineProposal(userId: string, proposalId: number, reason: string) {
  return write((tx) => {
    const before = tx.select().from(itemProposals).where(eq(itemProposals.id, proposalId)).get();
    if (!before || before.status !== "inkommet") return null;
    const after = tx
      .update(itemProposals)
      .set({ status: "avslaget", declineReason: reason, decidedBy: userId, decidedAt: new Date().toISOString() })
      .where(eq(itemProposals.id, proposalId))
      .returning()
      .get();
    recordAudit(tx, { userId, action: "update", entityType: "item_proposal", entityId: proposalId, before, after });
    queueProposalDecidedMail(tx, proposalId);
    return after;
  });
}

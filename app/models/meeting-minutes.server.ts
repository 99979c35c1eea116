/**
 * Minutes (protokoll): the draft, § numbering and the decision rows, who signs (the acting
 * chair, the secretary, the elected justerare), signatures (justering) and corrections of
 * approved minutes, which need the same signers again. Every write is one immediate
 * transaction with its audit entry.
 */
import { and, asc, eq, exists, inArray, max, ne, or, sql } from "drizzle-orm";
import {
  agendaItems,
  attendance,
  decisions,
  meetings,
  memberships,
  minutes,
  minutesRevisions,
  minutesSignatures,
  people,
} from "../../db/schema";
import { assignParagraphs } from "~/domain/meetings";
import {
  allSigned,
  approvalProblems,
  defaultActingChair,
  draftDecisionOf,
  defaultSecretary,
  isHeld,
  isRegisterDecision,
  requiredSignersOf,
  signerProblems,
  signerRoleOf,
  type Participant,
  type SignerChoice,
  type SignerRole,
} from "~/domain/minutes";
import type { AttendanceRow } from "~/domain/minutes-draft";
import { correctionProblem, minutesStepRefusal } from "~/domain/minutes-steps";
import { db, write, type Db } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { paragraphsOf } from "./meeting-agenda.server";
import { membersOnDate } from "./meeting-attendance.server";
import { queueMinutesApprovedMail, queueMinutesForSigningMail } from "./meeting-mail.server";

export function minutesOf(meetingId: number, conn: Db = db()) {
  return conn.select().from(minutes).where(eq(minutes.meetingId, meetingId)).get();
}

/** The body's members on the meeting day with their attendance (one row per person). */
export function participantsOf(meetingId: number, conn: Db = db()): Participant[] {
  const meeting = conn.select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
  const rows = conn.select().from(attendance).where(eq(attendance.meetingId, meetingId)).all();
  const seen = new Set<number>();
  return membersOnDate(meeting.bodyId, meeting.date, conn)
    .filter((m) => (seen.has(m.personId) ? false : (seen.add(m.personId), true)))
    .map((m) => ({
      personId: m.personId,
      name: m.name,
      role: m.role,
      status: rows.find((r) => r.personId === m.personId)?.status ?? null,
    }));
}

/** Who signs: the recorded acting chair and secretary (or the defaults) and the elected justerare. */
export function signerChoiceOf(meetingId: number, conn: Db = db()): SignerChoice {
  const record = minutesOf(meetingId, conn);
  const participants = participantsOf(meetingId, conn);
  const adjusters = conn
    .select({ personId: attendance.personId })
    .from(attendance)
    .where(and(eq(attendance.meetingId, meetingId), eq(attendance.adjuster, true)))
    .orderBy(asc(attendance.id))
    .all()
    .map((a) => a.personId);
  return {
    actingChairPersonId: record?.actingChairPersonId ?? defaultActingChair(participants),
    secretaryPersonId: record?.secretaryPersonId ?? defaultSecretary(participants),
    adjusterPersonIds: adjusters,
  };
}

/**
 * The meetings whose minutes the person signs in a round still open: draft minutes, or
 * approved minutes with a correction waiting (the same signers approve it). Signers are
 * chosen among the members on the meeting day (signerProblems), so only meetings of bodies
 * the person has held a seat in are asked (by the meetings' body index); of those, the
 * signers `signerChoiceOf` names, defaults included.
 */
export function meetingsSignedBy(personId: number, conn: Db = db()): number[] {
  const bodyIds = [
    ...new Set(
      conn
        .select({ bodyId: memberships.bodyId })
        .from(memberships)
        .where(eq(memberships.personId, personId))
        .all()
        .map((m) => m.bodyId),
    ),
  ];
  if (bodyIds.length === 0) return [];
  const open = conn
    .select({ meetingId: minutes.meetingId })
    .from(meetings)
    .innerJoin(minutes, eq(minutes.meetingId, meetings.id))
    .where(
      and(
        inArray(meetings.bodyId, bodyIds),
        or(
          ne(minutes.status, "justerat"),
          exists(
            conn
              .select({ one: sql`1` })
              .from(minutesRevisions)
              .where(and(eq(minutesRevisions.meetingId, minutes.meetingId), eq(minutesRevisions.pending, true))),
          ),
        ),
      ),
    )
    .all();
  return open
    .map((m) => m.meetingId)
    .filter((meetingId) => requiredSignersOf(signerChoiceOf(meetingId, conn)).some((s) => s.personId === personId));
}

/** Numbers every item not yet numbered (§ per body and year) and creates its decision row. */
export function numberItems(tx: Db, userId: string, meetingId: number) {
  const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
  const year = Number(meeting.date.slice(0, 4));
  const items = tx
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position))
    .all();
  const existing = paragraphsOf(meetingId, tx);
  const last =
    tx
      .select({ n: max(decisions.paragraph) })
      .from(decisions)
      .where(and(eq(decisions.bodyId, meeting.bodyId), eq(decisions.year, year)))
      .get()?.n ?? 0;
  const numbered = assignParagraphs(
    items.map((i) => i.id),
    existing,
    last,
  );
  for (const item of items) {
    if (existing.has(item.id)) continue;
    tx.insert(decisions)
      .values({
        bodyId: meeting.bodyId,
        meetingId,
        agendaItemId: item.id,
        paragraph: numbered.get(item.id)!,
        year,
        decidedOn: meeting.date,
        text: item.decisionText,
        ...draftDecisionOf(item, meeting),
        approval: "utkast",
        createdBy: userId,
      })
      .run();
  }
}

/**
 * Starts the minutes: a draft with the body's secretary, every item numbered. The meeting's
 * status does not change: the secretary marks the meeting held (`markHeld`).
 */
export function startMinutes(userId: string, meetingId: number) {
  write((tx) => {
    if (tx.select().from(minutes).where(eq(minutes.meetingId, meetingId)).get()) return;
    const secretary = defaultSecretary(participantsOf(meetingId, tx));
    tx.insert(minutes).values({ meetingId, secretaryPersonId: secretary }).run();
    numberItems(tx, userId, meetingId);
    recordAudit(tx, {
      userId,
      action: "create",
      entityType: "minutes",
      entityId: meetingId,
      after: { status: "utkast", secretaryPersonId: secretary },
    });
  });
}

/** The secretary marks the meeting held (genomfört). Only the secretary's act changes the status. */
export function markHeld(userId: string, meetingId: number) {
  write((tx) => {
    const before = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
    if (isHeld(before.status)) return;
    tx.update(meetings).set({ status: "genomfört" }).where(eq(meetings.id, meetingId)).run();
    recordAudit(tx, {
      userId,
      action: "update",
      entityType: "meeting",
      entityId: meetingId,
      before: { status: before.status },
      after: { status: "genomfört" },
    });
  });
}

interface MinutesItemInput {
  id: number;
  minutesNote: string;
  decisionText: string;
  /** Information, discussion, report-back: the secretary records the § as a register decision. */
  recordAsDecision: boolean;
  /** The § was approved at the meeting (omedelbar justering). */
  approvedImmediately: boolean;
}

export interface MinutesInput {
  actingChairPersonId: number | null;
  secretaryPersonId: number | null;
  adjustmentPlace: string;
  adjustmentDate: string | null;
  attendance: AttendanceRow[];
  items: MinutesItemInput[];
}

/** The § that were approved immediately (their text is locked in the draft). */
export function immediatelyApprovedItemIds(meetingId: number): Set<number> {
  return new Set(
    db()
      .select({ itemId: decisions.agendaItemId })
      .from(decisions)
      .where(and(eq(decisions.meetingId, meetingId), eq(decisions.approvedImmediately, true)))
      .all()
      .map((r) => r.itemId!),
  );
}

/** Saves the draft minutes if nobody saved since `expectedVersion`. Never changes the meeting's status. */
export function saveMinutes(userId: string, meetingId: number, expectedVersion: number, input: MinutesInput) {
  return write((tx) => {
    const current = tx.select().from(minutes).where(eq(minutes.meetingId, meetingId)).get();
    const refused = minutesStepRefusal("save", current);
    if (!current || refused?.state === "not-started") throw new Response(refused?.message, { status: 400 });
    if (refused) return { ok: false as const, locked: true as const, problem: refused.message };
    if (current.version !== expectedVersion)
      return { ok: false as const, locked: false as const, conflict: current.version };
    const beforeItems = tx.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).all();
    const beforeAttendance = tx.select().from(attendance).where(eq(attendance.meetingId, meetingId)).all();
    tx.delete(attendance).where(eq(attendance.meetingId, meetingId)).run();
    for (const row of input.attendance)
      tx.insert(attendance)
        .values({ meetingId, ...row })
        .run();
    numberItems(tx, userId, meetingId);
    const approvedAt = new Date().toISOString();
    for (const item of input.items) {
      const row = beforeItems.find((i) => i.id === item.id);
      const decision = tx
        .select()
        .from(decisions)
        .where(and(eq(decisions.agendaItemId, item.id), eq(decisions.meetingId, meetingId)))
        .get();
      // A § approved immediately is the record already: the draft no longer changes it.
      if (!row || !decision || decision.approvedImmediately) continue;
      tx.update(agendaItems)
        .set({
          minutesNote: item.minutesNote,
          decisionText: item.decisionText,
          recordAsDecision: item.recordAsDecision,
        })
        .where(eq(agendaItems.id, item.id))
        .run();
      tx.update(decisions)
        .set({
          text: item.decisionText,
          inRegister: isRegisterDecision({
            kind: row.kind,
            recordAsDecision: item.recordAsDecision,
            outcome: row.outcome,
          }),
          ...(item.approvedImmediately ? { approvedImmediately: true, approval: "justerat" as const, approvedAt } : {}),
        })
        .where(eq(decisions.id, decision.id))
        .run();
    }
    const header = {
      actingChairPersonId: input.actingChairPersonId,
      secretaryPersonId: input.secretaryPersonId,
      adjustmentPlace: input.adjustmentPlace,
      adjustmentDate: input.adjustmentDate,
    };
    tx.update(minutes)
      .set({ ...header, version: current.version + 1 })
      .where(eq(minutes.meetingId, meetingId))
      .run();
    recordAudit(tx, {
      userId,
      action: "update",
      entityType: "minutes",
      entityId: meetingId,
      before: {
        actingChairPersonId: current.actingChairPersonId,
        secretaryPersonId: current.secretaryPersonId,
        adjustmentPlace: current.adjustmentPlace,
        adjustmentDate: current.adjustmentDate,
        attendance: beforeAttendance,
        items: beforeItems.map((i) => ({
          id: i.id,
          minutesNote: i.minutesNote,
          decisionText: i.decisionText,
          recordAsDecision: i.recordAsDecision,
        })),
      },
      after: input,
    });
    return { ok: true as const };
  });
}

/** Signatures of one round: 0 for the minutes, a revision id for a correction. */
export function signaturesOf(meetingId: number, round = 0) {
  return db()
    .select({
      personId: minutesSignatures.personId,
      role: minutesSignatures.role,
      signedAt: minutesSignatures.signedAt,
      name: people.name,
    })
    .from(minutesSignatures)
    .innerJoin(people, eq(minutesSignatures.personId, people.id))
    .where(and(eq(minutesSignatures.meetingId, meetingId), eq(minutesSignatures.round, round)))
    .orderBy(asc(minutesSignatures.id))
    .all();
}

/** Why the minutes cannot be approved now (empty when they can), for the page and for signing. */
export function minutesApprovalProblems(meetingId: number, today: string, conn: Db = db()): string[] {
  const meeting = conn.select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
  const paragraphs = paragraphsOf(meetingId, conn);
  const items = conn.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).all();
  return approvalProblems({
    today,
    meetingDate: meeting.date,
    held: isHeld(meeting.status),
    items: items.map((i) => ({ ...i, paragraph: paragraphs.get(i.id) ?? null })),
    signers: signerProblems(signerChoiceOf(meetingId, conn), participantsOf(meetingId, conn)),
  });
}

/**
 * The secretary sends the minutes to the signers who have not signed: only when they could be
 * approved now (nothing in `minutesApprovalProblems`). The messages are queued in the same
 * transaction as the audit entry. Returns how many were queued, or the problems.
 */
export function sendForSigning(
  userId: string,
  meetingId: number,
  today: string,
): { ok: true; queued: number } | { ok: false; problems: string[] } {
  return write((tx) => {
    const current = tx.select().from(minutes).where(eq(minutes.meetingId, meetingId)).get();
    const refused = minutesStepRefusal("send-for-signing", current);
    if (!current || refused) return { ok: false as const, problems: [refused!.message] };
    const problems = minutesApprovalProblems(meetingId, today, tx);
    if (problems.length) return { ok: false as const, problems };
    const signed = new Set(
      tx
        .select({ personId: minutesSignatures.personId })
        .from(minutesSignatures)
        .where(and(eq(minutesSignatures.meetingId, meetingId), eq(minutesSignatures.round, 0)))
        .all()
        .map((s) => s.personId),
    );
    const unsigned = requiredSignersOf(signerChoiceOf(meetingId, tx)).filter((s) => !signed.has(s.personId));
    const queued = queueMinutesForSigningMail(tx, meetingId, current, unsigned);
    recordAudit(tx, {
      userId,
      action: "send-for-signing",
      entityType: "minutes",
      entityId: meetingId,
      after: { version: current.version, signers: unsigned.map((s) => s.personId), queued },
    });
    return { ok: true as const, queued };
  });
}

type SignResult =
  | { ok: true; approved: boolean; role: SignerRole }
  | { ok: false; problems: string[] }
  | { ok: false; notSigner: true };

/**
 * Records one signature (given here, or given on paper and recorded by the secretary). When
 * every required signer has signed, the minutes are approved and locked and their decisions
 * enter the register. Refused before the meeting's day, before the meeting is marked held,
 * with a decision § without text, or by anyone who is not a recorded signer.
 */
export function signMinutes(userId: string, meetingId: number, personId: number, today: string): SignResult {
  return write((tx): SignResult => {
    const current = tx.select().from(minutes).where(eq(minutes.meetingId, meetingId)).get();
    const refused = minutesStepRefusal("sign", current);
    if (!current || refused) return { ok: false, problems: [refused!.message] };
    const choice = signerChoiceOf(meetingId, tx);
    const role = signerRoleOf(personId, choice);
    if (!role) return { ok: false, notSigner: true };
    const problems = minutesApprovalProblems(meetingId, today, tx);
    if (problems.length) return { ok: false, problems };
    const already = tx
      .select()
      .from(minutesSignatures)
      .where(
        and(
          eq(minutesSignatures.meetingId, meetingId),
          eq(minutesSignatures.round, 0),
          eq(minutesSignatures.personId, personId),
        ),
      )
      .get();
    if (!already) tx.insert(minutesSignatures).values({ meetingId, personId, role, signedBy: userId }).run();
    recordAudit(tx, { userId, action: "sign", entityType: "minutes", entityId: meetingId, after: { personId, role } });
    const signed = tx
      .select({ personId: minutesSignatures.personId })
      .from(minutesSignatures)
      .where(and(eq(minutesSignatures.meetingId, meetingId), eq(minutesSignatures.round, 0)))
      .all()
      .map((s) => s.personId);
    if (!allSigned(requiredSignersOf(choice), signed)) return { ok: true, approved: false, role };
    const approvedAt = new Date().toISOString();
    tx.update(minutes)
      .set({ status: "justerat", approvedAt, version: current.version + 1 })
      .where(eq(minutes.meetingId, meetingId))
      .run();
    tx.update(meetings).set({ status: "protokoll justerat" }).where(eq(meetings.id, meetingId)).run();
    // The meeting's decisions enter the register (those approved immediately already have).
    tx.update(decisions)
      .set({ approval: "justerat", approvedAt })
      .where(and(eq(decisions.meetingId, meetingId), eq(decisions.approval, "utkast")))
      .run();
    recordAudit(tx, {
      userId,
      action: "approve",
      entityType: "minutes",
      entityId: meetingId,
      before: { status: "utkast" },
      after: { status: "justerat", approvedAt },
    });
    queueMinutesApprovedMail(tx, meetingId, today);
    return { ok: true, approved: true, role };
  });
}

/** The correction waiting for the signers' approval, if any. */
export function pendingCorrectionOf(meetingId: number, conn: Db = db()) {
  return conn
    .select()
    .from(minutesRevisions)
    .where(and(eq(minutesRevisions.meetingId, meetingId), eq(minutesRevisions.pending, true)))
    .get();
}

/**
 * A correction of approved minutes: a new revision with its reason, not in force until the
 * same signers approve it again (`signCorrection`); until then the register keeps the
 * approved text. Refused (`problem`) unless the minutes are approved and no other correction
 * waits (`correctionProblem`).
 */
export function correctMinutes(
  userId: string,
  meetingId: number,
  itemId: number,
  decisionText: string,
  minutesNote: string,
  reason: string,
) {
  return write((tx) => {
    const current = tx.select().from(minutes).where(eq(minutes.meetingId, meetingId)).get();
    const problem = correctionProblem(current, pendingCorrectionOf(meetingId, tx));
    if (problem) return { ok: false as const, problem };
    const item = tx
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
      .get();
    if (!item) throw new Response("Punkten finns inte.", { status: 404 });
    const before = { decisionText: item.decisionText, minutesNote: item.minutesNote };
    const after = { decisionText, minutesNote };
    const revision = tx
      .insert(minutesRevisions)
      .values({
        meetingId,
        agendaItemId: itemId,
        reason,
        before: JSON.stringify(before),
        after: JSON.stringify(after),
        pending: true,
        createdBy: userId,
      })
      .returning()
      .get();
    recordAudit(tx, {
      userId,
      action: "correct",
      entityType: "minutes",
      entityId: meetingId,
      before,
      after: { ...after, reason, revisionId: revision.id },
    });
    return { ok: true as const, revision };
  });
}

/**
 * One signer approves the waiting correction. When all the minutes' signers have, the
 * corrected text replaces the old in the minutes and in the register.
 */
export function signCorrection(userId: string, meetingId: number, personId: number) {
  return write((tx) => {
    const revision = pendingCorrectionOf(meetingId, tx);
    if (!revision) return { ok: false as const, problem: "Det finns ingen rättelse som väntar på justering." };
    const choice = signerChoiceOf(meetingId, tx);
    const role = signerRoleOf(personId, choice);
    if (!role) return { ok: false as const, notSigner: true as const };
    const round = revision.id;
    const already = tx
      .select()
      .from(minutesSignatures)
      .where(
        and(
          eq(minutesSignatures.meetingId, meetingId),
          eq(minutesSignatures.round, round),
          eq(minutesSignatures.personId, personId),
        ),
      )
      .get();
    if (!already) tx.insert(minutesSignatures).values({ meetingId, personId, role, round, signedBy: userId }).run();
    recordAudit(tx, {
      userId,
      action: "sign",
      entityType: "minutes",
      entityId: meetingId,
      after: { personId, role, revisionId: round },
    });
    const signed = tx
      .select({ personId: minutesSignatures.personId })
      .from(minutesSignatures)
      .where(and(eq(minutesSignatures.meetingId, meetingId), eq(minutesSignatures.round, round)))
      .all()
      .map((s) => s.personId);
    if (!allSigned(requiredSignersOf(choice), signed)) return { ok: true as const, approved: false };
    const after = JSON.parse(revision.after) as { decisionText: string; minutesNote: string };
    const approvedAt = new Date().toISOString();
    tx.update(agendaItems).set(after).where(eq(agendaItems.id, revision.agendaItemId!)).run();
    tx.update(decisions)
      .set({ text: after.decisionText })
      .where(and(eq(decisions.agendaItemId, revision.agendaItemId!), eq(decisions.meetingId, meetingId)))
      .run();
    tx.update(minutesRevisions).set({ pending: false, approvedAt }).where(eq(minutesRevisions.id, revision.id)).run();
    recordAudit(tx, {
      userId,
      action: "approve",
      entityType: "minutes",
      entityId: meetingId,
      after: { revisionId: revision.id, approvedAt, ...after },
    });
    return { ok: true as const, approved: true };
  });
}

export function revisionsOf(meetingId: number) {
  return db()
    .select({
      id: minutesRevisions.id,
      agendaItemId: minutesRevisions.agendaItemId,
      reason: minutesRevisions.reason,
      before: minutesRevisions.before,
      after: minutesRevisions.after,
      pending: minutesRevisions.pending,
      approvedAt: minutesRevisions.approvedAt,
      createdAt: minutesRevisions.createdAt,
    })
    .from(minutesRevisions)
    .where(eq(minutesRevisions.meetingId, meetingId))
    .orderBy(asc(minutesRevisions.id))
    .all();
}

/** Anslag: the day the approved minutes were posted, and where they are kept. */
export function postMinutes(userId: string, meetingId: number, postedOn: string, keptAt: string) {
  return write((tx) => {
    const current = tx.select().from(minutes).where(eq(minutes.meetingId, meetingId)).get();
    if (!current || minutesStepRefusal("post", current)) return { ok: false as const };
    tx.update(minutes).set({ postedOn, keptAt }).where(eq(minutes.meetingId, meetingId)).run();
    recordAudit(tx, {
      userId,
      action: "update",
      entityType: "minutes",
      entityId: meetingId,
      before: { postedOn: current.postedOn, keptAt: current.keptAt },
      after: { postedOn, keptAt },
    });
    return { ok: true as const };
  });
}

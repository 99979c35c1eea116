/**
 * Recommendations to the parties and every party's answer, with its history. The party's
 * own representative reports; the coordinator confirms or corrects. Each change is one
 * transaction with its audit entry and a history row.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { files, organisations, partyAnswers, recommendationParties, recommendations, users } from "../../db/schema";
import type { ValidAnswer } from "~/domain/recommendations";
import { db, write } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import type { stageFiles } from "./files.server";

type Staged = ReturnType<typeof stageFiles>;

export function listRecommendations(collaborationId: number) {
  return db().select().from(recommendations).where(eq(recommendations.collaborationId, collaborationId)).orderBy(desc(recommendations.answerDeadline)).all();
}

export function getRecommendation(id: number) {
  return db().select().from(recommendations).where(eq(recommendations.id, id)).get();
}

export function answersOf(recommendationIds: number[]) {
  if (recommendationIds.length === 0) return [];
  return db()
    .select({ answer: recommendationParties, organisation: organisations.name, kind: organisations.kind, file: files })
    .from(recommendationParties)
    .innerJoin(organisations, eq(recommendationParties.organisationId, organisations.id))
    .leftJoin(files, eq(recommendationParties.fileId, files.id))
    .where(inArray(recommendationParties.recommendationId, recommendationIds))
    .all()
    .map((r) => ({ ...r.answer, organisation: r.organisation, kind: r.kind, file: r.file ? { id: r.file.id, name: r.file.originalName } : null }))
    .sort((a, b) => (a.kind === "region" ? 0 : 1) - (b.kind === "region" ? 0 : 1) || a.organisation.localeCompare(b.organisation, "sv"));
}

export function historyOf(recommendationPartyId: number) {
  return db()
    .select({ h: partyAnswers, by: users.email })
    .from(partyAnswers)
    .leftJoin(users, eq(partyAnswers.byUser, users.id))
    .where(eq(partyAnswers.recommendationPartyId, recommendationPartyId))
    .orderBy(asc(partyAnswers.id))
    .all()
    .map((r) => ({ ...r.h, by: r.by }));
}

export function getPartyAnswer(recommendationId: number, organisationId: number) {
  return db()
    .select()
    .from(recommendationParties)
    .where(and(eq(recommendationParties.recommendationId, recommendationId), eq(recommendationParties.organisationId, organisationId)))
    .get();
}

export function createRecommendation(
  userId: string,
  collaborationId: number,
  value: { title: string; summary: string; ask: string; answerDeadline: string; isPublic: boolean; decisionId: number | null; matterId: number | null; organisationIds: number[] },
) {
  return write((tx) => {
    const { organisationIds, ...fields } = value;
    const rec = tx.insert(recommendations).values({ ...fields, collaborationId, createdBy: userId }).returning().get();
    for (const organisationId of organisationIds) tx.insert(recommendationParties).values({ recommendationId: rec.id, organisationId }).run();
    recordAudit(tx, { userId, action: "create", entityType: "recommendation", entityId: rec.id, after: { ...rec, organisationIds } });
    return rec;
  });
}

/**
 * Records a party's answer. `event` says whether the party reported it, the coordinator
 * confirmed it, or the coordinator corrected it. Refused when someone saved in between.
 */
export function recordAnswer(
  userId: string,
  recommendationPartyId: number,
  expectedVersion: number,
  answer: ValidAnswer,
  event: "rapporterat" | "bekräftat" | "rättat",
  staged: Staged | null,
) {
  return write((tx) => {
    const before = tx.select().from(recommendationParties).where(eq(recommendationParties.id, recommendationPartyId)).get();
    if (!before) throw new Response("Svaret finns inte.", { status: 404 });
    if (before.version !== expectedVersion) return { ok: false as const, current: before };
    const [file] = staged?.insert(tx, userId) ?? [];
    const fileId = file?.id ?? before.fileId;
    const confirmed = event === "rapporterat" ? { confirmedBy: null, confirmedAt: null } : { confirmedBy: userId, confirmedAt: new Date().toISOString() };
    const after = tx
      .update(recommendationParties)
      .set({ ...answer, fileId, ...confirmed, version: before.version + 1 })
      .where(eq(recommendationParties.id, recommendationPartyId))
      .returning()
      .get();
    tx.insert(partyAnswers).values({ recommendationPartyId, event, ...answer, fileId, byUser: userId }).run();
    recordAudit(tx, { userId, action: event === "rapporterat" ? "report" : event === "bekräftat" ? "confirm" : "correct", entityType: "party_answer", entityId: recommendationPartyId, before, after });
    return { ok: true as const, row: after };
  });
}

/** Files attached to answers, for download checks: readable where the recommendation is. */
export function recommendationsWithFile(fileId: number) {
  const current = db().select({ id: recommendationParties.recommendationId }).from(recommendationParties).where(eq(recommendationParties.fileId, fileId)).all();
  const history = db()
    .select({ id: recommendationParties.recommendationId })
    .from(partyAnswers)
    .innerJoin(recommendationParties, eq(partyAnswers.recommendationPartyId, recommendationParties.id))
    .where(eq(partyAnswers.fileId, fileId))
    .all();
  const ids = [...new Set([...current, ...history].map((r) => r.id))];
  return ids.length ? db().select().from(recommendations).where(inArray(recommendations.id, ids)).all() : [];
}

/**
 * Where each party stood on `date`: the last report recorded on or before that day
 * ("väntar" if none). Rebuilt from the history, so the matrix can be shown as of any date.
 */
export function answersAsOf(recommendationIds: number[], date: string) {
  const current = answersOf(recommendationIds);
  return current.map((a) => {
    const before = historyOf(a.id).filter((h) => h.at.slice(0, 10) <= date);
    const last = before.at(-1);
    return { ...a, status: last?.status ?? ("väntar" as const), decisionDate: last?.decisionDate ?? null };
  });
}

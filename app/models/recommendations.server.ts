/**
 * Recommendations to the parties (rekommendationsbeslut): the lifecycle from draft to closed,
 * the versions the parties received, the files that go with them, and every party's answer
 * with its history. The rules are in app/domain/recommendations.ts; each step here is one
 * transaction with its audit entry, refused when someone saved in between (version) or when
 * the lifecycle does not allow it.
 */
import { and, asc, desc, eq, inArray, lt, max, ne, or, sql, type SQL } from "drizzle-orm";
import {
  auditLog,
  bodyCollaborations,
  decisions,
  files,
  organisations,
  partyAnswers,
  people,
  recommendationFiles,
  recommendationLetters,
  recommendationParties,
  recommendations,
  recommendationVersions,
  users,
} from "../../db/schema";
import { endOfStockholmDay, todayInStockholm } from "~/domain/format";
import type { PageRequest } from "~/domain/pagination";
import type { Actor } from "~/domain/policy";
import { readScopeOf } from "~/domain/read-scope";
import type { RecommendationFileLink } from "~/domain/recommendation-visibility";
import {
  acceptsAnswers,
  ASKING_STATUSES,
  ANSWER_STATUSES,
  carriesExtract,
  effectiveDeadline,
  hasNotAnswered,
  isAnswered,
  isAnswerOverdue,
  isAsking,
  isSent,
  linkableDecision,
  nextStatus,
  nextVersionNo,
  reminderDue,
  RECOMMENDATION_STATUSES,
  type AnswerEvent,
  type AnswerStatus,
  type RecommendationStep,
  type RecommendationText,
  type ValidAnswer,
} from "~/domain/recommendations";
import { db, preparedQuery, write, type Db } from "~/utils/db.server";
import { costTable } from "./agreement-money.server";
import { choicesOf, type ChoiceRequest } from "./choices.server";
import { agreementOf, currentVersion, getVersion } from "./agreements.server";
import { recordAudit } from "./audit.server";
import type { stageFiles } from "./files.server";
import { paginateQuery } from "./paging.server";
import { recommendationsReadableBy } from "./read-scope.server";
import { recordLetters } from "./recommendation-letters.server";

type Staged = ReturnType<typeof stageFiles>;
export type Recommendation = typeof recommendations.$inferSelect;

/** A refused step: someone saved in between (with their values), or the lifecycle does not allow it. */
export type StepResult<T> =
  | { ok: true; row: T }
  | { ok: false; reason: "conflict"; current: Recommendation }
  | { ok: false; reason: "refused"; status: Recommendation["status"] };

// --- Reading -------------------------------------------------------------------------------------

/** Sent to the parties: what the matrix, the follow-up and the parties see (drafts are the coordinator's). */
const SENT_STATUSES = RECOMMENDATION_STATUSES.filter(isSent);
/** No final answer yet: waiting, or on the party's own agenda (in time or not). */
const OPEN_STATUSES = ANSWER_STATUSES.filter((s) => !isAnswered(s));
/** A party's own deadline, else the recommendation's. */
const partyDeadline = sql<string>`coalesce(${recommendationParties.deadline}, ${recommendations.answerDeadline})`;

/** The coordinator's work list: drafts and decided texts not yet sent, newest first. */
export function unsentRecommendations(collaborationId: number) {
  return db()
    .select({ id: recommendations.id, title: recommendations.title, status: recommendations.status })
    .from(recommendations)
    .where(
      and(
        eq(recommendations.collaborationId, collaborationId),
        inArray(recommendations.status, ["utkast", "beslutad"]),
      ),
    )
    .orderBy(desc(recommendations.answerDeadline), desc(recommendations.id))
    .all();
}

/** What an organisation has not yet answered of the recommendations out for answers, earliest deadline first. */
export function pendingAnswersOf(collaborationId: number, organisationId: number) {
  return db()
    .select({
      recommendationId: recommendations.id,
      title: recommendations.title,
      deadline: partyDeadline,
      status: recommendationParties.status,
      asking: {
        status: recommendations.status,
        withdrawnAt: recommendations.withdrawnAt,
        closedAt: recommendations.closedAt,
      },
    })
    .from(recommendationParties)
    .innerJoin(recommendations, eq(recommendationParties.recommendationId, recommendations.id))
    .where(
      and(
        eq(recommendationParties.organisationId, organisationId),
        inArray(recommendationParties.status, OPEN_STATUSES),
        eq(recommendations.collaborationId, collaborationId),
        inArray(recommendations.status, ASKING_STATUSES),
      ),
    )
    .orderBy(asc(partyDeadline), asc(recommendations.id))
    .all();
}

/**
 * The sent recommendations the actor may read; as of a date, only those already sent then
 * (the day recorded, else the day they were entered).
 */
function matrixWhere(actor: Actor | null, collaborationId: number, asOf: string | null): SQL | undefined {
  return and(
    eq(recommendations.collaborationId, collaborationId),
    inArray(recommendations.status, SENT_STATUSES),
    recommendationsReadableBy(readScopeOf(actor)),
    asOf
      ? sql`coalesce(${recommendations.sentAt}, ${recommendations.createdAt}) < ${endOfStockholmDay(asOf)}`
      : undefined,
  );
}

/** One page of the recommendations matrix's rows, latest answer deadline first. */
export function pageOfRecommendations(
  actor: Actor | null,
  collaborationId: number,
  asOf: string | null,
  request: PageRequest,
) {
  const where = matrixWhere(actor, collaborationId, asOf);
  const order = [desc(recommendations.answerDeadline), desc(recommendations.id)];
  return paginateQuery(request, { table: recommendations, id: recommendations.id, where, order }, (page) =>
    db()
      .select({
        id: recommendations.id,
        title: recommendations.title,
        answerDeadline: recommendations.answerDeadline,
        status: recommendations.status,
        withdrawnAt: recommendations.withdrawnAt,
        closedAt: recommendations.closedAt,
      })
      .from(recommendations)
      .where(page)
      .orderBy(...order),
  );
}

/**
 * Every party that has not answered (hasNotAnswered: nothing heard, or on its own agenda past
 * its deadline), over all the recommendations the actor may read, not only the page shown:
 * the coordinator chases these. As of a date, the status is the last one reported on or
 * before that day. A withdrawn or closed recommendation asks for no answer (asksForAnswers):
 * its parties are not chased from the day it was withdrawn or closed.
 */
export function notAnsweredByRecommendation(
  actor: Actor | null,
  collaborationId: number,
  asOf: string | null,
  today: string,
) {
  const status = asOf
    ? sql<string>`coalesce((SELECT ${partyAnswers.status} FROM ${partyAnswers} WHERE ${partyAnswers.recommendationPartyId} = ${recommendationParties.id} AND ${partyAnswers.at} < ${endOfStockholmDay(asOf)} ORDER BY ${partyAnswers.id} DESC LIMIT 1), 'väntar')`
    : sql<string>`${recommendationParties.status}`;
  const askedOn = asOf ?? today;
  const rows = db()
    .select({
      recommendationId: recommendations.id,
      title: recommendations.title,
      answerDeadline: recommendations.answerDeadline,
      deadline: partyDeadline,
      organisation: organisations.name,
      kind: organisations.kind,
      status,
      asking: {
        status: recommendations.status,
        withdrawnAt: recommendations.withdrawnAt,
        closedAt: recommendations.closedAt,
      },
    })
    .from(recommendationParties)
    .innerJoin(recommendations, eq(recommendationParties.recommendationId, recommendations.id))
    .innerJoin(organisations, eq(recommendationParties.organisationId, organisations.id))
    .where(
      and(
        matrixWhere(actor, collaborationId, asOf),
        asOf ? undefined : inArray(recommendationParties.status, OPEN_STATUSES),
        // asksForAnswers in SQL, to keep the rows few; the rule itself is asked of each row below.
        sql`coalesce(${recommendations.withdrawnAt}, ${recommendations.closedAt}, ${endOfStockholmDay(askedOn)}) >= ${endOfStockholmDay(askedOn)}`,
      ),
    )
    .orderBy(desc(recommendations.answerDeadline), desc(recommendations.id))
    .all();
  const groups = new Map<number, { id: number; title: string; deadline: string; parties: typeof rows }>();
  for (const r of rows) {
    if (!hasNotAnswered(r.status as AnswerStatus, r.deadline, today, r.asking)) continue;
    const group = groups.get(r.recommendationId) ?? {
      id: r.recommendationId,
      title: r.title,
      deadline: r.answerDeadline,
      parties: [],
    };
    group.parties.push(r);
    groups.set(r.recommendationId, group);
  }
  return [...groups.values()].map(({ parties, ...g }) => ({
    ...g,
    names: parties
      .sort(byPartyOrder)
      .map(
        (p) =>
          `${p.organisation}${isAnswerOverdue(p.status as AnswerStatus, p.deadline, today, p.asking) ? " (försenat)" : ""}`,
      ),
  }));
}

/** Built once: `localeCompare(x, "sv")` builds a collator on every comparison. */
const swedishOrder = new Intl.Collator("sv");

/** The region first, then the municipalities in Swedish alphabetical order. */
function byPartyOrder(a: { kind: string; organisation: string }, b: { kind: string; organisation: string }) {
  return (
    (a.kind === "region" ? 0 : 1) - (b.kind === "region" ? 0 : 1) ||
    swedishOrder.compare(a.organisation, b.organisation)
  );
}

// One recommendation's page: its reads prepared once per connection (db.server.ts, preparedQuery).
const recommendationById = preparedQuery((d) =>
  d
    .select()
    .from(recommendations)
    .where(eq(recommendations.id, sql.placeholder("id")))
    .prepare(),
);

export function getRecommendation(id: number) {
  return recommendationById().get({ id });
}

/** Names and roles of the people behind user accounts, for histories: never e-mail addresses. */
function peopleOf(userIds: (string | null)[]) {
  const ids = [...new Set(userIds.filter((u): u is string => u !== null))];
  const rows = ids.length
    ? db()
        .select({ id: users.id, role: users.role, name: people.name, title: people.title, org: organisations.name })
        .from(users)
        .leftJoin(people, eq(users.personId, people.id))
        .leftJoin(organisations, eq(people.organisationId, organisations.id))
        .where(inArray(users.id, ids))
        .all()
    : [];
  const byId = new Map(
    rows.map((r) => [
      r.id,
      {
        name: r.name ?? (r.role === "admin" ? "Samordnaren" : "Okänd användare"),
        role: r.title || (r.role === "admin" ? "Samordnare" : r.org ? `Företrädare för ${r.org}` : ""),
      },
    ]),
  );
  return (id: string | null) => (id ? (byId.get(id) ?? { name: "Okänd användare", role: "" }) : null);
}

export function answersOf(recommendationIds: number[]) {
  if (recommendationIds.length === 0) return [];
  const rows = db()
    .select({
      answer: recommendationParties,
      common: recommendations.answerDeadline,
      organisation: organisations.name,
      kind: organisations.kind,
      file: { id: files.id, name: files.originalName },
    })
    .from(recommendationParties)
    .innerJoin(recommendations, eq(recommendationParties.recommendationId, recommendations.id))
    .innerJoin(organisations, eq(recommendationParties.organisationId, organisations.id))
    .leftJoin(files, eq(recommendationParties.fileId, files.id))
    .where(inArray(recommendationParties.recommendationId, recommendationIds))
    .all();
  const person = peopleOf(rows.map((r) => r.answer.confirmedBy));
  return rows
    .map((r) => ({
      ...r.answer,
      /** The party's own deadline, else the recommendation's. */
      effectiveDeadline: effectiveDeadline(r.answer.deadline, r.common),
      organisation: r.organisation,
      kind: r.kind,
      file: r.file?.id ? { id: r.file.id, name: r.file.name } : null,
      confirmedByPerson: person(r.answer.confirmedBy),
    }))
    .sort(byPartyOrder);
}

export function historyOf(recommendationPartyId: number) {
  const rows = db()
    .select()
    .from(partyAnswers)
    .where(eq(partyAnswers.recommendationPartyId, recommendationPartyId))
    .orderBy(asc(partyAnswers.id))
    .all();
  const person = peopleOf(rows.map((r) => r.byUser));
  return rows.map((r) => ({ ...r, by: person(r.byUser) }));
}

export function getPartyAnswer(recommendationId: number, organisationId: number) {
  return db()
    .select()
    .from(recommendationParties)
    .where(
      and(
        eq(recommendationParties.recommendationId, recommendationId),
        eq(recommendationParties.organisationId, organisationId),
      ),
    )
    .get();
}

/** Every text the parties received, newest first, with who sent it and why it replaced the last. */
const versionsOfRecommendation = preparedQuery((d) =>
  d
    .select()
    .from(recommendationVersions)
    .where(eq(recommendationVersions.recommendationId, sql.placeholder("recommendationId")))
    .orderBy(desc(recommendationVersions.versionNo))
    .prepare(),
);

export function versionsOf(recommendationId: number) {
  const rows = versionsOfRecommendation().all({ recommendationId });
  const person = peopleOf(rows.map((r) => r.createdBy));
  return rows.map((r) => ({ ...r, by: person(r.createdBy) }));
}

const filesOfRecommendation = preparedQuery((d) =>
  d
    .select({ id: files.id, name: files.originalName, role: recommendationFiles.role })
    .from(recommendationFiles)
    .innerJoin(files, eq(recommendationFiles.fileId, files.id))
    .where(eq(recommendationFiles.recommendationId, sql.placeholder("recommendationId")))
    .orderBy(asc(recommendationFiles.role), asc(files.id))
    .prepare(),
);

export function filesOf(recommendationId: number) {
  return filesOfRecommendation().all({ recommendationId });
}

export function lettersOf(recommendationId: number) {
  return db()
    .select()
    .from(recommendationLetters)
    .where(eq(recommendationLetters.recommendationId, recommendationId))
    .orderBy(asc(recommendationLetters.id))
    .all();
}

/** The audit trail of a recommendation and its answers, oldest first, with names and roles. */
export function trailOf(recommendationId: number) {
  const partyIds = db()
    .select({ id: recommendationParties.id, org: organisations.name })
    .from(recommendationParties)
    .innerJoin(organisations, eq(recommendationParties.organisationId, organisations.id))
    .where(eq(recommendationParties.recommendationId, recommendationId))
    .all();
  const orgOf = new Map(partyIds.map((p) => [String(p.id), p.org]));
  const rows = db()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userId: auditLog.userId,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(
      or(
        and(eq(auditLog.entityType, "recommendation"), eq(auditLog.entityId, String(recommendationId))),
        partyIds.length
          ? and(
              eq(auditLog.entityType, "party_answer"),
              inArray(
                auditLog.entityId,
                partyIds.map((p) => String(p.id)),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(asc(auditLog.id))
    .all();
  const person = peopleOf(rows.map((r) => r.userId));
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    party: r.entityType === "party_answer" ? (orgOf.get(r.entityId ?? "") ?? null) : null,
    /** The reason of a correction or withdrawal, when the step had one. */
    reason: reasonIn(r.after),
    by: person(r.userId),
  }));
}

function reasonIn(after: string | null): string {
  if (!after) return "";
  try {
    const parsed = JSON.parse(after) as { reason?: unknown };
    return typeof parsed.reason === "string" ? parsed.reason : "";
  } catch {
    return "";
  }
}

/**
 * Decisions that may be linked as the one that decided a recommendation: register decisions
 * of the bodies serving the collaboration whose minutes are approved (or that were entered by
 * hand), still in force, newest first.
 */
export function decisionOptions(collaborationId: number, request: Omit<ChoiceRequest, "param">) {
  const served = db()
    .select({ id: bodyCollaborations.bodyId })
    .from(bodyCollaborations)
    .where(eq(bodyCollaborations.collaborationId, collaborationId));
  // linkableDecision (app/domain/recommendations.ts) as SQL: approved and not revoked.
  const linkable = and(
    inArray(decisions.bodyId, served),
    eq(decisions.inRegister, true),
    eq(decisions.approval, "justerat"),
    ne(decisions.status, "upphävt"),
  );
  return choicesOf("decision", linkable, { ...request, param: DECISION_SEARCH });
}

/** The search beside the deciding decision's field (choose by searching). */
export const DECISION_SEARCH = "sok-beslut";

/** Whether a decision is approved and may be linked (checked again inside the write). */
function isLinkable(tx: Db, collaborationId: number, decisionId: number): boolean {
  const d = tx
    .select({ status: decisions.status, approval: decisions.approval, inRegister: decisions.inRegister })
    .from(decisions)
    .innerJoin(bodyCollaborations, eq(bodyCollaborations.bodyId, decisions.bodyId))
    .where(and(eq(decisions.id, decisionId), eq(bodyCollaborations.collaborationId, collaborationId)))
    .get();
  return d !== undefined && d.inRegister && linkableDecision({ approved: d.approval === "justerat", status: d.status });
}

/**
 * Each party's cost for the year the recommendation names, from the agreement's cost split
 * (the agreement version it concerns, else the one in force). Null when it names no year.
 */
export function costsFor(rec: Pick<Recommendation, "collaborationId" | "agreementVersionId" | "costYear">) {
  if (rec.costYear === null) return null;
  const agreement = agreementOf(rec.collaborationId);
  const version = rec.agreementVersionId
    ? getVersion(rec.agreementVersionId)
    : agreement
      ? currentVersion(agreement.id, todayInStockholm())
      : undefined;
  if (!version) return null;
  const table = costTable(rec.collaborationId, version, rec.costYear);
  return { year: table.year, amounts: new Map(table.rows.map((r) => [r.organisationId, r.amount])) };
}

// --- Steps of the lifecycle ------------------------------------------------------------------------

export interface DraftValues extends RecommendationText {
  isPublic: boolean;
  matterId: number | null;
  agreementVersionId: number | null;
  organisationIds: number[];
  /** Party-specific deadlines, when a party's differs from the common one. */
  partyDeadlines: Map<number, string>;
}

function setParties(tx: Db, recommendationId: number, organisationIds: number[], deadlines: Map<number, string>) {
  const existing = tx
    .select()
    .from(recommendationParties)
    .where(eq(recommendationParties.recommendationId, recommendationId))
    .all();
  for (const row of existing)
    if (!organisationIds.includes(row.organisationId))
      tx.delete(recommendationParties).where(eq(recommendationParties.id, row.id)).run();
  for (const organisationId of organisationIds) {
    const deadline = deadlines.get(organisationId) ?? null;
    const row = existing.find((r) => r.organisationId === organisationId);
    if (row) tx.update(recommendationParties).set({ deadline }).where(eq(recommendationParties.id, row.id)).run();
    else tx.insert(recommendationParties).values({ recommendationId, organisationId, deadline }).run();
  }
}

/** A new draft: only the coordinator sees it until it is decided and sent. */
export function createDraft(userId: string, collaborationId: number, value: DraftValues) {
  return write((tx) => {
    const { organisationIds, partyDeadlines, ...fields } = value;
    const rec = tx
      .insert(recommendations)
      .values({ ...fields, collaborationId, status: "utkast", createdBy: userId })
      .returning()
      .get();
    setParties(tx, rec.id, organisationIds, partyDeadlines);
    recordAudit(tx, {
      userId,
      action: "create",
      entityType: "recommendation",
      entityId: rec.id,
      after: { ...rec, organisationIds, partyDeadlines: Object.fromEntries(partyDeadlines) },
    });
    return rec;
  });
}

type RecommendationChange = Partial<typeof recommendations.$inferInsert>;

/**
 * Runs one step of the lifecycle: loads the row, refuses a stale version or a step the
 * lifecycle does not allow, applies `change` (the columns to set, and what else the audit
 * entry should say), bumps the version and records the audit entry.
 */
function step(
  userId: string,
  id: number,
  expectedVersion: number,
  name: RecommendationStep,
  change: (tx: Db, before: Recommendation) => { set: RecommendationChange; audit?: object } | "refused",
): StepResult<Recommendation> {
  return write((tx) => {
    const before = tx.select().from(recommendations).where(eq(recommendations.id, id)).get();
    if (!before) throw new Response("Rekommendationen finns inte.", { status: 404 });
    if (before.version !== expectedVersion) return { ok: false, reason: "conflict", current: before };
    const status = nextStatus(before.status, name);
    if (!status) return { ok: false, reason: "refused", status: before.status };
    const changed = change(tx, before);
    if (changed === "refused") return { ok: false, reason: "refused", status: before.status };
    const after = tx
      .update(recommendations)
      .set({ ...changed.set, status, version: before.version + 1 })
      .where(eq(recommendations.id, id))
      .returning()
      .get();
    recordAudit(tx, {
      userId,
      action: name,
      entityType: "recommendation",
      entityId: id,
      before,
      after: { ...after, ...changed.audit },
    });
    return { ok: true, row: after };
  });
}

/** Edits a draft (or a decided text not yet sent): its text, its parties and their deadlines. */
export function updateDraft(userId: string, id: number, expectedVersion: number, value: DraftValues) {
  return step(userId, id, expectedVersion, "edit", (tx) => {
    const { organisationIds, partyDeadlines, ...fields } = value;
    setParties(tx, id, organisationIds, partyDeadlines);
    return { set: fields, audit: { organisationIds, partyDeadlines: Object.fromEntries(partyDeadlines) } };
  });
}

/**
 * Links the approved § that decided the recommendation, with the extract of the minutes and
 * supporting documents: `staged` files are attached with the role at the same index in `roles`
 * (added to those already attached).
 */
export function decideRecommendation(
  userId: string,
  id: number,
  expectedVersion: number,
  decisionId: number,
  staged: Staged | null,
  roles: ("utdrag" | "underlag")[] = [],
) {
  return step(userId, id, expectedVersion, "decide", (tx, before) => {
    if (!isLinkable(tx, before.collaborationId, decisionId)) return "refused";
    const attached = (staged?.insert(tx, userId) ?? []).map((file, i) => {
      const role = roles[i] ?? "underlag";
      tx.insert(recommendationFiles).values({ recommendationId: id, fileId: file.id, role }).run();
      return { fileId: file.id, role };
    });
    return { set: { decisionId }, audit: { attached } };
  });
}

function addVersion(tx: Db, userId: string, rec: Recommendation, text: RecommendationText, reason: string) {
  const versions = tx
    .select({ versionNo: recommendationVersions.versionNo })
    .from(recommendationVersions)
    .where(eq(recommendationVersions.recommendationId, rec.id))
    .all();
  const versionNo = nextVersionNo(versions);
  tx.insert(recommendationVersions)
    .values({ recommendationId: rec.id, versionNo, ...textOf(text), reason, createdBy: userId })
    .run();
  return versionNo;
}

function partiesAsked(tx: Db, recommendationId: number) {
  return tx
    .select({ organisationId: recommendationParties.organisationId })
    .from(recommendationParties)
    .where(eq(recommendationParties.recommendationId, recommendationId))
    .all()
    .map((p) => p.organisationId);
}

/** Sends the decided text to every party asked: version 1, and a letter to each party's registrar. */
export function sendRecommendation(userId: string, id: number, expectedVersion: number, today: string) {
  return step(userId, id, expectedVersion, "send", (tx, before) => {
    const organisationIds = partiesAsked(tx, id);
    if (organisationIds.length === 0 || before.decisionId === null) return "refused";
    const versionNo = addVersion(tx, userId, before, textOf(before), "");
    recordLetters(tx, userId, { recommendationId: id, organisationIds, kind: "rekommendation", versionNo, today });
    return { set: { sentAt: new Date().toISOString(), sentBy: userId }, audit: { versionNo, organisationIds } };
  });
}

function textOf(r: RecommendationText): RecommendationText {
  return {
    title: r.title,
    ask: r.ask,
    summary: r.summary,
    answerDeadline: r.answerDeadline,
    costYear: r.costYear,
  };
}

/**
 * Corrects a sent recommendation: a new version with its reason, shown to every party (a letter
 * to each); the earlier versions are kept. Answers already given stay as they are.
 */
export function correctRecommendation(
  userId: string,
  id: number,
  expectedVersion: number,
  text: RecommendationText,
  reason: string,
  today: string,
) {
  return step(userId, id, expectedVersion, "correct", (tx, before) => {
    const versionNo = addVersion(tx, userId, before, text, reason);
    const organisationIds = partiesAsked(tx, id);
    recordLetters(tx, userId, { recommendationId: id, organisationIds, kind: "rättelse", versionNo, today });
    return { set: textOf(text), audit: { reason, versionNo } };
  });
}

/** Withdraws a recommendation with a reason. Answers are kept; the parties are told (if it was sent). */
export function withdrawRecommendation(
  userId: string,
  id: number,
  expectedVersion: number,
  reason: string,
  today: string,
) {
  return step(userId, id, expectedVersion, "withdraw", (tx, before) => {
    if (before.sentAt) {
      const versionNo =
        tx
          .select({ versionNo: recommendationVersions.versionNo })
          .from(recommendationVersions)
          .where(eq(recommendationVersions.recommendationId, id))
          .orderBy(desc(recommendationVersions.versionNo))
          .get()?.versionNo ?? 1;
      recordLetters(tx, userId, {
        recommendationId: id,
        organisationIds: partiesAsked(tx, id),
        kind: "återkallelse",
        versionNo,
        today,
        reason,
      });
    }
    return {
      set: { withdrawnAt: new Date().toISOString(), withdrawnBy: userId, withdrawalReason: reason },
      audit: { reason },
    };
  });
}

/** Records a follow-up (e.g. at SVOM's meeting) on a date, with what it concluded. */
export function recordFollowUp(userId: string, id: number, expectedVersion: number, date: string, note: string) {
  return step(userId, id, expectedVersion, "followUp", () => ({ set: { followedUpOn: date, followUpNote: note } }));
}

export function closeRecommendation(userId: string, id: number, expectedVersion: number) {
  return step(userId, id, expectedVersion, "close", () => ({ set: { closedAt: new Date().toISOString() } }));
}

/**
 * Sends the reminders due today (before the deadline to parties not heard from, after it to
 * every party without a decision). Returns the parties reminded. `userId` null: the scheduled job.
 */
export function sendDueReminders(userId: string | null, id: number, today: string) {
  return write((tx) => {
    const rec = tx.select().from(recommendations).where(eq(recommendations.id, id)).get();
    if (!rec) throw new Response("Rekommendationen finns inte.", { status: 404 });
    if (!isAsking(rec.status)) return [];
    const letters = tx.select().from(recommendationLetters).where(eq(recommendationLetters.recommendationId, id)).all();
    const versionNo = Math.max(1, ...letters.map((l) => l.versionNo));
    const parties = tx.select().from(recommendationParties).where(eq(recommendationParties.recommendationId, id)).all();
    const reminded: { organisationId: number; kind: "påminnelse före" | "påminnelse efter" }[] = [];
    for (const p of parties) {
      const kind = reminderDue(
        { status: p.status, deadline: effectiveDeadline(p.deadline, rec.answerDeadline) },
        letters.filter((l) => l.organisationId === p.organisationId),
        today,
      );
      if (kind) reminded.push({ organisationId: p.organisationId, kind });
    }
    for (const kind of ["påminnelse före", "påminnelse efter"] as const) {
      const organisationIds = reminded.filter((r) => r.kind === kind).map((r) => r.organisationId);
      if (organisationIds.length)
        recordLetters(tx, userId, { recommendationId: id, organisationIds, kind, versionNo, today });
    }
    if (reminded.length)
      recordAudit(tx, { userId, action: "remind", entityType: "recommendation", entityId: id, after: { reminded } });
    return reminded;
  });
}

// --- Answers ---------------------------------------------------------------------------------------

/**
 * Records a party's answer. `event` says whether the party reported it, the coordinator
 * confirmed it (which also marks "antagen med ändringar" as reviewed), or the coordinator
 * corrected it. Refused when someone saved in between.
 */
export function recordAnswer(
  userId: string,
  recommendationPartyId: number,
  expectedVersion: number,
  answer: ValidAnswer,
  event: AnswerEvent,
  staged: Staged | null,
) {
  return write((tx) => {
    const before = tx
      .select()
      .from(recommendationParties)
      .where(eq(recommendationParties.id, recommendationPartyId))
      .get();
    if (!before) throw new Response("Svaret finns inte.", { status: 404 });
    // Asked again inside the write: the recommendation may have been withdrawn or closed while
    // the form was checked (reading a large extract takes seconds).
    const { status } = tx
      .select({ status: recommendations.status })
      .from(recommendations)
      .where(eq(recommendations.id, before.recommendationId))
      .get()!;
    if (!acceptsAnswers(status, event !== "rapporterat")) return { ok: false as const, closed: true as const };
    if (before.version !== expectedVersion) return { ok: false as const, current: before };
    const [file] = staged?.insert(tx, userId) ?? [];
    const fileId = carriesExtract(answer.status) ? (file?.id ?? before.fileId) : null;
    const confirmed =
      event === "rapporterat"
        ? { confirmedBy: null, confirmedAt: null }
        : { confirmedBy: userId, confirmedAt: new Date().toISOString() };
    const after = tx
      .update(recommendationParties)
      .set({ ...answer, fileId, ...confirmed, version: before.version + 1 })
      .where(eq(recommendationParties.id, recommendationPartyId))
      .returning()
      .get();
    tx.insert(partyAnswers)
      .values({ recommendationPartyId, event, ...answer, fileId, byUser: userId })
      .run();
    recordAudit(tx, {
      userId,
      action: event === "rapporterat" ? "report" : event === "bekräftat" ? "confirm" : "correct",
      entityType: "party_answer",
      entityId: recommendationPartyId,
      before,
      after,
    });
    return { ok: true as const, row: after };
  });
}

/**
 * What a file is to the recommendations it belongs to, for download checks: the extract of a
 * party's answer as it stands (`answer`), one an earlier step of the answer carried
 * (`earlier-answer`), or one of the recommendation's own files attached with its deciding §
 * (`decision`), with the facts that decide who may read that § (mayOpenRecommendationFile).
 */
export function recommendationsWithFile(fileId: number) {
  const current = db()
    .select({ id: recommendationParties.recommendationId })
    .from(recommendationParties)
    .where(eq(recommendationParties.fileId, fileId))
    .all();
  const history = db()
    .select({ id: recommendationParties.recommendationId, organisationId: recommendationParties.organisationId })
    .from(partyAnswers)
    .innerJoin(recommendationParties, eq(partyAnswers.recommendationPartyId, recommendationParties.id))
    .where(eq(partyAnswers.fileId, fileId))
    .all();
  const own = db()
    .select({ id: recommendationFiles.recommendationId })
    .from(recommendationFiles)
    .where(eq(recommendationFiles.fileId, fileId))
    .all();
  const links: { id: number; link: RecommendationFileLink }[] = [
    ...current.map((r) => ({ id: r.id, link: { kind: "answer" as const } })),
    ...history.map((r) => ({ id: r.id, link: { kind: "earlier-answer" as const, organisationId: r.organisationId } })),
    ...own.map((r) => ({ id: r.id, link: { kind: "decision" as const } })),
  ];
  if (links.length === 0) return [];
  const rows = db()
    .select({
      rec: recommendations,
      decision: { bodyId: decisions.bodyId, isPublic: decisions.isPublic, approval: decisions.approval },
    })
    .from(recommendations)
    .leftJoin(decisions, eq(decisions.id, recommendations.decisionId))
    .where(
      inArray(
        recommendations.id,
        links.map((l) => l.id),
      ),
    )
    .all();
  const byId = new Map(rows.map((r) => [r.rec.id, r]));
  return links.flatMap((l) => {
    const r = byId.get(l.id);
    return r ? [{ rec: r.rec, decision: r.decision?.bodyId != null ? r.decision : null, link: l.link }] : [];
  });
}

/**
 * Where each party stood on `date`: the last report recorded on or before that day
 * ("väntar" if none). Rebuilt from the history (one query), so the matrix and the follow-up
 * report can be shown as of any date.
 */
export function answersAsOf(recommendationIds: number[], date: string) {
  const current = answersOf(recommendationIds);
  if (current.length === 0) return [];
  const lastIds = db()
    .select({ id: max(partyAnswers.id) })
    .from(partyAnswers)
    .where(
      and(
        inArray(
          partyAnswers.recommendationPartyId,
          current.map((a) => a.id),
        ),
        lt(partyAnswers.at, endOfStockholmDay(date)),
      ),
    )
    .groupBy(partyAnswers.recommendationPartyId);
  const last = new Map(
    db()
      .select()
      .from(partyAnswers)
      .where(inArray(partyAnswers.id, lastIds))
      .all()
      .map((h) => [h.recommendationPartyId, h]),
  );
  return current.map((a) => {
    const h = last.get(a.id);
    return {
      ...a,
      status: h?.status ?? ("väntar" as const),
      decisionDate: h?.decisionDate ?? null,
      decidingBody: h?.decidingBody ?? "",
      paragraph: h?.paragraph ?? null,
      registryNumber: h?.registryNumber ?? "",
      changes: h?.changes ?? "",
      fileId: h?.fileId ?? null,
      // Reviewed as of that day: the last word was the coordinator's.
      confirmedAt: h && h.event !== "rapporterat" ? h.at : null,
    };
  });
}

/**
 * Delivery of recommendation letters (app/models/recommendation-letters.server.ts): each letter
 * goes to the party's registrar (parties.registrar_email) with the text, the extract of the
 * deciding minutes when that § is public (decidingParagraphFor) and the answer link; reminders also go to the party's representative
 * (contact person), who can turn them off. Runs in the transaction that records the letter.
 */
import { and, eq } from "drizzle-orm";
import {
  bodies,
  decisions,
  organisations,
  parties,
  type recommendationLetters,
  recommendationParties,
  recommendations,
  recommendationVersions,
} from "../../db/schema";
import { daysBetween } from "~/domain/calendar-dates";
import { recommendationLetterMail, recommendationReminderMail } from "~/domain/mail-templates";
import { can } from "~/domain/policy";
import { effectiveDeadline } from "~/domain/recommendations";
import { decidingParagraphFor } from "~/domain/recommendation-visibility";
import type { Db } from "~/utils/db.server";
import { markdownToPlainParagraphs } from "~/utils/markdown.server";
import { portalOrigin } from "~/utils/origin.server";
import { notifyPeople } from "./notifications.server";
import { enqueueMail } from "./outbox.server";
import { partyRepresentative } from "./organisations.server";

type Letter = typeof recommendationLetters.$inferSelect;

export function queueLetterMail(tx: Db, letter: Letter, reason: string): void {
  const rec = tx.select().from(recommendations).where(eq(recommendations.id, letter.recommendationId)).get();
  if (!rec) return;
  const party = tx
    .select({ registrar: parties.registrarEmail, contact: partyRepresentative, name: organisations.name })
    .from(parties)
    .innerJoin(organisations, eq(organisations.id, parties.organisationId))
    .where(and(eq(parties.collaborationId, rec.collaborationId), eq(parties.organisationId, letter.organisationId)))
    .get();
  if (!party) return;
  const version = tx
    .select()
    .from(recommendationVersions)
    .where(
      and(eq(recommendationVersions.recommendationId, rec.id), eq(recommendationVersions.versionNo, letter.versionNo)),
    )
    .get();
  const text = version ?? rec;
  const asked = tx
    .select({ deadline: recommendationParties.deadline })
    .from(recommendationParties)
    .where(
      and(
        eq(recommendationParties.recommendationId, rec.id),
        eq(recommendationParties.organisationId, letter.organisationId),
      ),
    )
    .get();
  const deadline = effectiveDeadline(asked?.deadline, text.answerDeadline);
  // The registrar reads the letter outside the portal: told of the deciding § what the public is.
  const decision = decidingParagraphFor(
    null,
    rec.decisionId
      ? tx
          .select({
            paragraph: decisions.paragraph,
            decidedOn: decisions.decidedOn,
            text: decisions.text,
            body: bodies.name,
            bodyId: decisions.bodyId,
            isPublic: decisions.isPublic,
            approval: decisions.approval,
          })
          .from(decisions)
          .innerJoin(bodies, eq(bodies.id, decisions.bodyId))
          .where(eq(decisions.id, rec.decisionId))
          .get()
      : undefined,
  );
  const origin = portalOrigin();
  const readUrl = `${origin}/rekommendationer/${rec.id}`;
  const answerUrl = `${readUrl}/svar/${letter.organisationId}`;
  if (party.registrar)
    enqueueMail(tx, {
      eventKey: `recommendation-letter:${letter.id}`,
      kind: letter.kind.startsWith("påminnelse") ? "recommendation-reminder" : "recommendation",
      to: { address: party.registrar, name: `Registrator, ${party.name}`, personId: null },
      content: recommendationLetterMail({
        kind: letter.kind,
        title: text.title,
        partyName: party.name,
        ask: text.ask,
        // Markdown on the reading page; a letter carries its text, never the marks.
        summary: markdownToPlainParagraphs(text.summary),
        deadline,
        extract: decision
          ? {
              heading: `${decision.body} ${decision.decidedOn}${decision.paragraph ? ` § ${decision.paragraph}` : ""}`,
              text: decision.text,
            }
          : null,
        reason: reason || (version?.reason ?? ""),
        readUrl,
        answerUrl,
      }),
    });
  if (letter.kind.startsWith("påminnelse") && party.contact)
    notifyPeople(tx, {
      eventKey: `recommendation-letter:${letter.id}`,
      kind: "recommendation-reminder",
      personIds: [party.contact],
      origin,
      reason: `du företräder ${party.name} i samverkan`,
      // The recommendation's page, as /rekommendationer/:id asks it.
      about: { type: "recommendation", recommendationId: rec.id },
      render: (name, footer, actor) =>
        recommendationReminderMail(
          name,
          {
            title: text.title,
            partyName: party.name,
            deadline,
            daysLeft: daysBetween(letter.sentOn, deadline),
            // The answer page is the party's own (report:party-answer) and the coordinator's.
            answerUrl: can(actor, "report:party-answer", {
              collaborationId: rec.collaborationId,
              organisationId: letter.organisationId,
            })
              ? answerUrl
              : null,
            readUrl,
          },
          footer,
        ),
    });
}

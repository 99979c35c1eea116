/**
 * Letters about a recommendation to the parties: the recommendation itself when sent, a
 * correction, the withdrawal, and reminders before and after the deadline. Each is recorded
 * per party in the same transaction as the step that causes it, so the follow-up knows what
 * every party has received and when (reminders are counted from these rows).
 *
 * Delivery: each recorded row is queued for the party's registrar (registrator) by
 * `queueLetterMail` (app/models/recommendation-mail.server.ts) in the same transaction `tx`,
 * so a letter is queued exactly when its step is saved.
 */
import { recommendationLetters } from "../../db/schema";
import type { RecommendationLetterKind } from "~/domain/recommendations";
import type { Db } from "~/utils/db.server";
import { queueLetterMail } from "./recommendation-mail.server";

export interface LetterToParties {
  recommendationId: number;
  organisationIds: number[];
  kind: RecommendationLetterKind;
  /** The version of the text the letter carries. */
  versionNo: number;
  /** The day it is sent, in Stockholm. */
  today: string;
  /** Why (a correction's or the withdrawal's reason), for the letter's text. */
  reason?: string;
}

export function recordLetters(tx: Db, userId: string | null, letter: LetterToParties) {
  return letter.organisationIds
    .map((organisationId) =>
      tx
        .insert(recommendationLetters)
        .values({
          recommendationId: letter.recommendationId,
          organisationId,
          kind: letter.kind,
          versionNo: letter.versionNo,
          sentOn: letter.today,
          createdBy: userId,
        })
        .returning()
        .get(),
    )
    .map((row) => {
      queueLetterMail(tx, row, letter.reason ?? "");
      return row;
    });
}

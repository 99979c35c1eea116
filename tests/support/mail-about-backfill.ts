/**
 * Migration 0036 derives a message's `about` from its event key for rows queued before 0032
 * kept it. This checks the derivation against what the code writes now: every outbox row to a
 * person gets its `about` forgotten, the migration's statements run again, and each row must
 * have the `about` the code gave it. Returns the kinds checked.
 */
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { Db } from "../../db/connection";

const BACKFILL = fileURLToPath(new URL("../../db/migrations/0036_mail_outbox_about_backfill.sql", import.meta.url));

/** Runs migration 0036's statements (again) on `db`. */
export function runAboutBackfill(db: Db): void {
  for (const statement of fs.readFileSync(BACKFILL, "utf8").split("--> statement-breakpoint"))
    db.$client.exec(statement);
}

export function expectBackfillReproducesAbout(db: Db): string[] {
  const q = db.$client;
  const before = q
    .prepare("SELECT id, kind, event_key AS eventKey, about FROM mail_outbox WHERE person_id IS NOT NULL ORDER BY id")
    .all() as { id: number; kind: string; eventKey: string; about: string | null }[];
  q.exec("UPDATE mail_outbox SET about = NULL WHERE person_id IS NOT NULL");
  runAboutBackfill(db);
  const after = new Map(
    (q.prepare("SELECT id, about FROM mail_outbox").all() as { id: number; about: string | null }[]).map((r) => [
      r.id,
      r.about,
    ]),
  );
  for (const row of before) {
    const derived = after.get(row.id) ?? null;
    expect({ kind: row.kind, eventKey: row.eventKey, about: derived && JSON.parse(derived) }).toEqual({
      kind: row.kind,
      eventKey: row.eventKey,
      about: row.about && JSON.parse(row.about),
    });
  }
  return [...new Set(before.map((r) => r.kind))];
}

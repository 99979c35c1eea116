/**
 * An outbox row keeps what its message is about (`about`), and the sender asks again, on the
 * day it sends, whether the person may still open it (`stillForItsReader`). Rows queued before
 * the column existed (migration 0032) have none: the sender sent them without asking, so a
 * notice held for the digest or a reminder waiting for a retry reached someone whose seat had
 * ended. Migration 0036 derives `about` from the event key where it can; a row of a kind about
 * an object that still says nothing goes to nobody; only the kinds about nothing the policy
 * guards (an invitation, a password reset, the digest) go without it.
 */
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { bodies, bodyCollaborations, mailOutbox, memberships, people, users } from "../../db/schema";
import { addDays } from "~/domain/calendar-dates";
import { todayInStockholm } from "~/domain/format";
import { MAIL_KINDS, goesWithoutAbout, type MailKind } from "~/domain/mail";
import { queueMinutesForSigningMail } from "~/models/meeting-mail.server";
import { publishNotice } from "~/models/meeting-notice.server";
import { NO_LONGER_READER, stillForItsReader } from "~/models/notifications.server";
import { enqueueMail } from "~/models/outbox.server";
import { write } from "~/utils/db.server";
import { expectBackfillReproducesAbout, runAboutBackfill } from "../support/mail-about-backfill";
import { secretaryMeeting } from "../support/meetings";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
let bodyId: number;
let meetingId: number;
const today = todayInStockholm();
const person: Record<string, number> = {};
const OWNER = "sender-test";

function account(name: string) {
  const p = db
    .insert(people)
    .values({ name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@null.example` })
    .returning()
    .get();
  person[name] = p.id;
  db.insert(users)
    .values({
      id: `null-${p.id}`,
      email: `konto.${p.id}@null.example`,
      passwordHash: "x",
      role: "member",
      personId: p.id,
    })
    .run();
}

/** A row as an older portal queued it: no `about`, claimed by the sender now. */
function legacyRow(name: string, kind: MailKind, eventKey: string) {
  return db
    .insert(mailOutbox)
    .values({
      eventKey,
      kind,
      toAddress: `${name.toLowerCase().replace(/\W+/g, ".")}@null.example`,
      toName: name,
      personId: person[name],
      subject: "Ett äldre meddelande",
      textBody: "Hej!",
      htmlBody: "<p>Hej!</p>",
      messageId: `<${eventKey}-${name.length}@null.example>`,
      nextAttemptAt: new Date().toISOString(),
      status: "skickas",
      claimedBy: OWNER,
      claimedUntil: new Date(Date.now() + 60_000).toISOString(),
      about: null,
    })
    .returning()
    .get();
}

const statusOf = (id: number) => db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).get()!;

beforeAll(async () => {
  ({ db, world } = await demoDatabase());
  bodyId = db
    .insert(bodies)
    .values({ slug: "noll", name: "Nollgruppen", shortName: "Noll", kind: "Styrgrupp", proposalDeadlineDays: 10 })
    .returning()
    .get().id;
  db.insert(bodyCollaborations).values({ bodyId, collaborationId: world.collaborationId }).run();
  for (const name of ["Vera Kvar", "Nils Slutat"]) account(name);
  db.insert(memberships)
    .values({ bodyId, personId: person["Vera Kvar"], role: "ledamot", startDate: "2023-01-01" })
    .run();
  db.insert(memberships)
    .values({
      bodyId,
      personId: person["Nils Slutat"],
      role: "ledamot",
      startDate: "2023-01-01",
      endDate: addDays(today, -1),
    })
    .run();
  meetingId = secretaryMeeting(bodyId, addDays(today, 20)).id;
  publishNotice("demo-samordnare", meetingId);
});
beforeEach(() => {
  db.delete(mailOutbox).run();
});

describe("an outbox row without `about`", () => {
  it("of a kind about an object, whose key says nothing: sent to nobody, even one who may open the meeting", () => {
    const row = legacyRow("Vera Kvar", "absence", `legacy-absence-${meetingId}`);
    expect(stillForItsReader(row, OWNER, today)).toBeUndefined();
    expect(statusOf(row.id)).toMatchObject({ status: "misslyckat", lastError: NO_LONGER_READER, claimedBy: null });
  });

  it("a notice queued before 0032 to one whose seat has since ended: migration 0036 names the meeting, and it is withheld", () => {
    const kept = legacyRow("Vera Kvar", "notice", `notice:${meetingId}:v1`);
    const lost = legacyRow("Nils Slutat", "notice", `notice:${meetingId}:v1`);
    runAboutBackfill(db);
    expect(JSON.parse(statusOf(lost.id).about!)).toEqual({ type: "notice", meetingId });
    expect(stillForItsReader(statusOf(kept.id), OWNER, today)?.id).toBe(kept.id);
    expect(stillForItsReader(statusOf(lost.id), OWNER, today)).toBeUndefined();
    expect(statusOf(lost.id).status).toBe("misslyckat");
  });

  it("of a kind about nothing guarded (an invitation, a reset, the digest): still sent", () => {
    const kinds = MAIL_KINDS.filter(goesWithoutAbout);
    expect(kinds.sort()).toEqual(["account-invitation", "digest", "password-reset"]);
    // (A digest is asked entry by entry: one with no entries left is not sent.)
    for (const kind of kinds.filter((k) => k !== "digest")) {
      const row = legacyRow("Nils Slutat", kind, `${kind}:1`);
      expect(stillForItsReader(row, OWNER, today)?.id).toBe(row.id);
    }
  });

  it("cannot be queued to a person for a kind about an object", () => {
    expect(() =>
      write((tx) =>
        enqueueMail(tx, {
          eventKey: "test:no-about",
          kind: "notice",
          to: { address: "vera.kvar@null.example", name: "Vera Kvar", personId: person["Vera Kvar"] },
          content: { subject: "Kallelse", text: "Hej!", html: "<p>Hej!</p>" },
        }),
      ),
    ).toThrow(/must say what it is about/);
    expect(db.select().from(mailOutbox).all()).toEqual([]);
  });

  it("the request to sign the minutes: 0036 derives the about the code writes", () => {
    write((tx) =>
      queueMinutesForSigningMail(tx, meetingId, { version: 2, adjustmentDate: null, adjustmentPlace: "" }, [
        { personId: person["Vera Kvar"], role: "justerare" },
      ]),
    );
    expect(expectBackfillReproducesAbout(db)).toEqual(["minutes-for-signing"]);
  });
});

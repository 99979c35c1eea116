/**
 * The mail path against a real SMTP conversation (smtp-server in this process): the outbox row
 * is written with the event or not at all, at most once per recipient and event, with a stable
 * Message-ID; retries back off; refusals end the message; a connection lost mid-message makes
 * it "osäkert" and never sends it twice; the .eml folder replaces SMTP in the demo; job leases
 * keep a job to one process.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mailOutbox, people } from "../../db/schema";
import { deliverDueMail } from "~/jobs/mail-sender.server";
import { runJob } from "~/jobs/runner.server";
import { acquireJobLease } from "~/models/job-leases.server";
import { claimNextDue, emlFileName, enqueueMail, recipientsOf, type MailToQueue } from "~/models/outbox.server";
import { write } from "~/utils/db.server";
import { demoDatabase } from "../support/test-db";
import { header, startSmtp, type TestSmtp } from "../support/smtp";

let smtp: TestSmtp;
let mailDir: string;
let db: Awaited<ReturnType<typeof demoDatabase>>["db"];
let world: Awaited<ReturnType<typeof demoDatabase>>["world"];

beforeAll(async () => {
  ({ db, world } = await demoDatabase());
  smtp = await startSmtp();
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-mail-"));
});
afterAll(async () => {
  await smtp.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
});
beforeEach(() => {
  db.delete(mailOutbox).run();
  smtp.received.length = 0;
  smtp.mode = "accept";
  smtp.refuse.clear();
});

const viaSmtp = () => ({ config: { smtpUrl: smtp.url, mailDir } });

function mail(eventKey: string, address: string, extra: Partial<MailToQueue> = {}): MailToQueue {
  return {
    eventKey,
    kind: "notice",
    to: { address, name: "Ingrid Testsson", personId: null },
    content: { subject: "Kallelse: Styrgruppen 2027-01-14", text: "Hej!\n\nVälkommen.", html: "<p>Hej!</p>" },
    ...extra,
  };
}

const rows = () => db.select().from(mailOutbox).all();

describe("the outbox", () => {
  it("is written in the event's transaction: a rolled-back event queues nothing", () => {
    expect(() =>
      write((tx) => {
        enqueueMail(tx, mail("test:rollback", "a@kommun.example"));
        throw new Error("the event failed");
      }),
    ).toThrow("the event failed");
    expect(rows()).toEqual([]);
  });

  it("keeps one message per recipient and event, however often the event's code runs", () => {
    write((tx) => {
      expect(enqueueMail(tx, mail("test:once", "A@Kommun.example"))).toBe(true);
      expect(enqueueMail(tx, mail("test:once", "a@kommun.example "))).toBe(false);
      expect(enqueueMail(tx, mail("test:once", "b@kommun.example"))).toBe(true);
    });
    write((tx) => enqueueMail(tx, mail("test:once", "a@kommun.example")));
    expect(rows().map((r) => r.toAddress)).toEqual(["a@kommun.example", "b@kommun.example"]);
  });

  it("skips addresses that are not e-mail addresses", () => {
    write((tx) => expect(enqueueMail(tx, mail("test:bad", "inte en adress"))).toBe(false));
    expect(rows()).toEqual([]);
  });

  it("finds each person's address: their own, else their account's; people without one are left out", () => {
    const ingrid = world.personIds["Ingrid IFO-chef Östersund"];
    const berg = world.personIds["IFO-chef Berg"];
    const found = write((tx) => {
      tx.update(people).set({ email: null }).where(eq(people.id, berg)).run();
      return recipientsOf(tx, [ingrid, berg, ingrid]);
    });
    expect(found).toEqual([
      { address: "ifochef.ostersund@demo.example", name: "Ingrid IFO-chef Östersund", personId: ingrid },
    ]);
  });
});

describe("the sender over SMTP", () => {
  it("delivers each message once, with its Message-ID, sender, subject and attachment", async () => {
    write((tx) => {
      enqueueMail(
        tx,
        mail("test:deliver", "ingrid@kommun.example", {
          attachments: [
            {
              filename: "mote.ics",
              contentType: "text/calendar; charset=utf-8",
              content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
            },
          ],
          headers: { "List-Unsubscribe": "<https://portal.example/e-post/avregistrera/x>" },
        }),
      );
      enqueueMail(tx, mail("test:deliver", "per@kommun.example"));
    });
    const report = await deliverDueMail(viaSmtp());
    expect(report).toMatchObject({ sent: 2, retry: 0, failed: 0, uncertain: 0 });
    const stored = rows();
    expect(stored.every((r) => r.status === "skickat" && r.sentAt)).toBe(true);
    expect(smtp.received.map((m) => m.to)).toEqual([["ingrid@kommun.example"], ["per@kommun.example"]]);
    const first = smtp.received[0];
    expect(first.messageId).toBe(stored[0].messageId);
    expect(first.subject).toBe("Kallelse: Styrgruppen 2027-01-14");
    expect(first.from).toBe("noreply@samverkansportalen.invalid");
    expect(header(first.raw, "List-Unsubscribe")).toBe("<https://portal.example/e-post/avregistrera/x>");
    expect(first.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8/);
    expect(first.raw).toMatch(/filename=mote\.ics/);
    expect(first.raw).toMatch(/Content-Type: text\/html/);
    // Running again sends nothing more.
    expect(await deliverDueMail(viaSmtp())).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  it("tries again with back-off when the server says 'later', with the same Message-ID", async () => {
    write((tx) => enqueueMail(tx, mail("test:later", "a@kommun.example")));
    smtp.mode = "tempfail";
    const t0 = new Date();
    expect(await deliverDueMail({ ...viaSmtp(), now: () => t0 })).toMatchObject({ retry: 1, sent: 0 });
    const waiting = rows()[0];
    expect(waiting.status).toBe("väntar");
    expect(waiting.attempts).toBe(1);
    expect(waiting.lastError).toMatch(/Försök senare/);
    expect(new Date(waiting.nextAttemptAt).getTime() - t0.getTime()).toBeGreaterThanOrEqual(60_000);
    // Not due yet: nothing happens.
    smtp.mode = "accept";
    expect(await deliverDueMail({ ...viaSmtp(), now: () => t0 })).toMatchObject({ sent: 0 });
    // Two minutes later it goes.
    const later = new Date(t0.getTime() + 2 * 60_000);
    expect(await deliverDueMail({ ...viaSmtp(), now: () => later })).toMatchObject({ sent: 1 });
    expect(smtp.received.map((m) => m.messageId)).toEqual([waiting.messageId]);
    expect(rows()[0]).toMatchObject({ status: "skickat", attempts: 2 });
  });

  it("gives up at once on a refused recipient (5xx) and goes on with the others", async () => {
    smtp.refuse.add("finns-inte@kommun.example");
    write((tx) => {
      enqueueMail(tx, mail("test:refuse", "finns-inte@kommun.example"));
      enqueueMail(tx, mail("test:refuse", "finns@kommun.example"));
    });
    expect(await deliverDueMail(viaSmtp())).toMatchObject({ failed: 1, sent: 1 });
    const byAddress = Object.fromEntries(rows().map((r) => [r.toAddress, r]));
    expect(byAddress["finns-inte@kommun.example"].status).toBe("misslyckat");
    expect(byAddress["finns-inte@kommun.example"].lastError).toMatch(/Okänd mottagare/);
    expect(byAddress["finns@kommun.example"].status).toBe("skickat");
  });

  it("defers everything due when the relay cannot be reached", async () => {
    write((tx) => enqueueMail(tx, mail("test:down", "a@kommun.example")));
    const report = await deliverDueMail({ config: { smtpUrl: "smtp://127.0.0.1:1", mailDir } });
    expect(report.retry).toBe(1);
    expect(rows()[0]).toMatchObject({ status: "väntar", attempts: 1 });
    expect(rows()[0].lastError).toMatch(/Kunde inte ansluta/);
  });

  it("marks a message 'osäkert' when the connection dies after the server took it, and never resends it", async () => {
    write((tx) => {
      enqueueMail(tx, mail("test:drop", "a@kommun.example"));
      enqueueMail(tx, mail("test:drop", "b@kommun.example"));
    });
    smtp.mode = "drop-after-data";
    const report = await deliverDueMail(viaSmtp());
    expect(report.uncertain).toBeGreaterThanOrEqual(1);
    smtp.mode = "accept";
    await deliverDueMail({ ...viaSmtp(), now: () => new Date(Date.now() + 24 * 3600_000) });
    const counts = new Map<string, number>();
    for (const m of smtp.received) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(rows().find((r) => r.toAddress === "a@kommun.example")?.status).toBe("osäkert");
  });

  it("turns a row left 'skickas' by a dead process into 'osäkert' instead of sending it again", async () => {
    write((tx) => enqueueMail(tx, mail("test:dead", "a@kommun.example")));
    const deadOwner = `${os.hostname()}:999999999:abc`;
    expect(claimNextDue(deadOwner, "smtp", new Date(), 300_000)?.status).toBe("skickas");
    const report = await deliverDueMail(viaSmtp());
    expect(report.recovered).toBe(1);
    expect(rows()[0].status).toBe("osäkert");
    expect(smtp.received).toEqual([]);
  });

  it("lets two processes claim different messages", () => {
    write((tx) => {
      enqueueMail(tx, mail("test:two", "a@kommun.example"));
      enqueueMail(tx, mail("test:two", "b@kommun.example"));
    });
    const a = claimNextDue("host:1:a", "smtp", new Date(), 60_000);
    const b = claimNextDue("host:2:b", "smtp", new Date(), 60_000);
    const c = claimNextDue("host:3:c", "smtp", new Date(), 60_000);
    expect(a && b && a.id !== b.id).toBe(true);
    expect(c).toBeUndefined();
  });
});

describe("without a relay: .eml files", () => {
  it("writes each message as an .eml file, and rewrites the same file after a crash", async () => {
    write((tx) => enqueueMail(tx, mail("test:file", "a@kommun.example")));
    expect(await deliverDueMail({ config: { smtpUrl: undefined, mailDir } })).toMatchObject({ sent: 1 });
    const row = rows()[0];
    const file = path.join(mailDir, emlFileName(row));
    const raw = fs.readFileSync(file, "utf8");
    expect(header(raw, "Message-ID")).toBe(row.messageId);
    expect(header(raw, "To")).toContain("a@kommun.example");
    expect(row.via).toBe("fil");

    // A process died while writing the next one: it is written again, under the same name.
    write((tx) => enqueueMail(tx, mail("test:file2", "b@kommun.example")));
    const claimed = claimNextDue(`${os.hostname()}:999999999:abc`, "fil", new Date(), 300_000)!;
    expect(await deliverDueMail({ config: { smtpUrl: undefined, mailDir } })).toMatchObject({ recovered: 1, sent: 1 });
    expect(db.select().from(mailOutbox).where(eq(mailOutbox.id, claimed.id)).get()?.status).toBe("skickat");
    expect(fs.readdirSync(mailDir).filter((f) => f.endsWith(".eml"))).toHaveLength(2);
    expect(fs.readdirSync(mailDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("job leases", () => {
  it("let one process run a job at a time, and take over from a dead one", async () => {
    const alive = () => false;
    const now = new Date();
    expect(acquireJobLease("test-job", "host:1:a", now, 60_000, alive)).toBe(true);
    expect(acquireJobLease("test-job", "host:2:b", now, 60_000, alive)).toBe(false);
    // The holder's process is gone: taken over at once.
    expect(acquireJobLease("test-job", "host:2:b", now, 60_000, (o) => o === "host:1:a")).toBe(true);
    // A run out lease is free.
    expect(acquireJobLease("test-job", "host:3:c", new Date(now.getTime() + 61_000), 60_000, alive)).toBe(true);
  });

  it("runs a job and records it; a second runner while it runs does nothing", async () => {
    let runs = 0;
    let inner: boolean | undefined;
    const ran = await runJob(
      "test-runner",
      async () => {
        runs++;
        inner = await runJob("test-runner", () => void runs++, "host:other:x");
      },
      "host:me:y",
    );
    expect(ran).toBe(true);
    expect(inner).toBe(false);
    expect(runs).toBe(1);
  });
});

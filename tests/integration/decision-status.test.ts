/**
 * A decision's status (gäller, verkställt, upphävt) on its page. The save wrote whatever the
 * form said: a status someone else had set in between was silently overwritten, and a draft
 * (minutes not yet approved) could be marked carried out or revoked. Now the form names the
 * status it showed and a changed one is a conflict; a draft's status cannot be set.
 */
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { auditLog, decisions } from "../../db/schema";
import { createDecision } from "~/models/decisions.server";
import * as decisionPage from "~/routes/beslut.$decisionId";
import { sessionCookie } from "../support/browser";
import { formData } from "../support/forms";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;

beforeEach(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
});

function decision() {
  return createDecision("demo-samordnare", {
    bodyId: world.bodyIds.styrgrupp,
    meetingId: null,
    paragraph: 40,
    decidedOn: "2026-10-01",
    matterId: null,
    title: "Ny rutin för inskrivning",
    text: "Styrgruppen beslutar att anta rutinen.",
    kind: "beslut",
    isPublic: true,
  });
}

async function setStatus(id: number, fields: Record<string, string>) {
  const request = new Request(`http://localhost/beslut/${id}`, {
    method: "POST",
    body: formData(fields),
    headers: { Cookie: sessionCookie(db, "demo-samordnare") },
  });
  const result = await decisionPage.action({ request, params: { decisionId: String(id) }, context: {} } as never);
  if (result instanceof Response) return { status: result.status };
  const { data, init } = result as unknown as { data: Record<string, unknown>; init: ResponseInit | null };
  return { status: init?.status ?? 200, reply: data };
}

const statusOf = (id: number) => db.select().from(decisions).where(eq(decisions.id, id)).get()!.status;
const auditsOf = (id: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "decision"), eq(auditLog.entityId, String(id)), eq(auditLog.action, "update")))
    .all().length;

describe("a decision's status", () => {
  it("is set from the status the page showed, audited", async () => {
    const d = decision();
    expect(await setStatus(d.id, { was: "gäller", status: "verkställt" })).toEqual({ status: 302 });
    expect(statusOf(d.id)).toBe("verkställt");
    expect(auditsOf(d.id)).toBe(1);
  });

  it("is a conflict when someone else changed it since the page was read, and nothing is written", async () => {
    const d = decision();
    // Someone else revokes it first.
    await setStatus(d.id, { was: "gäller", status: "upphävt" });
    const answer = await setStatus(d.id, { was: "gäller", status: "verkställt" });
    expect(answer.status).toBe(409);
    expect(answer.reply?.conflict).toEqual({ theirs: { status: "upphävt" }, version: "upphävt" });
    expect(statusOf(d.id)).toBe("upphävt");
    expect(auditsOf(d.id)).toBe(1);
    // Saved again from what is there now, it stands.
    expect((await setStatus(d.id, { was: "upphävt", status: "verkställt" })).status).toBe(302);
    expect(statusOf(d.id)).toBe("verkställt");
  });

  it("cannot be set on a draft (the minutes are not approved)", async () => {
    const d = decision();
    db.update(decisions).set({ approval: "utkast", approvedAt: null }).where(eq(decisions.id, d.id)).run();
    const answer = await setStatus(d.id, { was: "gäller", status: "verkställt" });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.reply)).toContain("utkast tills protokollet är justerat");
    expect(statusOf(d.id)).toBe("gäller");
    expect(auditsOf(d.id)).toBe(0);
  });

  it("answers a procedural § (not in the register, which its page answers 404) as a missing decision", async () => {
    const d = decision();
    db.update(decisions).set({ inRegister: false }).where(eq(decisions.id, d.id)).run();
    await expect(setStatus(d.id, { was: "gäller", status: "upphävt" })).rejects.toMatchObject({ status: 404 });
    expect(statusOf(d.id)).toBe("gäller");
    expect(auditsOf(d.id)).toBe(0);
  });

  it("refuses a form that does not say which status it showed", async () => {
    const d = decision();
    const answer = await setStatus(d.id, { status: "verkställt" });
    expect(answer.status).toBe(400);
    expect(statusOf(d.id)).toBe("gäller");
  });
});

/**
 * The IFO chief's journey: she reports what her council decided on a recommendation
 * (rekommendationer/:id/svar/:organisationId), through the route's action as the browser posts
 * it. Every refusal answers 400 with a Swedish message at the field and the typed values, and
 * writes nothing; every accepted report is in the history and the audit log.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { auditLog, parties } from "../../db/schema";
import type { DemoWorld } from "../../db/demo-world";
import { createDecision } from "~/models/decisions.server";
import {
  createDraft,
  decideRecommendation,
  getPartyAnswer,
  sendRecommendation,
  withdrawRecommendation,
} from "~/models/recommendations.server";
import { makePdf } from "../fixtures/pdf";
import { sessionCookie } from "../support/browser";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;

beforeEach(async () => {
  process.env.UPLOAD_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "uploads-"));
  ({ db, world } = await demoDatabase("2026-11-23"));
});

const cookieOf = (userId: string) => sessionCookie(db, userId);

/** A recommendation SVOM decided on `decidedOn` and sent to every municipality on `sentOn`. */
function sentRecommendation(decidedOn = "2026-11-20", sentOn = "2026-11-23", paragraph = 12) {
  const decision = createDecision("demo-samordnare", {
    bodyId: world.bodyIds.svom,
    meetingId: null,
    paragraph,
    decidedOn,
    matterId: null,
    title: "Rekommendation om verksamhetsplan 2027",
    text: "SVOM rekommenderar parterna att godkänna verksamhetsplanen.",
    kind: "rekommendation",
    isPublic: true,
  });
  const draft = createDraft("demo-samordnare", world.collaborationId, {
    title: "Verksamhetsplan 2027",
    ask: "Godkänna verksamhetsplanen 2027.",
    summary: "",
    answerDeadline: "2027-03-31",
    costYear: null,
    isPublic: true,
    matterId: null,
    agreementVersionId: null,
    organisationIds: Object.entries(world.organisationIds)
      .filter(([k]) => k !== "Region Jämtland Härjedalen")
      .map(([, id]) => id),
    partyDeadlines: new Map(),
  });
  const decided = decideRecommendation("demo-samordnare", draft.id, 1, decision.id, null);
  if (!decided.ok) throw new Error("not decided");
  const sent = sendRecommendation("demo-samordnare", draft.id, decided.row.version, sentOn);
  if (!sent.ok) throw new Error("not sent");
  return sent.row;
}

type Reply = {
  data: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
  init: ResponseInit | null;
};

async function report(userId: string, recId: number, organisationId: number, fields: Record<string, string | File>) {
  const { action } = await import("~/routes/rekommendationer.$recommendationId.svar.$organisationId");
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  const request = new Request(`http://localhost/rekommendationer/${recId}/svar/${organisationId}`, {
    method: "POST",
    body,
    headers: { Cookie: cookieOf(userId) },
  });
  try {
    return (await action({
      request,
      params: { recommendationId: String(recId), organisationId: String(organisationId) },
      context: {},
    })) as Reply | Response;
  } catch (e) {
    return e as Response;
  }
}

const count = (table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const written = () => ({ answers: count("party_answers"), audit: count("audit_log"), files: count("files") });

const adopted = {
  intent: "report",
  status: "antagen",
  decisionDate: "2026-11-23",
  decidingBody: "Kommunfullmäktige",
  paragraph: "48",
  registryNumber: "KS 2026/112",
  version: "1",
};

function refusedAt(reply: Reply | Response, field: string) {
  expect(reply instanceof Response).toBe(false);
  const r = reply as Reply;
  expect(r.init?.status).toBe(400);
  expect(r.data.error?.[field]?.[0]).toMatch(/[a-zåäö]/);
  return r.data.error![field]![0];
}

describe("reporting the own council's decision", () => {
  it("accepts adopted with council, date, § and registry number, with the extract", async () => {
    const rec = sentRecommendation();
    const östersund = world.organisationIds.Östersund;
    const pdf = new File([new Uint8Array(makePdf(["Protokollsutdrag KF 2026-11-23 § 48"]))], "utdrag.pdf", {
      type: "application/pdf",
    });
    // Between SVOM's decision (2026-11-20) and the sending (2026-11-23): a council may decide then.
    const reply = await report("demo-ifochef", rec.id, östersund, {
      ...adopted,
      decisionDate: "2026-11-21",
      extract: pdf,
    });
    expect((reply as Response).status).toBe(302);
    const row = getPartyAnswer(rec.id, östersund)!;
    expect(row).toMatchObject({ status: "antagen", paragraph: 48, registryNumber: "KS 2026/112", version: 2 });
    expect(row.fileId).not.toBeNull();
  });

  it("refuses a decision date before SVOM decided the recommendation, and writes nothing", async () => {
    const rec = sentRecommendation("2026-11-20", "2026-11-23");
    const before = written();
    const reply = await report("demo-ifochef", rec.id, world.organisationIds.Östersund, {
      ...adopted,
      decisionDate: "2026-11-10",
    });
    expect(refusedAt(reply, "decisionDate")).toContain("2026-11-20");
    expect((reply as Reply).data.initialValue).toMatchObject({
      decisionDate: "2026-11-10",
      registryNumber: "KS 2026/112",
    });
    expect(written()).toEqual(before);
  });

  it("refuses a date in the future for a decision", async () => {
    const rec = sentRecommendation();
    const before = written();
    const reply = await report("demo-ifochef", rec.id, world.organisationIds.Östersund, {
      ...adopted,
      decisionDate: "2099-01-01",
    });
    refusedAt(reply, "decisionDate");
    expect(written()).toEqual(before);
  });

  it("refuses a personal number in a free-text field at the field", async () => {
    const rec = sentRecommendation();
    const before = written();
    const reply = await report("demo-ifochef", rec.id, world.organisationIds.Östersund, {
      ...adopted,
      note: "Gäller 19121212-1212",
    });
    refusedAt(reply, "note");
    expect(written()).toEqual(before);
  });

  it("refuses a personal number in the extract's text at the file field", async () => {
    const rec = sentRecommendation();
    const before = written();
    const pdf = new File([new Uint8Array(makePdf(["Utdrag", "19121212-1212"]))], "utdrag.pdf", {
      type: "application/pdf",
    });
    const reply = await report("demo-ifochef", rec.id, world.organisationIds.Östersund, { ...adopted, extract: pdf });
    refusedAt(reply, "extract");
    expect(written()).toEqual(before);
  });

  it("refuses a disguised file", async () => {
    const rec = sentRecommendation();
    const before = written();
    const exe = new File([new Uint8Array(Buffer.from("MZ\x90\x00 not a pdf at all"))], "utdrag.pdf", {
      type: "application/pdf",
    });
    const reply = await report("demo-ifochef", rec.id, world.organisationIds.Östersund, { ...adopted, extract: exe });
    refusedAt(reply, "extract");
    expect(written()).toEqual(before);
  });

  it("refuses another municipality's answer", async () => {
    const rec = sentRecommendation();
    const before = written();
    const reply = await report("demo-ifochef", rec.id, world.organisationIds.Krokom, adopted);
    expect((reply as Response).status).toBe(403);
    expect(written()).toEqual(before);
  });

  it("refuses an answer after the recommendation was withdrawn, keeping the form", async () => {
    const rec = sentRecommendation();
    withdrawRecommendation("demo-samordnare", rec.id, rec.version, "Fel underlag", "2026-11-24");
    const before = written();
    const reply = (await report("demo-ifochef", rec.id, world.organisationIds.Östersund, adopted)) as Reply;
    expect(reply.init?.status).toBe(400);
    expect(reply.data.initialValue).toMatchObject({ registryNumber: "KS 2026/112" });
    expect(written()).toEqual(before);
  });
});

describe("after the report", () => {
  async function load(route: string, userId: string, url: string, params: Record<string, string>) {
    const mod = (await import(`../../app/routes/${route}.tsx`)) as {
      loader: (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
    };
    const request = new Request(`http://localhost${url}`, { headers: { Cookie: cookieOf(userId) } });
    const result = await mod.loader({ request, params, context: {} });
    return JSON.parse(JSON.stringify(result instanceof Response ? await result.json() : result)) as Record<
      string,
      unknown
    >;
  }

  it("is in the audit log with before and after, and shows on the recommendation page, the matrix and to a politician", async () => {
    const rec = sentRecommendation();
    const östersund = world.organisationIds.Östersund;
    const asked = async (user: string) => {
      const start = await load("_index", user, "/", {});
      const collabs = start.collaborations as { followUp: { pendingAnswers: { recommendationId: number }[] } }[];
      return collabs.some((c) => c.followUp.pendingAnswers.some((p) => p.recommendationId === rec.id));
    };
    expect(await asked("demo-ifochef")).toBe(true);
    const reply = await report("demo-ifochef", rec.id, östersund, adopted);
    expect((reply as Response).status).toBe(302);
    // Östersund has answered; Krokom (the politician's) still has to.
    expect(await asked("demo-ifochef")).toBe(false);
    expect(await asked("demo-politiker")).toBe(true);
    const audit = db.$client
      .prepare("SELECT * FROM audit_log WHERE entity_type = 'party_answer' ORDER BY id DESC LIMIT 1")
      .get() as Record<string, string>;
    expect(audit).toMatchObject({ user_id: "demo-ifochef", action: "report" });
    expect(JSON.stringify(audit)).toContain("väntar");
    expect(JSON.stringify(audit)).toContain("KS 2026/112");
    const cite = "Kommunfullmäktige 2026-11-23 § 48, dnr KS 2026/112";
    for (const user of ["demo-ifochef", "demo-politiker", "demo-samordnare"]) {
      const page = await load("rekommendationer.$recommendationId._index", user, `/rekommendationer/${rec.id}`, {
        recommendationId: String(rec.id),
      });
      const answers = page.answers as { organisationId: number; status: string; cite: string }[];
      expect(answers.find((a) => a.organisationId === östersund)).toMatchObject({ status: "antagen", cite });
      const matrix = await load("rekommendationer._index", user, "/rekommendationer", {});
      const row = (matrix.rows as { id: number; cells: Record<string, { status: string; date: string }> }[]).find(
        (r) => r.id === rec.id,
      );
      expect(row?.cells[östersund]).toMatchObject({ status: "antagen", date: "2026-11-23" });
    }
    const own = await load("rekommendationer.$recommendationId._index", "demo-ifochef", `/rekommendationer/${rec.id}`, {
      recommendationId: String(rec.id),
    });
    expect(own.ownAsk).toMatchObject({ status: "antagen", cite });
  });
});

describe("the write itself", () => {
  it("refuses an answer when the recommendation was withdrawn or closed after the form was checked", async () => {
    const { recordAnswer, closeRecommendation } = await import("~/models/recommendations.server");
    const answer = {
      status: "antagen" as const,
      decisionDate: "2026-11-23",
      decidingBody: "Kommunfullmäktige",
      paragraph: 48,
      registryNumber: "KS 2026/112",
      changes: "",
      note: "",
    };
    const withdrawn = sentRecommendation();
    const row = getPartyAnswer(withdrawn.id, world.organisationIds.Östersund)!;
    withdrawRecommendation("demo-samordnare", withdrawn.id, withdrawn.version, "Fel underlag", "2026-11-24");
    const before = written();
    expect(recordAnswer("demo-ifochef", row.id, row.version, answer, "rapporterat", null)).toEqual({
      ok: false,
      closed: true,
    });
    expect(recordAnswer("demo-samordnare", row.id, row.version, answer, "rättat", null).ok).toBe(false);
    expect(written()).toEqual(before);

    const closed = sentRecommendation("2026-11-20", "2026-11-23", 13);
    const closedRow = getPartyAnswer(closed.id, world.organisationIds.Östersund)!;
    expect(closeRecommendation("demo-samordnare", closed.id, closed.version).ok).toBe(true);
    expect(recordAnswer("demo-ifochef", closedRow.id, closedRow.version, answer, "rapporterat", null).ok).toBe(false);
    // The coordinator may still correct a closed recommendation's answers from the minutes.
    expect(recordAnswer("demo-samordnare", closedRow.id, closedRow.version, answer, "rättat", null).ok).toBe(true);
  });
});

describe("undoing a report", () => {
  it("takes the extract away with the decision when she sets the answer back to 'väntar'", async () => {
    const rec = sentRecommendation();
    const östersund = world.organisationIds.Östersund;
    const pdf = () =>
      new File([new Uint8Array(makePdf(["Protokollsutdrag KF § 48"]))], "utdrag.pdf", { type: "application/pdf" });
    expect(((await report("demo-ifochef", rec.id, östersund, { ...adopted, extract: pdf() })) as Response).status).toBe(
      302,
    );
    // "Väntar" with a file: refused at the file field, nothing written.
    const before = written();
    const waitingWithFile = await report("demo-ifochef", rec.id, östersund, {
      intent: "report",
      status: "väntar",
      version: "2",
      extract: pdf(),
    });
    refusedAt(waitingWithFile, "extract");
    expect(written()).toEqual(before);
    // "Väntar" alone: the wrong decision's extract goes with it (it is public on the recommendation page).
    const undone = await report("demo-ifochef", rec.id, östersund, {
      intent: "report",
      status: "väntar",
      version: "2",
    });
    expect((undone as Response).status).toBe(302);
    expect(getPartyAnswer(rec.id, östersund)).toMatchObject({ status: "väntar", fileId: null });
  });
});

describe("an oversized extract", () => {
  it("is refused at the file field with the form kept, and nothing is written", async () => {
    const { env } = await import("~/utils/env.server");
    const rec = sentRecommendation();
    const before = written();
    const big = new Uint8Array(env().MAX_UPLOAD_MB * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode("%PDF-1.4\n"));
    const reply = await report("demo-ifochef", rec.id, world.organisationIds.Östersund, {
      ...adopted,
      extract: new File([big], "utdrag.pdf", { type: "application/pdf" }),
    });
    expect(refusedAt(reply, "extract")).toMatch(/^utdrag\.pdf: Filen är för stor/);
    expect((reply as Reply).data.initialValue).toMatchObject({ registryNumber: "KS 2026/112" });
    expect(written()).toEqual(before);
  });
});

describe("the matrix and the follow-up as of a date", () => {
  it("count a report by its Stockholm day, not the UTC date of its timestamp", async () => {
    const { answersAsOf, notAnsweredByRecommendation, pageOfRecommendations } =
      await import("~/models/recommendations.server");
    const { loadActor } = await import("~/models/users.server");
    // Sent at 00:30 on 2026-11-24 in Stockholm; Östersund's report at 00:30 on 2026-11-25.
    const rec = sentRecommendation("2026-11-20", "2026-11-23");
    db.$client.prepare("UPDATE recommendations SET sent_at = '2026-11-23T23:30:00.000Z' WHERE id = ?").run(rec.id);
    const östersund = world.organisationIds.Östersund;
    expect(((await report("demo-ifochef", rec.id, östersund, adopted)) as Response).status).toBe(302);
    db.$client.prepare("UPDATE party_answers SET created_at = '2026-11-24T23:30:00.000Z'").run();
    const of = (date: string) => answersAsOf([rec.id], date).find((a) => a.organisationId === östersund)?.status;
    expect(of("2026-11-24")).toBe("väntar");
    expect(of("2026-11-25")).toBe("antagen");
    const actor = loadActor({ id: "demo-samordnare", role: "admin", personId: null }, "2026-11-25");
    const waiting = (date: string) =>
      notAnsweredByRecommendation(actor, world.collaborationId, date, date)
        .find((g) => g.id === rec.id)
        ?.names.includes("Östersunds kommun");
    expect(waiting("2026-11-24")).toBe(true);
    expect(waiting("2026-11-25")).toBe(false);
    // Withdrawn at 00:30 on 2026-11-25 in Stockholm: still awaiting answers as of 2026-11-24.
    const other = sentRecommendation("2026-11-20", "2026-11-23", 14);
    withdrawRecommendation("demo-samordnare", other.id, other.version, "Fel underlag", "2026-11-25");
    db.$client
      .prepare(
        "UPDATE recommendations SET sent_at = '2026-11-23T10:00:00.000Z', withdrawn_at = '2026-11-24T23:30:00.000Z' WHERE id = ?",
      )
      .run(other.id);
    const awaited = (date: string) =>
      notAnsweredByRecommendation(actor, world.collaborationId, date, date).some((g) => g.id === other.id);
    expect(awaited("2026-11-24")).toBe(true);
    expect(awaited("2026-11-25")).toBe(false);
    const listed = async (date: string) =>
      (await pageOfRecommendations(actor, world.collaborationId, date, { page: 1, size: 50 })).items.some(
        (r) => r.id === rec.id,
      );
    expect(await listed("2026-11-23")).toBe(false);
    expect(await listed("2026-11-24")).toBe(true);
  });
});

describe("the politician of a party", () => {
  it("is told who reports the own organisation's answer, not that it is another's", async () => {
    const rec = sentRecommendation();
    const krokom = world.organisationIds.Krokom;
    const reply = (await report("demo-politiker", rec.id, krokom, adopted)) as Response;
    expect(reply.status).toBe(403);
    const text = await reply.text();
    expect(text).not.toContain("din egen organisation");
    expect(text).toContain("rekommendationens sida");
    const other = (await report("demo-politiker", rec.id, world.organisationIds.Östersund, adopted)) as Response;
    expect(await other.text()).toContain("en part du är kontaktperson för");
  });
});

describe("who speaks for the party", () => {
  async function form(userId: string, recId: number, organisationId: number) {
    const { loader } = await import("~/routes/rekommendationer.$recommendationId.svar.$organisationId");
    const request = new Request(`http://localhost/rekommendationer/${recId}/svar/${organisationId}`, {
      headers: { Cookie: cookieOf(userId) },
    });
    try {
      await loader({
        request,
        params: { recommendationId: String(recId), organisationId: String(organisationId) },
        context: {},
      });
      return 200;
    } catch (e) {
      return (e as Response).status;
    }
  }

  it("refuses Mini-Maria's manager, employed by Östersund, and lets Östersund's contact person report", async () => {
    const rec = sentRecommendation();
    const östersund = world.organisationIds.Östersund;
    const before = written();
    expect(await form("demo-chef", rec.id, östersund)).toBe(403);
    const refused = (await report("demo-chef", rec.id, östersund, adopted)) as Response;
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("partens kontaktperson");
    expect(written()).toEqual(before);

    expect(await form("demo-ifochef", rec.id, östersund)).toBe(200);
    expect(((await report("demo-ifochef", rec.id, östersund, adopted)) as Response).status).toBe(302);
    expect(getPartyAnswer(rec.id, östersund)?.status).toBe("antagen");
  });

  /** The coordinator saves Östersund's party page (samverkan/:id/parter/:partyId) with a contact person. */
  async function setContact(contactPersonId: number | null, version?: number) {
    const { action } = await import("~/routes/samverkan.$collaborationId.parter.$partyId");
    const party = db
      .select()
      .from(parties)
      .where(
        and(
          eq(parties.collaborationId, world.collaborationId),
          eq(parties.organisationId, world.organisationIds.Östersund),
        ),
      )
      .get()!;
    const body = new FormData();
    const fields = {
      role: party.role,
      registrarEmail: party.registrarEmail,
      memberSince: party.memberSince ?? "",
      branchClinic: party.branchClinic,
      contactPersonId: contactPersonId === null ? "" : String(contactPersonId),
      version: String(version ?? party.version),
    };
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    const path = `/samverkan/${world.collaborationId}/parter/${party.id}`;
    const request = new Request(`http://localhost${path}`, {
      method: "POST",
      body,
      headers: { Cookie: cookieOf("demo-samordnare") },
    });
    const params = { collaborationId: String(world.collaborationId), partyId: String(party.id) };
    return (await action({ request, params, context: {} })) as Reply | Response;
  }

  it("follows the contact person the coordinator sets on the party's page", async () => {
    const rec = sentRecommendation();
    const östersund = world.organisationIds.Östersund;
    expect(((await setContact(world.personIds["Maja Mini-Maria-chef"])) as Response).status).toBe(302);
    expect(await form("demo-chef", rec.id, östersund)).toBe(200);
    expect(await form("demo-ifochef", rec.id, östersund)).toBe(403);
    // No contact person: only the coordinator reports the party's answer.
    expect(((await setContact(null)) as Response).status).toBe(302);
    expect(await form("demo-chef", rec.id, östersund)).toBe(403);
    expect(await form("demo-ifochef", rec.id, östersund)).toBe(403);
    expect(await form("demo-samordnare", rec.id, östersund)).toBe(200);
  });

  it("logs the change with before and after, and refuses a stale page as a conflict that keeps what was chosen", async () => {
    const östersund = () =>
      db
        .select()
        .from(parties)
        .where(
          and(
            eq(parties.collaborationId, world.collaborationId),
            eq(parties.organisationId, world.organisationIds.Östersund),
          ),
        )
        .get()!;
    const shown = östersund().version;
    const chief = world.personIds["Maja Mini-Maria-chef"];
    expect(((await setContact(chief, shown)) as Response).status).toBe(302);
    const entry = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "party"), eq(auditLog.entityId, String(östersund().id))))
      .all()
      .at(-1)!;
    expect(entry.action).toBe("update");
    expect(JSON.parse(entry.before!).contactPersonId).toBe(world.personIds["Ingrid IFO-chef Östersund"]);
    expect(JSON.parse(entry.after!).contactPersonId).toBe(chief);
    // A second coordinator, on the page shown before that save, chooses the IFO chief: a conflict.
    const ifoChief = world.personIds["Ingrid IFO-chef Östersund"];
    const stale = (await setContact(ifoChief, shown)) as Reply & { data: { conflict?: { theirs: unknown } } };
    expect(stale instanceof Response).toBe(false);
    expect(stale.init?.status).toBe(409);
    expect(stale.data.conflict?.theirs).toMatchObject({ contactPersonId: chief });
    expect(stale.data.initialValue?.contactPersonId).toBe(String(ifoChief));
    expect(östersund().contactPersonId).toBe(chief);
  });

  it("refuses a contact person who is not of the party, and saves nothing", async () => {
    const before = written();
    refusedAt(await setContact(world.personIds["IFO-chef Krokom"]), "contactPersonId");
    expect(written()).toEqual(before);
    const rec = sentRecommendation();
    expect(await form("demo-ifochef", rec.id, world.organisationIds.Östersund)).toBe(200);
  });
});

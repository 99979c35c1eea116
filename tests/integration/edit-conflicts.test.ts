/**
 * Optimistic locking where two people can edit: every route below names the version it read;
 * when someone else saved in between, the action answers 409 with the one conflict reply
 * (`rejectConflict`: what the other person saved and their version, for ConflictNotice) and
 * writes nothing: not the row, not an audit entry, not a file.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import { DEMO_PASSWORD, type DemoWorld } from "../../db/demo-world";
import { formatKronor } from "~/domain/format";
import { versionToInput } from "~/models/agreement-form.server";
import { getVersion } from "~/models/agreements.server";
import { demoDatabase } from "../support/test-db";
import { formData as form } from "../support/forms";

let db: Db;
let world: DemoWorld;
let cookie: string;

function post(path: string, fields: Record<string, string>) {
  return new Request(`http://localhost${path}`, { method: "POST", body: form(fields), headers: { Cookie: cookie } });
}

type Reply = { data: { conflict?: { theirs: Record<string, unknown>; version: number } }; init: ResponseInit | null };

async function act(route: string, path: string, params: Record<string, string>, fields: Record<string, string>) {
  const mod = (await import(`../../app/routes/${route}.tsx`)) as {
    action: (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
  };
  return (await mod.action({ request: post(path, fields), params, context: {} })) as Reply;
}

const sql = (statement: string, ...args: unknown[]) => db.$client.prepare(statement).all(...args);
const one = <T>(statement: string, ...args: unknown[]) => db.$client.prepare(statement).get(...args) as T;

/** Everything a refused save could have touched. */
function written(table: string, id: number) {
  return {
    row: sql(`SELECT * FROM ${table} WHERE id = ?`, id),
    audit: one<{ n: number }>("SELECT count(*) AS n FROM audit_log").n,
    files: one<{ n: number }>("SELECT count(*) AS n FROM files").n,
    answers: one<{ n: number }>("SELECT count(*) AS n FROM party_answers").n,
  };
}

/** Someone else saves: the row's version moves on; the form still names the old one. */
function someoneSaves(table: string, id: number): { stale: string; now: number } {
  const { version } = one<{ version: number }>(`SELECT version FROM ${table} WHERE id = ?`, id);
  db.$client.prepare(`UPDATE ${table} SET version = version + 1 WHERE id = ?`).run(id);
  return { stale: String(version), now: version + 1 };
}

async function expectRefused(
  table: string,
  id: number,
  call: (stale: string) => Promise<Reply>,
): Promise<Record<string, unknown>> {
  const { stale, now } = someoneSaves(table, id);
  const before = written(table, id);
  const reply = await call(stale);
  expect(reply.init?.status).toBe(409);
  expect(reply.data.conflict?.version).toBe(now);
  expect(written(table, id)).toEqual(before);
  return reply.data.conflict!.theirs;
}

beforeAll(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
  const { action } = await import("~/routes/logga-in");
  const res = (await action({
    request: new Request("http://localhost/logga-in", {
      method: "POST",
      body: new URLSearchParams({ email: "samordnare@demo.example", password: DEMO_PASSWORD }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    }),
    params: {},
    context: { clientIp: "10.9.9.9" },
  })) as Response;
  cookie = (res.headers.get("Set-Cookie") ?? "").split(";")[0];
  expect(cookie).toMatch(/^session=/);
}, 30_000);

describe("a stale version is refused and nothing is written", () => {
  it("a matter's status (arenden.$matterId)", async () => {
    const { id, status } = one<{ id: number; status: string }>("SELECT id, status FROM matters LIMIT 1");
    const other = status === "öppet" ? "avslutat" : "öppet";
    const theirs = await expectRefused("matters", id, (stale) =>
      act("arenden.$matterId", `/arenden/${id}`, { matterId: String(id) }, { version: stale, status: other }),
    );
    expect(theirs).toEqual({ status });
  });

  it("an assignment's status (uppdrag)", async () => {
    const { id, title } = one<{ id: number; title: string }>("SELECT id, title FROM assignments LIMIT 1");
    const theirs = await expectRefused("assignments", id, (stale) =>
      act("uppdrag", "/uppdrag", {}, { intent: "status", id: String(id), version: stale, status: "pågår" }),
    );
    expect(theirs).toMatchObject({ title });
  });

  it("an assignment's status and what it is, on its own page (uppdrag_.$assignmentId)", async () => {
    const { id, title, assignee_type, assignee_id } = one<{
      id: number;
      title: string;
      assignee_type: string;
      assignee_id: number;
    }>("SELECT id, title, assignee_type, assignee_id FROM assignments LIMIT 1");
    const params = { assignmentId: String(id) };
    const status = await expectRefused("assignments", id, (stale) =>
      act("uppdrag_.$assignmentId", `/uppdrag/${id}`, params, {
        intent: "status",
        id: String(id),
        version: stale,
        status: "pågår",
      }),
    );
    expect(status).toMatchObject({ title });
    const edit = await expectRefused("assignments", id, (stale) =>
      act("uppdrag_.$assignmentId", `/uppdrag/${id}`, params, {
        intent: "edit",
        id: String(id),
        version: stale,
        title: "Ny rubrik",
        assignee: `${assignee_type}:${assignee_id}`,
        dueDate: "2030-01-31",
      }),
    );
    // What the other person saved, the assignee by name, for the conflict notice.
    expect(edit).toMatchObject({ title, assigneeName: expect.any(String) });
  });

  it("a party's status and a notice of termination (avtal.parter.$partyId)", async () => {
    const partyId = one<{ id: number }>(
      "SELECT id FROM parties WHERE organisation_id = ?",
      world.organisationIds.Berg,
    ).id;
    const params = { partyId: String(partyId) };
    const theirs = await expectRefused("parties", partyId, (stale) =>
      act("avtal.parter.$partyId", `/avtal/parter/${partyId}`, params, {
        intent: "status",
        version: stale,
        status: "medlem",
        withdrawalNote: "Förhandling pågår",
        branchClinic: "Närmottagning Berg",
      }),
    );
    expect(theirs).toMatchObject({ status: "Medlem", withdrawalNote: "" });
    await expectRefused("parties", partyId, (stale) =>
      act("avtal.parter.$partyId", `/avtal/parter/${partyId}`, params, {
        intent: "notice",
        version: stale,
        receivedOn: "2026-11-02",
        note: "Uppsägning inkommen",
      }),
    );
  });

  it("an agreement version's terms (avtal.versioner.$versionId.redigera)", async () => {
    const { id } = one<{ id: number }>("SELECT id FROM agreement_versions ORDER BY id DESC LIMIT 1");
    const input = versionToInput(getVersion(id)!);
    const { municipalPrincipalInvoices, ...texts } = input;
    const fields: Record<string, string> = { ...texts, noticeMonths: String(Number(input.noticeMonths) + 1) };
    if (municipalPrincipalInvoices) fields.municipalPrincipalInvoices = "on";
    const theirs = await expectRefused("agreement_versions", id, (stale) =>
      act(
        "avtal.versioner.$versionId.redigera",
        `/avtal/versioner/${id}/redigera`,
        { versionId: String(id) },
        {
          ...fields,
          version: stale,
        },
      ),
    );
    // Only the term the user changed differs from what is saved.
    expect(theirs.rows).toHaveLength(1);
  });

  it("a year's budget and removing a budget item (avtal.budget)", async () => {
    const year = one<{ id: number; year: number }>("SELECT id, year FROM budget_years ORDER BY year DESC LIMIT 1");
    const theirs = await expectRefused("budget_years", year.id, (stale) =>
      act(
        "avtal.budget",
        "/avtal/budget",
        {},
        {
          intent: "year",
          year: String(year.year),
          version: stale,
          totalByDecision: "6 000 000",
          decidedOn: "",
          decisionRef: "",
          outcome: "",
          note: "",
        },
      ),
    );
    expect(theirs.rows).toEqual(
      expect.arrayContaining([[`Budget ${year.year} enligt beslut`, expect.any(String), formatKronor(6_000_000)]]),
    );
    const item = one<{ id: number }>("SELECT id FROM budget_items LIMIT 1");
    await expectRefused("budget_items", item.id, (stale) =>
      act("avtal.budget", "/avtal/budget", {}, { intent: "remove-item", id: String(item.id), version: stale }),
    );
  });

  describe("recommendation steps", () => {
    let decisionId: number;
    const recommendation = (status: string) => {
      const sent = status === "utkast" || status === "beslutad" ? null : "2026-11-01T08:00:00.000Z";
      const row = db.$client
        .prepare(
          `INSERT INTO recommendations (collaboration_id, status, title, ask, answer_deadline, decision_id, sent_at)
           VALUES (?, ?, 'Rekommendation om lokaler', 'Besluta om lokaler', '2027-02-01', ?, ?) RETURNING id`,
        )
        .get(world.collaborationId, status, status === "utkast" ? null : decisionId, sent) as { id: number };
      return row.id;
    };
    beforeAll(() => {
      decisionId = one<{ id: number }>("SELECT id FROM decisions WHERE approval = 'justerat' LIMIT 1").id;
    });

    it("deciding (beslut)", async () => {
      const id = recommendation("utkast");
      const theirs = await expectRefused("recommendations", id, (stale) =>
        act(
          "rekommendationer.$recommendationId.beslut",
          `/rekommendationer/${id}/beslut`,
          { recommendationId: String(id) },
          {
            version: stale,
            decisionId: String(decisionId),
          },
        ),
      );
      expect(theirs).toMatchObject({ status: "Utkast" });
    });

    it("sending (skicka)", async () => {
      const id = recommendation("beslutad");
      db.$client
        .prepare("INSERT INTO recommendation_parties (recommendation_id, organisation_id) VALUES (?, ?)")
        .run(id, world.organisationIds.Berg);
      await expectRefused("recommendations", id, (stale) =>
        act(
          "rekommendationer.$recommendationId.skicka",
          `/rekommendationer/${id}/skicka`,
          { recommendationId: String(id) },
          {
            version: stale,
          },
        ),
      );
    });

    it("withdrawing (aterkalla)", async () => {
      const id = recommendation("skickad");
      await expectRefused("recommendations", id, (stale) =>
        act(
          "rekommendationer.$recommendationId.aterkalla",
          `/rekommendationer/${id}/aterkalla`,
          { recommendationId: String(id) },
          {
            version: stale,
            reason: "Fel underlag",
          },
        ),
      );
    });

    it("following up and closing (uppfoljning)", async () => {
      const id = recommendation("skickad");
      const path = `/rekommendationer/${id}/uppfoljning`;
      const params = { recommendationId: String(id) };
      await expectRefused("recommendations", id, (stale) =>
        act("rekommendationer.$recommendationId.uppfoljning", path, params, {
          intent: "followUp",
          version: stale,
          followedUpOn: "2026-11-20",
          note: "Sju av nio har svarat",
        }),
      );
      await expectRefused("recommendations", id, (stale) =>
        act("rekommendationer.$recommendationId.uppfoljning", path, params, { intent: "close", version: stale }),
      );
    });

    it("a party's answer (svar)", async () => {
      const id = recommendation("skickad");
      const organisationId = world.organisationIds.Berg;
      const answer = db.$client
        .prepare("INSERT INTO recommendation_parties (recommendation_id, organisation_id) VALUES (?, ?) RETURNING id")
        .get(id, organisationId) as { id: number };
      const theirs = await expectRefused("recommendation_parties", answer.id, (stale) =>
        act(
          "rekommendationer.$recommendationId.svar.$organisationId",
          `/rekommendationer/${id}/svar/${organisationId}`,
          { recommendationId: String(id), organisationId: String(organisationId) },
          {
            intent: "confirm",
            version: stale,
            status: "antagen",
            decisionDate: "2026-11-10",
            decidingBody: "Kommunfullmäktige",
            paragraph: "12",
            registryNumber: "KS 2026/1",
          },
        ),
      );
      expect(theirs).toMatchObject({ status: expect.any(String), decisionDate: "" });
    });
  });
});

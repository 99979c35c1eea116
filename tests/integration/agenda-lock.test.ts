/**
 * Approved minutes lock the agenda they minute (app/domain/meetings.ts `agendaChangeRefusal`),
 * and the three pages that change an agenda ask the same rule in their loader (to offer the
 * change) and their action (to refuse it): the meeting page (move, take in a proposal), a new
 * item, and an item's edit page (save, remove). A standard item is never removed
 * (`itemRemovalRefusal`). Run through the routes' own loaders and actions, as the secretary.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { DemoWorld } from "../../db/demo-world";
import type { Db } from "../../db/connection";
import { createSession } from "~/auth/sessions.server";
import { addAgendaItem, agendaOf } from "~/models/meeting-agenda.server";
import { createProposal } from "~/models/meeting-proposals.server";
import * as meetingPage from "~/routes/moten.$meetingId._index";
import * as newItemPage from "~/routes/moten.$meetingId.punkter.ny";
import * as itemPage from "~/routes/moten.$meetingId.punkter.$itemId";
import { formData } from "../support/forms";
import { approveMinutes, decisionItem, secretaryMeeting } from "../support/meetings";
import { demoDatabase } from "../support/test-db";

const LOCKED = "Protokollet är justerat; dagordningen kan inte ändras.";

let db: Db;
let world: DemoWorld;
let cookie = "";

function meetingWithItem(date: string) {
  const m = secretaryMeeting(world.bodyIds.styrgrupp, date);
  const added = addAgendaItem("demo-samordnare", m.id, decisionItem("Budget"), null);
  return { meetingId: m.id, itemId: added.id };
}

const approve = (meetingId: number) => approveMinutes(db, meetingId);

function request(path: string, form?: Record<string, string>) {
  if (!form) return new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
  return new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: cookie }, body: formData(form) });
}

/** The status and form errors of an action's answer (a refusal is data; a success redirects). */
async function answer(result: unknown) {
  if (result instanceof Response) return { status: result.status, errors: [] as string[] };
  const r = result as { init?: { status?: number }; data?: { error?: Record<string, string[]> } };
  return { status: r.init?.status ?? 200, errors: r.data?.error?.[""] ?? [] };
}

const titles = (meetingId: number) => agendaOf(meetingId).map((i) => `${i.position} ${i.title}`);

beforeAll(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
  cookie = (await createSession("demo-samordnare")).split(";")[0];
});

describe("approved minutes lock the agenda on every page that changes it", () => {
  it("offers every change while the minutes are a draft or not started", async () => {
    const { meetingId, itemId } = meetingWithItem("2026-12-01");
    const params = { meetingId: String(meetingId), itemId: String(itemId) };
    const page = await meetingPage.loader({ request: request(`/moten/${meetingId}`), params, context: {} });
    expect(page.agendaLocked).toBeNull();
    const added = await newItemPage.loader({ request: request(`/moten/${meetingId}/punkter/ny`), params, context: {} });
    expect(added.locked).toBeNull();
    const edit = await itemPage.loader({
      request: request(`/moten/${meetingId}/punkter/${itemId}`),
      params,
      context: {},
    });
    expect(edit).toMatchObject({ locked: null, removable: true });
    const moved = await meetingPage.action({
      request: request(`/moten/${meetingId}`, { intent: "move", itemId: String(itemId), direction: "up" }),
      params,
      context: {},
    });
    expect((await answer(moved)).status).toBe(302);
  });

  it("refuses, in each loader and action, once the minutes are approved, and changes nothing", async () => {
    const { meetingId, itemId } = meetingWithItem("2026-11-20");
    const proposal = createProposal(
      "demo-ifochef",
      meetingId,
      { title: "Förslag", kind: "information", description: "", proposedDecision: "" },
      null,
    );
    approve(meetingId);
    const before = titles(meetingId);
    const params = { meetingId: String(meetingId), itemId: String(itemId) };

    const page = await meetingPage.loader({ request: request(`/moten/${meetingId}`), params, context: {} });
    expect(page.agendaLocked).toBe(LOCKED);
    const added = await newItemPage.loader({ request: request(`/moten/${meetingId}/punkter/ny`), params, context: {} });
    expect(added.locked).toBe(LOCKED);
    const edit = await itemPage.loader({
      request: request(`/moten/${meetingId}/punkter/${itemId}`),
      params,
      context: {},
    });
    expect(edit.locked).toBe(LOCKED);

    const refusals = [
      await meetingPage.action({
        request: request(`/moten/${meetingId}`, { intent: "move", itemId: String(itemId), direction: "up" }),
        params,
        context: {},
      }),
      await meetingPage.action({
        request: request(`/moten/${meetingId}`, { intent: "accept", proposalId: String(proposal.id) }),
        params,
        context: {},
      }),
      await newItemPage.action({
        request: request(`/moten/${meetingId}/punkter/ny`, { title: "Ny", kind: "information" }),
        params,
        context: {},
      }),
      await itemPage.action({
        request: request(`/moten/${meetingId}/punkter/${itemId}`, { intent: "remove" }),
        params,
        context: {},
      }),
      await itemPage.action({
        request: request(`/moten/${meetingId}/punkter/${itemId}`, {
          intent: "save",
          version: "1",
          title: "Ändrad",
          kind: "beslut",
        }),
        params,
        context: {},
      }),
    ];
    for (const refused of refusals) expect(await answer(refused)).toEqual({ status: 409, errors: [LOCKED] });
    expect(titles(meetingId)).toEqual(before);
  });

  it("keeps a standard item: its page offers no removal and its action refuses one", async () => {
    const { meetingId } = meetingWithItem("2026-12-02");
    const opening = agendaOf(meetingId).find((i) => i.standard === "opening")!;
    const params = { meetingId: String(meetingId), itemId: String(opening.id) };
    const path = `/moten/${meetingId}/punkter/${opening.id}`;
    const edit = await itemPage.loader({ request: request(path), params, context: {} });
    expect(edit.removable).toBe(false);
    const refused = await itemPage.action({ request: request(path, { intent: "remove" }), params, context: {} });
    expect(await answer(refused)).toEqual({ status: 400, errors: ["Standardpunkterna kan inte tas bort."] });
    expect(agendaOf(meetingId).some((i) => i.id === opening.id)).toBe(true);
  });
});

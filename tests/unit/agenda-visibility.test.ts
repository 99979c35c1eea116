/**
 * The one rule for what a viewer sees of a meeting's agenda and minutes (`agendaAsSeen`):
 * every combination of draft right, confidential right, publication and approved minutes,
 * over items that were changed, added or marked confidential after the notice.
 */
import { describe, expect, it } from "vitest";
import type { ItemSnapshot } from "~/domain/meetings";
import { bodyRolesOf, type Actor, type BodyRole } from "~/domain/policy";
import { agendaAsSeen, meetingSightOf, type MeetingSight } from "~/domain/read-scope";

function item(id: number, over: Partial<ReturnType<typeof base>> = {}) {
  return { ...base(id), ...over };
}
function base(id: number) {
  return {
    id,
    title: `Punkt ${id}`,
    kind: "beslut",
    presenter: "",
    description: `Beskrivning ${id}`,
    proposedDecision: `Förslag ${id}`,
    minutesNote: "",
    decisionText: "",
    confidential: false,
    files: [{ originalName: `bilaga-${id}.pdf` }],
  };
}
function snap(i: ReturnType<typeof item>): ItemSnapshot {
  return {
    id: i.id,
    title: i.title,
    kind: i.kind,
    presenter: i.presenter,
    proposedDecision: i.proposedDecision,
    description: i.description,
    fileNames: i.files.map((f) => f.originalName),
  };
}

const published = [item(1), item(2), item(3, { confidential: true })];
const notice = published.map(snap);
// After the notice: item 1 changed, a file added to item 2, item 4 added; minutes written.
const now = [
  item(1, { description: "ÄNDRAD", minutesNote: "ANTECKNING", decisionText: "BESLUT" }),
  item(2, { files: [{ originalName: "bilaga-2.pdf" }, { originalName: "NY.pdf" }] }),
  item(3, { confidential: true, minutesNote: "SEKRETESS", decisionText: "SEKRETESSBESLUT" }),
  item(4, { title: "NY PUNKT" }),
];
const SECRET = ["ÄNDRAD", "ANTECKNING", "BESLUT", "NY.pdf", "NY PUNKT", "SEKRETESS", "Beskrivning 3", "Förslag 3"];
const shown = (items: unknown) => JSON.stringify(items);

const sights: MeetingSight[] = [
  { drafts: true, confidential: true },
  { drafts: false, confidential: true },
  { drafts: false, confidential: false },
];

describe("agendaAsSeen", () => {
  it("shows the body the agenda as it stands", () => {
    expect(agendaAsSeen(now, { drafts: true, confidential: true }, notice, false)).toEqual(now);
  });

  it("shows others the published agenda: no unpublished change, item, document or minutes text", () => {
    const seen = agendaAsSeen(now, { drafts: false, confidential: false }, notice, false);
    expect(seen.map((i) => i.id)).toEqual([1, 2, 3]);
    for (const secret of SECRET) expect(shown(seen)).not.toContain(secret);
    expect(seen[0].description).toBe("Beskrivning 1");
    expect(seen[1].files.map((f) => f.originalName)).toEqual(["bilaga-2.pdf"]);
    expect(seen[2]).toMatchObject({ title: "Punkt 3", description: "", proposedDecision: "", files: [] });
  });

  it("shows others approved minutes as they stand, without confidential texts", () => {
    const seen = agendaAsSeen(now, { drafts: false, confidential: false }, notice, true);
    expect(seen.map((i) => i.id)).toEqual([1, 2, 3, 4]);
    expect(seen[0]).toMatchObject({ minutesNote: "ANTECKNING", decisionText: "BESLUT" });
    expect(shown(seen)).not.toContain("SEKRETESS");
    expect(shown(seen)).not.toContain("Beskrivning 3");
  });

  it("shows nothing of an agenda never published to those without the draft right", () => {
    expect(agendaAsSeen(now, { drafts: false, confidential: false }, null, false)).toEqual([]);
  });

  it.each(sights.flatMap((s) => [false, true].map((approved) => [s, approved] as const)))(
    "never shows more than the rule allows (%j, minutes approved: %s)",
    (sight, approved) => {
      const seen = shown(agendaAsSeen(now, sight, notice, approved));
      const allowed = (secret: string) =>
        sight.drafts ||
        (approved && !["SEKRETESS", "Beskrivning 3", "Förslag 3"].includes(secret)) ||
        (sight.confidential && ["Beskrivning 3", "Förslag 3"].includes(secret)) ||
        (sight.confidential && approved);
      for (const secret of SECRET) if (!allowed(secret)) expect(seen, secret).not.toContain(secret);
    },
  );

  it("takes the rights from the policy: members of the body, not readers or other bodies", () => {
    const actor = (role: Actor["role"], seats: [number, BodyRole][]): Actor => ({
      userId: "u",
      role,
      personId: 1,
      bodyRoles: bodyRolesOf(seats),
      organisationId: null,
      collaborationIds: new Set(),
    });
    expect(meetingSightOf(null, 1)).toEqual({ drafts: false, confidential: false });
    expect(meetingSightOf(actor("reader", []), 1)).toEqual({ drafts: false, confidential: false });
    expect(meetingSightOf(actor("member", [[2, "ledamot"]]), 1)).toEqual({ drafts: false, confidential: false });
    expect(meetingSightOf(actor("member", [[1, "ersättare"]]), 1)).toEqual({ drafts: true, confidential: true });
    expect(meetingSightOf(actor("reader", [[1, "ledamot"]]), 1)).toEqual({ drafts: true, confidential: true });
    expect(meetingSightOf(actor("admin", []), 1)).toEqual({ drafts: true, confidential: true });
  });
});

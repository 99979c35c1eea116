/**
 * An agenda item published as confidential stays closed until its opening is published. The
 * notice went out with the item's texts withheld; a secretary who unticks "sekretess" in the
 * draft has not yet published that, and every surface shows outsiders the agenda as published
 * (agendaAsSeen, asPublished). The published version did not record confidentiality, so the
 * item as it stands decided: the public read the texts of a confidential item on the meeting's
 * page and in search before anything was published.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { agendaItems } from "../../db/schema";
import { addDays } from "~/domain/calendar-dates";
import { todayInStockholm } from "~/domain/format";
import { addAgendaItem, updateAgendaItem } from "~/models/meeting-agenda.server";
import { publishNotice } from "~/models/meeting-notice.server";
import { search } from "~/models/search.server";
import * as meetingPage from "~/routes/moten.$meetingId._index";
import { decisionItem, secretaryMeeting } from "../support/meetings";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
const SECRET = "Sjöbottenkvarteret";

beforeAll(async () => {
  ({ db, world } = await demoDatabase());
});

type PageItem = { id: number; confidential: boolean; descriptionHtml: string; minutesEstimate: number | null };

async function publicPage(meetingId: number) {
  const data = (await meetingPage.loader({
    request: new Request(`http://localhost/moten/${meetingId}`),
    params: { meetingId: String(meetingId) },
    context: {},
  } as never)) as { items: PageItem[] };
  return data;
}

describe("a confidential item opened in the draft", () => {
  it("stays closed to the public, on the page and in search, until the opening is published", async () => {
    const meeting = secretaryMeeting(world.bodyIds.svom, addDays(todayInStockholm(), 30), { isPublic: true });
    const item = addAgendaItem(
      "demo-samordnare",
      meeting.id,
      {
        ...decisionItem("Lokalfrågan"),
        description: `Förhandlingen om ${SECRET} pågår.`,
        minutesEstimate: 15,
        confidential: true,
        confidentialReason: "Sekretess enligt OSL 19 kap. 3 §",
      },
      null,
    );
    publishNotice("demo-samordnare", meeting.id);
    const shownAt = async () => (await publicPage(meeting.id)).items.find((i) => i.id === item.id)!;
    expect(await shownAt()).toMatchObject({ confidential: true, descriptionHtml: "" });

    // The secretary opens the item and changes its time, in the draft only.
    const stored = db.select().from(agendaItems).where(eq(agendaItems.id, item.id)).get()!;
    const opened = updateAgendaItem(
      "demo-samordnare",
      item.id,
      stored.version,
      {
        ...decisionItem("Lokalfrågan"),
        description: stored.description,
        minutesEstimate: 45,
        confidential: false,
        confidentialReason: "",
      },
      null,
    );
    expect(opened.ok).toBe(true);
    const draft = await shownAt();
    expect(draft.confidential).toBe(true);
    expect(draft.descriptionHtml).not.toContain(SECRET);
    expect(draft.minutesEstimate).toBe(15);
    expect((await search(null, SECRET, {})).items).toEqual([]);

    // Published: now the public record.
    publishNotice("demo-samordnare", meeting.id);
    const published = await shownAt();
    expect(published.confidential).toBe(false);
    expect(published.descriptionHtml).toContain(SECRET);
    expect(published.minutesEstimate).toBe(45);
    expect((await search(null, SECRET, {})).items.map((r) => r.href)).toContain(
      `/moten/${meeting.id}#punkt-${item.id}`,
    );
  });
});

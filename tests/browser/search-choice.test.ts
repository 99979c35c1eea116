/**
 * Choosing by searching, in the browser: a document's link choices offer a page of the
 * latest; a decision older than all of them is found by the search beside the field, chosen
 * and linked — without JavaScript, and with it (the search is not checked as a save). Enter
 * in a field of such a form saves it, Enter in the search box searches: on every form that
 * has a choice field.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHOICE_DEFAULT, CHOICE_SEARCH } from "~/components/forms";
import { unrunSearchMessage } from "~/domain/choices";
import { agendaItems, assignments, decisions, documents, matters, meetings, recommendations } from "../../db/schema";
import { expectAccessible, startApp, type TestApp, waitForText } from "../support/browser";

let app: TestApp;
let documentId = 0;
let meetingId = 0;
let itemId = 0;
let recommendationId = 0;
const OLD = ["Valprovbeslut om gammal rutin", "Valprovbeslut om äldsta rutinen"];

beforeAll(async () => {
  app = await startApp();
  const { bodyIds, collaborationId } = app.world;
  app.db.$client.transaction(() => {
    // 120 newer steering-group decisions, and two from 2009 that no page of the latest shows.
    for (let i = 1; i <= 120; i++)
      app.db
        .insert(decisions)
        .values({
          bodyId: bodyIds.styrgrupp,
          year: 2015 + Math.floor(i / 12),
          paragraph: 100 + i,
          decidedOn: `${2015 + Math.floor(i / 12)}-${String(1 + (i % 12)).padStart(2, "0")}-15`,
          title: `Nyare provbeslut ${i}`,
          text: "Beslut.",
          isPublic: true,
          approval: "justerat",
          approvedAt: "2020-01-01T12:00:00Z",
        })
        .run();
    OLD.forEach((title, i) =>
      app.db
        .insert(decisions)
        .values({
          bodyId: bodyIds.styrgrupp,
          year: 2009,
          paragraph: 1 + i,
          decidedOn: `2009-0${3 + i}-10`,
          title,
          text: "Beslut.",
          isPublic: true,
          approval: "justerat",
          approvedAt: "2009-12-31T12:00:00Z",
        })
        .run(),
    );
    // 60 matters: the oldest is not among the latest 50.
    for (let i = 0; i < 60; i++)
      app.db
        .insert(matters)
        .values({
          collaborationId,
          registryNumber: `VP 2012/${String(i).padStart(2, "0")}`,
          title: i === 0 ? "Äldsta valprovärendet" : `Valprovärende ${i}`,
          createdAt: `2012-01-01 08:${String(i).padStart(2, "0")}:00`,
        })
        .run();
    documentId = app.db
      .insert(documents)
      .values({ collaborationId, title: "Valprovrutin", kind: "rutin", date: "2026-01-01", bodyId: bodyIds.styrgrupp })
      .returning()
      .get().id;
    meetingId = app.db
      .insert(meetings)
      .values({
        bodyId: bodyIds.styrgrupp,
        date: "2030-05-06",
        startTime: "13:00",
        endTime: "15:00",
        place: "Östersund",
      })
      .returning()
      .get().id;
    itemId = app.db.insert(agendaItems).values({ meetingId, position: 1, title: "Valprovpunkt" }).returning().get().id;
    recommendationId = app.db
      .insert(recommendations)
      .values({ collaborationId, title: "Valprovrekommendation", ask: "Att pröva.", answerDeadline: "2030-06-30" })
      .returning()
      .get().id;
  })();
});
afterAll(async () => {
  await app?.stop();
});

describe("choosing an old decision by searching", () => {
  it.each([
    ["without JavaScript", false, OLD[0], "Styrgruppen 2009-03-10 § 1 Valprovbeslut om gammal rutin"],
    ["with JavaScript", true, OLD[1], "Styrgruppen 2009-04-10 § 2 Valprovbeslut om äldsta rutinen"],
  ])("%s", async (_, javaScriptEnabled, title, label) => {
    const context = await app.context("demo-samordnare", { javaScriptEnabled });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(String(err)));
    await page.goto(`/dokument/${documentId}`);
    const select = page.getByLabel("Koppla till");
    const offered = await select.locator("optgroup[label=Beslut] option").allInnerTexts();
    expect(offered).toHaveLength(50);
    expect(offered.join("\n")).not.toContain("Valprovbeslut");
    await waitForText(page.locator("#koppla-target-description"), "Beslut: Visar 50 av");

    await page.getByLabel("Sök möte, ärende, beslut eller avtal").fill(title.split(" ").slice(-2).join(" "));
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.waitForURL(/sok-koppling=/);
    await waitForText(page.locator("#koppla-target-description"), "Beslut: Visar 1 träff");
    expect(await select.locator("optgroup[label=Beslut] option").allInnerTexts()).toEqual([label]);
    if (javaScriptEnabled) await expectAccessible(page);

    await select.selectOption({ label });
    await page.getByRole("button", { name: "Koppla", exact: true }).click();
    await waitForText(page.locator("#kopplingar ~ ul"), label);
    await page.getByRole("link", { name: label }).click();
    await waitForText(page.locator("h1"), title);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("a form keeps what was typed across a search", () => {
  it("enters a decision on an old matter found by a search, without JavaScript", async () => {
    const context = await app.context("demo-samordnare", { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/beslut/ny");
    const matter = page.getByLabel("Ärende", { exact: true });
    expect(await matter.locator("option").allInnerTexts()).not.toContain("VP 2012/00 Äldsta valprovärendet");
    await page.getByLabel("Organ").selectOption({ label: "Styrgruppen för Mini-Maria" });
    await page.getByLabel("Datum").fill("2012-02-02");
    await page.getByLabel("Rubrik").fill("Valprov: beslut på gammalt ärende");
    await page.locator("#f-text").fill("Styrgruppen beslutar att pröva.");
    await page.getByLabel("Sök ärende").fill("äldsta");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.waitForURL(/sok-arende=/);
    await waitForText(page.locator("#f-matterId-description"), "Visar 1 träff");
    // Everything typed is still there.
    expect(await page.getByLabel("Rubrik").inputValue()).toBe("Valprov: beslut på gammalt ärende");
    expect(await page.locator("#f-text").inputValue()).toBe("Styrgruppen beslutar att pröva.");
    expect(await page.getByLabel("Datum").inputValue()).toBe("2012-02-02");
    await matter.selectOption({ label: "VP 2012/00 Äldsta valprovärendet" });
    await page.getByRole("button", { name: "Spara beslutet" }).click();
    await page.waitForURL(/\/beslut\/\d+$/);
    await waitForText(page.locator("h1"), "Valprov: beslut på gammalt ärende");
    expect(await page.locator("main").innerText()).toContain("VP 2012/00");
    await context.close();
  });
});

describe("checking fields in the browser", () => {
  // conform checks a field on blur and input by a submit event of its own; a check must never
  // reach the server (it did once: every blur posted the form, each post aborting the one before).
  it("posts nothing while fields are filled and checked, and nothing for a search, until the save", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(new URL(r.url()).pathname);
    });
    await page.goto("/beslut/ny");
    await page.getByLabel("Organ").selectOption({ label: "Styrgruppen för Mini-Maria" });
    await page.getByLabel("Datum").fill("2012-02-02");
    await page.getByLabel("Rubrik").fill("Fältkontroll utan post");
    await page.getByLabel("Rubrik").blur();
    await page.getByLabel("Sök ärende").fill("äldsta");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.waitForURL(/sok-/);
    await waitForText(page.locator("body"), "äldsta");
    expect(await page.getByLabel("Rubrik").inputValue()).toBe("Fältkontroll utan post");
    expect(posts).toEqual([]);

    await page.goto("/moten/nytt");
    await page.getByLabel("Organ").selectOption({ label: "Styrgruppen för Mini-Maria" });
    await page.getByLabel("Datum").fill("2030-01-10");
    await page.getByLabel("Starttid").fill("13:00");
    await page.getByLabel("Sluttid").fill("12:00");
    await page.getByLabel("Plats").fill("Mini-Maria, Östersund");
    await page.getByLabel("Plats").blur();
    await page.getByRole("button", { name: "Skapa möte" }).click();
    await waitForText(page.locator("#f-endTime-error"), "Mötet kan inte sluta innan det börjar.");
    expect(posts).toEqual([]);
    await page.getByLabel("Sluttid").fill("15:30");
    await page.getByRole("button", { name: "Skapa möte" }).click();
    await waitForText(page.getByRole("heading", { level: 1 }), "Styrgruppen för Mini-Maria");
    expect(posts).toEqual(["/moten/nytt.data"]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/** Where each source that renders a SearchChoiceField shows it (a new one must be added here). */
const FORMS_WITH_A_CHOICE_FIELD: Record<string, () => string[]> = {
  // The new assignment on /uppdrag and the edit on an assignment's own page.
  "app/components/assignment-fields.tsx": () => [
    "/uppdrag",
    `/uppdrag/${app.db.select({ id: assignments.id }).from(assignments).get()!.id}`,
  ],
  "app/components/item-form.tsx": () => [`/moten/${meetingId}/punkter/ny`, `/moten/${meetingId}/punkter/${itemId}`],
  "app/components/membership-form.tsx": () => [`/organ/${app.world.bodyIds.styrgrupp}/ledamoter/ny`],
  "app/components/recommendation-form.tsx": () => [
    "/rekommendationer/ny",
    `/rekommendationer/${recommendationId}/redigera`,
  ],
  "app/routes/beslut.ny.tsx": () => ["/beslut/ny"],
  "app/routes/dokument.$documentId._index.tsx": () => [`/dokument/${documentId}`],
  "app/routes/rekommendationer.$recommendationId.beslut.tsx": () => [`/rekommendationer/${recommendationId}/beslut`],
};

function sourcesRenderingAChoiceField(): string[] {
  const root = path.resolve(import.meta.dirname, "../..");
  return fs
    .readdirSync(path.join(root, "app"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".tsx"))
    .map((file) => `app/${file.split(path.sep).join("/")}`)
    .filter((file) => fs.readFileSync(path.join(root, file), "utf8").includes("<SearchChoiceField"))
    .sort();
}

/**
 * Each form on the page that has a choice search: which button the browser's implicit
 * submission (Enter) clicks in an ordinary text field of it, and in its search box. Submit
 * events are stopped before the page sees them, so nothing is sent.
 */
async function enterSubmitters(page: Page) {
  await page.evaluate(() => {
    const seen: { copy: boolean; search: boolean; name: string; value: string }[] = [];
    Object.assign(window, { seenSubmitters: seen });
    window.addEventListener(
      "submit",
      (event) => {
        const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
        seen.push({
          copy: submitter?.hasAttribute("data-choice-default") ?? false,
          search: submitter?.hasAttribute("data-choice-search") ?? false,
          name: submitter?.name ?? "",
          value: submitter?.value ?? "",
        });
        event.preventDefault();
        event.stopImmediatePropagation();
      },
      true,
    );
  });
  const forms = page.locator(`form:has([${CHOICE_SEARCH}])`);
  const found = [];
  for (let i = 0; i < (await forms.count()); i++) {
    const form = forms.nth(i);
    const buttons = await form.evaluate(
      (element, [copyAttr, searchAttr]) => {
        const submits = [...(element as HTMLFormElement).elements].filter(
          (e): e is HTMLButtonElement => e instanceof HTMLButtonElement && e.type === "submit",
        );
        const describe = (b: HTMLButtonElement | undefined) =>
          b && {
            name: b.name,
            value: b.value,
            formMethod: b.getAttribute("formmethod"),
            formAction: b.getAttribute("formaction"),
            copy: b.hasAttribute(copyAttr),
          };
        return {
          first: describe(submits[0]),
          save: describe(submits.filter((b) => !b.hasAttribute(copyAttr) && !b.hasAttribute(searchAttr)).at(-1)),
        };
      },
      [CHOICE_DEFAULT, CHOICE_SEARCH],
    );
    // Focus first (leaving a field makes conform check it, by a submit event of its own), then Enter.
    const press = async (field: ReturnType<Page["locator"]>) => {
      await field.focus();
      await page.evaluate(() => (window as unknown as { seenSubmitters: unknown[] }).seenSubmitters.splice(0));
      await field.press("Enter");
      return page.evaluate(() => (window as unknown as { seenSubmitters: unknown[] }).seenSubmitters.splice(0));
    };
    const ordinary = form.locator(
      ".field:not(.search-choice .field) input:is([type=text], [type=email], :not([type])):visible",
    );
    found.push({
      ...buttons,
      enterInAField: (await ordinary.count()) ? await press(ordinary.first()) : null,
      enterInTheSearchBox: await press(form.locator("input[type=search]").first()),
    });
  }
  return found;
}

describe("Enter in a form with a choice field", () => {
  it("saves on every page that has one, and searches in the choice field's search box", async () => {
    expect(sourcesRenderingAChoiceField()).toEqual(Object.keys(FORMS_WITH_A_CHOICE_FIELD).sort());
    const { page, errors } = await app.page("demo-samordnare");
    let fieldsPressed = 0;
    for (const address of Object.values(FORMS_WITH_A_CHOICE_FIELD).flatMap((paths) => paths())) {
      await page.goto(address);
      const forms = await enterSubmitters(page);
      expect(forms.length, address).toBeGreaterThan(0);
      for (const form of forms) {
        // The default button is the hidden copy of the save, and sends what the save sends.
        expect(form.first, address).toEqual({ ...form.save, copy: true });
        expect(form.save?.formMethod, address).toBeNull();
        expect(form.save?.formAction, address).toBeNull();
        expect(form.enterInTheSearchBox, address).toEqual([expect.objectContaining({ search: true, copy: false })]);
        if (form.enterInAField === null) continue;
        fieldsPressed++;
        expect(form.enterInAField, address).toEqual([
          { copy: true, search: false, name: form.save?.name, value: form.save?.value },
        ]);
      }
    }
    // Every form but the document's links and a recommendation's decision has a text field.
    expect(fieldsPressed).toBe(8);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("refuses, without JavaScript, every save that Enter in a search box sends, with the message above the form", async () => {
    const context = await app.context("demo-samordnare", { javaScriptEnabled: false });
    const page = await context.newPage();
    const searched = "inte sökt";
    for (const address of Object.values(FORMS_WITH_A_CHOICE_FIELD).flatMap((paths) => paths())) {
      await page.goto(address);
      const box = page.locator(`form:has([${CHOICE_SEARCH}]) input[type=search]`).first();
      await box.fill(searched);
      await Promise.all([page.waitForEvent("load"), box.press("Enter")]);
      const summary = page.locator(".notice--error[role=alert]", { hasText: unrunSearchMessage(searched) });
      expect(await summary.count(), address).toBe(1);
      // The browser starts on the summary (autofocus), as on every rejected form.
      expect(await summary.evaluate((element) => element === document.activeElement), address).toBe(true);
      // The words are still in the box: pressing Sök is all that is left to do.
      expect(await box.inputValue(), address).toBe(searched);
    }
    await context.close();
  });

  it.each([
    ["without JavaScript", false],
    ["with JavaScript", true],
  ])("saves a decision when Enter is pressed in its title, %s", async (_, javaScriptEnabled) => {
    const context = await app.context("demo-samordnare", { javaScriptEnabled });
    const page = await context.newPage();
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(new URL(r.url()).pathname);
    });
    const title = `Sparat med Enter ${javaScriptEnabled ? "med" : "utan"} JavaScript`;
    await page.goto("/beslut/ny");
    if (javaScriptEnabled) await expectAccessible(page);
    await page.getByLabel("Organ").selectOption({ label: "Styrgruppen för Mini-Maria" });
    await page.getByLabel("Datum").fill("2012-03-03");
    await page.locator("#f-text").fill("Styrgruppen beslutar.");
    await page.getByLabel("Rubrik").fill(title);
    await page.getByLabel("Rubrik").press("Enter");
    await page.waitForURL(/\/beslut\/\d+$/);
    await waitForText(page.locator("h1"), title);
    await waitForText(page.getByRole("status"), "Beslutet är registrerat.");
    expect(posts).toEqual([javaScriptEnabled ? "/beslut/ny.data" : "/beslut/ny"]);
    await context.close();
  });

  it("searches when Enter is pressed in the search box, keeping what was typed, with JavaScript", async () => {
    const { page, errors } = await app.page("demo-samordnare");
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(new URL(r.url()).pathname);
    });
    await page.goto("/beslut/ny");
    await page.getByLabel("Rubrik").fill("Sökt med Enter");
    await page.getByLabel("Datum").fill("2012-04-04");
    await page.getByLabel("Sök ärende").fill("äldsta");
    await page.getByLabel("Sök ärende").press("Enter");
    await page.waitForURL(/sok-arende=%C3%A4ldsta/);
    await waitForText(page.locator("#f-matterId-description"), "Visar 1 träff");
    expect(await page.getByLabel("Sök ärende").inputValue()).toBe("äldsta");
    expect(await page.getByLabel("Rubrik").inputValue()).toBe("Sökt med Enter");
    expect(await page.getByLabel("Datum").inputValue()).toBe("2012-04-04");
    expect(await page.getByLabel("Ärende", { exact: true }).locator("option").allInnerTexts()).toContain(
      "VP 2012/00 Äldsta valprovärendet",
    );
    await expectAccessible(page);
    expect(posts).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("refuses, without JavaScript, a save made by Enter in the search box, keeping what was typed", async () => {
    const context = await app.context("demo-samordnare", { javaScriptEnabled: false });
    const page = await context.newPage();
    const title = "Inte sparat: Enter i sökrutan";
    await page.goto("/beslut/ny");
    await page.getByLabel("Organ").selectOption({ label: "Styrgruppen för Mini-Maria" });
    await page.getByLabel("Datum").fill("2012-05-05");
    await page.locator("#f-text").fill("Styrgruppen beslutar.");
    await page.getByLabel("Rubrik").fill(title);
    await page.getByLabel("Sök ärende").fill("äldsta");
    await page.getByLabel("Sök ärende").press("Enter");
    await waitForText(page.locator("#f-summary"), unrunSearchMessage("äldsta"));
    expect(await page.getByLabel("Rubrik").inputValue()).toBe(title);
    expect(app.db.$client.prepare("select count(*) as n from decisions where title = ?").get(title)).toEqual({ n: 0 });
    // The words are still in the box: searching, then saving, works.
    expect(await page.getByLabel("Sök ärende").inputValue()).toBe("äldsta");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.waitForURL(/sok-arende=/);
    await page.getByLabel("Ärende", { exact: true }).selectOption({ label: "VP 2012/00 Äldsta valprovärendet" });
    await page.getByLabel("Rubrik").press("Enter");
    await page.waitForURL(/\/beslut\/\d+$/);
    await waitForText(page.locator("h1"), title);
    expect(await page.locator("main").innerText()).toContain("VP 2012/00");
    await context.close();
  });
});

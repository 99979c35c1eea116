import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitDateForNotice } from "~/domain/agreement-terms";
import { todayInStockholm } from "~/domain/format";
import { expectAccessible, startApp, waitForText, type TestApp } from "../support/browser";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});


const today = todayInStockholm();
const terms = { firstTermStart: "2023-01-01", firstTermEnd: "2023-12-31", noticeMonths: 12, renewalMonths: 12 };
const expectedExit = exitDateForNotice(terms, today);

describe("the agreement", () => {
  it("shows the public the current term, the notice deadline and the earliest exit", async () => {
    const { page, errors } = await app.page();
    await page.goto("/avtal");
    const year = today.slice(0, 4);
    await waitForText(page.locator("#avtalstid ~ dl"), `${year}-01-01 – ${year}-12-31`);
    if (!expectedExit.ok) throw new Error("fixture");
    await waitForText(page.locator("#avtalstid ~ dl"), expectedExit.exitDate);
    await waitForText(page.locator("#avtalstid ~ dl"), expectedExit.noticeDeadline);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("reproduces the 2023 split to the krona and highlights the recorded figures that differ", async () => {
    const { page } = await app.page();
    await page.goto("/avtal/kostnader?ar=2023");
    await waitForText(page.locator("tbody tr").first(), "2\u00a0675\u00a0000\u00a0kr");
    await waitForText(page.locator(".total-row"), "5\u00a0720\u00a0000\u00a0kr");
    await waitForText(page.locator(".total-row"), "−22\u00a0570\u00a0kr");
    expect(await page.locator("tr.differs").count()).toBeGreaterThan(0);
    await expectAccessible(page);
    const csv = await page.request.get("/avtal/kostnader.csv?ar=2023");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text.startsWith("\uFEFFÅr;Part;")).toBe(true);
    expect(text).toContain("2023;Region Jämtland Härjedalen;;2675000");
    await page.context().close();
  });

  it("compares two versions term by term and line by line", async () => {
    const { page } = await app.page();
    await page.goto("/avtal");
    await page.getByRole("link", { name: "Jämför versioner" }).click();
    await waitForText(page.locator(".diff"), "Avtalet har godkänts av samtliga nio parter");
    await expectAccessible(page);
    await page.goto("/avtal");
    await page.getByRole("link", { name: "Samarbetsavtal, antaget av samtliga parter" }).first().click();
    await waitForText(page.locator("caption"), "Godkännande av samarbetsavtal");
    expect(await page.locator("table").first().locator("tbody tr").count()).toBe(9);
    await expectAccessible(page);
    await page.context().close();
  });

  it("lets the coordinator record a notice: exit date, status and the following years' split change", async () => {
    if (!expectedExit.ok) throw new Error("fixture");
    const { page, errors } = await app.page("demo-samordnare");
    await page.goto("/avtal");
    await page.getByRole("link", { name: "Bergs kommun" }).click();
    await expectAccessible(page);
    // A notice dated before the agreement began is refused, with the date kept.
    await page.getByLabel("Uppsägningen mottagen").fill("2022-06-01");
    await page.getByRole("button", { name: "Registrera uppsägning" }).click();
    await waitForText(page.locator("#f-receivedOn-error"), "före avtalets början");
    expect(await page.getByLabel("Uppsägningen mottagen").inputValue()).toBe("2022-06-01");
    await page.getByLabel("Uppsägningen mottagen").fill(today);
    await page.getByRole("button", { name: "Registrera uppsägning" }).click();
    await waitForText(page.locator(".badge"), `Uppsagd – utträde den ${expectedExit.exitDate}`);
    await expectAccessible(page);

    const nextYear = Number(expectedExit.exitDate.slice(0, 4)) + 1;
    await page.goto(`/avtal/kostnader?ar=${nextYear}`);
    await waitForText(page.locator(".notice"), "Bergs kommun");
    expect(await page.locator("tbody").innerText()).not.toContain("Bergs kommun");
    await page.goto("/parter");
    await waitForText(page.locator("tbody"), `Uppsagd – utträde den ${expectedExit.exitDate}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("refuses negative populations and percentages that do not make 100, keeping the input", async () => {
    const { page } = await app.page("demo-samordnare");
    await page.goto("/avtal/folkmangd?ar=2031");
    await page.getByLabel("Bergs kommun").fill("-40");
    await page.getByLabel("Bräcke kommun").fill("6 100");
    await page.getByRole("button", { name: "Spara folkmängd" }).click();
    await waitForText(page.locator(`.field-error`), "Folkmängden kan inte vara negativ.");
    expect(await page.getByLabel("Bräcke kommun").inputValue()).toBe("6 100");
    await expectAccessible(page);

    await page.goto("/avtal/versioner/ny");
    await page.getByLabel("Kommunernas andel (%)").fill("50");
    await page.getByLabel("Första avtalsperiod till och med").fill("2022-12-31");
    await page.getByRole("button", { name: "Spara versionen" }).click();
    await waitForText(page.locator("#f-municipalPercent-error"), "100 %");
    await waitForText(page.locator("#f-firstTermEnd-error"), "kan inte sluta innan den börjar");
    expect(await page.getByLabel("Kommunernas andel (%)").inputValue()).toBe("50");
    await expectAccessible(page);
    await page.context().close();
  });

  it("shows a party's representative what the organisation pays this year, and the what-if", async () => {
    const { page } = await app.page("demo-ifochef");
    await page.goto("/");
    await waitForText(page.locator("#avtalet ~ p"), "Östersunds kommun betalar");
    await page.goto("/avtal/tank-om");
    await page.getByLabel("Part", { exact: true }).selectOption({ label: "Åre kommun" });
    await page.getByRole("button", { name: "Räkna" }).click();
    await waitForText(page.locator(".notice"), "Om Åre kommun lämnar in en skriftlig uppsägning idag");
    await expectAccessible(page);
    await page.context().close();
  });
});

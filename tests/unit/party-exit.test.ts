import { describe, expect, it } from "vitest";
import type { AgreementTerms } from "~/domain/agreement-terms";
import { paymentRoute, staffingSide, staffText, type Principal } from "~/domain/agreement-principals";
import { exitScenario } from "~/domain/party-exit";

const miniMaria: AgreementTerms = {
  firstTermStart: "2023-01-01",
  firstTermEnd: "2023-12-31",
  noticeMonths: 12,
  renewalMonths: 12,
};

describe("a principal's exit", () => {
  it("ends the collaboration at the exit date and says winding up is negotiated separately", () => {
    const s = exitScenario(
      miniMaria,
      { name: "Region Jämtland Härjedalen", isPrincipal: true, staff: "2,0 sjuksköterska" },
      "2026-11-23",
    );
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.endsCollaboration).toBe(true);
    expect(s.exitDate).toBe("2027-12-31");
    expect(s.firstAffectedYear).toBe(2028);
    expect(s.consequences[0]).toContain("samverkan upphör den 2027-12-31");
    expect(s.consequences.join(" ")).toContain("förhandlas i särskild ordning");
    expect(s.assumptions).toEqual([]);
  });
});

describe("a municipality's exit", () => {
  it("recomputes the others from the first budget year after the exit and states the assumptions", () => {
    const s = exitScenario(miniMaria, { name: "Bergs kommun", isPrincipal: false, staff: "" }, "2027-01-01");
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.endsCollaboration).toBe(false);
    // A day after the 2026-12-31 deadline: the exit moves a whole term.
    expect(s.exitDate).toBe("2028-12-31");
    expect(s.firstAffectedYear).toBe(2029);
    expect(s.assumptions.join(" ")).toContain("totala budgeten är densamma");
  });
  it("works for a chosen future notice date and warns when the deadline is nyårsafton", () => {
    const s = exitScenario(miniMaria, { name: "Åre kommun", isPrincipal: false, staff: "" }, "2030-06-15");
    expect(s).toMatchObject({ ok: true, exitDate: "2031-12-31", noticeDeadline: "2030-12-31" });
    if (s.ok) expect(s.deadlineWarning).toContain("nyårsafton");
  });
  it("refuses a notice before the agreement began", () => {
    expect(exitScenario(miniMaria, { name: "Berg", isPrincipal: false, staff: "" }, "2022-12-31")).toMatchObject({
      ok: false,
    });
  });
});

describe("principals and invoicing", () => {
  const principals: Principal[] = [
    { key: "region", name: "Region Jämtland Härjedalen", side: "region", invoicesOthers: false },
    { key: "ostersund", name: "Östersunds kommun", side: "kommunerna", invoicesOthers: true },
  ];
  it("lets the region carry its own costs and Östersund invoice the other municipalities", () => {
    expect(paymentRoute({ key: "region", kind: "region" }, principals)).toMatchObject({
      role: "huvudman",
      invoicedBy: null,
    });
    expect(paymentRoute({ key: "ostersund", kind: "kommun" }, principals).text).toContain("fakturerar");
    expect(paymentRoute({ key: "krokom", kind: "kommun" }, principals)).toEqual({
      role: "part",
      invoicedBy: "Östersunds kommun",
      text: "Faktureras av Östersunds kommun.",
    });
  });
  it("says so when no principal invoices", () => {
    expect(paymentRoute({ key: "krokom", kind: "kommun" }, []).invoicedBy).toBeNull();
  });
  it("knows which side pays which staff", () => {
    expect(staffingSide("Regionen")).toBe("region");
    expect(staffingSide("Kommunerna")).toBe("kommunerna");
    expect(staffingSide("Staten")).toBeNull();
    const staffing = [
      { principal: "Kommunerna", profession: "Socionom", fte: 3 },
      { principal: "Kommunerna", profession: "Enhetschef", fte: 0.2 },
      { principal: "Regionen", profession: "Sjuksköterska", fte: 2 },
    ];
    expect(staffText(staffing, "kommunerna")).toBe("3,0 socionom, 0,2 enhetschef");
    expect(staffText(staffing, "region")).toBe("2,0 sjuksköterska");
  });
});

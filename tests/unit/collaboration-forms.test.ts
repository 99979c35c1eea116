import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { isMunicipalityCode, isSlug } from "~/domain/collaboration";
import { addPartySchema, bodySchema, collaborationSchema, organisationSchema } from "~/forms/collaboration";
import { errorsOf, formData as form } from "../support/forms";

describe("slugs and municipality codes", () => {
  it.each([
    ["mini-maria-jh", true],
    ["ab", true],
    ["a", false],
    ["Mini-Maria", false],
    ["mini--maria", false],
    ["-mini", false],
    ["mini-", false],
    ["jämtland", false],
    ["x".repeat(61), false],
  ])("slug %s → %s", (value, expected) => expect(isSlug(value)).toBe(expected));
  it.each([
    ["2380", true],
    ["23", true],
    ["238", false],
    ["23800", false],
    ["23a0", false],
    ["", false],
  ])("code %s → %s", (value, expected) => expect(isMunicipalityCode(value)).toBe(expected));
});

describe("collaboration form", () => {
  it("lower-cases the slug and refuses one with other characters", () => {
    const ok = parseWithZod(form({ name: "Spelberoende JH", slug: "Spel-JH" }), { schema: collaborationSchema });
    expect(ok.status === "success" && ok.value.slug).toBe("spel-jh");
    const bad = parseWithZod(form({ name: "X", slug: "spel jh" }), { schema: collaborationSchema });
    expect(errorsOf(bad).slug?.[0]).toContain("små bokstäver");
  });
  it("refuses a personal identity number in the description", () => {
    const bad = parseWithZod(form({ name: "X", slug: "xx", description: "Gäller 19811218-9876" }), {
      schema: collaborationSchema,
    });
    expect(errorsOf(bad).description?.[0]).toMatch(/personnummer/i);
  });
});

describe("organisation and party forms", () => {
  it("takes an empty municipality code as none and refuses three digits", () => {
    const none = parseWithZod(form({ name: "Förbundet", kind: "annan", municipalityCode: "" }), {
      schema: organisationSchema,
    });
    expect(none.status === "success" && none.value.municipalityCode).toBe(null);
    const bad = parseWithZod(form({ name: "Berg", kind: "kommun", municipalityCode: "232" }), {
      schema: organisationSchema,
    });
    expect(errorsOf(bad).municipalityCode?.[0]).toContain("fyra siffror");
    const kind = parseWithZod(form({ name: "Berg", kind: "__proto__" }), { schema: organisationSchema });
    expect(errorsOf(kind).kind?.[0]).toBe("Välj typ av organisation.");
  });
  it("refuses a registrar address that is not an e-mail address and an unknown role", () => {
    const bad = parseWithZod(form({ organisationId: "1", role: "chef", registrarEmail: "registrator" }), {
      schema: addPartySchema,
    });
    expect(errorsOf(bad).registrarEmail?.[0]).toContain("e-postadress");
    expect(errorsOf(bad).role?.[0]).toContain("huvudman");
  });
});

describe("body form", () => {
  const base = {
    name: "SVOM",
    shortName: "SVOM",
    slug: "svom",
    kind: "Politisk ledningsgrupp",
    proposalDeadlineDays: "14",
  };
  it("needs at least one collaboration and takes several", () => {
    const none = parseWithZod(form(base), { schema: bodySchema });
    expect(errorsOf(none).collaborationIds?.[0]).toBe("Välj minst en samverkan som organet arbetar för.");
    const two = parseWithZod(form({ ...base, collaborationIds: ["1", "2"] }), { schema: bodySchema });
    expect(two.status === "success" && two.value.collaborationIds).toEqual([1, 2]);
    const one = parseWithZod(form({ ...base, collaborationIds: "2" }), { schema: bodySchema });
    expect(one.status === "success" && one.value.collaborationIds).toEqual([2]);
  });
  it("refuses a proposal deadline outside 0–365 days", () => {
    const bad = parseWithZod(form({ ...base, collaborationIds: "1", proposalDeadlineDays: "400" }), {
      schema: bodySchema,
    });
    expect(errorsOf(bad).proposalDeadlineDays?.[0]).toContain("365");
  });
  it("records whether the body's decisions can be appealed (unticked: they cannot)", () => {
    const ticked = parseWithZod(form({ ...base, collaborationIds: "1", appealable: "on" }), { schema: bodySchema });
    expect(ticked.status === "success" && ticked.value.appealable).toBe(true);
    const unticked = parseWithZod(form({ ...base, collaborationIds: "1" }), { schema: bodySchema });
    expect(unticked.status === "success" && unticked.value.appealable).toBe(false);
  });
});

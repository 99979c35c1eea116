import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  checkbox,
  id,
  isoDate,
  oneOf,
  optionalIsoDate,
  optionalText,
  requiredText,
  swedishErrors,
  wholeNumber,
} from "~/forms/fields";
import { newDecisionSchema } from "~/forms/decision";
import { parseForm } from "~/utils/forms.server";
import { formData as form } from "../support/forms";

function parse<S extends z.ZodTypeAny>(schema: S, entries: Record<string, string>) {
  return parseWithZod(form(entries), { schema });
}

describe("form field builders", () => {
  it("requires text and trims it", () => {
    const schema = z.object({ title: requiredText("Ange en rubrik.") });
    expect(parse(schema, { title: "   " }).reply().error).toEqual({ title: ["Ange en rubrik."] });
    expect(parse(schema, {}).reply().error).toEqual({ title: ["Ange en rubrik."] });
    const ok = parse(schema, { title: "  Budget 2027 " });
    expect(ok.status === "success" && ok.value.title).toBe("Budget 2027");
  });

  it("limits the length with a Swedish message", () => {
    const schema = z.object({ t: requiredText("x", 5), o: optionalText(3) });
    expect(parse(schema, { t: "123456", o: "abcd" }).reply().error).toEqual({
      t: ["Högst 5 tecken."],
      o: ["Högst 3 tecken."],
    });
    const ok = parse(schema, { t: "abc" });
    expect(ok.status === "success" && ok.value.o).toBe("");
  });

  it("accepts real calendar dates only", () => {
    const schema = z.object({ d: isoDate(), o: optionalIsoDate() });
    for (const bad of ["2026-02-30", "2026-13-01", "31/12/2026", "2026-1-1", "20261231"])
      expect(parse(schema, { d: bad }).status, bad).toBe("error");
    expect(parse(schema, { d: "2028-02-29" }).status).toBe("success");
    expect(parse(schema, { d: "2027-02-29" }).status).toBe("error");
    const ok = parse(schema, { d: "2026-12-31" });
    expect(ok.status === "success" && ok.value.o).toBeNull();
  });

  it("reads whole numbers with spaces as separators and refuses everything else", () => {
    const schema = z.object({ n: wholeNumber("Skriv ett heltal.", { min: 0, max: 1e12 }) });
    const ok = parse(schema, { n: "5 720 000" });
    expect(ok.status === "success" && ok.value.n).toBe(5_720_000);
    for (const bad of ["1e20", "12.5", "9".repeat(400), "abc", "-1", "Infinity", "0x10"])
      expect(parse(schema, { n: bad }).reply().error, bad).toEqual({ n: ["Skriv ett heltal."] });
  });

  it("refuses ids that are not positive whole numbers", () => {
    const schema = z.object({ bodyId: id("Välj organ.") });
    for (const bad of ["0", "-3", "1.5", "__proto__", ""])
      expect(parse(schema, { bodyId: bad }).status, bad).toBe("error");
  });

  it("refuses values outside an enumeration, including prototype keys", () => {
    const schema = z.object({ kind: oneOf(["a", "b"] as const, "Välj typ.") });
    for (const bad of ["__proto__", "constructor", "toString", "c"])
      expect(parse(schema, { kind: bad }).reply().error, bad).toEqual({ kind: ["Välj typ."] });
  });

  it("reads a checkbox as present or absent", () => {
    const schema = z.object({ c: checkbox() });
    const on = parse(schema, { c: "on" });
    const off = parse(schema, {});
    expect(on.status === "success" && on.value.c).toBe(true);
    expect(off.status === "success" && off.value.c).toBe(false);
  });
});

describe("the decision form", () => {
  it("returns every message at once and keeps what was typed", () => {
    const submission = parse(newDecisionSchema, { title: "Budget", decidedOn: "2026-02-30", paragraph: "1e20" });
    const reply = submission.reply();
    expect(Object.keys(reply.error ?? {}).sort()).toEqual(["bodyId", "decidedOn", "kind", "paragraph", "text"]);
    expect(reply.initialValue).toMatchObject({ title: "Budget", decidedOn: "2026-02-30", paragraph: "1e20" });
  });

  it("gives typed values on success", () => {
    const submission = parse(newDecisionSchema, {
      bodyId: "3",
      decidedOn: "2026-11-23",
      paragraph: "12",
      title: "Budget 2027",
      text: "SVOM beslutar att …",
      kind: "beslut",
      isPublic: "on",
    });
    expect(submission.status).toBe("success");
    if (submission.status === "success")
      expect(submission.value).toEqual({
        bodyId: 3,
        decidedOn: "2026-11-23",
        paragraph: 12,
        title: "Budget 2027",
        text: "SVOM beslutar att …",
        kind: "beslut",
        matterId: null,
        isPublic: true,
      });
  });
});

describe("hostile input at the field (class 9)", () => {
  it("refuses control characters in every text, keeping line breaks and tabs", () => {
    const schema = z.object({ t: requiredText("Ange en rubrik."), o: optionalText(100_000) });
    for (const bad of ["a\u0000b", "ring\u0007", "esc\u001b[31m", "del\u007f", "c1\u0085", "bs\u0008"])
      expect(parse(schema, { t: bad, o: bad }).reply().error, JSON.stringify(bad)).toEqual({
        t: ["Texten innehåller styrtecken som inte kan sparas. Skriv om texten utan dem."],
        o: ["Texten innehåller styrtecken som inte kan sparas. Skriv om texten utan dem."],
      });
    const ok = parse(schema, { t: "Rad ett", o: "Rad ett\r\nRad två\tmed tabb" });
    expect(ok.status).toBe("success");
  });

  it("answers a field sent twice, a missing field and an unknown intent in Swedish (parseForm)", () => {
    const schema = z.discriminatedUnion("intent", [
      z.object({ intent: z.literal("save"), title: requiredText("Ange en rubrik."), n: wholeNumber("Ange ett tal.") }),
      z.object({ intent: z.literal("delete"), version: wholeNumber("Versionen saknas.") }),
    ]);
    const twice = new FormData();
    twice.append("intent", "save");
    twice.append("title", "Ett");
    twice.append("title", "Två");
    twice.append("n", "1");
    twice.append("n", "2");
    const messages = (data: FormData) => JSON.stringify(parseForm(data, schema).reply().error);
    expect(messages(twice)).not.toMatch(/Expected|received|Required|Invalid/);
    expect(parseForm(twice, schema).status).toBe("error");
    expect(messages(form({ intent: "__proto__", title: "x" }))).toContain("Okänd åtgärd");
    expect(messages(form({ title: "x" }))).toContain("Okänd åtgärd");
  });
});

describe("the Swedish error map and the builders' own words", () => {
  it("keeps a required text's own message when the field is empty or missing, and words zod's English", () => {
    const schema = z.object({ reason: requiredText("Skriv varför förslaget avslås.") });
    const missing = parseWithZod(new FormData(), { schema, errorMap: swedishErrors });
    expect(missing.status === "error" && missing.error?.reason).toEqual(["Skriv varför förslaget avslås."]);
    const form = new FormData();
    form.append("reason", "");
    const empty = parseWithZod(form, { schema, errorMap: swedishErrors });
    expect(empty.status === "error" && empty.error?.reason).toEqual(["Skriv varför förslaget avslås."]);
    const plain = z.object({ n: z.number() }).safeParse({ n: "x" }, { errorMap: swedishErrors });
    expect(plain.success ? null : plain.error.issues[0].message).toBe(
      "Värdet har fel form. Ladda om sidan och försök igen.",
    );
  });
});

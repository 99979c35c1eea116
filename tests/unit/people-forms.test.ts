import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { ownAccountSchema, personAccountSchema, signInSchema } from "~/forms/account";
import { editMembershipSchema, endTermSchema, newMembershipSchema, personSchema } from "~/forms/people";
import { errorsOf, formData as form } from "../support/forms";

const seat = { personId: "3", organisationId: "2", role: "ledamot", startDate: "2026-01-01", endDate: "", note: "" };

describe("membership form", () => {
  it("accepts a valid open-ended seat", () => {
    const r = parseWithZod(form(seat), { schema: newMembershipSchema });
    expect(r.status === "success" && r.value).toEqual({
      personId: 3,
      organisationId: 2,
      role: "ledamot",
      startDate: "2026-01-01",
      endDate: null,
      note: "",
    });
  });

  it("refuses an end date before the start date, at the end date", () => {
    const r = parseWithZod(form({ ...seat, endDate: "2025-12-31" }), { schema: newMembershipSchema });
    expect(errorsOf(r)).toEqual({ endDate: ["Slutdatum kan inte vara före startdatum."] });
  });

  it("accepts a one-day mandate (end equals start)", () => {
    expect(parseWithZod(form({ ...seat, endDate: "2026-01-01" }), { schema: newMembershipSchema }).status).toBe(
      "success",
    );
  });

  it("reports every bad field at once, in Swedish", () => {
    const r = parseWithZod(
      form({
        personId: "",
        organisationId: "x",
        role: "kung",
        startDate: "2026-02-30",
        endDate: "i morgon",
        note: "a".repeat(1001),
      }),
      { schema: newMembershipSchema },
    );
    const errors = errorsOf(r);
    expect(Object.keys(errors).sort()).toEqual(["endDate", "note", "organisationId", "personId", "role", "startDate"]);
    expect(errors.startDate?.[0]).toMatch(/ÅÅÅÅ-MM-DD/);
    expect(errors.personId?.[0]).toBe("Välj en person.");
  });

  it("allows a seat without a represented party", () => {
    const r = parseWithZod(form({ ...seat, organisationId: "" }), { schema: newMembershipSchema });
    expect(r.status === "success" && r.value.organisationId).toBe(null);
  });

  it("refuses a personal identity number in the note", () => {
    const r = parseWithZod(form({ ...seat, note: "Ersätter 19811218-9876" }), { schema: newMembershipSchema });
    expect(errorsOf(r).note?.[0]).toMatch(/personnummer/i);
  });

  it("tells saving from ending by intent, and checks the end date only when saving", () => {
    const save = parseWithZod(form({ ...seat, intent: "save", version: "4", endDate: "2025-01-01" }), {
      schema: editMembershipSchema,
    });
    expect(errorsOf(save).endDate?.[0]).toBe("Slutdatum kan inte vara före startdatum.");
    const end = parseWithZod(form({ intent: "end", version: "4", lastDay: "2026-06-30" }), {
      schema: editMembershipSchema,
    });
    expect(end.status === "success" && end.value).toEqual({ intent: "end", version: 4, lastDay: "2026-06-30" });
    const badEnd = parseWithZod(form({ intent: "end", version: "4", lastDay: "30 juni" }), {
      schema: editMembershipSchema,
    });
    expect(errorsOf(badEnd).lastDay?.[0]).toMatch(/ÅÅÅÅ-MM-DD/);
  });
});

describe("person form", () => {
  it("lower-cases the e-mail and takes empty fields as none", () => {
    const r = parseWithZod(form({ name: " Anna Berg ", email: "Anna.Berg@Kommun.SE" }), { schema: personSchema });
    expect(r.status === "success" && r.value).toEqual({
      name: "Anna Berg",
      title: "",
      email: "anna.berg@kommun.se",
      organisationId: null,
    });
  });

  it("refuses a missing name, a bad e-mail, a long title and a made-up organisation", () => {
    const r = parseWithZod(form({ email: "anna@", title: "t".repeat(161), organisationId: "-1" }), {
      schema: personSchema,
    });
    expect(errorsOf(r)).toEqual({
      name: ["Ange personens namn."],
      email: ["Ange en giltig e-postadress, till exempel namn@kommun.se."],
      title: ["Högst 160 tecken."],
      organisationId: ["Välj en organisation i listan."],
    });
  });
});

describe("account forms", () => {
  it("signs in with a lower-cased address and an untrimmed password", () => {
    const r = parseWithZod(form({ email: " Sara@Demo.Example ", password: " hemligt " }), { schema: signInSchema });
    expect(r.status === "success" && r.value).toEqual({ email: "sara@demo.example", password: " hemligt " });
  });

  it("asks for the address and the password in Swedish", () => {
    expect(errorsOf(parseWithZod(form({}), { schema: signInSchema }))).toEqual({
      email: ["Ange din e-postadress."],
      password: ["Ange ditt lösenord."],
    });
  });

  it("wants a new password of 12 to 200 characters, typed twice alike", () => {
    const short = parseWithZod(form({ intent: "password", current: "x", next: "kort", confirm: "kort" }), {
      schema: ownAccountSchema,
    });
    expect(errorsOf(short).next?.[0]).toMatch(/minst 12/);
    const long = parseWithZod(
      form({ intent: "password", current: "x", next: "a".repeat(201), confirm: "a".repeat(201) }),
      { schema: ownAccountSchema },
    );
    expect(errorsOf(long).next?.[0]).toMatch(/högst 200/);
    const unlike = parseWithZod(
      form({ intent: "password", current: "x", next: "tillräckligt-långt", confirm: "tillräckligt-lång" }),
      { schema: ownAccountSchema },
    );
    expect(errorsOf(unlike)).toEqual({ confirm: ["Lösenorden är inte lika. Skriv samma nya lösenord två gånger."] });
    const calendar = parseWithZod(form({ intent: "calendar-rotate" }), { schema: ownAccountSchema });
    expect(calendar.status === "success" && calendar.value).toEqual({ intent: "calendar-rotate" });
  });

  it("creates an account only with a known role and a valid address", () => {
    const r = parseWithZod(
      form({ intent: "create", email: "x@y", role: "superuser", password: "ett-långt-lösenord" }),
      {
        schema: personAccountSchema,
      },
    );
    expect(Object.keys(errorsOf(r)).sort()).toEqual(["email", "role"]);
    const ok = parseWithZod(form({ intent: "role", was: "member", role: "reader" }), { schema: personAccountSchema });
    expect(ok.status === "success" && ok.value).toEqual({ intent: "role", was: "member", role: "reader" });
    // A role change names the role the page showed.
    const blind = parseWithZod(form({ intent: "role", role: "reader" }), { schema: personAccountSchema });
    expect(Object.keys(errorsOf(blind))).toEqual(["was"]);
  });
});

describe("end-of-term form", () => {
  const rows = {
    lastDay: "2026-12-31",
    listedFor: "2026-12-31",
    "seats[0].membershipId": "7",
    "seats[0].version": "3",
    "seats[0].end": "on",
    "seats[1].membershipId": "9",
    "seats[1].version": "1",
  };

  it("reads each listed seat with its version, checked or not", () => {
    const r = parseWithZod(form(rows), { schema: endTermSchema });
    expect(r.status === "success" && r.value).toEqual({
      lastDay: "2026-12-31",
      listedFor: "2026-12-31",
      // No page posted: the list's first.
      page: 1,
      seats: [
        { membershipId: 7, version: 3, end: true },
        { membershipId: 9, version: 1, end: false },
      ],
    });
  });

  it("reads the page of the list shown, and refuses one that is no page", () => {
    const r = parseWithZod(form({ ...rows, page: "2" }), { schema: endTermSchema });
    expect(r.status === "success" && r.value.page).toBe(2);
    for (const page of ["0", "-1", "x", "1.5"])
      expect(Object.keys(errorsOf(parseWithZod(form({ ...rows, page }), { schema: endTermSchema })))).toEqual(["page"]);
  });

  it("refuses a list with no seat checked, at the list", () => {
    const { "seats[0].end": _checked, ...none } = rows;
    expect(errorsOf(parseWithZod(form(none), { schema: endTermSchema }))).toEqual({
      seats: ["Välj minst ett uppdrag att avsluta."],
    });
    const { lastDay, listedFor } = rows;
    expect(errorsOf(parseWithZod(form({ lastDay, listedFor }), { schema: endTermSchema }))).toEqual({
      seats: ["Välj minst ett uppdrag att avsluta."],
    });
  });

  it("refuses an impossible day, and a row without its version", () => {
    const r = parseWithZod(form({ ...rows, lastDay: "2026-02-30", "seats[0].version": "" }), { schema: endTermSchema });
    expect(Object.keys(errorsOf(r)).sort()).toEqual(["lastDay", "seats[0].version"]);
  });
});

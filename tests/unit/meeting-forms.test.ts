import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import {
  agendaItemSchema,
  editItemSchema,
  editMeetingSchema,
  meetingActionSchema,
  newMeetingSchema,
  proposalSchema,
} from "~/forms/meeting";
import { errorsOf, formData as form } from "../support/forms";

const meeting = { bodyId: "2", date: "2027-02-12", startTime: "09:00", endTime: "12:00", place: "Östersund" };

describe("the new-meeting form", () => {
  it("accepts a valid meeting and trims the place", () => {
    const s = parseWithZod(form({ ...meeting, place: "  Östersund " }), { schema: newMeetingSchema });
    expect(s.status).toBe("success");
    if (s.status === "success") expect(s.value).toEqual({ ...meeting, bodyId: 2, place: "Östersund", videoUrl: "" });
  });
  it("refuses an end before the start at the end time", () => {
    const s = parseWithZod(form({ ...meeting, endTime: "08:30" }), { schema: newMeetingSchema });
    expect(errorsOf(s).endTime).toEqual(["Mötet kan inte sluta innan det börjar."]);
  });
  it("refuses impossible dates and times, each at its field", () => {
    const s = parseWithZod(form({ ...meeting, date: "2027-02-29", startTime: "24:00", endTime: "9:5" }), {
      schema: newMeetingSchema,
    });
    expect(Object.keys(errorsOf(s)).sort()).toEqual(["date", "endTime", "startTime"]);
  });
  it("needs a place or an https video link", () => {
    expect(errorsOf(parseWithZod(form({ ...meeting, place: "" }), { schema: newMeetingSchema })).place).toBeDefined();
    expect(
      parseWithZod(form({ ...meeting, place: "", videoUrl: "https://meet.example/x" }), { schema: newMeetingSchema })
        .status,
    ).toBe("success");
    expect(
      errorsOf(parseWithZod(form({ ...meeting, videoUrl: "javascript:alert(1)" }), { schema: newMeetingSchema }))
        .videoUrl,
    ).toEqual(["Videolänken måste börja med https://."]);
  });
  it("refuses a body that is not an id", () => {
    expect(
      errorsOf(parseWithZod(form({ ...meeting, bodyId: "__proto__" }), { schema: newMeetingSchema })).bodyId,
    ).toBeDefined();
  });
  it("needs the version when a meeting is moved", () => {
    const { bodyId: _b, ...time } = meeting;
    expect(errorsOf(parseWithZod(form(time), { schema: editMeetingSchema })).version).toBeDefined();
    expect(parseWithZod(form({ ...time, version: "3" }), { schema: editMeetingSchema }).status).toBe("success");
  });
});

describe("the agenda item form", () => {
  const item = { title: "Budget 2027", kind: "beslut", minutesEstimate: "20" };
  it("reads the estimate as minutes and clears a reason on an open item", () => {
    const s = parseWithZod(form({ ...item, confidentialReason: "OSL 26:1" }), { schema: agendaItemSchema });
    expect(s.status).toBe("success");
    if (s.status === "success")
      expect(s.value).toMatchObject({
        minutesEstimate: 20,
        confidential: false,
        confidentialReason: "",
        matterId: null,
      });
  });
  it("requires a reason for confidentiality", () => {
    const s = parseWithZod(form({ ...item, confidential: "on" }), { schema: agendaItemSchema });
    expect(errorsOf(s).confidentialReason).toBeDefined();
  });
  it("refuses an empty title, an unknown kind and a negative estimate", () => {
    const s = parseWithZod(form({ title: " ", kind: "fest", minutesEstimate: "-3" }), { schema: agendaItemSchema });
    expect(Object.keys(errorsOf(s)).sort()).toEqual(["kind", "minutesEstimate", "title"]);
  });
  it("refuses a personal identity number in the text", () => {
    const s = parseWithZod(form({ ...item, description: "Gäller 19121212-1212" }), { schema: agendaItemSchema });
    expect(errorsOf(s).description?.[0]).toMatch(/personnummer/);
  });
  it("tells saving from removing when an item is edited", () => {
    expect(parseWithZod(form({ intent: "remove" }), { schema: editItemSchema }).status).toBe("success");
    expect(errorsOf(parseWithZod(form({ intent: "save", ...item }), { schema: editItemSchema })).version).toBeDefined();
    const reasonless = parseWithZod(form({ intent: "save", version: "1", ...item, confidential: "on" }), {
      schema: editItemSchema,
    });
    expect(errorsOf(reasonless).confidentialReason).toBeDefined();
  });
  it("takes only a title, kind, description and proposed decision from a member's proposal", () => {
    const s = parseWithZod(form({ title: "Rutin", kind: "beslut", presenter: "X" }), { schema: proposalSchema });
    expect(s.status).toBe("success");
    if (s.status === "success")
      expect(s.value).toEqual({ title: "Rutin", kind: "beslut", description: "", proposedDecision: "" });
  });
});

describe("the meeting page's actions", () => {
  it("moves an item only up or down", () => {
    expect(
      parseWithZod(form({ intent: "move", itemId: "4", direction: "up" }), { schema: meetingActionSchema }).status,
    ).toBe("success");
    expect(
      errorsOf(
        parseWithZod(form({ intent: "move", itemId: "4", direction: "sideways" }), { schema: meetingActionSchema }),
      ).direction,
    ).toBeDefined();
  });
  it("declines a proposal only with a reason", () => {
    const s = parseWithZod(form({ intent: "decline", proposalId: "7", reason: " " }), { schema: meetingActionSchema });
    expect(errorsOf(s).reason).toEqual(["Skriv varför förslaget avslås; förslagsställaren ser skälet."]);
  });
  it("refuses an unknown intent", () => {
    expect(parseWithZod(form({ intent: "delete-everything" }), { schema: meetingActionSchema }).status).toBe("error");
  });
});

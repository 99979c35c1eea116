import { describe, expect, it } from "vitest";
import { IMMEDIATELY_APPROVED_MESSAGE, MINUTES_LOCKED_MESSAGE } from "~/domain/meetings";
import { PARAGRAPH_LOCKED_MESSAGE } from "~/domain/minutes-paragraph";
import { correctionProblem, minutesStepRefusal, paragraphStepRefusal, type MinutesStep } from "~/domain/minutes-steps";

const DRAFT_STEPS: MinutesStep[] = ["save", "record-paragraph", "send-for-signing", "sign"];
const APPROVED_STEPS: MinutesStep[] = ["correct", "post"];
const draft = { status: "utkast" };
const approved = { status: "justerat" };

describe("minutesStepRefusal", () => {
  it.each(DRAFT_STEPS)("allows %s while the minutes are a draft", (step) => {
    expect(minutesStepRefusal(step, draft)).toBeNull();
  });

  it.each(DRAFT_STEPS)("refuses %s before the minutes are started", (step) => {
    for (const none of [null, undefined])
      expect(minutesStepRefusal(step, none)).toEqual({
        state: "not-started",
        message: "Protokollet är inte påbörjat.",
      });
  });

  it.each([
    ["save", MINUTES_LOCKED_MESSAGE],
    ["record-paragraph", PARAGRAPH_LOCKED_MESSAGE],
    ["send-for-signing", "Protokollet är redan justerat."],
    ["sign", "Protokollet är redan justerat."],
  ] as const)("refuses %s once the minutes are approved, saying what to do instead", (step, message) => {
    expect(minutesStepRefusal(step, approved)).toEqual({ state: "approved", message });
  });

  it.each(APPROVED_STEPS)("allows %s once the minutes are approved", (step) => {
    expect(minutesStepRefusal(step, approved)).toBeNull();
  });

  it.each([
    ["correct", "Rättelser görs bara i justerade protokoll; ändra utkastet direkt."],
    ["post", "Protokollet anslås först när det är justerat."],
  ] as const)("refuses %s of a draft and of minutes not started", (step, message) => {
    expect(minutesStepRefusal(step, draft)).toEqual({ state: "draft", message });
    expect(minutesStepRefusal(step, null)).toEqual({ state: "not-started", message });
  });

  it("reads only approval (justerat) as approved: any other status is a draft", () => {
    for (const status of ["utkast", "för justering", "", "Justerat"]) {
      expect(minutesStepRefusal("sign", { status })).toBeNull();
      expect(minutesStepRefusal("correct", { status })?.state).toBe("draft");
    }
  });

  it("allows every step in exactly one state", () => {
    for (const step of [...DRAFT_STEPS, ...APPROVED_STEPS]) {
      const allowed = [null, draft, approved].filter((m) => minutesStepRefusal(step, m) === null);
      expect(allowed, step).toEqual([DRAFT_STEPS.includes(step) ? draft : approved]);
    }
  });
});

describe("correctionProblem (one correction at a time)", () => {
  const pending = { id: 7, pending: true };

  it("allows a correction of approved minutes when none waits", () => {
    expect(correctionProblem(approved, null)).toBeNull();
    expect(correctionProblem(approved, undefined)).toBeNull();
  });

  it("refuses a second correction while one waits for the signers", () => {
    expect(correctionProblem(approved, pending)).toBe(
      "En rättelse väntar redan på justering. Den måste justeras innan nästa görs.",
    );
  });

  it("refuses a correction of a draft or of minutes not started, pending or not", () => {
    const message = "Rättelser görs bara i justerade protokoll; ändra utkastet direkt.";
    for (const minutes of [draft, null])
      for (const waiting of [null, pending]) expect(correctionProblem(minutes, waiting)).toBe(message);
  });
});

describe("paragraphStepRefusal", () => {
  const immediate = { approvedImmediately: true };
  const open = { approvedImmediately: false };

  it("allows a § of draft minutes that was not approved at the meeting", () => {
    for (const decision of [open, null, undefined]) expect(paragraphStepRefusal(draft, decision)).toBeNull();
  });

  it("refuses a § approved at the meeting, though the minutes are a draft", () => {
    expect(paragraphStepRefusal(draft, immediate)).toEqual({
      state: "approved",
      message: IMMEDIATELY_APPROVED_MESSAGE,
    });
  });

  it("answers as the minutes do when they are approved or not started", () => {
    for (const decision of [open, immediate]) {
      expect(paragraphStepRefusal(approved, decision)).toEqual(minutesStepRefusal("record-paragraph", approved));
      expect(paragraphStepRefusal(null, decision)).toEqual(minutesStepRefusal("record-paragraph", null));
    }
  });
});

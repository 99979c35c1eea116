/**
 * Absence and substitutes (förhinder och tjänstgörande ersättare), pure: who may answer what
 * for a meeting, who is expected, and what the answers mean for the attendance list.
 */

/** "förhinder": a called member cannot come. "tjänstgör": a deputy confirms they serve. */
export const MEETING_ANSWERS = ["förhinder", "tjänstgör"] as const;
export type MeetingAnswer = (typeof MEETING_ANSWERS)[number];

/** Roles that hold a seat and can be replaced by a deputy. */
const SEAT_ROLES = new Set(["ordförande", "vice ordförande", "ledamot"]);
/** Roles called to the meeting (the secretary calls them; a co-opted person is called without a vote). */
const CALLED_ROLES = new Set(["ordförande", "vice ordförande", "ledamot", "ersättare", "adjungerad"]);

export interface CalledPerson {
  personId: number;
  name: string;
  role: string;
}

export interface Response {
  personId: number;
  answer: MeetingAnswer;
  forPersonId: number | null;
}

export function isCalled(role: string): boolean {
  return CALLED_ROLES.has(role);
}

export function isDeputy(role: string): boolean {
  return role === "ersättare";
}

/**
 * What `person` may answer for a meeting on `today`: nothing once the meeting day has passed
 * or when they are not called; a deputy may confirm that they serve, everyone called may
 * report förhinder. A deputy already serving for someone cannot serve twice.
 */
export function answersOpenTo(role: string | null, meetingDate: string, today: string): MeetingAnswer[] {
  if (!role || !isCalled(role) || today > meetingDate) return [];
  return isDeputy(role) ? ["förhinder", "tjänstgör"] : ["förhinder"];
}

/** Members with a seat who reported förhinder and have no deputy serving for them yet. */
export function seatsToFill(called: CalledPerson[], responses: Response[]): CalledPerson[] {
  const absent = new Set(responses.filter((r) => r.answer === "förhinder").map((r) => r.personId));
  const covered = new Set(responses.filter((r) => r.answer === "tjänstgör").map((r) => r.forPersonId));
  return called.filter((p) => SEAT_ROLES.has(p.role) && absent.has(p.personId) && !covered.has(p.personId));
}

/**
 * Checks a deputy's confirmation: the member named must hold a seat, have reported förhinder
 * and not already be covered by another deputy. Returns a Swedish message, or null when fine.
 */
export function substituteProblem(
  called: CalledPerson[],
  responses: Response[],
  deputyId: number,
  forPersonId: number,
): string | null {
  const deputy = called.find((p) => p.personId === deputyId);
  if (!deputy || !isDeputy(deputy.role)) return "Bara organets ersättare kan tjänstgöra.";
  if (!seatsToFill(called, responses).some((p) => p.personId === forPersonId))
    return "Välj en ledamot som har anmält förhinder och som ingen annan ersättare redan tjänstgör för.";
  return null;
}

export type Expected = "kommer" | "förhinder" | "tjänstgör" | "inget besked";

/** The secretary's view: each called person and what we know of their coming. */
export function whoIsComing(
  called: CalledPerson[],
  responses: Response[],
): (CalledPerson & { expected: Expected; forName: string | null })[] {
  const byPerson = new Map(responses.map((r) => [r.personId, r]));
  return called.map((p) => {
    const r = byPerson.get(p.personId);
    const forName = r?.forPersonId ? (called.find((c) => c.personId === r.forPersonId)?.name ?? null) : null;
    if (r?.answer === "förhinder") return { ...p, expected: "förhinder" as const, forName: null };
    if (r?.answer === "tjänstgör") return { ...p, expected: "tjänstgör" as const, forName };
    // A member is expected unless they say otherwise; a deputy only when they serve.
    return { ...p, expected: isDeputy(p.role) ? ("inget besked" as const) : ("kommer" as const), forName: null };
  });
}

/**
 * The attendance rows the answers pre-fill (the secretary can change them in the minutes):
 * a member with förhinder is absent; a serving deputy serves for the member they replace.
 */
export function prefilledAttendance(
  responses: Response[],
): { personId: number; status: "frånvarande" | "ersättare tjänstgör"; substituteForPersonId: number | null }[] {
  return responses.map((r) =>
    r.answer === "förhinder"
      ? { personId: r.personId, status: "frånvarande" as const, substituteForPersonId: null }
      : { personId: r.personId, status: "ersättare tjänstgör" as const, substituteForPersonId: r.forPersonId },
  );
}

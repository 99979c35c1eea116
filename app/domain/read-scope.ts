/**
 * The policy's read rules (app/domain/policy.ts) as facts a database query can test, so a
 * list filters by access in SQL and its count and pages are right: a list never fetches
 * everything to drop what the viewer may not see. The model layer turns a scope into SQL
 * (app/models/read-scope.server.ts); tests/integration/read-scope.test.ts checks, row by
 * row and actor by actor, that the SQL admits exactly what `can` admits.
 */
import { confidentialityAsPublished, type ItemSnapshot } from "./meetings";
import { can, type Actor, type SeatAhead } from "./policy";

export interface ReadScope {
  /** Reads everything (the coordinator, role admin). */
  everything: boolean;
  signedIn: boolean;
  /** The bodies the actor sits in today (any role): their members see all of the body's records. */
  bodyIds: number[];
  /** The bodies whose secretary the actor is (manage:meeting): they see each meeting's agenda as it stands. */
  managedBodyIds: number[];
  /** The collaborations the actor takes part in: what is open to "members" of each. */
  collaborationIds: number[];
  /** Seats not yet begun: the meetings each covers are open to the actor (policy.ts `calledAhead`). */
  seatsAhead: SeatAhead[];
  /** Meetings whose open minutes the actor signs (policy.ts `signsOpenMinutes`). */
  signsMinutesOf: number[];
}

export function readScopeOf(actor: Actor | null): ReadScope {
  return {
    everything: actor?.role === "admin",
    signedIn: actor !== null,
    bodyIds: actor ? [...actor.bodyRoles.keys()].sort((a, b) => a - b) : [],
    managedBodyIds: actor
      ? [...actor.bodyRoles].flatMap(([id, roles]) => (roles.has("sekreterare") ? [id] : [])).sort((a, b) => a - b)
      : [],
    collaborationIds: actor ? [...actor.collaborationIds].sort((a, b) => a - b) : [],
    seatsAhead: actor?.seatsAhead ? [...actor.seatsAhead] : [],
    signsMinutesOf: actor?.signsMinutesOf ? [...actor.signsMinutesOf].sort((a, b) => a - b) : [],
  };
}

/**
 * What a viewer sees of one meeting's record, by the same rules as its page: the body's
 * members (and the coordinator) see drafts, i.e. the agenda as it stands and minutes not yet
 * approved; only they read the texts and documents of a confidential item (sekretess).
 */
export interface MeetingSight {
  drafts: boolean;
  confidential: boolean;
}

export function meetingSightOf(
  actor: Actor | null,
  bodyId: number,
  meetingDate?: string,
  meetingId?: number,
): MeetingSight {
  return {
    drafts: can(actor, "read:meeting", { bodyId, published: false, meetingDate, meetingId }),
    confidential: can(actor, "read:confidential", { bodyId, meetingDate, meetingId }),
  };
}

/** The texts of an agenda item that the rule decides on. */
interface ItemTexts {
  id: number;
  title: string;
  kind: string;
  presenter: string;
  description: string;
  proposedDecision: string;
  minutesNote: string;
  decisionText: string;
  confidential: boolean;
  files: readonly { originalName: string }[];
  /** The § number, from the decision rows the minutes give (drafts until the minutes are approved). */
  paragraph?: number | null;
}

/**
 * The agenda as a viewer may see it; every surface that shows an item (the meeting page, the
 * notice, the minutes, extracts, the zip, search hits) goes through this one function.
 * - Drafts: the agenda as it stands, minutes texts included.
 * - Everyone else, until the minutes are approved: the last published version of the agenda
 *   (items added since are left out, texts as published, only the documents named then), no
 *   minutes texts and no § numbers (draft minutes number the items, those added since too). Once approved, the minutes are the public record: the items as they stand.
 * - Without the confidential right, a confidential item keeps only its title and reason.
 */
export function agendaAsSeen<T extends ItemTexts>(
  items: readonly T[],
  sight: MeetingSight,
  published: readonly ItemSnapshot[] | null,
  minutesApproved: boolean,
): T[] {
  let seen: T[];
  if (sight.drafts || minutesApproved) seen = [...items];
  else {
    const byId = new Map((published ?? []).map((s) => [s.id, s]));
    seen = items.flatMap((item) => {
      const snap = byId.get(item.id);
      if (!snap) return [];
      return [
        {
          ...item,
          title: snap.title,
          kind: snap.kind,
          presenter: snap.presenter,
          description: snap.description,
          proposedDecision: snap.proposedDecision,
          minutesNote: "",
          decisionText: "",
          ...("paragraph" in item ? { paragraph: null } : {}),
          files: item.files.filter((f) => snap.fileNames.includes(f.originalName)),
          confidential: confidentialityAsPublished(item, snap).confidential,
        },
      ];
    });
  }
  if (sight.confidential) return seen;
  return seen.map((item) =>
    item.confidential
      ? { ...item, description: "", proposedDecision: "", minutesNote: "", decisionText: "", files: [] }
      : item,
  );
}

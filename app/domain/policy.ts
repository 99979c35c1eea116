/**
 * The one access policy. Every loader and action asks `can(actor, action, resource)`;
 * the UI asks the same function to decide which actions to show. Pure: the caller loads
 * the actor's memberships and the resource's facts and passes them in.
 *
 * Roles (users.role):
 * - admin: the regional coordinator, secretary of the bodies; may do everything.
 * - member: rights follow the bodies the person currently sits in.
 * - reader: signed-in reader (e.g. a politician who reads); reads what members of the
 *   collaboration may read (and, through seats, what the body's members may read), but never
 *   writes, whatever seats they hold: nothing but their own password.
 * - anonymous (actor null): the public; reads only what is public.
 */

/** Account roles (users.role). */
export const USER_ROLES = ["admin", "member", "reader"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * Why an account's role cannot change from `was` to `role`, or null when it can: the portal
 * keeps at least one administrator (the coordinator), who alone manages people, bodies and
 * accounts; taking the role from the last one, the coordinator's own included, would leave
 * no one able to give it back.
 */
export function roleChangeRefusal(was: UserRole, role: UserRole, administrators: number): string | null {
  return was === "admin" && role !== "admin" && administrators <= 1
    ? "Portalen måste ha minst en administratör. Ge någon annan rollen administratör först."
    : null;
}

export type BodyRole = "ordförande" | "vice ordförande" | "ledamot" | "ersättare" | "sekreterare" | "adjungerad";

export interface Actor {
  userId: string;
  role: UserRole;
  personId: number | null;
  /**
   * Current (not ended) memberships: body id → every role the person holds in that body.
   * Two seats in one body (a member who is also its secretary) give the rights of both.
   */
  bodyRoles: ReadonlyMap<number, ReadonlySet<BodyRole>>;
  /** Organisation the person belongs to (people.organisation_id): an assignment given to a party. */
  organisationId: number | null;
  /**
   * The parties the person represents: those whose contact person (parties.contact_person_id,
   * set by the coordinator on the party's page) they are. The representative reports the
   * party's council decisions on recommendations; being employed by the party is not enough.
   */
  represents?: readonly PartyRef[];
  /** Collaborations the person takes part in today: those served by a body they sit in. */
  collaborationIds: ReadonlySet<number>;
  /**
   * Seats that begin after today (a new term from 1 January). The notice goes to everyone whose
   * seat covers the meeting's day, so a person is called before the seat begins; they may open
   * the meetings they are called to (`calledTo`) and propose items to them, nothing else of the
   * body yet.
   */
  seatsAhead?: readonly SeatAhead[];
  /**
   * Meetings whose minutes the person signs in a round still open (the draft, or a correction
   * waiting): the acting chair, the secretary and the justerare recorded in them. A December
   * meeting's minutes are signed in January, after an outgoing member's seat has ended.
   */
  signsMinutesOf?: readonly number[];
}

/** A party: an organisation in one collaboration. */
export interface PartyRef {
  collaborationId: number;
  organisationId: number;
}

/**
 * Whether the actor is the party's representative in the collaboration: its contact person, who
 * also belongs to the party (a contact person whose own organisation is another does not speak for it).
 */
export function representsParty(
  actor: Pick<Actor, "organisationId" | "represents"> | null,
  party: Partial<PartyRef>,
): boolean {
  const { collaborationId, organisationId } = party;
  if (!actor?.represents || collaborationId === undefined || organisationId === undefined) return false;
  if (actor.organisationId !== organisationId) return false;
  return actor.represents.some((p) => p.collaborationId === collaborationId && p.organisationId === organisationId);
}

export interface SeatAhead {
  bodyId: number;
  startDate: string;
  /** The last day in office, or null. */
  endDate: string | null;
}

/** The coordinator takes part in every collaboration; others through their seats in bodies. */
export function takesPartIn(actor: Actor | null, collaborationId: number): boolean {
  if (!actor) return false;
  return actor.role === "admin" || actor.collaborationIds.has(collaborationId);
}

/** The seats a person holds today, grouped by body: no seat replaces another. */
export function bodyRolesOf(seats: Iterable<readonly [number, BodyRole]>): Map<number, Set<BodyRole>> {
  const byBody = new Map<number, Set<BodyRole>>();
  for (const [bodyId, role] of seats) {
    const roles = byBody.get(bodyId) ?? new Set<BodyRole>();
    roles.add(role);
    byBody.set(bodyId, roles);
  }
  return byBody;
}

/** Facts about the thing being accessed. Only what the rule for the action needs. */
export interface Resource {
  bodyId?: number;
  /** The body keeps public records (e.g. SVOM): published agendas and approved minutes. */
  publicRecords?: boolean;
  /** The object itself is published/approved (not a draft). */
  published?: boolean;
  /** Marked confidential (sekretess); only members of the body may see it. */
  confidential?: boolean;
  /** The organisation the object belongs to (e.g. a party's answer). */
  organisationId?: number;
  /** A document's visibility and, for "bodies", the bodies that may see it. */
  visibility?: "public" | "members" | "bodies";
  bodyIds?: number[];
  /** The actor is the assignee of an assignment (as person, body member or party). */
  assignee?: boolean;
  /**
   * The collaboration the object belongs to (a matter, an assignment, a document): what is
   * open to "members" is open to those who take part in that collaboration, not to every
   * signed-in user of the portal.
   */
  collaborationId?: number;
  /** A meeting's day as the viewer was told it: who is called to it (read:meeting). */
  meetingDate?: string;
  /** The meeting itself: whose open minutes the actor signs (read:meeting, sign:minutes). */
  meetingId?: number;
}

export const ACTIONS = [
  "read:parties",
  "read:bodies",
  "read:body",
  "read:body-members",
  "manage:memberships",
  "manage:people",
  "manage:collaborations",
  "read:audit",
  "redact:personal-numbers",
  "read:start",
  "change:own-password",
  "read:meeting",
  "read:confidential",
  "create:meeting",
  "manage:meeting",
  "propose:item",
  "sign:minutes",
  "read:agreement",
  "manage:agreement",
  "read:document",
  "create:document",
  "edit:document",
  "manage:key-figures",
  "read:decisions",
  "manage:decisions",
  "read:recommendation",
  "report:party-answer",
  "read:matters",
  "read:assignments",
  "update:assignment",
  "manage:mail",
] as const;

export type Action = (typeof ACTIONS)[number];

type Rule = (actor: Actor | null, resource: Resource) => boolean;

const anyone: Rule = () => true;
const signedIn: Rule = (actor) => actor !== null;
const adminOnly: Rule = (actor) => actor?.role === "admin";
/** Signed in and taking part in the object's collaboration (a page about a whole list names it too). */
const participant: Rule = (actor, r) =>
  actor !== null && (r.collaborationId === undefined ? true : takesPartIn(actor, r.collaborationId));

/** True when the actor currently sits in the resource's body (any role). */
function sitsIn(actor: Actor | null, bodyId: number | undefined): boolean {
  if (!actor || bodyId === undefined) return false;
  return actor.bodyRoles.has(bodyId);
}

/**
 * Called to a meeting by a seat not yet begun: a seat of the body that covers the meeting's
 * day (start and end inclusive), as the notice's recipients are chosen (calledTo in
 * meeting-mail.server.ts). Seats held today are `sitsIn`.
 */
function calledAhead(actor: Actor | null, bodyId: number | undefined, meetingDate: string | undefined): boolean {
  if (!actor?.seatsAhead || bodyId === undefined || meetingDate === undefined) return false;
  return actor.seatsAhead.some(
    (s) => s.bodyId === bodyId && s.startDate <= meetingDate && (s.endDate === null || s.endDate >= meetingDate),
  );
}

/**
 * Signs the meeting's minutes in a round still open: the right follows from the minutes, not
 * from a seat (which may have ended since the meeting), and reaches that meeting only.
 */
function signsOpenMinutes(actor: Actor | null, meetingId: number | undefined): boolean {
  return meetingId !== undefined && actor?.signsMinutesOf?.includes(meetingId) === true;
}

/** Secretary of the body: prepares its agendas and writes its minutes. */
function isSecretaryOf(actor: Actor | null, bodyId: number | undefined): boolean {
  return bodyId !== undefined && actor?.bodyRoles.get(bodyId)?.has("sekreterare") === true;
}

/**
 * The policy table. A route's access is decided by exactly one of these entries; the
 * authorization tests enumerate it against every route.
 */
export const POLICY: Record<Action, Rule> = {
  // Who the parties are and which bodies exist is public information.
  "read:parties": anyone,
  "read:bodies": anyone,
  "read:body": anyone,
  // Names and roles of members: public for bodies with public records (politicians),
  // otherwise visible to signed-in users of the collaboration.
  "read:body-members": (actor, r) => actor !== null || r.publicRecords === true,
  "manage:memberships": adminOnly,
  "manage:people": adminOnly,
  // Collaborations, organisations, parties, bodies and key figures: the coordinator keeps the structure.
  "manage:collaborations": adminOnly,
  "read:audit": adminOnly,
  // Masking personal identity numbers in stored text, the audit log included.
  "redact:personal-numbers": adminOnly,
  "read:start": signedIn,
  "change:own-password": signedIn,
  // Members of the body see everything of it; others see published public records
  // (SVOM's published agendas and approved minutes). A person called to the meeting by a seat
  // not yet begun opens that meeting as its members do (to prepare, to report förhinder).
  // Whoever signs its minutes in a round still open reads the meeting as its members do.
  "read:meeting": (actor, r) =>
    sitsIn(actor, r.bodyId) ||
    calledAhead(actor, r.bodyId, r.meetingDate) ||
    signsOpenMinutes(actor, r.meetingId) ||
    (r.publicRecords === true && r.published === true),
  // Documents of an item marked confidential: only the body's members (and those called, and
  // those who sign the meeting's minutes).
  "read:confidential": (actor, r) =>
    sitsIn(actor, r.bodyId) || calledAhead(actor, r.bodyId, r.meetingDate) || signsOpenMinutes(actor, r.meetingId),
  "create:meeting": (actor, r) => isSecretaryOf(actor, r.bodyId),
  "manage:meeting": (actor, r) => isSecretaryOf(actor, r.bodyId),
  // A person called by a seat not yet begun may propose items to that meeting: the proposal
  // deadline of a new term's first meeting falls before the term begins, and the secretary
  // accepts or declines each proposal. Nothing else of the body until the seat begins.
  "propose:item": (actor, r) => sitsIn(actor, r.bodyId) || calledAhead(actor, r.bodyId, r.meetingDate),
  // Whether the person is the chair or an adjuster is checked against the minutes; a signer
  // whose seat has ended since the meeting still signs it.
  "sign:minutes": (actor, r) => sitsIn(actor, r.bodyId) || signsOpenMinutes(actor, r.meetingId),
  // The agreement, the membership list and each party's share are public documents.
  "read:agreement": anyone,
  "manage:agreement": adminOnly,
  // Documents: public, every signed-in user, or only the members of chosen bodies.
  "read:document": (actor, r) =>
    r.visibility === "public" ||
    (r.visibility === "members" && participant(actor, r)) ||
    (r.visibility === "bodies" && (r.bodyIds ?? []).some((id) => sitsIn(actor, id))),
  // Members write documents for a body they sit in (e.g. an IFO chief's routine).
  "create:document": (actor) => actor !== null && actor.bodyRoles.size > 0,
  "edit:document": (actor, r) => sitsIn(actor, r.bodyId),
  "manage:key-figures": adminOnly,
  // The register lists every decision; each row is filtered by its body and publicity.
  "read:decisions": anyone,
  "manage:decisions": adminOnly,
  // A recommendation is read once sent to the parties (`published`); drafts are the coordinator's.
  // A public one (`publicRecords`, the default) can be quoted in a council's papers and read by anyone.
  "read:recommendation": (actor, r) => r.published === true && (r.publicRecords === true || actor !== null),
  // A party's own representative reports its answer: its contact person in the recommendation's
  // collaboration, who belongs to the party. Others of the party (Mini-Maria's own staff are
  // employed by Östersund) do not speak for its council. The coordinator confirms or corrects.
  "report:party-answer": (actor, r) =>
    actor !== null &&
    actor.role === "member" &&
    actor.organisationId === r.organisationId &&
    representsParty(actor, { collaborationId: r.collaborationId, organisationId: r.organisationId }),
  // Matters and assignments are the collaboration's working records: for those who take part.
  "read:matters": participant,
  "read:assignments": participant,
  "update:assignment": (actor, r) => actor !== null && r.assignee === true,
  // The outbox holds every recipient's address: the coordinator's only.
  "manage:mail": adminOnly,
};

/**
 * The actions that only read. A reader (and the public) may do these and nothing else, but
 * change their own password: a reader never writes, whatever seats they hold.
 */
export function onlyReads(action: Action): boolean {
  return action.startsWith("read:");
}

const READER_MAY_ALSO: ReadonlySet<Action> = new Set<Action>(["change:own-password"]);

export function can(actor: Actor | null, action: Action, resource: Resource = {}): boolean {
  if (actor?.role === "admin") return true;
  if (actor?.role === "reader" && !onlyReads(action) && !READER_MAY_ALSO.has(action)) return false;
  const rule = POLICY[action];
  return rule ? rule(actor, resource) : false;
}

/**
 * The database schema (Drizzle, SQLite). One file so drizzle-kit sees everything;
 * sections follow the domain. Dates are ISO strings ("2026-12-31"), timestamps are
 * ISO instants in UTC; both sort correctly as text.
 */
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";
// Enumerations are defined once, with the rules that use them (pure domain modules).
import { DECISION_APPROVALS, DECISION_KINDS, DECISION_STATUSES } from "../app/domain/decisions";
import { DOCUMENT_KINDS, DOCUMENT_VISIBILITIES } from "../app/domain/documents";
import { MEMBERSHIP_ROLES } from "../app/domain/membership";
import { USER_ROLES } from "../app/domain/policy";
import { MATTER_STATUSES } from "../app/domain/matters";
import { MAIL_DELIVERIES, MAIL_KINDS, OUTBOX_STATUSES } from "../app/domain/mail";
import { MEETING_ANSWERS } from "../app/domain/meeting-absence";
import { ACCOUNT_TOKEN_PURPOSES } from "../app/domain/account-tokens";
import { ORGANISATION_KINDS, PARTY_ROLES } from "../app/domain/collaboration";
import { KEY_FIGURE_UNITS } from "../app/domain/key-figures";
import { AGENDA_ITEM_KINDS } from "../app/domain/meetings";
import { ATTENDANCE_STATUSES, DECISION_PROCEDURES, ITEM_OUTCOMES, SIGNER_ROLES, VOTES } from "../app/domain/minutes";
import {
  ANSWER_EVENTS,
  ANSWER_STATUSES,
  ASSIGNMENT_STATUSES,
  RECOMMENDATION_FILE_ROLES,
  RECOMMENDATION_LETTER_KINDS,
  RECOMMENDATION_STATUSES,
} from "../app/domain/recommendations";
import { PARTY_STATUSES } from "../app/domain/agreement-terms";
import { PRINCIPAL_SIDES } from "../app/domain/agreement-principals";
import { ALLOCATION_RULES } from "../app/domain/cost-allocation";
import { BUDGET_ITEM_KINDS } from "../app/domain/invoice-basis";
import { EXAMPLE_ENTITIES, EXAMPLE_FIELD_KEYS, type ExampleEntity } from "../app/domain/example-facts";

export { AGENDA_ITEM_KINDS, ANSWER_STATUSES, ASSIGNMENT_STATUSES, DECISION_KINDS, DECISION_STATUSES, DOCUMENT_KINDS };

const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/*
 * CHECK helpers on bare column names: drizzle renders `${t.column}` as "table"."column", which
 * names the table and so cannot be copied into a rebuilt table; bare names can.
 */
function inSql(column: string, values: readonly string[]) {
  return sql.raw(`"${column}" IN (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")})`);
}
function flagSql(column: string) {
  return sql.raw(`"${column}" IN (0, 1)`);
}
function lengthSql(column: string, min: number, max: number) {
  return sql.raw(min === 0 ? `length("${column}") <= ${max}` : `length("${column}") BETWEEN ${min} AND ${max}`);
}

// --- Collaborations, parties and bodies -------------------------------------------------

/** A joint operation run by several parties (samverkan), e.g. Mini-Maria Jämtland Härjedalen. */
export const collaborations = sqliteTable(
  "collaborations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The name in URLs (`?samverkan=mini-maria-jh`). */
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Demo data the sources do not state: every page says it is an example. */
    isExample: integer("is_example", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  () => [
    check("collaborations_slug", sql`length("slug") between 2 and 60 and "slug" not glob '*[^a-z0-9-]*'`),
    check("collaborations_name", sql`length("name") between 1 and 200`),
    check("collaborations_description", sql`length("description") <= 4000`),
    check("collaborations_is_example", sql`"is_example" in (0, 1)`),
  ],
);

/** An organisation that can be a party (part/huvudman): a region or a municipality. */
export const organisations = sqliteTable(
  "organisations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull().unique(),
    kind: text("kind", { enum: ORGANISATION_KINDS }).notNull(),
    /** Kommunkod (four digits, 2380 Östersund) or länskod (two digits, 23 Jämtland); null for others. */
    municipalityCode: text("municipality_code").unique(),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  () => [
    check("organisations_name", sql`length("name") between 1 and 200`),
    check("organisations_kind", sql.raw(`"kind" in (${ORGANISATION_KINDS.map((k) => `'${k}'`).join(", ")})`)),
    check(
      "organisations_municipality_code",
      sql`"municipality_code" is null or (length("municipality_code") in (2, 4) and "municipality_code" not glob '*[^0-9]*')`,
    ),
  ],
);

/** An organisation's participation in a collaboration. */
export const parties = sqliteTable(
  "parties",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    collaborationId: integer("collaboration_id")
      .notNull()
      .references(() => collaborations.id),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** huvudman (employs staff for the others) or part (pays its share). */
    role: text("role", { enum: PARTY_ROLES }).notNull().default("part"),
    /** The registrar (registrator) who receives recommendations and sends the party's answer. */
    registrarEmail: text("registrar_email").notNull().default(""),
    /** First day as a member (the agreement's start for the founding parties). */
    memberSince: text("member_since"),
    branchClinic: text("branch_clinic").notNull().default(""),
    /** inbjuden → inriktningsbeslut fattat → medlem → uppsagd (notice given) → utträtt. */
    status: text("status", { enum: PARTY_STATUSES }).notNull().default("medlem"),
    directionDecisionOn: text("direction_decision_on"),
    /** Written notice of termination: the day it was received and the resulting exit date. */
    noticeReceivedOn: text("notice_received_on"),
    noticeFileId: integer("notice_file_id").references(() => files.id),
    /** Last day as a party (the end of the term the notice applies to). */
    exitDate: text("exit_date"),
    /** Withdrawal and winding-up negotiation: status notes. */
    withdrawalNote: text("withdrawal_note").notNull().default(""),
    contactPersonId: integer("contact_person_id").references(() => people.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("parties_collab_org").on(t.collaborationId, t.organisationId),
    index("parties_organisation").on(t.organisationId),
    index("parties_notice_file").on(t.noticeFileId),
    index("parties_contact_person").on(t.contactPersonId),
    check("parties_role", sql.raw(`"role" in (${PARTY_ROLES.map((r) => `'${r}'`).join(", ")})`)),
    check("parties_status", sql.raw(`"status" in (${PARTY_STATUSES.map((r) => `'${r}'`).join(", ")})`)),
    check(
      "parties_registrar_email",
      sql`"registrar_email" = '' or (length("registrar_email") <= 254 and "registrar_email" like '%_@_%')`,
    ),
  ],
);

/**
 * A governing or preparatory body (organ): SVOM, a steering group, … A body can serve several
 * collaborations (SVOM governs Mini-Maria and other agreements) and keeps one § series for all
 * of them; which collaborations it serves is in `body_collaborations`.
 */
export const bodies = sqliteTable(
  "bodies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    shortName: text("short_name").notNull(),
    /** What kind of body it is, in the collaboration's own words ("Politisk ledningsgrupp"). Data, not code. */
    kind: text("kind").notNull(),
    description: text("description").notNull().default(""),
    /** Days before a meeting by which members may propose agenda items. */
    proposalDeadlineDays: integer("proposal_deadline_days").notNull().default(14),
    /** Published agendas and approved minutes are public records (e.g. SVOM). */
    publicRecords: integer("public_records", { mode: "boolean" }).notNull().default(false),
    /**
     * The body's decisions can be appealed (laglighetsprövning). False for collaboration
     * bodies such as SVOM, whose recommendations are not appealable decisions.
     */
    appealable: integer("appealable", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  () => [
    check("bodies_slug", sql`length("slug") between 2 and 60 and "slug" not glob '*[^a-z0-9-]*'`),
    check("bodies_name", sql`length("name") between 1 and 200`),
    check("bodies_short_name", sql`length("short_name") between 1 and 60`),
    check("bodies_kind", sql`length("kind") between 1 and 80`),
    check("bodies_description", sql`length("description") <= 2000`),
    check("bodies_proposal_deadline", sql`"proposal_deadline_days" between 0 and 365`),
    check("bodies_public_records", sql`"public_records" in (0, 1)`),
    check("bodies_appealable", flagSql("appealable")),
    check("bodies_version", sql.raw(`"version" >= 1`)),
  ],
);

/** Which collaborations a body serves. A body serves at least one (enforced by the model). */
export const bodyCollaborations = sqliteTable(
  "body_collaborations",
  {
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    collaborationId: integer("collaboration_id")
      .notNull()
      .references(() => collaborations.id),
  },
  (t) => [
    primaryKey({ columns: [t.bodyId, t.collaborationId] }),
    index("body_collaborations_collaboration").on(t.collaborationId),
  ],
);

/**
 * The standard items every new meeting of the body starts with (opening, adjusters, agenda,
 * closing …), in order. `key` marks the item on the agenda (agenda_items.standard); "closing"
 * stays last when items are added.
 */
export const bodyStandardItems = sqliteTable(
  "body_standard_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    key: text("key").notNull(),
    title: text("title").notNull(),
    kind: text("kind", { enum: AGENDA_ITEM_KINDS }).notNull(),
  },
  (t) => [
    uniqueIndex("body_standard_items_key").on(t.bodyId, t.key),
    check("body_standard_items_position", sql`"position" between 1 and 1000`),
    check("body_standard_items_key_format", sql`length("key") between 1 and 60 and "key" not glob '*[^a-z0-9-]*'`),
    check("body_standard_items_title", sql`length("title") between 1 and 200`),
    check("body_standard_items_kind", sql.raw(`"kind" in (${AGENDA_ITEM_KINDS.map((k) => `'${k}'`).join(", ")})`)),
  ],
);

/** A person: a member of bodies and possibly a user account. Never a client. */
export const people = sqliteTable(
  "people",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    title: text("title").notNull().default(""),
    email: text("email"),
    organisationId: integer("organisation_id").references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("people_organisation").on(t.organisationId),
    index("people_name").on(t.name),
    check("people_name", lengthSql("name", 1, 300)),
    check("people_title", lengthSql("title", 0, 300)),
    check("people_email", sql.raw(`"email" IS NULL OR (length("email") BETWEEN 3 AND 254 AND "email" LIKE '%_@_%')`)),
  ],
);

/** A person's seat in a body for a mandate period. An ended membership is kept as history. */
export const memberships = sqliteTable(
  "memberships",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    /** The organisation the person represents in this body. */
    organisationId: integer("organisation_id").references(() => organisations.id),
    role: text("role", { enum: MEMBERSHIP_ROLES }).notNull(),
    startDate: text("start_date").notNull(),
    endDate: text("end_date"),
    note: text("note").notNull().default(""),
    /** Optimistic locking: every update must name the version it read. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index("memberships_body").on(t.bodyId),
    index("memberships_person").on(t.personId),
    index("memberships_organisation").on(t.organisationId),
    check("memberships_role", inSql("role", MEMBERSHIP_ROLES)),
    check("memberships_start", isoDateSql("start_date")),
    check(
      "memberships_end",
      sql.raw(
        `"end_date" IS NULL OR ("end_date" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND "end_date" >= "start_date")`,
      ),
    ),
    check("memberships_note", lengthSql("note", 0, 2000)),
    check("memberships_version", sql.raw(`"version" >= 1`)),
  ],
);

// --- Meetings (the meetings issue extends these) -----------------------------------------

export const MEETING_STATUSES = ["planerat", "kallelse skickad", "genomfört", "protokoll justerat"] as const;

export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id),
    /** Local date and times in Europe/Stockholm. */
    date: text("date").notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    place: text("place").notNull().default(""),
    videoUrl: text("video_url").notNull().default(""),
    status: text("status", { enum: MEETING_STATUSES }).notNull().default("planerat"),
    /** Agenda edits bump this; the optimistic lock for the agenda as a whole. */
    version: integer("version").notNull().default(1),
    /** Raised on every change that calendar subscribers should see (ICS SEQUENCE): the secretary's. */
    calendarSequence: integer("calendar_sequence").notNull().default(0),
    /** Minutes are public records once approved (default from the body; set per meeting). */
    isPublic: integer("is_public", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    /**
     * The calendar SEQUENCE as of the last message about the meeting (a published notice, a seat
     * change's notice or withdrawal): what everyone but the secretary is shown while the notice
     * stands (app/domain/calendar-sequence.ts).
     */
    toldSequence: integer("told_sequence").notNull().default(0),
  },
  (t) => [
    index("meetings_body_date").on(t.bodyId, t.date),
    index("meetings_date").on(t.date, t.startTime),
    check("meetings_date", isoDateSql("date")),
    check(
      "meetings_times",
      sql.raw(`"start_time" GLOB '[0-2][0-9]:[0-5][0-9]' AND "end_time" GLOB '[0-2][0-9]:[0-5][0-9]'`),
    ),
    check("meetings_status", inSql("status", MEETING_STATUSES)),
    check("meetings_is_public", flagSql("is_public")),
    check("meetings_texts", sql.raw(`length("place") <= 300 AND length("video_url") <= 2000`)),
    check("meetings_counters", sql.raw(`"version" >= 1 AND "calendar_sequence" >= 0`)),
  ],
);

// --- Accounts, sessions, audit ------------------------------------------------------------

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull().unique(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: USER_ROLES }).notNull(),
    personId: integer("person_id").references(() => people.id),
    /** Secret for the personal calendar feed URL; null until the user asks for it. */
    calendarToken: text("calendar_token").unique(),
    createdAt: createdAt(),
  },
  (t) => [
    index("users_person").on(t.personId),
    check("users_role", inSql("role", USER_ROLES)),
    check("users_email", sql.raw(`length("email") BETWEEN 3 AND 254 AND "email" LIKE '%_@_%'`)),
  ],
);

/**
 * One-time links that set a password: an invitation to a new account, or a password reset
 * (app/domain/account-tokens.ts). Only the SHA-256 of the link's token is kept, so a copy of
 * the database opens no account; used once (`usedAt`), and only until `expiresAt`.
 */
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    purpose: text("purpose", { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("account_tokens_user").on(t.userId),
    index("account_tokens_created_by").on(t.createdBy),
    check("account_tokens_purpose", oneOfValues(t.purpose, ACCOUNT_TOKEN_PURPOSES)),
    check("account_tokens_hash", sql`length(${t.tokenHash}) = 64`),
  ],
);

/** Lucia's session table: the cookie holds only the opaque id. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
    /** Unix seconds; enforces the absolute session lifetime whatever the sliding expiry says. */
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** Append-only record of every change: who, what, when, before and after (JSON). */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: createdAt(),
    userId: text("user_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: text("before"),
    after: text("after"),
    /**
     * Set when the coordinator redacted a personal identity number from before/after: the
     * only change an entry ever takes (a trigger refuses any other), and the entry says so.
     */
    redactedAt: text("redacted_at"),
    redactedBy: text("redacted_by"),
  },
  (t) => [
    index("audit_entity").on(t.entityType, t.entityId),
    index("audit_at").on(t.at),
    index("audit_user").on(t.userId),
  ],
);

// --- Files (supporting documents, letters, extracts) --------------------------------------

/**
 * An uploaded file. The bytes live in UPLOAD_DIR under `storageName` (server-generated,
 * never the user's name); `kind`/`mime` are decided from the content, not the name.
 */
export const files = sqliteTable(
  "files",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storageName: text("storage_name").notNull().unique(),
    originalName: text("original_name").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: text("uploaded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("files_uploaded_by").on(t.uploadedBy),
    check("files_size", sql.raw(`"size" >= 0`)),
    check("files_original_name", lengthSql("original_name", 1, 1000)),
    check("files_mime", lengthSql("mime", 1, 200)),
    check("files_sha256", sql.raw(`length("sha256") = 64`)),
  ],
);

// --- Matters and decisions (the decisions issue builds the register on these) ---------------

/** A matter (ärende) that runs across meetings and bodies. */
export const matters = sqliteTable(
  "matters",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    collaborationId: integer("collaboration_id")
      .notNull()
      .references(() => collaborations.id),
    registryNumber: text("registry_number").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    status: text("status", { enum: MATTER_STATUSES }).notNull().default("öppet"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("matters_collab_registry").on(t.collaborationId, t.registryNumber),
    index("matters_collab_created").on(t.collaborationId, t.createdAt),
    check("matters_status", inSql("status", MATTER_STATUSES)),
    check("matters_title", lengthSql("title", 1, 300)),
    check("matters_registry_number", lengthSql("registry_number", 1, 100)),
    check("matters_description", lengthSql("description", 0, 100000)),
    check("matters_version", sql.raw(`"version" >= 1`)),
  ],
);

/**
 * A decision of a body. From approved minutes (meetingId + agendaItemId + paragraph § N, unique
 * per body and year) or entered by hand for history (meetingId may be null).
 */
export const decisions = sqliteTable(
  "decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id),
    meetingId: integer("meeting_id").references(() => meetings.id),
    agendaItemId: integer("agenda_item_id").references(() => agendaItems.id),
    /** § number, counted per body and calendar year. */
    paragraph: integer("paragraph"),
    year: integer("year").notNull(),
    decidedOn: text("decided_on").notNull(),
    matterId: integer("matter_id").references(() => matters.id),
    title: text("title").notNull(),
    text: text("text").notNull(),
    kind: text("kind", { enum: DECISION_KINDS }).notNull().default("beslut"),
    status: text("status", { enum: DECISION_STATUSES }).notNull().default("gäller"),
    isPublic: integer("is_public", { mode: "boolean" }).notNull().default(false),
    /**
     * "utkast" until the minutes are approved (or the § was approved immediately); only then
     * is the decision in the register for anyone outside the body. Defaults to the draft so
     * a forgotten value hides rather than publishes.
     */
    approval: text("approval", { enum: DECISION_APPROVALS }).notNull().default("utkast"),
    /** When the decision left the draft (minutes approved, § approved immediately, entered by hand). */
    approvedAt: text("approved_at"),
    /** The § was approved at the meeting (omedelbar justering); its text is locked from then on. */
    approvedImmediately: integer("approved_immediately", { mode: "boolean" }).notNull().default(false),
    /** A register decision; false for a procedural § (formalia) or information not recorded as a decision. */
    inRegister: integer("in_register", { mode: "boolean" }).notNull().default(true),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("decisions_body_year_paragraph").on(t.bodyId, t.year, t.paragraph),
    index("decisions_matter").on(t.matterId),
    index("decisions_register").on(t.inRegister, t.approval, t.decidedOn),
    check("decisions_approval_check", sql`${t.approval} IN ('utkast', 'justerat')`),
    check("decisions_approved_at_check", sql`(${t.approval} = 'utkast') = (${t.approvedAt} IS NULL)`),
    check("decisions_approved_immediately_check", sql`${t.approvedImmediately} IN (0, 1)`),
    check("decisions_in_register_check", sql`${t.inRegister} IN (0, 1)`),
    // The register's order (newest first, by §); ties are broken by the rowid the index carries.
    index("decisions_decided_on").on(t.decidedOn, t.paragraph),
    // The public's view of the register: counted and listed without reading the texts.
    index("decisions_public").on(t.isPublic, t.decidedOn, t.paragraph),
    // The register in its order with every column its access and collaboration conditions
    // read: a page reads only the rows it shows, and counting ten years of decisions walks
    // this index without reading a decision's text.
    index("decisions_register_list").on(
      t.inRegister,
      t.decidedOn,
      t.paragraph,
      t.isPublic,
      t.approval,
      t.bodyId,
      t.matterId,
    ),
    index("decisions_meeting").on(t.meetingId),
    index("decisions_agenda_item").on(t.agendaItemId),
    index("decisions_created_by").on(t.createdBy),
    check("decisions_kind", inSql("kind", DECISION_KINDS)),
    check("decisions_status", inSql("status", DECISION_STATUSES)),
    check("decisions_is_public", flagSql("is_public")),
    check("decisions_paragraph", sql.raw(`"paragraph" IS NULL OR "paragraph" >= 1`)),
    check("decisions_year", sql.raw(`"year" BETWEEN 1900 AND 2200`)),
    check("decisions_decided_on", isoDateSql("decided_on")),
    check("decisions_title", lengthSql("title", 1, 300)),
    check("decisions_text", lengthSql("text", 0, 100000)),
  ],
);

// --- Agendas, notices and minutes (the meetings issue) -------------------------------------

export const agendaItems = sqliteTable(
  "agenda_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    kind: text("kind", { enum: AGENDA_ITEM_KINDS }).notNull().default("information"),
    presenter: text("presenter").notNull().default(""),
    minutesEstimate: integer("minutes_estimate"),
    description: text("description").notNull().default(""),
    proposedDecision: text("proposed_decision").notNull().default(""),
    matterId: integer("matter_id").references(() => matters.id),
    /** One of the standard items added to every new meeting (opening, adjusters, agenda, closing). */
    standard: text("standard"),
    confidential: integer("confidential", { mode: "boolean" }).notNull().default(false),
    confidentialReason: text("confidential_reason").notNull().default(""),
    /** Minutes: the note and the decision text for this item. */
    minutesNote: text("minutes_note").notNull().default(""),
    decisionText: text("decision_text").notNull().default(""),
    /** For information, discussion and report-back items: the secretary records the § as a register decision. */
    recordAsDecision: integer("record_as_decision", { mode: "boolean" }).notNull().default(false),
    /** How the decision was made: by acclamation or by a vote (votering), see item_positions. */
    procedure: text("procedure", { enum: DECISION_PROCEDURES }).notNull().default("acklamation"),
    /** Decided, or carried over to the next meeting (bordlagd, återremitterad). */
    outcome: text("outcome", { enum: ITEM_OUTCOMES }).notNull().default("beslut"),
    /** An item carried over from an earlier meeting's § (bordläggning, återremiss). */
    carriedFromItemId: integer("carried_from_item_id").references((): AnySQLiteColumn => agendaItems.id),
    /** Expedieras till: who receives the extract (parties, bodies, persons). */
    dispatchTo: text("dispatch_to").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index("agenda_items_meeting").on(t.meetingId, t.position),
    index("agenda_items_matter").on(t.matterId),
    index("agenda_items_carried_from").on(t.carriedFromItemId),
    check("agenda_items_record_as_decision_check", sql`${t.recordAsDecision} IN (0, 1)`),
    check("agenda_items_kind", inSql("kind", AGENDA_ITEM_KINDS)),
    check("agenda_items_procedure", inSql("procedure", DECISION_PROCEDURES)),
    check("agenda_items_outcome", inSql("outcome", ITEM_OUTCOMES)),
    check("agenda_items_confidential", flagSql("confidential")),
    check("agenda_items_title", lengthSql("title", 1, 300)),
    check(
      "agenda_items_minutes_estimate",
      sql.raw(`"minutes_estimate" IS NULL OR "minutes_estimate" BETWEEN 0 AND 1440`),
    ),
    check(
      "agenda_items_texts",
      sql.raw(
        `length("description") <= 100000 AND length("proposed_decision") <= 100000 AND length("minutes_note") <= 100000 AND length("decision_text") <= 100000`,
      ),
    ),
    check("agenda_items_version", sql.raw(`"version" >= 1`)),
  ],
);

/** A proposal (yrkande) made at the meeting by a named member. */
export const itemMotions = sqliteTable(
  "item_motions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agendaItemId: integer("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    text: text("text").notNull(),
  },
  (t) => [
    index("item_motions_item").on(t.agendaItemId),
    index("item_motions_person").on(t.personId),
    check("item_motions_text", lengthSql("text", 1, 100000)),
  ],
);

/**
 * A member's part in one §: the vote in a votering (ja, nej, avstår), jäv (did not take part,
 * never counted), a reservation with its reason, a protokollsanteckning.
 */
export const itemPositions = sqliteTable(
  "item_positions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agendaItemId: integer("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    vote: text("vote", { enum: VOTES }),
    disqualified: integer("disqualified", { mode: "boolean" }).notNull().default(false),
    reservation: integer("reservation", { mode: "boolean" }).notNull().default(false),
    reservationReason: text("reservation_reason").notNull().default(""),
    note: text("note").notNull().default(""),
  },
  (t) => [
    uniqueIndex("item_positions_item_person").on(t.agendaItemId, t.personId),
    index("item_positions_person").on(t.personId),
    check("item_positions_vote_check", sql`${t.vote} IS NULL OR ${oneOfSql(t.vote, VOTES)}`),
    check("item_positions_jav_check", sql`NOT (${t.disqualified} AND (${t.vote} IS NOT NULL OR ${t.reservation}))`),
    check("item_positions_flags", sql.raw(`"disqualified" IN (0, 1) AND "reservation" IN (0, 1)`)),
  ],
);

export const agendaItemFiles = sqliteTable(
  "agenda_item_files",
  {
    agendaItemId: integer("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    fileId: integer("file_id")
      .notNull()
      .references(() => files.id),
  },
  (t) => [
    uniqueIndex("agenda_item_files_pk").on(t.agendaItemId, t.fileId),
    index("agenda_item_files_file").on(t.fileId),
  ],
);

export const PROPOSAL_STATUSES = ["inkommet", "accepterat", "avslaget"] as const;

/** A member's proposal for an agenda item, accepted or declined by the secretary. */
export const itemProposals = sqliteTable(
  "item_proposals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    proposedBy: text("proposed_by")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    kind: text("kind", { enum: AGENDA_ITEM_KINDS }).notNull().default("information"),
    description: text("description").notNull().default(""),
    proposedDecision: text("proposed_decision").notNull().default(""),
    status: text("status", { enum: PROPOSAL_STATUSES }).notNull().default("inkommet"),
    declineReason: text("decline_reason").notNull().default(""),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: text("decided_at"),
    agendaItemId: integer("agenda_item_id").references(() => agendaItems.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("item_proposals_meeting").on(t.meetingId),
    index("item_proposals_proposed_by").on(t.proposedBy),
    index("item_proposals_decided_by").on(t.decidedBy),
    index("item_proposals_agenda_item").on(t.agendaItemId),
    check("item_proposals_kind", inSql("kind", AGENDA_ITEM_KINDS)),
    check("item_proposals_status", inSql("status", PROPOSAL_STATUSES)),
    check("item_proposals_title", lengthSql("title", 1, 300)),
  ],
);

export const proposalFiles = sqliteTable(
  "proposal_files",
  {
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => itemProposals.id, { onDelete: "cascade" }),
    fileId: integer("file_id")
      .notNull()
      .references(() => files.id),
  },
  (t) => [uniqueIndex("proposal_files_pk").on(t.proposalId, t.fileId), index("proposal_files_file").on(t.fileId)],
);

/** A frozen version of the agenda: version 1 is the notice (kallelse), later ones are changes. */
export const agendaVersions = sqliteTable(
  "agenda_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    versionNo: integer("version_no").notNull(),
    /** JSON: the agenda items as published. */
    content: text("content").notNull(),
    publishedBy: text("published_by").references(() => users.id),
    publishedAt: createdAt(),
  },
  (t) => [
    uniqueIndex("agenda_versions_meeting_no").on(t.meetingId, t.versionNo),
    index("agenda_versions_published_by").on(t.publishedBy),
    check("agenda_versions_no", sql.raw(`"version_no" >= 1`)),
  ],
);

export const attendance = sqliteTable(
  "attendance",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    status: text("status", { enum: ATTENDANCE_STATUSES }).notNull(),
    /** For a deputy who serves: the member they replace. */
    substituteForPersonId: integer("substitute_for_person_id").references(() => people.id),
    /** Chosen to approve (justera) the minutes together with the chair. */
    adjuster: integer("adjuster", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    uniqueIndex("attendance_meeting_person").on(t.meetingId, t.personId),
    index("attendance_person").on(t.personId),
    index("attendance_substitute_for").on(t.substituteForPersonId),
    check("attendance_status", inSql("status", ATTENDANCE_STATUSES)),
    check("attendance_adjuster", flagSql("adjuster")),
  ],
);

export const MINUTES_STATUSES = ["utkast", "justerat"] as const;

/** Minutes of a meeting: draft → approved by the chair and the adjusters; then locked. */
export const minutes = sqliteTable(
  "minutes",
  {
    meetingId: integer("meeting_id")
      .primaryKey()
      .references(() => meetings.id, { onDelete: "cascade" }),
    status: text("status", { enum: MINUTES_STATUSES }).notNull().default("utkast"),
    version: integer("version").notNull().default(1),
    approvedAt: text("approved_at"),
    /** Mötesordförande: the chair, or whoever led the meeting in the chair's absence. */
    actingChairPersonId: integer("acting_chair_person_id").references(() => people.id),
    /** The secretary who keeps and signs the minutes. */
    secretaryPersonId: integer("secretary_person_id").references(() => people.id),
    /** Justeringens plats och tid. */
    adjustmentPlace: text("adjustment_place").notNull().default(""),
    adjustmentDate: text("adjustment_date"),
    /** Anslag: the day the approved minutes were published on the notice board. */
    postedOn: text("posted_on"),
    /** Förvaringsplats: where the minutes are kept. */
    keptAt: text("kept_at").notNull().default(""),
  },
  (t) => [
    index("minutes_acting_chair").on(t.actingChairPersonId),
    index("minutes_secretary").on(t.secretaryPersonId),
    check("minutes_status", inSql("status", MINUTES_STATUSES)),
    check("minutes_version", sql.raw(`"version" >= 1`)),
  ],
);

/** Who signed (justerade) the minutes, and when. */
export const minutesSignatures = sqliteTable(
  "minutes_signatures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    role: text("role", { enum: SIGNER_ROLES }).notNull(),
    /** 0 for the minutes, or the id of the correction (minutes_revisions) being approved. */
    round: integer("round").notNull().default(0),
    signedBy: text("signed_by")
      .notNull()
      .references(() => users.id),
    signedAt: createdAt(),
  },
  (t) => [
    uniqueIndex("minutes_signatures_meeting_round_person").on(t.meetingId, t.round, t.personId),
    index("minutes_signatures_person").on(t.personId),
    index("minutes_signatures_signed_by").on(t.signedBy),
    check("minutes_signatures_role", inSql("role", SIGNER_ROLES)),
    check("minutes_signatures_round", sql.raw(`"round" >= 0`)),
  ],
);

/** A correction of approved minutes: a new recorded revision with a reason. */
export const minutesRevisions = sqliteTable(
  "minutes_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    agendaItemId: integer("agenda_item_id").references(() => agendaItems.id),
    reason: text("reason").notNull(),
    before: text("before").notNull(),
    after: text("after").notNull(),
    /**
     * A correction is not in force until the same signers approve it again (then approvedAt).
     * Rows from before this rule were applied at once and are not pending.
     */
    pending: integer("pending", { mode: "boolean" }).notNull().default(false),
    approvedAt: text("approved_at"),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("minutes_revisions_meeting").on(t.meetingId),
    index("minutes_revisions_agenda_item").on(t.agendaItemId),
    index("minutes_revisions_created_by").on(t.createdBy),
    check("minutes_revisions_pending", flagSql("pending")),
  ],
);

// --- Agreements, population and cost split (the agreement issue) ----------------------------

/** `column IN ('a', 'b')` for a CHECK constraint on an enumeration defined in the domain. */
function oneOfSql(column: unknown, values: readonly string[]) {
  return sql`${column} IN (${sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", "))})`;
}

/** A collaboration agreement (samarbetsavtal); its content lives in versions. */
export const agreements = sqliteTable(
  "agreements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    collaborationId: integer("collaboration_id")
      .notNull()
      .references(() => collaborations.id),
    title: text("title").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("agreements_collaboration").on(t.collaborationId),
    check("agreements_title", lengthSql("title", 1, 300)),
  ],
);

/**
 * One version of an agreement: full text plus the structured terms the term engine and the
 * cost split compute from. Percentages are stored in basis points (46.75 % = 4675) so they
 * are exact.
 */
export const agreementVersions = sqliteTable(
  "agreement_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => agreements.id),
    label: text("label").notNull(),
    adoptedOn: text("adopted_on"),
    text: text("text").notNull().default(""),
    /** What this version changes in money and terms, in the coordinator's words. */
    changeSummary: text("change_summary").notNull().default(""),
    firstTermStart: text("first_term_start").notNull(),
    firstTermEnd: text("first_term_end").notNull(),
    noticeMonths: integer("notice_months").notNull(),
    noticeForm: text("notice_form").notNull().default("skriftligen"),
    renewalMonths: integer("renewal_months").notNull(),
    withdrawalRules: text("withdrawal_rules").notNull().default(""),
    baseYear: integer("base_year").notNull(),
    baseBudget: integer("base_budget").notNull(),
    indexBasisPoints: integer("index_basis_points").notNull().default(0),
    regionShareBasisPoints: integer("region_share_basis_points").notNull(),
    /** The region's amount for the base year when set by decision (overrides the percentage). */
    regionBaseAmount: integer("region_base_amount"),
    /** The population date rule: figures of `population_month_day` in budget year + offset (1 Nov the year before). */
    populationMonthDay: text("population_month_day").notNull().default("11-01"),
    populationYearOffset: integer("population_year_offset").notNull().default(-1),
    /** JSON: [{ principal, profession, fte }]; `principal` is the paying side ("Regionen", "Kommunerna"). */
    staffing: text("staffing").notNull().default("[]"),
    matterId: integer("matter_id").references(() => matters.id),
    recommendationId: integer("recommendation_id").references((): AnySQLiteColumn => recommendations.id),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("agreement_versions_agreement").on(t.agreementId),
    index("agreement_versions_matter").on(t.matterId),
    index("agreement_versions_created_by").on(t.createdBy),
    index("agreement_versions_recommendation").on(t.recommendationId),
    check("agreement_versions_label", sql`length(${t.label}) BETWEEN 1 AND 300`),
    check("agreement_versions_term", sql`${t.firstTermEnd} >= ${t.firstTermStart}`),
    check("agreement_versions_notice", sql`${t.noticeMonths} BETWEEN 0 AND 120`),
    check("agreement_versions_renewal", sql`${t.renewalMonths} BETWEEN 1 AND 120`),
    check("agreement_versions_base_year", sql`${t.baseYear} BETWEEN 2000 AND 2100`),
    check("agreement_versions_base_budget", sql`${t.baseBudget} >= 0`),
    check("agreement_versions_index", sql`${t.indexBasisPoints} BETWEEN 0 AND 10000`),
    check("agreement_versions_region_share", sql`${t.regionShareBasisPoints} BETWEEN 0 AND 10000`),
    check(
      "agreement_versions_region_amount",
      sql`${t.regionBaseAmount} IS NULL OR ${t.regionBaseAmount} BETWEEN 0 AND ${t.baseBudget}`,
    ),
    check(
      "agreement_versions_population_day",
      sql`${t.populationMonthDay} GLOB '[01][0-9]-[0-3][0-9]' AND ${t.populationMonthDay} <> '02-29'`,
    ),
    check("agreement_versions_population_offset", sql`${t.populationYearOffset} BETWEEN -5 AND 0`),
    check("agreement_versions_texts", sql`length(${t.changeSummary}) <= 5000 AND length(${t.withdrawalRules}) <= 5000`),
    check("agreement_versions_version", sql.raw(`"version" >= 1`)),
  ],
);

/**
 * The principals (huvudmän) an agreement version names: one per side. The region's principal
 * employs the health-care staff, the municipal principal (Östersund) the municipal staff and
 * invoices the other municipalities (`invoices_others`).
 */
export const agreementPrincipals = sqliteTable(
  "agreement_principals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agreementVersionId: integer("agreement_version_id")
      .notNull()
      .references(() => agreementVersions.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    side: text("side", { enum: PRINCIPAL_SIDES }).notNull(),
    invoicesOthers: integer("invoices_others", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    uniqueIndex("agreement_principals_side").on(t.agreementVersionId, t.side),
    uniqueIndex("agreement_principals_org").on(t.agreementVersionId, t.organisationId),
    index("agreement_principals_organisation").on(t.organisationId),
    check("agreement_principals_side_check", oneOfSql(t.side, PRINCIPAL_SIDES)),
    check("agreement_principals_invoices", sql`${t.invoicesOthers} IN (0, 1)`),
  ],
);

/**
 * An organisation's population on a date (`as_of`, e.g. "2022-11-01"). Which date a budget
 * year uses is the agreement version's rule. `illustrative` marks example figures (not SCB's).
 */
export const populations = sqliteTable(
  "populations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    asOf: text("as_of").notNull(),
    population: integer("population").notNull(),
    illustrative: integer("illustrative", { mode: "boolean" }).notNull().default(false),
    /** Where the figure comes from ("SCB, folkmängd 1 november"). */
    source: text("source").notNull().default(""),
    /** Optimistic locking: a save names the version of each figure it read (0: none yet). */
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("populations_org_as_of").on(t.organisationId, t.asOf),
    check("populations_as_of", sql`${t.asOf} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'`),
    check("populations_population", sql`${t.population} BETWEEN 0 AND 10000000`),
    check("populations_illustrative", sql`${t.illustrative} IN (0, 1)`),
    check("populations_source", sql`length(${t.source}) <= 300`),
    check("populations_version", sql.raw(`"version" >= 1`)),
  ],
);

/**
 * A budget year of a collaboration: a total set by decision (else the previous year indexed,
 * see app/domain/budget-cycle.ts) and the outcome (bokslut).
 */
export const budgetYears = sqliteTable(
  "budget_years",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    collaborationId: integer("collaboration_id")
      .notNull()
      .references(() => collaborations.id),
    year: integer("year").notNull(),
    totalByDecision: integer("total_by_decision"),
    /** The decision that set the total: date and reference ("SVOM 2024-11-29 § 45"). */
    decidedOn: text("decided_on"),
    decisionRef: text("decision_ref").notNull().default(""),
    /** Bokslut: the actual cost of the year. */
    outcome: integer("outcome"),
    note: text("note").notNull().default(""),
    /** The row's figures are examples (demo data the sources do not state); shown flagged everywhere. */
    illustrative: integer("illustrative", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("budget_years_collab_year").on(t.collaborationId, t.year),
    check("budget_years_year", sql`${t.year} BETWEEN 2000 AND 2100`),
    check("budget_years_total", sql`${t.totalByDecision} IS NULL OR ${t.totalByDecision} >= 0`),
    check("budget_years_outcome", sql`${t.outcome} IS NULL OR ${t.outcome} >= 0`),
    check("budget_years_texts", sql`length(${t.decisionRef}) <= 300 AND length(${t.note}) <= 2000`),
    check("budget_years_illustrative", sql`${t.illustrative} IN (0, 1)`),
  ],
);

/**
 * Joint funds (gemensamma medel, e.g. the 4 000 000 kr state grant of 2023), which reduce the
 * parties' shares, and one-off costs (engångskostnad, furniture at start), which add to them,
 * each shared by a rule (app/domain/cost-allocation.ts ALLOCATION_RULES).
 */
export const budgetItems = sqliteTable(
  "budget_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    collaborationId: integer("collaboration_id")
      .notNull()
      .references(() => collaborations.id),
    year: integer("year").notNull(),
    kind: text("kind", { enum: BUDGET_ITEM_KINDS }).notNull(),
    label: text("label").notNull(),
    amount: integer("amount").notNull(),
    rule: text("rule", { enum: ALLOCATION_RULES }).notNull().default("modell"),
    /** The party that carries it all when the rule is "part". */
    organisationId: integer("organisation_id").references(() => organisations.id),
    note: text("note").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index("budget_items_collab_year").on(t.collaborationId, t.year),
    index("budget_items_organisation").on(t.organisationId),
    check("budget_items_year", sql`${t.year} BETWEEN 2000 AND 2100`),
    check("budget_items_kind", oneOfSql(t.kind, BUDGET_ITEM_KINDS)),
    check("budget_items_rule", oneOfSql(t.rule, ALLOCATION_RULES)),
    check("budget_items_amount", sql`${t.amount} > 0`),
    check("budget_items_label", sql`length(${t.label}) BETWEEN 1 AND 300 AND length(${t.note}) <= 2000`),
    check("budget_items_party", sql`(${t.rule} = 'part') = (${t.organisationId} IS NOT NULL)`),
  ],
);

/** Amounts per party as recorded in a document (e.g. the 2023 proposal), to compare with the model. */
export const recordedAllocations = sqliteTable(
  "recorded_allocations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    collaborationId: integer("collaboration_id")
      .notNull()
      .references(() => collaborations.id),
    year: integer("year").notNull(),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    amount: integer("amount").notNull(),
    source: text("source").notNull(),
  },
  (t) => [
    uniqueIndex("recorded_allocations_key").on(t.collaborationId, t.year, t.organisationId),
    index("recorded_allocations_organisation").on(t.organisationId),
    check("recorded_allocations_amount", sql`${t.amount} >= 0`),
  ],
);

// --- Shared documents (the documents issue) -------------------------------------------------

/** A document in the library. Its content is in versions; `currentVersionId` marks the current one. */
export const documents = sqliteTable(
  "documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    collaborationId: integer("collaboration_id")
      .notNull()
      .references(() => collaborations.id),
    title: text("title").notNull(),
    kind: text("kind", { enum: DOCUMENT_KINDS }).notNull(),
    bodyId: integer("body_id").references(() => bodies.id),
    date: text("date").notNull(),
    /** public: everyone; members: signed-in users; bodies: members of the chosen bodies. */
    visibility: text("visibility", { enum: DOCUMENT_VISIBILITIES }).notNull().default("members"),
    currentVersionId: integer("current_version_id").references((): AnySQLiteColumn => documentVersions.id),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("documents_kind_date").on(t.kind, t.date),
    index("documents_date").on(t.date),
    index("documents_visibility").on(t.visibility, t.date),
    index("documents_body").on(t.bodyId, t.date),
    // The library of a collaboration newest first, with who may read: its count reads only this index.
    index("documents_collaboration").on(t.collaborationId, t.date, t.visibility),
    // The public library of a collaboration (anonymous visitors) newest first: its count and any
    // page's ids read only this index (by documents_visibility they read every public row).
    index("documents_collaboration_visibility").on(t.collaborationId, t.visibility, t.date),
    index("documents_created_by").on(t.createdBy),
    index("documents_current_version").on(t.currentVersionId),
    check("documents_kind", inSql("kind", DOCUMENT_KINDS)),
    check("documents_visibility", inSql("visibility", DOCUMENT_VISIBILITIES)),
    check("documents_title", lengthSql("title", 1, 300)),
    check("documents_date", isoDateSql("date")),
    check("documents_version", sql.raw(`"version" >= 1`)),
  ],
);

export const documentBodies = sqliteTable(
  "document_bodies",
  {
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id),
  },
  (t) => [uniqueIndex("document_bodies_pk").on(t.documentId, t.bodyId), index("document_bodies_body").on(t.bodyId)],
);

/** Every upload or edit is a new version; older versions stay downloadable. */
export const documentVersions = sqliteTable(
  "document_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    versionNo: integer("version_no").notNull(),
    fileId: integer("file_id").references(() => files.id),
    markdown: text("markdown"),
    /** Text for search: the Markdown, or text extracted from the PDF/DOCX. */
    searchText: text("search_text").notNull().default(""),
    comment: text("comment").notNull().default(""),
    authorId: text("author_id").references(() => users.id),
    createdAt: createdAt(),
    /**
     * Whether search_text is in the search index. A long text is indexed after its write, by a
     * worker thread (app/utils/text-indexer.server.ts): indexing a million characters takes
     * about 0.2 s, which would hold the server's event loop inside the write.
     */
    textIndexed: integer("text_indexed", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [
    uniqueIndex("document_versions_no").on(t.documentId, t.versionNo),
    index("document_versions_text_pending").on(t.id).where(sql.raw(`"text_indexed" = 0`)),
    index("document_versions_file").on(t.fileId),
    index("document_versions_author").on(t.authorId),
    check("document_versions_no", sql.raw(`"version_no" >= 1`)),
    check("document_versions_comment", lengthSql("comment", 0, 1000)),
  ],
);

export const DOCUMENT_LINK_TYPES = ["meeting", "agenda_item", "matter", "decision", "agreement"] as const;

export const documentLinks = sqliteTable(
  "document_links",
  {
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    targetType: text("target_type", { enum: DOCUMENT_LINK_TYPES }).notNull(),
    targetId: integer("target_id").notNull(),
  },
  (t) => [
    uniqueIndex("document_links_pk").on(t.documentId, t.targetType, t.targetId),
    index("document_links_target").on(t.targetType, t.targetId),
    check("document_links_target_type", inSql("target_type", DOCUMENT_LINK_TYPES)),
  ],
);

/**
 * The key figures a collaboration follows (nyckeltal), defined by the coordinator: Mini-Maria's
 * contacts, shares of boys and girls, primary problem … Aggregates only; never individuals.
 */
export const keyFigureDefinitions = sqliteTable(
  "key_figure_definitions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    collaborationId: integer("collaboration_id")
      .notNull()
      .references(() => collaborations.id),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    unit: text("unit", { enum: KEY_FIGURE_UNITS }).notNull(),
    /** Shares in the same group add up to at most 100 % (e.g. "kön"); "" for none. */
    sumGroup: text("sum_group").notNull().default(""),
    /** Shown as a bar chart per year on the follow-up page. */
    chart: integer("chart", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("key_figure_definitions_label").on(t.collaborationId, t.label),
    check("key_figure_definitions_position", sql`"position" between 1 and 1000`),
    check("key_figure_definitions_label_length", sql`length("label") between 1 and 120`),
    check("key_figure_definitions_unit", sql.raw(`"unit" in (${KEY_FIGURE_UNITS.map((u) => `'${u}'`).join(", ")})`)),
    check("key_figure_definitions_sum_group", sql`length("sum_group") <= 60`),
    check("key_figure_definitions_chart", sql`"chart" in (0, 1)`),
  ],
);

/** A year of key figures: the annual report they come from and a note; the figures are in key_figure_values. */
export const keyFigures = sqliteTable(
  "key_figures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    collaborationId: integer("collaboration_id")
      .notNull()
      .references(() => collaborations.id),
    year: integer("year").notNull(),
    documentId: integer("document_id").references(() => documents.id),
    note: text("note").notNull().default(""),
  },
  (t) => [
    uniqueIndex("key_figures_collab_year").on(t.collaborationId, t.year),
    index("key_figures_document").on(t.documentId),
    check("key_figures_year", sql`"year" between 1900 and 2200`),
    check("key_figures_note", sql`length("note") <= 2000`),
  ],
);

/** One figure of one year: a whole number, or a text for figures measured in words. */
export const keyFigureValues = sqliteTable(
  "key_figure_values",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    keyFigureId: integer("key_figure_id")
      .notNull()
      .references(() => keyFigures.id, { onDelete: "cascade" }),
    definitionId: integer("definition_id")
      .notNull()
      .references(() => keyFigureDefinitions.id, { onDelete: "cascade" }),
    numberValue: integer("number_value"),
    textValue: text("text_value"),
  },
  (t) => [
    uniqueIndex("key_figure_values_key").on(t.keyFigureId, t.definitionId),
    index("key_figure_values_definition").on(t.definitionId),
    check("key_figure_values_one", sql`("number_value" is null) <> ("text_value" is null)`),
    check("key_figure_values_number", sql`"number_value" is null or "number_value" >= 0`),
    check("key_figure_values_text", sql`"text_value" is null or length("text_value") between 1 and 500`),
  ],
);

// --- Assignments and recommendations (decisions issue) ----------------------------------------

export const ASSIGNEE_TYPES = ["person", "body", "party"] as const;

/** An assignment (uppdrag) given by a decision, followed up until it is reported back. */
export const assignments = sqliteTable(
  "assignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    collaborationId: integer("collaboration_id")
      .notNull()
      .references(() => collaborations.id),
    decisionId: integer("decision_id").references(() => decisions.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    assigneeType: text("assignee_type", { enum: ASSIGNEE_TYPES }).notNull(),
    /** people.id, bodies.id or organisations.id depending on the type. */
    assigneeId: integer("assignee_id").notNull(),
    dueDate: text("due_date"),
    dueMeetingId: integer("due_meeting_id").references(() => meetings.id),
    status: text("status", { enum: ASSIGNMENT_STATUSES }).notNull().default("ej påbörjad"),
    reportItemId: integer("report_item_id").references(() => agendaItems.id),
    createdBy: text("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index("assignments_status").on(t.status, t.dueDate),
    index("assignments_collab_due").on(t.collaborationId, t.dueDate),
    index("assignments_decision").on(t.decisionId),
    index("assignments_due_meeting").on(t.dueMeetingId),
    index("assignments_report_item").on(t.reportItemId),
    index("assignments_created_by").on(t.createdBy),
    check("assignments_assignee_type", inSql("assignee_type", ASSIGNEE_TYPES)),
    check("assignments_status", inSql("status", ASSIGNMENT_STATUSES)),
    check("assignments_title", lengthSql("title", 1, 300)),
    check("assignments_description", lengthSql("description", 0, 100000)),
    check("assignments_due_date", isoDateSql("due_date")),
    check("assignments_version", sql.raw(`"version" >= 1`)),
  ],
);

/** `column` holds an ISO date ("2026-12-31") or is null. */
function isoDateSql(column: string) {
  return sql.raw(`${column} IS NULL OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`);
}

/**
 * A recommendation to the parties (rekommendationsbeslut): what each must decide, and by when.
 * Lifecycle in `status` (app/domain/recommendations.ts): utkast → beslutad (linked to the
 * approved § in `decisionId`) → skickad → uppföljd → avslutad, or återkallad with a reason.
 * The columns hold the current text; every text sent to the parties is kept in
 * recommendation_versions (a correction adds one, with its reason).
 */
export const recommendations = sqliteTable(
  "recommendations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    collaborationId: integer("collaboration_id")
      .notNull()
      .references(() => collaborations.id),
    /** The approved § of SVOM (or Barnarenan) that decided the recommendation. */
    decisionId: integer("decision_id").references(() => decisions.id),
    matterId: integer("matter_id").references(() => matters.id),
    status: text("status", { enum: RECOMMENDATION_STATUSES }).notNull().default("utkast"),
    title: text("title").notNull(),
    /** Markdown: what is proposed and why, in plain language. */
    summary: text("summary").notNull().default(""),
    /** What each party is asked to decide (the common text). */
    ask: text("ask").notNull(),
    answerDeadline: text("answer_deadline").notNull(),
    /** The year whose cost per party the recommendation names (from the agreement's cost split). */
    costYear: integer("cost_year"),
    isPublic: integer("is_public", { mode: "boolean" }).notNull().default(true),
    agreementVersionId: integer("agreement_version_id").references(() => agreementVersions.id),
    sentAt: text("sent_at"),
    sentBy: text("sent_by").references(() => users.id),
    /** The latest follow-up (e.g. SVOM 2022-10-07) and what it concluded. */
    followedUpOn: text("followed_up_on"),
    followUpNote: text("follow_up_note").notNull().default(""),
    closedAt: text("closed_at"),
    withdrawnAt: text("withdrawn_at"),
    withdrawnBy: text("withdrawn_by").references(() => users.id),
    withdrawalReason: text("withdrawal_reason").notNull().default(""),
    createdBy: text("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index("recommendations_collab_deadline").on(t.collaborationId, t.answerDeadline),
    index("recommendations_decision").on(t.decisionId),
    index("recommendations_matter").on(t.matterId),
    index("recommendations_agreement_version").on(t.agreementVersionId),
    index("recommendations_created_by").on(t.createdBy),
    index("recommendations_sent_by").on(t.sentBy),
    index("recommendations_withdrawn_by").on(t.withdrawnBy),
    check("recommendations_status", oneOfSql(t.status, RECOMMENDATION_STATUSES)),
    check("recommendations_title", sql.raw("length(trim(title)) BETWEEN 1 AND 300")),
    check("recommendations_ask", sql.raw("length(trim(ask)) >= 1")),
    check("recommendations_deadline", isoDateSql("answer_deadline")),
    check("recommendations_followed_up_on", isoDateSql("followed_up_on")),
    check("recommendations_cost_year", sql.raw("cost_year IS NULL OR cost_year BETWEEN 2000 AND 2200")),
    check("recommendations_decided", sql.raw("status = 'utkast' OR decision_id IS NOT NULL OR sent_at IS NOT NULL")),
    check("recommendations_sent", sql.raw("status IN ('utkast', 'beslutad') OR sent_at IS NOT NULL")),
    check(
      "recommendations_withdrawn",
      sql.raw("status <> 'återkallad' OR (withdrawn_at IS NOT NULL AND length(trim(withdrawal_reason)) > 0)"),
    ),
    check("recommendations_version", sql.raw("version >= 1")),
    check("recommendations_is_public", flagSql("is_public")),
  ],
);

/** Every text of a recommendation the parties received: version 1 when sent, one more per correction. */
export const recommendationVersions = sqliteTable(
  "recommendation_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recommendationId: integer("recommendation_id")
      .notNull()
      .references(() => recommendations.id),
    versionNo: integer("version_no").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    ask: text("ask").notNull(),
    answerDeadline: text("answer_deadline").notNull(),
    costYear: integer("cost_year"),
    /** Why this version replaced the previous one (empty only for the first). */
    reason: text("reason").notNull().default(""),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("recommendation_versions_no").on(t.recommendationId, t.versionNo),
    index("recommendation_versions_created_by").on(t.createdBy),
    check("recommendation_versions_no", sql.raw("version_no >= 1")),
    check("recommendation_versions_reason", sql.raw("version_no = 1 OR length(trim(reason)) > 0")),
    check("recommendation_versions_deadline", isoDateSql("answer_deadline")),
  ],
);

/** The extract of minutes and supporting documents that go with a recommendation. */
export const recommendationFiles = sqliteTable(
  "recommendation_files",
  {
    recommendationId: integer("recommendation_id")
      .notNull()
      .references(() => recommendations.id),
    fileId: integer("file_id")
      .notNull()
      .references(() => files.id),
    role: text("role", { enum: RECOMMENDATION_FILE_ROLES }).notNull(),
  },
  (t) => [
    uniqueIndex("recommendation_files_pk").on(t.recommendationId, t.fileId),
    index("recommendation_files_file").on(t.fileId),
    check("recommendation_files_role", oneOfSql(t.role, RECOMMENDATION_FILE_ROLES)),
  ],
);

/** One party asked by a recommendation, with its current answer. History is in party_answers. */
export const recommendationParties = sqliteTable(
  "recommendation_parties",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recommendationId: integer("recommendation_id")
      .notNull()
      .references(() => recommendations.id),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** The party's own deadline, when it differs from the recommendation's. */
    deadline: text("deadline"),
    status: text("status", { enum: ANSWER_STATUSES }).notNull().default("väntar"),
    /** Decision date, or for a status in progress the date of the party's own meeting. */
    decisionDate: text("decision_date"),
    /** The body that decided, as the party names it (kommunfullmäktige, hälso- och sjukvårdsnämnden …). */
    decidingBody: text("deciding_body").notNull().default(""),
    /** § of the party's minutes. */
    paragraph: integer("paragraph"),
    /** The party's registry number (diarienummer). */
    registryNumber: text("registry_number").notNull().default(""),
    /** For "antagen med ändringar": the changes, for the coordinator's review. */
    changes: text("changes").notNull().default(""),
    /** The extract of the party's minutes. */
    fileId: integer("file_id").references(() => files.id),
    note: text("note").notNull().default(""),
    confirmedBy: text("confirmed_by").references(() => users.id),
    confirmedAt: text("confirmed_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("recommendation_parties_key").on(t.recommendationId, t.organisationId),
    index("recommendation_parties_organisation").on(t.organisationId, t.status),
    index("recommendation_parties_status").on(t.status),
    index("recommendation_parties_file").on(t.fileId),
    index("recommendation_parties_confirmed_by").on(t.confirmedBy),
    check("recommendation_parties_status", oneOfSql(t.status, ANSWER_STATUSES)),
    check("recommendation_parties_deadline", isoDateSql("deadline")),
    check("recommendation_parties_decision_date", isoDateSql("decision_date")),
    check("recommendation_parties_paragraph", sql.raw("paragraph IS NULL OR paragraph BETWEEN 1 AND 100000")),
    check("recommendation_parties_lengths", sql.raw("length(deciding_body) <= 200 AND length(registry_number) <= 100")),
    check("recommendation_parties_changes", sql.raw("status <> 'antagen med ändringar' OR length(trim(changes)) > 0")),
    check("recommendation_parties_version", sql.raw("version >= 1")),
  ],
);

/** Every report, confirmation or correction of a party's answer, in order. */
export const partyAnswers = sqliteTable(
  "party_answers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recommendationPartyId: integer("recommendation_party_id")
      .notNull()
      .references(() => recommendationParties.id),
    event: text("event", { enum: ANSWER_EVENTS }).notNull(),
    status: text("status", { enum: ANSWER_STATUSES }).notNull(),
    decisionDate: text("decision_date"),
    decidingBody: text("deciding_body").notNull().default(""),
    paragraph: integer("paragraph"),
    registryNumber: text("registry_number").notNull().default(""),
    changes: text("changes").notNull().default(""),
    fileId: integer("file_id").references(() => files.id),
    note: text("note").notNull().default(""),
    byUser: text("by_user").references(() => users.id),
    at: createdAt(),
  },
  (t) => [
    index("party_answers_party").on(t.recommendationPartyId, t.id),
    index("party_answers_file").on(t.fileId),
    index("party_answers_by_user").on(t.byUser),
    check("party_answers_event", oneOfSql(t.event, ANSWER_EVENTS)),
    check("party_answers_status", oneOfSql(t.status, ANSWER_STATUSES)),
    check("party_answers_decision_date", isoDateSql("decision_date")),
    check("party_answers_paragraph", sql.raw("paragraph IS NULL OR paragraph BETWEEN 1 AND 100000")),
  ],
);

/**
 * What went to a party about a recommendation: the recommendation itself, a correction, the
 * withdrawal, or a reminder before or after the deadline. Recorded in the same transaction as
 * the step; the mail path delivers it to the party's registrar.
 */
export const recommendationLetters = sqliteTable(
  "recommendation_letters",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recommendationId: integer("recommendation_id")
      .notNull()
      .references(() => recommendations.id),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    kind: text("kind", { enum: RECOMMENDATION_LETTER_KINDS }).notNull(),
    /** The version of the text the letter carries. */
    versionNo: integer("version_no").notNull(),
    /** The day it was sent, in Stockholm (reminders are counted in days). */
    sentOn: text("sent_on").notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("recommendation_letters_rec").on(t.recommendationId, t.organisationId),
    index("recommendation_letters_organisation").on(t.organisationId),
    index("recommendation_letters_created_by").on(t.createdBy),
    check("recommendation_letters_kind", oneOfSql(t.kind, RECOMMENDATION_LETTER_KINDS)),
    check("recommendation_letters_sent_on", isoDateSql("sent_on")),
  ],
);

// --- Mail: the outbox and the background jobs' leases (the mail issue) ---------------------------

/** `column IN (…)` for a CHECK constraint, from an enumeration defined in the domain. */
const oneOfValues = (column: AnySQLiteColumn, values: readonly string[]) =>
  sql`${column} in (${sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", "))})`;

/**
 * Every e-mail the portal sends, written in the same transaction as the event that causes it
 * (app/models/outbox.server.ts `enqueueMail`) and delivered afterwards by the sender
 * (app/jobs/mail-sender.server.ts). (event_key, to_address) is unique: at most one message
 * per recipient and event, however often the event's code or a job runs.
 */
export const mailOutbox = sqliteTable(
  "mail_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** What caused the message, e.g. "notice:12:v1" or "reminder:proposal:12:3". */
    eventKey: text("event_key").notNull(),
    kind: text("kind", { enum: MAIL_KINDS }).notNull(),
    toAddress: text("to_address").notNull(),
    toName: text("to_name").notNull().default(""),
    /** The person the message is for (preferences, digest, unsubscribe); null for a mailbox such as a registrar. */
    personId: integer("person_id").references(() => people.id),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    /** JSON: [{ filename, contentType, content }] with text content (an .ics). */
    attachments: text("attachments").notNull().default("[]"),
    /** JSON: extra headers, e.g. List-Unsubscribe. */
    headers: text("headers").notNull().default("{}"),
    /** Fixed when the row is written, so every retry carries the same Message-ID. */
    messageId: text("message_id").notNull().unique(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("väntar"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    /** The lease of the process delivering the row now (several server processes may run). */
    claimedBy: text("claimed_by"),
    claimedUntil: text("claimed_until"),
    /** "smtp" or "fil": how the last attempt delivered it (a crashed .eml write is safe to repeat). */
    via: text("via", { enum: ["smtp", "fil"] }),
    lastError: text("last_error").notNull().default(""),
    sentAt: text("sent_at"),
    /** For messages that went out in a daily digest: the digest's row. */
    digestId: integer("digest_id").references((): AnySQLiteColumn => mailOutbox.id),
    createdAt: createdAt(),
    /**
     * JSON (`MailAbout`, app/domain/mail.ts): what the message is about, so the sender asks the
     * policy again whether its person may open it on the day it is sent. Null: about nothing
     * the policy guards (an invitation, a digest, a registrar's letter), or queued before it was
     * kept. Last: a later migration added it (0032).
     */
    about: text("about"),
  },
  (t) => [
    uniqueIndex("mail_outbox_event_recipient").on(t.eventKey, t.toAddress),
    index("mail_outbox_due").on(t.status, t.nextAttemptAt),
    index("mail_outbox_person").on(t.personId, t.status),
    index("mail_outbox_digest").on(t.digestId),
    check("mail_outbox_kind", oneOfValues(t.kind, MAIL_KINDS)),
    check("mail_outbox_status", oneOfValues(t.status, OUTBOX_STATUSES)),
    check("mail_outbox_via", sql`${t.via} is null or ${t.via} in ('smtp', 'fil')`),
    check("mail_outbox_attempts", sql`${t.attempts} >= 0`),
    check("mail_outbox_address", sql`length(${t.toAddress}) between 3 and 254 and ${t.toAddress} like '%_@_%'`),
    check("mail_outbox_subject", sql`length(${t.subject}) between 1 and 500`),
    check("mail_outbox_event_key", sql`length(${t.eventKey}) between 1 and 200`),
  ],
);

/**
 * One row per background job (reminders, digests): the process holding the lease runs it; a
 * second process, or a second run while one is going, finds the lease taken and does nothing.
 */
export const jobLeases = sqliteTable("job_leases", {
  name: text("name").primaryKey(),
  owner: text("owner"),
  leaseUntil: text("lease_until"),
  lastStartedAt: text("last_started_at"),
  lastFinishedAt: text("last_finished_at"),
  lastError: text("last_error").notNull().default(""),
  runs: integer("runs").notNull().default(0),
});

/**
 * A person's choice per kind of message (app/domain/mail.ts MAIL_DELIVERIES). No row: at once.
 * Set on /konto/e-post, or to "av" by the one-click unsubscribe link of a message.
 */
export const mailPreferences = sqliteTable(
  "mail_preferences",
  {
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    kind: text("kind", { enum: MAIL_KINDS }).notNull(),
    delivery: text("delivery", { enum: MAIL_DELIVERIES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.kind] }),
    check("mail_preferences_kind", oneOfValues(t.kind, MAIL_KINDS)),
    check("mail_preferences_delivery", oneOfValues(t.delivery, MAIL_DELIVERIES)),
  ],
);

/**
 * The secret in a person's unsubscribe links (RFC 8058 one-click, no sign-in): random, stored
 * as it is sent (it only turns messages off). Made when the first message to the person is queued.
 */
export const mailTokens = sqliteTable(
  "mail_tokens",
  {
    personId: integer("person_id")
      .primaryKey()
      .references(() => people.id),
    token: text("token").notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [check("mail_tokens_token", sql`length(${t.token}) between 20 and 64`)],
);

// --- Absence and substitutes (förhinder, tjänstgörande ersättare) ------------------------------

/**
 * A called person's answer for one meeting: "förhinder" (cannot come) from a member, or
 * "tjänstgör" (serves) from a deputy, naming whom they replace when known. One per person and meeting.
 */
export const meetingResponses = sqliteTable(
  "meeting_responses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    answer: text("answer", { enum: MEETING_ANSWERS }).notNull(),
    /** For "tjänstgör": the member the deputy replaces (null when not decided). */
    forPersonId: integer("for_person_id").references(() => people.id),
    note: text("note").notNull().default(""),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("meeting_responses_person").on(t.meetingId, t.personId),
    index("meeting_responses_person_id").on(t.personId),
    index("meeting_responses_for_person").on(t.forPersonId),
    index("meeting_responses_created_by").on(t.createdBy),
    check("meeting_responses_answer", oneOfValues(t.answer, MEETING_ANSWERS)),
    check("meeting_responses_for", sql`${t.answer} = 'tjänstgör' or ${t.forPersonId} is null`),
  ],
);

/**
 * A report of an accessibility problem, sent with the form on the accessibility statement
 * (/tillganglighet) by anyone, signed in or not. The coordinator reads them on that page.
 */
export const accessibilityReports = sqliteTable(
  "accessibility_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    createdAt: createdAt(),
    userId: text("user_id").references(() => users.id),
    page: text("page").notNull().default(""),
    description: text("description").notNull(),
    contact: text("contact").notNull().default(""),
  },
  (t) => [
    index("accessibility_reports_user").on(t.userId),
    check("accessibility_reports_description", sql`length(${t.description}) between 1 and 5000`),
    check("accessibility_reports_page", sql`length(${t.page}) <= 300`),
    check("accessibility_reports_contact", sql`length(${t.contact}) <= 300`),
  ],
);

// --- Example data (exempeluppgift) -------------------------------------------------------------

/**
 * Which field of which record is demo data that the source documents do not state
 * (app/domain/example-facts.ts); every page showing the value marks it. `entity_id` names a
 * row of the table the entity stands for (polymorphic, so no foreign key).
 */
export const exampleFacts = sqliteTable(
  "example_facts",
  {
    entity: text("entity", { enum: EXAMPLE_ENTITIES as [ExampleEntity, ...ExampleEntity[]] }).notNull(),
    entityId: integer("entity_id").notNull(),
    field: text("field").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.entity, t.entityId, t.field] }),
    // The entity and field together name a known pair (which also bounds both texts).
    check(
      "example_facts_field",
      sql.raw(`("entity" || '.' || "field") IN (${EXAMPLE_FIELD_KEYS.map((k) => `'${k}'`).join(", ")})`),
    ),
  ],
);

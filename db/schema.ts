/**
 * The database schema (Drizzle, SQLite). One file so drizzle-kit sees everything;
 * sections follow the domain. Dates are ISO strings ("2026-12-31"), timestamps are
 * ISO instants in UTC; both sort correctly as text.
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
// Enumerations are defined once, with the rules that use them (pure domain modules).
import { DOCUMENT_KINDS } from "../app/domain/documents";
import { AGENDA_ITEM_KINDS } from "../app/domain/meetings";
import { ANSWER_STATUSES, ASSIGNMENT_STATUSES } from "../app/domain/recommendations";

export { AGENDA_ITEM_KINDS, ANSWER_STATUSES, ASSIGNMENT_STATUSES, DOCUMENT_KINDS };

const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

// --- Collaborations, parties and bodies -------------------------------------------------

/** A joint operation run by several parties (samverkan), e.g. Mini-Maria Jämtland Härjedalen. */
export const collaborations = sqliteTable("collaborations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  createdAt: createdAt(),
});

/** An organisation that can be a party (part/huvudman): a region or a municipality. */
export const organisations = sqliteTable("organisations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  kind: text("kind", { enum: ["region", "kommun", "annan"] }).notNull(),
  createdAt: createdAt(),
});

export const PARTY_STATUSES = ["inbjuden", "inriktningsbeslut fattat", "medlem", "uppsagd", "utträtt"] as const;

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
    /** First day as a member (the agreement's start for the founding parties). */
    memberSince: text("member_since"),
    branchClinic: text("branch_clinic").notNull().default(""),
    /** inbjuden → inriktningsbeslut fattat → medlem → uppsagd (notice given) → utträtt. */
    status: text("status", { enum: PARTY_STATUSES }).notNull().default("medlem"),
    directionDecisionOn: text("direction_decision_on"),
    /** Written notice of termination: the day it was received and the resulting exit date. */
    noticeReceivedOn: text("notice_received_on"),
    noticeFileId: integer("notice_file_id"),
    /** Last day as a party (the end of the term the notice applies to). */
    exitDate: text("exit_date"),
    /** Withdrawal and winding-up negotiation: status notes. */
    withdrawalNote: text("withdrawal_note").notNull().default(""),
    contactPersonId: integer("contact_person_id"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("parties_collab_org").on(t.collaborationId, t.organisationId)],
);

export const BODY_KINDS = ["politisk", "styrgrupp", "referensgrupp", "arbetsgrupp", "beredning"] as const;

/** A governing or preparatory body (organ) of a collaboration: SVOM, styrgrupp, … */
export const bodies = sqliteTable(
  "bodies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    collaborationId: integer("collaboration_id")
      .notNull()
      .references(() => collaborations.id),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    shortName: text("short_name").notNull(),
    kind: text("kind", { enum: BODY_KINDS }).notNull(),
    description: text("description").notNull().default(""),
    /** Days before a meeting by which members may propose agenda items. */
    proposalDeadlineDays: integer("proposal_deadline_days").notNull().default(14),
    /** Published agendas and approved minutes are public records (e.g. SVOM). */
    publicRecords: integer("public_records", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("bodies_collab_slug").on(t.collaborationId, t.slug)],
);

/** A person: a member of bodies and possibly a user account. Never a client. */
export const people = sqliteTable("people", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  title: text("title").notNull().default(""),
  email: text("email"),
  organisationId: integer("organisation_id").references(() => organisations.id),
  createdAt: createdAt(),
});

export const MEMBERSHIP_ROLES = [
  "ordförande",
  "vice ordförande",
  "ledamot",
  "ersättare",
  "sekreterare",
  "adjungerad",
] as const;

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
  (t) => [index("memberships_body").on(t.bodyId), index("memberships_person").on(t.personId)],
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
    /** Raised on every change that calendar subscribers should see (ICS SEQUENCE). */
    calendarSequence: integer("calendar_sequence").notNull().default(0),
    /** Minutes are public records once approved (default from the body; set per meeting). */
    isPublic: integer("is_public", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("meetings_body_date").on(t.bodyId, t.date)],
);

// --- Accounts, sessions, audit ------------------------------------------------------------

export const USER_ROLES = ["admin", "member", "reader"] as const;

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: USER_ROLES }).notNull(),
  personId: integer("person_id").references(() => people.id),
  /** Secret for the personal calendar feed URL; null until the user asks for it. */
  calendarToken: text("calendar_token").unique(),
  createdAt: createdAt(),
});

/** Lucia's session table: the cookie holds only the opaque id. */
export const sessions = sqliteTable("sessions", {
  id: text("id").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expiresAt: integer("expires_at").notNull(),
  /** Unix seconds; enforces the absolute session lifetime whatever the sliding expiry says. */
  createdAt: integer("created_at").notNull(),
});

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
  },
  (t) => [index("audit_entity").on(t.entityType, t.entityId), index("audit_at").on(t.at)],
);

// --- Files (supporting documents, letters, extracts) --------------------------------------

/**
 * An uploaded file. The bytes live in UPLOAD_DIR under `storageName` (server-generated,
 * never the user's name); `kind`/`mime` are decided from the content, not the name.
 */
export const files = sqliteTable("files", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  storageName: text("storage_name").notNull().unique(),
  originalName: text("original_name").notNull(),
  mime: text("mime").notNull(),
  size: integer("size").notNull(),
  sha256: text("sha256").notNull(),
  uploadedBy: text("uploaded_by").references(() => users.id),
  createdAt: createdAt(),
});

// --- Matters and decisions (the decisions issue builds the register on these) ---------------

export const MATTER_STATUSES = ["öppet", "avslutat"] as const;

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
  (t) => [uniqueIndex("matters_collab_registry").on(t.collaborationId, t.registryNumber)],
);

export const DECISION_KINDS = ["beslut", "uppdrag", "rekommendation"] as const;
export const DECISION_STATUSES = ["gäller", "verkställt", "upphävt"] as const;

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
    agendaItemId: integer("agenda_item_id"),
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
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("decisions_body_year_paragraph").on(t.bodyId, t.year, t.paragraph),
    index("decisions_matter").on(t.matterId),
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
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index("agenda_items_meeting").on(t.meetingId, t.position)],
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
  (t) => [uniqueIndex("agenda_item_files_pk").on(t.agendaItemId, t.fileId)],
);

export const PROPOSAL_STATUSES = ["inkommet", "accepterat", "avslaget"] as const;

/** A member's proposal for an agenda item, accepted or declined by the secretary. */
export const itemProposals = sqliteTable("item_proposals", {
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
});

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
  (t) => [uniqueIndex("proposal_files_pk").on(t.proposalId, t.fileId)],
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
  (t) => [uniqueIndex("agenda_versions_meeting_no").on(t.meetingId, t.versionNo)],
);

export const ATTENDANCE_STATUSES = ["närvarande", "frånvarande", "ersättare tjänstgör"] as const;

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
  (t) => [uniqueIndex("attendance_meeting_person").on(t.meetingId, t.personId)],
);

export const MINUTES_STATUSES = ["utkast", "justerat"] as const;

/** Minutes of a meeting: draft → approved by the chair and the adjusters; then locked. */
export const minutes = sqliteTable("minutes", {
  meetingId: integer("meeting_id")
    .primaryKey()
    .references(() => meetings.id, { onDelete: "cascade" }),
  status: text("status", { enum: MINUTES_STATUSES }).notNull().default("utkast"),
  version: integer("version").notNull().default(1),
  approvedAt: text("approved_at"),
});

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
    role: text("role", { enum: ["ordförande", "justerare"] }).notNull(),
    signedBy: text("signed_by")
      .notNull()
      .references(() => users.id),
    signedAt: createdAt(),
  },
  (t) => [uniqueIndex("minutes_signatures_meeting_person").on(t.meetingId, t.personId)],
);

/** A correction of approved minutes: a new recorded revision with a reason. */
export const minutesRevisions = sqliteTable("minutes_revisions", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  meetingId: integer("meeting_id")
    .notNull()
    .references(() => meetings.id, { onDelete: "cascade" }),
  agendaItemId: integer("agenda_item_id").references(() => agendaItems.id),
  reason: text("reason").notNull(),
  before: text("before").notNull(),
  after: text("after").notNull(),
  createdBy: text("created_by")
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

// --- Agreements, population and cost split (the agreement issue) ----------------------------

/** A collaboration agreement (samarbetsavtal); its content lives in versions. */
export const agreements = sqliteTable("agreements", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  collaborationId: integer("collaboration_id")
    .notNull()
    .references(() => collaborations.id),
  title: text("title").notNull(),
  createdAt: createdAt(),
});

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
    /** JSON: [{ principal, profession, fte }] */
    staffing: text("staffing").notNull().default("[]"),
    matterId: integer("matter_id").references(() => matters.id),
    recommendationId: integer("recommendation_id"),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("agreement_versions_agreement").on(t.agreementId)],
);

/** Population on 1 November of the year before `year` (the basis for `year`'s split). */
export const populations = sqliteTable(
  "populations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    year: integer("year").notNull(),
    population: integer("population").notNull(),
  },
  (t) => [uniqueIndex("populations_org_year").on(t.organisationId, t.year)],
);

/** A budget year of a collaboration: a total set by decision (else indexed) and the outcome. */
export const budgetYears = sqliteTable(
  "budget_years",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    collaborationId: integer("collaboration_id")
      .notNull()
      .references(() => collaborations.id),
    year: integer("year").notNull(),
    totalByDecision: integer("total_by_decision"),
    /** Bokslut: the actual cost of the year. */
    outcome: integer("outcome"),
    note: text("note").notNull().default(""),
  },
  (t) => [uniqueIndex("budget_years_collab_year").on(t.collaborationId, t.year)],
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
  (t) => [uniqueIndex("recorded_allocations_key").on(t.collaborationId, t.year, t.organisationId)],
);

// --- Shared documents (the documents issue) -------------------------------------------------


export const DOCUMENT_VISIBILITIES = ["public", "members", "bodies"] as const;

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
    currentVersionId: integer("current_version_id"),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("documents_kind_date").on(t.kind, t.date)],
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
  (t) => [uniqueIndex("document_bodies_pk").on(t.documentId, t.bodyId)],
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
  },
  (t) => [uniqueIndex("document_versions_no").on(t.documentId, t.versionNo)],
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
  (t) => [uniqueIndex("document_links_pk").on(t.documentId, t.targetType, t.targetId)],
);

/** Key figures of a year's annual report (aggregates only; never individuals). */
export const keyFigures = sqliteTable(
  "key_figures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    collaborationId: integer("collaboration_id")
      .notNull()
      .references(() => collaborations.id),
    year: integer("year").notNull(),
    contacts: integer("contacts"),
    boysPercent: integer("boys_percent"),
    girlsPercent: integer("girls_percent"),
    cannabisPercent: integer("cannabis_percent"),
    alcoholPercent: integer("alcohol_percent"),
    gamblingPercent: integer("gambling_percent"),
    otherPercent: integer("other_percent"),
    longestQueueDays: integer("longest_queue_days"),
    staffingFte: text("staffing_fte"),
    documentId: integer("document_id").references(() => documents.id),
    note: text("note").notNull().default(""),
  },
  (t) => [uniqueIndex("key_figures_collab_year").on(t.collaborationId, t.year)],
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
  (t) => [index("assignments_status").on(t.status, t.dueDate)],
);

/** A recommendation to the parties (rekommendationsbeslut): what each must decide, and by when. */
export const recommendations = sqliteTable("recommendations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  collaborationId: integer("collaboration_id")
    .notNull()
    .references(() => collaborations.id),
  decisionId: integer("decision_id").references(() => decisions.id),
  matterId: integer("matter_id").references(() => matters.id),
  title: text("title").notNull(),
  /** Markdown: what is proposed and why, in plain language. */
  summary: text("summary").notNull().default(""),
  /** What each party is asked to decide. */
  ask: text("ask").notNull(),
  answerDeadline: text("answer_deadline").notNull(),
  isPublic: integer("is_public", { mode: "boolean" }).notNull().default(true),
  agreementVersionId: integer("agreement_version_id").references(() => agreementVersions.id),
  createdBy: text("created_by").references(() => users.id),
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
});


/** One party asked by a recommendation, with its current answer. History is in party_answers. */
export const recommendationParties = sqliteTable(
  "recommendation_parties",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recommendationId: integer("recommendation_id")
      .notNull()
      .references(() => recommendations.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    status: text("status", { enum: ANSWER_STATUSES }).notNull().default("väntar"),
    /** Decision date, or for "behandlas" the date of the party's own meeting. */
    decisionDate: text("decision_date"),
    decidingBody: text("deciding_body").notNull().default(""),
    reference: text("reference").notNull().default(""),
    fileId: integer("file_id").references(() => files.id),
    note: text("note").notNull().default(""),
    confirmedBy: text("confirmed_by").references(() => users.id),
    confirmedAt: text("confirmed_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("recommendation_parties_key").on(t.recommendationId, t.organisationId)],
);

/** Every report, confirmation or correction of a party's answer, in order. */
export const partyAnswers = sqliteTable("party_answers", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  recommendationPartyId: integer("recommendation_party_id")
    .notNull()
    .references(() => recommendationParties.id, { onDelete: "cascade" }),
  event: text("event", { enum: ["rapporterat", "bekräftat", "rättat"] }).notNull(),
  status: text("status", { enum: ANSWER_STATUSES }).notNull(),
  decisionDate: text("decision_date"),
  decidingBody: text("deciding_body").notNull().default(""),
  reference: text("reference").notNull().default(""),
  fileId: integer("file_id").references(() => files.id),
  note: text("note").notNull().default(""),
  byUser: text("by_user").references(() => users.id),
  at: createdAt(),
});

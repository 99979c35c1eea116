/**
 * The database schema (Drizzle, SQLite). One file so drizzle-kit sees everything;
 * sections follow the domain. Dates are ISO strings ("2026-12-31"), timestamps are
 * ISO instants in UTC; both sort correctly as text.
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

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
    /** Free text for now; the agreement issue turns this into a status with dates. */
    memberSince: text("member_since"),
    branchClinic: text("branch_clinic").notNull().default(""),
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
    version: integer("version").notNull().default(1),
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

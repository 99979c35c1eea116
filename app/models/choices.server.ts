/**
 * The one query behind every "choose by searching" field (app/domain/choices.ts): the objects
 * of a kind that the caller's condition allows (access and scope, as SQL), either the latest
 * or those whose label matches the search, at most CHOICE_LIMIT, and the chosen one whatever
 * its age — so ten years of matters are never sent whole and an old one can still be found.
 * The action checks a posted id with `mayChoose` and the same condition: the options a page
 * offered are never trusted.
 */
import { and, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { agreementVersions, bodies, decisions, matters, meetings, organisations, people } from "../../db/schema";
import { CHOICE_LIMIT, choicePatterns, type ChoiceList } from "~/domain/choices";
import type { ReadScope } from "~/domain/read-scope";
import { db } from "~/utils/db.server";
import { meetingDateAsNoticed } from "./read-scope.server";

export type ChoiceKind = "meeting" | "matter" | "decision" | "agreement" | "person";

/**
 * Where a choice field's offers come from, or `false` when the actor may choose none: a
 * condition on the kind's table (and the joins its label needs); undefined allows every row.
 */
export type ChoiceWhere = SQL | undefined | false;

/** The columns every choice query reads: the id and the label people choose by. */
type Fields = { id: SQLiteColumn; label: SQL<string> } | { n: SQL<number> };

interface Filterable<T> {
  where(where: SQL | undefined): {
    orderBy(...order: SQL[]): { limit(n: number): { all(): T[] } };
    get(): T | undefined;
  };
}

interface Source {
  id: SQLiteColumn;
  /** The label as SQL, so a search matches exactly what the option shows. */
  label: SQL<string>;
  /** Latest first, ending in the id (a stable order). */
  order: SQL[];
  /** FROM the kind's table with the joins the label needs. */
  from<T>(fields: Fields): Filterable<T>;
}

/**
 * Meetings named by body and day: the day the viewer was told (`meetingDateAsNoticed`), so a
 * move not yet published shows only to the body's secretary, in the label, its search and the
 * order alike. Without a viewer, the day as it stands.
 */
function meetingSource(viewer: ReadScope | undefined): Source {
  const date = viewer ? meetingDateAsNoticed(viewer) : sql<string>`${meetings.date}`;
  return {
    id: meetings.id,
    label: sql<string>`${bodies.shortName} || ' ' || ${date}`,
    order: [desc(date), desc(meetings.startTime), desc(meetings.id)],
    from: <T>(fields: Fields) =>
      db().select(fields).from(meetings).innerJoin(bodies, eq(meetings.bodyId, bodies.id)) as unknown as Filterable<T>,
  };
}

const SOURCES: Record<ChoiceKind, Source> = {
  meeting: meetingSource(undefined),
  matter: {
    id: matters.id,
    label: sql<string>`${matters.registryNumber} || ' ' || ${matters.title}`,
    order: [desc(matters.createdAt), desc(matters.id)],
    from: <T>(fields: Fields) => db().select(fields).from(matters) as unknown as Filterable<T>,
  },
  decision: {
    id: decisions.id,
    label: sql<string>`${bodies.shortName} || ' ' || ${decisions.decidedOn} || ' ' || coalesce('§ ' || ${decisions.paragraph} || ' ', '') || ${decisions.title}`,
    order: [desc(decisions.decidedOn), desc(decisions.id)],
    from: <T>(fields: Fields) =>
      db()
        .select(fields)
        .from(decisions)
        .innerJoin(bodies, eq(decisions.bodyId, bodies.id)) as unknown as Filterable<T>,
  },
  agreement: {
    id: agreementVersions.id,
    label: sql<string>`${agreementVersions.label}`,
    order: [desc(agreementVersions.firstTermStart), desc(agreementVersions.id)],
    from: <T>(fields: Fields) => db().select(fields).from(agreementVersions) as unknown as Filterable<T>,
  },
  person: {
    id: people.id,
    label: sql<string>`${people.name} || coalesce(' (' || ${organisations.name} || ')', '')`,
    order: [desc(people.createdAt), desc(people.id)],
    from: <T>(fields: Fields) =>
      db()
        .select(fields)
        .from(people)
        .leftJoin(organisations, eq(people.organisationId, organisations.id)) as unknown as Filterable<T>,
  },
};

/** A field's search parameter, what was typed there, and the chosen id (kept among the offers). */
export interface ChoiceRequest {
  param: string;
  search: string;
  chosen?: number | null;
  limit?: number;
  /** Whose offers these are, where a label depends on it (a meeting's day as noticed). */
  viewer?: ReadScope;
}

/** Å, Ä, Ö and É to lower case (SQLite's LIKE folds only ASCII), as the patterns are folded. */
const folded = (label: SQL<string>) =>
  sql`replace(replace(replace(replace(${label}, 'Å', 'å'), 'Ä', 'ä'), 'Ö', 'ö'), 'É', 'é')`;

function matching(source: Source, search: string): SQL | undefined {
  const patterns = choicePatterns(search);
  if (patterns.length === 0) return undefined;
  return and(...patterns.map((p) => sql`${folded(source.label)} LIKE ${p} ESCAPE '\\'`));
}

/**
 * The offers of a choice field, at most `limit`: the chosen object first when the condition
 * allows it and it is not among the rest, then the latest (or, with a search, the latest
 * matches). `shown` counts the latest or matches offered, `total` all there are.
 */
export function choicesOf(kind: ChoiceKind, where: ChoiceWhere, request: ChoiceRequest): ChoiceList {
  const { param, search, chosen = null, limit = CHOICE_LIMIT, viewer } = request;
  const none: ChoiceList = { param, search, options: [], shown: 0, total: 0 };
  if (where === false) return none;
  const source = kind === "meeting" && viewer ? meetingSource(viewer) : SOURCES[kind];
  const filter = and(where, matching(source, search));
  const options = source
    .from<{ id: number; label: string }>({ id: source.id, label: source.label })
    .where(filter)
    .orderBy(...source.order)
    .limit(limit)
    .all();
  const total =
    options.length < limit
      ? options.length
      : (source.from<{ n: number }>({ n: count() }).where(filter).get()?.n ?? options.length);
  let extra = 0;
  if (chosen !== null && !options.some((o) => o.id === chosen)) {
    const current = source
      .from<{ id: number; label: string }>({ id: source.id, label: source.label })
      .where(and(eq(source.id, chosen), where))
      .get();
    // The chosen one takes the last place, so the field never offers more than `limit`.
    if (current) {
      options.splice(0, options.length, current, ...options.slice(0, limit - 1));
      extra = 1;
    }
  }
  const shown = options.length - extra;
  return { param, search, options, shown, total };
}

/** The actor may choose this object: it exists and the field's condition allows it. */
export function mayChoose(kind: ChoiceKind, where: ChoiceWhere, id: number): boolean {
  if (where === false) return false;
  const source = SOURCES[kind];
  return (
    source
      .from({ id: source.id, label: source.label })
      .where(and(eq(source.id, id), where))
      .get() !== undefined
  );
}

/** How objects are named in choices and links, by id (only those that exist). */
export function choiceLabels(kind: ChoiceKind, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const source = SOURCES[kind];
  return new Map(
    source
      .from<{ id: number; label: string }>({ id: source.id, label: source.label })
      .where(inArray(source.id, ids))
      .orderBy(...source.order)
      .limit(ids.length)
      .all()
      .map((r) => [r.id, r.label]),
  );
}

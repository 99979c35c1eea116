/**
 * The one way a model answers a page of a list: count the matching rows, settle the page,
 * find the page's rows, fetch their columns. The order must be stable (ties broken by id).
 *
 * Counting and finding the page walk every matching row up to the page (100 000 documents:
 * 20–100 ms of SQLite), and better-sqlite3 is synchronous, so both run in the read workers
 * (app/utils/read-pool.server.ts) and the event loop serves other requests meanwhile. The
 * loop then reads only the page's own rows by id, with the list's conditions (access
 * included) applied again and its columns and joins, which costs the same at any size.
 */
import { and, count, inArray, is, SQL, sql, type Subquery } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { pageOf, type PageRequest, type Paged } from "~/domain/pagination";
import { db, memoUntilChange, prepared } from "~/utils/db.server";
import { readAll, readOne } from "~/utils/read-pool.server";

/** A select that can still be limited: Drizzle's query builder before `.limit()`. */
interface PageableQuery<T> {
  limit(limit: number): { all(): T[] };
}

/** A list: the rows of `table` that match `where` (every row when undefined), in `order`. */
export interface List {
  /** A table, or a subquery whose rows are the list (a UNION of several tables' rows). */
  table: SQLiteTable | Subquery;
  /** The table's integer primary key, or the subquery's unique integer key. */
  id: SQLiteColumn | SQL.Aliased<number>;
  where: SQL | undefined;
  /** ORDER BY terms on the table's own columns, the last of them its id. */
  order: SQL[];
}

/**
 * A page of `list`: counted and found in a read worker, then fetched here by `query`, which
 * gets the condition to filter by (the list's own and the page's ids) and returns the page's
 * columns and joins, ordered by `list.order`.
 */
export async function paginateQuery<T>(
  request: PageRequest,
  list: List,
  query: (where: SQL) => PageableQuery<T>,
): Promise<Paged<T>> {
  const page = pageOf(request, await countRows(list));
  if (page.total === 0) return { page, items: [] };
  const ids = await pageIds(list, page.size, page.offset);
  if (ids.length === 0) return { page, items: [] };
  return { page, items: query(ofIds(list, ids)).limit(ids.length).all() };
}

/**
 * Every row of `list`, a batch at a time, for an export (CSV) of a list that grows for years:
 * the ids are found in a read worker, then each batch is read here by id, after the event loop
 * has served whatever else was waiting. Read at once, ten years of the decision register
 * (30 000 decisions with their texts) held the event loop for 600–930 ms.
 */
export async function* rowsInBatches<T>(
  list: List,
  query: (where: SQL) => PageableQuery<T>,
  batchSize = 500,
): AsyncGenerator<T[]> {
  const ids = await pageIds(list, -1, 0);
  for (let i = 0; i < ids.length; i += batchSize) {
    await new Promise((resolve) => setImmediate(resolve));
    const batch = ids.slice(i, i + batchSize);
    const rows = query(ofIds(list, batch)).limit(batch.length).all();
    if (rows.length) yield rows;
  }
}

/**
 * The rows of `ids`, with the list's condition checked again on each (access may have changed
 * since the ids were found), as a whole (IS TRUE) so that SQLite finds the rows by id and not
 * by an index the condition could use.
 */
function ofIds(list: List, ids: number[]): SQL {
  // (Two calls for TypeScript's sake: inArray takes a column or an alias, not either.)
  const onPage = is(list.id, SQL.Aliased) ? inArray(list.id, ids) : inArray(list.id, ids);
  return and(onPage, list.where ? sql`(${list.where}) IS TRUE` : undefined)!;
}

type Read = { sql: string; params: unknown[] };

// Drizzle's positional parameters, for the pool's named ones: better-sqlite3 binds an array
// as the statement's anonymous parameters in both places (a worker and this connection).
const positional = (params: unknown[]) => params as unknown as Record<string, unknown>;

async function pageIds(list: List, limit: number, offset: number): Promise<number[]> {
  const { sql, params }: Read = db()
    .select({ id: list.id })
    .from(list.table)
    .where(list.where)
    .orderBy(...list.order)
    .limit(limit)
    .offset(offset)
    .toSQL();
  // A row's one value, whatever its name: a table's "id", a subquery's own key.
  const rows = await readAll<Record<string, number>>(sql, positional(params));
  return rows.map((r) => Number(Object.values(r)[0]));
}

function countRows(list: List): Promise<number> {
  const { sql, params }: Read = db().select({ n: count() }).from(list.table).where(list.where).toSQL();
  return rememberedCount(sql, params);
}

/**
 * A list's total, remembered until the database changes (the SQL text and its parameters,
 * the viewer's access among them, are the key): counting walks every matching index entry,
 * ten years of the decision register are 30 000, while a page's rows are 50 whatever the
 * size of the list. A write anywhere makes every count be read afresh. A count that fails in
 * a worker is not remembered: it is read on this connection instead (and fails here too if
 * the SQL is wrong).
 */
const rememberedCount = memoUntilChange(
  "paging:count",
  (sql: string, params: unknown[]): Promise<number> =>
    readOne<Record<string, number>>(sql, positional(params)).then(
      (row) => Number(Object.values(row ?? {})[0] ?? 0),
      () => Number(Object.values(prepared(sql).get(params) as object)[0] ?? 0),
    ),
  (sql, params) => `${sql}\u0000${JSON.stringify(params)}`,
  1_000,
);

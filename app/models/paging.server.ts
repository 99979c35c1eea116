/**
 * The one way a model answers a page of a list: count the matching rows, settle the page,
 * fetch only that page's rows. The caller's query must order stably (ties broken by id).
 */
import { count, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { pageOf, type PageRequest, type Paged } from "~/domain/pagination";
import { db, memoUntilChange, prepared } from "~/utils/db.server";

function paginate<T>(
  request: PageRequest,
  count: () => number,
  rows: (limit: number, offset: number, total: number) => T[],
): Paged<T> {
  const page = pageOf(request, count());
  return { page, items: page.total === 0 ? [] : rows(page.size, page.offset, page.total) };
}

/** A select that can still be limited: Drizzle's query builder before `.limit()`. */
interface PageableQuery<T> {
  limit(limit: number): { offset(offset: number): { all(): T[] } };
}

/**
 * A page of the rows of `table` that match `where` (every row when undefined): counted over
 * the table, fetched by `query` (the page's columns and joins, filtered by the same `where`,
 * in a stable order) with the page's LIMIT and OFFSET.
 */
export function paginateQuery<T>(
  request: PageRequest,
  table: SQLiteTable,
  where: SQL | undefined,
  query: () => PageableQuery<T>,
): Paged<T> {
  return paginate(
    request,
    () => {
      const { sql, params } = db().select({ n: count() }).from(table).where(where).toSQL();
      return countRows(sql, params);
    },
    (limit, offset) => query().limit(limit).offset(offset).all(),
  );
}

/**
 * A list's total, remembered until the database changes (the SQL text and its parameters,
 * the viewer's access among them, are the key): counting walks every matching index entry,
 * ten years of the decision register are 30 000, while a page's rows are 50 whatever the
 * size of the list. A write anywhere makes every count be read afresh.
 */
const countRows = memoUntilChange(
  "paging:count",
  (sql: string, params: unknown[]) => Number(Object.values(prepared(sql).get(params) as object)[0] ?? 0),
  (sql, params) => `${sql}\u0000${JSON.stringify(params)}`,
  1_000,
);

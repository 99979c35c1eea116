/**
 * The application's single database connection, kept across dev rebuilds.
 * Data access lives in app/models/*.server.ts; routes never build queries themselves.
 */
import { migrateDatabase, openDatabase, writeTransaction, type Db } from "../../db/connection";
import { PERSONAL_NUMBER_REFUSED } from "../../db/personal-number-guard";
import { env } from "./env.server";

declare global {
  var __portalDb: Db | undefined;
}

export function db(): Db {
  globalThis.__portalDb ??= openDatabase(env().DATABASE_PATH);
  return globalThis.__portalDb;
}

/**
 * Brings the database file up to the committed schema before the server listens: a new file
 * gets every migration, an older one those it lacks (a new version of the portal started on
 * last year's data). Returns how many were applied.
 */
export function migrateAtStart(): number {
  return migrateDatabase(db());
}

/** A result that says the write was refused: an object whose own `ok` is false. */
export function isRefusal(value: unknown): boolean {
  return typeof value === "object" && value !== null && Object.getOwnPropertyDescriptor(value, "ok")?.value === false;
}

/** Carries a refusal out of the transaction so that it rolls back. */
class Refused {
  constructor(readonly value: unknown) {}
}

/** The Swedish answer when the database's personal-number guard refused a write. */
const PERSONAL_NUMBER_REFUSAL =
  "Det du skickade innehåller något som ser ut som ett personnummer eller samordningsnummer. " +
  "Klientuppgifter får aldrig finnas i portalen. Ta bort numret och försök igen. Inget har sparats.";

function refusedByGuard(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith(PERSONAL_NUMBER_REFUSED);
}

/**
 * Every write goes through here: one IMMEDIATE transaction, all or nothing. A write that
 * refuses (returns `{ ok: false, … }`: a stale version, a locked record) is rolled back
 * as a whole, so nothing it did before refusing (a file row, an audit entry) is kept.
 * A write the personal-number guard refuses (db/personal-number-guard.ts) rolls back the same
 * way and answers 400 with a Swedish message, whichever route made it.
 */
export function write<T>(fn: (tx: Db) => T): T {
  try {
    return writeTransaction(db(), (tx) => {
      const result = fn(tx);
      if (isRefusal(result)) throw new Refused(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Refused) return error.value as T;
    if (refusedByGuard(error)) throw new Response(PERSONAL_NUMBER_REFUSAL, { status: 400 });
    throw error;
  }
}

export type { Db };

type Statement = ReturnType<Db["$client"]["prepare"]>;
const statementCache = new WeakMap<Db["$client"], Map<string, Statement>>();

/**
 * A prepared statement for hot raw SQL, compiled once per connection and reused: preparing is
 * a parse and plan each time. The SQL must be a constant text (values go in as parameters).
 */
export function prepared(sql: string): Statement {
  const client = db().$client;
  let cache = statementCache.get(client);
  if (!cache) statementCache.set(client, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = client.prepare(sql)));
  return statement;
}

const preparedQueries = new WeakMap<Db["$client"], Map<unknown, unknown>>();

/**
 * A Drizzle query built and prepared once per connection, then reused by every request.
 * Building a query (Drizzle walks the select shape and writes the SQL) and preparing it
 * (SQLite parses and plans it) cost more than running most of the portal's hot reads: a CPU
 * profile of the signed-in pages put them at about a sixth of the time. `build` gets the
 * connection and returns `query.prepare()`, with `sql.placeholder("name")` for every value;
 * run it with `.get({ name })` or `.all({ name })`. Only for queries whose SQL text is always
 * the same: a query whose shape depends on its arguments (a list of ids, an optional filter)
 * is built per call. Works inside `write` too (the transaction runs on the same connection).
 *
 *     const personById = preparedQuery((db) =>
 *       db.select().from(people).where(eq(people.id, sql.placeholder("id"))).prepare());
 *     personById().get({ id: 7 });
 */
export function preparedQuery<T>(build: (db: Db) => T): () => T {
  return () => {
    const connection = db();
    let cache = preparedQueries.get(connection.$client);
    if (!cache) preparedQueries.set(connection.$client, (cache = new Map()));
    let query = cache.get(build) as T | undefined;
    if (query === undefined) cache.set(build, (query = build(connection)));
    return query;
  };
}

/**
 * The state of the database as this connection sees it: it changes with every commit on any
 * connection, in this process or another (SQLite's data_version), and with every change made
 * on this one (total_changes(), which also counts changes a transaction then rolled back).
 * Equal stamps mean no row changed in between.
 */
export function databaseStamp(): string {
  const stamp = rawStamp();
  return sameAs.get(stamp) ?? stamp;
}

function rawStamp(): string {
  // One prepared statement (client.pragma() would prepare its statement on every call).
  const { version, changes } = prepared(
    "SELECT (SELECT data_version FROM pragma_data_version) AS version, total_changes() AS changes",
  ).get({}) as { version: number; changes: number };
  return `${version}:${changes}`;
}

/** Stamps after a bookkeeping write, each mapped to the stamp before it (the newest few). */
const sameAs = new Map<string, string>();
const SAME_AS_MAX = 64;

/**
 * A write that changes nothing a page or a remembered read shows (a background job's lease,
 * every minute): what was cached before it stays valid. Inside the write's lock no other
 * connection commits, so only this write lies between the stamp read at its start and the one
 * after; the later one is made to mean the earlier. A commit by another process still changes
 * the stamp (its data_version), in this process and in that one.
 */
export function bookkeepingWrite<T>(fn: (tx: Db) => T): T {
  let before = "";
  const result = write((tx) => {
    before = databaseStamp();
    return fn(tx);
  });
  const after = rawStamp();
  if (after !== before) {
    sameAs.delete(after);
    sameAs.set(after, before);
    if (sameAs.size > SAME_AS_MAX) sameAs.delete(sameAs.keys().next().value!);
  }
  return result;
}

interface Memo {
  stamp: string;
  values: Map<string, unknown>;
}
const memos = new WeakMap<Db["$client"], Map<string, Memo>>();

/**
 * Remembers a read's result until the database changes: a commit on any connection (SQLite's
 * data_version) or a change made on this one (total_changes()). For derived figures that
 * cost far more than the check (the money model on the start page). Never inside a
 * transaction (it could roll back). The result is shared between requests: callers must not
 * mutate it.
 */
export function memoUntilChange<A extends unknown[], R>(
  name: string,
  fn: (...args: A) => R,
  keyOf: (...args: A) => string,
  /** At most this many keys are remembered per state of the database (the rest are read each time). */
  limit = Infinity,
): (...args: A) => R {
  return (...args: A) => {
    const client = db().$client;
    if (client.inTransaction) return fn(...args);
    const stamp = databaseStamp();
    let perClient = memos.get(client);
    if (!perClient) memos.set(client, (perClient = new Map()));
    let memo = perClient.get(name);
    if (!memo || memo.stamp !== stamp) perClient.set(name, (memo = { stamp, values: new Map() }));
    const key = keyOf(...args);
    if (memo.values.has(key)) return memo.values.get(key) as R;
    const value = fn(...args);
    if (memo.values.size < limit) memo.values.set(key, value);
    return value;
  };
}

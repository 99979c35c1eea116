/**
 * One prepared SQLite statement per SQL text for every Drizzle query of a connection.
 *
 * Drizzle prepares every query it builds afresh (`client.prepare`): SQLite parses and plans
 * the same few hundred texts again on every request. Sharing one statement per text saved
 * 7–15 % of a signed-in page's CPU (docs/benchmarks.md, third round). A plain cache is not
 * safe, because a better-sqlite3 statement carries state between calls:
 * - Drizzle switches a statement to raw mode (rows as arrays) for a select with fields and
 *   leaves it so; another query on the same text that reads objects would then get arrays.
 *   So each query gets its own view of the shared statement, which sets the statement's mode
 *   to the view's own before every read.
 * - `bind()` binds parameters for good, `pluck()` and `expand()` change the row shape, and
 *   `iterate()` keeps the statement busy until the iterator is done: the views do not offer
 *   them (Drizzle's better-sqlite3 driver uses none of them).
 * Statements are kept per connection, the least recently used dropped past `limit` texts
 * (queries whose text follows their arguments, an IN list of n ids, make new texts).
 */
import type Database from "better-sqlite3";
import { PreparedQuery, type BetterSQLiteSession } from "drizzle-orm/better-sqlite3";

type Statement = Database.Statement<unknown[], unknown>;
type Args = ConstructorParameters<typeof PreparedQuery>;

/**
 * What Drizzle's prepared query calls on its statement: `run`, `get`, `all` and `raw()`, in
 * the mode of this query only.
 */
export class StatementView {
  private rawView: StatementView | undefined;

  constructor(
    private readonly statement: Statement,
    private readonly rawMode = false,
  ) {}

  get reader(): boolean {
    return this.statement.reader;
  }

  /** The view that reads rows as arrays (or, with `false`, as objects); the shared statement is untouched. */
  raw(toggle = true): StatementView {
    if (toggle === this.rawMode) return this;
    return (this.rawView ??= new StatementView(this.statement, toggle));
  }

  run(...params: unknown[]): Database.RunResult {
    return this.statement.run(...params);
  }

  get(...params: unknown[]): unknown {
    return this.inMode().get(...params);
  }

  all(...params: unknown[]): unknown[] {
    return this.inMode().all(...params);
  }

  private inMode(): Statement {
    // raw() throws for a statement that returns no rows; such a statement has no mode to set.
    if (this.statement.reader) this.statement.raw(this.rawMode);
    return this.statement;
  }
}

/** Shares one statement per SQL text among the Drizzle queries of `session`'s connection. */
export function shareStatements(
  session: BetterSQLiteSession<Record<string, unknown>, never>,
  client: Database.Database,
  limit = 1000,
): void {
  const statements = new Map<string, Statement>();
  const statementFor = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (statement) {
      // Most recently used last, so the first key is the one to drop.
      statements.delete(sql);
    } else {
      statement = client.prepare(sql);
      if (statements.size >= limit) statements.delete(statements.keys().next().value!);
    }
    statements.set(sql, statement);
    return statement;
  };
  // The driver's own prepareQuery, with the shared statement's view in place of a new statement.
  session.prepareQuery = function (
    query,
    fields,
    executeMethod,
    isResponseInArrayMode,
    customResultMapper,
    queryMetadata,
    cacheConfig,
  ) {
    // The driver's logger and cache (private fields of its session).
    const { logger, cache } = this as unknown as { logger: Args[2]; cache: Args[3] };
    return new PreparedQuery(
      new StatementView(statementFor(query.sql)) as unknown as Args[0],
      query,
      logger,
      cache,
      queryMetadata,
      cacheConfig,
      fields,
      executeMethod,
      isResponseInArrayMode,
      customResultMapper,
    );
  };
}

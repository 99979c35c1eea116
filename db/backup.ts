/**
 * `npm run backup [target]`: a consistent copy of the live database through SQLite's online
 * backup API (safe while the portal runs and writes), then an integrity check of the copy.
 * Default target: backups/portal-YYYY-MM-DDTHH-MM-SS.db beside the database.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databasePath, openDatabase } from "./connection";

export async function backupDatabase(source: string, target: string): Promise<{ pages: number; integrity: string }> {
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const db = openDatabase(source);
  try {
    const result = await db.$client.backup(target);
    const copy = new Database(target, { readonly: true });
    const integrity = String(copy.pragma("integrity_check", { simple: true }));
    copy.close();
    return { pages: result.totalPages, integrity };
  } finally {
    db.$client.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join("db", "backup.ts"))) {
  const source = databasePath();
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, "-");
  const target = process.argv[2] ?? path.join(path.dirname(source), "backups", `portal-${stamp}.db`);
  const { pages, integrity } = await backupDatabase(source, target);
  if (integrity !== "ok") {
    console.error(`Säkerhetskopian ${target} klarade inte integritetskontrollen: ${integrity}`);
    process.exit(1);
  }
  console.log(`Säkerhetskopia klar: ${target} (${pages} sidor, integritet ok)`);
}

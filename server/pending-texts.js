/**
 * Indexes the document texts stored with text_indexed = 0 (migration 0031) on the given
 * better-sqlite3 connection: the flag is set to 1, one version per transaction, and the
 * triggers write the text into the search indexes. The one routine of the index worker
 * (server/index-worker.js) and of a process without one (app/utils/text-indexer.server.ts).
 * Plain JS so the worker runs it without a build step.
 *
 * @param {import("better-sqlite3").Database} db
 * @param {<T>(transaction: () => T) => T} [run] runs each transaction (the worker's: when no
 *   write request of the process is in flight, server/write-gate.js)
 * @returns {number} how many versions were indexed
 */
export function indexPendingTexts(db, run = (transaction) => transaction()) {
  const next = db.prepare("SELECT id FROM document_versions WHERE text_indexed = 0 ORDER BY id LIMIT 1");
  const mark = db.prepare("UPDATE document_versions SET text_indexed = 1 WHERE id = ? AND text_indexed = 0");
  const indexOne = db.transaction((/** @type {number} */ id) => mark.run(id).changes);
  let indexed = 0;
  for (let row = next.get(); row; row = next.get())
    indexed += run(() => indexOne.immediate(/** @type {{ id: number }} */ (row).id));
  return indexed;
}

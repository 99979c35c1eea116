/**
 * The database file brought up to the committed schema before anything is served: by the one
 * process when there is one (server/index.js), else by the cluster's primary before it forks
 * (server/cluster.js), so that processes never race to migrate the same file.
 */

/** Applies the migrations the database lacks through the build's entry; stops the process if it cannot. */
export function migrateOrExit(build) {
  try {
    const applied = build.entry.module.migrateAtStart();
    if (applied) console.log(`Databasen är migrerad (${applied} ${applied === 1 ? "ändring" : "ändringar"}).`);
  } catch (error) {
    console.error("Databasen kunde inte migreras; servern startar inte.", error);
    process.exit(1);
  }
}

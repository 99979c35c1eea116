/** `npm run db:migrate`: applies committed migrations to DATABASE_PATH (default data/portal.db). */
import { databasePath, migrateDatabase, openDatabase } from "./connection";

const db = openDatabase();
migrateDatabase(db);
db.$client.close();
console.log(`Databasen är migrerad: ${databasePath()}`);

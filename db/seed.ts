/** `npm run db:seed`: builds the demo world (idempotent). Run `npm run db:migrate` first. */
import { hashPassword } from "../app/auth/password.server";
import { todayInStockholm } from "../app/domain/format";
import { databasePath, openDatabase, writeTransaction } from "./connection";
import { buildDemoAgreement } from "./demo-agreement";
import { buildExampleCollaboration, EXAMPLE_ACCOUNTS } from "./demo-collaboration";
import { buildDemoDecisions } from "./demo-decisions";
import { buildDemoDocuments } from "./demo-documents";
import { buildDemoMeetings } from "./demo-meetings";
import { buildDemoWorld, DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-world";

const db = openDatabase();
const hash = await hashPassword(DEMO_PASSWORD);
const today = todayInStockholm();
writeTransaction(db, (tx) => {
  const world = buildDemoWorld(tx, hash, today);
  buildDemoMeetings(tx, world, today);
  buildDemoAgreement(tx, world, today);
  buildDemoDocuments(tx, world);
  buildDemoDecisions(tx, world, today);
  buildExampleCollaboration(tx, world, hash, today);
});
db.$client.close();
console.log(`Demodata finns i ${databasePath()}. Demokonton (lösenord ${DEMO_PASSWORD}):`);
for (const a of [...DEMO_ACCOUNTS, ...EXAMPLE_ACCOUNTS]) console.log(`  ${a.email}`);

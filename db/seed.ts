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
import { queueNoticeMail } from "../app/models/meeting-mail.server";
import { agendaVersions } from "./schema";

const db = openDatabase();
// The app's models below use the app's one connection: this one.
globalThis.__portalDb = db;
const hash = await hashPassword(DEMO_PASSWORD);
const today = todayInStockholm();
writeTransaction(db, (tx) => {
  const world = buildDemoWorld(tx, hash, today);
  buildDemoMeetings(tx, world, today);
  buildDemoAgreement(tx, world, today);
  buildDemoDocuments(tx, world);
  buildDemoDecisions(tx, world, today);
  buildExampleCollaboration(tx, world, hash, today);
  // The demo's published notices are e-mailed like any other (once: the event key is fixed),
  // so the first start writes them as .eml files under MAIL_DIR, listed on /admin/e-post.
  for (const v of tx.select().from(agendaVersions).all()) queueNoticeMail(tx, v.meetingId, v.versionNo);
});
db.$client.close();
console.log(`Demodata finns i ${databasePath()}. Demokonton (lösenord ${DEMO_PASSWORD}):`);
for (const a of [...DEMO_ACCOUNTS, ...EXAMPLE_ACCOUNTS]) console.log(`  ${a.email}`);

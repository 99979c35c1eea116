/**
 * The sender: delivers due outbox rows over SMTP (or as .eml files), one at a time.
 *
 * Crash safety, step by step (docs/architecture-reference.md, "E-post"):
 * 1. the event committed its rows ("väntar"); nothing is claimed while the connection opens,
 *    so a crash before the hand-over leaves them to be sent by the next process;
 * 2. right before the SMTP transaction a row becomes "skickas" (committed, with a lease);
 * 3. the server's reply decides: accepted → "skickat"; refused (4xx/5xx) → "väntar" with
 *    back-off or "misslyckat"; connection lost mid-transaction → "osäkert";
 * 4. a row left "skickas" by a dead process becomes "osäkert" (SMTP) or "väntar" (an .eml file,
 *    rewritten under the same name), so nothing is ever sent twice by the portal itself.
 *
 * Before a claimed row is handed over, the policy is asked again whether its person may open
 * what it is about, with their rights today (`stillForItsReader`): a message that waited for a
 * retry or for the digest is not sent to someone who has lost the right meanwhile.
 */
import { todayInStockholm } from "~/domain/format";
import { stillForItsReader } from "~/models/notifications.server";
import {
  claimNextDue,
  deferDueMail,
  emlFileName,
  hasDueMail,
  markFailed,
  markSent,
  recoverAbandoned,
  type OutboxRow,
} from "~/models/outbox.server";
import {
  composeMessage,
  DeliveryError,
  mailFrom,
  mailFromAddress,
  openMailSession,
  transportConfig,
  type MailSession,
  type TransportConfig,
} from "~/utils/mail-transport.server";
import { ownerIsGone, processOwner } from "./owner.server";

/** How long a process may hold a row in "skickas" (an SMTP transaction times out well before). */
const LEASE_MS = 5 * 60_000;

export interface DeliveryReport {
  sent: number;
  retry: number;
  failed: number;
  uncertain: number;
  recovered: number;
  /** Not sent: the person may no longer open what the message is about. */
  withheld: number;
}

function outgoing(row: OutboxRow) {
  return {
    from: mailFrom(),
    to: { name: row.toName, address: row.toAddress },
    subject: row.subject,
    text: row.textBody,
    html: row.htmlBody,
    attachments: JSON.parse(row.attachments),
    headers: JSON.parse(row.headers),
    messageId: row.messageId,
    date: new Date(row.createdAt),
  };
}

/** The message exactly as it is delivered, for the admin page's download. */
export function composeOutboxMessage(row: OutboxRow): Promise<Buffer> {
  return composeMessage(outgoing(row));
}

/** Delivers every due message (up to `limit`); safe to run in several processes at once. */
export async function deliverDueMail(
  options: { owner?: string; config?: TransportConfig; limit?: number; now?: () => Date } = {},
): Promise<DeliveryReport> {
  const owner = options.owner ?? processOwner();
  const config = options.config ?? transportConfig();
  const now = options.now ?? (() => new Date());
  const report: DeliveryReport = { sent: 0, retry: 0, failed: 0, uncertain: 0, recovered: 0, withheld: 0 };
  report.recovered = recoverAbandoned(now(), ownerIsGone);
  if (!hasDueMail(now())) return report;

  let session: MailSession | null = null;
  try {
    for (let n = 0; n < (options.limit ?? 500); n++) {
      if (!session) {
        try {
          session = await openMailSession(config);
        } catch (err) {
          report.retry += deferDueMail(`Kunde inte ansluta: ${(err as Error).message}`, now());
          return report;
        }
      }
      const claimed = claimNextDue(owner, session.via, now(), LEASE_MS);
      if (!claimed) break;
      const row = stillForItsReader(claimed, owner, todayInStockholm(now()));
      if (!row) {
        report.withheld++;
        continue;
      }
      let raw: Buffer;
      try {
        raw = await composeOutboxMessage(row);
      } catch (err) {
        markFailed(
          row,
          owner,
          { error: `Kunde inte bygga meddelandet: ${(err as Error).message}`, refused: true, permanent: true },
          now(),
        );
        report.failed++;
        continue;
      }
      try {
        await session.deliver({ from: mailFromAddress(), to: row.toAddress }, raw, emlFileName(row));
        markSent(row.id, owner, now());
        report.sent++;
      } catch (err) {
        const e = err instanceof DeliveryError ? err : new DeliveryError((err as Error).message, false);
        const refused = e.responseCode !== undefined || !e.started;
        markFailed(row, owner, { error: e.message, refused, permanent: e.permanent }, now());
        if (!refused) report.uncertain++;
        else if (e.permanent) report.failed++;
        else report.retry++;
        // A broken session is not reused: the next message opens a new one.
        session.close();
        session = null;
      }
    }
  } finally {
    session?.close();
  }
  return report;
}

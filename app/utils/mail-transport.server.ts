/**
 * How a composed message leaves the portal: over SMTP to the organisation's relay (SMTP_URL),
 * or, with no relay configured (the demo), as an .eml file under MAIL_DIR. Knows nothing of
 * the outbox; the sender (app/jobs/mail-sender.server.ts) decides what to send and records
 * the outcome. Built on nodemailer's MailComposer and SMTPConnection, so the sender can mark
 * a message "being sent" right before the SMTP transaction and not earlier (see
 * docs/architecture-reference.md, "E-post").
 */
import fs from "node:fs";
import path from "node:path";
import MailComposer from "nodemailer/lib/mail-composer";
import SMTPConnection from "nodemailer/lib/smtp-connection";
import { isPermanentSmtpFailure, senderAddress } from "~/domain/mail";
import { env } from "./env.server";

export interface OutgoingMail {
  from: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: string }[];
  headers: Record<string, string>;
  messageId: string;
  date: Date;
}

/** The message as bytes (RFC 5322, CRLF line ends), exactly as it is sent or written. */
export function composeMessage(mail: OutgoingMail): Promise<Buffer> {
  return new MailComposer({
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    attachments: mail.attachments.map((a) => ({ ...a, contentDisposition: "attachment" })),
    headers: mail.headers,
    messageId: mail.messageId,
    date: mail.date,
    newline: "win",
    // Everything is in the row: nothing may be read from a path or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  })
    .compile()
    .build();
}

/**
 * A failed delivery. `responseCode`: the server answered with an error, so it did not take the
 * message (`permanent` for 5xx). `started` false: nothing of the message was handed over.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly responseCode?: number,
    readonly started = true,
  ) {
    super(message);
  }
}

/** An open way out: several messages may be delivered through one session, one at a time. */
export interface MailSession {
  readonly via: "smtp" | "fil";
  deliver(envelope: { from: string; to: string }, raw: Buffer, fileName: string): Promise<void>;
  close(): void;
}

export interface TransportConfig {
  smtpUrl: string | undefined;
  mailDir: string;
}

export function transportConfig(): TransportConfig {
  return { smtpUrl: env().SMTP_URL, mailDir: env().MAIL_DIR };
}

/** The sender as configured; a default for the .eml files of the demo. */
export function mailFrom(): string {
  return env().MAIL_FROM ?? "Samverkansportalen <noreply@samverkansportalen.invalid>";
}

export function mailFromAddress(): string {
  return senderAddress(mailFrom())!;
}

/** Opens an SMTP connection (connect, STARTTLS when offered, login when credentials are given) or the .eml folder. */
export async function openMailSession(config: TransportConfig): Promise<MailSession> {
  return config.smtpUrl ? openSmtp(config.smtpUrl) : openFolder(config.mailDir);
}

function smtpOptions(url: URL) {
  const secure = url.protocol === "smtps:";
  return {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    name: env().APP_ORIGIN ? new URL(env().APP_ORIGIN!).hostname : undefined,
  };
}

function asDeliveryError(err: unknown): DeliveryError {
  const e = err as { message?: string; responseCode?: number; response?: string };
  const code = typeof e?.responseCode === "number" ? e.responseCode : undefined;
  const text = (e?.response || e?.message || String(err)).slice(0, 500);
  return new DeliveryError(text, isPermanentSmtpFailure(code), code);
}

async function openSmtp(smtpUrl: string): Promise<MailSession> {
  const url = new URL(smtpUrl);
  const connection = new SMTPConnection(smtpOptions(url));
  let broken = false;
  let failOpening: ((err: unknown) => void) | null = null;
  // nodemailer reports a failed connect as an "error" event, not through the callback.
  connection.on("error", (err) => {
    broken = true;
    failOpening?.(err);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      failOpening = (err) => reject(asDeliveryError(err));
      connection.connect((err) => (err ? reject(asDeliveryError(err)) : resolve()));
    });
    if (url.username) {
      const auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
      await new Promise<void>((resolve, reject) =>
        connection.login(auth, (err) => (err ? reject(asDeliveryError(err)) : resolve())),
      );
    }
  } catch (err) {
    connection.close();
    throw err;
  }
  failOpening = null;
  return {
    via: "smtp",
    deliver(envelope, raw) {
      if (broken) return Promise.reject(new DeliveryError("SMTP-förbindelsen bröts.", false, undefined, false));
      return new Promise((resolve, reject) =>
        connection.send(envelope, raw, (err) => {
          if (err) {
            broken = true;
            reject(asDeliveryError(err));
          } else resolve();
        }),
      );
    },
    close() {
      if (broken) connection.close();
      else connection.quit();
    },
  };
}

/**
 * The demo's "delivery": the message is written to MAIL_DIR under a name fixed by its outbox
 * row, through a temporary file, fsync and rename, so a crash leaves either no file or the
 * whole file, and writing it again after a crash replaces it instead of adding a second one.
 */
async function openFolder(dir: string): Promise<MailSession> {
  fs.mkdirSync(dir, { recursive: true });
  return {
    via: "fil",
    async deliver(_envelope, raw, fileName) {
      try {
        writeDurably(dir, fileName, raw);
      } catch (err) {
        // Writing the same file again is harmless, so a failed write is simply retried.
        throw new DeliveryError((err as Error).message, false, undefined, false);
      }
    },
    close() {},
  };
}

function writeDurably(dir: string, fileName: string, raw: Buffer) {
  const target = path.join(dir, fileName);
  const temporary = `${target}.tmp`;
  const handle = fs.openSync(temporary, "w");
  try {
    fs.writeSync(handle, raw);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  fs.renameSync(temporary, target);
  const folder = fs.openSync(dir, "r");
  try {
    fs.fsyncSync(folder);
  } finally {
    fs.closeSync(folder);
  }
}

/** The .eml file of a delivered message, for the admin page; null when there is none. */
export function readEmlFile(fileName: string): Buffer | null {
  if (!/^[\w-]+\.eml$/.test(fileName)) return null;
  const file = path.join(env().MAIL_DIR, fileName);
  return fs.existsSync(file) ? fs.readFileSync(file) : null;
}

/**
 * A real SMTP server in the test process (smtp-server), so tests see what the portal really
 * sends over the wire: envelope recipients, headers, the whole message. It can refuse
 * recipients, answer "try later", hold connections, or drop the connection mid-message.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  messageId: string;
  subject: string;
}

export interface TestSmtp {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** What the server does with the next messages; "accept" by default. */
  mode: "accept" | "tempfail" | "drop-after-data";
  /** Milliseconds the server waits after a message's data before it answers (a slow relay). */
  delayMs: number;
  /** Recipients refused with 550 (unknown mailbox). */
  refuse: Set<string>;
  /** While set, new connections get no greeting until `release()`. */
  hold(): void;
  release(): void;
  /** Connections that have been opened (held ones included). */
  connections: number;
  close(): Promise<void>;
}

/** A header's value from a raw message (unfolded, RFC 2047 words decoded). */
export function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n([ \t]+)/g, "$1");
  const match = new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head);
  return match ? decodeWords(match[1].trim()) : "";
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            "latin1",
          ).toString("utf8"),
    );
}

export async function startSmtp(): Promise<TestSmtp> {
  let held: (() => void)[] | null = null;
  const state = {
    received: [] as ReceivedMail[],
    mode: "accept" as TestSmtp["mode"],
    refuse: new Set<string>(),
    connections: 0,
    delayMs: 0,
  };
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      state.connections++;
      if (held) held.push(() => callback());
      else callback();
    },
    onRcptTo(address, _session, callback) {
      if (state.refuse.has(address.address.toLowerCase()))
        return callback(Object.assign(new Error("Okänd mottagare"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        if (state.mode === "tempfail")
          return callback(Object.assign(new Error("Försök senare"), { responseCode: 451 }));
        if (state.mode === "drop-after-data") {
          // The message is stored but the client never hears so: the ambiguous case.
          state.received.push(toMail(raw, session));
          for (const c of server.connections) if (c.id === session.id) c._socket.destroy();
          return;
        }
        state.received.push(toMail(raw, session));
        if (state.delayMs > 0) setTimeout(() => callback(), state.delayMs);
        else callback();
      });
    },
  });
  function toMail(
    raw: string,
    session: { envelope: { mailFrom: false | { address: string }; rcptTo: { address: string }[] } },
  ) {
    return {
      from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
      to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
      raw,
      messageId: header(raw, "Message-ID"),
      subject: header(raw, "Subject"),
    };
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return Object.assign(state, {
    port,
    url: `smtp://127.0.0.1:${port}`,
    hold() {
      held = [];
    },
    release() {
      const waiting = held ?? [];
      held = null;
      waiting.forEach((go) => go());
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as TestSmtp;
}

interface MimePart {
  contentType: string;
  filename: string;
  /** The decoded body (base64 and quoted-printable undone), as UTF-8 text. */
  body: string;
}

/** Every leaf part of a raw MIME message, decoded: enough to read a text, an HTML or an .ics part. */
export function mimeParts(raw: string): MimePart[] {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\r\n\r\n");
  const type = header(head, "Content-Type");
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((chunk) => !chunk.startsWith("--"))
      .flatMap((chunk) => mimeParts(chunk.replace(/^\r?\n/, "")));
  }
  const encoding = header(head, "Content-Transfer-Encoding").toLowerCase();
  const decoded =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? Buffer.from(
            body
              .replace(/=\r?\n/g, "")
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            "latin1",
          ).toString("utf8")
        : body;
  const disposition = header(head, "Content-Disposition");
  return [
    {
      contentType: type.split(";")[0].trim().toLowerCase(),
      filename: /filename="?([^";]+)"?/i.exec(disposition || type)?.[1] ?? "",
      body: decoded,
    },
  ];
}

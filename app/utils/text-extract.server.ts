/**
 * Text from uploads, for search and for the personal-number guard. The parsing runs in a
 * worker thread (server/extract-worker.js), one per file, with a heap limit, a time limit
 * and a budget on the bytes an archive really inflates to, and at most two at a time: a
 * parser bomb exhausts its worker, never the server, and everyone else keeps being answered.
 * A file whose text cannot be read is refused (the guard cannot vouch for it).
 */
import { Worker } from "node:worker_threads";
import { fileExtension } from "~/domain/file-type";
import { env } from "./env.server";
import { serverScript } from "./server-script.server";

/** The text, and the SHA-256 (hex) of the bytes it was read from. */
export type Extraction = { ok: true; text: string; sha256: string } | { ok: false; error: string };

/** Longest text we accept from one file (a 3 000-page report fits; a bomb does not). */
const MAX_TEXT_CHARS = 8_000_000;
const MAX_ENTRIES = 5_000;
const MAX_CONCURRENT = 2;
const MAX_WAITING = 20;

let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<(() => void) | null> {
  if (running >= MAX_CONCURRENT) {
    if (waiting.length >= MAX_WAITING) return null;
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

type Reason = "unreadable" | "encrypted" | "too-large" | "too-much-text" | "timeout" | "memory" | "busy" | "not-text";
type Read = { text: string; sha256: string };

function message(reason: Reason, name: string): string {
  const e = env();
  switch (reason) {
    case "encrypted":
      return `${name} är lösenordsskyddad eller krypterad, så innehållet kan inte kontrolleras. Spara filen utan lösenord och försök igen.`;
    case "too-large":
      return `${name} packas upp till mer än ${e.MAX_UNCOMPRESSED_MB} MB eller har för många delar och kan inte laddas upp.`;
    case "too-much-text":
      return `${name} innehåller mer text än portalen kan kontrollera (högst ${MAX_TEXT_CHARS.toLocaleString("sv-SE")} tecken). Dela upp filen och försök igen.`;
    case "timeout":
      return `${name} tog för lång tid att läsa (mer än ${e.EXTRACT_TIMEOUT_SECONDS} sekunder) och kan inte laddas upp.`;
    case "memory":
      return `${name} kräver för mycket minne för att läsas och kan inte laddas upp.`;
    case "not-text":
      // The same words as for a file whose first bytes do not match its name (detectFileType).
      return `Innehållet i ${name} stämmer inte med filändelsen .${fileExtension(name)}. Spara filen i rätt format och försök igen.`;
    case "busy":
      return "Portalen läser just nu många filer. Vänta en stund och försök igen.";
    default:
      return `Texten i ${name} gick inte att läsa, så filen kan inte kontrolleras. Spara den på nytt (till exempel som PDF) och försök igen.`;
  }
}

/** Reads the text of the file at `file` (already typed by its content as `kind`). */
export async function extractText(file: string, kind: string, name: string): Promise<Extraction> {
  const release = await slot();
  if (!release) return { ok: false, error: message("busy", name) };
  const e = env();
  try {
    const reason = await new Promise<Read | Reason>((resolve) => {
      const worker = new Worker(serverScript("extract-worker.js"), {
        workerData: {
          path: file,
          kind,
          limits: {
            maxUncompressedBytes: e.MAX_UNCOMPRESSED_MB * 1024 * 1024,
            maxEntries: MAX_ENTRIES,
            maxTextChars: MAX_TEXT_CHARS,
          },
        },
        resourceLimits: {
          maxOldGenerationSizeMb: e.EXTRACT_MEMORY_MB,
          maxYoungGenerationSizeMb: 32,
          stackSizeMb: 4,
        },
        stdout: true,
        stderr: true,
      });
      let settled = false;
      const settle = (value: Read | Reason) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(value);
      };
      const timer = setTimeout(() => settle("timeout"), e.EXTRACT_TIMEOUT_SECONDS * 1000);
      worker.on("message", (m: ({ ok: true } & Read) | { ok: false; reason: Reason }) =>
        settle(m.ok ? { text: m.text, sha256: m.sha256 } : m.reason),
      );
      worker.on("error", (error: Error & { code?: string }) =>
        settle(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "unreadable"),
      );
      worker.on("exit", () => settle("unreadable"));
    });
    return typeof reason === "string" ? { ok: false, error: message(reason, name) } : { ok: true, ...reason };
  } finally {
    release();
  }
}

/**
 * Uploaded files: reading a form that may carry files (through `readForm`, which writes each
 * file to UPLOAD_DIR/.incoming as it arrives), deciding the type from the content, reading
 * the text in a worker (`extractText`) and refusing files with personal identity numbers or
 * unreadable text, and moving the accepted files to their server-generated names only when
 * the database write that records them commits. A refused write leaves nothing behind.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { files } from "../../db/schema";
import { cleanFileName, detectFileType, isZip } from "~/domain/file-type";
import { personalDataMessage, personalNumbersIn } from "~/domain/personal-number";
import { extractText } from "~/utils/text-extract.server";
import { db, isRefusal, type Db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { incomingPathOf, readForm, receiveFile, TOO_LARGE_MARK } from "~/utils/request-body.server";
import { recordAudit } from "./audit.server";

export type StoredFile = typeof files.$inferSelect;

function tooLargeMessage(): string {
  return `Filen är för stor. Största tillåtna storlek är ${env().MAX_UPLOAD_MB} MB.`;
}

/**
 * Reads a form that may carry files. A file over the size limit does not abort the parse:
 * its bytes are not kept and `checkUploads` reports it, so every other field the user typed
 * comes back with the error.
 */
export function parseUploadForm(request: Request): Promise<FormData> {
  return readForm(request, { uploads: true });
}

export interface PendingFile {
  originalName: string;
  mime: string;
  kind: string;
  /** Where the bytes wait (UPLOAD_DIR/.incoming) until `stageFiles` moves them. */
  incomingPath: string;
  size: number;
  sha256: string;
  /** Text read from the file, for search (and already checked by the personal-number guard). */
  text: string;
}

/** How much of a file decides its type (a zip container is read whole: its directory is at the end). */
const HEAD_BYTES = 64 * 1024;

/**
 * The bytes that decide a received file's type: its first 64 kB, or all of it for a zip
 * container (docx, xlsx, …). Reading a 20 MB file whole for this put 20 MB more on the
 * event loop's heap per upload (and a text file was decoded whole, 40–70 ms); the rest of a
 * text file is checked where it is read, in the extraction worker.
 */
async function typeBytes(file: string): Promise<Uint8Array> {
  const handle = await fs.promises.open(file, "r");
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    const bytes = head.subarray(0, bytesRead);
    return isZip(bytes) ? await handle.readFile() : bytes;
  } finally {
    await handle.close();
  }
}

/** Flushes a received file to disk on libuv's thread pool, not on the event loop (fsyncSync of 20 MB waited for the disk). */
async function flushToDisk(file: string): Promise<void> {
  const handle = await fs.promises.open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Checks the uploaded files of a field; returns them ready to store, or the first error. */
export async function checkUploads(
  form: FormData,
  field = "files",
): Promise<{ ok: true; files: PendingFile[] } | { ok: false; error: string }> {
  const pending: PendingFile[] = [];
  for (const entry of form.getAll(field)) {
    if (typeof entry === "string") {
      if (entry.startsWith(TOO_LARGE_MARK))
        return { ok: false, error: `${cleanFileName(entry.slice(TOO_LARGE_MARK.length))}: ${tooLargeMessage()}` };
      continue;
    }
    if (entry.size === 0 && !entry.name) continue; // the empty file input
    const name = cleanFileName(entry.name);
    const nameHits = personalNumbersIn(name);
    if (nameHits.length) return { ok: false, error: `Filnamnet: ${personalDataMessage(nameHits)}` };
    const incomingPath = incomingPathOf(entry) ?? (await receiveFile(entry));
    if (entry.size > env().MAX_UPLOAD_MB * 1024 * 1024) return { ok: false, error: `${name}: ${tooLargeMessage()}` };
    if (entry.size === 0) return { ok: false, error: `Filen ${name} är tom.` };
    // Read without blocking; the type is decided from the bytes (a PDF by its first bytes).
    const detected = detectFileType(await typeBytes(incomingPath), entry.name);
    if (!detected.ok) return { ok: false, error: detected.error };
    const extracted = await extractText(incomingPath, detected.kind, name);
    if (!extracted.ok) return { ok: false, error: extracted.error };
    const hits = personalNumbersIn(extracted.text);
    if (hits.length) return { ok: false, error: `${name}: ${personalDataMessage(hits)}` };
    // Durable before any write records it (stageFiles then only renames and syncs the directory).
    await flushToDisk(incomingPath);
    pending.push({
      originalName: name,
      mime: detected.mime,
      kind: detected.kind,
      incomingPath,
      size: entry.size,
      // Hashed by the extraction worker from the bytes it read (not read again here).
      sha256: extracted.sha256,
      text: extracted.text.slice(0, 2_000_000),
    });
  }
  return { ok: true, files: pending };
}

function uploadDir(): string {
  const dir = path.resolve(env().UPLOAD_DIR);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function fsyncPath(file: string, flags = "r") {
  const fd = fs.openSync(file, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Moves the received bytes to their server-generated names (fsync'd) and returns a function
 * that records them in the database inside the caller's transaction. If the transaction
 * fails or refuses, call `discard`.
 */
export function stageFiles(pending: PendingFile[]) {
  const staged = pending.map((p) => {
    const storageName = `${crypto.randomUUID()}.bin`;
    const full = path.join(uploadDir(), storageName);
    // The bytes were flushed when they were checked (checkUploads); the rename is made durable below.
    fs.renameSync(p.incomingPath, full);
    return { ...p, storageName, full };
  });
  if (staged.length) fsyncPath(uploadDir());
  return {
    insert(tx: Db, userId: string): StoredFile[] {
      return staged.map((s) => {
        const row = tx
          .insert(files)
          .values({
            storageName: s.storageName,
            originalName: s.originalName,
            mime: s.mime,
            size: s.size,
            sha256: s.sha256,
            uploadedBy: userId,
          })
          .returning()
          .get();
        recordAudit(tx, { userId, action: "create", entityType: "file", entityId: row.id, after: { ...row } });
        return row;
      });
    },
    discard() {
      for (const s of staged) fs.rmSync(s.full, { force: true });
    },
  };
}

/**
 * Runs `fn` with staged files; removes the bytes again if the database write fails or is
 * refused (returns `{ ok: false, … }`, which `write` also rolls back).
 */
export function withStagedFiles<T>(pending: PendingFile[], fn: (staged: ReturnType<typeof stageFiles>) => T): T {
  const staged = stageFiles(pending);
  let result: T;
  try {
    result = fn(staged);
  } catch (error) {
    staged.discard();
    throw error;
  }
  if (isRefusal(result)) staged.discard();
  return result;
}

export function getFile(id: number): StoredFile | undefined {
  return db().select().from(files).where(eq(files.id, id)).get();
}

export function readFileBytes(file: StoredFile): Buffer {
  // storageName is ours (uuid.bin), never user input; basename guards anyway.
  return fs.readFileSync(path.join(uploadDir(), path.basename(file.storageName)));
}

export function fileStream(file: StoredFile): fs.ReadStream {
  return fs.createReadStream(path.join(uploadDir(), path.basename(file.storageName)));
}

/** Headers for a download: the name is cleaned and RFC 5987-encoded; the type is never sniffed. */
export function downloadHeaders(file: StoredFile, inline = false): Headers {
  const ascii = file.originalName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Headers({
    "Content-Type": file.mime,
    "Content-Length": String(file.size),
    "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
    "Cache-Control": "private, no-store",
    // X-Content-Type-Options: nosniff is set on every response by server/index.js (helmet).
    "Content-Security-Policy": "default-src 'none'; sandbox",
  });
}

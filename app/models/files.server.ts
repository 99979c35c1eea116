/**
 * Uploaded files: parsing multipart forms with a size limit, deciding the type from the
 * content, storing the bytes under a server-generated name in UPLOAD_DIR (outside anything
 * served statically), and reading them back for download.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { eq, inArray } from "drizzle-orm";
import { files } from "../../db/schema";
import { cleanFileName, detectFileType } from "~/domain/file-type";
import { findPersonalNumbers, personalDataMessage } from "~/domain/personal-number";
import { extractText } from "~/utils/text-extract.server";
import { db, type Db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { recordAudit } from "./audit.server";

export type StoredFile = typeof files.$inferSelect;

export function maxUploadBytes(): number {
  return env().MAX_UPLOAD_MB * 1024 * 1024;
}

export function tooLargeMessage(): string {
  return `Filen är för stor. Största tillåtna storlek är ${env().MAX_UPLOAD_MB} MB.`;
}

/** Marks a file that was over the limit: its bytes were discarded, the form's other fields kept. */
const TOO_LARGE = "\u0000too-large:";

/**
 * Parses a form that may carry files. A file over the size limit does not abort the parse:
 * its bytes are discarded and `checkUploads` reports it, so every other field the user
 * typed comes back with the error.
 */
export async function parseUploadForm(request: Request): Promise<FormData> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) return request.formData();
  const limit = maxUploadBytes();
  const handler: UploadHandler = async ({ filename, contentType: type, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let tooLarge = false;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (filename === undefined && size > 1_000_000) throw new Response("Ett fält är för långt.", { status: 413 });
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        continue;
      }
      if (!tooLarge) chunks.push(chunk);
    }
    if (filename === undefined) return new TextDecoder().decode(Buffer.concat(chunks));
    if (tooLarge) return `${TOO_LARGE}${filename}`;
    if (!filename && size === 0) return undefined;
    return new File(chunks as BlobPart[], filename, { type });
  };
  return unstable_parseMultipartFormData(request, handler);
}

export interface PendingFile {
  originalName: string;
  mime: string;
  kind: string;
  bytes: Uint8Array;
  /** Text extracted for search and the personal-data guard ("" for images and spreadsheets). */
  text: string;
}

/** Checks the uploaded files of a field; returns them ready to store, or the first error. */
export async function checkUploads(form: FormData, field = "files"): Promise<{ ok: true; files: PendingFile[] } | { ok: false; error: string }> {
  const pending: PendingFile[] = [];
  for (const entry of form.getAll(field)) {
    if (typeof entry === "string") {
      if (entry.startsWith(TOO_LARGE)) return { ok: false, error: `${cleanFileName(entry.slice(TOO_LARGE.length))}: ${tooLargeMessage()}` };
      continue;
    }
    if (entry.size === 0 && !entry.name) continue; // the empty file input
    if (entry.size > maxUploadBytes()) return { ok: false, error: tooLargeMessage() };
    const bytes = new Uint8Array(await entry.arrayBuffer());
    if (bytes.length === 0) return { ok: false, error: `Filen ${cleanFileName(entry.name)} är tom.` };
    const detected = detectFileType(bytes, entry.name);
    if (!detected.ok) return { ok: false, error: detected.error };
    const text = await extractText(bytes, detected.kind);
    const hits = findPersonalNumbers(text);
    if (hits.length) return { ok: false, error: `${cleanFileName(entry.name)}: ${personalDataMessage(hits)}` };
    pending.push({ originalName: cleanFileName(entry.name), mime: detected.mime, kind: detected.kind, bytes, text });
  }
  return { ok: true, files: pending };
}

function uploadDir(): string {
  const dir = path.resolve(env().UPLOAD_DIR);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Writes the bytes to disk (fsync'd) and returns a function that records them in the
 * database inside the caller's transaction. If the transaction fails, call `discard`.
 */
export function stageFiles(pending: PendingFile[]) {
  const staged = pending.map((p) => {
    const storageName = `${crypto.randomUUID()}.bin`;
    const full = path.join(uploadDir(), storageName);
    const fd = fs.openSync(full, "wx", 0o600);
    fs.writeSync(fd, p.bytes);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    return { ...p, storageName, full };
  });
  return {
    insert(tx: Db, userId: string): StoredFile[] {
      return staged.map((s) => {
        const row = tx
          .insert(files)
          .values({
            storageName: s.storageName,
            originalName: s.originalName,
            mime: s.mime,
            size: s.bytes.length,
            sha256: crypto.createHash("sha256").update(s.bytes).digest("hex"),
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

/** Runs `fn` with staged files; removes the bytes again if the database write fails. */
export function withStagedFiles<T>(pending: PendingFile[], fn: (staged: ReturnType<typeof stageFiles>) => T): T {
  const staged = stageFiles(pending);
  try {
    return fn(staged);
  } catch (error) {
    staged.discard();
    throw error;
  }
}

export function getFile(id: number): StoredFile | undefined {
  return db().select().from(files).where(eq(files.id, id)).get();
}

export function getFiles(ids: number[]): StoredFile[] {
  if (ids.length === 0) return [];
  return db().select().from(files).where(inArray(files.id, ids)).all();
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

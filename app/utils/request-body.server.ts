/**
 * The one way an action reads a submitted form: `readForm(request)`. It accepts only the two
 * encodings an HTML form sends, parses them with the Remix team's parsers
 * (@remix-run/multipart-parser part by part, @remix-run/form-data-parser for URL-encoded
 * forms) with limits on parts, headers, files and the bytes actually read, and turns every malformed or oversized body into a Swedish 4xx answer, never a 500.
 * Fields with control characters are refused. (server/index.js caps the bytes of every
 * request body as well, chunked or not, before the app sees them.)
 *
 * Uploaded files are written to UPLOAD_DIR/.incoming as they arrive (the parser holds at most
 * one part in memory) and appear in the FormData as disk-backed File objects; see
 * `incomingPathOf`. The server deletes what a request left in .incoming when it ends.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { FormDataParseError, parseFormData } from "@remix-run/form-data-parser";
import {
  MaxFileSizeExceededError,
  MaxHeaderSizeExceededError,
  MaxPartsExceededError,
  MaxTotalSizeExceededError,
  MultipartParseError,
  parseMultipartRequest,
  type MultipartPart,
} from "@remix-run/multipart-parser";
import { env } from "./env.server";

/** Longest value of one text field (a long agreement text fits). */
const MAX_FIELD_BYTES = 1024 * 1024;
/** A form without files (URL-encoded) may not be larger than this. */
const MAX_FORM_BYTES = 2 * 1024 * 1024;
const MAX_FILES = 10;
const MAX_PARTS = 500;

/** The header server/index.js sets on every request (clients cannot choose it). */
const REQUEST_ID_HEADER = "x-portal-request-id";

/** Marks a file over the size limit: its bytes were not kept; `checkUploads` reports it. */
export const TOO_LARGE_MARK = "\u0000too-large:";

const incoming = new WeakMap<Blob, string>();

/** Where a received file waits on disk until it is stored or discarded. */
export function incomingPathOf(file: Blob): string | undefined {
  return incoming.get(file);
}

function incomingDir(): string {
  const dir = path.join(path.resolve(env().UPLOAD_DIR), ".incoming");
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

function incomingTarget(requestId: string): string {
  return path.join(incomingDir(), `${requestId.replace(/[^\w-]/g, "")}-${crypto.randomUUID()}`);
}

/** Writes a received file to UPLOAD_DIR/.incoming; returns its path there. */
export async function receiveFile(file: Blob, requestId: string = crypto.randomUUID()): Promise<string> {
  const target = incomingTarget(requestId);
  await pipeline(
    Readable.fromWeb(file.stream() as WebReadableStream),
    fs.createWriteStream(target, { flags: "wx", mode: 0o600 }),
  );
  return target;
}

/**
 * Writes the chunks of a received part to UPLOAD_DIR/.incoming as they are (the parser's own
 * pieces of the request body, written on libuv's thread pool); returns its path there. Making
 * a File of the part first copied all its bytes into one Blob on the event loop: 20 MB held
 * the loop for 50–130 ms.
 */
async function receivePart(part: MultipartPart, requestId: string): Promise<string> {
  const target = incomingTarget(requestId);
  await pipeline(Readable.from(part.content), fs.createWriteStream(target, { flags: "wx", mode: 0o600 }));
  return target;
}

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

// Control characters other than tab and line breaks never belong in a form. (A vertical tab
// or form feed pasted from PowerPoint or Word is read as a line break.)
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/;
const SOFT_BREAK = /[\u000b\u000c]/g;

export interface ReadFormOptions {
  /** The route takes file uploads (written to disk as they arrive). */
  uploads?: boolean;
}

/**
 * Reads the form of a POST. Throws a Response (400, 413 or 415, Swedish text) for anything
 * that is not a well-formed form within the limits.
 */
export async function readForm(request: Request, options: ReadFormOptions = {}): Promise<FormData> {
  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  const multipart = type.startsWith("multipart/form-data");
  if (!multipart && !type.startsWith("application/x-www-form-urlencoded"))
    throw refuse(
      415,
      "Förfrågan måste skickas som ett formulär (application/x-www-form-urlencoded eller multipart/form-data).",
    );
  const e = env();
  const requestId = request.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID();
  const maxFileBytes = e.MAX_UPLOAD_MB * 1024 * 1024;

  const onFile = async (part: MultipartPart): Promise<string | Blob | null> => {
    if (!options.uploads) return null; // a route without uploads ignores files
    const name = part.filename ?? "file-upload";
    const size = part.size;
    if (size === 0 && !name) return null; // the empty file input
    if (size > maxFileBytes) return `${TOO_LARGE_MARK}${name}`;
    const target = await receivePart(part, requestId);
    const stored = new File([await fs.openAsBlob(target)], name, {
      type: part.mediaType ?? "application/octet-stream",
    });
    incoming.set(stored, target);
    return stored;
  };

  let form: FormData;
  try {
    form = multipart
      ? await readMultipart(request, {
          maxFiles: options.uploads ? MAX_FILES : MAX_PARTS,
          maxParts: MAX_PARTS,
          maxHeaderSize: 8 * 1024,
          // One part (a file) may be as large as the whole request; the file limit is applied
          // per file above, so the other fields come back with the error.
          maxFileSize: options.uploads ? e.MAX_REQUEST_MB * 1024 * 1024 : MAX_FORM_BYTES,
          maxTotalSize: options.uploads ? e.MAX_REQUEST_MB * 1024 * 1024 : MAX_FORM_BYTES,
          onFile,
        })
      : await parseFormData(request, { maxParts: MAX_PARTS, maxTotalSize: MAX_FORM_BYTES });
  } catch (error) {
    if (error instanceof MaxFilesExceeded) throw refuse(413, `Du kan skicka högst ${MAX_FILES} filer åt gången.`);
    if (error instanceof MaxTotalSizeExceededError || error instanceof MaxFileSizeExceededError)
      throw refuse(413, `Förfrågan är för stor. Största tillåtna storlek är ${e.MAX_REQUEST_MB} MB sammanlagt.`);
    if (error instanceof MaxPartsExceededError) throw refuse(413, "Formuläret har för många fält.");
    if (
      error instanceof MaxHeaderSizeExceededError ||
      error instanceof MultipartParseError ||
      error instanceof FormDataParseError
    )
      throw refuse(400, "Formuläret kunde inte läsas. Ladda om sidan och skicka det igen.");
    throw error;
  }
  const clean = new FormData();
  for (const [name, value] of form.entries()) {
    if (CONTROL.test(name) || /[\u000b\u000c]/.test(name))
      throw refuse(400, "Formuläret innehåller ett fältnamn med otillåtna tecken.");
    if (typeof value !== "string" || value.startsWith(TOO_LARGE_MARK)) {
      clean.append(name, value);
      continue;
    }
    if (Buffer.byteLength(value) > MAX_FIELD_BYTES) throw refuse(413, "Ett fält i formuläret är för långt.");
    if (CONTROL.test(value))
      throw refuse(400, "Formuläret innehåller otillåtna kontrolltecken. Ta bort dem och försök igen.");
    clean.append(name, value.replace(SOFT_BREAK, "\n"));
  }
  return clean;
}

class MaxFilesExceeded extends Error {}

/** The parts of a multipart request; what breaks while reading it (not a limit) is a FormDataParseError. */
async function* partsOf(request: Request, options: Parameters<typeof parseMultipartRequest>[1]) {
  try {
    yield* parseMultipartRequest(request, options);
  } catch (error) {
    if (error instanceof MultipartParseError) throw error;
    throw new FormDataParseError("Cannot parse form data", { cause: error });
  }
}

/**
 * A multipart form, part by part (the Remix team's streaming parser, which keeps one part's
 * pieces in memory): text fields as strings, files as what `onFile` makes of them. Anything
 * the parser cannot read is a MultipartParseError.
 */
async function readMultipart(
  request: Request,
  options: {
    maxFiles: number;
    maxParts: number;
    maxHeaderSize: number;
    maxFileSize: number;
    maxTotalSize: number;
    onFile: (part: MultipartPart) => Promise<string | Blob | null>;
  },
): Promise<FormData> {
  const form = new FormData();
  let files = 0;
  for await (const part of partsOf(request, options)) {
    const name = part.name;
    if (!name) continue;
    if (!part.isFile) {
      form.append(name, part.text);
      continue;
    }
    if (++files > options.maxFiles) throw new MaxFilesExceeded();
    const value = await options.onFile(part);
    if (value !== null) form.append(name, value);
  }
  return form;
}

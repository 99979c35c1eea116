/**
 * A zip archive written as it is read (fflate's streaming Zip): one file after the other, in
 * the pieces the disk gives (64 kB), so the archive is never whole in memory and the event loop
 * turns between pieces. Built at once (`zipSync` of every file, read whole), a meeting's
 * documents held the loop for as long as deflating them all took: seconds for a few 20 MB PDFs.
 * Files that are compressed already (PDF, Office, images) are stored as they are; deflating them
 * again costs CPU and saves next to nothing.
 */
import type { Readable } from "node:stream";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

export interface ZipSource {
  /** The entry's path inside the archive. */
  name: string;
  /** Whether to deflate it (text); otherwise it is stored as it is. */
  deflate: boolean;
  open: () => Readable;
}

export function zipStream(sources: ZipSource[]): ReadableStream<Uint8Array> {
  const ready: Uint8Array[] = [];
  let finished = false;
  let failure: Error | null = null;
  const zip = new Zip((error, data, final) => {
    if (error) failure = error;
    else {
      ready.push(data);
      if (final) finished = true;
    }
  });
  // Each step reads one piece of one file into the archive.
  const steps = (async function* () {
    for (const source of sources) {
      const entry = source.deflate ? new ZipDeflate(source.name, { level: 6 }) : new ZipPassThrough(source.name);
      zip.add(entry);
      for await (const piece of source.open()) {
        entry.push(piece as Uint8Array);
        yield;
      }
      entry.push(new Uint8Array(0), true);
    }
    zip.end();
  })();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (ready.length === 0 && !finished && !failure) if ((await steps.next()).done) break;
      if (failure) return controller.error(failure);
      for (const data of ready.splice(0)) controller.enqueue(data);
      if (finished) controller.close();
    },
    async cancel() {
      // The client went away: no more files are read.
      await steps.return(undefined);
    },
  });
}

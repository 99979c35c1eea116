/**
 * Long document texts are indexed after their write, in a worker thread
 * (app/utils/text-indexer.server.ts, server/index-worker.js): the write stores the text and
 * indexes the title; the worker indexes the text. A short text is indexed in the write, and
 * without a running indexer a long one is indexed right after the write on the app's own
 * connection. A version's text changed in place (redaction) is indexed again.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { addDocumentVersion, createDocument } from "~/models/documents.server";
import { search } from "~/models/search.server";
import {
  INDEXED_IN_WRITE_MAX,
  indexPendingTexts,
  indexPendingTextsHere,
  startTextIndexer,
} from "~/utils/text-indexer.server";
import type * as TextIndexer from "~/utils/text-indexer.server";
import { enterWriteRequest, processWriteGate } from "../../server/write-gate.js";
import { demoDatabaseWithFile, withConnection } from "../support/test-db";

// The write's call to the indexer is recorded instead of made, so that what the write itself
// stored can be seen before anything indexes it; the indexer's own functions are the real ones.
vi.mock("~/utils/text-indexer.server", async (importOriginal) => {
  const actual = await importOriginal<typeof TextIndexer>();
  return { ...actual, indexPendingTexts: vi.fn() };
});

let file: Db;
let world: DemoWorld;
let remove: () => void;

beforeAll(async () => {
  ({ file, world, remove } = await demoDatabaseWithFile());
});
afterAll(() => remove());

/** A text just past the limit whose last word is found nowhere else. */
function longText(lastWord: string): string {
  const filler = "Samverkan kring unga med riskbruk i länets kommuner. ";
  return filler.repeat(Math.ceil((INDEXED_IN_WRITE_MAX + 1) / filler.length)) + lastWord;
}

const entryOf = (id: number) =>
  file.$client
    .prepare("SELECT title, length(body) AS chars FROM search_entries WHERE kind = 'document' AND ref_id = ?")
    .get(id) as { title: string; chars: number } | undefined;

const pendingVersions = () =>
  (file.$client.prepare("SELECT count(*) AS n FROM document_versions WHERE text_indexed = 0").get() as { n: number }).n;

function newDocument(title: string, searchText: string) {
  return createDocument(
    "demo-samordnare",
    world.collaborationId,
    { title, kind: "rapport", bodyId: world.bodyIds.styrgrupp, date: "2026-11-01", visibility: "public", bodyIds: [] },
    { markdown: null, searchText, comment: "" },
    null,
  );
}

const found = async (word: string) => (await search(null, word, {})).items.map((r) => r.title);

describe("long texts indexed after the write", () => {
  it("stores a long text unindexed (the title found at once) and the worker indexes it", async () => {
    await withConnection(file, async () => {
      vi.mocked(indexPendingTexts).mockClear();
      const doc = newDocument("Lång bilaga om riskbruk", longText("slutordsmarkör"));
      expect(indexPendingTexts).toHaveBeenCalledTimes(1);
      expect(entryOf(doc.id)).toEqual({ title: "Lång bilaga om riskbruk", chars: 0 });
      expect(pendingVersions()).toBe(1);
      expect(await found("slutordsmarkör")).toEqual([]);
      expect(await found("bilaga om riskbruk")).toEqual(["Lång bilaga om riskbruk"]);

      const worker = startTextIndexer()!;
      try {
        await worker.now();
        expect(pendingVersions()).toBe(0);
        expect(entryOf(doc.id)!.chars).toBeGreaterThan(INDEXED_IN_WRITE_MAX);
        expect(await found("slutordsmarkör")).toEqual(["Lång bilaga om riskbruk"]);

        // A new long version: the old text leaves the index with the write, the new one
        // enters it with the worker.
        const result = addDocumentVersion(
          "demo-samordnare",
          doc.id,
          doc.version,
          { markdown: null, searchText: longText("ersättningsordet"), comment: "" },
          null,
        );
        expect(result.ok).toBe(true);
        expect(indexPendingTexts).toHaveBeenCalledTimes(2);
        expect(await found("slutordsmarkör")).toEqual([]);
        expect(await worker.now()).toBe(1);
        expect(await found("ersättningsordet")).toEqual(["Lång bilaga om riskbruk"]);
      } finally {
        await worker.stop();
      }
      await expect(worker.now()).rejects.toThrow(/stopped/);
    });
  });

  it("indexes what was left pending when the worker starts", async () => {
    await withConnection(file, async () => {
      newDocument("Kvarlämnad rapport", longText("kvarlämningsord"));
      expect(pendingVersions()).toBe(1);
      const worker = startTextIndexer()!;
      try {
        // Its first run was started with it; this one finds nothing left.
        expect(await worker.now()).toBe(0);
        expect(pendingVersions()).toBe(0);
        expect(await found("kvarlämningsord")).toEqual(["Kvarlämnad rapport"]);
      } finally {
        await worker.stop();
      }
    });
  });

  it("waits while a write request of the process is in flight, so the request never waits for its lock", async () => {
    await withConnection(file, async () => {
      newDocument("Rapport under pågående ändring", longText("väntordsmarkör"));
      // As server/index.js does when a POST arrives (server/write-gate.js).
      const leave = await enterWriteRequest(processWriteGate());
      const worker = startTextIndexer()!;
      try {
        await new Promise((r) => setTimeout(r, 300));
        expect(pendingVersions()).toBe(1);
        leave();
        await worker.now();
        expect(pendingVersions()).toBe(0);
        expect(await found("väntordsmarkör")).toEqual(["Rapport under pågående ändring"]);
      } finally {
        leave();
        await worker.stop();
      }
    });
  });

  it("indexes a short text in the write, and a long one on the app's connection without a worker", async () => {
    await withConnection(file, async () => {
      vi.mocked(indexPendingTexts).mockClear();
      const short = newDocument("Kort anteckning", "En kort text om kortordsmarkör.");
      expect(indexPendingTexts).not.toHaveBeenCalled();
      expect(entryOf(short.id)!.chars).toBeGreaterThan(0);
      expect(await found("kortordsmarkör")).toEqual(["Kort anteckning"]);

      const long = newDocument("Lång rapport utan indexerare", longText("efterskrivsmarkör"));
      expect(indexPendingTextsHere()).toBe(1);
      expect(pendingVersions()).toBe(0);
      expect(entryOf(long.id)!.chars).toBeGreaterThan(INDEXED_IN_WRITE_MAX);
      expect(await found("efterskrivsmarkör")).toEqual(["Lång rapport utan indexerare"]);
    });
  });

  it("indexes a version's text again when it is changed in place (as redaction masks it)", async () => {
    await withConnection(file, async () => {
      const doc = newDocument("Protokollsbilaga", "Texten nämner maskeringsordet här.");
      expect(await found("maskeringsordet")).toEqual(["Protokollsbilaga"]);
      const { versionId } = file.$client
        .prepare("SELECT current_version_id AS versionId FROM documents WHERE id = ?")
        .get(doc.id) as { versionId: number };
      file.$client
        .prepare("UPDATE document_versions SET search_text = 'Texten nämner ****** här.' WHERE id = ?")
        .run(versionId);
      expect(await found("maskeringsordet")).toEqual([]);
      expect(await found("nämner ******")).toEqual(["Protokollsbilaga"]);
    });
  });
});

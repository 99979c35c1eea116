import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { documents } from "../../db/schema";
import type { Actor } from "~/domain/policy";
import {
  addDocumentVersion,
  createDocument,
  currentVersionOf,
  pageOfDocuments,
  pageOfDocumentVersions,
} from "~/models/documents.server";
import { fileAccessAllowed } from "~/models/file-access.server";
import { checkUploads, getFile, readFileBytes, withStagedFiles } from "~/models/files.server";
import { search } from "~/models/search.server";
import { can } from "~/domain/policy";
import { write } from "~/utils/db.server";
import { makePdf } from "../fixtures/pdf";
import { demoDatabase } from "../support/test-db";
import { demoViewers } from "../support/viewers";
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { createHash } from "node:crypto";

let db: Db;
let world: DemoWorld;
let actors: Record<string, Actor | null>;

beforeEach(async () => {
  process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "uploads-"));
  ({ db, world } = await demoDatabase("2026-11-23"));
  const [anonymous, politician, ifoChief, manager, coordinator] = demoViewers(world, "2026-11-23").map(([, a]) => a);
  actors = { anonymous, politician, ifoChief, manager, coordinator };
});

const titles = async (actor: Actor | null) =>
  (await pageOfDocuments(actor, {}, { page: 1, size: 1000 })).items.map((d) => d.title);
const ROUTINE = "Rutin för samverkan vid ungdomskontrakt";

function formWith(name: string, bytes: Buffer, field = "files") {
  const form = new FormData();
  form.append(field, new File([new Uint8Array(bytes)], name));
  return form;
}

type Uploaded = Extract<Awaited<ReturnType<typeof checkUploads>>, { ok: true }>["files"];

/** The coordinator's document for the steering group, dated 2026-11-01, whose first version is the uploaded file. */
function documentOfUpload(files: Uploaded, details: Omit<Parameters<typeof createDocument>[2], "bodyId" | "date">) {
  return withStagedFiles(files, (staged) =>
    createDocument(
      "demo-samordnare",
      world.collaborationId,
      { ...details, bodyId: world.bodyIds.styrgrupp, date: "2026-11-01" },
      { markdown: null, searchText: files[0].text, comment: "" },
      staged,
    ),
  );
}

describe("visibility", () => {
  it("lists public documents to everyone, members' documents to signed-in users, and body documents to the body only", async () => {
    expect(await titles(actors.anonymous)).toEqual([
      "Verksamhetsberättelse 2025",
      "Samarbetsavtal MiniMaria Jämtland Härjedalen",
    ]);
    expect(await titles(actors.politician)).not.toContain(ROUTINE);
    expect(await titles(actors.politician)).toContain("Uppföljningsplan");
    // Maja sits in the reference and working groups, not the steering group.
    expect(await titles(actors.manager)).not.toContain(ROUTINE);
    expect(await titles(actors.ifoChief)).toContain(ROUTINE);
    expect(await titles(actors.coordinator)).toContain(ROUTINE);
  });

  it("never lets search reveal a document the viewer may not read", async () => {
    expect((await search(actors.manager, "ungdomskontrakt", { kind: "document" })).items.map((r) => r.title)).toEqual(
      [],
    );
    expect((await search(actors.ifoChief, "ungdomskontrakt", { kind: "document" })).items.map((r) => r.title)).toEqual([
      ROUTINE,
    ]);
    expect((await search(actors.anonymous, "ungdomskontrakt", {})).items.map((r) => r.title)).not.toContain(ROUTINE);
  });

  it("refuses downloads of a body-only document's file to others", async () => {
    const uploads = await checkUploads(formWith("plan.pdf", makePdf(["Plan för styrgruppen"])));
    if (!uploads.ok) throw new Error(uploads.error);
    const doc = documentOfUpload(uploads.files, {
      title: "Intern plan",
      kind: "rapport",
      visibility: "bodies",
      bodyIds: [world.bodyIds.styrgrupp],
    });
    const fileId = currentVersionOf(doc)!.file!.id;
    expect(fileAccessAllowed(fileId, actors.ifoChief, can, "demo-ifochef")).toBe(true);
    expect(fileAccessAllowed(fileId, actors.manager, can, "demo-chef")).toBe(false);
    expect(fileAccessAllowed(fileId, actors.politician, can, "demo-politiker")).toBe(false);
    expect(fileAccessAllowed(fileId, actors.anonymous, can, null)).toBe(false);
  });
});

describe("an upload", () => {
  it("is stored with its bytes, size and SHA-256, and nothing is left waiting in .incoming", async () => {
    const bytes = makePdf(["Rutin för hembesök och uppföljning"]);
    const uploads = await checkUploads(formWith("rutin.pdf", bytes));
    if (!uploads.ok) throw new Error(uploads.error);
    const [pending] = uploads.files;
    expect(pending.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(pending.size).toBe(bytes.length);
    const doc = documentOfUpload(uploads.files, {
      title: "Rutin för hembesök",
      kind: "rutin",
      visibility: "members",
      bodyIds: [],
    });
    const file = getFile(currentVersionOf(doc)!.file!.id)!;
    expect(file.sha256).toBe(pending.sha256);
    expect(file.size).toBe(bytes.length);
    expect(Buffer.compare(readFileBytes(file), bytes)).toBe(0);
    expect(fs.existsSync(pending.incomingPath)).toBe(false);
  });
});

describe("search", () => {
  it("finds the agreement's text when searching for uppsägning, with the hit marked", async () => {
    const results = (await search(actors.politician, "uppsägning", {})).items;
    expect(results[0].kind).toMatch(/agreement_version|document/);
    expect(results.some((r) => r.href.startsWith("/avtal/versioner/"))).toBe(true);
    expect(results[0].snippetHtml).toContain("<mark>");
  });

  it("handles å, ä and ö, any case, and prefixes", async () => {
    expect((await search(actors.coordinator, "ÖSTERSUND", {})).items.length).toBeGreaterThan(0);
    expect((await search(actors.coordinator, "uppsäg", {})).items.length).toBeGreaterThan(0);
    // Diacritics are letters of their own in Swedish: "for" does not find "för".
    const withFor = (await search(actors.coordinator, "förlängs", {})).page.total;
    expect(withFor).toBeGreaterThan(0);
    expect((await search(actors.coordinator, "forlangs", {})).page.total).toBe(0);
  });

  it("finds recommendations to the parties", async () => {
    expect(
      (await search(actors.anonymous, "inriktningsbeslut", { kind: "recommendation" })).items.map((r) => r.href),
    ).toEqual([expect.stringMatching(/^\/rekommendationer\/\d+$/)]);
  });

  it("ranks a title hit above a body hit", async () => {
    const hits = (await search(actors.coordinator, "verksamhetsberättelse", {})).items;
    expect(hits[0].title).toBe("Verksamhetsberättelse 2025");
  });

  it("finds text inside an uploaded PDF, and the index follows a new version in the same transaction", async () => {
    const uploads = await checkUploads(formWith("rutin.pdf", makePdf(["Rutin för närmottagningar i Härjedalen"])));
    if (!uploads.ok) throw new Error(uploads.error);
    const doc = documentOfUpload(uploads.files, {
      title: "Rutin närmottagning",
      kind: "rutin",
      visibility: "members",
      bodyIds: [],
    });
    expect((await search(actors.politician, "närmottagningar härjedalen", {})).items.map((r) => r.title)).toContain(
      "Rutin närmottagning",
    );
    const saved = addDocumentVersion(
      "demo-samordnare",
      doc.id,
      1,
      { markdown: "Helt ny text om lokaler", searchText: "Helt ny text om lokaler", comment: "" },
      null,
    );
    expect(saved.ok).toBe(true);
    expect((await search(actors.politician, "närmottagningar härjedalen", {})).items.map((r) => r.title)).not.toContain(
      "Rutin närmottagning",
    );
    expect((await search(actors.politician, "lokaler", {})).items.map((r) => r.title)).toContain("Rutin närmottagning");
    // A failed write leaves the index as it was.
    expect(() =>
      write((tx) => {
        tx.update(documents).set({ title: "Ändrad titel" }).where(eq(documents.id, doc.id)).run();
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect((await search(actors.coordinator, "ändrad titel", {})).page.total).toBe(0);
  });
});

describe("versions and uploads", () => {
  it("keeps older versions when a new one is added, and refuses a stale save", async () => {
    const routine = db.select().from(documents).where(eq(documents.title, ROUTINE)).get()!;
    const result = addDocumentVersion(
      "demo-ifochef",
      routine.id,
      routine.version,
      { markdown: "v3", searchText: "v3", comment: "tredje" },
      null,
    );
    expect(result.ok).toBe(true);
    const versions = await pageOfDocumentVersions(routine.id, { page: 1, size: 50 });
    expect(versions.items.map((v) => v.versionNo)).toEqual([3, 2, 1]);
    expect(
      addDocumentVersion(
        "demo-ifochef",
        routine.id,
        routine.version,
        { markdown: "x", searchText: "x", comment: "" },
        null,
      ).ok,
    ).toBe(false);
  });

  it("refuses an upload whose content does not match its name, a path-traversal name, and a personal identity number", async () => {
    const html = await checkUploads(formWith("rapport.pdf", Buffer.from("<html><script>alert(1)</script></html>")));
    expect(html).toMatchObject({ ok: false, error: expect.stringContaining("webbkod") });
    const renamedPng = await checkUploads(
      formWith("bild.pdf", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])),
    );
    expect(renamedPng).toMatchObject({ ok: false, error: expect.stringContaining("stämmer inte") });
    const traversal = await checkUploads(formWith("../../etc/passwd.txt", Buffer.from("hej")));
    expect(traversal.ok && traversal.files[0].originalName).toBe("passwd.txt");
    const withNumber = await checkUploads(formWith("lista.pdf", makePdf(["Klient 19121212-1212"])));
    expect(withNumber).toMatchObject({ ok: false, error: expect.stringContaining("personnummer") });
  });

  it("refuses a text file that stops being UTF-8 text after the first 64 kB its type is decided from", async () => {
    const text = Buffer.from("Protokoll från mötet i Östersund.\n".repeat(3_000)); // about 110 kB
    expect(await checkUploads(formWith("protokoll.txt", text))).toMatchObject({ ok: true });
    for (const [at, bad] of [
      [100_000, [0x00]], // a NUL byte
      [100_000, [0xc3, 0x28]], // an invalid UTF-8 sequence
    ] as const) {
      const broken = Buffer.concat([text.subarray(0, at), Buffer.from(bad), text.subarray(at)]);
      expect(await checkUploads(formWith("protokoll.txt", broken))).toEqual({
        ok: false,
        error:
          "Innehållet i protokoll.txt stämmer inte med filändelsen .txt. Spara filen i rätt format och försök igen.",
      });
    }
  });
});

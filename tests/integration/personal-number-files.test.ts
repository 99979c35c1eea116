/**
 * Class 4 of issue 11, files: a personnummer anywhere in an accepted file is refused, in every
 * accepted format and in every part of it (DOCX headers, footers, footnotes, comments and
 * properties; XLSX cells and properties; PPTX slides and notes; ODT/ODS content and meta), in the
 * file's name too; a file whose text cannot be read is refused. Nothing is stored.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, zipSync, type Zippable } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { makePdf } from "../fixtures/pdf";
import { demoDatabase } from "../support/test-db";
import { checkUploads } from "~/models/files.server";

beforeAll(async () => {
  process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "uploads-"));
  await demoDatabase();
});

const PN = "19121212-1212";
const xml = (body: string) => strToU8(`<?xml version="1.0" encoding="UTF-8"?>${body}`);
const para = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const CONTENT_TYPES = xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');

function docx(parts: Record<string, string>): Buffer {
  const files: Zippable = {
    "[Content_Types].xml": CONTENT_TYPES,
    "word/document.xml": xml(`<w:document><w:body>${para("Rutin för samverkan")}</w:body></w:document>`),
  };
  for (const [name, body] of Object.entries(parts)) files[name] = xml(body);
  return Buffer.from(zipSync(files));
}

function xlsx(parts: Record<string, string>): Buffer {
  const files: Zippable = {
    "[Content_Types].xml": CONTENT_TYPES,
    "xl/workbook.xml": xml("<workbook><sheets/></workbook>"),
    "xl/sharedStrings.xml": xml("<sst><si><t>Nyckeltal 2026</t></si></sst>"),
  };
  for (const [name, body] of Object.entries(parts)) files[name] = xml(body);
  return Buffer.from(zipSync(files));
}

function pptx(parts: Record<string, string>): Buffer {
  const files: Zippable = {
    "[Content_Types].xml": CONTENT_TYPES,
    "ppt/presentation.xml": xml("<p:presentation/>"),
    "ppt/slides/slide1.xml": xml("<p:sld><a:t>Verksamhetsberättelse</a:t></p:sld>"),
  };
  for (const [name, body] of Object.entries(parts)) files[name] = xml(body);
  return Buffer.from(zipSync(files));
}

function odf(kind: "text" | "spreadsheet", parts: Record<string, string>): Buffer {
  const files: Zippable = {
    mimetype: [strToU8(`application/vnd.oasis.opendocument.${kind}`), { level: 0 }],
    "META-INF/manifest.xml": xml("<manifest:manifest/>"),
    "content.xml": xml("<office:document-content><text:p>Protokoll</text:p></office:document-content>"),
  };
  for (const [name, body] of Object.entries(parts)) files[name] = xml(body);
  return Buffer.from(zipSync(files));
}

function formWith(name: string, bytes: Buffer) {
  const form = new FormData();
  form.append("files", new File([new Uint8Array(bytes)], name));
  return form;
}

const CASES: [string, string, Buffer][] = [
  [
    "DOCX body",
    "rutin.docx",
    docx({ "word/document.xml": `<w:document><w:body>${para(`Klient ${PN}`)}</w:body></w:document>` }),
  ],
  [
    "DOCX body split over runs",
    "rutin.docx",
    docx({
      "word/document.xml": `<w:document><w:body><w:p><w:r><w:t>1912</w:t></w:r><w:r><w:t>1212-1212</w:t></w:r></w:p></w:body></w:document>`,
    }),
  ],
  ["DOCX header", "rutin.docx", docx({ "word/header1.xml": `<w:hdr>${para(PN)}</w:hdr>` })],
  ["DOCX footer", "rutin.docx", docx({ "word/footer1.xml": `<w:ftr>${para(PN)}</w:ftr>` })],
  [
    "DOCX footnote",
    "rutin.docx",
    docx({ "word/footnotes.xml": `<w:footnotes><w:footnote>${para(PN)}</w:footnote></w:footnotes>` }),
  ],
  [
    "DOCX comment",
    "rutin.docx",
    docx({ "word/comments.xml": `<w:comments><w:comment>${para(PN)}</w:comment></w:comments>` }),
  ],
  [
    "DOCX core properties",
    "rutin.docx",
    docx({ "docProps/core.xml": `<cp:coreProperties><dc:title>${PN}</dc:title></cp:coreProperties>` }),
  ],
  [
    "DOCX custom properties",
    "rutin.docx",
    docx({ "docProps/custom.xml": `<Properties><property><vt:lpwstr>${PN}</vt:lpwstr></property></Properties>` }),
  ],
  [
    "DOCX entity-encoded",
    "rutin.docx",
    docx({ "word/document.xml": `<w:document><w:body>${para("&#49;&#57;121212-1212")}</w:body></w:document>` }),
  ],
  ["XLSX shared string", "tal.xlsx", xlsx({ "xl/sharedStrings.xml": `<sst><si><t>${PN}</t></si></sst>` })],
  [
    "XLSX inline string",
    "tal.xlsx",
    xlsx({ "xl/worksheets/sheet1.xml": `<worksheet><c t="inlineStr"><is><t>${PN}</t></is></c></worksheet>` }),
  ],
  [
    "XLSX properties",
    "tal.xlsx",
    xlsx({ "docProps/core.xml": `<cp:coreProperties><dc:creator>${PN}</dc:creator></cp:coreProperties>` }),
  ],
  ["PPTX slide", "bilder.pptx", pptx({ "ppt/slides/slide2.xml": `<p:sld><a:t>${PN}</a:t></p:sld>` })],
  ["PPTX notes", "bilder.pptx", pptx({ "ppt/notesSlides/notesSlide1.xml": `<p:notes><a:t>${PN}</a:t></p:notes>` })],
  [
    "ODT content",
    "protokoll.odt",
    odf("text", { "content.xml": `<office:document-content><text:p>${PN}</text:p></office:document-content>` }),
  ],
  ["ODT meta", "protokoll.odt", odf("text", { "meta.xml": `<office:meta><dc:title>${PN}</dc:title></office:meta>` })],
  [
    "ODS cell",
    "tal.ods",
    odf("spreadsheet", {
      "content.xml": `<office:document-content><table:table-cell><text:p>${PN}</text:p></table:table-cell></office:document-content>`,
    }),
  ],
  ["PDF", "plan.pdf", makePdf(["Plan", `Klient ${PN}`])],
  ["text file", "anteckning.txt", Buffer.from(`Klient ${PN}`)],
  ["Markdown emphasis", "anteckning.md", Buffer.from("Klient 1912**1212**-1212")],
];

describe("files with a personnummer anywhere are refused", () => {
  it.each(CASES)(
    "%s",
    async (_what, name, bytes) => {
      const result = await checkUploads(formWith(name, bytes));
      expect(result.ok).toBe(false);
      expect(result.ok ? "" : result.error).toMatch(/personnummer/);
    },
    30_000,
  );

  it("accepts the same files without the number (the cases are not refused for another reason)", async () => {
    for (const [what, name, bytes] of [
      ["DOCX", "rutin.docx", docx({ "word/header1.xml": `<w:hdr>${para("Sidhuvud 2026-12-31")}</w:hdr>` })],
      ["XLSX", "tal.xlsx", xlsx({})],
      ["PPTX", "bilder.pptx", pptx({})],
      ["ODT", "protokoll.odt", odf("text", {})],
      ["ODS", "tal.ods", odf("spreadsheet", {})],
      ["PDF", "plan.pdf", makePdf(["Plan för 2027, 5 720 000 kr"])],
    ] as const) {
      const result = await checkUploads(formWith(name, bytes));
      expect(result, what).toMatchObject({ ok: true });
    }
  }, 60_000);

  it("refuses a file name with the number", async () => {
    const result = await checkUploads(formWith(`Utredning ${PN}.pdf`, makePdf(["Plan"])));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/personnummer/) });
  });

  it("refuses files whose text cannot be read", async () => {
    const broken = docx({}).subarray(0, 200);
    for (const [name, bytes] of [
      ["trasig.docx", broken],
      ["trasig.pdf", Buffer.concat([makePdf(["x"]).subarray(0, 60), Buffer.from("\n%%EOF\n")])],
      [
        "trasig.xlsx",
        Buffer.from(zipSync({ "xl/sharedStrings.xml": [strToU8("<sst/>"), { level: 0 }] })).subarray(0, 90),
      ],
    ] as const) {
      const result = await checkUploads(formWith(name, Buffer.from(bytes)));
      expect(result.ok, name).toBe(false);
    }
  }, 60_000);
});

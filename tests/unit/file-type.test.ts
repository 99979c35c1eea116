import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  ALLOWED_UPLOAD_KINDS,
  cleanFileName,
  detectFileType,
  fileExtension,
  sniffKind,
  zipEntryNames,
} from "~/domain/file-type";

const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

// ---- Hand-built ZIP archives (stored entries, no compression) ----

const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

interface Entry {
  name: string;
  content?: string;
  /** Set the data-descriptor flag and leave sizes out of the local header. */
  descriptor?: boolean;
  /** Claim deflate (method 8) although the data is stored. */
  method?: number;
}

/** A minimal but valid ZIP: local headers, data, central directory, end record. */
function buildZip(entries: Entry[], { centralDirectory = true } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const data = Buffer.from(entry.content ?? "", "utf8");
    const crc = crc32(data);
    const flags = (entry.descriptor ? 0x08 : 0) | 0x800;
    const method = entry.method ?? 0;
    const size = entry.descriptor ? 0 : data.length;
    const local = Buffer.from([
      ...[0x50, 0x4b, 0x03, 0x04],
      ...le16(20),
      ...le16(flags),
      ...le16(method),
      ...le16(0),
      ...le16(0x21),
      ...le32(entry.descriptor ? 0 : crc),
      ...le32(size),
      ...le32(size),
      ...le16(name.length),
      ...le16(0),
    ]);
    const descriptor = entry.descriptor
      ? Buffer.from([0x50, 0x4b, 0x07, 0x08, ...le32(crc), ...le32(data.length), ...le32(data.length)])
      : Buffer.alloc(0);
    locals.push(local, name, data, descriptor);
    centrals.push(
      Buffer.from([
        ...[0x50, 0x4b, 0x01, 0x02],
        ...le16(20),
        ...le16(20),
        ...le16(flags),
        ...le16(method),
        ...le16(0),
        ...le16(0x21),
        ...le32(crc),
        ...le32(data.length),
        ...le32(data.length),
        ...le16(name.length),
        ...le16(0),
        ...le16(0),
        ...le16(0),
        ...le16(0),
        ...le32(0),
        ...le32(offset),
      ]),
      name,
    );
    offset += local.length + name.length + data.length + descriptor.length;
  }
  if (!centralDirectory) return Buffer.concat(locals);
  const cd = Buffer.concat(centrals);
  const end = Buffer.from([
    ...[0x50, 0x4b, 0x05, 0x06],
    ...le16(0),
    ...le16(0),
    ...le16(entries.length),
    ...le16(entries.length),
    ...le32(cd.length),
    ...le32(offset),
    ...le16(0),
  ]);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = {
  name: "[Content_Types].xml",
  content: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
};
const RELS = { name: "_rels/.rels", content: "<Relationships/>" };

const docx = () =>
  buildZip([
    CONTENT_TYPES,
    RELS,
    { name: "word/document.xml", content: "<w:document/>" },
    { name: "word/styles.xml", content: "<w:styles/>" },
  ]);
const xlsx = () =>
  buildZip([
    CONTENT_TYPES,
    RELS,
    { name: "xl/workbook.xml", content: "<workbook/>" },
    { name: "xl/worksheets/sheet1.xml", content: "<worksheet/>" },
  ]);
const pptx = () =>
  buildZip([
    CONTENT_TYPES,
    RELS,
    { name: "ppt/presentation.xml", content: "<p:presentation/>" },
    { name: "ppt/slides/slide1.xml", content: "<p:sld/>" },
  ]);
const odf = (mime: string) =>
  buildZip([
    { name: "mimetype", content: mime },
    { name: "META-INF/manifest.xml", content: "<manifest/>" },
    { name: "content.xml", content: "<office:document-content/>" },
  ]);
const ODT = "application/vnd.oasis.opendocument.text";
const ODS = "application/vnd.oasis.opendocument.spreadsheet";

/** The same documents as real archives with deflated entries, written by fflate. */
const deflated = (files: Record<string, string>, firstStored?: string) =>
  zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, text]) => [name, [strToU8(text), { level: name === firstStored ? 0 : 6 }]]),
    ),
  );

// ---- Other signatures ----

const PDF = bytes(
  "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);
const PNG = bytes([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6,
  0, 0, 0,
]);
const JPEG = bytes([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
  0x00, 0xff, 0xd9,
]);
const GIF = bytes("GIF89a", [1, 0, 1, 0, 0x80, 0, 0]);
const MZ = bytes("MZ", [0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0], "This program cannot be run in DOS mode.");
const ELF = bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0]);
const MACHO = bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1, 3, 0, 0, 0]);
const JAVA_CLASS = bytes([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x34]);

const ok = (kind: string, extension: string) => expect.objectContaining({ ok: true, kind, extension });
const refused = (text: string | RegExp) => ({ ok: false, error: expect.stringMatching(text) });

describe("ALLOWED_UPLOAD_KINDS", () => {
  it("lists exactly the kinds we accept", () => {
    expect([...ALLOWED_UPLOAD_KINDS]).toEqual([
      "pdf",
      "docx",
      "xlsx",
      "pptx",
      "odt",
      "ods",
      "png",
      "jpeg",
      "txt",
      "md",
    ]);
  });
});

describe("detectFileType: accepted content", () => {
  it.each([
    ["rapport.pdf", PDF, "pdf", "pdf", "application/pdf"],
    ["RAPPORT.PDF", PDF, "pdf", "pdf", "application/pdf"],
    ["karta.png", PNG, "png", "png", "image/png"],
    ["foto.jpg", JPEG, "jpeg", "jpg", "image/jpeg"],
    ["foto.JPEG", JPEG, "jpeg", "jpeg", "image/jpeg"],
    [
      "protokoll.docx",
      docx(),
      "docx",
      "docx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
    ["budget.xlsx", xlsx(), "xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    [
      "bilder.pptx",
      pptx(),
      "pptx",
      "pptx",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ],
    ["protokoll.odt", odf(ODT), "odt", "odt", "application/vnd.oasis.opendocument.text"],
    ["budget.ods", odf(ODS), "ods", "ods", "application/vnd.oasis.opendocument.spreadsheet"],
    ["anteckning.txt", bytes("Möte i Östersund, Åre och Härjedalen.\n"), "txt", "txt", "text/plain; charset=utf-8"],
    ["rutin.md", bytes("# Rutin\n\n- punkt a < b\n"), "md", "md", "text/markdown; charset=utf-8"],
    ["rutin.markdown", bytes("## Rubrik\n"), "md", "markdown", "text/markdown; charset=utf-8"],
  ])("accepts %s", (name, content, kind, extension, mime) => {
    expect(detectFileType(content, name)).toEqual({ ok: true, kind, extension, mime });
  });

  it("accepts real (deflated) Office and OpenDocument archives written by fflate", () => {
    const ct = CONTENT_TYPES.content;
    expect(
      detectFileType(deflated({ "[Content_Types].xml": ct, "word/document.xml": "<w:document/>" }), "a.docx"),
    ).toEqual(ok("docx", "docx"));
    expect(detectFileType(deflated({ "[Content_Types].xml": ct, "xl/workbook.xml": "<workbook/>" }), "a.xlsx")).toEqual(
      ok("xlsx", "xlsx"),
    );
    expect(detectFileType(deflated({ "[Content_Types].xml": ct, "ppt/presentation.xml": "<p/>" }), "a.pptx")).toEqual(
      ok("pptx", "pptx"),
    );
    expect(detectFileType(deflated({ mimetype: ODT, "content.xml": "<x/>" }, "mimetype"), "a.odt")).toEqual(
      ok("odt", "odt"),
    );
    expect(detectFileType(deflated({ mimetype: ODS, "content.xml": "<x/>" }, "mimetype"), "a.ods")).toEqual(
      ok("ods", "ods"),
    );
  });

  it("accepts a Uint8Array as well as a Buffer", () => {
    expect(detectFileType(new Uint8Array(PDF), "a.pdf")).toEqual(ok("pdf", "pdf"));
  });

  it("accepts text with a UTF-8 BOM, and Markdown that merely mentions tags later or starts with an autolink", () => {
    expect(detectFileType(bytes([0xef, 0xbb, 0xbf], "Hej\n"), "a.txt")).toEqual(ok("txt", "txt"));
    expect(detectFileType(bytes("<https://example.org> är vår webbplats\n"), "a.md")).toEqual(ok("md", "md"));
    expect(detectFileType(bytes("Om a <b och c> d, skriv <br> i tabellen.\n"), "a.md")).toEqual(ok("md", "md"));
  });

  it("treats a PDF with HTML after its header as PDF (a polyglot is still served as PDF)", () => {
    expect(detectFileType(bytes("%PDF-1.4\n<html><script>alert(1)</script></html>"), "a.pdf")).toEqual(
      ok("pdf", "pdf"),
    );
  });

  it("keeps the real extension when the name has several dots", () => {
    expect(detectFileType(PDF, "rapport.2026.03.exe.pdf")).toEqual(ok("pdf", "pdf"));
  });
});

describe("detectFileType: content that does not match the name", () => {
  it.each([
    ["a PNG renamed .pdf", PNG, "bild.pdf"],
    ["a PNG renamed .jpg", PNG, "bild.jpg"],
    ["a JPEG renamed .png", JPEG, "bild.png"],
    ["a PDF renamed .txt", PDF, "text.txt"],
    ["a PDF renamed .md", PDF, "text.md"],
    ["a PDF renamed .docx", PDF, "text.docx"],
    ["text renamed .pdf", bytes("bara text"), "rapport.pdf"],
    ["text renamed .png", bytes("bara text"), "bild.png"],
    ["a DOCX renamed .xlsx", docx(), "budget.xlsx"],
    ["an XLSX renamed .docx", xlsx(), "protokoll.docx"],
    ["a PPTX renamed .pdf", pptx(), "bilder.pdf"],
    ["an ODT renamed .ods", odf(ODT), "budget.ods"],
    ["an ODS renamed .docx", odf(ODS), "budget.docx"],
    ["an ODP (presentation) renamed .odt", odf("application/vnd.oasis.opendocument.presentation"), "a.odt"],
    ["an ODT template renamed .odt", odf("application/vnd.oasis.opendocument.text-template"), "a.odt"],
    [
      "ODF whose mimetype is not the first entry",
      buildZip([
        { name: "content.xml", content: "<x/>" },
        { name: "mimetype", content: ODT },
      ]),
      "a.odt",
    ],
    ["ODF whose mimetype is compressed", buildZip([{ name: "mimetype", content: ODT, method: 8 }]), "a.odt"],
    ["a plain ZIP renamed .docx", buildZip([{ name: "word/document.xml", content: "x" }]), "a.docx"],
    [
      "a ZIP that only mentions word/ in its data",
      buildZip([CONTENT_TYPES, { name: "notes.txt", content: "word/document.xml xl/workbook.xml" }]),
      "a.docx",
    ],
    [
      "a ZIP with both word/ and xl/ main parts",
      buildZip([CONTENT_TYPES, { name: "word/document.xml" }, { name: "xl/workbook.xml" }]),
      "a.docx",
    ],
    [
      "a JAR renamed .docx",
      buildZip([{ name: "META-INF/MANIFEST.MF", content: "Main-Class: X" }, { name: "X.class" }]),
      "a.docx",
    ],
    ["a GIF renamed .png", GIF, "bild.png"],
    ["binary with NUL bytes renamed .txt", bytes("abc", [0], "def"), "a.txt"],
    ["UTF-16 text renamed .txt", Buffer.from("\ufeffHej", "utf16le"), "a.txt"],
    ["Latin-1 text renamed .txt", Buffer.from("Åre kommun", "latin1"), "a.txt"],
    ["a truncated PDF header", bytes("%PDF"), "a.pdf"],
    ["a truncated PNG signature", bytes([0x89, 0x50, 0x4e, 0x47]), "a.png"],
  ])("refuses %s", (_, content, name) => {
    expect(detectFileType(content, name)).toEqual(refused(/stämmer inte med filändelsen/));
  });

  it("names the file and its extension in the message", () => {
    expect(detectFileType(PNG, "bild.pdf")).toEqual({
      ok: false,
      error: "Innehållet i bild.pdf stämmer inte med filändelsen .pdf. Spara filen i rätt format och försök igen.",
    });
  });
});

describe("detectFileType: dangerous content", () => {
  it.each([
    ["an executable (MZ) named .pdf", MZ, "rapport.pdf"],
    ["an executable (MZ) named .txt", MZ, "a.txt"],
    ["an executable (MZ) named .exe", MZ, "setup.exe"],
    ["an ELF binary named .txt", ELF, "a.txt"],
    ["a Mach-O binary named .png", MACHO, "a.png"],
    ["a Java class named .md", JAVA_CLASS, "a.md"],
    ["HTML named .pdf", bytes("<html><script>alert(1)</script></html>"), "rapport.pdf"],
    ["HTML named .txt", bytes("<!DOCTYPE html><title>x</title>"), "a.txt"],
    ["HTML with leading whitespace named .md", bytes("\n\n   <HTML>"), "a.md"],
    ["HTML with a BOM named .txt", bytes([0xef, 0xbb, 0xbf], "<html>"), "a.txt"],
    ["SVG named .txt", bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), "a.txt"],
    ["XML with SVG named .md", bytes('<?xml version="1.0"?>\n<svg/>'), "a.md"],
    ["a script tag named .txt", bytes("<script>alert(1)</script>"), "a.txt"],
    ["an HTML comment first named .md", bytes("<!-- x --><img src=x onerror=alert(1)>"), "a.md"],
    ["a tag first named .md", bytes("<div>x</div>"), "a.md"],
    ["a closing tag first named .txt", bytes("</p>x"), "a.txt"],
    ["a script element after some text named .md", bytes("# Rubrik\n\nText\n<script>alert(1)</script>"), "a.md"],
    ["an iframe after some text named .txt", bytes("hej <iframe src=x>"), "a.txt"],
    ["HTML named .html", bytes("<html></html>"), "sida.html"],
    ["SVG named .svg", bytes("<svg/>"), "bild.svg"],
  ])("refuses %s", (_, content, name) => {
    expect(detectFileType(content, name)).toEqual(refused(/innehåller program eller webbkod/));
  });

  it("refuses Office documents with macros", () => {
    const macro = buildZip([
      CONTENT_TYPES,
      { name: "word/document.xml", content: "<w/>" },
      { name: "word/vbaProject.bin", content: "x" },
    ]);
    expect(detectFileType(macro, "a.docx")).toEqual(refused(/makron/));
  });

  it("refuses empty files", () => {
    expect(detectFileType(new Uint8Array(0), "tom.pdf")).toEqual({ ok: false, error: "Filen tom.pdf är tom." });
  });
});

describe("detectFileType: names", () => {
  it.each([
    ["arkiv.zip", buildZip([{ name: "a.txt", content: "a" }])],
    ["bild.gif", GIF],
    ["rapport.pdf.exe", PDF],
    ["rapport.doc", bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
    ["data.csv", bytes("a;b\n")],
  ])("refuses the extension of %s", (name, content) => {
    expect(detectFileType(content, name)).toEqual(refused(/är inte tillåten\. Tillåtna filtyper är PDF/));
  });

  it("refuses a name without an extension", () => {
    expect(detectFileType(PDF, "rapport")).toEqual(refused(/^rapport saknar filändelse/));
    expect(detectFileType(PDF, "rapport.")).toEqual(refused(/saknar filändelse/));
  });

  it("uses the cleaned name in messages (no paths, no markup)", () => {
    const result = detectFileType(PNG, "../../<script>x.pdf");
    expect(result).toEqual(refused(/^Innehållet i scriptx\.pdf stämmer inte/));
    expect(JSON.stringify(result)).not.toMatch(/[<>]|\.\.\//);
  });
});

describe("sniffKind and zipEntryNames", () => {
  it("reports the real kind from the bytes alone", () => {
    expect(sniffKind(PDF)).toBe("pdf");
    expect(sniffKind(PNG)).toBe("png");
    expect(sniffKind(JPEG)).toBe("jpeg");
    expect(sniffKind(docx())).toBe("docx");
    expect(sniffKind(odf(ODS))).toBe("ods");
    expect(sniffKind(bytes("hej"))).toBe("text");
    expect(sniffKind(bytes("<svg/>"))).toBe("html");
    expect(sniffKind(MZ)).toBe("executable");
    expect(sniffKind(GIF)).toBe(null);
    expect(sniffKind(new Uint8Array())).toBe("empty");
  });

  it("reads entry names from the central directory", () => {
    expect(zipEntryNames(docx())).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "word/document.xml",
      "word/styles.xml",
    ]);
    expect(zipEntryNames(bytes("not a zip"))).toEqual([]);
  });

  it("falls back to the local headers for the head of an archive", () => {
    const head = buildZip([CONTENT_TYPES, RELS, { name: "xl/workbook.xml", content: "<workbook/>" }], {
      centralDirectory: false,
    });
    expect(zipEntryNames(head)).toEqual(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"]);
    expect(detectFileType(head, "a.xlsx")).toEqual(ok("xlsx", "xlsx"));
    // A head cut inside the central directory: still the local headers.
    const full = pptx();
    expect(detectFileType(full.subarray(0, full.length - 30), "a.pptx")).toEqual(ok("pptx", "pptx"));
  });

  it("stops at an entry whose size is only in a data descriptor, unless there is a central directory", () => {
    const entries = [
      { ...CONTENT_TYPES, descriptor: true },
      { name: "word/document.xml", content: "<w/>", descriptor: true },
    ];
    expect(zipEntryNames(buildZip(entries, { centralDirectory: false }))).toEqual(["[Content_Types].xml"]);
    expect(zipEntryNames(buildZip(entries))).toEqual(["[Content_Types].xml", "word/document.xml"]);
    expect(detectFileType(buildZip(entries), "a.docx")).toEqual(ok("docx", "docx"));
  });

  it("checks text in a head cut inside a multi-byte character, but not broken UTF-8 elsewhere", () => {
    const text = bytes("Östersund och Åre");
    expect(sniffKind(text)).toBe("text");
    const cut = bytes("abc Å").subarray(0, 5); // "abc " + first byte of Å
    expect(sniffKind(cut)).toBe("text");
    const cut3 = bytes("abc €").subarray(0, 6); // two of the three bytes of €
    expect(sniffKind(cut3)).toBe("text");
    expect(sniffKind(bytes("abc ", [0xc3], " def"))).toBe(null);
    expect(sniffKind(bytes("abc ", [0x80]))).toBe(null);
    expect(sniffKind(bytes([0xff, 0xfe]))).toBe(null);
  });
});

describe("fileExtension", () => {
  it.each([
    ["a.pdf", "pdf"],
    ["A.PDF", "pdf"],
    ["a.tar.gz", "gz"],
    ["a", ""],
    ["a.", ""],
    [".pdf", ""],
  ])("%s → %j", (name, ext) => {
    expect(fileExtension(name)).toBe(ext);
  });
});

describe("cleanFileName", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["../../etc/passwd.txt", "passwd.txt"],
    ["C:\\x\\y.pdf", "y.pdf"],
    ["C:\\Users\\anna\\Skrivbord\\Protokoll 2026.docx", "Protokoll 2026.docx"],
    ["/var/tmp/rapport.pdf", "rapport.pdf"],
    ["..\\..\\windows\\system32\\cmd.exe", "cmd.exe"],
    ["mapp/", "fil"],
    ["C:\\", "fil"],
    ["a\u0000b\u001f\u007f.txt", "ab.txt"],
    ["rad\nett\r.txt", "radett.txt"],
    ["faktura\u202Efdp.exe", "fakturafdp.exe"],
    ["a\u200bb\u2066c.pdf", "abc.pdf"],
    ['a<b>c:d"e|f?g*h.pdf', "abcdefgh.pdf"],
    ["<script>alert(1)</script>.pdf", "script.pdf"], // "/" starts a new path component
    ["<b>fet</b>", "b"],
    ["<img src=x onerror=alert(1)>.pdf", "img src=x onerror=alert(1).pdf"],
    [".htaccess", "fil.htaccess"],
    [".pdf", "fil.pdf"],
    ["...pdf", "fil.pdf"],
    ["...", "fil"],
    ["", "fil"],
    ["   ", "fil"],
    ["\u0000\u0001", "fil"],
    ["rapport.pdf. . ", "rapport.pdf"],
    ["  rapport.pdf  ", "rapport.pdf"],
    ["a   b\t c.txt", "a b c.txt"],
    ["CON", "_CON"],
    ["con.txt", "_con.txt"],
    ["Nul.tar.gz", "_Nul.tar.gz"],
    ["LPT1.pdf", "_LPT1.pdf"],
    ["console.txt", "console.txt"],
    ["a\u0308r.txt", "är.txt"],
    ["Årsredovisning 2025 – slutlig (v2).pdf", "Årsredovisning 2025 – slutlig (v2).pdf"],
  ])("%j → %j", (input, expected) => {
    expect(cleanFileName(input)).toBe(expected);
  });

  it("limits the length to 120 characters and keeps the extension", () => {
    const long = cleanFileName(`${"a".repeat(300)}.pdf`);
    expect(long).toHaveLength(120);
    expect(long.endsWith("aaaa.pdf")).toBe(true);
    const longExt = cleanFileName(`${"a".repeat(130)}.${"b".repeat(20)}`);
    expect(longExt).toHaveLength(120);
    const noExt = cleanFileName("x".repeat(500));
    expect(noExt).toBe("x".repeat(120));
    expect(cleanFileName(`${"a".repeat(120)}.pdf`)).toBe(`${"a".repeat(116)}.pdf`);
    expect(cleanFileName(`${"a".repeat(116)}.pdf`)).toBe(`${"a".repeat(116)}.pdf`);
  });

  it("never splits a character made of two UTF-16 units", () => {
    const cleaned = cleanFileName(`${"😀".repeat(200)}.pdf`);
    expect(Array.from(cleaned)).toHaveLength(120);
    expect(cleaned.endsWith(".pdf")).toBe(true);
    expect(() => encodeURIComponent(cleaned)).not.toThrow();
  });

  it("does not leave a trailing dot or space where it cut", () => {
    const cleaned = cleanFileName(`${"a".repeat(115)} . b.pdf`);
    expect(cleaned).toBe(`${"a".repeat(115)}.pdf`);
  });

  it("is idempotent and never empty", () => {
    for (const name of ["../../etc/passwd", ".pdf", "", "CON", `${"ö".repeat(200)}.docx`, "a\u202eb.txt", "...", "/"]) {
      const once = cleanFileName(name);
      expect(once.length).toBeGreaterThan(0);
      expect(cleanFileName(once)).toBe(once);
      expect(once).not.toMatch(/[\\/<>:"|?*\u0000-\u001f]/);
    }
  });
});

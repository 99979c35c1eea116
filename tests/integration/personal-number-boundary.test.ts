/**
 * Class 4 of issue 11: no personal identity number gets in, anywhere. Two sweeps that follow
 * the code, so a new field is covered without anyone adding it here:
 * - every text column of every table (read from the migrated schema) refuses a written
 *   personnummer in any disguise, whatever path the write takes;
 * - every free-text field of every form schema in app/forms refuses it at the field.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { writeTransaction, type Db } from "../../db/connection";
import { buildDemoMeetings } from "../../db/demo-meetings";
import { guardedColumns, PERSONAL_NUMBER_REFUSED } from "../../db/personal-number-guard";
import { demoDatabase } from "../support/test-db";
import { parseForm } from "~/utils/forms.server";

/** The number in the disguises the audit used: plain, 10-digit, entity-encoded, emphasised, full-width. */
const DISGUISES = [
  "Klienten 19121212-1212 har",
  "pnr 121212-1212",
  "&#49;&#57;121212-1212",
  "1912**1212**-1212",
  "19121212&#x2d;1212",
  "\uff11\uff19\uff11\uff12\uff11\uff12\uff11\uff12-\uff11\uff12\uff11\uff12",
  "19121212\u00ad-1212",
  "<b>19121212</b>-1212",
];

let db: Db;
beforeAll(async () => {
  const demo = await demoDatabase();
  db = demo.db;
  writeTransaction(db, (tx) => buildDemoMeetings(tx, demo.world, "2026-11-23"));
}, 60_000);

describe("the database refuses a personnummer in every text column", () => {
  it("guards every text column except the few that hold only generated values", () => {
    const columns = guardedColumns(db.$client);
    const total = columns.reduce((n, t) => n + t.columns.length, 0);
    expect(total).toBeGreaterThan(200);
    const triggers = db.$client
      .prepare("SELECT sql FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'pn_guard_%'")
      .all() as { sql: string }[];
    for (const { table, columns: cols } of columns)
      for (const c of cols)
        expect(
          triggers.some((t) => t.sql.includes(`ON main."${table}"`) && t.sql.includes(`NEW."${c}"`)),
          `${table}.${c}`,
        ).toBe(true);
  });

  it("refuses the number in every disguise in every column of every table that has a row, and keeps the row", () => {
    let tried = 0;
    for (const { table, columns } of guardedColumns(db.$client)) {
      const row = db.$client.prepare(`SELECT rowid AS r, * FROM "${table}" LIMIT 1`).get() as
        Record<string, unknown> | undefined;
      if (!row) continue;
      for (const column of columns)
        for (const value of DISGUISES) {
          tried++;
          const update = () =>
            db.$client.prepare(`UPDATE "${table}" SET "${column}" = ? WHERE rowid = ?`).run(value, row.r);
          expect(update, `${table}.${column} ← ${value}`).toThrow(
            table === "audit_log" ? /./ : new RegExp(PERSONAL_NUMBER_REFUSED),
          );
          const after = db.$client.prepare(`SELECT "${column}" AS v FROM "${table}" WHERE rowid = ?`).get(row.r) as {
            v: unknown;
          };
          expect(after.v).toEqual(row[column]);
        }
    }
    expect(tried).toBeGreaterThan(150 * DISGUISES.length);
  }, 60_000);

  it("refuses a new row whose text holds the number (an audit entry, a file name)", () => {
    for (const value of DISGUISES)
      expect(() =>
        db.$client
          .prepare(
            "INSERT INTO audit_log (user_id, action, entity_type, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?)",
          )
          .run(null, "update", "decision", "1", null, JSON.stringify({ text: value })),
      ).toThrow(new RegExp(PERSONAL_NUMBER_REFUSED));
  });

  it("lets ordinary numbers through: amounts, dates, registry numbers, phone numbers", () => {
    const row = db.$client.prepare("SELECT rowid AS r FROM matters LIMIT 1").get() as { r: number };
    for (const value of [
      "Budget 5 720 000 kr för 2027-01-01",
      "Dnr RS/2023/121212-1212",
      "Ring 063-14 30 00",
      "Org.nr 212000-2411",
      "Möte 2026-12-31 kl. 09:30",
    ])
      expect(() =>
        db.$client.prepare("UPDATE matters SET description = ? WHERE rowid = ?").run(value, row.r),
      ).not.toThrow();
  });
});

function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodEffects) s = s.innerType();
    else if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap();
    else if (s instanceof z.ZodDefault) s = s.removeDefault();
    else if (s instanceof z.ZodPipeline) s = s._def.in;
    else return s;
  }
}

/** The fields of a form object that take free text: strings with a length limit. */
function textFields(shape: Record<string, z.ZodTypeAny>): string[] {
  return Object.entries(shape)
    .filter(([, field]) => {
      const inner = unwrap(field);
      return inner instanceof z.ZodString && inner._def.checks.some((c) => c.kind === "max");
    })
    .map(([name]) => name);
}

function objectsOf(schema: z.ZodTypeAny): z.AnyZodObject[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) return [inner];
  if (inner instanceof z.ZodDiscriminatedUnion) return [...inner.options.values()] as z.AnyZodObject[];
  if (inner instanceof z.ZodUnion) return (inner.options as z.ZodTypeAny[]).flatMap(objectsOf);
  return [];
}

/** Every form module: a new file in app/forms is swept without being named here. */
const FORM_FILES = fs
  .readdirSync(path.resolve("app/forms"))
  .filter((f) => f.endsWith(".ts") && f !== "fields.ts")
  .map((f) => f.replace(/\.ts$/, ""));

describe("every free-text field of every form refuses a personnummer at the field", () => {
  const swept: string[] = [];

  it.each(FORM_FILES)(
    "app/forms/%s.ts",
    async (file) => {
      const module = (await import(`../../app/forms/${file}.ts`)) as Record<string, unknown>;
      for (const [name, exported] of Object.entries(module)) {
        if (!(exported instanceof z.ZodType)) continue;
        for (const object of objectsOf(exported)) {
          const intent = unwrap(object.shape.intent ?? z.never());
          const intentValue = intent instanceof z.ZodLiteral ? String(intent.value) : undefined;
          for (const field of textFields(object.shape)) {
            swept.push(`${file}.${name}.${field}`);
            for (const value of DISGUISES) {
              const form = new FormData();
              if (intentValue) form.set("intent", intentValue);
              form.set(field, value);
              const submission = parseForm(form, exported);
              const errors = submission.status === "error" ? (submission.error?.[field] ?? []) : [];
              expect(errors.join(" "), `${file}.${name}.${field} ← ${value}`).toMatch(/personnummer/);
            }
          }
        }
      }
    },
    60_000,
  );

  it("swept the text fields of the forms", () => {
    expect(swept.length).toBeGreaterThan(30);
  });
});

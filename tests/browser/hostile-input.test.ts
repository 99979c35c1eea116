/**
 * Class 9 of the audit: bad input is a Swedish message, never a 500, never a lasting break.
 * The test hunts the class, not the single case: it opens every page of the built app as the
 * coordinator (who reaches nearly every form), reads every POST form on it (its fields, their
 * types, its intent buttons), and sends each form back with one field made hostile at a time
 * (over-long text, control characters, numbers like 1e20 or 400 digits, `__proto__` for a
 * choice, an impossible date), plus the form without fields, with every field twice and with
 * a made-up intent. Every route with an action that no page offers a form for gets the
 * form-less variants too. For every answer: no 5xx; a variant that no form may accept is
 * refused (4xx, or 200 with the form again) and stores nothing (the audit log, which every
 * change writes in its transaction, and the row counts stay as they were). Afterwards every
 * page still answers (a stored value must not break a page for everyone). Figures are
 * printed as HOSTILE-FIGURES for docs/security.md.
 */
import { Parser } from "htmlparser2";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookie, startApp, type TestApp } from "../support/browser";

let app: TestApp;
let admin = "";
const figures = {
  pages: 0,
  forms: 0,
  getForms: 0,
  actionRoutes: 0,
  requests: 0,
  refused: 0,
  accepted: 0,
  serverErrors: 0,
};

beforeAll(async () => {
  app = await startApp({ env: { WRITE_LIMIT_PER_MINUTE: "100000" } });
  admin = sessionCookie(app.db, "demo-samordnare");
}, 120_000);

afterAll(async () => {
  console.log(`HOSTILE-FIGURES ${JSON.stringify(figures)}`);
  await app?.stop();
});

interface FormField {
  name: string;
  /** input type, "select" or "textarea" */
  type: string;
  value: string;
  options: string[];
  /** The maxlength the page states (conform derives it from the schema), if any. */
  maxLength?: number;
}

interface FoundForm {
  method: "get" | "post";
  action: string;
  multipart: boolean;
  fields: FormField[];
  /** The submit buttons' name=value pairs (a form without named buttons has one empty entry). */
  buttons: [string, string][];
}

/** Every form of a page, as a browser would submit it. */
function formsOf(html: string, pageUrl: string): FoundForm[] {
  const found: FoundForm[] = [];
  let form: FoundForm | null = null;
  let select: FormField | null = null;
  let textarea: FormField | null = null;
  const parser = new Parser(
    {
      onopentag(tag, a) {
        if (tag === "form") {
          form = {
            method: (a.method ?? "get").toLowerCase() === "post" ? "post" : "get",
            action: new URL(a.action || pageUrl, `http://x${pageUrl}`).pathname,
            multipart: (a.enctype ?? "").includes("multipart"),
            fields: [],
            buttons: [],
          };
          return;
        }
        if (!form) return;
        const type = (a.type ?? (tag === "button" ? "submit" : "text")).toLowerCase();
        if ((tag === "button" || tag === "input") && type === "submit") {
          form.buttons.push([a.name ?? "", a.value ?? ""]);
          return;
        }
        if (!a.name || a.disabled !== undefined) return;
        if (tag === "input") {
          if (type === "file" || type === "button" || type === "reset" || type === "image") return;
          const checkable = type === "checkbox" || type === "radio";
          if (checkable && a.checked === undefined) {
            // Unchecked: not sent, but a field all the same (its value can be sent hostile).
            form.fields.push({ name: a.name, type: `${type}-unchecked`, value: a.value ?? "on", options: [] });
            return;
          }
          form.fields.push({
            name: a.name,
            type,
            value: a.value ?? (checkable ? "on" : ""),
            options: [],
            maxLength: a.maxlength ? Number(a.maxlength) : undefined,
          });
        } else if (tag === "select") {
          select = { name: a.name, type: "select", value: "", options: [] };
          form.fields.push(select);
        } else if (tag === "option" && select) {
          const value = a.value ?? "";
          select.options.push(value);
          if (a.selected !== undefined || select.options.length === 1) select.value = value;
        } else if (tag === "textarea") {
          textarea = {
            name: a.name,
            type: "textarea",
            value: "",
            options: [],
            maxLength: a.maxlength ? Number(a.maxlength) : undefined,
          };
          form.fields.push(textarea);
        }
      },
      ontext(text) {
        if (textarea) textarea.value += text;
      },
      onclosetag(tag) {
        if (tag === "select") select = null;
        if (tag === "textarea") textarea = null;
        if (tag === "form" && form) {
          if (form.buttons.length === 0) form.buttons.push(["", ""]);
          found.push(form);
          form = null;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

/** First ids of the seeded world, for the routes' parameters. */
function paramValues(): Record<string, string> {
  const one = (sql: string) => {
    const row = app.db.$client.prepare(sql).get() as { id: number | string } | undefined;
    // Nothing of the kind seeded (the mail outbox): an id that does not exist is input too.
    return String(row?.id ?? 1);
  };
  const meetingId = one(
    "select meeting_id as id from agenda_items group by meeting_id order by count(*) desc, meeting_id limit 1",
  );
  return {
    meetingId,
    itemId: one(`select id from agenda_items where meeting_id = ${meetingId} order by position limit 1`),
    decisionId: one("select id from decisions order by id limit 1"),
    documentId: one("select id from documents order by id limit 1"),
    recommendationId: one("select id from recommendations order by id limit 1"),
    organisationId: one("select id from organisations order by id limit 1"),
    matterId: one("select id from matters order by id limit 1"),
    bodyId: String(app.world.bodyIds.svom),
    membershipId: one(`select id from memberships where body_id = ${app.world.bodyIds.svom} order by id limit 1`),
    personId: one("select person_id as id from users where id <> 'demo-samordnare' and person_id is not null limit 1"),
    partyId: one("select id from parties order by id limit 1"),
    collaborationId: String(app.world.collaborationId),
    versionId: one("select id from agreement_versions order by id limit 1"),
    messageId: one("select id from mail_outbox order by id limit 1"),
    fileId: one("select id from files order by id limit 1"),
  };
}

/** What a refused request must leave as it was: the audit log (every change writes it) and the row counts. */
function storeState(): string {
  const tables = app.db.$client
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'search%' and name not in ('sessions', 'rate_limits', '__drizzle_migrations')",
    )
    .all() as { name: string }[];
  // A failed sign-in is audited by design (class 8); everything else a refused request leaves alone.
  const count = (name: string) =>
    (
      app.db.$client
        .prepare(
          name === "audit_log"
            ? "select count(*) as n from audit_log where action <> 'signin-failed'"
            : `select count(*) as n from "${name}"`,
        )
        .get() as { n: number }
    ).n;
  return tables.map(({ name }) => `${name}:${count(name)}`).join(",");
}

/** One character past the field's stated limit, else past the longest text any form takes. */
const longFor = (field: FormField) =>
  field.maxLength === undefined ? "a".repeat(500_001) : "å".repeat(field.maxLength + 1);
const CONTROL = "Rubrik\u0000med\u0007styr\u001btecken\u0008";
/** Values no field of a kind may accept, by the kind of field. */
function hostileValuesFor(field: FormField): string[] {
  const numeric = ["1e20", "9".repeat(400), "-1", "NaN", "Infinity", "0x10", "12.5"];
  const choice = ["__proto__", "constructor", "toString", "hasOwnProperty"];
  if (field.type === "select" || field.type === "radio" || field.type === "radio-unchecked")
    return field.options.every((o) => /^\d*$/.test(o)) ? [...choice, ...numeric] : choice;
  if (field.type === "number" || (field.type === "hidden" && /^\d+$/.test(field.value))) return numeric;
  if (field.type === "date") return ["2026-02-30", "31/12/2026", "2026-13-01"];
  if (field.type === "time") return ["25:00", "9.30"];
  if (field.type === "email") return [`${"a".repeat(400)}@example.se`, "inte en adress", CONTROL];
  if (field.type === "checkbox" || field.type === "checkbox-unchecked") return [];
  return [longFor(field), CONTROL];
}

interface Variant {
  label: string;
  entries: [string, string][];
  /** No form may accept it: it must be refused and store nothing. */
  mustRefuse: boolean;
}

function baseline(form: FoundForm, button: [string, string]): [string, string][] {
  const entries: [string, string][] = form.fields
    .filter((f) => !f.type.endsWith("-unchecked"))
    .map((f) => [f.name, f.value]);
  if (button[0]) entries.push(button);
  return entries;
}

let rotation = 0;
/** The variants of one form and button: one hostile field at a time, then the whole form. */
function variantsOf(form: FoundForm, button: [string, string]): Variant[] {
  const base = baseline(form, button);
  const variants: Variant[] = [];
  for (const field of form.fields) {
    if (field.name === "intent") continue;
    const values = hostileValuesFor(field);
    if (values.length === 0) continue;
    // One of the field's hostile values per form (rotating, so every value is tried somewhere),
    // and `__proto__` for every choice (an enum checked with `in` takes it).
    const tried = [values[rotation++ % values.length]!];
    if (values.includes("__proto__") && tried[0] !== "__proto__") tried.push("__proto__");
    for (const value of tried) {
      const entries = base.filter(([name]) => name !== field.name);
      entries.push([field.name, value]);
      const shown = value.length > 40 ? `${value.length} × ${value[0]}` : JSON.stringify(value);
      variants.push({ label: `${field.name}=${shown}`, entries, mustRefuse: true });
    }
  }
  variants.push({ label: "no fields", entries: button[0] ? [button] : [], mustRefuse: false });
  variants.push({ label: "every field twice", entries: [...base, ...base], mustRefuse: false });
  variants.push({
    label: "made-up intent",
    entries: [...base.filter(([name]) => name !== "intent"), ["intent", "__proto__"]],
    mustRefuse: form.buttons.some(([name]) => name === "intent") || form.fields.some((f) => f.name === "intent"),
  });
  return variants;
}

async function post(url: string, entries: [string, string][], multipart: boolean): Promise<Response> {
  let body: FormData | URLSearchParams;
  if (multipart) {
    body = new FormData();
    for (const [name, value] of entries) body.append(name, value);
  } else body = new URLSearchParams(entries);
  return fetch(`${app.baseUrl}${url}`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: admin, Origin: app.baseUrl },
    body,
  });
}

/** Every GET-able URL of the app, parameters filled from the seeded world. */
async function pageUrls(): Promise<{ pages: string[]; actionPaths: string[] }> {
  const build = await import(path.resolve(import.meta.dirname, "../../build/index.js"));
  const params = paramValues();
  const fill = (pattern: string) => "/" + pattern.replace(/:(\w+)/g, (_, n: string) => params[n] ?? "0");
  const routes = Object.entries(
    build.routes as Record<string, { path?: string; module: { action?: unknown; default?: unknown } }>,
  ).filter(([id, r]) => id !== "root" && r.path !== undefined && !r.path.includes(":token"));
  return {
    pages: routes.filter(([, r]) => r.module.default).map(([, r]) => fill(r.path!)),
    actionPaths: routes.filter(([, r]) => r.module.action).map(([, r]) => fill(r.path!)),
  };
}

describe("hostile input (class 9)", () => {
  it("answers hostile values in every form with a refusal, never a 500, and stores nothing", async () => {
    const { pages, actionPaths } = await pageUrls();
    figures.pages = pages.length;
    figures.actionRoutes = actionPaths.length;
    const problems: string[] = [];
    const forms = new Map<string, FoundForm>();
    const getForms = new Map<string, FoundForm>();
    for (const url of pages) {
      const res = await fetch(`${app.baseUrl}${url}`, { headers: { Cookie: admin }, redirect: "manual" });
      if (res.status >= 500) problems.push(`GET ${url} gives ${res.status} before the hunt`);
      if (!(res.headers.get("content-type") ?? "").includes("text/html")) continue;
      for (const form of formsOf(await res.text(), url)) {
        if (form.method === "get") {
          getForms.set(`${form.action} ${form.fields.map((f) => f.name).join(",")}`, form);
          continue;
        }
        // Signing out would end the session the hunt runs in.
        if (form.action === "/logga-ut") continue;
        const key = `${form.action} ${form.buttons.map((b) => b.join("=")).join(" ")} ${form.fields.map((f) => f.name).join(",")}`;
        if (!forms.has(key)) forms.set(key, form);
      }
    }
    figures.forms = forms.size;
    figures.getForms = getForms.size;
    const offered = new Set([...forms.values()].map((f) => f.action));
    // Routes with an action no page offered a form for: the form-less variants.
    for (const action of actionPaths)
      if (!offered.has(action) && action !== "/logga-ut")
        forms.set(action, { method: "post", action, multipart: false, fields: [], buttons: [["", ""]] });

    // Filters and searches (GET forms): hostile query values never give a 5xx either.
    for (const form of getForms.values())
      for (const variant of variantsOf(form, form.buttons[0]!)) {
        const query = new URLSearchParams(variant.entries).toString();
        const res = await fetch(`${app.baseUrl}${form.action}?${query}`, {
          headers: { Cookie: admin },
          redirect: "manual",
        });
        await res.arrayBuffer();
        figures.requests++;
        if (res.status >= 500) {
          figures.serverErrors++;
          problems.push(`GET ${form.action} ${variant.label}: ${res.status}`);
        }
      }

    for (const form of forms.values())
      for (const button of form.buttons)
        for (const variant of variantsOf(form, button)) {
          const before = storeState();
          const res = await post(form.action, variant.entries, form.multipart);
          const answer = await res.text();
          figures.requests++;
          const where = `${form.action} [${button.join("=")}] ${variant.label}`;
          if (res.status >= 500) {
            figures.serverErrors++;
            problems.push(`${where}: ${res.status}`);
            continue;
          }
          // Refused: 4xx, or 200 with the form again (a preview, or the page with its messages).
          const refused = res.status >= 400 || res.status === 200;
          if (refused) figures.refused++;
          else figures.accepted++;
          // The message is Swedish: zod's own English never reaches the person.
          const english =
            /Expected [a-z]+, received|>Required<|Invalid enum value|Invalid discriminator|Invalid input/.exec(answer);
          if (english) problems.push(`${where}: answers in English (${english[0]})`);
          if (!variant.mustRefuse) continue;
          if (!refused) problems.push(`${where}: accepted (${res.status} ${res.headers.get("location") ?? ""})`);
          if (storeState() !== before) problems.push(`${where}: stored something (${res.status})`);
        }

    // No lasting break: every page still answers, for the coordinator and for the public.
    for (const url of pages)
      for (const cookie of [admin, ""]) {
        const res = await fetch(`${app.baseUrl}${url}`, {
          headers: cookie ? { Cookie: cookie } : {},
          redirect: "manual",
        });
        if (res.status >= 500) problems.push(`GET ${url} gives ${res.status} after the hunt`);
      }
    expect(problems).toEqual([]);
    // The hunt reached the forms: a few hundred requests over dozens of forms.
    expect(figures.forms).toBeGreaterThan(30);
    expect(figures.requests).toBeGreaterThan(200);
  }, 600_000);
});

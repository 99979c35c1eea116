/**
 * Every setting of the portal and its HTTP server, validated once at start by this one
 * schema. A missing or malformed variable stops the server with a message that names the
 * variable and says what to set (see README, "Configuration"). server/index.js reads its
 * own settings through the build (`serverSettings`), so there is no second parser.
 */
import { z } from "zod";
import { senderAddress } from "~/domain/mail";

/**
 * Outgoing e-mail (README, "E-post"). SMTP_URL names the organisation's relay, e.g.
 * smtp://relay.kommun.se:25 or smtps://user:password@smtp.example.se:465; unset, every message
 * is written as an .eml file under MAIL_DIR instead (the demo). MAIL_FROM is the sender.
 */
function mailVariables() {
  return {
    SMTP_URL: z
      .string()
      .url(
        "SMTP_URL ska vara en adress som smtp://relay.example.se:25 eller smtps://user:lösenord@smtp.example.se:465.",
      )
      .refine(
        (v) => URL.canParse(v) && /^smtps?:$/.test(new URL(v).protocol),
        "SMTP_URL ska börja med smtp:// eller smtps://.",
      )
      .optional()
      .or(z.literal("").transform(() => undefined)),
    MAIL_FROM: z
      .string()
      .refine(
        (v) => senderAddress(v) !== null,
        'MAIL_FROM ska vara en avsändare, t.ex. "Samverkansportalen <noreply@kommun.se>".',
      )
      .optional()
      .or(z.literal("").transform(() => undefined)),
    MAIL_DIR: z.string().min(1).default("data/mail"),
  };
}

/** Messages carry links into the portal and a real sender: with a relay, both must be configured. */
function mailNeedsOrigin(value: { SMTP_URL?: string; MAIL_FROM?: string; APP_ORIGIN?: string }, ctx: z.RefinementCtx) {
  if (!value.SMTP_URL) return;
  if (!value.MAIL_FROM)
    ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "Ange avsändaren när SMTP_URL är satt." });
  if (!value.APP_ORIGIN)
    ctx.addIssue({
      code: "custom",
      path: ["APP_ORIGIN"],
      message: "Ange portalens publika adress när SMTP_URL är satt (länkarna i e-posten pekar dit).",
    });
}

function whole(name: string, min: number, max: number, fallback: number) {
  const message = `${name} ska vara ett heltal från ${min} till ${max}.`;
  return z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === "" ? String(fallback) : v))
    .refine((v) => /^\d{1,9}$/.test(v), message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
}

const origin = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v.replace(/\/$/, "") : undefined))
  .refine((v) => {
    if (v === undefined) return true;
    try {
      const url = new URL(v);
      return (url.protocol === "https:" || url.protocol === "http:") && url.origin === v;
    } catch {
      return false;
    }
  }, "APP_ORIGIN ska vara en adress utan sökväg, till exempel https://portal.example.se.");

const schema = z
  .object({
    /** Production unless told otherwise: `npm start` never serves stack traces. */
    NODE_ENV: z
      .enum(["development", "production", "test"], {
        errorMap: () => ({ message: "NODE_ENV ska vara production, development eller test." }),
      })
      .default("production"),
    PORT: whole("PORT", 1, 65535, 3000),
    HOST: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .refine(
        (v) => v === undefined || /^[A-Za-z0-9.:\-[\]]{1,253}$/.test(v),
        "HOST ska vara ett värdnamn eller en IP-adress.",
      ),
    DATABASE_PATH: z.string().trim().min(1, "DATABASE_PATH får inte vara tom.").default("data/portal.db"),
    UPLOAD_DIR: z.string().trim().min(1, "UPLOAD_DIR får inte vara tom.").default("data/uploads"),
    /** Largest single uploaded file. */
    MAX_UPLOAD_MB: whole("MAX_UPLOAD_MB", 1, 500, 25),
    /** Largest request body in total (all files and fields of one request). */
    MAX_REQUEST_MB: whole("MAX_REQUEST_MB", 1, 1000, 50),
    /** Largest size an uploaded archive (DOCX, XLSX, ODT …) may inflate to while its text is read. */
    MAX_UNCOMPRESSED_MB: whole("MAX_UNCOMPRESSED_MB", 1, 2000, 100),
    /** Time and heap limits of the worker that reads one uploaded file's text. */
    EXTRACT_TIMEOUT_SECONDS: whole("EXTRACT_TIMEOUT_SECONDS", 1, 600, 30),
    EXTRACT_MEMORY_MB: whole("EXTRACT_MEMORY_MB", 32, 4096, 256),
    /** Worker threads that run long reads (search) off the event loop; 0 runs them on it. */
    READ_WORKERS: whole("READ_WORKERS", 0, 16, 2),
    /** Memory per process for signed-in pages served again until the database changes (0 = off; decision 011). */
    PAGE_CACHE_MB: whole("PAGE_CACHE_MB", 0, 4096, 32),
    /** Public origin, e.g. https://portal.example.se. When https, cookies are Secure and __Host-. */
    APP_ORIGIN: origin,
    /** Minutes of inactivity after which a session ends. */
    SESSION_IDLE_MINUTES: whole("SESSION_IDLE_MINUTES", 5, 24 * 60, 120),
    /** Hours after sign-in after which a session ends regardless of activity. */
    SESSION_MAX_HOURS: whole("SESSION_MAX_HOURS", 1, 7 * 24, 12),
    /** State-changing requests per client (session or address) and minute. */
    WRITE_LIMIT_PER_MINUTE: whole("WRITE_LIMIT_PER_MINUTE", 1, 1_000_000, 120),
    /** Reverse proxies in front of the portal whose X-Forwarded-For is trusted (0 = none). */
    TRUST_PROXY: whole("TRUST_PROXY", 0, 10, 0),
    ...mailVariables(),
  })
  .superRefine((v, ctx) => {
    mailNeedsOrigin(v, ctx);
    if (v.MAX_REQUEST_MB < v.MAX_UPLOAD_MB)
      ctx.addIssue({
        code: "custom",
        path: ["MAX_REQUEST_MB"],
        message: "MAX_REQUEST_MB får inte vara mindre än MAX_UPLOAD_MB.",
      });
    if (v.SESSION_IDLE_MINUTES > v.SESSION_MAX_HOURS * 60)
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_IDLE_MINUTES"],
        message: "SESSION_IDLE_MINUTES får inte vara längre än SESSION_MAX_HOURS.",
      });
  });

export type Env = z.infer<typeof schema>;

/** The names of every setting (the unit test gives each one a bad value). */
export const SETTING_NAMES = Object.keys(schema.innerType().shape) as (keyof Env)[];

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(inställning)"}: ${i.message}`);
    throw new Error(`Ogiltig konfiguration. Rätta dessa miljövariabler:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Cookies are Secure (and get the __Host- prefix) when the portal is served over HTTPS. */
export function servedOverHttps(): boolean {
  return env().APP_ORIGIN?.startsWith("https:") ?? false;
}

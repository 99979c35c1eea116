/**
 * Environment, validated once at start. A missing or malformed variable stops the server
 * with a message that says what to set (see README, "Konfiguration").
 */
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_PATH: z.string().min(1).default("data/portal.db"),
  UPLOAD_DIR: z.string().min(1).default("data/uploads"),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(500).default(25),
  /** Public origin, e.g. https://portal.example.se. When https, cookies are Secure and __Host-. */
  APP_ORIGIN: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Minutes of inactivity after which a session ends. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).default(120),
  /** Hours after sign-in after which a session ends regardless of activity. */
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
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

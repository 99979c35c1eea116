/**
 * Hunts the class "a setting that is not validated at start": every variable of the one
 * schema gets malformed values, and each must stop the start with a message naming it.
 * A new setting without bad values here fails the test.
 */
import { describe, expect, it } from "vitest";
import { parseEnv, SETTING_NAMES } from "~/utils/env.server";

const BAD_VALUES: Record<(typeof SETTING_NAMES)[number], string[]> = {
  NODE_ENV: ["staging", "Production", " "],
  PORT: ["0", "65536", "abc", "80.5", "-1", "1e3", "3000x"],
  HOST: ["exa mple", "host/path", "a".repeat(300)],
  DATABASE_PATH: ["", "   "],
  UPLOAD_DIR: ["", "  "],
  MAX_UPLOAD_MB: ["mycket", "0", "501", "2.5", "Infinity", "9".repeat(400)],
  MAX_REQUEST_MB: ["0", "1001", "x", "1e2"],
  MAX_UNCOMPRESSED_MB: ["0", "2001", "mycket"],
  EXTRACT_TIMEOUT_SECONDS: ["0", "601", "-1"],
  EXTRACT_MEMORY_MB: ["31", "4097", "x"],
  READ_WORKERS: ["-1", "17", "två"],
  PAGE_CACHE_MB: ["-1", "4097", "mycket", "1.5"],
  APP_ORIGIN: ["inte en adress", "ftp://portal.example.se", "https://portal.example.se/sokvag", "javascript:alert(1)"],
  SESSION_IDLE_MINUTES: ["4", "abc", "1441"],
  SESSION_MAX_HOURS: ["0", "169", "tolv"],
  WRITE_LIMIT_PER_MINUTE: ["0", "-5", "många", "1e9", "NaN"],
  TRUST_PROXY: ["yes", "-1", "11"],
  SMTP_URL: ["relay.kommun.se", "http://relay.kommun.se"],
  MAIL_FROM: ["inte en adress", "a@"],
  MAIL_DIR: [""],
};

describe("environment", () => {
  it("has working defaults, and production is the default", () => {
    const env = parseEnv({});
    expect(env.NODE_ENV).toBe("production");
    expect(env.DATABASE_PATH).toBe("data/portal.db");
    expect(env.MAX_UPLOAD_MB).toBe(25);
    expect(env.PORT).toBe(3000);
    expect(env.WRITE_LIMIT_PER_MINUTE).toBe(120);
    expect(env.APP_ORIGIN).toBeUndefined();
  });

  it("accepts good values", () => {
    const env = parseEnv({
      PORT: "8080",
      APP_ORIGIN: "https://portal.example.se/",
      WRITE_LIMIT_PER_MINUTE: "600",
      TRUST_PROXY: "1",
      NODE_ENV: "development",
    });
    expect(env).toMatchObject({ PORT: 8080, APP_ORIGIN: "https://portal.example.se", TRUST_PROXY: 1 });
  });

  it("has bad values for every setting", () => {
    expect(Object.keys(BAD_VALUES).sort()).toEqual([...SETTING_NAMES].sort());
  });

  it.each(Object.entries(BAD_VALUES).flatMap(([name, values]) => values.map((v) => [name, v] as const)))(
    "stops on %s=%j with a message naming it",
    (name, value) => {
      expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`^Ogiltig konfiguration[\\s\\S]*${name}`));
    },
  );

  it("checks settings against each other", () => {
    expect(() => parseEnv({ MAX_UPLOAD_MB: "100", MAX_REQUEST_MB: "50" })).toThrow(/MAX_REQUEST_MB/);
    expect(() => parseEnv({ SESSION_IDLE_MINUTES: "600", SESSION_MAX_HOURS: "2" })).toThrow(/SESSION_IDLE_MINUTES/);
  });
});

describe("mail configuration", () => {
  it("writes .eml files when no relay is configured", () => {
    const env = parseEnv({});
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.MAIL_DIR).toBe("data/mail");
  });
  it("accepts a relay with a sender and the portal's public address", () => {
    const env = parseEnv({
      SMTP_URL: "smtp://relay.kommun.se:25",
      MAIL_FROM: "Samverkansportalen <noreply@kommun.se>",
      APP_ORIGIN: "https://portal.kommun.se",
    });
    expect(env.SMTP_URL).toBe("smtp://relay.kommun.se:25");
  });
  it("refuses a relay that is not smtp or smtps, a bad sender, or a relay without sender and origin", () => {
    expect(() => parseEnv({ SMTP_URL: "http://relay.kommun.se" })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ MAIL_FROM: "Samverkansportalen" })).toThrow(/MAIL_FROM/);
    expect(() => parseEnv({ SMTP_URL: "smtp://relay.kommun.se" })).toThrow(/MAIL_FROM[\s\S]*APP_ORIGIN/);
  });
});

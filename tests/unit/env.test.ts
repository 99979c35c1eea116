import { describe, expect, it } from "vitest";
import { parseEnv } from "~/utils/env.server";

describe("environment", () => {
  it("has working defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_PATH).toBe("data/portal.db");
    expect(env.MAX_UPLOAD_MB).toBe(25);
    expect(env.APP_ORIGIN).toBeUndefined();
  });
  it("stops with a message that names the bad variable", () => {
    expect(() => parseEnv({ MAX_UPLOAD_MB: "mycket" })).toThrow(/MAX_UPLOAD_MB/);
    expect(() => parseEnv({ APP_ORIGIN: "inte en adress" })).toThrow(/APP_ORIGIN/);
    expect(() => parseEnv({ NODE_ENV: "staging" })).toThrow(/NODE_ENV/);
  });
});

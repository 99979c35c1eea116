import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = { "~": fileURLToPath(new URL("./app", import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          globals: true,
          environment: "node",
          include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
          // A file's database is migrated and seeded in beforeAll: on a loaded machine (a CI
          // runner, or helpers sharing two cores) that can pass vitest's 10 s default.
          hookTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "browser",
          globals: true,
          environment: "node",
          include: ["tests/browser/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

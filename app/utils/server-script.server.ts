import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The path of a worker script in server/ (plain JS, run without a build step), found from
 * app/utils (tests) or build/ (production) up to the folder that holds server/.
 */
export function serverScript(name: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, "server", name);
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`server/${name} not found`);
}

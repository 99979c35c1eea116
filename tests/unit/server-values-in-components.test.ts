/**
 * A value imported from a *.server module must never reach code that runs in the browser.
 * Remix replaces server modules with empty ones in the browser's bundle, so such a value is
 * undefined there, silently: the page renders right on the server and the hydrated page acts
 * on `undefined`. (Found: the linked documents' page parameter came from a server module, so
 * their "page 2" link, right in the HTML, navigated the other list with JavaScript.)
 *
 * For every route module and component: each name imported as a value from a *.server module may be used
 * only in the server's half (loader, action, headers and the functions they call), never in
 * what also runs in the browser (the default export, components, meta, links, handle,
 * ErrorBoundary, shouldRevalidate, client loaders and actions).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROUTES = fileURLToPath(new URL("../../app/routes", import.meta.url));
const COMPONENTS = fileURLToPath(new URL("../../app/components", import.meta.url));
const BROWSER_EXPORTS = new Set([
  "meta",
  "links",
  "handle",
  "ErrorBoundary",
  "shouldRevalidate",
  "clientLoader",
  "clientAction",
  "HydrateFallback",
]);

/** Server-module value imports used by top-level declarations that run in the browser. */
function serverValuesInBrowserCode(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const serverNames = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
    const from = (statement.moduleSpecifier as ts.StringLiteral).text;
    if (!/\.server(\.[jt]sx?)?$/.test(from)) continue;
    const clause = statement.importClause;
    if (clause?.name) serverNames.add(clause.name.text);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings))
      for (const element of bindings.elements) if (!element.isTypeOnly) serverNames.add(element.name.text);
    if (bindings && ts.isNamespaceImport(bindings)) serverNames.add(bindings.name.text);
  }
  const found: string[] = [];
  for (const statement of source.statements) {
    const owner = browserDeclarationName(statement);
    if (!owner) continue;
    const visit = (node: ts.Node) => {
      if (ts.isIdentifier(node) && serverNames.has(node.text) && !isPropertyName(node))
        found.push(`${path.basename(fileName)}: ${owner} uses ${node.text}`);
      ts.forEachChild(node, visit);
    };
    visit(statement);
  }
  return found;
}

/** The name of a top-level declaration that runs in the browser, or null. */
function browserDeclarationName(statement: ts.Statement): string | null {
  const isDefault =
    (ts.getCombinedModifierFlags(statement as unknown as ts.Declaration) & ts.ModifierFlags.Default) !== 0;
  if (ts.isExportAssignment(statement)) return "export default";
  if (ts.isFunctionDeclaration(statement)) {
    const name = statement.name?.text ?? "";
    if (isDefault) return name || "export default";
    return isBrowserName(name) ? name : null;
  }
  if (ts.isVariableStatement(statement)) {
    const names = statement.declarationList.declarations.map((d) => (ts.isIdentifier(d.name) ? d.name.text : ""));
    const browser = names.find(isBrowserName);
    return browser ?? null;
  }
  return null;
}

/** A component (capitalised) or one of the route exports Remix also runs in the browser. */
function isBrowserName(name: string): boolean {
  return BROWSER_EXPORTS.has(name) || /^[A-Z]/.test(name);
}

/** `x.loader` or `{ loader: 1 }`: a property's name, not a use of the import. */
function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    (ts.isJsxAttribute(parent) && parent.name === node)
  );
}

describe("server values in browser code", () => {
  it("finds a server module's value used in a component, and none in the server's half", () => {
    const sample = `
      import { LIMIT, load } from "~/models/things.server";
      import type { Thing } from "~/models/things.server";
      export async function loader() { return load(LIMIT); }
      export const meta = () => [{ title: String(LIMIT) }];
      function helper(t: Thing) { return load(t); }
      export default function Page() { const t: Thing | null = null; return <List max={LIMIT} />; }
      function List({ max }: { max: number }) { return <p title="load">{max}</p>; }
    `;
    expect(serverValuesInBrowserCode("sample.tsx", sample)).toEqual([
      "sample.tsx: meta uses LIMIT",
      "sample.tsx: Page uses LIMIT",
    ]);
  });

  it("holds for every route module and every component", () => {
    const files = [ROUTES, COMPONENTS].flatMap((dir) =>
      fs
        .readdirSync(dir)
        .filter((f) => /\.tsx?$/.test(f) && !f.includes(".server."))
        .map((f) => path.join(dir, f)),
    );
    expect(files.length).toBeGreaterThan(80);
    const found = files.flatMap((f) => serverValuesInBrowserCode(f, fs.readFileSync(f, "utf8")));
    expect(found).toEqual([]);
  });
});

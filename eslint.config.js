// ESLint gates (run by `npm test`): TypeScript, React, accessibility and the import
// boundaries that keep the layers visible: routes → models → db, pure domain at the bottom.
import js from "@eslint/js";
import importX from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "public/build/", ".cache/", "data/", "node_modules/", "db/migrations/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: { globals: { ...globals.node } },
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })] },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "import-x/no-cycle": "off",
      "import-x/no-duplicates": "error",
      // Sanitizers and file-name checks match control characters on purpose.
      "no-control-regex": "off",
    },
  },
  {
    files: ["app/**/*.tsx"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    settings: { react: { version: "18.3" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "react/prop-types": "off",
      // A scrollable table region must be focusable to be scrolled by keyboard (WCAG 2.1.1).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["region"], tags: [] }],
    },
  },
  {
    // Import boundaries between the layers.
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./app/domain",
              from: ["./app/models", "./app/routes", "./app/components", "./app/utils", "./app/auth", "./db"],
              message: "app/domain holds pure rules: no database, no request, no UI.",
            },
            {
              target: "./app/utils",
              from: ["./app/models", "./app/routes", "./app/components", "./app/jobs"],
              message: "app/utils never imports models, routes, components or jobs.",
            },
            {
              target: "./app/models",
              from: ["./app/routes", "./app/components", "./app/jobs"],
              message: "Models never import routes, components or background jobs.",
            },
            {
              target: "./app/jobs",
              from: ["./app/routes", "./app/components"],
              message: "Background jobs use models, domain and utils, never routes or components.",
            },
            {
              target: "./app/components",
              from: ["./app/models", "./app/routes", "./db"],
              message: "Components get data through props, never from models.",
            },
            {
              target: "./app/forms",
              from: [
                "./app/models",
                "./app/routes",
                "./app/components",
                "./app/utils",
                "./app/auth",
                "./app/jobs",
                "./db",
              ],
              message: "app/forms holds zod schemas shared by server and browser: only domain rules and zod.",
            },
            {
              target: "./app/routes",
              from: ["./db"],
              message: "Routes never build queries: data access is in app/models.",
            },
          ],
        },
      ],
    },
  },
  {
    // The session library sits behind one seam (docs/decisions/003-lucia-sessions.md).
    files: ["**/*.{ts,tsx,js}"],
    ignores: ["app/auth/sessions.server.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "lucia", message: "Only app/auth/sessions.server.ts imports lucia (decision 003)." },
            {
              name: "@lucia-auth/adapter-drizzle",
              message: "Only app/auth/sessions.server.ts imports lucia (decision 003).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["tests/**/*.{ts,tsx}", "bench/**/*.ts", "db/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);

/**
 * Remix v2 classic compiler (pinned; see docs/decisions/002-remix-classic-compiler.md).
 * Every v3 future flag the classic compiler supports is on, so the route code moves to
 * React Router v7 mechanically; the build and server/index.js do not (see decision 002).
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};

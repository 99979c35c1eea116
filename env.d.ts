/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

// Single fetch (a v3 future flag) changes loader/action data types.
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
export {};

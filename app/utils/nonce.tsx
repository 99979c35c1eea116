import { createContext, useContext } from "react";

/** The per-request CSP nonce, rendered on the server; empty in the browser (not needed there). */
const NonceContext = createContext<string | undefined>(undefined);
export const NonceProvider = NonceContext.Provider;
export function useNonce(): string | undefined {
  return useContext(NonceContext);
}

import type { MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = () => [{ title: pageTitle("Tillgänglighetsredogörelse") }];

export default function AccessibilityStatement() {
  return (
    <>
      <h1>Tillgänglighetsredogörelse</h1>
      <p>Samverkansportalen ska kunna användas av alla.</p>
    </>
  );
}

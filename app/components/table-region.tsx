import type { ReactNode } from "react";

/**
 * A wide table's frame: on a narrow screen the table scrolls inside it, never the page
 * (WCAG 1.4.10). The frame is a named region that takes keyboard focus, so it can be scrolled
 * with the arrow keys (WCAG 2.1.1), and screen readers announce what it holds.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" tabIndex={0} aria-label={label}>
      {children}
    </div>
  );
}

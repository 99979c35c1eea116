/**
 * Reports of accessibility problems from the statement page (/tillganglighet): stored and
 * audited in one transaction, so the coordinator reads them in the portal.
 */
import { desc } from "drizzle-orm";
import { accessibilityReports } from "../../db/schema";
import type { PageRequest } from "~/domain/pagination";
import { db, write } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { paginateQuery } from "./paging.server";

export interface AccessibilityReport {
  page: string;
  description: string;
  contact: string;
}

/** Stores a report (from anyone, signed in or not) and audits it. */
export function recordAccessibilityReport(userId: string | null, report: AccessibilityReport) {
  return write((tx) => {
    const row = tx
      .insert(accessibilityReports)
      .values({ ...report, userId })
      .returning()
      .get();
    recordAudit(tx, {
      userId,
      action: "create",
      entityType: "accessibility_report",
      entityId: row.id,
      after: { page: report.page, description: report.description, contact: report.contact },
    });
    return row;
  });
}

export function pageOfAccessibilityReports(request: PageRequest) {
  const order = [desc(accessibilityReports.id)];
  return paginateQuery(
    request,
    { table: accessibilityReports, id: accessibilityReports.id, where: undefined, order },
    (page) =>
      db()
        .select()
        .from(accessibilityReports)
        .where(page)
        .orderBy(...order),
  );
}

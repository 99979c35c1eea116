import { keepUnitsWhole } from "~/components/dates";
import { Children, cloneElement, Fragment, isValidElement, type ReactElement, type ReactNode } from "react";

/**
 * A wide table's frame (issue 15, WCAG 1.4.10 and 2.1.1).
 *
 * On a phone (below 40em, app/styles/app.css) a data table becomes a list of labelled cards: each
 * row is a card and each cell shows its column's header before its value, so nothing scrolls
 * sideways and no reader has to remember which column a value was in. For that every body and
 * footer cell carries its column header as `data-label`, written here from the table's own
 * `<thead>` (the pages write plain tables; a cell that sets its own `data-label` keeps it).
 * Changing a table's CSS display drops its table semantics in some browsers, so the table, its
 * row groups, rows and cells also get their explicit ARIA roles: a screen reader still hears a
 * table with column headers, whatever the layout.
 *
 * `layout="scroll"` keeps the table a table on a phone (for a table that is narrow anyway); it
 * then scrolls inside the frame, never the page. Either way the frame is a named region that
 * takes keyboard focus, so a scrolling table can be scrolled with the arrow keys.
 */
export function TableRegion({
  label,
  layout = "cards",
  children,
}: {
  label: string;
  layout?: "cards" | "scroll";
  children?: ReactNode;
}) {
  return (
    <div
      className={layout === "cards" ? "table-wrap table-wrap--cards" : "table-wrap"}
      role="region"
      tabIndex={0}
      aria-label={label}
    >
      {layout === "cards" ? labelTables(children) : children}
    </div>
  );
}

type Props = Record<string, unknown> & { children?: ReactNode };

/** The plain text of a React node (what a header says), as far as it is written out in elements. */
function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<Props>(node)) return textOf(node.props.children);
  return "";
}

const squeeze = (s: string) => s.replace(/\s+/g, " ").trim();

/** Maps over a node's children, looking through fragments and arrays (rows and cells made by `map`). */
function mapThrough(children: ReactNode, visit: (el: ReactElement<Props>) => ReactNode): ReactNode {
  return Children.map(children, (child) => {
    if (!isValidElement<Props>(child)) return child;
    if (child.type === Fragment) return cloneElement(child, {}, mapThrough(child.props.children, visit));
    return visit(child);
  });
}

/** Each element child of a node, looking through fragments and arrays. */
function elementsOf(children: ReactNode): ReactElement<Props>[] {
  const found: ReactElement<Props>[] = [];
  Children.forEach(children, (child) => {
    if (!isValidElement<Props>(child)) return;
    if (child.type === Fragment) found.push(...elementsOf(child.props.children));
    else found.push(child);
  });
  return found;
}

const span = (cell: ReactElement<Props>) => Math.max(1, Number(cell.props.colSpan ?? 1) || 1);

/** The header text of every column: what the header rows say above it, top to bottom. */
function columnLabels(thead: ReactElement<Props>): string[] {
  const labels: string[][] = [];
  for (const row of elementsOf(thead.props.children).filter((el) => el.type === "tr")) {
    let column = 0;
    for (const cell of elementsOf(row.props.children).filter((el) => el.type === "th" || el.type === "td")) {
      const text = squeeze(textOf(cell.props.children));
      for (let i = 0; i < span(cell); i++) {
        labels[column + i] ??= [];
        if (text && !labels[column + i].includes(text)) labels[column + i].push(text);
      }
      column += span(cell);
    }
  }
  return Array.from(labels, (texts) => (texts ?? []).join(" – "));
}

function withRoles(table: ReactElement<Props>): ReactElement {
  const head = elementsOf(table.props.children).find((el) => el.type === "thead");
  const labels = head ? columnLabels(head) : [];
  const row = (tr: ReactElement<Props>, inHead: boolean) => {
    let column = 0;
    return cloneElement(
      tr,
      { role: "row" },
      mapThrough(tr.props.children, (cell) => {
        if (cell.type !== "td" && cell.type !== "th") return cell;
        const at = column;
        column += span(cell);
        const role =
          cell.type === "td"
            ? "cell"
            : inHead || cell.props.scope === "col"
              ? "columnheader"
              : cell.props.scope === "row"
                ? "rowheader"
                : "cell";
        const extra: Props = { role };
        const label = labels[at];
        if (!inHead && label && cell.props["data-label"] === undefined) extra["data-label"] = label;
        return cloneElement(cell, extra, keepDatesWhole(cell.props.children));
      }),
    );
  };
  return cloneElement(
    table,
    { role: "table" },
    mapThrough(table.props.children, (group) => {
      if (group.type === "tr") return row(group, false);
      if (group.type !== "thead" && group.type !== "tbody" && group.type !== "tfoot") return group;
      return cloneElement(
        group,
        { role: "rowgroup" },
        mapThrough(group.props.children, (tr) => (tr.type === "tr" ? row(tr, group.type === "thead") : tr)),
      );
    }),
  );
}

/**
 * A date written in a cell's own text is wrapped so that it never breaks at its hyphens
 * ("2026-" / "12-31") in a narrow card or column (issue 15, item 2; keepUnitsWhole,
 * app/components/dates.tsx, the mechanism pages use outside tables).
 */
function keepDatesWhole(children: ReactNode): ReactNode {
  if (typeof children === "string") return keepUnitsWhole(children);
  if (!Array.isArray(children) && !isValidElement(children)) return children;
  // Through nested elements too: a date in a list or a link inside the cell is as narrow.
  return Children.map(children, (child) => {
    if (typeof child === "string") return keepUnitsWhole(child);
    if (!isValidElement<Props>(child) || child.props.children === undefined) return child;
    if (child.type === "time") return child;
    return cloneElement(child, {}, keepDatesWhole(child.props.children));
  });
}

/** Finds the tables among the frame's children (through plain elements) and labels their cells. */
function labelTables(children: ReactNode): ReactNode {
  return mapThrough(children, (el) => {
    if (el.type === "table") return withRoles(el);
    if (typeof el.type === "string" && el.props.children !== undefined)
      return cloneElement(el, {}, labelTables(el.props.children));
    return el;
  });
}

import { Link } from "@remix-run/react";
import { keepUnitsWhole } from "~/components/dates";

/** Where the page sits: links to its parents, then the page itself (aria-current). */
export function Breadcrumbs({ trail, current }: { trail: [to: string, label: string][]; current: string }) {
  return (
    <nav aria-label="Brödsmulor" className="breadcrumbs no-print">
      <ol>
        {trail.map(([to, label]) => (
          <li key={to}>
            <Link to={to}>{keepUnitsWhole(label)}</Link>
          </li>
        ))}
        <li aria-current="page">{keepUnitsWhole(current)}</li>
      </ol>
    </nav>
  );
}

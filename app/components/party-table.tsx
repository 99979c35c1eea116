/** The table of a collaboration's parties: the same four columns wherever parties are listed. */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import {
  ORGANISATION_KIND_LABEL,
  PARTY_ROLE_LABEL,
  type OrganisationKind,
  type PartyRole,
} from "~/domain/collaboration";
import type { PartyStanding } from "~/domain/party-notice";
import { PartyStatusBadge } from "./party-status";
import { TableRegion } from "./table-region";

interface PartyRow {
  partyId: number;
  organisationId: number;
  name: string;
  kind: OrganisationKind;
  role: PartyRole;
  standing: PartyStanding;
}

/** A column a page adds after the four common ones (member since, registry e-mail, an edit link). */
export interface PartyColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  className?: string;
}

export function PartyTable<Row extends PartyRow>({
  parties,
  columns,
}: {
  parties: Row[];
  columns: PartyColumn<Row>[];
}) {
  return (
    <TableRegion label="Parter">
      <table>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">Typ</th>
            <th scope="col">Roll</th>
            <th scope="col">Status</th>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {parties.map((p) => (
            <tr key={p.partyId}>
              <td>
                <Link to={`/parter/${p.organisationId}`}>{p.name}</Link>
              </td>
              <td>{ORGANISATION_KIND_LABEL[p.kind]}</td>
              <td>{PARTY_ROLE_LABEL[p.role]}</td>
              <td>
                <PartyStatusBadge standing={p.standing} />
              </td>
              {columns.map((c) => (
                <td key={c.header} className={c.className}>
                  {c.cell(p)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

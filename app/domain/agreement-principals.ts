/**
 * Principals (huvudmän) of an agreement: the parties that employ the staff. In Mini-Maria the
 * region employs the health-care staff and carries its own costs; Östersund employs the
 * municipal staff on behalf of all municipalities and invoices the other municipalities their
 * shares (the sources do not say how invoicing is done; this is the portal's stated assumption,
 * changeable per agreement version). Pure.
 */
import type { StaffingLine } from "./agreement-version";

/** Which side of the operation a principal runs: the health care (region) or the municipal social services. */
export const PRINCIPAL_SIDES = ["region", "kommunerna"] as const;
export type PrincipalSide = (typeof PRINCIPAL_SIDES)[number];

export const PRINCIPAL_SIDE_LABEL: Record<PrincipalSide, string> = {
  region: "huvudman för regionens del (hälso- och sjukvården)",
  kommunerna: "huvudman för kommunernas del (socialtjänsten)",
};

export interface Principal {
  key: string;
  name: string;
  side: PrincipalSide;
  /** The principal invoices the other parties on its side their shares. */
  invoicesOthers: boolean;
}

/** The side a staffing line is paid by: "Regionen" → region, "Kommunerna" → kommunerna. */
export function staffingSide(payer: string): PrincipalSide | null {
  const p = payer.trim().toLocaleLowerCase("sv-SE");
  if (p.startsWith("region")) return "region";
  if (p.startsWith("kommun")) return "kommunerna";
  return null;
}

/** "2,0 sjuksköterska, 0,2 läkare" for the staff a side pays (and its principal employs). */
export function staffText(staffing: StaffingLine[], side: PrincipalSide): string {
  return staffing
    .filter((l) => staffingSide(l.principal) === side)
    .map(
      (l) =>
        `${l.fte.toLocaleString("sv-SE", { minimumFractionDigits: 1 })} ${l.profession.toLocaleLowerCase("sv-SE")}`,
    )
    .join(", ");
}

function sideOfKind(kind: string): PrincipalSide {
  return kind === "region" ? "region" : "kommunerna";
}

export interface PaymentRoute {
  role: "huvudman" | "part";
  /** The principal that invoices this party, when one does. */
  invoicedBy: string | null;
  text: string;
}

/** How a party's share is paid: carried by a principal itself, or invoiced by its side's principal. */
export function paymentRoute(party: { key: string; kind: string }, principals: Principal[]): PaymentRoute {
  const own = principals.find((p) => p.key === party.key);
  if (own) {
    return {
      role: "huvudman",
      invoicedBy: null,
      text: own.invoicesOthers
        ? "Huvudman: bär sin egen andel och fakturerar övriga parter på sin sida deras andelar."
        : "Huvudman: bär sin egen andel själv (ingen faktura).",
    };
  }
  const invoicer = principals.find((p) => p.side === sideOfKind(party.kind) && p.invoicesOthers);
  if (invoicer) return { role: "part", invoicedBy: invoicer.name, text: `Faktureras av ${invoicer.name}.` };
  return {
    role: "part",
    invoicedBy: null,
    text: "Ingen fakturerande huvudman är angiven i avtalsversionen; betalningen sker enligt parternas överenskommelse.",
  };
}

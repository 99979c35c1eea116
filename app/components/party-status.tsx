import { keepWhole } from "~/components/dates";
import type { PartyStatus } from "~/domain/agreement-terms";

export const PARTY_STATUS_LABEL: Record<PartyStatus, string> = {
  inbjuden: "Inbjuden",
  "inriktningsbeslut fattat": "Inriktningsbeslut fattat",
  medlem: "Medlem",
  uppsagd: "Har sagt upp avtalet",
  utträtt: "Utträdd",
};

/**
 * A party's status as text and colour (readable without colour). Pass the status on the day
 * (`partyStatusOn` in app/domain/agreement-terms.ts), so a party past its exit date shows as Utträdd.
 */
export function PartyStatusBadge({ status, exitDate }: { status: string; exitDate: string | null }) {
  const tone =
    status === "medlem"
      ? "badge--ok"
      : status === "uppsagd"
        ? "badge--warn"
        : status === "utträtt"
          ? "badge--bad"
          : "badge--neutral";
  return (
    <span className={`badge ${tone}`}>
      {PARTY_STATUS_LABEL[status as PartyStatus] ?? status}
      {keepWhole(status === "uppsagd" && exitDate ? ` – utträde den ${exitDate}` : "")}
      {keepWhole(status === "utträtt" && exitDate ? ` ${exitDate}` : "")}
    </span>
  );
}

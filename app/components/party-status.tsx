export const PARTY_STATUS_LABEL: Record<string, string> = {
  inbjuden: "Inbjuden",
  "inriktningsbeslut fattat": "Inriktningsbeslut fattat",
  medlem: "Medlem",
  uppsagd: "Uppsagd",
  utträtt: "Utträtt",
};

/** A party's status as text and colour (readable without colour). */
export function PartyStatusBadge({ status, exitDate }: { status: string; exitDate: string | null }) {
  const tone = status === "medlem" ? "badge--ok" : status === "uppsagd" ? "badge--warn" : status === "utträtt" ? "badge--bad" : "badge--neutral";
  return (
    <span className={`badge ${tone}`}>
      {PARTY_STATUS_LABEL[status] ?? status}
      {status === "uppsagd" && exitDate ? ` – utträde den ${exitDate}` : ""}
      {status === "utträtt" && exitDate ? ` ${exitDate}` : ""}
    </span>
  );
}

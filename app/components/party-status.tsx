import { keepWhole } from "~/components/dates";
import type { PartyStanding } from "~/domain/party-notice";

/**
 * A party's status as text and colour (readable without colour). Pass `partyStanding` of the
 * party on the day the page is viewed (app/domain/party-notice.ts), so a party past its exit date
 * shows as Utträdd and one whose membership begins on a coming day as "Medlem från …".
 */
export function PartyStatusBadge({ standing }: { standing: PartyStanding }) {
  return <span className={`badge badge--${standing.tone}`}>{keepWhole(standing.text)}</span>;
}

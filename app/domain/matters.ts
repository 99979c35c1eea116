/** Matters (ärenden): their statuses, defined once (the schema imports them). */

export const MATTER_STATUSES = ["öppet", "avslutat"] as const;

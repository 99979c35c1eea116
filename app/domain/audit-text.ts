/**
 * The audit log in plain Swedish (issue 15): one sentence per entry with the person's name
 * ("Sara Samordnare bekräftade ett partssvar (nr 36).") and the changed details as
 * "Rubrik: ”Gammal” → ”Ny”" instead of raw JSON. Unknown actions and types still read as a
 * sentence, so a new kind of entry is never shown as code.
 */

/** What was done, as a verb in the past tense. */
const ACTION_VERB: Record<string, string> = {
  create: "skapade",
  update: "ändrade",
  edit: "ändrade",
  delete: "tog bort",
  end: "avslutade",
  close: "avslutade",
  sign: "justerade",
  approve: "godkände",
  publish: "publicerade",
  send: "skickade",
  retry: "försökte skicka igen",
  remind: "skickade en påminnelse om",
  correct: "rättade",
  decide: "beslutade",
  withdraw: "återkallade",
  report: "rapporterade",
  confirm: "bekräftade",
  rotate: "bytte",
  redact: "maskerade personnummer i",
};

/** Entries about the person's own session, told without an object. */
const SELF_ACTION: Record<string, string> = {
  signin: "loggade in",
  signout: "loggade ut",
  password: "bytte lösenord",
};

/** What it was done to, with its article ("ett ärende"). */
const ENTITY_NOUN: Record<string, string> = {
  agenda: "en dagordning",
  agenda_item: "en punkt på dagordningen",
  agenda_order: "dagordningens ordning",
  agreement_version: "en avtalsversion",
  assignment: "ett uppdrag",
  body: "ett organ",
  body_standard_item: "en stående punkt",
  budget_item: "en budgetpost",
  budget_year: "ett budgetår",
  calendar_token: "en kalenderlänk",
  collaboration: "en samverkan",
  decision: "ett beslut",
  document: "ett dokument",
  document_link: "en koppling till ett dokument",
  document_version: "en dokumentversion",
  file: "en fil",
  item_proposal: "ett förslag till dagordningen",
  key_figure_definition: "ett nyckeltal",
  key_figures: "nyckeltal",
  mail: "ett e-postmeddelande",
  matter: "ett ärende",
  meeting: "ett möte",
  membership: "ett ledamotsuppdrag",
  minutes: "ett protokoll",
  organisation: "en organisation",
  party: "en part",
  party_answer: "ett partssvar",
  party_notice: "en uppsägning",
  person: "en person",
  population: "folkmängden",
  recommendation: "en rekommendation",
  session: "en inloggning",
  user: "ett konto",
};

/** The entity types' names for the log's filter ("Ärende" for matter). */
export function entityTypeLabel(entityType: string): string {
  const noun = ENTITY_NOUN[entityType];
  if (!noun) return humanise(entityType);
  const bare = noun.replace(/^(en|ett) /, "");
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

/** Field names as the forms call them. */
const FIELD_LABEL: Record<string, string> = {
  id: "Nummer",
  createdAt: "Skapad",
  title: "Rubrik",
  name: "Namn",
  status: "Status",
  date: "Datum",
  startTime: "Starttid",
  endTime: "Sluttid",
  place: "Plats",
  role: "Roll",
  email: "E-post",
  description: "Beskrivning",
  summary: "Sammanfattning",
  ask: "Vad parterna ska besluta",
  answerDeadline: "Sista svarsdag",
  deadline: "Klart senast",
  decisionText: "Beslut",
  decisionDate: "Beslutsdatum",
  registryNumber: "Diarienummer",
  reference: "Diarienummer",
  text: "Text",
  reason: "Skäl",
  note: "Anteckning",
  comment: "Kommentar",
  version: "Version",
  visibility: "Synlighet",
  isPublic: "Offentlig",
  amount: "Belopp",
  year: "År",
  from: "Från",
  to: "Till",
  validFrom: "Gäller från",
  validTo: "Gäller till",
  memberSince: "Medlem sedan",
  exitDate: "Sista dag som part",
  noticeReceivedOn: "Uppsägning mottagen",
  // A party's notice and status (party_notice, party): the labels of the party page's forms.
  noticeFileId: "Uppsägningsbrevet (fil)",
  withdrawalNote: "Utträde och avveckling",
  branchClinic: "Mottagning",
  directionDecisionOn: "Inriktningsbeslut fattat",
  registrarEmail: "Registratorns e-post",
  contactPersonId: "Kontaktperson",
  collaborationId: "Samverkan",
  bodyId: "Organ",
  personId: "Person",
  organisationId: "Organisation",
  meetingId: "Möte",
  matterId: "Ärende",
  decisionId: "Beslut",
  documentId: "Dokument",
  fileId: "Fil",
  kind: "Slag",
  position: "Ordning",
};

/** "registrarEmail" → "Registrar email"; "party_answer" → "Party answer". */
function humanise(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function fieldLabel(key: string): string {
  return FIELD_LABEL[key] ?? humanise(key);
}

function parse(json: string | null): unknown {
  if (json === null) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

const MAX_VALUE = 160;

/** A stored value as a reader would write it. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return value ? "ja" : "nej";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    const short = value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value;
    return `”${short}”`;
  }
  if (Array.isArray(value)) return value.length === 0 ? "–" : value.map(valueText).join(", ");
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.map(([k, v]) => `${fieldLabel(k)} ${valueText(v)}`).join(", ");
}

/** The object's own name in the entry, when it has one (title, name …). */
function objectName(...snapshots: unknown[]): string | null {
  for (const s of snapshots) {
    if (s && typeof s === "object" && !Array.isArray(s)) {
      const record = s as Record<string, unknown>;
      for (const key of ["title", "name", "label", "subject"]) {
        const v = record[key];
        if (typeof v === "string" && v.trim()) return v.trim();
      }
    }
  }
  return null;
}

export interface AuditEntryText {
  action: string;
  entityType: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  /** The person's name, or null for the system. */
  actorName: string | null;
}

/** One sentence: who did what to which object. */
export function auditSentence(entry: AuditEntryText): string {
  const who = entry.actorName ?? "Systemet";
  const self = SELF_ACTION[entry.action];
  if (self && (entry.entityType === "session" || entry.entityType === "user")) return `${who} ${self}.`;
  const verb = ACTION_VERB[entry.action] ?? self ?? `gjorde ”${humanise(entry.action).toLowerCase()}” på`;
  const noun = ENTITY_NOUN[entry.entityType] ?? `uppgiften ”${humanise(entry.entityType).toLowerCase()}”`;
  const name = objectName(parse(entry.after), parse(entry.before));
  const id = entry.entityId ? ` (nr ${entry.entityId})` : "";
  return `${who} ${verb} ${noun}${name ? ` ${valueText(name)}` : ""}${id}.`;
}

export interface AuditChange {
  field: string;
  before: string;
  after: string;
}

/**
 * What changed, field by field: on a change only the fields that differ; on a creation or a
 * removal every stored field (before or after is "–").
 */
export function auditChanges(beforeJson: string | null, afterJson: string | null): AuditChange[] {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
  if (!isRecord(before) && !isRecord(after)) {
    if (before === undefined && after === undefined) return [];
    return [{ field: "Värde", before: valueText(before), after: valueText(after) }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .map((k) => ({ field: fieldLabel(k), before: valueText(b[k]), after: valueText(a[k]) }))
    .filter((c) => c.before !== c.after);
}

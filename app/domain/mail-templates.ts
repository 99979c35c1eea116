/**
 * What the portal's e-mail says, in plain Swedish, as text and as HTML (pure: the caller
 * passes every fact and link). Every message is short, names the thing, says what to do and
 * links to the page in the portal, where the whole text is read with the reader's rights:
 * the message never carries more than its recipient may read.
 */
import { countOf, formatDateWithWeekday } from "./format";
import { describeDaysLeft } from "./mail";

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** One block of a message: a paragraph, a list, a link, or facts (term: value). */
type Block = { p: string } | { list: string[] } | { link: string; label: string } | { facts: [string, string][] };

function textOf(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if ("p" in b) return b.p;
      if ("list" in b) return b.list.map((l) => `- ${l}`).join("\n");
      if ("link" in b) return `${b.label}:\n${b.link}`;
      return b.facts.map(([k, v]) => `${k}: ${v}`).join("\n");
    })
    .join("\n\n");
}

function htmlOf(title: string, blocks: Block[]): string {
  const body = blocks
    .map((b) => {
      if ("p" in b) return `<p>${escapeHtml(b.p).replace(/\n/g, "<br>")}</p>`;
      if ("list" in b) return `<ul>${b.list.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>`;
      if ("link" in b) return `<p><a href="${escapeHtml(b.link)}">${escapeHtml(b.label)}</a></p>`;
      return `<table role="presentation">${b.facts
        .map(([k, v]) => `<tr><th scope="row" align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
        .join("")}</table>`;
    })
    .join("\n");
  return `<!doctype html>\n<html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body>\n${body}\n</body></html>`;
}

/** Why the person gets the message and how to stop it (every message that can be turned off has it). */
export interface Footer {
  reason: string;
  preferencesUrl: string;
  unsubscribeUrl: string | null;
}

function footerBlocks(footer: Footer | null): Block[] {
  if (!footer) return [{ p: "Meddelandet skickades av Samverkansportalen." }];
  const blocks: Block[] = [{ p: `Du får det här meddelandet eftersom ${footer.reason}.` }];
  blocks.push({ link: footer.preferencesUrl, label: "Välj vilken e-post du får" });
  if (footer.unsubscribeUrl) blocks.push({ link: footer.unsubscribeUrl, label: "Avsluta den här sortens e-post" });
  return blocks;
}

function message(subject: string, greeting: string, blocks: Block[], footer: Footer | null): MailContent {
  const all: Block[] = [{ p: `Hej ${greeting}!` }, ...blocks, ...footerBlocks(footer)];
  return { subject, text: `${textOf(all)}\n`, html: htmlOf(subject, all) };
}

// --- Meetings ------------------------------------------------------------------------------

export interface NoticeFacts {
  bodyName: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  videoUrl: string;
  /** Agenda item titles in order (a confidential item is named by title only). */
  items: string[];
  versionNo: number;
  /** For a changed notice: what changed since the first notice, in words. */
  changes: string[];
  meetingUrl: string;
  noticeUrl: string;
  absenceUrl: string;
}

/** The notice of meeting (kallelse), or a changed notice when `versionNo` > 1. */
export function noticeMail(name: string, n: NoticeFacts, footer: Footer | null): MailContent {
  const when = `${formatDateWithWeekday(n.date)} kl. ${n.startTime}–${n.endTime}`;
  const changed = n.versionNo > 1;
  const subject = changed
    ? `Ändrad kallelse: ${n.bodyName} ${n.date}`
    : `Kallelse: ${n.bodyName} ${n.date} kl. ${n.startTime}`;
  const blocks: Block[] = [
    {
      p: changed
        ? `Kallelsen till ${n.bodyName}s sammanträde är ändrad (dagordning version ${n.versionNo}).`
        : `Du kallas till sammanträde med ${n.bodyName}.`,
    },
    {
      facts: [
        ["Dag och tid", when],
        ["Plats", n.place || "Anges senare"],
        ...(n.videoUrl ? ([["Video", n.videoUrl]] as [string, string][]) : []),
      ],
    },
  ];
  if (changed && n.changes.length) blocks.push({ p: "Ändringar sedan kallelsen:" }, { list: n.changes });
  blocks.push(
    { p: "Dagordning:" },
    { list: n.items.length ? n.items.map((t, i) => `${i + 1}. ${t}`) : ["Inga punkter ännu."] },
    { link: n.noticeUrl, label: "Kallelsen med handlingarna i portalen" },
    { p: "Mötet finns i den bifogade kalenderfilen (mote.ics)." },
    { link: n.absenceUrl, label: "Har du förhinder? Anmäl det här" },
  );
  return message(subject, name, blocks, footer);
}

export interface NoLongerCalledFacts {
  bodyName: string;
  /** The day the earlier notice named, and the day the meeting is moved to. */
  fromDate: string;
  toDate: string;
}

/**
 * To a person summoned by an earlier notice who is not called on the meeting's new day (the
 * meeting moved past the end of their seat, or before its start): without it they would
 * still expect the meeting on the old day. No link: after their seat has ended they may no
 * longer open the meeting, and the message only withdraws what the notice told them.
 */
export function noLongerCalledMail(name: string, f: NoLongerCalledFacts, footer: Footer | null): MailContent {
  return message(
    `Mötet är flyttat: ${f.bodyName} ${f.toDate}`,
    name,
    [
      {
        p: `${f.bodyName}s sammanträde ${f.fromDate}, som du kallades till, är flyttat till ${formatDateWithWeekday(f.toDate)}.`,
      },
      {
        p: `Ditt uppdrag i ${f.bodyName} gäller inte den dagen, så du är inte kallad till mötet och behöver inte anmäla förhinder.`,
      },
      { p: "Den bifogade kalenderfilen tar bort mötet ur din kalender." },
    ],
    footer,
  );
}

export interface SeatNoLongerCalledFacts {
  bodyName: string;
  /** The day of the meeting the person was summoned to. */
  meetingDate: string;
  /** The seat's new last day, when it ends before the meeting; null for any other change. */
  lastDay: string | null;
}

/**
 * To a person summoned by a notice whose seat changed so that it no longer covers the meeting
 * day (ended before it, most often at the change of term). No link: the person may no longer
 * open the meeting, and the message only withdraws what the notice told them.
 */
export function seatNoLongerCalledMail(name: string, f: SeatNoLongerCalledFacts, footer: Footer | null): MailContent {
  return message(
    `Du är inte längre kallad: ${f.bodyName} ${f.meetingDate}`,
    name,
    [
      {
        p: f.lastDay
          ? `Ditt uppdrag i ${f.bodyName} slutar ${formatDateWithWeekday(f.lastDay)}, så du är inte längre kallad till sammanträdet ${formatDateWithWeekday(f.meetingDate)}.`
          : `Ditt uppdrag i ${f.bodyName} är ändrat och gäller inte ${formatDateWithWeekday(f.meetingDate)}, så du är inte längre kallad till sammanträdet den dagen.`,
      },
      { p: "Du behöver inte anmäla förhinder. Den bifogade kalenderfilen tar bort mötet ur din kalender." },
    ],
    footer,
  );
}

export interface ProposalDeadlineFacts {
  bodyName: string;
  meetingDate: string;
  deadline: string;
  daysLeft: number;
  proposeUrl: string;
}

export function proposalDeadlineMail(name: string, f: ProposalDeadlineFacts, footer: Footer | null): MailContent {
  return message(
    `Sista dag för förslag: ${f.bodyName} ${f.meetingDate}`,
    name,
    [
      {
        p: `Sista dag att föreslå punkter till ${f.bodyName}s möte ${f.meetingDate} är ${f.deadline} (${describeDaysLeft(f.daysLeft)}).`,
      },
      { link: f.proposeUrl, label: "Föreslå en punkt" },
    ],
    footer,
  );
}

export interface ProposalDecidedFacts {
  title: string;
  bodyName: string;
  meetingDate: string;
  accepted: boolean;
  reason: string;
  meetingUrl: string;
}

export function proposalDecidedMail(name: string, f: ProposalDecidedFacts, footer: Footer | null): MailContent {
  return message(
    `${f.accepted ? "Förslaget är godtaget" : "Förslaget är avslaget"}: ${f.title}`,
    name,
    [
      {
        p: f.accepted
          ? `Ditt förslag "${f.title}" är lagt på dagordningen för ${f.bodyName}s möte ${f.meetingDate}.`
          : `Ditt förslag "${f.title}" till ${f.bodyName}s möte ${f.meetingDate} är avslaget.`,
      },
      ...(f.accepted ? [] : [{ p: `Skäl: ${f.reason}` }]),
      { link: f.meetingUrl, label: "Mötet i portalen" },
    ],
    footer,
  );
}

export interface AbsenceFacts {
  bodyName: string;
  meetingDate: string;
  absentName: string;
  serveUrl: string;
}

/** To the body's deputies when a member reports förhinder. */
export function absenceMail(name: string, f: AbsenceFacts, footer: Footer | null): MailContent {
  return message(
    `Ersättare behövs: ${f.bodyName} ${f.meetingDate}`,
    name,
    [
      { p: `${f.absentName} har anmält förhinder till ${f.bodyName}s möte ${f.meetingDate}.` },
      { p: "Kan du tjänstgöra i hens ställe? Bekräfta det i portalen, så förs det in i närvarolistan." },
      { link: f.serveUrl, label: "Bekräfta att du tjänstgör" },
    ],
    footer,
  );
}

/** Says the member need not come as a substitute after all (the member withdrew the förhinder). */
export function absenceWithdrawnMail(
  name: string,
  f: { bodyName: string; meetingDate: string; memberName: string; meetingUrl: string },
  footer: Footer | null,
): MailContent {
  return message(
    `Ersättare behövs inte: ${f.bodyName} ${f.meetingDate}`,
    name,
    [
      { p: `${f.memberName} har återkallat sitt förhinder och kommer till ${f.bodyName}s möte ${f.meetingDate}.` },
      { p: "Du behöver därför inte tjänstgöra i hens ställe. Närvarolistan är ändrad." },
      { link: f.meetingUrl, label: "Mötet i portalen" },
    ],
    footer,
  );
}

// --- Minutes -------------------------------------------------------------------------------

export interface MinutesFacts {
  bodyName: string;
  meetingDate: string;
  minutesUrl: string;
}

const SIGNER_ROLE_TEXT: Record<string, string> = {
  sekreterare: "sekreterare",
  ordförande: "mötets ordförande",
  justerare: "justerare",
};

/** To each signer who has not signed: the minutes are ready for justering. Names no § text. */
export function minutesForSigningMail(
  name: string,
  f: MinutesFacts & { role: string; adjustmentDate: string | null; adjustmentPlace: string },
  footer: Footer | null,
): MailContent {
  const facts: [string, string][] = [["Du justerar som", SIGNER_ROLE_TEXT[f.role] ?? f.role]];
  if (f.adjustmentDate) facts.push(["Justeras senast", f.adjustmentDate]);
  if (f.adjustmentPlace) facts.push(["Plats för justering", f.adjustmentPlace]);
  return message(
    `Protokoll att justera: ${f.bodyName} ${f.meetingDate}`,
    name,
    [
      { p: `Protokollet från ${f.bodyName}s möte ${f.meetingDate} är klart för justering.` },
      { facts },
      { p: "Läs protokollet i portalen och justera det där. När alla har justerat låses det." },
      { link: f.minutesUrl, label: "Protokollet i portalen" },
    ],
    footer,
  );
}

/** To the body's members: the minutes are approved (justerat). Names no § text. */
export function minutesApprovedMail(
  name: string,
  f: MinutesFacts & { approvedOn: string },
  footer: Footer | null,
): MailContent {
  return message(
    `Justerat protokoll: ${f.bodyName} ${f.meetingDate}`,
    name,
    [
      { p: `Protokollet från ${f.bodyName}s möte ${f.meetingDate} justerades ${f.approvedOn}.` },
      { link: f.minutesUrl, label: "Läs protokollet i portalen" },
    ],
    footer,
  );
}

// --- Decisions and deadlines ---------------------------------------------------------------

export interface AssignmentFacts {
  title: string;
  dueDate: string;
  daysLeft: number;
  url: string;
}

export function assignmentDueMail(name: string, f: AssignmentFacts, footer: Footer | null): MailContent {
  const overdue = f.daysLeft < 0;
  return message(
    `${overdue ? "Försenat uppdrag" : "Uppdrag att återrapportera"}: ${f.title}`,
    name,
    [
      {
        p: overdue
          ? `Uppdraget "${f.title}" skulle ha återrapporterats ${f.dueDate} (${describeDaysLeft(f.daysLeft)}).`
          : `Uppdraget "${f.title}" ska återrapporteras ${f.dueDate} (${describeDaysLeft(f.daysLeft)}).`,
      },
      { link: f.url, label: "Uppdraget i portalen" },
    ],
    footer,
  );
}

export interface AgreementNoticeFacts {
  agreementName: string;
  noticeDeadline: string;
  termEnd: string;
  daysLeft: number;
  url: string;
}

export function agreementNoticeMail(name: string, f: AgreementNoticeFacts, footer: Footer | null): MailContent {
  return message(
    `Sista dag för uppsägning: ${f.agreementName} ${f.noticeDeadline}`,
    name,
    [
      {
        p: `Den som vill lämna ${f.agreementName} när avtalsperioden slutar ${f.termEnd} ska ha lämnat skriftlig uppsägning senast ${f.noticeDeadline} (${describeDaysLeft(f.daysLeft)}). Annars förlängs avtalet.`,
      },
      { link: f.url, label: "Avtalet i portalen" },
    ],
    footer,
  );
}

export interface RecommendationReminderFacts {
  title: string;
  partyName: string;
  deadline: string;
  daysLeft: number;
  /** The page to report the party's answer on; null for a recipient who may not report it. */
  answerUrl: string | null;
  /** The recommendation's own page, the link for those who may not report. */
  readUrl: string;
}

export function recommendationReminderMail(
  name: string,
  f: RecommendationReminderFacts,
  footer: Footer | null,
): MailContent {
  const overdue = f.daysLeft < 0;
  return message(
    `${overdue ? "Svar saknas" : "Påminnelse om svar"}: ${f.title}`,
    name,
    [
      {
        p: overdue
          ? `${f.partyName} har inte lämnat besked om rekommendationen "${f.title}". Svaret skulle ha kommit ${f.deadline} (${describeDaysLeft(f.daysLeft)}).`
          : `${f.partyName} ska lämna besked om rekommendationen "${f.title}" senast ${f.deadline} (${describeDaysLeft(f.daysLeft)}).`,
      },
      f.answerUrl
        ? { link: f.answerUrl, label: "Lämna eller se svaret" }
        : { link: f.readUrl, label: "Läs rekommendationen" },
    ],
    footer,
  );
}

/** The daily digest: everything held for the person since the last one, in order. */
export function digestMail(
  name: string,
  day: string,
  held: { subject: string; text: string }[],
  footer: Footer | null,
): MailContent {
  // Each held message without its own greeting and footer (the first and last paragraphs).
  const bodyOf = (text: string) => {
    const parts = text.trim().split("\n\n");
    const footerAt = parts.findIndex((p) => p.startsWith("Du får det här meddelandet"));
    return parts.slice(1, footerAt > 0 ? footerAt : parts.length).join("\n\n");
  };
  return message(
    `Sammanfattning ${day}: ${held.length} ${held.length === 1 ? "meddelande" : "meddelanden"}`,
    name,
    held.flatMap((h): Block[] => [{ p: `– ${h.subject} –` }, { p: bodyOf(h.text) }]),
    footer,
  );
}

export interface RecommendationLetterFacts {
  kind: "rekommendation" | "rättelse" | "återkallelse" | "påminnelse före" | "påminnelse efter";
  title: string;
  partyName: string;
  ask: string;
  /** What is proposed and why, as paragraphs of plain text (the summary is written in Markdown). */
  summary: string[];
  deadline: string;
  /** The extract of the minutes: the deciding body, §, date and decided text (empty when not linked). */
  extract: { heading: string; text: string } | null;
  reason: string;
  readUrl: string;
  answerUrl: string;
}

const LETTER_SUBJECT: Record<RecommendationLetterFacts["kind"], string> = {
  rekommendation: "Rekommendation",
  rättelse: "Rättad rekommendation",
  återkallelse: "Återkallad rekommendation",
  "påminnelse före": "Påminnelse om svar på rekommendation",
  "påminnelse efter": "Svar saknas på rekommendation",
};

/** A letter to a party's registrar (registrator) about a recommendation, for the party's diary. */
export function recommendationLetterMail(f: RecommendationLetterFacts): MailContent {
  const blocks: Block[] = [];
  if (f.kind === "återkallelse") {
    blocks.push({ p: `Rekommendationen "${f.title}" är återkallad. ${f.partyName} behöver inte fatta beslut om den.` });
    if (f.reason) blocks.push({ p: `Skäl: ${f.reason}` });
    blocks.push({ link: f.readUrl, label: "Rekommendationen i portalen" });
  } else {
    if (f.kind === "rekommendation")
      blocks.push({ p: `${f.partyName} får härmed en rekommendation att ta ställning till och diarieföra.` });
    if (f.kind === "rättelse")
      blocks.push({ p: `Rekommendationen "${f.title}" är rättad.${f.reason ? ` Skäl: ${f.reason}` : ""}` });
    if (f.kind === "påminnelse före")
      blocks.push({ p: `Vi har ännu inte fått ${f.partyName}s besked om rekommendationen "${f.title}".` });
    if (f.kind === "påminnelse efter")
      blocks.push({
        p: `Sista dag för ${f.partyName}s besked om rekommendationen "${f.title}" var ${f.deadline}. Meddela när ärendet ska behandlas eller vad som har beslutats.`,
      });
    blocks.push(
      {
        facts: [
          ["Rekommendation", f.title],
          ["Svara senast", f.deadline],
        ],
      },
      { p: `Förslag till beslut för parten: ${f.ask}` },
    );
    blocks.push(...f.summary.map((p) => ({ p })));
    if (f.extract) blocks.push({ p: `Utdrag ur protokoll, ${f.extract.heading}:` }, { p: f.extract.text });
    blocks.push(
      { link: f.answerUrl, label: "Lämna partens besked här" },
      { link: f.readUrl, label: "Rekommendationen med underlag i portalen" },
    );
  }
  const all: Block[] = [
    { p: "Till registrator," },
    ...blocks,
    { p: "Meddelandet skickades av Samverkansportalen till partens registrator." },
  ];
  const subject = `${LETTER_SUBJECT[f.kind]}: ${f.title}`;
  return { subject, text: `${textOf(all)}\n`, html: htmlOf(subject, all) };
}

// --- Accounts --------------------------------------------------------------------------------

/** The invitation to a new account: choose a password with the link (no first password is sent). */
export function invitationMail(name: string, f: { email: string; url: string; days: number }): MailContent {
  return message(
    "Inbjudan till Samverkansportalen",
    name,
    [
      { p: `Du har fått ett konto i Samverkansportalen. Du loggar in med e-postadressen ${f.email}.` },
      {
        p: `Välj ditt lösenord med länken nedan. Den fungerar en gång och gäller i ${countOf(f.days, "dag", "dagar")}.`,
      },
      { link: f.url, label: "Välj lösenord" },
      { p: "Har länken slutat gälla? Be om en ny under Glömt lösenordet på inloggningssidan." },
    ],
    null,
  );
}

/** A password reset someone asked for: the link, how long it works, and what to do if it was not you. */
export function passwordResetMail(name: string, f: { url: string; minutes: number }): MailContent {
  return message(
    "Välj ett nytt lösenord i Samverkansportalen",
    name,
    [
      { p: "Någon har bett om ett nytt lösenord till ditt konto i Samverkansportalen." },
      {
        p: `Välj ett nytt lösenord med länken nedan. Den fungerar en gång och gäller i ${countOf(f.minutes, "minut", "minuter")}.`,
      },
      { link: f.url, label: "Välj nytt lösenord" },
      { p: "Har du inte bett om det? Då kan du bortse från meddelandet; ditt lösenord är oförändrat." },
    ],
    null,
  );
}

/**
 * Agreement versions: validating the form, and comparing two versions term by term and line
 * by line. Pure.
 */
import { diffLines } from "diff";
import { validateTerms } from "./agreement-terms";
import { parseIsoDate } from "./calendar-dates";
import { percentagesError } from "./cost-allocation";
import { countOf, formatKronor, formatPercent } from "./format";
import { describePopulationRule, populationRuleError } from "./population";

/**
 * The version in force on `today`: the one adopted last on or before that day (by adoption
 * day, then the later entered), so a version recorded as adopted on a coming day does not yet
 * set today's terms, and a version entered afterwards for an earlier amendment does not
 * replace a later one. Before any adoption, the latest draft (the proposal being worked on).
 */
export function versionInForce<V extends { id: number; adoptedOn: string | null }>(
  versions: readonly V[],
  today: string,
): V | undefined {
  const adopted = versions
    .filter((v) => v.adoptedOn !== null && v.adoptedOn <= today)
    .sort((a, b) => a.adoptedOn!.localeCompare(b.adoptedOn!) || a.id - b.id);
  return adopted.at(-1) ?? [...versions].sort((a, b) => a.id - b.id).at(-1);
}

export interface StaffingLine {
  principal: string;
  profession: string;
  fte: number;
}

export interface VersionInput {
  label: string;
  adoptedOn: string;
  text: string;
  firstTermStart: string;
  firstTermEnd: string;
  noticeMonths: string;
  noticeForm: string;
  renewalMonths: string;
  withdrawalRules: string;
  baseYear: string;
  baseBudget: string;
  indexPercent: string;
  regionPercent: string;
  municipalPercent: string;
  regionBaseAmount: string;
  /** The population date rule: "11-01" and "-1" for 1 November the year before. */
  populationMonthDay: string;
  populationYearOffset: string;
  staffing: string;
  changeSummary: string;
}

export interface VersionTerms {
  label: string;
  adoptedOn: string | null;
  text: string;
  firstTermStart: string;
  firstTermEnd: string;
  noticeMonths: number;
  noticeForm: string;
  renewalMonths: number;
  withdrawalRules: string;
  baseYear: number;
  baseBudget: number;
  indexBasisPoints: number;
  regionShareBasisPoints: number;
  regionBaseAmount: number | null;
  populationMonthDay: string;
  populationYearOffset: number;
  staffing: string;
  changeSummary: string;
}

const toBasisPoints = (v: string) => Math.round(Number(v.trim().replace(",", ".")) * 100);
const kronor = (v: string) => v.replace(/[\s\u00a0]/g, "").replace(/kr$/i, "");

export function parseStaffing(text: string): { ok: true; lines: StaffingLine[] } | { ok: false; error: string } {
  const lines: StaffingLine[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const [principal, profession, fte] = line.split(";").map((c) => c?.trim());
    const n = Number((fte ?? "").replace(",", "."));
    if (!principal || !profession || !fte || !Number.isFinite(n) || n < 0 || n > 100)
      return {
        ok: false,
        error: `Rad ${i + 1}: skriv huvudman;yrke;antal årsarbetare, till exempel "Regionen;Sjuksköterska;2,0".`,
      };
    lines.push({ principal, profession, fte: n });
  }
  return { ok: true, lines };
}

export function staffingToText(json: string): string {
  return (JSON.parse(json) as StaffingLine[])
    .map((l) => `${l.principal};${l.profession};${String(l.fte).replace(".", ",")}`)
    .join("\n");
}

export function validateVersion(
  input: VersionInput,
): { ok: true; value: VersionTerms } | { ok: false; errors: Partial<Record<keyof VersionInput, string>> } {
  const errors: Partial<Record<keyof VersionInput, string>> = { ...validateTerms(input) };
  if (!input.label.trim()) errors.label = "Ge versionen ett namn, till exempel ”Samarbetsavtal 2023”.";
  if (input.adoptedOn && !parseIsoDate(input.adoptedOn)) errors.adoptedOn = "Skriv datumet som ÅÅÅÅ-MM-DD.";
  if (input.text.length > 200_000) errors.text = "Avtalstexten är för lång.";
  if (!/^\d{4}$/.test(input.baseYear.trim())) errors.baseYear = "Ange basåret med fyra siffror, till exempel 2023.";
  if (!/^\d+$/.test(kronor(input.baseBudget)))
    errors.baseBudget = "Ange budgeten i hela kronor, till exempel 5 720 000.";
  if (!/^\d{1,2}([.,]\d{1,2})?$/.test(input.indexPercent.trim()))
    errors.indexPercent = "Ange uppräkningen i procent, till exempel 3.";
  Object.assign(errors, percentagesError(input.regionPercent, input.municipalPercent));
  if (input.regionBaseAmount.trim() && !/^\d+$/.test(kronor(input.regionBaseAmount)))
    errors.regionBaseAmount = "Ange beloppet i hela kronor.";
  else if (
    !errors.baseBudget &&
    input.regionBaseAmount.trim() &&
    Number(kronor(input.regionBaseAmount)) > Number(kronor(input.baseBudget))
  )
    errors.regionBaseAmount = "Regionens belopp kan inte vara större än hela budgeten.";
  const offset = input.populationYearOffset.trim();
  const ruleError = /^-?\d$/.test(offset)
    ? populationRuleError({ monthDay: input.populationMonthDay.trim(), yearOffset: Number(offset) })
    : "Ange året som 0 (budgetåret) eller −1 (året före).";
  if (ruleError) {
    if (/MM-DD/.test(ruleError)) errors.populationMonthDay = ruleError;
    else errors.populationYearOffset = ruleError;
  }
  if (input.changeSummary.length > 5000) errors.changeSummary = "Högst 5 000 tecken.";
  const staffing = parseStaffing(input.staffing);
  if (!staffing.ok) errors.staffing = staffing.error;
  if (Object.keys(errors).length || !staffing.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      label: input.label.trim(),
      adoptedOn: input.adoptedOn || null,
      text: input.text,
      firstTermStart: input.firstTermStart,
      firstTermEnd: input.firstTermEnd,
      noticeMonths: Number(input.noticeMonths),
      noticeForm: input.noticeForm.trim() || "skriftligen",
      renewalMonths: Number(input.renewalMonths),
      withdrawalRules: input.withdrawalRules.trim(),
      baseYear: Number(input.baseYear),
      baseBudget: Number(kronor(input.baseBudget)),
      indexBasisPoints: toBasisPoints(input.indexPercent),
      regionShareBasisPoints: toBasisPoints(input.regionPercent),
      regionBaseAmount: input.regionBaseAmount.trim() ? Number(kronor(input.regionBaseAmount)) : null,
      populationMonthDay: input.populationMonthDay.trim(),
      populationYearOffset: Number(offset),
      staffing: JSON.stringify(staffing.lines),
      changeSummary: input.changeSummary.trim(),
    },
  };
}

const percent = (bp: number) => formatPercent(bp / 100);

/** Each comparable term as a label and a display value. */
export function describeTerms(
  v: Omit<VersionTerms, "text" | "label" | "adoptedOn" | "changeSummary">,
): [string, string][] {
  const staffing = (JSON.parse(v.staffing) as StaffingLine[])
    .map((l) => `${l.principal}: ${String(l.fte).replace(".", ",")} ${l.profession.toLowerCase()}`)
    .join("; ");
  return [
    ["Första avtalsperiod", `${v.firstTermStart}–${v.firstTermEnd}`],
    ["Uppsägningstid", `${countOf(v.noticeMonths, "månad", "månader")}, ${v.noticeForm}`],
    ["Förlängning utan uppsägning", `${countOf(v.renewalMonths, "månad", "månader")} i taget`],
    ["Utträde och avveckling", v.withdrawalRules || "–"],
    ["Basår och budget", `${v.baseYear}: ${formatKronor(v.baseBudget)}`],
    ["Årlig uppräkning", percent(v.indexBasisPoints)],
    [
      "Regionens andel",
      `${percent(v.regionShareBasisPoints)}${v.regionBaseAmount !== null ? ` (${formatKronor(v.regionBaseAmount)} basåret)` : ""}`,
    ],
    [
      "Kommunernas andel",
      `${percent(10_000 - v.regionShareBasisPoints)}, fördelad efter folkmängd ${describePopulationRule({
        monthDay: v.populationMonthDay,
        yearOffset: v.populationYearOffset,
      })}`,
    ],
    ["Bemanning", staffing || "–"],
  ];
}

export function termDifferences(a: VersionTerms, b: VersionTerms): { term: string; before: string; after: string }[] {
  const before = describeTerms(a);
  const after = describeTerms(b);
  return before.flatMap(([term, value], i) =>
    value === after[i][1] ? [] : [{ term, before: value, after: after[i][1] }],
  );
}

export interface TextChange {
  kind: "added" | "removed" | "same";
  text: string;
}

/** Line-by-line difference of two agreement texts. */
export function textDifferences(a: string, b: string): TextChange[] {
  return diffLines(a, b).map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}

type ApprovalStatus = "godkänt" | "godkänt med ändringar" | "avslaget" | "väntar";

interface PartyApproval {
  organisation: string;
  status: ApprovalStatus;
  decisionDate: string | null;
}

export interface ApprovalState {
  parties: PartyApproval[];
  /** Every party has approved the version as it stands. */
  allApproved: boolean;
  /** The parties whose approval is missing (including approvals with changes: a counter-offer). */
  missing: string[];
  /** The day the last approval was decided, when all have approved. */
  approvedOn: string | null;
}

/**
 * An amendment is in force only when every party has approved it. Each party's approval is its
 * answer to a recommendation to adopt the version; "antagen med ändringar" is a counter-offer,
 * not an approval. Parties not asked at all count as waiting.
 */
export function approvalState(
  partyNames: string[],
  answers: { organisation: string; status: string; decisionDate: string | null }[],
): ApprovalState {
  const rank: Record<ApprovalStatus, number> = { godkänt: 3, "godkänt med ändringar": 2, avslaget: 1, väntar: 0 };
  const toStatus = (s: string): ApprovalStatus =>
    s === "antagen"
      ? "godkänt"
      : s === "antagen med ändringar"
        ? "godkänt med ändringar"
        : s === "avslagen"
          ? "avslaget"
          : "väntar";
  const parties = partyNames.map((organisation) => {
    let best: PartyApproval = { organisation, status: "väntar", decisionDate: null };
    for (const a of answers.filter((x) => x.organisation === organisation)) {
      const status = toStatus(a.status);
      if (rank[status] > rank[best.status]) best = { organisation, status, decisionDate: a.decisionDate };
    }
    return best;
  });
  const missing = parties.filter((p) => p.status !== "godkänt").map((p) => p.organisation);
  const allApproved = parties.length > 0 && missing.length === 0;
  const dates = parties.map((p) => p.decisionDate).filter((d): d is string => d !== null);
  return {
    parties,
    allApproved,
    missing,
    approvedOn: allApproved && dates.length === parties.length ? [...dates].sort().at(-1)! : null,
  };
}

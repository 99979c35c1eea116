/**
 * Agreement versions: validating the form, and comparing two versions term by term and line
 * by line. Pure.
 */
import { diffLines } from "diff";
import { validateTerms } from "./agreement-terms";
import { parseIsoDate } from "./calendar-dates";
import { percentagesError } from "./cost-allocation";
import { formatKronor, formatPercent } from "./format";

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
  staffing: string;
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
  staffing: string;
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
      return { ok: false, error: `Rad ${i + 1}: skriv huvudman;yrke;antal årsarbetare, till exempel "Regionen;Sjuksköterska;2,0".` };
    lines.push({ principal, profession, fte: n });
  }
  return { ok: true, lines };
}

export function staffingToText(json: string): string {
  return (JSON.parse(json) as StaffingLine[]).map((l) => `${l.principal};${l.profession};${String(l.fte).replace(".", ",")}`).join("\n");
}

export function validateVersion(input: VersionInput): { ok: true; value: VersionTerms } | { ok: false; errors: Partial<Record<keyof VersionInput, string>> } {
  const errors: Partial<Record<keyof VersionInput, string>> = { ...validateTerms(input) };
  if (!input.label.trim()) errors.label = "Ge versionen ett namn, till exempel ”Samarbetsavtal 2023”.";
  if (input.adoptedOn && !parseIsoDate(input.adoptedOn)) errors.adoptedOn = "Skriv datumet som ÅÅÅÅ-MM-DD.";
  if (input.text.length > 200_000) errors.text = "Avtalstexten är för lång.";
  if (!/^\d{4}$/.test(input.baseYear.trim())) errors.baseYear = "Ange basåret med fyra siffror, till exempel 2023.";
  if (!/^\d+$/.test(kronor(input.baseBudget))) errors.baseBudget = "Ange budgeten i hela kronor, till exempel 5 720 000.";
  if (!/^\d{1,2}([.,]\d{1,2})?$/.test(input.indexPercent.trim())) errors.indexPercent = "Ange uppräkningen i procent, till exempel 3.";
  Object.assign(errors, percentagesError(input.regionPercent, input.municipalPercent));
  if (input.regionBaseAmount.trim() && !/^\d+$/.test(kronor(input.regionBaseAmount))) errors.regionBaseAmount = "Ange beloppet i hela kronor.";
  else if (!errors.baseBudget && input.regionBaseAmount.trim() && Number(kronor(input.regionBaseAmount)) > Number(kronor(input.baseBudget)))
    errors.regionBaseAmount = "Regionens belopp kan inte vara större än hela budgeten.";
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
      staffing: JSON.stringify(staffing.lines),
    },
  };
}

const percent = (bp: number) => formatPercent(bp / 100);

/** Each comparable term as a label and a display value. */
export function describeTerms(v: Omit<VersionTerms, "text" | "label" | "adoptedOn">): [string, string][] {
  const staffing = (JSON.parse(v.staffing) as StaffingLine[]).map((l) => `${l.principal}: ${String(l.fte).replace(".", ",")} ${l.profession.toLowerCase()}`).join("; ");
  return [
    ["Första avtalsperiod", `${v.firstTermStart}–${v.firstTermEnd}`],
    ["Uppsägningstid", `${v.noticeMonths} månader, ${v.noticeForm}`],
    ["Förlängning utan uppsägning", `${v.renewalMonths} månader i taget`],
    ["Utträde och avveckling", v.withdrawalRules || "–"],
    ["Basår och budget", `${v.baseYear}: ${formatKronor(v.baseBudget)}`],
    ["Årlig uppräkning", percent(v.indexBasisPoints)],
    ["Regionens andel", `${percent(v.regionShareBasisPoints)}${v.regionBaseAmount !== null ? ` (${formatKronor(v.regionBaseAmount)} basåret)` : ""}`],
    ["Kommunernas andel", `${percent(10_000 - v.regionShareBasisPoints)}, fördelad efter folkmängd 1 november föregående år`],
    ["Bemanning", staffing || "–"],
  ];
}

export function termDifferences(a: VersionTerms, b: VersionTerms): { term: string; before: string; after: string }[] {
  const before = describeTerms(a);
  const after = describeTerms(b);
  return before.flatMap(([term, value], i) => (value === after[i][1] ? [] : [{ term, before: value, after: after[i][1] }]));
}

export interface TextChange {
  kind: "added" | "removed" | "same";
  text: string;
}

/** Line-by-line difference of two agreement texts. */
export function textDifferences(a: string, b: string): TextChange[] {
  return diffLines(a, b).map((part) => ({ kind: part.added ? "added" : part.removed ? "removed" : "same", text: part.value }));
}

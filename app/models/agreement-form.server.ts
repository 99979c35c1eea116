import { staffingToText, type VersionInput } from "~/domain/agreement-version";
import type { AgreementVersion } from "./agreements.server";

const pct = (bp: number) => String(bp / 100).replace(".", ",");

/** A stored version as the form shows it. */
export function versionToInput(v: AgreementVersion): VersionInput {
  return {
    label: v.label,
    adoptedOn: v.adoptedOn ?? "",
    text: v.text,
    firstTermStart: v.firstTermStart,
    firstTermEnd: v.firstTermEnd,
    noticeMonths: String(v.noticeMonths),
    noticeForm: v.noticeForm,
    renewalMonths: String(v.renewalMonths),
    withdrawalRules: v.withdrawalRules,
    baseYear: String(v.baseYear),
    baseBudget: String(v.baseBudget),
    indexPercent: pct(v.indexBasisPoints),
    regionPercent: pct(v.regionShareBasisPoints),
    municipalPercent: pct(10_000 - v.regionShareBasisPoints),
    regionBaseAmount: v.regionBaseAmount === null ? "" : String(v.regionBaseAmount),
    staffing: staffingToText(v.staffing),
  };
}

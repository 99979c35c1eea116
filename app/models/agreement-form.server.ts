import { staffingToText } from "~/domain/agreement-version";
import type { VersionDefaults } from "~/forms/agreement";
import { principalsOf, type AgreementVersion } from "./agreements.server";

const pct = (bp: number) => String(bp / 100).replace(".", ",");

/** A stored version, with its principals, as the form shows it. */
export function versionToInput(v: AgreementVersion): VersionDefaults {
  const principals = principalsOf(v.id);
  const region = principals.find((p) => p.side === "region");
  const municipal = principals.find((p) => p.side === "kommunerna");
  return {
    label: v.label,
    adoptedOn: v.adoptedOn ?? "",
    text: v.text,
    changeSummary: v.changeSummary,
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
    populationMonthDay: v.populationMonthDay,
    populationYearOffset: String(v.populationYearOffset),
    staffing: staffingToText(v.staffing),
    regionPrincipalId: region ? String(region.organisationId) : "",
    municipalPrincipalId: municipal ? String(municipal.organisationId) : "",
    municipalPrincipalInvoices: municipal?.invoicesOthers ?? false,
  };
}

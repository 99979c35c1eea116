import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { currentYear } from "~/domain/cost-report";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { collaborationFor } from "~/auth/collaboration.server";
import { requireViewerWith } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { VersionForm } from "~/components/version-form";
import { withCollaboration } from "~/domain/collaboration";
import { todayInStockholm } from "~/domain/format";
import { versionSchema, type VersionDefaults } from "~/forms/agreement";
import { agreementOf, createAgreement, partiesOf } from "~/models/agreements.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { pageTitle } from "~/utils/page-title";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Nytt samarbetsavtal") }];

// A collaboration without an agreement gets its first one here; after that, changes are new versions.

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:agreement");
  const collaboration = collaborationFor(request, viewer.actor);
  if (agreementOf(collaboration.id)) throw redirect(withCollaboration("/avtal", collaboration.slug));
  const year = currentYear(todayInStockholm()) + 1;
  const defaults: VersionDefaults = {
    label: "Samarbetsavtal",
    adoptedOn: "",
    text: "",
    changeSummary: "Första versionen.",
    firstTermStart: `${year}-01-01`,
    firstTermEnd: `${year}-12-31`,
    noticeMonths: "12",
    noticeForm: "skriftligen",
    renewalMonths: "12",
    withdrawalRules: "",
    baseYear: String(year),
    baseBudget: "",
    indexPercent: "0",
    regionPercent: "50",
    municipalPercent: "50",
    regionBaseAmount: "",
    populationMonthDay: "11-01",
    populationYearOffset: "-1",
    staffing: "",
    regionPrincipalId: "",
    municipalPrincipalId: "",
    municipalPrincipalInvoices: false,
  };
  return {
    collaboration: { name: collaboration.name, slug: collaboration.slug },
    defaults,
    organisations: partiesOf(collaboration.id).map((p) => ({ id: p.organisationId, name: p.name, kind: p.kind })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:agreement");
  const collaboration = collaborationFor(request, viewer.actor);
  const form = await readForm(request);
  if (agreementOf(collaboration.id))
    throw new Response(`${collaboration.name} har redan ett samarbetsavtal. Ändringar blir nya versioner.`, {
      status: 409,
    });
  const submission = parseForm(form, versionSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const { terms, principals } = submission.value;
  const parties = new Set(partiesOf(collaboration.id).map((p) => p.organisationId));
  if (principals.some((p) => !parties.has(p.organisationId)))
    return rejectForm(submission, { formErrors: ["En huvudman måste vara part i samverkan."] });
  createAgreement(viewer.user.id, collaboration.id, `${terms.label} – ${collaboration.name}`, terms, principals);
  return redirectWithStatus(withCollaboration("/avtal", collaboration.slug), "Samarbetsavtalet är skapat.");
}

export default function NewAgreement() {
  const { collaboration, defaults, organisations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs trail={[["/samverkan", "Samverkan"]]} current="Nytt samarbetsavtal" />
      <h1>Nytt samarbetsavtal för {collaboration.name}</h1>
      <p>
        {collaboration.name} har inget samarbetsavtal ännu. Fyll i villkoren i den första versionen; senare ändringar
        blir nya versioner som kan jämföras. Lägg till parterna först, så att huvudmännen går att välja.
      </p>
      <VersionForm
        defaults={defaults}
        lastResult={lastResult}
        organisations={organisations}
        submitLabel="Skapa samarbetsavtalet"
      />
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { loadAgreementForManager } from "~/auth/agreement-access.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { VersionForm } from "~/components/version-form";
import { withCollaboration } from "~/domain/collaboration";
import { versionSchema } from "~/forms/agreement";
import { versionToInput } from "~/models/agreement-form.server";
import { addVersion, partiesOf } from "~/models/agreements.server";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Ny avtalsversion – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { version, collaboration } = await loadAgreementForManager(request);
  return {
    slug: collaboration.slug,
    defaults: { ...versionToInput(version), label: `${version.label} (ny version)`, adoptedOn: "", changeSummary: "" },
    organisations: partiesOf(collaboration.id).map((p) => ({ id: p.organisationId, name: p.name, kind: p.kind })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, agreement, collaboration } = await loadAgreementForManager(request);
  const submission = parseForm(await readForm(request), versionSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const { terms, principals } = submission.value;
  const parties = new Set(partiesOf(collaboration.id).map((p) => p.organisationId));
  if (principals.some((p) => !parties.has(p.organisationId)))
    return rejectForm(submission, { formErrors: ["En huvudman måste vara part i samverkan."] });
  // A new version has no approvals yet: it is in force only when every party has approved it.
  if (terms.adoptedOn)
    return rejectForm(submission, {
      fieldErrors: {
        adoptedOn: [
          "En ny version kan inte vara antagen än: alla parter ska godkänna den först. Lämna fältet tomt och fyll i det när godkännandena har kommit in.",
        ],
      },
    });
  const row = addVersion(viewer.user.id, agreement.id, terms, principals);
  return redirectWithStatus(
    withCollaboration(`/avtal/versioner/${row.id}`, collaboration.slug),
    "Avtalsversionen är skapad.",
  );
}

export default function NewVersion() {
  const { defaults, organisations, slug } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs trail={[[withCollaboration("/avtal", slug), "Avtal"]]} current="Ny version" />
      <h1>Ny avtalsversion</h1>
      <p>
        Formuläret är ifyllt med gällande version. Ändra det som är nytt; den gamla versionen finns kvar och kan
        jämföras. En ändring gäller först när alla parter har godkänt den.
      </p>
      <VersionForm
        defaults={defaults}
        lastResult={lastResult}
        organisations={organisations}
        submitLabel="Spara versionen"
      />
    </>
  );
}

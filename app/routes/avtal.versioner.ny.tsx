import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readVersionForm, VersionForm } from "~/components/version-form";
import { validateVersion } from "~/domain/agreement-version";
import { versionToInput } from "~/models/agreement-form.server";
import { addVersion } from "~/models/agreements.server";
import { loadAgreementForManager } from "~/utils/agreement-access.server";

export const meta: MetaFunction = () => [{ title: "Ny avtalsversion – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { version } = await loadAgreementForManager(request);
  return { values: { ...versionToInput(version), label: `${version.label} (ny version)`, adoptedOn: "" } };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, agreement } = await loadAgreementForManager(request);
  const input = readVersionForm(await request.formData());
  const result = validateVersion(input);
  if (!result.ok) return data({ errors: result.errors, values: input }, { status: 400 });
  const row = addVersion(viewer.user.id, agreement.id, result.value);
  return redirect(`/avtal/versioner/${row.id}`);
}

export default function NewVersion() {
  const { values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs trail={[["/avtal", "Avtal"]]} current="Ny version" />
      <h1>Ny avtalsversion</h1>
      <p>Formuläret är ifyllt med gällande version. Ändra det som är nytt; den gamla versionen finns kvar och kan jämföras.</p>
      <VersionForm values={actionData?.values ?? values} errors={actionData?.errors} submitLabel="Spara versionen" />
    </>
  );
}

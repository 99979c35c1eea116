import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { notFound } from "~/auth/session.server";
import { readVersionForm, VersionForm } from "~/components/version-form";
import { termDifferences, validateVersion } from "~/domain/agreement-version";
import { versionToInput } from "~/models/agreement-form.server";
import { getVersion, updateVersion } from "~/models/agreements.server";
import { loadAgreementForManager } from "~/utils/agreement-access.server";
import { idParam } from "~/utils/params";

export const meta: MetaFunction = () => [{ title: "Ändra avtalsversion – Samverkansportalen" }];

async function load(request: Request, versionId: string | undefined) {
  const access = await loadAgreementForManager(request);
  const version = getVersion(idParam(versionId));
  if (!version || version.agreementId !== access.agreement.id) throw notFound("Avtalsversionen finns inte.");
  return { ...access, target: version };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { target } = await load(request, params.versionId);
  return { id: target.id, label: target.label, version: target.version, values: versionToInput(target) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, target } = await load(request, params.versionId);
  const form = await request.formData();
  const input = readVersionForm(form);
  const result = validateVersion(input);
  if (!result.ok) return data({ errors: result.errors, values: input, conflict: null }, { status: 400 });
  const saved = updateVersion(viewer.user.id, target.id, Number(form.get("version")), result.value);
  if (!saved.ok) {
    const theirs = saved.conflict;
    return data(
      {
        errors: {},
        values: input,
        conflict: {
          version: theirs.version,
          differences: termDifferences(theirs, result.value),
          textChanged: theirs.text !== result.value.text,
          theirText: theirs.text,
        },
      },
      { status: 409 },
    );
  }
  return redirect(`/avtal/versioner/${target.id}`);
}

export default function EditVersion() {
  const { id, label, version, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const conflict = actionData?.conflict;
  return (
    <>
      <Breadcrumbs trail={[["/avtal", "Avtal"], [`/avtal/versioner/${id}`, `${label}`]]} current="Ändra" />
      <h1>Ändra {label}</h1>
      {conflict ? (
        <div className="notice notice--error" role="alert">
          <h2>Någon annan har ändrat avtalsversionen medan du arbetade</h2>
          <p>Dina ändringar är inte sparade men står kvar i formuläret. Det här skiljer din version från den som sparades:</p>
          {conflict.differences.length ? (
            <ul>
              {conflict.differences.map((d) => (
                <li key={d.term}>
                  {d.term}: sparat ”{d.before}”, ditt förslag ”{d.after}”
                </li>
              ))}
            </ul>
          ) : null}
          {conflict.textChanged ? (
            <details>
              <summary>Avtalstexten som sparades</summary>
              <pre className="pre">{conflict.theirText}</pre>
            </details>
          ) : null}
        </div>
      ) : null}
      <VersionForm values={actionData?.values ?? values} errors={actionData?.errors} version={conflict ? conflict.version : version} submitLabel={conflict ? "Spara min version ändå" : "Spara"} />
    </>
  );
}

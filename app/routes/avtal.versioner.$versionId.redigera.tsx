import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { loadAgreementOf } from "~/auth/agreement-access.server";
import { notFound } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ConflictNotice, conflictOf } from "~/components/conflict-notice";
import { VersionForm } from "~/components/version-form";
import { termDifferences } from "~/domain/agreement-version";
import { withCollaboration } from "~/domain/collaboration";
import { todayInStockholm } from "~/domain/format";
import { versionSchema } from "~/forms/agreement";
import { approvalOfVersion } from "~/models/agreement-approvals.server";
import { versionToInput } from "~/models/agreement-form.server";
import { agreementById, getVersion, partiesOf, updateVersion } from "~/models/agreements.server";
import { parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { idParam } from "~/utils/params";
import { redirectWithStatus } from "~/utils/flash.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Ändra avtalsversion – Samverkansportalen" }];

async function load(request: Request, versionId: string | undefined) {
  const target = getVersion(idParam(versionId));
  const agreement = target ? agreementById(target.agreementId) : undefined;
  if (!target || !agreement) throw notFound("Avtalsversionen finns inte.");
  const access = await loadAgreementOf(request, agreement.collaborationId, true);
  return { ...access, target };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { target, collaboration } = await load(request, params.versionId);
  return {
    slug: collaboration.slug,
    id: target.id,
    label: target.label,
    version: target.version,
    defaults: versionToInput(target),
    organisations: partiesOf(collaboration.id).map((p) => ({ id: p.organisationId, name: p.name, kind: p.kind })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, target, collaboration } = await load(request, params.versionId);
  const submission = parseForm(await readForm(request), versionSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const { terms, principals, version } = submission.value;
  const parties = new Set(partiesOf(collaboration.id).map((p) => p.organisationId));
  if (principals.some((p) => !parties.has(p.organisationId)))
    return rejectForm(submission, { formErrors: ["En huvudman måste vara part i samverkan."] });
  if (terms.adoptedOn && !target.adoptedOn) {
    const approval = approvalOfVersion(target.id, collaboration.id, todayInStockholm(), viewer?.actor ?? null);
    if (approval.registered && !approval.state.allApproved)
      return rejectForm(submission, {
        fieldErrors: {
          adoptedOn: [
            `Versionen kan inte vara antagen förrän alla parter har godkänt den. Godkännande saknas från: ${approval.state.missing.join(", ")}.`,
          ],
        },
      });
  }
  const saved = updateVersion(viewer!.user.id, target.id, version ?? 0, terms, principals);
  if (!saved.ok) {
    const theirs = saved.conflict;
    // Each term that differs, as saved by the other person and as the user wrote it.
    const rows: [string, string, string][] = termDifferences(theirs, terms).map((d) => [d.term, d.before, d.after]);
    const normalised = (a: string) => a.replace(/\r\n/g, "\n").trim();
    if (normalised(theirs.text) !== normalised(terms.text))
      rows.push(["Avtalstext", "Annan text än din", "Din text, kvar i formuläret"]);
    return rejectConflict(submission, { rows }, theirs.version);
  }
  return redirectWithStatus(
    withCollaboration(`/avtal/versioner/${target.id}`, collaboration.slug),
    "Avtalsversionen är sparad.",
  );
}

export default function EditVersion() {
  const { id, label, version, defaults, organisations, slug } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const conflict = conflictOf<{ rows: [string, string, string][] }>(lastResult);
  const to = (href: string) => withCollaboration(href, slug);
  return (
    <>
      <Breadcrumbs
        trail={[
          [to("/avtal"), "Avtal"],
          [to(`/avtal/versioner/${id}`), label],
        ]}
        current="Ändra"
      />
      <h1>Ändra {label}</h1>
      {conflict ? <ConflictNotice what="avtalsversionen" rows={conflict.theirs.rows} /> : null}
      <VersionForm
        defaults={defaults}
        lastResult={lastResult}
        version={conflict?.version ?? version}
        organisations={organisations}
        submitLabel="Spara"
      />
    </>
  );
}

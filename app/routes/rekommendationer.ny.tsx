import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { collaborationFor } from "~/auth/collaboration.server";
import { queryParam } from "~/auth/recommendation-access.server";
import { requireViewerWith } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { DraftForm } from "~/components/recommendation-form";
import { todayInStockholm } from "~/domain/format";
import { draftSchema } from "~/forms/recommendation";
import { getDecision } from "~/models/decisions.server";
import { checkDraft, draftOptions, DRAFT_MATTER_SEARCH } from "~/models/recommendation-draft.server";
import { choiceSearchFrom, chosenId } from "~/domain/choices";
import { createDraft } from "~/models/recommendations.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { carriedForm, parseForm, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Ny rekommendation – Samverkansportalen" }];

/** `?beslut=<id>`: drafted from a decision in the register; its text is the starting point. */
function decisionFrom(request: Request) {
  const id = Number(queryParam(request, "beslut"));
  return Number.isSafeInteger(id) && id > 0 ? getDecision(id) : undefined;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:decisions");
  const collaboration = collaborationFor(request, viewer.actor);
  const url = new URL(request.url);
  const options = draftOptions(collaboration.id, todayInStockholm(), {
    search: choiceSearchFrom(url.searchParams, DRAFT_MATTER_SEARCH),
    chosen: chosenId(url.searchParams.get("matterId")) ?? decisionFrom(request)?.matterId ?? null,
  });
  const decision = decisionFrom(request);
  return {
    collaborationName: collaboration.name,
    options,
    carried: carriedForm(url),
    decision: decision ? { id: decision.id, title: decision.title } : null,
    defaults: {
      title: decision?.title ?? "",
      ask: decision?.text ?? "",
      summary: "",
      answerDeadline: "",
      costYear: "",
      isPublic: true,
      matterId: decision?.matterId ? String(decision.matterId) : "",
      agreementVersionId: "",
      parties: options.parties.map((p) => ({ organisationId: p.id, name: p.name, asked: true, deadline: "" })),
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:decisions");
  const collaboration = collaborationFor(request, viewer.actor);
  const submission = parseForm(await readForm(request), draftSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const checked = checkDraft(submission.value, draftOptions(collaboration.id, todayInStockholm(), { search: "" }));
  if (!checked.ok) return rejectForm(submission, { fieldErrors: checked.fieldErrors });
  const rec = createDraft(viewer.user.id, collaboration.id, checked.value);
  // From a decision in the register: go on to link it as the deciding §.
  const decision = decisionFrom(request);
  return redirectWithStatus(
    decision ? `/rekommendationer/${rec.id}/beslut?beslut=${decision.id}` : `/rekommendationer/${rec.id}`,
    "Utkastet är sparat.",
  );
}

export default function NewRecommendation() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs trail={[["/rekommendationer", "Rekommendationer"]]} current="Ny" />
      <h1>Ny rekommendation till parterna</h1>
      <p>
        Ett utkast för {d.collaborationName}. Bara samordnaren ser det tills det är kopplat till den justerade paragraf
        som beslutade det och skickat till parterna.
        {d.decision ? ` Texten är hämtad från beslutet ”${d.decision.title}”.` : ""}
      </p>
      <DraftForm
        defaults={d.defaults}
        lastResult={useActionData<typeof action>() ?? d.carried}
        keep={["beslut"]}
        matters={d.options.matters}
        agreementVersions={d.options.agreementVersions}
        submitLabel="Spara utkastet"
      />
    </>
  );
}

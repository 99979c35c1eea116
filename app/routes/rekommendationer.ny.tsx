import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireViewerWith } from "~/auth/session.server";
import { controlProps, ErrorSummary, Field } from "~/components/forms";
import { todayInStockholm } from "~/domain/format";
import { partiesToAsk, validateRecommendation, type RecommendationInput } from "~/domain/recommendations";
import { defaultCollaborationId, partiesOf } from "~/models/agreements.server";
import { getDecision } from "~/models/decisions.server";
import { listMatters } from "~/models/matters.server";
import { createRecommendation } from "~/models/recommendations.server";

export const meta: MetaFunction = () => [{ title: "Ny rekommendation – Samverkansportalen" }];

function context() {
  const collaborationId = defaultCollaborationId()!;
  const parties = partiesOf(collaborationId);
  const askable = partiesToAsk(parties, todayInStockholm());
  return { collaborationId, parties: parties.filter((p) => askable.includes(p.organisationId)).map((p) => ({ id: p.organisationId, name: p.name })), askable };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewerWith(request, "manage:decisions");
  const { collaborationId, parties } = context();
  const decisionId = Number(new URL(request.url).searchParams.get("beslut")) || null;
  const decision = decisionId ? getDecision(decisionId) : undefined;
  return {
    parties,
    matters: listMatters(collaborationId).map((m) => ({ id: m.id, label: `${m.registryNumber} ${m.title}` })),
    decision: decision ? { id: decision.id, title: decision.title, text: decision.text, matterId: decision.matterId } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:decisions");
  const { collaborationId, askable } = context();
  const form = await request.formData();
  const input: RecommendationInput = {
    title: String(form.get("title") ?? ""),
    summary: String(form.get("summary") ?? ""),
    ask: String(form.get("ask") ?? ""),
    answerDeadline: String(form.get("answerDeadline") ?? "").trim(),
    isPublic: form.get("isPublic") === "1",
    organisationIds: form.getAll("organisationIds").map(String),
  };
  const result = validateRecommendation(input, askable);
  if (!result.ok) return data({ errors: result.errors as Record<string, string>, values: input }, { status: 400 });
  const rec = createRecommendation(viewer.user.id, collaborationId, {
    ...result.value,
    decisionId: Number(form.get("decisionId")) || null,
    matterId: Number(form.get("matterId")) || null,
  });
  return redirect(`/rekommendationer/${rec.id}`);
}

export default function NewRecommendation() {
  const { parties, matters, decision } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const v = a?.values;
  const checked = (id: number) => (v ? v.organisationIds.includes(String(id)) : true);
  return (
    <>
      <Breadcrumbs trail={[["/rekommendationer", "Rekommendationer"]]} current="Ny" />
      <h1>Ny rekommendation till parterna</h1>
      {decision ? <p>Från beslutet ”{decision.title}”.</p> : null}
      <ErrorSummary errors={a?.errors} />
      <Form method="post" className="stack" noValidate>
        {decision ? <input type="hidden" name="decisionId" value={decision.id} /> : null}
        <Field name="title" label="Rubrik" defaultValue={v?.title ?? decision?.title} error={a?.errors.title} required />
        <Field name="ask" label="Vad varje part ska besluta" error={a?.errors.ask} required>
          <textarea {...controlProps("ask", a?.errors.ask)} defaultValue={v?.ask ?? decision?.text ?? ""} rows={3} />
        </Field>
        <Field name="summary" label="Vad föreslås och varför" hint="Markdown, klarspråk för politiker." error={a?.errors.summary}>
          <textarea {...controlProps("summary", a?.errors.summary, "x")} defaultValue={v?.summary ?? ""} rows={8} />
        </Field>
        <Field name="answerDeadline" label="Sista svarsdag" hint="ÅÅÅÅ-MM-DD" defaultValue={v?.answerDeadline} error={a?.errors.answerDeadline} required />
        <Field name="matterId" label="Ärende">
          <select {...controlProps("matterId")} defaultValue={decision?.matterId ?? ""}>
            <option value="">Inget ärende</option>
            {matters.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="field" aria-describedby={a?.errors.organisationIds ? "f-organisationIds-error" : undefined}>
          <legend>Parter som tillfrågas</legend>
          {parties.map((p) => (
            <label key={p.id} className="choice">
              <input type="checkbox" name="organisationIds" value={p.id} defaultChecked={checked(p.id)} /> {p.name}
            </label>
          ))}
          {a?.errors.organisationIds ? (
            <p className="field-error" id="f-organisationIds-error">
              {a.errors.organisationIds}
            </p>
          ) : null}
        </fieldset>
        <label className="choice">
          <input type="checkbox" name="isPublic" value="1" defaultChecked={v ? v.isPublic : true} /> Offentlig (kan läsas utan inloggning)
        </label>
        <div className="actions">
          <button type="submit" className="button">
            Skicka till parterna
          </button>
        </div>
      </Form>
    </>
  );
}

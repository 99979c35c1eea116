import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireViewerWith } from "~/auth/session.server";
import { controlProps, ErrorSummary, Field } from "~/components/forms";
import { parseIsoDate } from "~/domain/calendar-dates";
import { defaultCollaborationId } from "~/models/agreements.server";
import { listBodies } from "~/models/bodies.server";
import { createDecision, paragraphTaken } from "~/models/decisions.server";
import { listMatters } from "~/models/matters.server";

export const meta: MetaFunction = () => [{ title: "Lägg in beslut – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewerWith(request, "manage:decisions");
  return {
    bodies: listBodies().map((b) => ({ id: b.id, name: b.name })),
    matters: listMatters(defaultCollaborationId()!).map((m) => ({ id: m.id, label: `${m.registryNumber} ${m.title}` })),
  };
}

const KINDS = ["beslut", "uppdrag", "rekommendation"] as const;

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:decisions");
  const form = await request.formData();
  const values = Object.fromEntries(["bodyId", "decidedOn", "paragraph", "title", "text", "kind", "matterId", "isPublic"].map((k) => [k, String(form.get(k) ?? "")]));
  const errors: Record<string, string> = {};
  const bodyId = Number(values.bodyId);
  if (!listBodies().some((b) => b.id === bodyId)) errors.bodyId = "Välj organ.";
  if (!parseIsoDate(values.decidedOn)) errors.decidedOn = "Skriv datumet som ÅÅÅÅ-MM-DD.";
  if (!values.title.trim()) errors.title = "Ange en rubrik.";
  if (!values.text.trim()) errors.text = "Skriv beslutet.";
  if (!KINDS.includes(values.kind as (typeof KINDS)[number])) errors.kind = "Välj typ.";
  const paragraph = values.paragraph.trim() ? Number(values.paragraph) : null;
  if (paragraph !== null && (!Number.isInteger(paragraph) || paragraph < 1)) errors.paragraph = "Paragrafen är ett heltal, till exempel 12.";
  else if (paragraph !== null && !errors.decidedOn && !errors.bodyId && paragraphTaken(bodyId, Number(values.decidedOn.slice(0, 4)), paragraph))
    errors.paragraph = `§ ${paragraph} finns redan för organet det året.`;
  if (Object.keys(errors).length) return data({ errors, values }, { status: 400 });
  const row = createDecision(viewer.user.id, {
    bodyId,
    meetingId: null,
    paragraph,
    decidedOn: values.decidedOn,
    matterId: Number(values.matterId) || null,
    title: values.title.trim(),
    text: values.text.trim(),
    kind: values.kind as (typeof KINDS)[number],
    isPublic: values.isPublic === "1",
  });
  return redirect(`/beslut/${row.id}`);
}

export default function NewDecision() {
  const { bodies, matters } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const v = a?.values;
  return (
    <>
      <Breadcrumbs trail={[["/beslut", "Beslutsregister"]]} current="Lägg in beslut" />
      <h1>Lägg in ett beslut i efterhand</h1>
      <p>Beslut från justerade protokoll kommer in i registret av sig själva. Här läggs äldre beslut in.</p>
      <ErrorSummary errors={a?.errors} />
      <Form method="post" className="stack" noValidate>
        <Field name="bodyId" label="Organ" error={a?.errors.bodyId} required>
          <select {...controlProps("bodyId", a?.errors.bodyId)} defaultValue={v?.bodyId}>
            {bodies.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </Field>
        <Field name="decidedOn" label="Datum" hint="ÅÅÅÅ-MM-DD" defaultValue={v?.decidedOn} error={a?.errors.decidedOn} required />
        <Field name="paragraph" label="Paragraf (§)" inputMode="numeric" defaultValue={v?.paragraph} error={a?.errors.paragraph} />
        <Field name="title" label="Rubrik" defaultValue={v?.title} error={a?.errors.title} required />
        <Field name="text" label="Beslut" error={a?.errors.text} required>
          <textarea {...controlProps("text", a?.errors.text)} defaultValue={v?.text ?? ""} rows={4} />
        </Field>
        <Field name="kind" label="Typ" error={a?.errors.kind}>
          <select {...controlProps("kind", a?.errors.kind)} defaultValue={v?.kind ?? "beslut"}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </Field>
        <Field name="matterId" label="Ärende">
          <select {...controlProps("matterId")} defaultValue={v?.matterId ?? ""}>
            <option value="">Inget ärende</option>
            {matters.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </Field>
        <label className="choice">
          <input type="checkbox" name="isPublic" value="1" defaultChecked={v ? v.isPublic === "1" : true} /> Offentligt
        </label>
        <div className="actions">
          <button type="submit" className="button">
            Spara beslutet
          </button>
        </div>
      </Form>
    </>
  );
}

import { Breadcrumbs } from "~/components/breadcrumbs";
import { collaborationFor } from "~/auth/collaboration.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireViewerWith } from "~/auth/session.server";
import {
  CheckboxField,
  FormErrorSummary,
  formProps,
  SelectField,
  TextareaField,
  TextField,
  useSchemaForm,
} from "~/components/forms";
import { DECISION_KINDS, decisionYear } from "~/domain/decisions";
import { newDecisionSchema } from "~/forms/decision";
import { carriedForm, parseForm, rejectForm } from "~/utils/forms.server";
import { listBodies } from "~/models/bodies.server";
import { createDecision, paragraphTaken } from "~/models/decisions.server";
import { isMatterOf, matterChoices } from "~/models/matters.server";
import { choiceSearchFrom, chosenId } from "~/domain/choices";
import { SearchChoiceField } from "~/components/search-choice";
import { redirectWithStatus } from "~/utils/flash.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Lägg in beslut – Samverkansportalen" }];

/** The search beside the matter field (choose by searching). */
const MATTER_SEARCH = "sok-arende";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:decisions");
  const url = new URL(request.url);
  return {
    bodies: listBodies().map((b) => ({ id: b.id, name: b.name })),
    matters: matterChoices([collaborationFor(request, viewer.actor).id], {
      param: MATTER_SEARCH,
      search: choiceSearchFrom(url.searchParams, MATTER_SEARCH),
      chosen: chosenId(url.searchParams.get("matterId")),
    }),
    carried: carriedForm(url),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:decisions");
  const submission = parseForm(await readForm(request), newDecisionSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const value = submission.value;
  if (!listBodies().some((b) => b.id === value.bodyId))
    return rejectForm(submission, { fieldErrors: { bodyId: ["Välj organ."] } });
  if (value.matterId !== null && !isMatterOf([collaborationFor(request, viewer.actor).id], value.matterId))
    return rejectForm(submission, { fieldErrors: { matterId: ["Välj ett ärende i listan."] } });
  if (value.paragraph !== null && paragraphTaken(value.bodyId, decisionYear(value.decidedOn), value.paragraph))
    return rejectForm(submission, {
      fieldErrors: { paragraph: [`§ ${value.paragraph} finns redan för organet det året.`] },
    });
  const row = createDecision(viewer.user.id, { ...value, meetingId: null });
  return redirectWithStatus(`/beslut/${row.id}`, "Beslutet är registrerat.");
}

export default function NewDecision() {
  const { bodies, matters, carried } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(newDecisionSchema, {
    lastResult: useActionData<typeof action>() ?? carried,
    defaultValue: { isPublic: "on", kind: "beslut" },
  });
  return (
    <>
      <Breadcrumbs trail={[["/beslut", "Beslutsregister"]]} current="Lägg in beslut" />
      <h1>Lägg in ett beslut i efterhand</h1>
      <p>Beslut från justerade protokoll kommer in i registret av sig själva. Här läggs äldre beslut in.</p>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <SelectField
          field={fields.bodyId}
          label="Organ"
          options={bodies.map((b) => ({ value: b.id, label: b.name }))}
        />
        <TextField field={fields.decidedOn} label="Datum" hint="ÅÅÅÅ-MM-DD" />
        <TextField field={fields.paragraph} label="Paragraf (§)" inputMode="numeric" />
        <TextField field={fields.title} label="Rubrik" />
        <TextareaField field={fields.text} label="Beslut" />
        <SelectField field={fields.kind} label="Typ" options={DECISION_KINDS.map((k) => ({ value: k, label: k }))} />
        <SearchChoiceField
          field={fields.matterId}
          label="Ärende"
          emptyOption="Inget ärende"
          searchLabel="Sök ärende"
          searchHint="Diarienummer eller ord ur ärendets rubrik."
          choices={matters}
        />
        <CheckboxField field={fields.isPublic} label="Offentligt" />
        <div className="actions">
          <button type="submit" className="button">
            Spara beslutet
          </button>
        </div>
      </Form>
    </>
  );
}

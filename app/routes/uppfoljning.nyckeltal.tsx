import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { collaborationFor } from "~/auth/collaboration.server";
import { requireViewerWith } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ConflictNotice, conflictOf, SaveButton } from "~/components/conflict-notice";
import { CheckboxField, FormErrorSummary, formProps, SelectField, TextField, useSchemaForm } from "~/components/forms";
import { withCollaboration } from "~/domain/collaboration";
import { KEY_FIGURE_UNIT_LABEL, KEY_FIGURE_UNITS, type KeyFigureUnit } from "~/domain/key-figures";
import { keyFigureDefinitionSchema } from "~/forms/collaboration";
import {
  addDefinition,
  definitionLabelTaken,
  definitionsOf,
  deleteDefinition,
  getDefinition,
  nextDefinitionPosition,
  updateDefinition,
} from "~/models/key-figures.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { pageTitle } from "~/utils/page-title";
import { parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Nyckeltal att följa") }];

const [addSchema, updateSchema] = keyFigureDefinitionSchema.options;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:key-figures");
  const collaboration = collaborationFor(request, viewer.actor);
  return {
    collaboration: { id: collaboration.id, slug: collaboration.slug, name: collaboration.name },
    definitions: definitionsOf(collaboration.id),
    nextPosition: nextDefinitionPosition(collaboration.id),
  };
}

type Theirs = { label: string; unit: KeyFigureUnit; sumGroup: string; chart: boolean; position: number };

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:key-figures");
  const collaboration = collaborationFor(request, viewer.actor);
  const back = withCollaboration("/uppfoljning/nyckeltal", collaboration.slug);
  const submission = parseForm(await readForm(request), keyFigureDefinitionSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const value = submission.value;
  if (value.intent === "add") {
    const { intent: _intent, ...fields } = value;
    if (definitionLabelTaken(collaboration.id, fields.label))
      return rejectForm(submission, { fieldErrors: { label: ["Det finns redan ett nyckeltal med det namnet."] } });
    addDefinition(viewer.user.id, collaboration.id, fields);
    return redirectWithStatus(back, "Nyckeltalet är tillagt.");
  }
  // The definition must be one of this collaboration's: the URL names the collaboration.
  const definition = getDefinition(value.definitionId);
  if (!definition || definition.collaborationId !== collaboration.id)
    return rejectForm(submission, { formErrors: ["Nyckeltalet finns inte i denna samverkan."] });
  if (value.intent === "delete") {
    deleteDefinition(viewer.user.id, definition.id);
    return redirectWithStatus(back, "Nyckeltalet är borttaget.");
  }
  const { intent: _intent, definitionId: _id, version, ...fields } = value;
  if (definitionLabelTaken(collaboration.id, fields.label, definition.id))
    return rejectForm(submission, { fieldErrors: { label: ["Det finns redan ett nyckeltal med det namnet."] } });
  const saved = updateDefinition(viewer.user.id, definition.id, version, fields);
  if (!saved.ok) {
    const d = saved.conflict;
    const theirs: Theirs = {
      label: d.label,
      unit: d.unit,
      sumGroup: d.sumGroup,
      chart: d.chart,
      position: d.position,
    };
    return rejectConflict(submission, theirs, d.version);
  }
  return redirectWithStatus(back, "Nyckeltalet är sparat.");
}

type Definition = ReturnType<typeof useLoaderData<typeof loader>>["definitions"][number];

function DefinitionFields({ fields }: { fields: ReturnType<typeof useSchemaForm<typeof addSchema>>[1] }) {
  return (
    <>
      <TextField field={fields.label} label="Namn" hint="Till exempel Antal kontakter." />
      <SelectField
        field={fields.unit}
        label="Enhet"
        options={KEY_FIGURE_UNITS.map((u) => ({ value: u, label: KEY_FIGURE_UNIT_LABEL[u] }))}
      />
      <TextField
        field={fields.sumGroup}
        label="Grupp för andelar"
        hint="Andelar med samma grupp kan tillsammans vara högst 100 %, till exempel kön."
      />
      <TextField field={fields.position} label="Ordning" inputMode="numeric" />
      <CheckboxField field={fields.chart} label="Visa som diagram per år" />
    </>
  );
}

function EditDefinition({ definition, lastResult }: { definition: Definition; lastResult: unknown }) {
  const own =
    (lastResult as { initialValue?: Record<string, unknown> } | undefined)?.initialValue?.definitionId ===
    String(definition.id);
  const conflict = own ? conflictOf<Theirs>(lastResult) : null;
  const typed = own ? ((lastResult as { initialValue: Record<string, string> }).initialValue ?? {}) : {};
  const [form, fields] = useSchemaForm(updateSchema, {
    id: `nyckeltal-${definition.id}`,
    lastResult: own ? (lastResult as never) : null,
    defaultValue: {
      label: definition.label,
      unit: definition.unit,
      sumGroup: definition.sumGroup,
      chart: definition.chart ? "on" : undefined,
      position: String(definition.position),
    },
  });
  return (
    <li className="card">
      <h3>{definition.label}</h3>
      {conflict ? (
        <ConflictNotice
          what="nyckeltalet"
          rows={[
            ["Namn", conflict.theirs.label, typed.label ?? ""],
            ["Enhet", KEY_FIGURE_UNIT_LABEL[conflict.theirs.unit], typed.unit ?? ""],
            ["Grupp för andelar", conflict.theirs.sumGroup, typed.sumGroup ?? ""],
            ["Ordning", String(conflict.theirs.position), typed.position ?? ""],
          ]}
        />
      ) : null}
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <input type="hidden" name="definitionId" value={definition.id} />
        <input type="hidden" name={fields.version.name} value={conflict?.version ?? definition.version} />
        <input type="hidden" name="intent" value="update" />
        <DefinitionFields fields={fields as never} />
        <SaveButton afterConflict={Boolean(conflict)} />
      </Form>
      <Form method="post" className="actions">
        <input type="hidden" name="definitionId" value={definition.id} />
        <button
          type="submit"
          name="intent"
          value="delete"
          className="button button--danger"
          aria-label={`Ta bort nyckeltalet ${definition.label}`}
        >
          Ta bort
        </button>
      </Form>
    </li>
  );
}

export default function KeyFigureDefinitions() {
  const { collaboration, definitions, nextPosition } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const isAdd = (lastResult?.initialValue as Record<string, unknown> | undefined)?.intent === "add";
  const [form, fields] = useSchemaForm(addSchema, {
    id: "nytt",
    lastResult: isAdd ? lastResult : null,
    defaultValue: { unit: "antal", position: String(nextPosition) },
  });
  return (
    <>
      <Breadcrumbs
        trail={[[withCollaboration("/uppfoljning", collaboration.slug), "Uppföljning"]]}
        current="Nyckeltal att följa"
      />
      <h1>Nyckeltal som {collaboration.name} följer</h1>
      <p>
        Varje samverkan bestämmer sina egna nyckeltal. Att ta bort ett nyckeltal tar bort dess värden för alla år
        (händelseloggen behåller dem).
      </p>
      <ul className="cards">
        {definitions.map((d) => (
          <EditDefinition key={d.id} definition={d} lastResult={lastResult} />
        ))}
      </ul>
      <section aria-labelledby="nytt-nyckeltal">
        <h2 id="nytt-nyckeltal">Nytt nyckeltal</h2>
        <FormErrorSummary form={form} />
        <Form method="post" className="stack" {...formProps(form)}>
          <input type="hidden" name="intent" value="add" />
          <DefinitionFields fields={fields} />
          <div className="actions">
            <button type="submit" className="button">
              Lägg till nyckeltalet
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { notFound, requireViewerWith } from "~/auth/session.server";
import { BodyFields } from "~/components/body-fields";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ConflictNotice, conflictOf, SaveButton } from "~/components/conflict-notice";
import { MoveButtons } from "~/components/move-buttons";
import { FormErrorSummary, formProps, SelectField, TextField, useSchemaForm } from "~/components/forms";
import { AGENDA_ITEM_KINDS } from "~/domain/meetings";
import { editBodySchema, standardItemSchema } from "~/forms/collaboration";
import {
  addStandardItem,
  bodyKindsInUse,
  bodySlugTaken,
  getBody,
  moveStandardItem,
  removeStandardItem,
  standardItemsOf,
  updateBody,
} from "~/models/bodies.server";
import { listCollaborations } from "~/models/collaborations.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { pageTitle } from "~/utils/page-title";
import { idParam } from "~/utils/params";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Ändra organ") }];

const saveSchema = editBodySchema.extend({ intent: z.literal("save") });
const addItemSchema = standardItemSchema.options[0];
const actionSchema = z.discriminatedUnion("intent", [saveSchema, ...standardItemSchema.options]);

function load(id: string | undefined) {
  const body = getBody(idParam(id));
  if (!body) throw notFound("Organet finns inte.");
  return body;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireViewerWith(request, "manage:collaborations");
  const body = load(params.bodyId);
  return {
    body,
    items: standardItemsOf(body.id),
    collaborations: listCollaborations().map((c) => ({ id: c.id, name: c.name })),
    kinds: bodyKindsInUse(),
  };
}

type Theirs = {
  name: string;
  shortName: string;
  kind: string;
  collaborations: string;
  publicRecords: boolean;
  appealable: boolean;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:collaborations");
  const body = load(params.bodyId);
  const submission = parseForm(await readForm(request), actionSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const value = submission.value;
  switch (value.intent) {
    case "add-item":
      addStandardItem(viewer.user.id, body.id, { title: value.title, kind: value.kind });
      return redirectWithStatus(`/organ/${body.id}/redigera#staende-punkter`, "Punkten är tillagd.");
    case "remove-item":
      removeStandardItem(viewer.user.id, body.id, value.itemId);
      return redirectWithStatus(`/organ/${body.id}/redigera#staende-punkter`, "Punkten är borttagen.");
    case "move-up":
    case "move-down":
      moveStandardItem(viewer.user.id, body.id, value.itemId, value.intent === "move-up" ? "up" : "down");
      return redirectWithStatus(`/organ/${body.id}/redigera#staende-punkter`, "Punkten är flyttad.");
    case "save": {
      const { intent: _intent, version, collaborationIds, ...fields } = value;
      const all = listCollaborations();
      if (!collaborationIds.every((id) => all.some((c) => c.id === id)))
        return rejectForm(submission, { fieldErrors: { collaborationIds: ["Välj samverkan i listan."] } });
      if (bodySlugTaken(fields.slug, body.id))
        return rejectForm(submission, { fieldErrors: { slug: [`Kortnamnet ${fields.slug} används redan.`] } });
      const saved = updateBody(viewer.user.id, body.id, version, fields, collaborationIds);
      if (!saved.ok) {
        const b = saved.conflict;
        const theirs: Theirs = {
          name: b.name,
          shortName: b.shortName,
          kind: b.kind,
          collaborations: all
            .filter((c) => b.collaborationIds.includes(c.id))
            .map((c) => c.name)
            .join(", "),
          publicRecords: b.publicRecords,
          appealable: b.appealable,
        };
        return rejectConflict(submission, theirs, b.version);
      }
      return redirectWithStatus(`/organ/${body.id}`, "Organet är sparat.");
    }
  }
}

export default function EditBody() {
  const { body, items, collaborations, kinds } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const intent = (lastResult?.initialValue as Record<string, unknown> | undefined)?.intent;
  const conflict = conflictOf<Theirs>(lastResult);
  const typed = (lastResult?.initialValue ?? {}) as Record<string, string | string[] | undefined>;
  const [form, fields] = useSchemaForm(saveSchema, {
    lastResult: intent === "save" ? lastResult : null,
    defaultValue: {
      name: body.name,
      shortName: body.shortName,
      slug: body.slug,
      kind: body.kind,
      description: body.description,
      collaborationIds: body.collaborations.map((c) => String(c.id)),
      publicRecords: body.publicRecords ? "on" : undefined,
      appealable: body.appealable ? "on" : undefined,
      proposalDeadlineDays: String(body.proposalDeadlineDays),
      version: String(body.version),
    },
  });
  const [itemForm, itemFields] = useSchemaForm(addItemSchema, {
    id: "punkt",
    lastResult: intent === "add-item" ? lastResult : null,
    defaultValue: { kind: "information" },
  });
  const typedCollaborations = [typed.collaborationIds ?? []]
    .flat()
    .map((id) => collaborations.find((c) => String(c.id) === id)?.name ?? id)
    .join(", ");
  return (
    <>
      <Breadcrumbs
        trail={[
          ["/organ", "Organ"],
          [`/organ/${body.id}`, body.shortName],
        ]}
        current="Ändra"
      />
      <h1>Ändra {body.name}</h1>
      {conflict ? (
        <ConflictNotice
          what="organet"
          rows={[
            ["Namn", conflict.theirs.name, String(typed.name ?? "")],
            ["Kort namn", conflict.theirs.shortName, String(typed.shortName ?? "")],
            ["Typ av organ", conflict.theirs.kind, String(typed.kind ?? "")],
            ["Arbetar för", conflict.theirs.collaborations, typedCollaborations],
            ["Allmänna handlingar", conflict.theirs.publicRecords ? "ja" : "nej", typed.publicRecords ? "ja" : "nej"],
            ["Besluten kan överklagas", conflict.theirs.appealable ? "ja" : "nej", typed.appealable ? "ja" : "nej"],
          ]}
        />
      ) : null}
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <input type="hidden" name={fields.version.name} value={conflict?.version ?? body.version} />
        <input type="hidden" name="intent" value="save" />
        <BodyFields fields={fields} collaborations={collaborations} kinds={kinds} />
        <SaveButton afterConflict={Boolean(conflict)} />
      </Form>

      <section aria-labelledby="staende-punkter">
        <h2 id="staende-punkter">Stående punkter på dagordningen</h2>
        <p>Varje nytt möte för {body.shortName} börjar med dessa punkter, i denna ordning.</p>
        <ol className="standard-items">
          {items.map((item, i) => (
            <li key={item.id}>
              <span>
                {item.title} <span className="muted">({item.kind})</span>
              </span>
              <Form method="post" className="inline-actions">
                <input type="hidden" name="itemId" value={item.id} />
                <MoveButtons
                  title={item.title}
                  index={i}
                  count={items.length}
                  up={{ name: "intent", value: "move-up" }}
                  down={{ name: "intent", value: "move-down" }}
                />
                <button
                  type="submit"
                  name="intent"
                  value="remove-item"
                  className="button button--danger button--small"
                  aria-label={`Ta bort ${item.title}`}
                >
                  Ta bort
                </button>
              </Form>
            </li>
          ))}
        </ol>
        <h3>Ny stående punkt</h3>
        <FormErrorSummary form={itemForm} />
        <Form method="post" className="stack" {...formProps(itemForm)}>
          <TextField field={itemFields.title} label="Rubrik" />
          <SelectField
            field={itemFields.kind}
            label="Typ av punkt"
            options={AGENDA_ITEM_KINDS.map((k) => ({ value: k, label: k }))}
          />
          <input type="hidden" name="intent" value="add-item" />
          <div className="actions">
            <button type="submit" className="button">
              Lägg till punkten
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}

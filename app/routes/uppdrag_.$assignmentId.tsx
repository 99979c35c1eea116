import type { SubmissionResult } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { forbidden, notFound, requireViewerWith } from "~/auth/session.server";
import { AssignmentFields } from "~/components/assignment-fields";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ConflictNotice, conflictOf, SaveButton } from "~/components/conflict-notice";
import { DateText, keepUnitsWhole } from "~/components/dates";
import { FormErrorSummary, formProps, SelectField, useSchemaForm } from "~/components/forms";
import {
  dueDateRefusal,
  mayEditAssignment,
  mayUpdateAssignment,
  mayWriteAssignments,
  seesAssignment,
} from "~/domain/assignments";
import { withCollaboration } from "~/domain/collaboration";
import { canReadDecision } from "~/domain/decisions";
import { todayInStockholm } from "~/domain/format";
import { can, type Actor } from "~/domain/policy";
import { ASSIGNMENT_STATUSES, isAssignmentOverdue } from "~/domain/recommendations";
import { assignmentSchema } from "~/forms/assignment";
import {
  assignmentOptions,
  getAssignmentWithNames,
  isAssigneeOf,
  setAssignmentStatus,
  typedPersonOption,
  updateAssignment,
} from "~/models/assignments.server";
import { getCollaboration } from "~/models/collaborations.server";
import { getDecision } from "~/models/decisions.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { carriedForm, parseForm, rejectConflict, rejectForm, versionOfCarried } from "~/utils/forms.server";
import { idParam } from "~/utils/params";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.assignment.title ?? "Uppdrag"} – Samverkansportalen` },
];

/** The assignment, or 404 for one the viewer may not know of (another collaboration's, not theirs). */
function assignmentFor(actor: Actor, assignmentId: string | undefined) {
  const assignment = getAssignmentWithNames(idParam(assignmentId));
  if (!assignment || !seesAssignment(actor, assignment)) throw notFound("Uppdraget finns inte.");
  return assignment;
}

/** The decision that gave the assignment, when the viewer may open it (else it is not named). */
function decisionShownTo(actor: Actor, decisionId: number | null) {
  const decision = decisionId === null ? undefined : getDecision(decisionId);
  return decision && canReadDecision(actor, decision)
    ? { id: decision.id, title: decision.title, decidedOn: decision.decidedOn, bodyName: decision.bodyName }
    : null;
}

/** One assignment: what, who, by when, from which decision; its status and, for the coordinator, an edit form. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewerWith(request, "read:assignments");
  const assignment = assignmentFor(viewer.actor, params.assignmentId);
  const url = new URL(request.url);
  const canEdit = mayEditAssignment(viewer.actor);
  const current = `${assignment.assigneeType}:${assignment.assigneeId}`;
  const carried = canEdit ? carriedForm(url) : null;
  return {
    assignment: { ...assignment, overdue: isAssignmentOverdue(assignment, todayInStockholm()) },
    // The collaboration's list, only for a viewer who may open it: one who holds the assignment
    // from outside the collaboration would be led to a refusal (no dead ends).
    list: can(viewer.actor, "read:assignments", { collaborationId: assignment.collaborationId })
      ? withCollaboration("/uppdrag", getCollaboration(assignment.collaborationId)?.slug ?? "")
      : null,
    decision: decisionShownTo(viewer.actor, assignment.decisionId),
    canUpdate: mayUpdateAssignment(viewer.actor, assignment),
    edit: canEdit
      ? {
          current,
          options: assignmentOptions(assignment.collaborationId, url.searchParams, current),
          carried,
          // After a person search, the version the carried values were typed against.
          version: versionOfCarried(carried, assignment.version),
        }
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "read:assignments");
  // Refuse before reading the form: only the coordinator or someone who may hold an assignment writes here.
  if (!mayWriteAssignments(viewer.actor)) throw forbidden();
  const assignment = assignmentFor(viewer.actor, params.assignmentId);
  const submission = parseForm(await readForm(request), assignmentSchema);
  // Anything but a status change edits what the assignment is: the coordinator's, refused before validation.
  if (submission.payload.intent !== "status" && !mayEditAssignment(viewer.actor)) throw forbidden();
  if (submission.status !== "success") return rejectForm(submission);
  const value = submission.value;
  const here = `/uppdrag/${assignment.id}`;
  if (value.intent === "create") throw notFound("Nya uppdrag skapas under Uppdrag.");
  if (value.intent === "status") {
    if (!mayUpdateAssignment(viewer.actor, assignment))
      throw forbidden("Bara den som har uppdraget, eller samordnaren, kan ändra status.");
    const saved = setAssignmentStatus(viewer.user.id, assignment.id, value.version, value.status);
    if (!saved.ok) return rejectConflict(submission, conflictRow(saved.conflict.id), saved.conflict.version);
    return redirectWithStatus(here, "Uppdragets status är sparad.");
  }
  // A rejected edit names the person it chose, which the reloaded page may no longer offer.
  const typedPerson = typedPersonOption(submission.payload.assignee);
  const decision = assignment.decisionId === null ? undefined : getDecision(assignment.decisionId);
  const fieldErrors = {
    // The options a page offered are never trusted: the assignee exists and belongs to the assignment's collaboration.
    assignee: isAssigneeOf(assignment.collaborationId, value.assignee) ? [] : ["Välj vem som har uppdraget i listan."],
    dueDate: [dueDateRefusal(value.dueDate, decision?.decidedOn ?? null)].filter((m) => m !== null),
  };
  if (fieldErrors.assignee.length || fieldErrors.dueDate.length)
    return withTypedPerson(rejectForm(submission, { fieldErrors }), typedPerson);
  const saved = updateAssignment(viewer.user.id, assignment.id, value.version, value);
  if (!saved.ok)
    return withTypedPerson(
      rejectConflict(submission, conflictRow(saved.conflict.id), saved.conflict.version),
      typedPerson,
    );
  return redirectWithStatus(here, "Uppdraget är sparat.");
}

/** The rejection with the person the form chose beside it (`typedPersonOption`). */
function withTypedPerson<Reply extends object>(
  rejection: { data: Reply; init: ResponseInit | null },
  typedPerson: { id: number; label: string } | null,
) {
  return data({ ...rejection.data, typedPerson }, rejection.init ?? undefined);
}

/** What someone else saved, as the conflict notice shows it (the assignee by name). */
function conflictRow(id: number) {
  const row = getAssignmentWithNames(id)!;
  return {
    title: row.title,
    description: row.description,
    assigneeName: row.assigneeName,
    dueDate: row.dueDate ?? "",
    status: row.status,
  };
}

export default function AssignmentPage() {
  const { assignment: a, list, decision, canUpdate, edit: loaded } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const typed = (reply?.initialValue ?? {}) as Record<string, string | undefined>;
  const conflict = conflictOf<ReturnType<typeof conflictRow>>(reply);
  const statusReply = typed.intent === "status" ? reply : null;
  const editReply = typed.intent === "edit" ? reply : null;
  const edit = withPerson(
    loaded,
    (editReply as { typedPerson?: { id: number; label: string } | null } | null)?.typedPerson,
  );
  return (
    <article>
      <Breadcrumbs trail={list ? [[list, "Uppdrag"]] : []} current={a.title} />
      <h1>{a.title}</h1>
      {a.description ? <p className="pre">{keepUnitsWhole(a.description)}</p> : null}
      <dl className="facts">
        <dt>Ansvarig</dt>
        <dd>{a.assigneeName}</dd>
        <dt>Klart senast</dt>
        <dd>
          {a.dueDate ? <DateText date={a.dueDate} /> : "–"}{" "}
          {a.overdue ? <span className="badge badge--bad">Försenat</span> : null}
        </dd>
        <dt>Status</dt>
        <dd>{a.status}</dd>
        <dt>Från beslut</dt>
        <dd>
          {decision ? (
            <>
              <Link to={`/beslut/${decision.id}`}>{decision.title}</Link> ({decision.bodyName},{" "}
              <DateText date={decision.decidedOn} />)
            </>
          ) : (
            "–"
          )}
        </dd>
        {a.createdByName ? (
          <>
            <dt>Givet av</dt>
            <dd>{a.createdByName}</dd>
          </>
        ) : null}
      </dl>
      {conflict ? (
        <ConflictNotice
          what={`uppdraget ”${conflict.theirs.title}”`}
          rows={
            typed.intent === "status"
              ? [["Status", conflict.theirs.status, typed.status ?? ""]]
              : [
                  ["Uppdrag", conflict.theirs.title, typed.title ?? ""],
                  ["Beskrivning", conflict.theirs.description, typed.description ?? ""],
                  ["Ansvarig", conflict.theirs.assigneeName, assigneeLabel(edit, typed.assignee)],
                  ["Klart senast", conflict.theirs.dueDate, typed.dueDate ?? ""],
                ]
          }
        />
      ) : null}
      {canUpdate ? (
        <StatusForm
          id={a.id}
          version={statusReply && conflict ? conflict.version : a.version}
          status={a.status}
          lastResult={statusReply}
        />
      ) : null}
      {edit ? (
        <EditForm
          id={a.id}
          version={editReply && conflict ? conflict.version : edit.version}
          defaultValue={{
            title: a.title,
            description: a.description,
            assignee: edit.current,
            dueDate: a.dueDate ?? "",
          }}
          edit={edit}
          afterConflict={Boolean(editReply && conflict)}
          lastResult={editReply ?? edit.carried}
        />
      ) : null}
    </article>
  );
}

type Edit = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["edit"]>;

/** The edit's options with the person a rejected save chose, when the reloaded page lacks them. */
function withPerson(edit: Edit | null, person: { id: number; label: string } | null | undefined): Edit | null {
  if (!edit || !person || edit.options.people.options.some((o) => o.id === person.id)) return edit;
  const people = { ...edit.options.people, options: [...edit.options.people.options, person] };
  return { ...edit, options: { ...edit.options, people } };
}

/** The label the assignee field showed for a value the user typed ("body:3"), for the conflict notice. */
function assigneeLabel(edit: Edit | null, value: string | undefined): string {
  if (!edit || !value) return value ?? "";
  const [type, key] = value.split(":");
  const id = Number(key);
  const named =
    type === "body"
      ? edit.options.bodies.find((b) => b.id === id)?.name
      : type === "party"
        ? edit.options.parties.find((p) => p.id === id)?.name
        : edit.options.people.options.find((p) => p.id === id)?.label;
  return named ?? value;
}

function StatusForm({
  id,
  version,
  status,
  lastResult,
}: {
  id: number;
  version: number;
  status: string;
  lastResult: ReturnType<typeof useActionData<typeof action>> | null;
}) {
  const [form, fields] = useSchemaForm(assignmentSchema, { id: "status", lastResult, defaultValue: { status } });
  return (
    <section aria-labelledby="status-rubrik" className="no-print">
      <h2 id="status-rubrik">Status</h2>
      <Form method="post" className="stack" {...formProps(form)}>
        <input type="hidden" name="intent" value="status" />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <SelectField
          field={fields.status}
          label="Status"
          options={ASSIGNMENT_STATUSES.map((s) => ({ value: s, label: s }))}
        />
        <div className="actions">
          <button type="submit" className="button button--secondary">
            Spara status
          </button>
        </div>
      </Form>
    </section>
  );
}

function EditForm({
  id,
  version,
  defaultValue,
  edit,
  afterConflict,
  lastResult,
}: {
  id: number;
  version: number;
  defaultValue: Record<string, string>;
  edit: Edit;
  afterConflict: boolean;
  lastResult: SubmissionResult<string[]> | null;
}) {
  const [form, fields] = useSchemaForm(assignmentSchema, { id: "andra", lastResult, defaultValue });
  return (
    <section aria-labelledby="andra-rubrik" className="no-print">
      <h2 id="andra-rubrik">Ändra uppdraget</h2>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <AssignmentFields fields={fields} options={edit.options} />
        <SaveButton afterConflict={afterConflict} />
      </Form>
    </section>
  );
}

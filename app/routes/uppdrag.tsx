import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { collaborationFor, collaborationToRead } from "~/auth/collaboration.server";
import { withCollaboration } from "~/domain/collaboration";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { forbidden, notFound, requireViewerWith } from "~/auth/session.server";
import { Pagination } from "~/components/pagination";
import { pageRequestFrom } from "~/domain/pagination";
import { ConflictNotice, conflictOf } from "~/components/conflict-notice";
import { FormErrorSummary, formProps, useSchemaForm } from "~/components/forms";
import { assignmentSchema } from "~/forms/assignment";
import { carriedForm, parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { todayInStockholm } from "~/domain/format";
import {
  assignmentViewFrom,
  mayCreateAssignment,
  mayUpdateAssignment,
  seesAssignment,
  mayWriteAssignments,
  decisionOfAssignmentRefusal,
  dueDateRefusal,
} from "~/domain/assignments";
import { ASSIGNMENT_STATUSES, isAssignmentOverdue } from "~/domain/recommendations";
import {
  assignmentOptions,
  createAssignment,
  getAssignment,
  isAssigneeOf,
  pageOfAssignments,
  setAssignmentStatus,
} from "~/models/assignments.server";
import { getDecision } from "~/models/decisions.server";
import { canReadDecision } from "~/domain/decisions";
import type { Actor } from "~/domain/policy";
import { listBodies } from "~/models/bodies.server";
import { AssignmentFields, type AssignmentOptions } from "~/components/assignment-fields";
import { DateText } from "~/components/dates";
import { redirectWithStatus } from "~/utils/flash.server";
import { readForm } from "~/utils/request-body.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Uppdrag – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewerWith(request, "read:assignments");
  const url = new URL(request.url);
  const show = assignmentViewFrom(url.searchParams.get("visa"));
  const today = todayInStockholm();
  const collaboration = collaborationToRead(request, viewer.actor, "read:assignments");
  const page = await pageOfAssignments(viewer.actor, collaboration.id, show, today, pageRequestFrom(url.searchParams));
  const rows = page.items.map((a) => ({
    ...a,
    overdue: isAssignmentOverdue(a, today),
    canUpdate: mayUpdateAssignment(viewer.actor, a),
  }));
  const canCreate = mayCreateAssignment(viewer.actor);
  return {
    // The decision a new assignment comes from (the decision page's link), as the form shows it.
    fromDecision: canCreate
      ? decisionOfNewAssignment(
          // The decision page's link names it; a person search (a GET of the whole form) carries the field.
          url.searchParams.get("beslut") ?? url.searchParams.get("decisionId"),
          viewer.actor,
          collaboration.id,
        )
      : null,
    slug: collaboration.slug,
    show,
    rows,
    page: page.page,
    canCreate,
    options: canCreate ? assignmentOptions(collaboration.id, url.searchParams) : null,
    carried: canCreate ? carriedForm(url) : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "read:assignments");
  // Refuse before reading the form: only the coordinator or someone who may hold an assignment writes here.
  if (!mayWriteAssignments(viewer.actor)) throw forbidden();
  const submission = parseForm(await readForm(request), assignmentSchema);
  // Anything but a status change is a new assignment: the coordinator's, refused before validation.
  if (submission.payload.intent !== "status" && !mayCreateAssignment(viewer.actor)) throw forbidden();
  if (submission.status !== "success") return rejectForm(submission);
  const value = submission.value;
  if (value.intent === "status") {
    const assignment = getAssignment(value.id);
    // One of a collaboration the viewer does not take part in answers as a missing one.
    if (!assignment || !seesAssignment(viewer.actor, assignment)) throw notFound("Uppdraget finns inte.");
    if (!mayUpdateAssignment(viewer.actor, assignment))
      throw forbidden("Bara den som har uppdraget, eller samordnaren, kan ändra status.");
    const saved = setAssignmentStatus(viewer.user.id, assignment.id, value.version, value.status);
    if (!saved.ok)
      return rejectConflict(
        submission,
        { title: saved.conflict.title, status: saved.conflict.status },
        saved.conflict.version,
      );
    return redirectWithStatus("/uppdrag", "Uppdragets status är sparad.");
  }
  if (value.intent === "edit") throw notFound("Uppdraget redigeras på sin egen sida.");
  const collaborationId = collaborationFor(request, viewer.actor).id;
  const decision =
    value.decisionId === null ? null : decisionOfNewAssignment(value.decisionId, viewer.actor, collaborationId);
  if (decision && !decision.ok) return rejectForm(submission, { formErrors: [decision.refusal] });
  const fieldErrors = {
    // The options a page offered are never trusted: the assignee exists and belongs here.
    assignee: isAssigneeOf(collaborationId, value.assignee) ? [] : ["Välj vem som har uppdraget i listan."],
    dueDate: [dueDateRefusal(value.dueDate, decision?.decidedOn ?? null)].filter((m) => m !== null),
  };
  if (fieldErrors.assignee.length || fieldErrors.dueDate.length) return rejectForm(submission, { fieldErrors });
  createAssignment(viewer.user.id, collaborationId, {
    decisionId: decision?.id ?? null,
    title: value.title,
    description: value.description,
    assigneeType: value.assignee.type,
    assigneeId: value.assignee.id,
    dueDate: value.dueDate,
  });
  // Made from a decision's page: back to the decision, where it is now listed.
  return redirectWithStatus(decision ? `/beslut/${decision.id}` : "/uppdrag", "Uppdraget är skapat.");
}

/**
 * The decision a new assignment of the collaboration is to come from, or why it cannot: a
 * decision the viewer may not open answers as a missing one.
 */
function decisionOfNewAssignment(requested: string | number | null, actor: Actor, collaborationId: number) {
  if (requested === null || requested === "") return null;
  const id = Number(requested);
  const found = Number.isSafeInteger(id) && id > 0 ? getDecision(id) : undefined;
  const decision = found && canReadDecision(actor, found) ? found : undefined;
  const refusal = decisionOfAssignmentRefusal(
    decision,
    listBodies(collaborationId).map((b) => b.id),
  );
  // A refused one is still carried by the form (`requested`), so a save is refused for it, not
  // made into an assignment from no decision.
  if (refusal !== null || !decision)
    return { ok: false as const, requested: String(requested), refusal: refusal ?? "Beslutet finns inte." };
  return { ok: true as const, id: decision.id, title: decision.title, decidedOn: decision.decidedOn };
}

export default function Assignments() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const conflict = conflictOf<{ title: string; status: string }>(a);
  const typedStatus = String((a?.initialValue as Record<string, unknown> | undefined)?.status ?? "");
  const filters = [
    ["alla", "Alla"],
    ["mina", "Mina"],
    ["skapade", "Skapade av mig"],
    ["forsenade", "Försenade"],
  ] as const;
  return (
    <>
      <h1>Uppdrag</h1>
      <nav aria-label="Filtrera uppdrag" className="actions no-print">
        {filters.map(([value, label]) => (
          <Link
            key={value}
            to={withCollaboration(`/uppdrag?visa=${value}`, d.slug)}
            aria-current={d.show === value ? "page" : undefined}
          >
            {label}
          </Link>
        ))}
      </nav>
      {conflict ? (
        <ConflictNotice
          what={`uppdraget ”${conflict.theirs.title}”`}
          rows={[["Status", conflict.theirs.status, typedStatus]]}
        />
      ) : null}
      <TableRegion label="Uppdrag">
        <table>
          <thead>
            <tr>
              <th scope="col">Uppdrag</th>
              <th scope="col">Ansvarig</th>
              <th scope="col">Klart senast</th>
              <th scope="col">Status</th>
              <th scope="col">Från beslut</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/uppdrag/${r.id}`}>{r.title}</Link>
                  {r.description ? <div className="muted">{r.description}</div> : null}
                </td>
                <td>{r.assigneeName}</td>
                <td>
                  {r.dueDate ?? "–"} {r.overdue ? <span className="badge badge--bad">Försenat</span> : null}
                </td>
                <td>
                  {r.canUpdate ? (
                    <StatusForm
                      assignment={r}
                      lastResult={lastResultFor(a, (v) => v.intent === "status" && v.id === String(r.id))}
                    />
                  ) : (
                    r.status
                  )}
                </td>
                <td>{r.decisionId ? <Link to={`/beslut/${r.decisionId}`}>{r.decisionTitle}</Link> : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <Pagination page={d.page} label="Sidor i uppdragslistan" noun={["uppdrag", "uppdrag"]} />
      {d.canCreate && d.options ? (
        <section aria-labelledby="nytt-uppdrag" className="no-print">
          <h2 id="nytt-uppdrag">Nytt uppdrag</h2>
          <CreateForm
            options={d.options}
            fromDecision={d.fromDecision}
            lastResult={lastResultFor(a, (v) => v.intent === "create") ?? d.carried}
          />
        </section>
      ) : null}
    </>
  );
}

type Reply = ReturnType<typeof useActionData<typeof action>>;

/** The action's reply belongs to one of the page's forms: the one whose submitted values match. */
function lastResultFor(reply: Reply, matches: (values: Record<string, unknown>) => boolean) {
  return reply && matches((reply.initialValue ?? {}) as Record<string, unknown>) ? reply : null;
}

function StatusForm({
  assignment,
  lastResult,
}: {
  assignment: { id: number; version: number; status: string; title: string };
  lastResult: Reply | null;
}) {
  const [form, fields] = useSchemaForm(assignmentSchema, {
    id: `status-${assignment.id}`,
    lastResult,
    defaultValue: { status: assignment.status },
  });
  const error = form.errors?.[0] ?? fields.status.errors?.[0];
  return (
    <Form method="post" className="inline-form" {...formProps(form)}>
      <input type="hidden" name="intent" value="status" />
      <input type="hidden" name="id" value={assignment.id} />
      <input type="hidden" name="version" value={assignment.version} />
      <label className="visually-hidden" htmlFor={fields.status.id}>
        Status för {assignment.title}
      </label>
      <select
        id={fields.status.id}
        name={fields.status.name}
        defaultValue={assignment.status}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? fields.status.errorId : undefined}
      >
        {ASSIGNMENT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--small button--secondary">
        Spara
      </button>
      {error ? (
        <p className="field-error" id={fields.status.errorId} role="alert">
          {error}
        </p>
      ) : null}
    </Form>
  );
}

function CreateForm({
  options,
  fromDecision,
  lastResult,
}: {
  options: AssignmentOptions;
  fromDecision:
    | { ok: true; id: number; title: string; decidedOn: string }
    | { ok: false; requested: string; refusal: string }
    | null;
  lastResult: Reply | null;
}) {
  const [form, fields] = useSchemaForm(assignmentSchema, { lastResult });
  return (
    <>
      <FormErrorSummary form={form} />
      {fromDecision && !fromDecision.ok ? (
        <p className="notice notice--warn" role="alert">
          {fromDecision.refusal}
        </p>
      ) : null}
      <Form method="post" className="stack" {...formProps(form)}>
        <input type="hidden" name="intent" value="create" />
        {fromDecision && !fromDecision.ok ? (
          <input type="hidden" name="decisionId" value={fromDecision.requested} />
        ) : null}
        {fromDecision?.ok ? (
          <p>
            <input type="hidden" name="decisionId" value={fromDecision.id} />
            Från beslut: <Link to={`/beslut/${fromDecision.id}`}>{fromDecision.title}</Link> (
            <DateText date={fromDecision.decidedOn} />)
          </p>
        ) : null}
        <AssignmentFields fields={fields} options={options} />
        <div className="actions">
          <button type="submit" className="button">
            Skapa uppdrag
          </button>
        </div>
      </Form>
    </>
  );
}

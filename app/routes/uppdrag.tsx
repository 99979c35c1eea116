import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { forbidden, requireViewerWith } from "~/auth/session.server";
import { controlProps, ErrorSummary, Field } from "~/components/forms";
import { parseIsoDate } from "~/domain/calendar-dates";
import { todayInStockholm } from "~/domain/format";
import { can } from "~/domain/policy";
import { ASSIGNMENT_STATUSES, isAssignmentOverdue, type AssignmentStatus } from "~/domain/recommendations";
import { defaultCollaborationId } from "~/models/agreements.server";
import { createAssignment, getAssignment, isAssignee, listAssignments, setAssignmentStatus } from "~/models/assignments.server";
import { listBodies } from "~/models/bodies.server";
import { listOrganisations } from "~/models/organisations.server";
import { listPeople } from "~/models/people.server";

export const meta: MetaFunction = () => [{ title: "Uppdrag – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewerWith(request, "read:assignments");
  const url = new URL(request.url);
  const show = url.searchParams.get("visa") ?? "alla";
  const today = todayInStockholm();
  const all = listAssignments(defaultCollaborationId()!).map((a) => ({
    ...a,
    overdue: isAssignmentOverdue(a, today),
    mine: isAssignee(a, viewer.actor),
    canUpdate: can(viewer.actor, "update:assignment", { assignee: isAssignee(a, viewer.actor) }),
  }));
  const rows = all.filter((a) => (show === "mina" ? a.mine : show === "skapade" ? a.createdBy === viewer.user.id : show === "forsenade" ? a.overdue : true));
  const canCreate = can(viewer.actor, "manage:decisions");
  return {
    show,
    rows,
    canCreate,
    options: canCreate
      ? { people: listPeople().map((p) => ({ id: p.id, name: p.name })), bodies: listBodies().map((b) => ({ id: b.id, name: b.name })), parties: listOrganisations().map((o) => ({ id: o.id, name: o.name })) }
      : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "read:assignments");
  const form = await request.formData();
  if (form.get("intent") === "status") {
    const assignment = getAssignment(Number(form.get("id")));
    if (!assignment) throw new Response("Uppdraget finns inte.", { status: 404 });
    if (!can(viewer.actor, "update:assignment", { assignee: isAssignee(assignment, viewer.actor) })) throw forbidden("Bara den som har uppdraget, eller samordnaren, kan ändra status.");
    const status = String(form.get("status"));
    if (!ASSIGNMENT_STATUSES.includes(status as AssignmentStatus)) throw new Response("Okänd status.", { status: 400 });
    if (!setAssignmentStatus(viewer.user.id, assignment.id, Number(form.get("version")), status as AssignmentStatus))
      return data({ errors: { status: "Någon annan har ändrat uppdraget under tiden. Läs in sidan igen." } as Record<string, string>, values: {} as Record<string, string> }, { status: 409 });
    return redirect("/uppdrag");
  }
  if (!can(viewer.actor, "manage:decisions")) throw forbidden();
  const values = Object.fromEntries(["title", "description", "assignee", "dueDate"].map((k) => [k, String(form.get(k) ?? "")]));
  const errors: Record<string, string> = {};
  if (!values.title.trim()) errors.title = "Ange vad uppdraget gäller.";
  const [type, id] = values.assignee.split(":");
  if (!["person", "body", "party"].includes(type) || !Number(id)) errors.assignee = "Välj vem som har uppdraget.";
  if (values.dueDate && !parseIsoDate(values.dueDate)) errors.dueDate = "Skriv datumet som ÅÅÅÅ-MM-DD.";
  if (Object.keys(errors).length) return data({ errors, values }, { status: 400 });
  createAssignment(viewer.user.id, defaultCollaborationId()!, {
    decisionId: null,
    title: values.title.trim(),
    description: values.description.trim(),
    assigneeType: type as "person" | "body" | "party",
    assigneeId: Number(id),
    dueDate: values.dueDate || null,
  });
  return redirect("/uppdrag");
}

export default function Assignments() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
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
          <Link key={value} to={`/uppdrag?visa=${value}`} aria-current={d.show === value ? "page" : undefined}>
            {label}
          </Link>
        ))}
      </nav>
      {a?.errors.status ? (
        <p className="notice notice--error" role="alert">
          {a.errors.status}
        </p>
      ) : null}
      <div className="table-wrap">
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
                  {r.title}
                  {r.description ? <div className="muted">{r.description}</div> : null}
                </td>
                <td>{r.assigneeName}</td>
                <td>
                  {r.dueDate ?? "–"} {r.overdue ? <span className="badge badge--bad">Försenat</span> : null}
                </td>
                <td>
                  {r.canUpdate ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="status" />
                      <input type="hidden" name="id" value={r.id} />
                      <input type="hidden" name="version" value={r.version} />
                      <label className="visually-hidden" htmlFor={`status-${r.id}`}>
                        Status för {r.title}
                      </label>
                      <select id={`status-${r.id}`} name="status" defaultValue={r.status}>
                        {ASSIGNMENT_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {s}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button button--small button--secondary">
                        Spara
                      </button>
                    </Form>
                  ) : (
                    r.status
                  )}
                </td>
                <td>{r.decisionId ? <Link to={`/beslut/${r.decisionId}`}>{r.decisionTitle}</Link> : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {d.canCreate && d.options ? (
        <section aria-labelledby="nytt-uppdrag" className="no-print">
          <h2 id="nytt-uppdrag">Nytt uppdrag</h2>
          <ErrorSummary errors={a?.errors} />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="create" />
            <Field name="title" label="Uppdrag" defaultValue={a?.values.title} error={a?.errors.title} required />
            <Field name="description" label="Beskrivning" defaultValue={a?.values.description} />
            <Field name="assignee" label="Ansvarig" error={a?.errors.assignee} required>
              <select {...controlProps("assignee", a?.errors.assignee)} defaultValue={a?.values.assignee ?? ""}>
                <option value="">Välj …</option>
                <optgroup label="Organ">
                  {d.options.bodies.map((b) => (
                    <option key={b.id} value={`body:${b.id}`}>
                      {b.name}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Parter">
                  {d.options.parties.map((p) => (
                    <option key={p.id} value={`party:${p.id}`}>
                      {p.name}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Personer">
                  {d.options.people.map((p) => (
                    <option key={p.id} value={`person:${p.id}`}>
                      {p.name}
                    </option>
                  ))}
                </optgroup>
              </select>
            </Field>
            <Field name="dueDate" label="Klart senast" hint="ÅÅÅÅ-MM-DD" defaultValue={a?.values.dueDate} error={a?.errors.dueDate} />
            <div className="actions">
              <button type="submit" className="button">
                Skapa uppdrag
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}

import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireViewerWith } from "~/auth/session.server";
import { ConflictNotice, conflictOf } from "~/components/conflict-notice";
import { FormErrorSummary, formProps, TextField, useSchemaForm } from "~/components/forms";
import { editMembershipSchema } from "~/forms/people";
import { MembershipForm } from "~/components/membership-form";
import { todayInStockholm } from "~/domain/format";
import { seatOverlapProblem } from "~/domain/membership";
import { getBody } from "~/models/bodies.server";
import { getMembership, seatsOfPerson, updateMembership } from "~/models/memberships.server";
import { getOrganisation, listOrganisations } from "~/models/organisations.server";
import { getPerson } from "~/models/people.server";
import { idParam } from "~/utils/params";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Ändra uppdrag – Samverkansportalen" }];

function load(params: { bodyId?: string; membershipId?: string }) {
  const body = getBody(idParam(params.bodyId));
  const membership = getMembership(idParam(params.membershipId));
  if (!body || !membership || membership.bodyId !== body.id) throw notFound("Uppdraget finns inte.");
  return { body, membership };
}

type Membership = NonNullable<ReturnType<typeof getMembership>>;

/** The stored seat as form values (the edit form's defaults). */
function formValues(m: Membership) {
  return {
    intent: "save",
    personId: String(m.personId),
    organisationId: m.organisationId ? String(m.organisationId) : "",
    role: m.role,
    startDate: m.startDate,
    endDate: m.endDate ?? "",
    note: m.note,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { body, membership } = load(params);
  await requireViewerWith(request, "manage:memberships", { bodyId: body.id });
  return {
    body,
    membership,
    values: formValues(membership),
    person: getPerson(membership.personId),
    organisations: listOrganisations(),
    today: todayInStockholm(),
  };
}

type Theirs = { role: string; organisationId: string; startDate: string; endDate: string; note: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { body, membership } = load(params);
  const viewer = await requireViewerWith(request, "manage:memberships", { bodyId: body.id });
  const submission = parseForm(await readForm(request), editMembershipSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const value = submission.value;
  // The person of an existing seat does not change; a new person gets a new membership.
  const stored = {
    personId: membership.personId,
    organisationId: membership.organisationId,
    role: membership.role,
    startDate: membership.startDate,
    endDate: membership.endDate,
    note: membership.note,
  };
  let next: typeof stored;
  if (value.intent === "end") {
    if (value.lastDay < membership.startDate)
      return rejectForm(submission, {
        fieldErrors: { lastDay: [`Slutdatum kan inte vara före startdatum (${membership.startDate}).`] },
      });
    next = { ...stored, endDate: value.lastDay };
  } else {
    if (value.organisationId && !getOrganisation(value.organisationId))
      return rejectForm(submission, { fieldErrors: { organisationId: ["Organisationen finns inte."] } });
    const { intent: _intent, version: _version, personId: _personId, ...fields } = value;
    next = { ...stored, ...fields };
    const overlap = seatOverlapProblem(
      next,
      seatsOfPerson(membership.personId).filter((s) => s.bodyId === body.id && s.membershipId !== membership.id),
    );
    if (overlap) return rejectForm(submission, { fieldErrors: { startDate: [overlap] } });
  }
  const saved = updateMembership(viewer.user.id, membership.id, value.version, next);
  if (!saved.ok) {
    const c = saved.conflict;
    const theirs: Theirs = {
      role: c.role,
      organisationId: c.organisationId ? String(c.organisationId) : "",
      startDate: c.startDate,
      endDate: c.endDate ?? "",
      note: c.note,
    };
    return rejectConflict(submission, theirs, c.version);
  }
  return redirectWithStatus(`/organ/${body.id}`, "Ledamotskapet är sparat.");
}

export default function EditMembership() {
  const { body, membership, values, person, organisations, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const typed = (lastResult?.initialValue ?? {}) as Record<string, string | undefined>;
  const intent = typed.intent;
  const conflict = conflictOf<Theirs>(lastResult);
  const [form, fields] = useSchemaForm(editMembershipSchema, {
    lastResult: intent === "save" ? lastResult : null,
    defaultValue: values,
  });
  const [endForm, endFields] = useSchemaForm(editMembershipSchema, {
    id: "avsluta",
    lastResult: intent === "end" ? lastResult : null,
    defaultValue: { intent: "end", lastDay: today },
  });
  const orgName = (id: string | undefined) => organisations.find((o) => String(o.id) === id)?.name ?? "ingen part";
  const until = (date: string | undefined) => date || "tills vidare";
  return (
    <>
      <Breadcrumbs
        trail={[
          ["/organ", "Organ"],
          [`/organ/${body.id}`, `${body.shortName}`],
        ]}
        current="Ändra uppdrag"
      />
      <h1>
        {person?.name} i {body.name}
      </h1>
      {conflict ? (
        <ConflictNotice
          what="uppdraget"
          rows={[
            ["Roll", conflict.theirs.role, typed.role ?? ""],
            ["Företräder", orgName(conflict.theirs.organisationId), orgName(typed.organisationId)],
            ["Från och med", conflict.theirs.startDate, typed.startDate ?? ""],
            ["Till och med", until(conflict.theirs.endDate), until(typed.endDate ?? typed.lastDay)],
            ["Anteckning", conflict.theirs.note, typed.note ?? ""],
          ]}
        />
      ) : null}
      <MembershipForm
        form={form}
        fields={fields}
        organisations={organisations}
        submitLabel={conflict ? "Spara mina uppgifter ändå" : "Spara"}
        version={conflict ? conflict.version : membership.version}
        lockedPersonId={membership.personId}
      />
      {membership.endDate === null ? (
        <section aria-labelledby="avsluta-rubrik">
          <h2 id="avsluta-rubrik">Avsluta uppdraget</h2>
          <FormErrorSummary form={endForm} />
          <Form method="post" className="stack" {...formProps(endForm)}>
            <input type="hidden" name="intent" value="end" />
            <input type="hidden" name="version" value={conflict?.version ?? membership.version} />
            <TextField field={endFields.lastDay} label="Sista dag i uppdraget" hint="ÅÅÅÅ-MM-DD" />
            <div className="actions">
              <button type="submit" className="button button--danger">
                Avsluta uppdraget
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { endAllSessionsOf } from "~/auth/sessions.server";
import { notFound, requireViewerWith } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { FormErrorSummary, formProps, SelectField, TextField, useSchemaForm } from "~/components/forms";
import { personAccountSchema, USER_ROLE_LABEL } from "~/forms/account";
import { USER_ROLES, type UserRole } from "~/domain/policy";
import { getPerson } from "~/models/people.server";
import { inviteAccount } from "~/models/account-tokens.server";
import { findUserByEmail, setUserRole, userOfPerson } from "~/models/users.server";
import { portalOrigin } from "~/utils/origin.server";
import { idParam } from "~/utils/params";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { ConflictNotice, conflictOf } from "~/components/conflict-notice";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Konto – Samverkansportalen" }];

async function load(request: Request, personId: string | undefined) {
  const viewer = await requireViewerWith(request, "manage:people");
  const person = getPerson(idParam(personId));
  if (!person) throw notFound("Personen finns inte.");
  return { viewer, person };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { person } = await load(request, params.personId);
  const user = userOfPerson(person.id);
  return {
    person: { id: person.id, name: person.name, email: person.email },
    user: user ? { email: user.email, role: user.role } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, person } = await load(request, params.personId);
  const submission = parseForm(await readForm(request), personAccountSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const value = submission.value;
  const existing = userOfPerson(person.id);
  if (value.intent === "role") {
    if (!existing) return rejectForm(submission, { formErrors: ["Personen har inget konto ännu."] }, 409);
    const saved = setUserRole(viewer.user.id, existing.id, value.was, value.role);
    if (!saved.ok && "refusal" in saved) return rejectForm(submission, { fieldErrors: { role: [saved.refusal] } });
    if (!saved.ok) return rejectConflict(submission, { role: USER_ROLE_LABEL[saved.conflict] }, saved.conflict);
    // A changed role takes effect at once: the person signs in again.
    await endAllSessionsOf(existing.id);
    return redirectWithStatus(`/personer/${person.id}/konto?sparat=1`, "Kontot är sparat.");
  }
  if (existing) return rejectForm(submission, { formErrors: ["Personen har redan ett konto."] }, 409);
  if (findUserByEmail(value.email))
    return rejectForm(submission, {
      fieldErrors: { email: ["Det finns redan ett konto med den e-postadressen."] },
    });
  // The link is built from the configured origin, never from the request's Host header.
  inviteAccount(viewer.user.id, { email: value.email, role: value.role, personId: person.id }, portalOrigin());
  return redirectWithStatus(
    `/personer/${person.id}/konto?skapat=1`,
    `Kontot är skapat. En inbjudan att välja lösenord har skickats till ${value.email}.`,
  );
}

const ROLE_OPTIONS = USER_ROLES.map((r) => ({ value: r, label: USER_ROLE_LABEL[r] }));

export default function PersonAccount() {
  const { person, user } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const conflict = conflictOf<{ role: string }, UserRole>(lastResult);
  const typed = (lastResult?.initialValue ?? {}) as Record<string, string | undefined>;
  const [form, fields] = useSchemaForm(personAccountSchema, {
    lastResult,
    defaultValue: user
      ? { intent: "role", role: user.role }
      : { intent: "create", email: person.email ?? "", role: "member" },
  });
  return (
    <>
      <Breadcrumbs trail={[["/personer", "Personer"]]} current={`Konto för ${person.name}`} />
      <h1>Konto för {person.name}</h1>
      <FormErrorSummary form={form} />
      {user ? (
        <>
          <p>
            Personen loggar in med <strong>{user.email}</strong>.
          </p>
          {conflict ? (
            <ConflictNotice
              what="kontots roll"
              rows={[["Roll", conflict.theirs.role, USER_ROLE_LABEL[typed.role as UserRole] ?? typed.role ?? ""]]}
            />
          ) : null}
          <Form method="post" className="stack" {...formProps(form)}>
            <input type="hidden" name="intent" value="role" />
            {/* The role the page showed, or after a conflict the one saved since. */}
            <input type="hidden" name="was" value={conflict?.version ?? user.role} />
            <SelectField field={fields.role} label="Roll" options={ROLE_OPTIONS} />
            <div className="actions">
              <button type="submit" className="button">
                Spara roll
              </button>
            </div>
          </Form>
        </>
      ) : (
        <Form method="post" className="stack" {...formProps(form)}>
          <p>
            Skapa ett konto så att personen kan logga in. Personen får en inbjudan med e-post och väljer själv sitt
            lösenord med länken i den. Länken fungerar en gång och gäller i 7 dagar.
          </p>
          <input type="hidden" name="intent" value="create" />
          <TextField field={fields.email} label="E-postadress" type="email" />
          <SelectField field={fields.role} label="Roll" options={ROLE_OPTIONS} />
          <div className="actions">
            <button type="submit" className="button">
              Skapa konto och skicka inbjudan
            </button>
          </div>
        </Form>
      )}
    </>
  );
}

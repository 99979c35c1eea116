import crypto from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { endAllSessionsOf } from "~/auth/sessions.server";
import { hashPassword, passwordProblem } from "~/auth/password.server";
import { notFound, requireViewerWith } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { controlProps, ErrorSummary, Field } from "~/components/forms";
import { getPerson } from "~/models/people.server";
import { createUser, findUserByEmail, setUserRole, userOfPerson } from "~/models/users.server";
import { idParam } from "~/utils/params";
import { redirectWithStatus } from "~/utils/flash.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Konto – Samverkansportalen" }];

const ROLES = {
  member: "Medlem (rättigheter efter organen personen sitter i)",
  reader: "Läsare (t.ex. politiker som läser)",
  admin: "Administratör (samordnare)",
} as const;

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
  const form = await readForm(request);
  const existing = userOfPerson(person.id);
  if (existing) {
    const role = String(form.get("role"));
    if (!(role in ROLES))
      return data(
        { errors: { role: "Välj roll." } as Record<string, string>, values: {} as Record<string, string> },
        { status: 400 },
      );
    setUserRole(viewer.user.id, existing.id, role as keyof typeof ROLES);
    // A changed role takes effect at once: the person signs in again.
    await endAllSessionsOf(existing.id);
    return redirectWithStatus(`/personer/${person.id}/konto?sparat=1`, "Kontot är sparat.");
  }
  const values = {
    email: String(form.get("email") ?? "")
      .trim()
      .toLowerCase(),
    role: String(form.get("role") ?? ""),
    password: "",
  };
  const password = String(form.get("password") ?? "");
  const errors: Record<string, string> = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) errors.email = "Ange en giltig e-postadress.";
  else if (findUserByEmail(values.email)) errors.email = "Det finns redan ett konto med den e-postadressen.";
  if (!(values.role in ROLES)) errors.role = "Välj roll.";
  const problem = passwordProblem(password);
  if (problem) errors.password = problem;
  if (Object.keys(errors).length) return data({ errors, values }, { status: 400 });
  createUser(viewer.user.id, {
    id: crypto.randomUUID(),
    email: values.email,
    passwordHash: await hashPassword(password),
    role: values.role as keyof typeof ROLES,
    personId: person.id,
  });
  return redirectWithStatus(`/personer/${person.id}/konto?skapat=1`, "Kontot är skapat.");
}

export default function PersonAccount() {
  const { person, user } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs trail={[["/personer", "Personer"]]} current={`Konto för ${person.name}`} />
      <h1>Konto för {person.name}</h1>
      <ErrorSummary errors={a?.errors} />
      {user ? (
        <>
          <p>
            Personen loggar in med <strong>{user.email}</strong>.
          </p>
          <Form method="post" className="stack" noValidate>
            <Field name="role" label="Roll" error={a?.errors.role}>
              <select {...controlProps("role", a?.errors.role)} defaultValue={user.role}>
                {Object.entries(ROLES).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </Field>
            <div className="actions">
              <button type="submit" className="button">
                Spara roll
              </button>
            </div>
          </Form>
        </>
      ) : (
        <Form method="post" className="stack" noValidate>
          <p>
            Skapa ett konto så att personen kan logga in. Lämna över det första lösenordet säkert; personen byter det
            under Mitt konto.
          </p>
          <Field
            name="email"
            label="E-postadress"
            type="email"
            defaultValue={a?.values.email ?? person.email ?? ""}
            error={a?.errors.email}
            required
          />
          <Field name="role" label="Roll" error={a?.errors.role}>
            <select {...controlProps("role", a?.errors.role)} defaultValue={a?.values.role ?? "member"}>
              {Object.entries(ROLES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <Field
            name="password"
            label="Första lösenord"
            type="password"
            autoComplete="new-password"
            hint="Minst 12 tecken."
            error={a?.errors.password}
            required
          />
          <div className="actions">
            <button type="submit" className="button">
              Skapa konto
            </button>
          </div>
        </Form>
      )}
    </>
  );
}

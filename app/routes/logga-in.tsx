import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { createSession } from "~/auth/sessions.server";
import { dummyPasswordHash, verifyPassword } from "~/auth/password.server";
import { getViewer, safeRedirectTo } from "~/auth/session.server";
import { signInLimiter } from "~/auth/signin-limit.server";
import { Field } from "~/components/forms";
import { recordAudit } from "~/models/audit.server";
import { findUserByEmail } from "~/models/users.server";
import { write } from "~/utils/db.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Logga in – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (await getViewer(request)) throw redirect(safeRedirectTo(url.searchParams.get("redirectTo")));
  return {
    redirectTo: safeRedirectTo(url.searchParams.get("redirectTo")),
    expired: url.searchParams.get("orsak") === "utgangen",
  };
}

const GENERIC_ERROR = "Fel e-postadress eller lösenord.";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const email = String(form.get("email") ?? "")
    .trim()
    .toLowerCase();
  const password = String(form.get("password") ?? "");
  const redirectTo = safeRedirectTo(form.get("redirectTo"));
  const errors: { email?: string; password?: string; form?: string } = {};
  if (!email) errors.email = "Ange din e-postadress.";
  else if (email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(email))
    errors.email = "Ange en giltig e-postadress, till exempel namn@kommun.se.";
  if (!password) errors.password = "Ange ditt lösenord.";
  if (errors.email || errors.password) return data({ errors, email }, { status: 400 });

  const limited = signInLimiter.check(String(context.clientIp ?? "okänd"), email, Date.now());
  if (limited) {
    const minutes = Math.ceil(limited / 60000);
    return data(
      {
        errors: {
          form: `För många inloggningsförsök. Vänta ${minutes} ${minutes === 1 ? "minut" : "minuter"} och försök igen.`,
        },
        email,
      },
      { status: 429 },
    );
  }

  const user = findUserByEmail(email);
  // Verify against a dummy hash for unknown accounts: same work, same message.
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid) return data({ errors: { form: GENERIC_ERROR }, email }, { status: 401 });

  signInLimiter.succeeded(email);
  // A new session id at every sign-in: a session fixed before sign-in is worthless.
  const cookie = await createSession(user.id);
  write((tx) => recordAudit(tx, { userId: user.id, action: "signin", entityType: "session", entityId: user.id }));
  return redirect(redirectTo, { headers: { "Set-Cookie": cookie } });
}

export default function SignIn() {
  const { redirectTo, expired } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = actionData?.errors as { email?: string; password?: string; form?: string } | undefined;
  return (
    <div className="signin">
      <h1>Logga in</h1>
      {expired && !actionData ? (
        <p className="notice notice--warn" role="status">
          Din session har gått ut. Logga in igen för att fortsätta.
        </p>
      ) : null}
      {errors?.form ? (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field
          name="email"
          label="E-postadress"
          type="email"
          autoComplete="username"
          defaultValue={actionData?.email}
          error={errors?.email}
          required
        />
        <Field
          name="password"
          label="Lösenord"
          type="password"
          autoComplete="current-password"
          error={errors?.password}
          required
        />
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Logga in
          </button>
        </div>
      </Form>
      <p className="muted">Konton skapas av samordnaren. Har du glömt ditt lösenord, kontakta samordnaren.</p>
    </div>
  );
}

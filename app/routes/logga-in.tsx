import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { createSession } from "~/auth/sessions.server";
import { dummyPasswordHash, verifyPassword } from "~/auth/password.server";
import { getViewer, safeRedirectTo } from "~/auth/session.server";
import { signInFailed, signInSucceeded, signInWait } from "~/auth/limits.server";
import { FormErrorSummary, formProps, TextField, useSchemaForm } from "~/components/forms";
import { hasPassword } from "~/domain/account-tokens";
import { tooManyMessage } from "~/domain/rate-limits";
import { signInSchema } from "~/forms/account";
import { recordAudit } from "~/models/audit.server";
import { findUserByEmail } from "~/models/users.server";
import { write } from "~/utils/db.server";
import { parseForm, rejectForm } from "~/utils/forms.server";
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
const HIDE = ["password"];

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseForm(await readForm(request), signInSchema);
  if (submission.status !== "success") return rejectForm(submission, { hideFields: HIDE });
  const { email, password } = submission.value;
  const redirectTo = safeRedirectTo(submission.value.redirectTo);

  const address = String(context.clientIp ?? "okänd");
  const limited = await signInWait(email, address);
  if (limited)
    return rejectForm(
      submission,
      { formErrors: [tooManyMessage("inloggningsförsök", limited)], hideFields: HIDE },
      429,
    );

  const user = findUserByEmail(email);
  // Verify against a dummy hash for unknown accounts: same work, same message.
  // An invited account without a chosen password is checked the same way, and never matches.
  const stored = user && hasPassword(user.passwordHash) ? user.passwordHash : await dummyPasswordHash();
  const valid = (await verifyPassword(password, stored)) && stored === user?.passwordHash;
  if (!user || !valid) {
    await signInFailed(email, address);
    // Audited: which account (when one exists; a typed address is not stored) and from where.
    write((tx) =>
      recordAudit(tx, {
        userId: user?.id ?? null,
        action: "signin-failed",
        entityType: "session",
        entityId: user?.id ?? null,
        after: { address, account: user ? "finns" : "okänt konto" },
      }),
    );
    return rejectForm(submission, { formErrors: [GENERIC_ERROR], hideFields: HIDE }, 401);
  }

  await signInSucceeded(email, address);
  // A new session id at every sign-in: a session fixed before sign-in is worthless.
  const cookie = await createSession(user.id);
  write((tx) => recordAudit(tx, { userId: user.id, action: "signin", entityType: "session", entityId: user.id }));
  return redirect(redirectTo, { headers: { "Set-Cookie": cookie } });
}

export default function SignIn() {
  const { redirectTo, expired } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useSchemaForm(signInSchema, { lastResult });
  return (
    <div className="signin">
      <h1>Logga in</h1>
      {expired && !lastResult ? (
        <p className="notice notice--warn" role="status">
          Din session har gått ut. Logga in igen för att fortsätta.
        </p>
      ) : null}
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField field={fields.email} label="E-postadress" type="email" autoComplete="username" />
        <TextField field={fields.password} label="Lösenord" type="password" autoComplete="current-password" />
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Logga in
          </button>
        </div>
      </Form>
      <p>
        <Link to="/glomt-losenord">Glömt lösenordet?</Link>
      </p>
      <p className="muted">Konton skapas av samordnaren, som skickar en inbjudan med e-post.</p>
    </div>
  );
}

import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { resetRequestWait } from "~/auth/limits.server";
import { FormErrorSummary, formProps, TextField, useSchemaForm } from "~/components/forms";
import { tooManyMessage } from "~/domain/rate-limits";
import { passwordResetRequestSchema } from "~/forms/account";
import { requestPasswordReset } from "~/models/account-tokens.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { portalOrigin } from "~/utils/origin.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Glömt lösenordet – Samverkansportalen" }];

/**
 * A password reset by e-mail. The answer is the same whether the address has an account or
 * not (nobody learns who has one); requests are limited per address and per account.
 * The link is built from the configured origin, never from the request's Host header.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseForm(await readForm(request), passwordResetRequestSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const { email } = submission.value;
  const wait = await resetRequestWait(email, String(context.clientIp ?? "okänd"));
  if (wait) return rejectForm(submission, { formErrors: [tooManyMessage("förfrågningar", wait)] }, 429);
  requestPasswordReset(email, portalOrigin());
  return redirectWithStatus(
    "/logga-in",
    "Om adressen har ett konto har vi skickat en länk för att välja ett nytt lösenord. Länken gäller i en timme.",
  );
}

export default function ForgotPassword() {
  const [form, fields] = useSchemaForm(passwordResetRequestSchema, { lastResult: useActionData<typeof action>() });
  return (
    <div className="signin">
      <h1>Glömt lösenordet</h1>
      <p>Skriv e-postadressen du loggar in med. Du får en länk för att välja ett nytt lösenord.</p>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <TextField field={fields.email} label="E-postadress" type="email" autoComplete="username" />
        <div className="actions">
          <button type="submit" className="button">
            Skicka länk
          </button>
        </div>
      </Form>
      <p>
        <Link to="/logga-in">Tillbaka till inloggningen</Link>
      </p>
    </div>
  );
}

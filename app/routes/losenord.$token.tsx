import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { hashPassword } from "~/auth/password.server";
import { endAllSessionsOf } from "~/auth/sessions.server";
import { FormErrorSummary, formProps, useSchemaForm } from "~/components/forms";
import { NewPasswordFields } from "~/components/password-fields";
import { TOKEN_STATE_MESSAGE } from "~/domain/account-tokens";
import { choosePasswordSchema } from "~/forms/account";
import { accountTokenInfo, setPasswordWithToken } from "~/models/account-tokens.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Välj lösenord – Samverkansportalen" }];

/** The page of a one-time link from an invitation or a password reset: choose a password. */
export async function loader({ params }: LoaderFunctionArgs) {
  const info = accountTokenInfo(params.token ?? "");
  return {
    state: info.state,
    purpose: info.purpose,
    email: info.email,
    message: info.state === "giltig" ? null : TOKEN_STATE_MESSAGE[info.state],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseForm(await readForm(request), choosePasswordSchema);
  if (submission.status !== "success") return rejectForm(submission, { hideFields: ["next", "confirm"] });
  const result = setPasswordWithToken(params.token ?? "", await hashPassword(submission.value.next));
  if (!result.ok)
    return rejectForm(submission, { formErrors: [TOKEN_STATE_MESSAGE[result.state]], hideFields: ["next", "confirm"] });
  // Whoever was signed in to the account before (with the old password) is signed out.
  await endAllSessionsOf(result.userId);
  return redirectWithStatus("/logga-in", "Ditt lösenord är sparat. Logga in med det.");
}

export default function ChoosePassword() {
  const { state, purpose, email, message } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(choosePasswordSchema, { lastResult: useActionData<typeof action>() });
  return (
    <div className="signin">
      <h1>{purpose === "inbjudan" ? "Välkommen till Samverkansportalen" : "Välj ett nytt lösenord"}</h1>
      {state === "giltig" ? (
        <>
          <p>
            Välj lösenordet för kontot <strong>{email}</strong>. Länken fungerar en gång.
          </p>
          <FormErrorSummary form={form} />
          <Form method="post" className="stack" {...formProps(form)}>
            <input type="text" name="username" value={email ?? ""} autoComplete="username" hidden readOnly />
            <NewPasswordFields next={fields.next} confirm={fields.confirm} submit="Spara lösenordet" />
          </Form>
        </>
      ) : (
        <>
          <p className="notice notice--warn">{message}</p>
          <p>
            <Link to="/glomt-losenord">Be om en ny länk</Link>
          </p>
        </>
      )}
    </div>
  );
}

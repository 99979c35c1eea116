import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { notFound } from "~/auth/session.server";
import { FormErrorSummary, formProps, useSchemaForm } from "~/components/forms";
import { CHOOSABLE_MAIL_KINDS, MAIL_KIND_LABELS, type MailKind } from "~/domain/mail";
import { unsubscribeSchema } from "~/forms/mail";
import { personByMailToken, preferencesOf, unsubscribe } from "~/models/notifications.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { pageTitle } from "~/utils/page-title";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Avsluta e-post") }];

/**
 * One-click unsubscribe (RFC 8058), no sign-in: the token in the link is the authority. GET
 * shows what will be turned off and a button (link checkers and previews must not unsubscribe
 * anyone); POST turns it off, from this page or straight from the mail program.
 */
function load(request: Request, token: string | undefined) {
  const person = personByMailToken(token ?? "");
  const kind = new URL(request.url).searchParams.get("typ") as MailKind | null;
  if (!person || !kind || !CHOOSABLE_MAIL_KINDS.includes(kind))
    throw notFound("Länken för att avsluta e-post gäller inte.");
  return { person, kind };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { person, kind } = load(request, params.token);
  const current = preferencesOf(person.personId).find((p) => p.kind === kind)?.delivery;
  // Only the kind and whether it is off: no name or address is shown to whoever holds the link.
  return { kindLabel: MAIL_KIND_LABELS[kind], off: current === "av" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { kind } = load(request, params.token);
  const submission = parseForm(await readForm(request), unsubscribeSchema);
  if (submission.status !== "success") return rejectForm(submission);
  unsubscribe(params.token!, kind);
  const url = new URL(request.url);
  return redirectWithStatus(`${url.pathname}${url.search}`, "Du får inte längre den här sortens e-post.");
}

export default function Unsubscribe() {
  const { kindLabel, off } = useLoaderData<typeof loader>();
  const [form] = useSchemaForm(unsubscribeSchema, { lastResult: useActionData<typeof action>() });
  return (
    <>
      <h1>Avsluta e-post</h1>
      <p>
        Sort: <strong>{kindLabel}</strong>
      </p>
      {off ? (
        <p>Den här sortens e-post är avslutad. Du kan slå på den igen under Mitt konto, E-post.</p>
      ) : (
        <>
          <FormErrorSummary form={form} />
          <Form method="post" {...formProps(form)}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit" className="button">
              Avsluta den här sortens e-post
            </button>
          </Form>
        </>
      )}
      <p>
        <a href="/konto/e-post">Välj vilken e-post du får</a> (kräver inloggning).
      </p>
    </>
  );
}

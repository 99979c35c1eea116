import { DateTimeText, keepUnitsWhole } from "~/components/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { notFound, requireViewerWith } from "~/auth/session.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { MAIL_KIND_LABELS } from "~/domain/mail";
import { retryMailSchema } from "~/forms/mail";
import { getOutboxMessage, retryMessage } from "~/models/outbox.server";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { idParam } from "~/utils/params";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.message.subject ?? "Meddelande"} – E-post – Samverkansportalen` },
];

function load(id: string | undefined) {
  const message = getOutboxMessage(idParam(id));
  if (!message) throw notFound("Meddelandet finns inte.");
  return message;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireViewerWith(request, "manage:mail");
  const m = load(params.messageId);
  return {
    message: {
      id: m.id,
      kind: m.kind,
      subject: m.subject,
      toName: m.toName,
      toAddress: m.toAddress,
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      createdAt: m.createdAt,
      sentAt: m.sentAt,
      nextAttemptAt: m.nextAttemptAt,
      messageId: m.messageId,
      eventKey: m.eventKey,
      text: m.textBody,
      attachments: (JSON.parse(m.attachments) as { filename: string }[]).map((a) => a.filename),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "manage:mail");
  const m = load(params.messageId);
  const submission = parseForm(await readForm(request), retryMailSchema);
  if (submission.status !== "success") return rejectForm(submission);
  if (!retryMessage(viewer.user.id, m.id))
    return rejectForm(submission, { formErrors: ["Bara misslyckade och osäkra meddelanden kan skickas igen."] });
  return redirectWithStatus(`/admin/e-post/${m.id}`, "Meddelandet skickas igen.");
}

export default function MailMessage() {
  const { message: m } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs trail={[["/admin/e-post", "E-post"]]} current={m.subject} />
      <h1>{keepUnitsWhole(m.subject)}</h1>
      <dl className="facts">
        <dt>Till</dt>
        <dd>
          {m.toName} &lt;{m.toAddress}&gt;
        </dd>
        <dt>Slag</dt>
        <dd>{MAIL_KIND_LABELS[m.kind]}</dd>
        <dt>Status</dt>
        <dd>
          {m.status}
          {m.sentAt ? (
            <>
              {" "}
              <DateTimeText at={m.sentAt} />
            </>
          ) : null}
          {m.status === "väntar" ? (
            <>
              , nästa försök <DateTimeText at={m.nextAttemptAt} />
            </>
          ) : null}
        </dd>
        <dt>Försök</dt>
        <dd>{m.attempts}</dd>
        {m.lastError ? (
          <>
            <dt>Senaste fel</dt>
            <dd>{m.lastError}</dd>
          </>
        ) : null}
        <dt>Skapat</dt>
        <dd>
          <DateTimeText at={m.createdAt} />
        </dd>
        <dt>Message-ID</dt>
        <dd>
          <code>{m.messageId}</code>
        </dd>
        <dt>Händelse</dt>
        <dd>
          <code>{keepUnitsWhole(m.eventKey)}</code>
        </dd>
        {m.attachments.length ? (
          <>
            <dt>Bilagor</dt>
            <dd>{m.attachments.join(", ")}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href={`/admin/e-post/${m.id}/meddelande.eml`}>Hämta meddelandet som .eml-fil</a>
      </p>
      {m.status === "osäkert" || m.status === "misslyckat" ? (
        <Form method="post" className="card">
          <p>
            {m.status === "osäkert"
              ? "Portalen avbröts medan meddelandet lämnades till e-postservern, så det kan ha kommit fram. Kontrollera med mottagaren innan du skickar igen."
              : "Meddelandet kunde inte skickas."}
          </p>
          <button type="submit" name="intent" value="retry" className="button">
            Skicka igen
          </button>
        </Form>
      ) : null}
      <h2>Text</h2>
      <pre className="mail-text">{keepUnitsWhole(m.text)}</pre>
    </>
  );
}

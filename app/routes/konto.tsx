import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { createSession, endAllSessionsOf } from "~/auth/sessions.server";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { requireViewerWith } from "~/auth/session.server";
import { FormErrorSummary, formProps, TextField, useSchemaForm } from "~/components/forms";
import { NewPasswordFields } from "~/components/password-fields";
import { ownAccountSchema } from "~/forms/account";
import { calendarTokenOf, revokeCalendarToken, rotateCalendarToken } from "~/models/calendar.server";
import { getUserById, personOfUser, setPasswordHash } from "~/models/users.server";
import { publicOrigin } from "~/utils/origin.server";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Mitt konto – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewerWith(request, "change:own-password");
  const person = personOfUser(viewer.user.personId);
  const token = getUserById(viewer.user.id)?.calendarToken ?? null;
  return {
    email: viewer.user.email,
    name: person?.name ?? null,
    title: person?.title ?? null,
    calendarUrl: token ? `${publicOrigin(request)}/kalender/${token}.ics` : null,
  };
}

const HIDE = ["current", "next", "confirm"];

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "change:own-password");
  const submission = parseForm(await readForm(request), ownAccountSchema);
  if (submission.status !== "success") return rejectForm(submission, { hideFields: HIDE });
  const value = submission.value;
  switch (value.intent) {
    case "calendar":
      calendarTokenOf(viewer.user.id);
      return redirectWithStatus("/konto#kalender", "Din kalenderlänk är skapad.");
    case "calendar-rotate":
      rotateCalendarToken(viewer.user.id);
      return redirectWithStatus(
        "/konto#kalender",
        "Du har fått en ny kalenderadress. Den gamla fungerar inte längre; byt adressen i din kalender.",
      );
    case "calendar-revoke":
      revokeCalendarToken(viewer.user.id);
      return redirectWithStatus(
        "/konto#kalender",
        "Kalenderadressen är borttagen. Ingen kan längre hämta dina möten med den.",
      );
    case "password": {
      const user = getUserById(viewer.user.id);
      if (!user || !(await verifyPassword(value.current, user.passwordHash)))
        return rejectForm(submission, {
          fieldErrors: { current: ["Det nuvarande lösenordet stämmer inte."] },
          hideFields: HIDE,
        });
      setPasswordHash(user.id, await hashPassword(value.next));
      // A changed password ends every session of the account, everywhere; this device gets a new one.
      await endAllSessionsOf(user.id);
      const cookie = await createSession(user.id);
      return redirectWithStatus("/konto", "Lösenordet är bytt. Alla dina andra inloggningar har avslutats.", {
        headers: { "Set-Cookie": cookie },
      });
    }
  }
}

export default function Account() {
  const { email, name, title, calendarUrl } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(ownAccountSchema, { lastResult });
  return (
    <>
      <h1>Mitt konto</h1>
      <dl className="facts">
        {name ? (
          <>
            <dt>Namn</dt>
            <dd>{name}</dd>
          </>
        ) : null}
        {title ? (
          <>
            <dt>Titel</dt>
            <dd>{title}</dd>
          </>
        ) : null}
        <dt>E-post</dt>
        <dd>{email}</dd>
      </dl>
      <h2 id="e-post">E-post</h2>
      <p>
        <a href="/konto/e-post">Välj vilken e-post du får</a>: kallelser, påminnelser och besked, direkt, i en daglig
        sammanfattning eller inte alls.
      </p>
      <h2 id="kalender">Mina möten i kalendern</h2>
      {calendarUrl ? (
        <>
          <p>
            Prenumerera på den här adressen i din kalender (Outlook, Google, Apple) så kommer alla möten i dina organ
            dit och uppdateras när de ändras. Adressen är personlig; dela den inte:{" "}
            <code className="calendar-url">{calendarUrl}</code>
          </p>
          <Form method="post" className="actions">
            <p>Har adressen kommit i fel händer? Byt den, eller ta bort den helt.</p>
            <button type="submit" name="intent" value="calendar-rotate" className="button button--secondary">
              Byt kalenderadress
            </button>
            <button type="submit" name="intent" value="calendar-revoke" className="button button--secondary">
              Ta bort kalenderadressen
            </button>
          </Form>
        </>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="calendar" />
          <p>Skapa en personlig kalenderadress med alla möten i dina organ.</p>
          <button type="submit" className="button button--secondary">
            Skapa kalenderadress
          </button>
        </Form>
      )}
      <h2>Byt lösenord</h2>
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <input type="hidden" name="intent" value="password" />
        <TextField field={fields.current} label="Nuvarande lösenord" type="password" autoComplete="current-password" />
        <NewPasswordFields next={fields.next} confirm={fields.confirm} submit="Byt lösenord" />
      </Form>
    </>
  );
}

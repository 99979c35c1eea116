import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { createSession, endAllSessionsOf } from "~/auth/sessions.server";
import { hashPassword, passwordProblem, verifyPassword } from "~/auth/password.server";
import { requireViewerWith } from "~/auth/session.server";
import { ErrorSummary, Field } from "~/components/forms";
import { calendarTokenOf, revokeCalendarToken, rotateCalendarToken } from "~/models/calendar.server";
import { getUserById, personOfUser, setPasswordHash } from "~/models/users.server";
import { publicOrigin } from "~/utils/origin.server";
import { redirectWithStatus } from "~/utils/flash.server";
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

type Errors = { current?: string; next?: string; confirm?: string };

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewerWith(request, "change:own-password");
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "calendar") {
    calendarTokenOf(viewer.user.id);
    return redirectWithStatus("/konto#kalender", "Din kalenderlänk är skapad.");
  }
  if (intent === "calendar-rotate") {
    rotateCalendarToken(viewer.user.id);
    return redirect("/konto?kalender=ny#kalender");
  }
  if (intent === "calendar-revoke") {
    revokeCalendarToken(viewer.user.id);
    return redirect("/konto?kalender=borttagen#kalender");
  }
  const current = String(form.get("current") ?? "");
  const next = String(form.get("next") ?? "");
  const confirm = String(form.get("confirm") ?? "");
  const errors: Errors = {};
  if (!current) errors.current = "Ange ditt nuvarande lösenord.";
  const problem = passwordProblem(next);
  if (problem) errors.next = problem;
  else if (next !== confirm) errors.confirm = "Lösenorden är inte lika. Skriv samma nya lösenord två gånger.";
  if (Object.keys(errors).length) return data({ errors }, { status: 400 });
  const user = getUserById(viewer.user.id);
  if (!user || !(await verifyPassword(current, user.passwordHash)))
    return data({ errors: { current: "Det nuvarande lösenordet stämmer inte." } satisfies Errors }, { status: 400 });
  setPasswordHash(user.id, await hashPassword(next));
  // A changed password ends every session of the account, everywhere; this device gets a new one.
  await endAllSessionsOf(user.id);
  const cookie = await createSession(user.id);
  return redirect("/konto?klart=1", { headers: { "Set-Cookie": cookie } });
}

export default function Account() {
  const { email, name, title, calendarUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = actionData?.errors as Errors | undefined;
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
      <h2 id="kalender">Mina möten i kalendern</h2>
      {params.get("kalender") === "ny" ? (
        <p className="notice notice--ok" role="status">
          Du har fått en ny kalenderadress. Den gamla fungerar inte längre; byt adressen i din kalender.
        </p>
      ) : null}
      {params.get("kalender") === "borttagen" ? (
        <p className="notice notice--ok" role="status">
          Kalenderadressen är borttagen. Ingen kan längre hämta dina möten med den.
        </p>
      ) : null}
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
      {params.get("klart") && !actionData ? (
        <p className="notice notice--ok" role="status">
          Lösenordet är bytt. Alla dina andra inloggningar har avslutats.
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        <Field
          name="current"
          label="Nuvarande lösenord"
          type="password"
          autoComplete="current-password"
          error={errors?.current}
          required
        />
        <Field
          name="next"
          label="Nytt lösenord"
          type="password"
          autoComplete="new-password"
          hint="Minst 12 tecken."
          error={errors?.next}
          required
        />
        <Field
          name="confirm"
          label="Upprepa nytt lösenord"
          type="password"
          autoComplete="new-password"
          error={errors?.confirm}
          required
        />
        <div className="actions">
          <button type="submit" className="button">
            Byt lösenord
          </button>
        </div>
      </Form>
    </>
  );
}

import { Breadcrumbs } from "~/components/breadcrumbs";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigate } from "@remix-run/react";
import { useEffect } from "react";
import { notFound, requireViewerWith } from "~/auth/session.server";
import { ConflictNotice, conflictOf } from "~/components/conflict-notice";
import { DateText } from "~/components/dates";
import { FormErrorSummary, formProps, TextField, useSchemaForm } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { endTermSchema } from "~/forms/people";
import { todayInStockholm } from "~/domain/format";
import { defaultTermEnd, termEndCut, termEndProblem } from "~/domain/membership";
import { getBody } from "~/models/bodies.server";
import { pageRequestFrom } from "~/domain/pagination";
import { endMemberships, openSeatsAmong, pageOfTermSeats } from "~/models/memberships.server";
import { idParam } from "~/utils/params";
import { pageTitle } from "~/utils/page-title";
import { redirectWithStatus } from "~/utils/flash.server";
import { parseForm, rejectConflict, rejectForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Avsluta mandatperiod") }];

/**
 * The body, for one who may manage its seats. The permission is asked before the body is
 * looked up, so that one who may not cannot tell which body ids exist.
 */
async function load(request: Request, params: { bodyId?: string }) {
  const bodyId = idParam(params.bodyId);
  const viewer = await requireViewerWith(request, "manage:memberships", { bodyId });
  const body = getBody(bodyId);
  if (!body) throw notFound("Organet finns inte.");
  return { viewer, body };
}

/** The day the list is drawn for (`?sista=`); the cut list pages by `?sida=`, the coming term's by its own. */
const LIST_DAY = "sista";
const AFTER_PAGE = "borjarsida";

/** The list's day from the address: a date not before today, else the last day of the year. */
function listDayOf(url: URL, today: string): string {
  const asked = url.searchParams.get(LIST_DAY) ?? "";
  return termEndProblem(asked, today) === null ? asked : defaultTermEnd(today);
}

/** The address of the list drawn for `lastDay`, from its first page. */
const listFor = (bodyId: number, lastDay: string) =>
  `/organ/${bodyId}/mandatperiod?${new URLSearchParams({ [LIST_DAY]: lastDay })}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { body } = await load(request, params);
  const today = todayInStockholm();
  const url = new URL(request.url);
  const listedFor = listDayOf(url, today);
  const [cut, startsAfter] = await Promise.all([
    pageOfTermSeats(body.id, today, listedFor, "cut", pageRequestFrom(url.searchParams)),
    pageOfTermSeats(body.id, today, listedFor, "startsAfter", pageRequestFrom(url.searchParams, undefined, AFTER_PAGE)),
  ]);
  return { body, today, listedFor, cut, startsAfter };
}

type Seat = Awaited<ReturnType<typeof pageOfTermSeats>>["items"][number];

const period = (s: { startDate: string; endDate: string | null }) => `${s.startDate} – ${s.endDate ?? "tills vidare"}`;

/** A seat's period on the page, each date kept whole on its line. */
function Period({ seat }: { seat: { startDate: string; endDate: string | null } }) {
  return (
    <>
      <DateText date={seat.startDate} /> – {seat.endDate ? <DateText date={seat.endDate} /> : "tills vidare"}
    </>
  );
}

/** A seat someone changed (or added) since the list was shown: what it is now, and what the user asked. */
interface Changed {
  label: string;
  now: string;
  asked: string;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, body } = await load(request, params);
  const today = todayInStockholm();
  const submission = parseForm(await readForm(request), endTermSchema);
  if (submission.status !== "success") return rejectForm(submission);
  const { lastDay, listedFor, seats: rows, page } = submission.value;
  const problem = termEndProblem(lastDay, today);
  if (problem) return rejectForm(submission, { fieldErrors: { lastDay: [problem] } });
  // The list was drawn for another day (the date changed without JavaScript): draw it for the
  // new day, and let the user check it and confirm.
  if (listedFor !== lastDay)
    return redirectWithStatus(
      listFor(body.id, lastDay),
      `Listan visar nu uppdragen som avslutas ${lastDay}. Kontrollera den och avsluta igen.`,
    );
  // The page of the list the user confirmed, as it is now, and the posted seats as they are now.
  const shownPage = await pageOfTermSeats(
    body.id,
    today,
    lastDay,
    "cut",
    pageRequestFrom(new URLSearchParams({ sida: String(page) })),
  );
  const posted = openSeatsAmong(
    body.id,
    today,
    rows.map((r) => r.membershipId),
  );
  const postedById = new Map(posted.map((s) => [s.membershipId, s]));
  const cutById = new Map(termEndCut(posted, lastDay).cut.map((s) => [s.membershipId, s]));
  const shown = new Set(rows.map((r) => r.membershipId));
  const label = (s: Seat) => `${s.personName} (${s.role})`;
  // A seat of the page that runs past the day but was not in the list (added since, or moved
  // onto the page by a change to another) or a listed one that no longer does (changed since):
  // the list the user confirmed is not the body's any more.
  const changed: Changed[] = [
    ...shownPage.items
      .filter((s) => !shown.has(s.membershipId))
      .map((s) => ({ label: label(s), now: period(s), asked: "fanns inte i listan" })),
    ...rows
      .filter((r) => r.end && !cutById.has(r.membershipId))
      .map((r) => {
        const seat = postedById.get(r.membershipId);
        return {
          label: seat ? label(seat) : "Ett uppdrag som inte längre pågår",
          now: seat ? period(seat) : "avslutat",
          asked: `avslutas ${lastDay}`,
        };
      }),
  ];
  const chosen = rows.filter((r) => r.end && cutById.has(r.membershipId));
  if (!changed.length) {
    const ended = endMemberships(
      viewer.user.id,
      body.id,
      chosen.map((r) => ({ id: r.membershipId, version: r.version })),
      lastDay,
    );
    const done = `${ended.ok ? ended.rows.length : 0} uppdrag avslutas ${lastDay}.`;
    // A list of several pages: back to it, for the seats on the other pages.
    if (ended.ok && shownPage.page.pageCount > 1)
      return redirectWithStatus(listFor(body.id, lastDay), `${done} Listan visar de uppdrag som återstår.`);
    if (ended.ok) return redirectWithStatus(`/organ/${body.id}`, done);
    for (const c of ended.conflicts) {
      const seat = postedById.get(c.id);
      changed.push({
        label: seat ? label(seat) : `Uppdrag ${c.id}`,
        now: period(c),
        asked: `avslutas ${lastDay}`,
      });
    }
  }
  // Nothing is written; the page shows the list as it is now, each seat with its version
  // (so there is no one version to hand back: 0).
  return rejectConflict(submission, changed, 0);
}

export default function EndTerm() {
  const { body, today, listedFor, cut, startsAfter } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const conflict = conflictOf<Changed[]>(lastResult);
  const typed = (lastResult?.initialValue ?? {}) as {
    lastDay?: string;
    seats?: { membershipId?: string; end?: string }[];
  };
  const [form, fields] = useSchemaForm(endTermSchema, {
    lastResult,
    defaultValue: { lastDay: listedFor },
  });
  // With JavaScript the list follows the day as it is typed, while it is a day a term can end
  // on: the list for it is fetched (its address, from its first page). Without, the action
  // draws it for the day sent.
  const live = typeof fields.lastDay.value === "string" ? fields.lastDay.value.trim() : "";
  const navigate = useNavigate();
  const { search } = useLocation();
  useEffect(() => {
    if (live === listedFor || termEndProblem(live, today) !== null) return;
    const params = new URLSearchParams(search);
    params.set(LIST_DAY, live);
    params.delete("sida");
    params.delete(AFTER_PAGE);
    navigate({ search: `?${params}` }, { replace: true, preventScrollReset: true });
  }, [live, listedFor, today, search, navigate]);
  // A seat the user unchecked stays unchecked when the page comes back; a new one is checked.
  const typedEnd = new Map((typed.seats ?? []).map((r) => [r.membershipId, r.end !== undefined]));
  const checked = (s: Seat) => typedEnd.get(String(s.membershipId)) ?? true;
  const seatsError = fields.seats.errors?.[0];
  return (
    <>
      <Breadcrumbs
        trail={[
          ["/organ", "Organ"],
          [`/organ/${body.id}`, `${body.shortName}`],
        ]}
        current="Avsluta mandatperiod"
      />
      <h1>Avsluta mandatperiod i {body.name}</h1>
      <p>
        Ange sista dagen i mandatperioden. De markerade uppdragen får den dagen som sista dag i uppdraget, alla på en
        gång. Uppdrag som börjar efter dagen berörs inte. I dag är det <DateText date={today} />.
      </p>
      {cut.page.pageCount > 1 ? (
        <p>Listan har flera sidor: de markerade uppdragen på sidan som visas avslutas, sedan visas resten.</p>
      ) : null}
      {conflict ? (
        <ConflictNotice
          what="uppdragen"
          rows={conflict.theirs.map((c) => [c.label, c.now, c.asked] as [string, string, string])}
        />
      ) : null}
      <FormErrorSummary form={form} />
      <Form method="post" className="stack" {...formProps(form)}>
        <TextField
          field={fields.lastDay}
          label="Sista dag i mandatperioden"
          hint="ÅÅÅÅ-MM-DD, till exempel 2026-12-31. Listan nedan gäller det datumet."
        />
        <input type="hidden" name={fields.listedFor.name} value={listedFor} />
        <input type="hidden" name={fields.page.name} value={cut.page.page} />
        <fieldset
          className={`field${seatsError ? " field--error" : ""}`}
          id={fields.seats.id}
          tabIndex={-1}
          aria-describedby={seatsError ? fields.seats.errorId : undefined}
        >
          <legend>
            Uppdrag som avslutas <DateText date={listedFor} />
          </legend>
          {cut.items.length ? (
            <ul className="seat-choices">
              {cut.items.map((s, i) => (
                <li key={s.membershipId}>
                  <input type="hidden" name={`${fields.seats.name}[${i}].membershipId`} value={s.membershipId} />
                  <input type="hidden" name={`${fields.seats.name}[${i}].version`} value={s.version} />
                  <label className="choice" htmlFor={`${fields.seats.id}-${s.membershipId}`}>
                    <input
                      type="checkbox"
                      id={`${fields.seats.id}-${s.membershipId}`}
                      name={`${fields.seats.name}[${i}].end`}
                      defaultChecked={checked(s)}
                      key={`${s.membershipId}-${s.version}-${lastResult ? "svar" : "ny"}`}
                    />{" "}
                    <span>
                      <strong>{s.personName}</strong>, {s.role}, {s.organisationName ?? "ingen part"}.{" "}
                      <span className="muted">
                        Nu <Period seat={s} />
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          ) : (
            <p>
              Inga uppdrag i organet pågår efter <DateText date={listedFor} />.
            </p>
          )}
          <Pagination page={cut.page} label="Sidor med uppdrag som avslutas" noun={["uppdrag", "uppdrag"]} />
          {seatsError ? (
            <p className="field-error" id={fields.seats.errorId}>
              {seatsError}
            </p>
          ) : null}
        </fieldset>
        <div className="actions">
          <button type="submit" className="button button--danger">
            {conflict ? "Avsluta de markerade uppdragen ändå" : "Avsluta de markerade uppdragen"}
          </button>
        </div>
      </Form>
      <section aria-labelledby="borjar-efter">
        <h2 id="borjar-efter">
          Börjar efter <DateText date={listedFor} />
        </h2>
        {startsAfter.items.length ? (
          <>
            <p>De här uppdragen hör till nästa mandatperiod och ändras inte.</p>
            <ul>
              {startsAfter.items.map((s) => (
                <li key={s.membershipId}>
                  <strong>{s.personName}</strong>, {s.role}, {s.organisationName ?? "ingen part"}. <Period seat={s} />
                </li>
              ))}
            </ul>
            <Pagination
              page={startsAfter.page}
              param={AFTER_PAGE}
              label="Sidor med uppdrag som börjar efter dagen"
              noun={["uppdrag", "uppdrag"]}
            />
          </>
        ) : (
          <p>
            Inga uppdrag börjar efter <DateText date={listedFor} />.
          </p>
        )}
      </section>
    </>
  );
}

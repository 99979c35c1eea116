import { Breadcrumbs } from "~/components/breadcrumbs";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getViewer, notFound, requireReadable } from "~/auth/session.server";
import { MeetingList } from "~/components/meeting-list";
import { withCollaboration } from "~/domain/collaboration";
import { rolesInBody } from "~/domain/membership";
import { todayInStockholm } from "~/domain/format";
import { can } from "~/domain/policy";
import { getBody, membersOfBody, pageOfFormerMembers, type BodyMember } from "~/models/bodies.server";
import { pageOfPastMeetings, upcomingMeetings } from "~/models/meetings.server";
import { Pagination } from "~/components/pagination";
import { pageRequestFrom } from "~/domain/pagination";
import { exampleMarksOf } from "~/models/example-facts.server";
import { ExampleMark } from "~/components/example-mark";
import type { ExampleMarks } from "~/domain/example-facts";
import { idParam } from "~/utils/params";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.body.name ?? "Organ"} – Samverkansportalen` },
];

/** The former members' own page parameter: the past meetings page by "sida" on the same page. */
const FORMER_PAGE_PARAM = "ledamotssida";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const actor = viewer?.actor ?? null;
  const body = getBody(idParam(params.bodyId));
  if (!body) throw notFound("Organet finns inte.");
  requireReadable(actor, "read:body", { bodyId: body.id }, "Organet finns inte.");
  const today = todayInStockholm();
  const showMembers = can(actor, "read:body-members", { bodyId: body.id, publicRecords: body.publicRecords });
  // The coming meetings are few (a calendar ahead); the past ones grow every year: a page of them.
  const upcoming = upcomingMeetings(actor, [body.id], today);
  const search = new URL(request.url).searchParams;
  const past = await pageOfPastMeetings(actor, [body.id], today, pageRequestFrom(search));
  // Current and upcoming members are whole (the body's seats); former ones, every term's, a page at a time.
  const members = showMembers
    ? {
        ...membersOfBody(body.id, today),
        former: await pageOfFormerMembers(body.id, today, pageRequestFrom(search, undefined, FORMER_PAGE_PARAM)),
      }
    : null;
  const seats = members ? [...members.current, ...members.upcoming, ...members.former.items] : [];
  return {
    body,
    today,
    members,
    upcoming,
    past,
    // One query for the marks of every meeting and seat the page lists.
    marks: exampleMarksOf({
      meeting: [...upcoming, ...past.items].map((m) => m.id),
      membership: seats.map((m) => m.membershipId),
    }),
    canManage: can(actor, "manage:memberships", { bodyId: body.id }),
    canEdit: can(actor, "manage:collaborations"),
    myRole: actor?.bodyRoles.has(body.id) ? rolesInBody(actor.bodyRoles.get(body.id)!) : null,
  };
}

function MemberTable({
  caption,
  rows,
  marks,
  canManage,
  bodyId,
  showEnd,
}: {
  caption: string;
  rows: BodyMember[];
  marks: ExampleMarks;
  canManage: boolean;
  bodyId: number;
  showEnd: boolean;
}) {
  return (
    <TableRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">Roll</th>
            <th scope="col">Företräder</th>
            <th scope="col">Från</th>
            {showEnd ? <th scope="col">Till</th> : null}
            {canManage ? (
              <th scope="col" className="no-print">
                Åtgärd
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.membershipId}>
              <td>
                {m.personName}
                <ExampleMark marks={marks} entity="membership" id={m.membershipId} field="term" />
                {m.personTitle ? <div className="muted">{m.personTitle}</div> : null}
              </td>
              <td>{m.role}</td>
              <td>{m.organisationName ?? "–"}</td>
              <td>{m.startDate}</td>
              {showEnd ? <td>{m.endDate ?? "tills vidare"}</td> : null}
              {canManage ? (
                <td className="no-print">
                  <Link
                    to={`/organ/${bodyId}/ledamoter/${m.membershipId}`}
                    aria-label={`Ändra uppdraget för ${m.personName}`}
                  >
                    Ändra
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

export default function BodyPage() {
  const { body, members, upcoming, past, marks, canManage, canEdit, myRole } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs trail={[["/organ", "Organ"]]} current={`${body.shortName}`} />
      <h1>{body.name}</h1>
      <p className="muted">
        {body.kind} · {body.collaborations.length > 1 ? "Organ för " : ""}
        {body.collaborations.map((c, i) => (
          <span key={c.id}>
            {i > 0 ? ", " : ""}
            <Link to={withCollaboration("/organ", c.slug)}>{c.name}</Link>
          </span>
        ))}
      </p>
      {body.description ? <p>{body.description}</p> : null}
      <p className="no-print">
        <a href={`/organ/${body.id}/flode.atom`} type="application/atom+xml">
          Följ offentliga beslut och kallelser i en flödesläsare (Atom)
        </a>
      </p>
      {canEdit ? (
        <p className="no-print">
          <Link to={`/organ/${body.id}/redigera`}>Ändra organet och dess stående punkter</Link>
        </p>
      ) : null}
      {myRole ? (
        <p className="notice">
          Du är <strong>{myRole}</strong> i {body.shortName}.
        </p>
      ) : null}
      <section aria-labelledby="ledamoter">
        <h2 id="ledamoter">Ledamöter</h2>
        {canManage ? (
          <p className="no-print">
            <Link to={`/organ/${body.id}/ledamoter/ny`} className="button">
              Lägg till ledamot
            </Link>{" "}
            <Link to={`/organ/${body.id}/mandatperiod`} className="button button--secondary">
              Avsluta mandatperiod
            </Link>
          </p>
        ) : null}
        {members === null ? (
          <p>Ledamöterna visas för inloggade användare.</p>
        ) : (
          <>
            {members.current.length ? (
              <MemberTable
                caption="Nuvarande ledamöter"
                rows={members.current}
                marks={marks}
                canManage={canManage}
                bodyId={body.id}
                showEnd
              />
            ) : (
              <p>Organet har inga ledamöter just nu.</p>
            )}
            {members.upcoming.length ? (
              <MemberTable
                caption="Tillträder senare"
                rows={members.upcoming}
                marks={marks}
                canManage={canManage}
                bodyId={body.id}
                showEnd
              />
            ) : null}
            {members.former.items.length ? (
              <>
                <MemberTable
                  caption="Tidigare ledamöter"
                  rows={members.former.items}
                  marks={marks}
                  canManage={canManage}
                  bodyId={body.id}
                  showEnd
                />
                <Pagination
                  page={members.former.page}
                  label="Sidor med tidigare ledamöter"
                  noun={["tidigare ledamot", "tidigare ledamöter"]}
                  param={FORMER_PAGE_PARAM}
                />
              </>
            ) : null}
          </>
        )}
      </section>
      <section aria-labelledby="moten">
        <h2 id="moten">Kommande möten</h2>
        <MeetingList
          meetings={upcoming}
          showBody={false}
          caption="Kommande möten"
          empty="Inga kommande möten är inplanerade."
          marks={marks}
        />
        <h2 id="tidigare-moten">Tidigare möten</h2>
        <MeetingList
          meetings={past.items}
          showBody={false}
          caption="Tidigare möten"
          empty="Inga tidigare möten finns registrerade."
          marks={marks}
        />
        <Pagination page={past.page} label="Sidor med tidigare möten" noun={["tidigare möte", "tidigare möten"]} />
      </section>
    </>
  );
}

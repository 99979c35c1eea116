import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { collaborationChoices, collaborationFor } from "~/auth/collaboration.server";
import { getViewer } from "~/auth/session.server";
import { BodyFilter, CollaborationFilter } from "~/components/forms";
import { withCollaboration } from "~/domain/collaboration";
import { todayInStockholm } from "~/domain/format";
import { MeetingList } from "~/components/meeting-list";
import { Pagination } from "~/components/pagination";
import { pageRequestFrom } from "~/domain/pagination";
import { can } from "~/domain/policy";
import { listBodies } from "~/models/bodies.server";
import { pageOfPastMeetings, upcomingMeetings } from "~/models/meetings.server";
import { exampleMarksOf } from "~/models/example-facts.server";

export const meta: MetaFunction = () => [{ title: "Möten – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const actor = viewer?.actor ?? null;
  const url = new URL(request.url);
  const bodyFilter = Number(url.searchParams.get("organ")) || null;
  const collaboration = collaborationFor(request, actor);
  const bodies = listBodies(collaboration.id);
  // The collaboration's bodies, or the one chosen in the filter (a body of another collaboration is ignored).
  const shown = bodies.some((b) => b.id === bodyFilter) ? [bodyFilter!] : bodies.map((b) => b.id);
  const today = todayInStockholm();
  const upcoming = upcomingMeetings(actor, shown, today);
  const past = await pageOfPastMeetings(actor, shown, today, pageRequestFrom(url.searchParams));
  return {
    today,
    collaboration: collaborationChoices(actor, collaboration),
    bodyFilter,
    bodies: bodies.map((b) => ({ id: b.id, name: b.name })),
    // Access is applied in the query: the list never shows what the meeting page would refuse.
    upcoming,
    past,
    marks: exampleMarksOf({ meeting: [...upcoming, ...past.items].map((m) => m.id) }),
    canCreate: bodies.some((b) => can(actor, "create:meeting", { bodyId: b.id })),
    signedIn: viewer !== null,
  };
}

export default function Meetings() {
  const { collaboration, bodies, bodyFilter, upcoming, past, canCreate, signedIn, marks } =
    useLoaderData<typeof loader>();
  return (
    <>
      <h1>Möten</h1>
      {canCreate ? (
        <p className="no-print">
          <Link to={withCollaboration("/moten/nytt", collaboration.current)} className="button">
            Nytt möte
          </Link>
        </p>
      ) : null}
      {!signedIn ? (
        <p>Du ser publicerade möten i organ vars handlingar är allmänna. Logga in för att se dina organs möten.</p>
      ) : null}
      <Form method="get" className="actions no-print" aria-label="Filtrera möten">
        <CollaborationFilter {...collaboration} />
        <BodyFilter bodies={bodies} value={bodyFilter} />
        <button type="submit" className="button button--secondary">
          Visa
        </button>
      </Form>
      <h2>Kommande möten</h2>
      <MeetingList meetings={upcoming} caption="Kommande möten" empty="Inga möten." marks={marks} />
      <h2>Tidigare möten</h2>
      <MeetingList meetings={past.items} caption="Tidigare möten" empty="Inga möten." marks={marks} />
      <Pagination page={past.page} label="Sidor med tidigare möten" noun={["tidigare möte", "tidigare möten"]} />
    </>
  );
}

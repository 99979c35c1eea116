import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/session.server";
import { MeetingList } from "~/components/meeting-list";
import { formatKronor, todayInStockholm } from "~/domain/format";
import { listCollaborations } from "~/models/bodies.server";
import { startPageFor } from "~/models/start.server";
import { personOfUser } from "~/models/users.server";

export const meta: MetaFunction = () => [{ title: "Start – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const today = todayInStockholm();
  const collaborations = listCollaborations().map((c) => ({ id: c.id, name: c.name, description: c.description }));
  if (!viewer) return { signedIn: false as const, collaborations, today };
  const person = personOfUser(viewer.user.personId);
  return {
    signedIn: true as const,
    collaborations,
    today,
    name: person?.name ?? viewer.user.email,
    role: viewer.user.role,
    ...startPageFor(viewer.actor, today),
  };
}

export default function Start() {
  const data = useLoaderData<typeof loader>();
  if (!data.signedIn) {
    return (
      <>
        <h1>Välkommen till Samverkansportalen</h1>
        {data.collaborations.map((c) => (
          <section key={c.id} aria-labelledby={`collab-${c.id}`}>
            <h2 id={`collab-${c.id}`}>{c.name}</h2>
            {c.description ? <p>{c.description}</p> : null}
          </section>
        ))}
        <p>
          Här förbereds möten, beslut följs upp och samarbetsavtalet hålls aktuellt för samverkans parter. Allmänheten kan se vilka{" "}
          <Link to="/parter">parter</Link> och <Link to="/organ">organ</Link> som ingår.
        </p>
        <p>
          <Link to="/logga-in" className="button">
            Logga in
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Hej {data.name}</h1>
      <p className="muted">Idag är det {data.today}.</p>
      <section aria-labelledby="mina-organ">
        <h2 id="mina-organ">Mina organ</h2>
        {data.myBodies.length === 0 ? (
          <p>
            {data.role === "admin"
              ? "Du är administratör och ser alla organ."
              : "Du sitter inte i något organ just nu. Du kan läsa det som är öppet för samverkans parter."}{" "}
            <Link to="/organ">Visa alla organ</Link>.
          </p>
        ) : (
          <ul className="cards">
            {data.myBodies.map((b) => (
              <li className="card" key={b.id}>
                <h3>
                  <Link to={`/organ/${b.id}`}>{b.name}</Link>
                </h3>
                <p>
                  Din roll: <strong>{b.role}</strong>
                </p>
                <p className="muted">{b.collaborationName}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {data.followUp.pendingAnswers.length ? (
        <section aria-labelledby="att-besluta" className="card">
          <h2 id="att-besluta">Din organisation ska besluta</h2>
          <ul>
            {data.followUp.pendingAnswers.map((p) => (
              <li key={p.recommendationId}>
                <Link to={`/rekommendationer/${p.recommendationId}`}>{p.title}</Link>: svar senast {p.deadline} ({p.status}
                {p.overdue ? ", försenat" : ""})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.followUp.overdueAssignments.length ? (
        <section aria-labelledby="forsenade-uppdrag" className="card">
          <h2 id="forsenade-uppdrag">Försenade uppdrag</h2>
          <ul>
            {data.followUp.overdueAssignments.map((a) => (
              <li key={a.id}>
                {a.title} ({a.assigneeName}, skulle vara klart {a.dueDate})
              </li>
            ))}
          </ul>
          <p>
            <Link to="/uppdrag?visa=forsenade">Alla försenade uppdrag</Link>
          </p>
        </section>
      ) : null}
      {data.agreement ? (
        <section aria-labelledby="avtalet" className="card">
          <h2 id="avtalet">Samarbetsavtalet</h2>
          <p>
            Avtalsperiod {data.agreement.term.start} – {data.agreement.term.end}
            {data.agreement.term.renewals > 0 ? ` (förlängt ${data.agreement.term.renewals} gånger)` : ""}.
          </p>
          <p>
            Nästa sista dag för uppsägning: <strong>{data.agreement.nextExit.noticeDeadline}</strong> (
            {data.agreement.nextExit.daysLeft === 0 ? "idag" : `${data.agreement.nextExit.daysLeft} dagar kvar`}), för utträde {data.agreement.nextExit.termEnd}.
          </p>
          {data.agreement.myOrganisation ? (
            <p>
              {data.agreement.myOrganisation.name} betalar <strong>{formatKronor(data.agreement.myOrganisation.amount)}</strong> {data.agreement.year}.
            </p>
          ) : null}
          <p>
            <Link to="/avtal">Till avtalet</Link>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="nasta-moten">
        <h2 id="nasta-moten">Nästa möten</h2>
        <MeetingList meetings={data.nextMeetings} empty="Inga kommande möten är inplanerade." />
      </section>
    </>
  );
}

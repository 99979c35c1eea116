import { DateText } from "~/components/dates";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/session.server";
import { MeetingList } from "~/components/meeting-list";
import { withCollaboration } from "~/domain/collaboration";
import { countOf, formatKronor, todayInStockholm } from "~/domain/format";
import { listCollaborations } from "~/models/collaborations.server";
import { startPageFor } from "~/models/start.server";
import { personOfUser } from "~/models/users.server";

export const meta: MetaFunction = () => [{ title: "Start – Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const today = todayInStockholm();
  if (!viewer) {
    const collaborations = listCollaborations().map((c) => ({
      id: c.id,
      slug: c.slug,
      name: c.name,
      description: c.description,
    }));
    return { signedIn: false as const, collaborations, today };
  }
  const person = personOfUser(viewer.user.personId);
  return {
    signedIn: true as const,
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
            <p>
              <Link to={withCollaboration("/avtal", c.slug)}>Samarbetsavtalet</Link> ·{" "}
              <Link to={withCollaboration("/parter", c.slug)}>Parterna</Link>
            </p>
          </section>
        ))}
        <p>Här förbereder samverkans parter sina möten, följer upp beslut och håller samarbetsavtalet aktuellt.</p>
        {/* What the public can read without signing in (app/domain/policy.ts), said plainly (issue 15). */}
        <h2>Det här kan du se utan att logga in</h2>
        <ul>
          <li>
            <Link to="/avtal">Samarbetsavtalet</Link>, vilka <Link to="/parter">parter</Link> som ingår och vad var och
            en betalar.
          </li>
          <li>
            <Link to="/organ">Organen</Link> och vilka som sitter i de organ som har offentliga handlingar.
          </li>
          <li>
            Publicerade kallelser och justerade protokoll från de organ som har offentliga handlingar (
            <Link to="/moten">möten</Link>).
          </li>
          <li>
            <Link to="/beslut">Offentliga beslut</Link> och <Link to="/rekommendationer">rekommendationerna</Link> till
            parterna med varje parts svar.
          </li>
          <li>
            <Link to="/dokument">Offentliga dokument</Link>. Du kan <Link to="/sok">söka</Link> i allt detta.
          </li>
        </ul>
        <p>Ärenden, uppdrag, utkast och handlingar som bara gäller ett organs ledamöter visas bara för inloggade.</p>
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
      <p className="muted">
        Idag är det <DateText date={data.today} />.
      </p>
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
                  {b.until ? (
                    <>
                      {" "}
                      till och med <DateText date={b.until} />
                    </>
                  ) : null}
                </p>
                <p className="muted">{b.collaborationNames}</p>
              </li>
            ))}
          </ul>
        )}
        {data.comingSeats.length ? (
          <>
            <h3>Uppdrag som börjar senare</h3>
            <ul>
              {data.comingSeats.map((s) => (
                <li key={`${s.bodyId}-${s.role}-${s.startDate}`}>
                  Från och med <DateText date={s.startDate} />: {s.role} i{" "}
                  <Link to={`/organ/${s.bodyId}`}>{s.bodyName}</Link>. Du kan redan öppna de möten du är kallad till.
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {data.collaborations.map((c) => (
        <section key={c.id} aria-labelledby={`samverkan-${c.id}`} className="collaboration-overview">
          <h2 id={`samverkan-${c.id}`}>{c.name}</h2>
          {c.followUp.pendingAnswers.length ? (
            <section aria-labelledby={`att-besluta-${c.id}`} className="card">
              <h3 id={`att-besluta-${c.id}`}>Din organisation ska besluta</h3>
              <ul>
                {c.followUp.pendingAnswers.map((p) => (
                  <li key={p.recommendationId}>
                    <Link to={`/rekommendationer/${p.recommendationId}`}>{p.title}</Link>: svar senast{" "}
                    <DateText date={p.deadline} /> ({p.status}
                    {p.overdue ? ", försenat" : ""})
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {c.followUp.overdueAssignments.length ? (
            <section aria-labelledby={`forsenade-uppdrag-${c.id}`} className="card">
              <h3 id={`forsenade-uppdrag-${c.id}`}>Försenade uppdrag</h3>
              <ul>
                {c.followUp.overdueAssignments.map((a) => (
                  <li key={a.id}>
                    {a.title} ({a.assigneeName}, skulle vara klart <DateText date={a.dueDate} />)
                  </li>
                ))}
              </ul>
              <p>
                <Link to={withCollaboration("/uppdrag?visa=forsenade", c.slug)}>Alla försenade uppdrag</Link>
              </p>
            </section>
          ) : null}
          {c.agreement ? (
            <section aria-labelledby={`avtalet-${c.id}`} className="card">
              <h3 id={`avtalet-${c.id}`}>Samarbetsavtalet</h3>
              <p>
                Avtalsperiod <DateText date={c.agreement.term.start} /> – <DateText date={c.agreement.term.end} />
                {c.agreement.term.renewals > 0
                  ? ` (förlängt ${countOf(c.agreement.term.renewals, "gång", "gånger")})`
                  : ""}
                .
              </p>
              <p>
                Nästa sista dag för uppsägning:{" "}
                <strong>
                  <DateText date={c.agreement.nextExit.noticeDeadline} />
                </strong>{" "}
                (
                {c.agreement.nextExit.daysLeft === 0
                  ? "idag"
                  : `${countOf(c.agreement.nextExit.daysLeft, "dag", "dagar")} kvar`}
                ), för utträde <DateText date={c.agreement.nextExit.termEnd} />.
              </p>
              {c.agreement.myOrganisation ? (
                <p>
                  {c.agreement.myOrganisation.name} betalar{" "}
                  <strong>{formatKronor(c.agreement.myOrganisation.net)}</strong> {c.agreement.year}
                  {c.agreement.myOrganisation.net !== c.agreement.myOrganisation.share
                    ? ` (andel av budgeten ${formatKronor(c.agreement.myOrganisation.share)})`
                    : ""}
                  .{c.agreement.myOrganisation.example ? " Beräknat på exempeluppgifter." : ""}{" "}
                  {c.agreement.myOrganisation.payment}{" "}
                  <Link
                    to={withCollaboration(
                      `/avtal/fakturaunderlag?ar=${c.agreement.year}&part=${c.agreement.myOrganisation.organisationId}`,
                      c.slug,
                    )}
                  >
                    Fakturaunderlag {c.agreement.year}
                  </Link>
                </p>
              ) : null}
              <p>
                <Link to={withCollaboration("/avtal", c.slug)}>Till avtalet för {c.name}</Link>
              </p>
            </section>
          ) : null}
        </section>
      ))}
      <section aria-labelledby="nasta-moten">
        <h2 id="nasta-moten">Nästa möten</h2>
        <MeetingList meetings={data.nextMeetings} empty="Inga kommande möten är inplanerade." />
      </section>
    </>
  );
}

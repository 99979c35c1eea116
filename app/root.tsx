import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { getViewer } from "./auth/session.server";
import { can } from "./domain/policy";
import { listCollaborations } from "./models/bodies.server";
import { personOfUser } from "./models/users.server";
import appStyles from "./styles/app.css";
import { useNonce } from "./utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const collaborations = listCollaborations().map((c) => ({ id: c.id, name: c.name }));
  const person = viewer ? personOfUser(viewer.user.personId) : undefined;
  return {
    collaborations,
    viewer: viewer
      ? {
          name: person?.name ?? viewer.user.email,
          email: viewer.user.email,
          role: viewer.user.role,
          canReadAudit: can(viewer.actor, "read:audit"),
          canManagePeople: can(viewer.actor, "manage:people"),
        }
      : null,
  };
}

const ROLE_LABEL = { admin: "administratör", member: "medlem", reader: "läsare" } as const;

function Shell({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const viewer = data?.viewer ?? null;
  const title = data?.collaborations[0]?.name ?? "Samverkansportalen";
  return (
    <>
      <a className="skip-link" href="#innehall">
        Hoppa till innehållet
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__product">Samverkansportalen</span>
            <span className="brand__collab">{title}</span>
          </Link>
          <div className="account">
            {viewer ? (
              <>
                <span className="account__who">
                  {viewer.name} <span className="muted">({ROLE_LABEL[viewer.role]})</span>
                </span>
                <Link to="/konto">Mitt konto</Link>
                <Form method="post" action="/logga-ut">
                  <button type="submit" className="button button--link">
                    Logga ut
                  </button>
                </Form>
              </>
            ) : (
              <Link to="/logga-in" className="button">
                Logga in
              </Link>
            )}
          </div>
        </div>
        <nav aria-label="Huvudmeny" className="main-nav">
          <ul>
            <li>
              <NavLink to="/" end>
                Start
              </NavLink>
            </li>
            <li>
              <NavLink to="/moten">Möten</NavLink>
            </li>
            <li>
              <NavLink to="/beslut">Beslut</NavLink>
            </li>
            <li>
              <NavLink to="/rekommendationer">Rekommendationer</NavLink>
            </li>
            {viewer ? (
              <>
                <li>
                  <NavLink to="/arenden">Ärenden</NavLink>
                </li>
                <li>
                  <NavLink to="/uppdrag">Uppdrag</NavLink>
                </li>
              </>
            ) : null}
            <li>
              <NavLink to="/organ">Organ</NavLink>
            </li>
            <li>
              <NavLink to="/parter">Parter</NavLink>
            </li>
            <li>
              <NavLink to="/avtal">Avtal</NavLink>
            </li>
            <li>
              <NavLink to="/dokument">Dokument</NavLink>
            </li>
            <li>
              <NavLink to="/uppfoljning">Uppföljning</NavLink>
            </li>
            <li>
              <NavLink to="/sok">Sök</NavLink>
            </li>
            {viewer?.canManagePeople ? (
              <li>
                <NavLink to="/personer">Personer</NavLink>
              </li>
            ) : null}
            {viewer?.canReadAudit ? (
              <li>
                <NavLink to="/admin/logg">Händelselogg</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      </header>
      <main id="innehall" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>Samverkansportalen · Uppgifter om enskilda klienter får aldrig läggas in i portalen.</p>
      </footer>
    </>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="sv">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  let heading = "Något gick fel";
  let text = "Ett oväntat fel inträffade. Försök igen om en stund. Om felet kvarstår, kontakta samordnaren.";
  if (isRouteErrorResponse(error)) {
    if (error.status === 403) {
      heading = "Du saknar behörighet";
      text =
        "Du har inte behörighet till den här sidan. Sidan kan höra till ett organ som du inte är ledamot i. Kontakta samordnaren om du behöver tillgång.";
    } else if (error.status === 404) {
      heading = "Sidan finns inte";
      text = "Sidan du söker finns inte, eller har flyttats. Kontrollera adressen eller gå till startsidan.";
    } else if (error.status === 413) {
      heading = "För stor förfrågan";
      text = "Det du skickade är för stort.";
    } else if (error.status === 400 || error.status === 405) {
      heading = "Felaktig förfrågan";
      text = typeof error.data === "string" && error.data ? error.data : "Förfrågan kunde inte behandlas.";
    }
  } else if (error instanceof Error) {
    console.error(error);
  }
  return (
    <Shell>
      <div className="error-page">
        <h1>{heading}</h1>
        <p>{text}</p>
        <p>
          <Link to="/">Till startsidan</Link>
        </p>
      </div>
    </Shell>
  );
}

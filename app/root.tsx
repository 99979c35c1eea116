import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
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
  useLocation,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { getViewer } from "./auth/session.server";
import { can } from "./domain/policy";
import { chooseCollaboration, COLLABORATION_PARAM, switchTarget, withCollaboration } from "./domain/collaboration";
import { collaborationsOf } from "./auth/collaboration.server";
import { listCollaborations } from "./models/collaborations.server";
import { personOfUser } from "./models/users.server";
import appStyles from "./styles/app.css";
import { takeFlash } from "./utils/flash.server";
import { useNonce } from "./utils/nonce";
import { errorHeading, forbiddenText, pageTitle, SITE_NAME } from "./utils/page-title";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  // The public origin for printed links' addresses (app/routes/utskrift[.css].tsx).
  { rel: "stylesheet", href: "/utskrift.css", media: "print" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** Routes name their pages with pageTitle(); an error page (403, 404 …) is named here. */
export const meta: MetaFunction = ({ error }) => [
  { title: error ? pageTitle(errorHeading(isRouteErrorResponse(error) ? error.status : null)) : SITE_NAME },
];

/**
 * A success message is shown once. Links do not reload the root's data, so while a message is
 * on screen the next navigation does, which takes the message away.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ defaultShouldRevalidate }) =>
  defaultShouldRevalidate || (typeof document !== "undefined" && document.querySelector("[data-flash]") !== null);

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const actor = viewer?.actor ?? null;
  const url = new URL(request.url);
  const requested = url.searchParams.get(COLLABORATION_PARAM);
  // An unknown slug is the page's 404 to give; the header then names none.
  const chosen = chooseCollaboration(listCollaborations(), requested, actor?.collaborationIds ?? new Set());
  const current =
    typeof chosen === "string" ? null : { slug: chosen.slug, name: chosen.name, isExample: chosen.isExample };
  const person = viewer ? personOfUser(viewer.user.personId) : undefined;
  const flash = takeFlash(request);
  const body = {
    flash: flash.message,
    collaboration: {
      current,
      // Named in the URL: the menu keeps it, so every page stays in the chosen collaboration.
      inUrl: current !== null && requested === current.slug,
      choices: collaborationsOf(actor).map((c) => ({ slug: c.slug, name: c.name })),
      switchTo: switchTarget(url.pathname),
    },
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
  return flash.setCookie ? data(body, { headers: { "Set-Cookie": flash.setCookie } }) : body;
}

const ROLE_LABEL = { admin: "administratör", member: "medlem", reader: "läsare" } as const;

/** Wide enough for the whole menu in one or two rows; below it the menu folds away. */
const WIDE_SCREEN = "(min-width: 48em)";

/**
 * After a client-side navigation, focus goes where a page load would leave a screen reader:
 * to the element the address names (#punkt-3), otherwise, on a new page, to its heading, so
 * the heading is read and Tab continues from the top of the content. A page that moved focus
 * itself (a form's error summary) keeps it; a filter on the same page keeps the focus where
 * the user was.
 */
function useFocusAfterNavigation() {
  const location = useLocation();
  const previousPath = useRef<string | null>(null);
  useEffect(() => {
    const previous = previousPath.current;
    previousPath.current = location.pathname;
    if (previous === null) return; // the first render is a page load; the browser handles it
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.closest('[role="alert"]')) return;
    let target: HTMLElement | null = null;
    if (location.hash) target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target && previous !== location.pathname) {
      target = document.querySelector<HTMLElement>("main h1") ?? document.getElementById("innehall");
    }
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
  }, [location.key, location.pathname, location.hash]);
}

/**
 * The main menu is a <details>: on a phone it is one "Meny" button that opens without
 * JavaScript; on a wide screen the stylesheet shows it open. With JavaScript it is also
 * opened on wide screens (browsers without ::details-content) and closed after a choice on
 * narrow ones.
 */
function useMenu() {
  const ref = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  useEffect(() => {
    const media = window.matchMedia(WIDE_SCREEN);
    const sync = () => {
      if (ref.current) ref.current.open = media.matches;
    };
    sync();
    media.addEventListener("change", sync);
    return () => media.removeEventListener("change", sync);
  }, []);
  useEffect(() => {
    if (ref.current && !window.matchMedia(WIDE_SCREEN).matches) ref.current.open = false;
  }, [location.pathname]);
  return ref;
}

function Shell({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const viewer = root?.viewer ?? null;
  const flash = root?.flash ?? null;
  const collab = root?.collaboration;
  const menu = useMenu();
  useFocusAfterNavigation();
  const location = useLocation();
  const shown = location.pathname + location.search;
  const title = collab?.current?.name ?? "";
  // Menu links stay in the collaboration the URL names.
  const to = (path: string) => (collab?.inUrl && collab.current ? withCollaboration(path, collab.current.slug) : path);
  return (
    <>
      <a className="skip-link" href="#innehall">
        Hoppa till innehållet
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to={to("/")} className="brand">
            <span className="brand__product">Samverkansportalen</span>
            {title ? (
              <span className="brand__collab">
                {title}
                {collab?.current?.isExample ? " (exempeluppgift)" : ""}
              </span>
            ) : null}
          </Link>
          {collab && collab.choices.length > 1 ? (
            <Form method="get" action={collab.switchTo} className="collaboration-switcher">
              <label htmlFor="byt-samverkan">Samverkan</label>
              <select id="byt-samverkan" name={COLLABORATION_PARAM} defaultValue={collab.current?.slug}>
                {collab.choices.map((c) => (
                  <option key={c.slug} value={c.slug}>
                    {c.name}
                  </option>
                ))}
              </select>
              <button type="submit" className="button button--secondary">
                Byt
              </button>
            </Form>
          ) : null}
          <div className="account">
            {viewer ? (
              <>
                <span className="account__who">
                  {viewer.name} <span className="account__role">({ROLE_LABEL[viewer.role]})</span>
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
        <details className="menu" ref={menu}>
          <summary className="menu__toggle">Meny</summary>
          <nav aria-label="Huvudmeny" className="main-nav">
            <ul>
              <li>
                <NavLink to={to("/")} end>
                  Start
                </NavLink>
              </li>
              <li>
                <NavLink to={to("/moten")}>Möten</NavLink>
              </li>
              <li>
                <NavLink to={to("/beslut")}>Beslut</NavLink>
              </li>
              <li>
                <NavLink to={to("/rekommendationer")}>Rekommendationer</NavLink>
              </li>
              {viewer ? (
                <>
                  <li>
                    <NavLink to={to("/arenden")}>Ärenden</NavLink>
                  </li>
                  <li>
                    <NavLink to={to("/uppdrag")}>Uppdrag</NavLink>
                  </li>
                </>
              ) : null}
              <li>
                <NavLink to="/samverkan">Samverkan</NavLink>
              </li>
              <li>
                <NavLink to={to("/organ")}>Organ</NavLink>
              </li>
              <li>
                <NavLink to={to("/parter")}>Parter</NavLink>
              </li>
              <li>
                <NavLink to={to("/avtal")}>Avtal</NavLink>
              </li>
              <li>
                <NavLink to={to("/dokument")}>Dokument</NavLink>
              </li>
              <li>
                <NavLink to={to("/uppfoljning")}>Uppföljning</NavLink>
              </li>
              <li>
                <NavLink to={to("/sok")}>Sök</NavLink>
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
              {viewer?.canReadAudit ? (
                <li>
                  <NavLink to="/admin/e-post">E-post</NavLink>
                </li>
              ) : null}
            </ul>
          </nav>
        </details>
      </header>
      {/* data-shows: the address this content was drawn for. A client navigation changes the
          address before React has drawn the new page (it renders in a transition); the browser
          tests wait for the two to agree (tests/support/browser.ts). */}
      <main id="innehall" tabIndex={-1} data-shows={shown}>
        {/* The one status region: present on every page so that a message put in it is announced. */}
        <div role="status" className={flash ? "notice notice--ok flash" : "flash"} data-flash={flash ? "" : undefined}>
          {flash}
        </div>
        {children}
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>Samverkansportalen · Uppgifter om enskilda klienter får aldrig läggas in i portalen.</p>
          <ul className="site-footer__links">
            <li>
              <Link to="/tillganglighet">Tillgänglighetsredogörelse</Link>
            </li>
          </ul>
        </div>
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
  const status = isRouteErrorResponse(error) ? error.status : null;
  const heading = errorHeading(status);
  const location = useLocation();
  // The root loader has run when a route below refused: no viewer there means signed out.
  const signedOut = useRouteLoaderData<typeof loader>("root")?.viewer == null;
  const signIn = `/logga-in?${new URLSearchParams({ redirectTo: `${location.pathname}${location.search}` })}`;
  let text = "Ett oväntat fel inträffade. Försök igen om en stund. Om felet kvarstår, kontakta samordnaren.";
  let offerSignIn = false;
  if (isRouteErrorResponse(error)) {
    if (error.status === 403 && signedOut) {
      text = "Sidan kräver att du är inloggad.";
      offerSignIn = true;
    } else if (error.status === 403) {
      text = forbiddenText(error.data);
    } else if (error.status === 404 && signedOut) {
      // A hidden object answers as a missing one (requireReadable): after sign-in it may open.
      text = "Sidan finns inte, eller så visas den bara för inloggade. Logga in och försök igen.";
      offerSignIn = true;
    } else if (error.status === 404) {
      text =
        "Sidan du söker finns inte, eller så har du inte behörighet att se den. Kontrollera adressen eller gå till startsidan.";
    } else if (error.status === 413) {
      text = "Det du skickade är för stort.";
    } else if (error.status === 400 || error.status === 405) {
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
        {offerSignIn ? (
          <p>
            <Link to={signIn}>Logga in</Link>
          </p>
        ) : null}
        <p>
          <Link to="/">Till startsidan</Link>
        </p>
      </div>
    </Shell>
  );
}

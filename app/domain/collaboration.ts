/**
 * Which collaboration (samverkan) a request concerns. The URL says it, so a link can be
 * shared: pages about a whole collaboration (lists, the agreement, follow-up, forms that
 * create something) read `?samverkan=<slug>`; pages about one object (a meeting, a matter,
 * a recommendation) take the collaboration from the object. Without the parameter the
 * viewer's own collaboration is meant. See docs/decisions/008-collaboration-in-the-url.md.
 */

/** The search parameter that names the collaboration: `/avtal?samverkan=mini-maria-jh`. */
export const COLLABORATION_PARAM = "samverkan";

export interface CollaborationChoice {
  id: number;
  slug: string;
}

/**
 * The collaboration a request concerns: the one the URL names; else the first one the
 * viewer takes part in; else the first one there is. `unknown` when the URL names a
 * collaboration that does not exist (the page answers 404, it never silently shows
 * another collaboration). `none` when there is no collaboration at all.
 */
export function chooseCollaboration<C extends CollaborationChoice>(
  all: readonly C[],
  requestedSlug: string | null,
  own: ReadonlySet<number>,
): C | "unknown" | "none" {
  if (requestedSlug !== null && requestedSlug !== "") {
    return all.find((c) => c.slug === requestedSlug) ?? "unknown";
  }
  return all.find((c) => own.has(c.id)) ?? all[0] ?? "none";
}

/**
 * A link to `href` within the collaboration `slug`: keeps the path, the other parameters
 * and the fragment, and sets `?samverkan=`. Works for relative and absolute paths.
 */
export function withCollaboration(href: string, slug: string): string {
  const hashAt = href.indexOf("#");
  const hash = hashAt >= 0 ? href.slice(hashAt) : "";
  const rest = hashAt >= 0 ? href.slice(0, hashAt) : href;
  const queryAt = rest.indexOf("?");
  const path = queryAt >= 0 ? rest.slice(0, queryAt) : rest;
  const params = new URLSearchParams(queryAt >= 0 ? rest.slice(queryAt + 1) : "");
  params.set(COLLABORATION_PARAM, slug);
  return `${path}?${params}${hash}`;
}

/**
 * Where the collaboration switcher goes from `pathname`: a collection page stays where it
 * is; a page about one object (a path with a numeric id) goes to its section's list, since
 * the object belongs to one collaboration (`/moten/12/protokoll` → `/moten`).
 */
export function switchTarget(pathname: string): string {
  const segments = pathname.split("/").filter(Boolean);
  if (!segments.some((s) => /^\d+$/.test(s))) return pathname || "/";
  return segments[0] && !/^\d+$/.test(segments[0]) ? `/${segments[0]}` : "/";
}

/** What an organisation is. */
export const ORGANISATION_KINDS = ["region", "kommun", "annan"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABEL: Record<OrganisationKind, string> = {
  region: "Region",
  kommun: "Kommun",
  annan: "Annan organisation",
};

/**
 * A party's role in a collaboration: a principal (huvudman) employs staff on behalf of the
 * others; a party pays its share. In Mini-Maria the region and Östersund are principals.
 */
export const PARTY_ROLES = ["huvudman", "part"] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const PARTY_ROLE_LABEL: Record<PartyRole, string> = { huvudman: "Huvudman", part: "Part" };

/** A URL name: lower-case a–z, digits and single hyphens, 2–60 characters ("mini-maria-jh"). */
export function isSlug(value: string): boolean {
  return value.length >= 2 && value.length <= 60 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}

/** A Swedish municipality code (kommunkod, four digits: 2380 Östersund) or county code (länskod, two: 23). */
export function isMunicipalityCode(value: string): boolean {
  return /^\d{2}(\d{2})?$/.test(value);
}

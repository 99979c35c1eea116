/**
 * One way to name a page (WCAG 2.4.2): the most specific part first, the portal last, so
 * every page has its own title and a list of browser tabs reads well.
 *   pageTitle("Protokoll", "SVOM 2026-12-03") → "Protokoll – SVOM 2026-12-03 – Samverkansportalen"
 * Empty parts (data not loaded yet) are left out.
 */
export const SITE_NAME = "Samverkansportalen";

export function pageTitle(...parts: (string | number | null | undefined | false)[]): string {
  const named = parts
    .filter((p): p is string | number => p !== null && p !== undefined && p !== false && String(p).trim() !== "")
    .map((p) => String(p).trim());
  return [...named, SITE_NAME].join(" – ");
}

/** The heading of the error page for a status code; also the page's title. */
export function errorHeading(status: number | null): string {
  switch (status) {
    case 403:
      return "Du saknar behörighet";
    case 404:
      return "Sidan finns inte";
    case 413:
      return "För stor förfrågan";
    case 400:
    case 405:
      return "Felaktig förfrågan";
    default:
      return "Något gick fel";
  }
}

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

/** A refusal's general text: what a 403 without a reason of its own (`forbidden()`) carries. */
export const NO_ACCESS = "Du har inte behörighet till den här sidan.";

/**
 * What the error page tells a signed-in viewer refused with 403: the refusal's own reason when
 * it gives one (who may do it instead, `forbidden("…")`), else the general text. A 403 is only
 * ever for something the viewer may see, so its reason reveals nothing hidden.
 */
export function forbiddenText(data: unknown): string {
  const reason = typeof data === "string" ? data.trim() : "";
  return reason !== "" && reason !== NO_ACCESS && reason.length <= 300
    ? `${reason} Kontakta samordnaren om du behöver tillgång.`
    : `${NO_ACCESS} Sidan kan höra till ett organ som du inte är ledamot i. Kontakta samordnaren om du behöver tillgång.`;
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

/**
 * Reading a page's query string (`?ar=2026&part=12`): a year or an id, or the fallback when
 * the value is missing or not what it claims to be. Forms that change data use the one form
 * pattern instead (app/forms/).
 */

/** A year 2000–2100 from `?<name>=`, else `fallback`. */
export function yearFromQuery(request: Request, fallback: number, name = "ar"): number {
  const raw = new URL(request.url).searchParams.get(name);
  const year = Number(raw);
  return raw && /^\d{4}$/.test(raw) && year >= 2000 && year <= 2100 ? year : fallback;
}

/** A positive whole number (an id, a count) from `?<name>=`, else null. */
export function idFromQuery(request: Request, name: string): number | null {
  const raw = new URL(request.url).searchParams.get(name) ?? "";
  const n = Number(raw);
  return /^\d{1,15}$/.test(raw) && Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** A trimmed text from `?<name>=`, "" when absent. */
export function textFromQuery(request: Request, name: string): string {
  return (new URL(request.url).searchParams.get(name) ?? "").trim();
}

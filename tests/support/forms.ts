/** Form submissions for the schemas' and the routes' tests, and what a rejected one says. */

/** A submitted form: each field once, or once per value for a list (several checkboxes of one name). */
export function formData(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(name, one);
  return data;
}

/** The field messages of a rejected submission (none for a successful one). */
export function errorsOf(s: { status?: string }): Record<string, string[] | null | undefined> {
  return "error" in s && s.error ? (s.error as Record<string, string[] | null>) : {};
}

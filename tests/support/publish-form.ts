/**
 * The meeting page's publish form as rendered for the secretary: its hidden fields (intent,
 * the meeting's version and the notice's fingerprint as the page showed them), to post as the
 * browser would.
 */
export function publishFormIn(html: string): Record<string, string> {
  const start = html.indexOf('name="intent" value="publish"');
  if (start < 0) throw new Error("no publish form on the page");
  const form = html.slice(html.lastIndexOf("<form", start), html.indexOf("</form>", start));
  const fields: Record<string, string> = {};
  for (const [, name, value] of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields[name] = value;
  return fields;
}

import { personalNumbersIn, personalDataMessage } from "~/domain/personal-number";
import { markdownToPlainText, renderMarkdown } from "~/utils/markdown.server";
import { checkUploads, type PendingFile } from "./files.server";

/**
 * The content of a new document version from a form: Markdown written in the portal or an
 * uploaded file (checked for type, size and personal identity numbers). One of the two.
 * Messages come per field ("markdown", "file"), as the one form pattern returns them.
 */
export async function readVersionContent(
  form: FormData,
  requireContent: boolean,
): Promise<
  | { ok: true; markdown: string | null; searchText: string; files: PendingFile[]; preview: string }
  | { ok: false; errors: Record<string, string[]> }
> {
  const markdown = String(form.get("markdown") ?? "");
  const uploads = await checkUploads(form, "file");
  if (!uploads.ok) return { ok: false, errors: { file: [uploads.error] } };
  const hits = personalNumbersIn(markdown);
  if (hits.length) return { ok: false, errors: { markdown: [personalDataMessage(hits)] } };
  if (markdown.length > 500_000)
    return { ok: false, errors: { markdown: ["Texten är för lång (högst 500 000 tecken)."] } };
  const file = uploads.files[0];
  if (requireContent && !markdown.trim() && !file)
    return { ok: false, errors: { markdown: ["Skriv dokumentets text eller ladda upp en fil."] } };
  if (markdown.trim() && file) return { ok: false, errors: { file: ["Välj antingen text eller fil, inte båda."] } };
  return {
    ok: true,
    markdown: markdown.trim() ? markdown : null,
    searchText: file ? file.text : markdownToPlainText(markdown),
    files: file ? [file] : [],
    preview: renderMarkdown(markdown),
  };
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireViewerWith } from "~/auth/session.server";
import { composeOutboxMessage } from "~/jobs/mail-sender.server";
import { emlFileName, getOutboxMessage } from "~/models/outbox.server";
import { readEmlFile } from "~/utils/mail-transport.server";
import { idParam } from "~/utils/params";

/** The message as an .eml file: the file written when there is no relay, else composed again from the row. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireViewerWith(request, "manage:mail");
  const message = getOutboxMessage(idParam(params.messageId));
  if (!message) throw notFound("Meddelandet finns inte.");
  const name = emlFileName(message);
  const bytes = (message.via === "fil" ? readEmlFile(name) : null) ?? (await composeOutboxMessage(message));
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "message/rfc822",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

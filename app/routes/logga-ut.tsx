import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { blankSessionCookie, endSession } from "~/auth/sessions.server";
import { getViewer } from "~/auth/session.server";
import { recordAudit } from "~/models/audit.server";
import { write } from "~/utils/db.server";
import { redirectWithStatus } from "~/utils/flash.server";

/** Sign-out is POST only (a GET link could be triggered by any page). */
export async function loader() {
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await getViewer(request);
  if (!viewer) return redirect("/", { headers: { "Set-Cookie": blankSessionCookie() } });
  const cookie = await endSession(viewer.sessionId);
  write((tx) =>
    recordAudit(tx, { userId: viewer.user.id, action: "signout", entityType: "session", entityId: viewer.user.id }),
  );
  return redirectWithStatus("/", "Du är utloggad.", { headers: { "Set-Cookie": cookie } });
}

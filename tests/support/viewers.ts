/**
 * The demo's viewers, one of each kind, as the policy sees them: the public (null), a reader,
 * two members of different organisations and the admin. Tests that hold a list or a search to
 * the policy run it for each of them.
 */
import type { DemoWorld } from "../../db/demo-world";
import type { Actor } from "~/domain/policy";
import { loadActor } from "~/models/users.server";

/**
 * Each demo viewer with a label that says who it is, read on `today` from the app's connection,
 * always in this order: the public, the reader, the two members, the admin.
 */
export function demoViewers(world: DemoWorld, today: string): [string, Actor | null][] {
  const user = (id: string, role: Actor["role"], person: string) =>
    loadActor({ id, role, personId: world.personIds[person] }, today);
  return [
    ["the public", null],
    ["a politician (reader)", user("demo-politiker", "reader", "Per Politiker Krokom")],
    ["an IFO chief (member)", user("demo-ifochef", "member", "Ingrid IFO-chef Östersund")],
    ["Mini-Maria's manager (member)", user("demo-chef", "member", "Maja Mini-Maria-chef")],
    ["the coordinator (admin)", user("demo-samordnare", "admin", "Sara Samordnare")],
  ];
}

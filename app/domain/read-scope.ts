/**
 * The policy's read rules (app/domain/policy.ts) as facts a database query can test, so a
 * list filters by access in SQL and its count and pages are right: a list never fetches
 * everything to drop what the viewer may not see. The model layer turns a scope into SQL
 * (app/models/read-scope.server.ts); tests/integration/read-scope.test.ts checks, row by
 * row and actor by actor, that the SQL admits exactly what `can` admits.
 */
import type { Actor } from "./policy";

export interface ReadScope {
  /** Reads everything (the coordinator, role admin). */
  everything: boolean;
  signedIn: boolean;
  /** The bodies the actor sits in today (any role): their members see all of the body's records. */
  bodyIds: number[];
  /** The collaborations the actor takes part in: what is open to "members" of each. */
  collaborationIds: number[];
}

export function readScopeOf(actor: Actor | null): ReadScope {
  return {
    everything: actor?.role === "admin",
    signedIn: actor !== null,
    bodyIds: actor ? [...actor.bodyRoles.keys()].sort((a, b) => a - b) : [],
    collaborationIds: actor ? [...actor.collaborationIds].sort((a, b) => a - b) : [],
  };
}

import { asc, eq, type SQL } from "drizzle-orm";
import { organisations, people, users } from "../../db/schema";
import type { PageRequest } from "~/domain/pagination";
import { insertAudited } from "./audit.server";
import { choicesOf, type ChoiceRequest } from "./choices.server";
import { paginateQuery } from "./paging.server";
import { db, write } from "~/utils/db.server";

const byName = [asc(people.name), asc(people.id)];

/** People by name (those that match `where`), with their organisation and whether they have an account. */
function peopleByName(where?: SQL) {
  return db()
    .select({
      id: people.id,
      name: people.name,
      title: people.title,
      organisation: organisations.name,
      userId: users.id,
    })
    .from(people)
    .leftJoin(organisations, eq(people.organisationId, organisations.id))
    .leftJoin(users, eq(users.personId, people.id))
    .where(where)
    .orderBy(...byName);
}

const withAccountFlag = <P extends { userId: string | null }>({ userId, ...person }: P) => ({
  ...person,
  hasAccount: userId !== null,
});

/** One page of the people, by name. */
export async function pageOfPeople(request: PageRequest) {
  const paged = await paginateQuery(
    request,
    { table: people, id: people.id, where: undefined, order: byName },
    peopleByName,
  );
  return { ...paged, items: paged.items.map(withAccountFlag) };
}

/** The people a field offers to choose (choose by searching, choices.server.ts): anyone in the register. */
export function personChoices(request: ChoiceRequest) {
  return choicesOf("person", undefined, request);
}

/**
 * The people of one organisation, by name: those the coordinator may choose as the party's
 * contact person (its representative). One organisation's officials and politicians: a list, not a search.
 */
export function peopleOfOrganisation(organisationId: number) {
  return peopleByName(eq(people.organisationId, organisationId)).all().map(withAccountFlag);
}

export function getPerson(id: number) {
  return db().select().from(people).where(eq(people.id, id)).get();
}

export function addPerson(
  userId: string,
  value: { name: string; title: string; email: string | null; organisationId: number | null },
) {
  return write((tx) => insertAudited(tx, people, value, { userId, entityType: "person" }));
}

export function personNameTaken(name: string): boolean {
  return db().select({ id: people.id }).from(people).where(eq(people.name, name)).get() !== undefined;
}

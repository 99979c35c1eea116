import { asc, eq } from "drizzle-orm";
import { organisations, people } from "../../db/schema";
import { db } from "~/utils/db.server";

export function listPeople() {
  return db()
    .select({ id: people.id, name: people.name, title: people.title, organisation: organisations.name })
    .from(people)
    .leftJoin(organisations, eq(people.organisationId, organisations.id))
    .orderBy(asc(people.name))
    .all();
}

export function getPerson(id: number) {
  return db().select().from(people).where(eq(people.id, id)).get();
}

/**
 * The one way a model answers a page of a list: count the matching rows, settle the page,
 * fetch only that page's rows. The caller's query must order stably (ties broken by id).
 */
import { pageOf, type PageRequest, type Paged } from "~/domain/pagination";

export function paginate<T>(
  request: PageRequest,
  count: () => number,
  rows: (limit: number, offset: number, total: number) => T[],
): Paged<T> {
  const page = pageOf(request, count());
  return { page, items: page.total === 0 ? [] : rows(page.size, page.offset, page.total) };
}

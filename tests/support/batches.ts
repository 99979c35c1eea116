/** Every row of a list read a batch at a time (`rowsInBatches`), as one array. */
export async function allOf<T>(batches: AsyncIterable<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for await (const batch of batches) rows.push(...batch);
  return rows;
}

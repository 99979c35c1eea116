/**
 * A CSV download written a batch at a time: the header first, then each batch of rows as the
 * model yields it (`rowsInBatches`, app/models/paging.server.ts), so an export of ten years is
 * never built as one string on the event loop, and the client receives it as it is read.
 */
import { csvLines, csvResponse, csvStart, type CsvCell } from "~/domain/csv";

export function csvStreamResponse<T>(
  filename: string,
  headers: string[],
  batches: AsyncGenerator<T[]>,
  row: (item: T) => CsvCell[],
): Response {
  const encoder = new TextEncoder();
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvStart(headers)));
        return;
      }
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvLines(next.value.map(row))));
    },
    async cancel() {
      // The client went away: no more batches are read.
      await batches.return(undefined);
    },
  });
  return csvResponse(body, filename);
}

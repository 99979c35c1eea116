import { Transform } from "node:stream";

/**
 * React 18's streaming renderer can emit stray NUL bytes (facebook/react#31134, fixed upstream
 * by facebook/react#26228 but not released for React 18): when a multi-byte character (ä, å, ö)
 * does not fit at the end of its 2 048-byte buffer, the whole buffer is sent, unused bytes and
 * all, and the character starts the next buffer. The browser then shows "H\0ärjedalen": an
 * invisible or replacement character in a name, a label, a data-label. Such a buffer is exactly
 * 2 048 bytes long and ends in the zeros it did not fill (at most three: the bytes of one
 * character, less one); a real U+0000 never reaches the page (texts refuse control characters
 * at the write boundary).
 */
const REACT_VIEW_SIZE = 2048;

export function withoutStrayNuls(chunk: Uint8Array): Uint8Array {
  if (chunk.length !== REACT_VIEW_SIZE) return chunk;
  let end = chunk.length;
  while (end > chunk.length - 3 && chunk[end - 1] === 0) end--;
  return end === chunk.length ? chunk : chunk.subarray(0, end);
}

/** A pass-through for the rendered HTML that drops React's stray NUL bytes. */
export function htmlStream(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, withoutStrayNuls(chunk));
    },
  });
}

/**
 * Entry names for the zip archives we build (a meeting's documents). Every path component
 * is a cleaned file name (`cleanFileName`: no separators, no control or bidi characters, no
 * leading dots, no device names), so no entry can climb out of the folder it is unpacked
 * into (zip-slip), and names are unique without regard to case or Unicode form, so no entry
 * overwrites another when unpacked on Windows or macOS. Pure.
 */
import { cleanFileName } from "./file-type";

const MAX_FOLDER = 60;

function withSuffix(name: string, n: number): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}

/** One safe, unique "folder/file" path per entry, in the order given. */
export function archivePaths(entries: readonly { folder: string; name: string }[]): string[] {
  const taken = new Set<string>();
  const key = (p: string) => p.normalize("NFC").toLowerCase();
  return entries.map(({ folder, name }) => {
    const dir = cleanFileName(Array.from(cleanFileName(folder)).slice(0, MAX_FOLDER).join(""));
    const file = cleanFileName(name);
    let path = `${dir}/${file}`;
    for (let n = 2; taken.has(key(path)); n++) path = `${dir}/${withSuffix(file, n)}`;
    taken.add(key(path));
    return path;
  });
}

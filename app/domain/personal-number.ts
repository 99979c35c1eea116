/**
 * Guard against client data: finds Swedish personal identity numbers (personnummer) and
 * coordination numbers (samordningsnummer, day + 60) with a valid check digit in free text.
 * Pure. The portal refuses text that contains one (nothing about individuals belongs here).
 */

export interface PersonalNumberHit {
  match: string;
  index: number;
  kind: "personnummer" | "samordningsnummer";
}

// 12 or 10 digits, optionally with a separator (-, + or space) before the last four.
// Not part of a longer number or a date/registry pattern.
const CANDIDATE = /(?<![\d/.:-])(\d{2})?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})(?![\d/:]|-\d)/g;

/** Luhn check over the 10-digit form (YYMMDDNNNC). */
export function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let n = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  return sum % 10 === 0;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function findPersonalNumbers(text: string): PersonalNumberHit[] {
  const hits: PersonalNumberHit[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const [match, century, yy, mm, dd, last4] = m;
    // "5 720 000"-style amounts: a space separator with groups of three is not a number of ours.
    if (/\d{1,3}( \d{3})+/.test(match) && !/^\d{6,8} \d{4}$/.test(match)) continue;
    const month = Number(mm);
    let day = Number(dd);
    let kind: PersonalNumberHit["kind"] = "personnummer";
    if (day > 60) {
      day -= 60;
      kind = "samordningsnummer";
    }
    const fullYear = century ? Number(century + yy) : 2000 + Number(yy) > new Date().getUTCFullYear() ? 1900 + Number(yy) : 2000 + Number(yy);
    if (century && !["18", "19", "20"].includes(century)) continue;
    if (!validDate(fullYear, month, day)) continue;
    if (!luhnValid(`${yy}${mm}${dd}${last4}`)) continue;
    hits.push({ match, index: m.index ?? 0, kind });
  }
  return hits;
}

/** Masks all but the date part: 19121212-1212 → 19121212-****. */
export function maskPersonalNumber(match: string): string {
  return match.replace(/\d{4}$/, "****");
}

export function personalDataMessage(hits: PersonalNumberHit[]): string {
  const shown = hits
    .slice(0, 3)
    .map((h) => maskPersonalNumber(h.match))
    .join(", ");
  const what = hits.some((h) => h.kind === "samordningsnummer") ? "personnummer eller samordningsnummer" : "personnummer";
  return `Texten innehåller något som ser ut som ett ${what} (${shown}). Uppgifter om enskilda klienter får aldrig finnas i portalen. Ta bort numret och försök igen; statistik ska bara redovisas sammanställd.`;
}

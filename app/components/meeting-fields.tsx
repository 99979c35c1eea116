import type { FieldMetadata } from "@conform-to/react";
import { TextField } from "./forms";

// conform's metadata types are invariant in the schema; the new and edit forms share these fields.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fields = Record<string, FieldMetadata<any, any, string[]>>;

/** A meeting's date, time and place, shared by the new-meeting and move-meeting forms. */
export function MeetingTimeFields({ fields }: { fields: Fields }) {
  return (
    <>
      <TextField field={fields.date} label="Datum" hint="ÅÅÅÅ-MM-DD" />
      <TextField field={fields.startTime} label="Starttid" hint="TT:MM" />
      <TextField field={fields.endTime} label="Sluttid" hint="TT:MM" />
      <TextField field={fields.place} label="Plats" />
      <TextField field={fields.videoUrl} label="Videolänk" hint="Börjar med https://" type="url" />
    </>
  );
}

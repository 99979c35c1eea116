/** Rules for library documents. Pure. */

export const DOCUMENT_KINDS = [
  "avtal",
  "protokoll",
  "kallelse",
  "beslutsunderlag",
  "verksamhetsberättelse",
  "verksamhetsplan",
  "uppföljningsplan",
  "rutin",
  "rapport",
  "övrigt",
] as const;
type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** public: everyone; members: signed-in users of the collaboration; bodies: members of the chosen bodies. */
export const DOCUMENT_VISIBILITIES = ["public", "members", "bodies"] as const;
type Visibility = (typeof DOCUMENT_VISIBILITIES)[number];

export const VISIBILITY_LABEL: Record<Visibility, string> = {
  public: "Alla (offentlig)",
  members: "Alla inloggade i samverkan",
  bodies: "Bara valda organ",
};

export interface ValidDocument {
  title: string;
  kind: DocumentKind;
  bodyId: number | null;
  date: string;
  visibility: Visibility;
  bodyIds: number[];
}

/** What a letter prints besides its subject and body, fixed when it is written. */
export interface LetterContent {
  /** The person's postal address, line by line (the name is the notification's recipientName). */
  address: string[];
  /** The person's case reference. */
  reference: string;
  /** The letterhead: the organisation's name, postal address and contact lines (the case settings). */
  sender: { name: string; address: string[]; contact: string[] };
}

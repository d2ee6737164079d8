/**
 * Unsaved edits of a procedure in the designer, kept on this device until deployed or thrown
 * away, so that a reload (or a closed tab) loses nothing. One draft per procedure and version.
 */
const KEY = (procedure: string, version: number) => `draft:${procedure}:v${version}`;

export function saveDraft(procedure: string, version: number, xml: string): void {
  try {
    localStorage.setItem(KEY(procedure, version), xml);
  } catch {
    // A full storage only loses the safety net, never the edit on screen.
  }
}

export function draftOf(procedure: string, version: number): string | null {
  return localStorage.getItem(KEY(procedure, version));
}

export function dropDraft(procedure: string, version: number): void {
  localStorage.removeItem(KEY(procedure, version));
}

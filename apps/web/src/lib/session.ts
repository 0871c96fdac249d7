/**
 * Why the last session ended, so the login page can say so. Kept in memory only: a reload
 * forgets it, which is fine for a one-time notice.
 */
let endedBecauseExpired = false;

export function markSessionExpired(): void {
  endedBecauseExpired = true;
}

export function sessionExpired(): boolean {
  return endedBecauseExpired;
}

export function clearSessionExpired(): void {
  endedBecauseExpired = false;
}

// The browser's IANA time zone, so server-rendered times read in the user's local time.
export function timeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

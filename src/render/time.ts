// Times for people: relative on a terminal ("5m ago" reads faster at 3 a.m.),
// exact ISO-8601 when piped.
export function formatAge(iso: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}

export function formatTime(iso: string, now: Date, tty: boolean): string {
  return tty ? `${formatAge(iso, now)} ago` : iso;
}

/** A time that may lie ahead (an expiry): "in 3d" on a terminal, "5m ago" once past; exact when piped. */
export function formatWhen(iso: string, now: Date, tty: boolean): string {
  if (!tty || Date.parse(iso) <= now.getTime()) return formatTime(iso, now, tty);
  return `in ${formatAge(now.toISOString(), new Date(iso))}`;
}

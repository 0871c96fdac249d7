/**
 * Failed sign-ins per client IP in a sliding window, kept in this process. After `max` failures from one
 * address within the window, every sign-in from it is refused (429) until the oldest failure leaves the
 * window, whichever account it names: the refusal says nothing about which addresses exist.
 *
 * In memory, like the per-IP request limits of @fastify/rate-limit: with several app nodes each counts its own
 * share. The per-account lock-out (in the database) holds across nodes.
 */
export class FailuresPerIp {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    /** Addresses tracked at most; the ones seen longest ago are dropped first. */
    private readonly capacity = 10_000,
  ) {}

  /** Seconds until `ip` may try again, or 0 when it may now. */
  retryAfterSeconds(ip: string, now = Date.now()): number {
    const times = this.recent(ip, now);
    if (times.length < this.max) return 0;
    const oldest = times[times.length - this.max] ?? now;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  fail(ip: string, now = Date.now()): void {
    const times = this.recent(ip, now);
    times.push(now);
    // Re-inserted so the map's order is least recently failed first.
    this.failures.delete(ip);
    this.failures.set(ip, times.slice(-this.max));
    if (this.failures.size > this.capacity) {
      const first = this.failures.keys().next().value;
      if (first !== undefined) this.failures.delete(first);
    }
  }

  private recent(ip: string, now: number): number[] {
    const times = (this.failures.get(ip) ?? []).filter((t) => t > now - this.windowMs);
    if (times.length) this.failures.set(ip, times);
    else this.failures.delete(ip);
    return times;
  }
}

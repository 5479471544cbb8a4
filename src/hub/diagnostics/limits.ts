// Per-site limits on remote work: a few runs at a time per site (a site's
// uplink and its technicians' patience are finite), and a cap on disruptive
// actions per site per window, so a burst of incidents never reboots half a
// site at once. Callers wait for a slot; nobody is refused.

export interface SiteLimitOptions {
  /** Runs on assets of one site at the same time. Default 4. */
  concurrencyPerSite?: number;
  /** Disruptive actions per site within `windowMs`. Default 10. */
  disruptivePerWindow?: number;
  /** Default 60 s. */
  windowMs?: number;
}

class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  get idle(): boolean {
    return this.active === 0 && this.waiting.length === 0;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export class SiteLimits {
  private readonly sites = new Map<string, Semaphore>();
  private readonly disruptive = new Map<string, number[]>();
  private readonly concurrency: number;
  private readonly perWindow: number;
  private readonly windowMs: number;

  constructor(options: SiteLimitOptions = {}) {
    this.concurrency = options.concurrencyPerSite ?? 4;
    this.perWindow = options.disruptivePerWindow ?? 10;
    this.windowMs = options.windowMs ?? 60_000;
  }

  /** Runs `fn` once fewer than the limit of runs are active at `site`. */
  async withSite<T>(site: string, fn: () => Promise<T>): Promise<T> {
    let semaphore = this.sites.get(site);
    if (!semaphore) this.sites.set(site, (semaphore = new Semaphore(this.concurrency)));
    try {
      return await semaphore.run(fn);
    } finally {
      if (semaphore.idle) this.sites.delete(site);
    }
  }

  /** Waits until another disruptive action at `site` is within the rate, and takes it. */
  async disruptiveSlot(site: string): Promise<void> {
    for (;;) {
      const now = performance.now();
      const recent = (this.disruptive.get(site) ?? []).filter((t) => now - t < this.windowMs);
      if (recent.length < this.perWindow) {
        recent.push(now);
        this.disruptive.set(site, recent);
        return;
      }
      this.disruptive.set(site, recent);
      await sleep(this.windowMs - (now - recent[0]!) + 1);
    }
  }
}

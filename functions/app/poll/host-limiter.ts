/**
 * Bounded concurrency with per-host politeness: at most `total` requests in flight, and at most
 * `perHost` to any one host. Waiting tasks start in arrival order as slots free up, skipping
 * those whose host is busy, so one slow host never holds back the others.
 */
export interface HostLimiter {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

export function createHostLimiter(options: { total: number; perHost: number }): HostLimiter {
  const total = Math.max(1, options.total);
  const perHost = Math.max(1, options.perHost);
  let active = 0;
  const activeByHost = new Map<string, number>();
  const waiting: Array<{ host: string; start: () => void }> = [];

  const pump = () => {
    for (let i = 0; i < waiting.length && active < total; ) {
      const next = waiting[i]!;
      if ((activeByHost.get(next.host) ?? 0) >= perHost) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      next.start();
    }
  };

  return {
    run<T>(host: string, task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        waiting.push({
          host,
          start: () => {
            active++;
            activeByHost.set(host, (activeByHost.get(host) ?? 0) + 1);
            task()
              .then(resolve, reject)
              .finally(() => {
                active--;
                const left = (activeByHost.get(host) ?? 1) - 1;
                if (left === 0) activeByHost.delete(host);
                else activeByHost.set(host, left);
                pump();
              });
          },
        });
        pump();
      });
    },
  };
}

/** Runs `worker` over `items` with at most `limit` at a time; results in input order, never rejects. */
export async function settleAll<T, R>(items: readonly T[], limit: number, worker: (item: T) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await worker(items[index]!) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}

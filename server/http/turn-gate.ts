// One heavy start per turn of the event loop. Node accepts only a few new connections per turn (measured: about 5 on
// Node 20 with libuv 1.46), so a turn that runs several heavy requests back to back leaves new connections — a load
// balancer's health check, a till — in the kernel's accept queue for seconds. Letting one heavy request start per
// turn keeps every turn short, so accepting and answering cheap requests goes on between heavy ones.

export interface TurnGate {
  /** Resolves in a later turn, after every waiter queued before it has had a turn of its own. */
  next(): Promise<void>;
  readonly waiting: number;
}

export function createTurnGate(): TurnGate {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  // An immediate queued from inside an immediate runs in the next turn (after that turn's I/O), which is the point.
  const tick = () => {
    waiting.shift()?.();
    scheduled = waiting.length > 0;
    if (scheduled) setImmediate(tick);
  };
  return {
    next: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (!scheduled) {
          scheduled = true;
          setImmediate(tick);
        }
      }),
    get waiting() {
      return waiting.length;
    },
  };
}

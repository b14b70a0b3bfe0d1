// How many heavy requests (heavy-routes.ts) are in flight in this process, limiter on or off: the signal that the
// event loop is busy, on which small audience scans leave it for the worker pool too (audience/audience.ts).
export interface HeavyLoad {
  readonly inFlight: number;
  /** Counts one request in; call the returned function once it is answered. */
  enter(): () => void;
}

export function createHeavyLoad(): HeavyLoad {
  let inFlight = 0;
  return {
    get inFlight() {
      return inFlight;
    },
    enter() {
      inFlight++;
      let left = false;
      return () => {
        if (!left) inFlight--;
        left = true;
      };
    },
  };
}

/** The callbacks waiting for each signal that has subscribers. */
const subscribers = new WeakMap<AbortSignal, Set<() => void>>();

// One listener function for every signal (`this` is the signal), so there is nothing to remember
// per signal but its callbacks.
function runSubscribers(this: AbortSignal): void {
  const callbacks = subscribers.get(this);
  subscribers.delete(this);
  for (const run of [...(callbacks ?? [])]) run();
}

/**
 * Runs `callback` once when `signal` aborts; returns the function that unsubscribes.
 *
 * Every subscriber of one signal shares a single `abort` listener. Node warns
 * (MaxListenersExceededWarning) once an AbortSignal has more than 10 listeners, and a caller that
 * passes one signal to 1000 concurrent uploads of parts must not see that, nor keep 1000 closures
 * alive after the calls settle. The shared listener is removed as soon as the last subscriber leaves.
 *
 * If the signal has already aborted, `callback` runs synchronously.
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  if (signal.aborted) {
    callback();
    return () => {};
  }
  let callbacks = subscribers.get(signal);
  if (!callbacks) {
    subscribers.set(signal, (callbacks = new Set()));
    signal.addEventListener('abort', runSubscribers, { once: true });
  }
  // A wrapper per subscription, so that the same callback may subscribe twice independently.
  const entry = () => callback();
  callbacks.add(entry);
  return () => {
    if (callbacks.delete(entry) && !callbacks.size && subscribers.get(signal) === callbacks) {
      subscribers.delete(signal);
      signal.removeEventListener('abort', runSubscribers);
    }
  };
}

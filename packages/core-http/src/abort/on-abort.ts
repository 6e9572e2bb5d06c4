interface Subscription {
  readonly listener: () => void;
  readonly callbacks: Set<() => void>;
}

const subscriptions = new WeakMap<AbortSignal, Subscription>();

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
    return noop;
  }
  let subscription = subscriptions.get(signal);
  if (!subscription) {
    const callbacks = new Set<() => void>();
    const listener = () => {
      subscriptions.delete(signal);
      for (const run of [...callbacks]) run();
      callbacks.clear();
    };
    subscription = { listener, callbacks };
    subscriptions.set(signal, subscription);
    signal.addEventListener('abort', listener, { once: true });
  }
  // A wrapper per subscription, so that the same callback may subscribe twice independently.
  const entry = () => callback();
  const { callbacks, listener } = subscription;
  callbacks.add(entry);
  return () => {
    if (!callbacks.delete(entry) || callbacks.size > 0) return;
    signal.removeEventListener('abort', listener);
    if (subscriptions.get(signal)?.listener === listener) subscriptions.delete(signal);
  };
}

function noop(): void {}

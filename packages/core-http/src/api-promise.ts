/** The data of a call together with the raw Response (whose body has already been read). */
export interface WithResponse<T> {
  data: T;
  response: Response;
}

// A module-level executor: no closure to allocate per request.
const resolveUndefined = (resolve: (value: never) => void): void => resolve(undefined as never);

/**
 * The promise `client.request()` returns: await it for the data, or call `.withResponse()` for the
 * data and the raw `Response` (status, headers).
 *
 * The request starts eagerly, when the call is made (as in Stainless SDKs). The data promise is
 * derived lazily, by each `then`/`catch`/`finally`, so a caller that only awaits
 * `.withResponse()` gets no unhandled rejection from a data promise nobody is listening to. A call
 * whose result is neither awaited nor `.withResponse()`-ed still reports an unhandled rejection on
 * failure, like any forgotten promise.
 */
export class APIPromise<T> extends Promise<T> {
  readonly #result: Promise<WithResponse<T>>;

  constructor(result: Promise<WithResponse<T>>) {
    // The base promise is a dummy that never rejects; the real outcome lives in `#result`.
    super(resolveUndefined);
    this.#result = result;
  }

  // `then` on a subclass would otherwise construct APIPromises with an executor.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** The parsed data and the raw Response. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#result;
  }

  // `reason: any`, as in Promise's own signature, so that APIPromise stays a drop-in Promise. The
  // data promise is derived here, on demand: one promise per `then`, none for `withResponse()`.
  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#result.then(
      ({ data }) => (onfulfilled ? onfulfilled(data) : (data as unknown as R1)),
      onrejected,
    );
  }

  override catch<R = never>(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    onrejected?: ((reason: any) => R | PromiseLike<R>) | null,
  ): Promise<T | R> {
    return this.then(undefined, onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }
}

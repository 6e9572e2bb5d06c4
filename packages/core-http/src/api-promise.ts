/** The data of a call, its raw Response (whose body has already been read) and its request id. */
export interface WithResponse<T> {
  data: T;
  response: Response;
  /** From `x-request-id`, `x-amzn-requestid`, `x-amz-request-id` or `request-id`. */
  requestId: string | undefined;
}

/**
 * A success result with its request id: an object result (not an array) carries it as
 * `_request_id`, as in openai-node, non-enumerable, so it stays out of `JSON.stringify`, spreads
 * and `Object.keys`. Undefined when the server sent none.
 */
export type WithRequestID<T> = T extends readonly unknown[] | Response
  ? T
  : T extends object
    ? T & { readonly _request_id?: string | undefined }
    : T;

/**
 * Shared by an {@link APIPromise} and the call it stands for: set by `asResponse()`, read when the
 * response headers arrive, to hand over the body unread instead of reading it.
 */
export interface ResponseMode {
  raw: boolean;
}

// A module-level executor: no closure to allocate per request.
const resolveUndefined = (resolve: (value: never) => void): void => resolve(undefined as never);

/**
 * The promise `client.request()` returns: await it for the data, or call `.withResponse()` for the
 * data, the raw `Response` (status, headers) and the request id, or `.asResponse()` for the
 * `Response` alone, its body unread.
 *
 * The request starts eagerly, when the call is made (as in Stainless SDKs). The data promise is
 * derived lazily, by each `then`/`catch`/`finally`, so a caller that only awaits
 * `.withResponse()` gets no unhandled rejection from a data promise nobody is listening to. A call
 * whose result is neither awaited nor `.withResponse()`-ed still reports an unhandled rejection on
 * failure, like any forgotten promise.
 */
export class APIPromise<T> extends Promise<WithRequestID<T>> {
  readonly #result: Promise<WithResponse<T>>;
  readonly #mode: ResponseMode | undefined;

  constructor(result: Promise<WithResponse<T>>, mode?: ResponseMode) {
    // The base promise is a dummy that never rejects; the real outcome lives in `#result`.
    super(resolveUndefined);
    this.#result = result;
    this.#mode = mode;
  }

  // `then` on a subclass would otherwise construct APIPromises with an executor.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** The parsed data, the raw Response and the request id. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#result;
  }

  /**
   * The raw Response as soon as its headers arrive, its body unread (and not validated): yours to
   * read or cancel; the call's signal and deadline stay on it until you do. Call it on the promise
   * `request()` returns, instead of awaiting it: once the body has been read for the data, the
   * Response it gives has a used body.
   */
  asResponse(): Promise<Response> {
    if (this.#mode) this.#mode.raw = true;
    return this.#result.then(({ response }) => response);
  }

  // `reason: any`, as in Promise's own signature, so that APIPromise stays a drop-in Promise. The
  // data promise is derived here, on demand: one promise per `then`, none for `withResponse()`.
  override then<R1 = WithRequestID<T>, R2 = never>(
    onfulfilled?: ((value: WithRequestID<T>) => R1 | PromiseLike<R1>) | null,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#result.then(({ data }) => {
      const value = data as WithRequestID<T>;
      return onfulfilled ? onfulfilled(value) : (value as unknown as R1);
    }, onrejected);
  }

  override catch<R = never>(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    onrejected?: ((reason: any) => R | PromiseLike<R>) | null,
  ): Promise<WithRequestID<T> | R> {
    return this.then(undefined, onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<WithRequestID<T>> {
    return this.then().finally(onfinally);
  }
}

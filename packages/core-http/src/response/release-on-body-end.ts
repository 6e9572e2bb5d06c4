/**
 * Returns a Response whose body calls `release` once it has been read to the end, failed or been
 * cancelled, so that `send()` can keep the caller's signal and the deadline attached to a body the
 * caller reads later, and still drop its listeners afterwards.
 */
export function releaseOnBodyEnd(response: Response, release: () => void): Response {
  const { body, url, redirected } = response;
  if (!body) {
    release();
    return response;
  }
  const reader = body.getReader();
  const wrapped = new Response(
    new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const chunk = await reader.read();
          if (chunk.done) {
            release();
            controller.close();
          } else {
            controller.enqueue(chunk.value);
          }
        } catch (error) {
          release();
          controller.error(error);
        }
      },
      cancel(reason) {
        release();
        return reader.cancel(reason);
      },
    }),
    response,
  );
  // The constructor cannot set these; callers (redirect checks, logging) may rely on them.
  return Object.defineProperties(wrapped, {
    url: { value: url },
    redirected: { value: redirected },
  });
}

import { describe, expect, it } from 'vitest';
import { RedirectError } from '../errors/redirect-error.js';
import { redirectTo } from '../testing/fake-fetch.js';
import { followRedirects, type Hop, type RedirectRules } from './follow-redirects.js';

const IN_SCOPE = new Headers({ authorization: 'Bearer t', 'content-type': 'text/plain' });
const FOREIGN = new Headers({ 'user-agent': 'ua', 'content-type': 'text/plain' });
const rules: RedirectRules = {
  maxRedirects: 5,
  allowInsecureHttp: false,
  headersFor: (url) => (url.host === 'api.test' ? IN_SCOPE : FOREIGN),
  redact: (url) => url.replace(/\?.*/, '?REDACTED'),
};
const first: Hop = {
  method: 'POST',
  url: 'https://api.test/v1/a',
  headers: IN_SCOPE,
  body: 'data',
};

/** Follows from `first`, answering each hop with the next of `answers` (then a 200). */
async function follow(answers: Response[], start: Hop = first, over: Partial<RedirectRules> = {}) {
  const hops: Hop[] = [];
  const response = await followRedirects(
    async (hop) => {
      hops.push(hop);
      return answers[hops.length - 1] ?? new Response('done');
    },
    start,
    { ...rules, ...over },
  );
  return { response, hops };
}

describe('followRedirects', () => {
  it('repeats method and body on 307/308, with the headers of each target', async () => {
    const { hops } = await follow([
      redirectTo('/v1/b', 307),
      redirectTo('https://storage.test/k', 308),
    ]);
    expect(hops.map((hop) => [hop.method, hop.url, hop.body, hop.headers])).toEqual([
      ['POST', 'https://api.test/v1/a', 'data', IN_SCOPE],
      ['POST', 'https://api.test/v1/b', 'data', IN_SCOPE],
      ['POST', 'https://storage.test/k', 'data', FOREIGN],
    ]);
  });

  it('turns 303, and 301/302 after a POST, into a GET without body or body headers', async () => {
    for (const status of [301, 302, 303]) {
      const { hops } = await follow([redirectTo('https://storage.test/k', status)]);
      expect(hops[1]).toMatchObject({ method: 'GET', body: null });
      expect([...hops[1]!.headers.keys()]).toEqual(['user-agent']);
    }
    const put = await follow([redirectTo('/v1/b', 302)], { ...first, method: 'PUT' });
    expect(put.hops[1]).toMatchObject({ method: 'PUT', body: 'data' });
  });

  it('refuses, with a typed error, what cannot be followed safely', async () => {
    const stream = new ReadableStream();
    const cases: [Response[], Partial<Hop>, Partial<RedirectRules>, string][] = [
      [[redirectTo('http://api.test/v1/b')], {}, {}, 'downgrade'],
      [[redirectTo('http://api.test/v1/b')], {}, { allowInsecureHttp: true }, 'downgrade'],
      [[redirectTo('http://elsewhere.test/')], { url: 'http://127.0.0.1/' }, {}, 'unsafe-target'],
      [[redirectTo('ftp://api.test/x')], {}, {}, 'unsafe-target'],
      [[redirectTo('https://u:p@api.test/x')], {}, {}, 'unsafe-target'],
      [[redirectTo('/v1/b', 307)], { body: stream }, {}, 'unreplayable-body'],
      [[redirectTo('/v1/b'), redirectTo('/v1/c')], {}, { maxRedirects: 1 }, 'limit'],
    ];
    for (const [answers, hop, over, reason] of cases) {
      const error = await follow(answers, { ...first, ...hop }, over).catch((e: unknown) => e);
      expect(error, reason).toBeInstanceOf(RedirectError);
      expect(error).toMatchObject({ reason });
    }
  });

  it('says where the refused redirect went, redacted', async () => {
    const error = (await follow([redirectTo('http://api.test/v1/b?sig=secret')]).catch(
      (e: unknown) => e,
    )) as RedirectError;
    expect(error).toMatchObject({ status: 302, location: 'http://api.test/v1/b?REDACTED' });
    expect(error.message).toBe(
      'POST https://api.test/v1/a → 302: redirect to http://api.test/v1/b?REDACTED not followed: it would downgrade https to http',
    );
    expect(error.serverMessage).toBeUndefined();
    expect(JSON.stringify(error)).not.toContain('secret');
  });

  it('refuses a redirect the runtime hides (a browser’s opaqueredirect)', async () => {
    const opaque = Object.defineProperty(new Response(null, { status: 200 }), 'type', {
      value: 'opaqueredirect',
    });
    await expect(follow([opaque])).rejects.toMatchObject({ reason: 'hidden' });
  });

  it('returns anything else as it came, a redirect without Location included', async () => {
    const noLocation = new Response(null, { status: 302 });
    expect((await follow([noLocation])).response).toBe(noLocation);
  });
});

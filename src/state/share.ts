/**
 * Sharing a design as a URL: the document as JSON, deflated and base64url-encoded
 * in the hash (`#design=…`). Decoding treats the URL as hostile: bounded length,
 * a strict alphabet, a cap on the inflated size (no zip bombs), then the same
 * parse and validation as an imported file, or a clear error.
 */
import type { ScenarioDoc } from './design.js';
import { importYaml } from './yaml-io.js';

/** Longest encoded design accepted, in characters. */
export const MAX_SHARE_CHARS = 100_000;
/** Largest inflated design accepted, in bytes. */
export const MAX_SHARE_BYTES = 1_000_000;

/** Thrown when a shared URL does not hold a design. */
export class ShareError extends Error {
  override name = 'ShareError';
}

const toBase64Url = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

async function pipe(bytes: Uint8Array, stream: GenericTransformStream, limit = Infinity): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(stream as unknown as ReadableWritablePair<Uint8Array, Uint8Array>)
    .getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new ShareError(`the shared design inflates beyond ${limit / 1e6} MB; refused`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.length) - c.length);
  return out;
}

/** The design, compressed for a URL hash. */
export async function encodeShare(doc: ScenarioDoc): Promise<string> {
  return toBase64Url(await pipe(new TextEncoder().encode(JSON.stringify(doc)), new CompressionStream('deflate-raw')));
}

/**
 * The design held by an encoded string, parsed and validated as an import is;
 * throws ShareError for a damaged link and ScenarioError for an invalid design.
 */
export async function decodeShare(encoded: string): Promise<ScenarioDoc> {
  if (encoded.length > MAX_SHARE_CHARS)
    throw new ShareError(`the shared link is too long (${encoded.length} characters; at most ${MAX_SHARE_CHARS})`);
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) throw new ShareError('the shared link is damaged: it holds characters a design link never has');
  let bytes: Uint8Array;
  try {
    const bin = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    throw new ShareError('the shared link is damaged: not valid base64');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_SHARE_BYTES));
  } catch (e) {
    if (e instanceof ShareError) throw e;
    throw new ShareError('the shared link is damaged: it does not decompress to a design');
  }
  if (!/^\s*\{/.test(text)) throw new ShareError('the shared link does not hold a design (no components)');
  // the JSON is scenario text: it goes through the import's parser and validator
  return importYaml(text, 'shared link');
}

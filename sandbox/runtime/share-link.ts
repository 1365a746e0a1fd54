/**
 * Share links: the code and the Kconfig settings of a sandbox, compressed into the URL hash with
 * lz-string (`#code/<compressed>`, the TypeScript playground's scheme), so nothing is sent to a
 * server. Decoding is a pure function of the hash. Links longer than {@link MAX_LINK_CHARS} are
 * refused with a message instead of producing a URL that browsers or chat tools truncate.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { DEFAULT_SETTINGS, type RunSettings } from './protocol.ts';

/** What a share link carries. */
export interface SharedSandbox {
  /** Example the code started from (for Reset), if any. */
  example?: string;
  code: string;
  settings: RunSettings;
}

/** Longest hash we produce or accept, in characters (well under what browsers and chat tools keep). */
export const MAX_LINK_CHARS = 8000;

const PREFIX = '#code/';
const FORMAT = 1;

export class ShareLinkError extends Error {}

/** Encodes a sandbox as a URL hash (`#code/...`). Throws {@link ShareLinkError} when too long. */
export function encodeShareLink(s: SharedSandbox): string {
  const diff: Partial<RunSettings> = {};
  for (const k of Object.keys(DEFAULT_SETTINGS) as (keyof RunSettings)[]) if (s.settings[k] !== DEFAULT_SETTINGS[k]) diff[k] = s.settings[k];
  const payload = JSON.stringify({ v: FORMAT, e: s.example, c: s.code, s: diff });
  const hash = `${PREFIX}${compressToEncodedURIComponent(payload)}`;
  if (hash.length > MAX_LINK_CHARS) {
    throw new ShareLinkError(`This program is too long to share as a link (${hash.length} characters, at most ${MAX_LINK_CHARS}); shorten it or share the file instead.`);
  }
  return hash;
}

/**
 * Decodes a hash from {@link encodeShareLink}. Returns undefined when the hash is not a share link;
 * throws {@link ShareLinkError} when it is one but is damaged or too long.
 */
export function decodeShareLink(hash: string): SharedSandbox | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  if (hash.length > MAX_LINK_CHARS) throw new ShareLinkError(`This link is too long (${hash.length} characters, at most ${MAX_LINK_CHARS}) and was not opened.`);
  const json = decompressFromEncodedURIComponent(hash.slice(PREFIX.length));
  let data: { v?: unknown; e?: unknown; c?: unknown; s?: unknown };
  try {
    data = JSON.parse(json ?? '') as typeof data;
  } catch {
    throw new ShareLinkError('This share link is damaged (it does not decode); it may have been cut off when it was copied.');
  }
  if (data.v !== FORMAT || typeof data.c !== 'string') throw new ShareLinkError('This share link was made by another version of the site and cannot be opened.');
  const settings = { ...DEFAULT_SETTINGS };
  const given = (data.s ?? {}) as Partial<Record<keyof RunSettings, unknown>>;
  for (const k of Object.keys(DEFAULT_SETTINGS) as (keyof RunSettings)[]) if (typeof given[k] === 'boolean') settings[k] = given[k] as boolean;
  return { example: typeof data.e === 'string' ? data.e : undefined, code: data.c, settings };
}

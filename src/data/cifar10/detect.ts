import { Cifar10Error } from './errors.js';

/** How a source's bytes are read: gzip-compressed tar, plain tar, or bare CIFAR-10 records. */
export type Cifar10Format = 'tar.gz' | 'tar' | 'bin';

/** Bytes `detectFormat` wants to see: one tar header. */
export const SNIFF_BYTES = 512;

const ARCHIVE_NAME = /\.(tar\.gz|tgz)$/i;

/**
 * Decides how to read a source from its name, content type and first bytes (`SNIFF_BYTES` of them, fewer only
 * when the source is shorter).
 *
 * - gzip magic (1f 8b) → tar.gz, whatever the name;
 * - a name ending .tar.gz/.tgz without the magic: a plain tar is accepted (a server that sends the archive with
 *   `Content-Encoding: gzip` makes fetch decompress it), anything else is refused as not gzip;
 * - a valid ustar header → tar; otherwise bare records.
 *
 * @throws {Cifar10Error} `html` for an HTML page (content type or first bytes), `not-gzip` as above.
 */
export function detectFormat(head: Uint8Array, name: string, contentType = ''): Cifar10Format {
  assertNotHtml(head, name, contentType);
  if (head[0] === 0x1f && head[1] === 0x8b) return 'tar.gz';
  const path = name.split(/[?#]/)[0];
  if (ARCHIVE_NAME.test(path)) {
    if (isTarHeader(head, false)) return 'tar';
    const first = Array.from(head.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new Cifar10Error(
      'not-gzip',
      `${name} is named like a .tar.gz but is not gzip data: it starts with bytes ${first || '(none)'}, ` +
        'not 1f 8b. The download may be an error page or a different file.',
      { source: name },
    );
  }
  if (isTarHeader(head, true)) return 'tar';
  return 'bin';
}

/**
 * Refuses an HTML page (by content type, or by first bytes) where CIFAR-10 data was expected: the usual answer of
 * a server to a wrong URL, and of single-page apps to any path.
 *
 * @throws {Cifar10Error} `html`, naming `name`.
 */
export function assertNotHtml(head: Uint8Array, name: string, contentType = ''): void {
  if (/^\s*(text\/html|application\/xhtml\+xml)\b/i.test(contentType) || looksLikeHtml(head)) {
    throw new Cifar10Error(
      'html',
      `${name} is an HTML page${contentType ? ` (${contentType.split(';')[0]})` : ''}, not CIFAR-10 binary data. ` +
        'Check the URL: servers often answer a missing file with an HTML page.',
      { source: name },
    );
  }
}

/**
 * True for bytes that begin like an HTML/XML page. A CIFAR-10 record starts with a label byte 0..9, so '<' (60)
 * can never start one; leading whitespace and a BOM are allowed before the tag names pages start with.
 */
export function looksLikeHtml(head: Uint8Array): boolean {
  if (head[0] === 0x3c) return true;
  const text = new TextDecoder().decode(head.subarray(0, 64)).replace(/^\uFEFF?\s*/, '');
  return /^<(!doctype|html|head|body|\?xml|!--)/i.test(text);
}

/** A 512-byte block whose tar checksum holds (and, when `needMagic`, that says "ustar"). */
export function isTarHeader(head: Uint8Array, needMagic: boolean): boolean {
  if (head.length < 512) return false;
  if (needMagic && String.fromCharCode(...head.subarray(257, 262)) !== 'ustar') return false;
  let sum = 0;
  let zero = true;
  for (let i = 0; i < 512; i++) {
    if (head[i] !== 0) zero = false;
    sum += i >= 148 && i < 156 ? 0x20 : head[i];
  }
  if (zero) return false;
  const field = new TextDecoder().decode(head.subarray(148, 156)).replace(/[\0 ]+$/, '').trim();
  return /^[0-7]+$/.test(field) && parseInt(field, 8) === sum;
}

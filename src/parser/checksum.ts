// The sha256 checksum of a node's code (manifest `checksum`), hashed one-shot: on Node >= 20.12
// `crypto.hash` is ~3x cheaper than a Hash object, which shows on 30,000 nodes.
import * as crypto from 'node:crypto';

const oneShot = (crypto as { hash?: (alg: string, data: string, enc: 'hex') => string }).hash;

export function sha256(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex');
}

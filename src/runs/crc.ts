/** The two CRC-32s the exports need: Castagnoli's (TFRecord framing) and the IEEE one (zip). Table-driven. */

function table(poly: number): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

const CASTAGNOLI = table(0x82f63b78);
const IEEE = table(0xedb88320);

function crc(t: Uint32Array, bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** CRC-32C (Castagnoli, reflected 0x82f63b78), as TFRecord files use. */
export const crc32c = (bytes: Uint8Array): number => crc(CASTAGNOLI, bytes);

/** CRC-32 (IEEE 802.3, reflected 0xedb88320), as zip files use. */
export const crc32 = (bytes: Uint8Array): number => crc(IEEE, bytes);

/** TFRecord's masked CRC: rotated right by 15 bits plus a constant, so a CRC of data holding CRCs stays strong. */
export const maskedCrc32c = (bytes: Uint8Array): number => {
  const c = crc32c(bytes);
  return (((c >>> 15) | (c << 17)) + 0xa282ead8) >>> 0;
};

import { CIFAR10_RECORD_BYTES } from './classes.js';
import { Cifar10Error } from './errors.js';
import { RecordBudget } from './limits.js';
import { RecordSink, lengthMessage, type Cifar10Data } from './record-sink.js';

/**
 * Parses CIFAR-10 binary records (`data_batch_N.bin`, `test_batch.bin`): each is 1 label byte and 3,072 pixel bytes
 * (R plane, G plane, B plane, each 32×32 row-major). The images keep that planar (CHW) layout and are copied once,
 * into a fresh array, so the input may be reused or dropped.
 *
 * @throws {Cifar10Error} `empty` for no bytes, `length` when the size is not a multiple of 3,073 (the message gives
 *   the length, the whole records and the leftover bytes), `label` for a label above 9 (names the record and label).
 */
export function parseCifar10(buffer: ArrayBuffer | Uint8Array): Cifar10Data {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const what = 'CIFAR-10 data';
  if (bytes.length === 0) {
    throw new Cifar10Error('empty', `${what} is empty (0 bytes); CIFAR-10 binary data is records of 3073 bytes.`);
  }
  // Checked before parsing so a wrong file fails at once, with the arithmetic in the message.
  if (bytes.length % CIFAR10_RECORD_BYTES !== 0) throw new Cifar10Error('length', lengthMessage(what, bytes.length));
  const records = bytes.length / CIFAR10_RECORD_BYTES;
  // The bytes are here already: their size is a fact, and no load's limit applies.
  const sink = new RecordSink(what, {
    declared: { by: 'is', bytes: bytes.length },
    certain: true,
    budget: new RecordBudget(records),
  });
  sink.write(bytes);
  return sink.finish();
}

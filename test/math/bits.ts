/** The committed bit patterns of the math functions (strict-math-bits.txt), checked in Node and in chromium. */
import { join } from 'node:path';

export const BITS_FILE = join(__dirname, 'strict-math-bits.txt');
/** Cases per function and range in the committed file (10 ranges). */
export const BITS_COUNT = 340;

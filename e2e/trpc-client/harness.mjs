// What every compatibility script shares: waiting on conditions with timeouts, assertions, one line per check
// (`PASS name` / `FAIL name: details`) and the closing `N passed, N failed` line with the exit code.
import { TRPCClientError } from '@trpc/client';

export const STEP_MS = 10_000;

/** Ends the script with a failure if it has not finished within `ms`. */
export function deadline(ms) {
  setTimeout(() => {
    console.log(`FAIL script: did not finish within ${ms / 1000} s`);
    process.exit(1);
  }, ms).unref();
}

/** Resolves when `condition()` holds (checked every 20 ms), rejects after `ms`. */
export function waitFor(condition, what, ms = STEP_MS) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      let value;
      try { value = condition(); } catch (error) { return reject(error); }
      if (value) return resolve(value);
      if (Date.now() - started > ms) return reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

export function withTimeout(promise, what, ms = STEP_MS) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function errorCode(error) {
  return error instanceof TRPCClientError ? error.data?.code : `not a TRPCClientError: ${error}`;
}

export async function expectError(promise, code) {
  try {
    await withTimeout(promise, `error ${code}`);
  } catch (error) {
    assert(error instanceof TRPCClientError, `expected TRPCClientError, got ${error?.constructor?.name}: ${error?.message}`);
    assert(error.data?.code === code, `expected data.code ${code}, got ${error.data?.code} (${error.message})`);
    return error;
  }
  throw new Error(`expected ${code}, the call succeeded`);
}

const results = [];

export async function check(name, fn, ms = STEP_MS * 2) {
  try {
    await withTimeout(Promise.resolve().then(fn), name, ms);
    results.push(true);
    console.log(`PASS ${name}`);
  } catch (error) {
    results.push(false);
    console.log(`FAIL ${name}: ${error?.stack ?? error}`);
  }
}

/** Prints the closing line and exits: 0 when every check passed. */
export function finish() {
  const passed = results.filter(Boolean).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

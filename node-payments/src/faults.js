// Fault injection for chaos tests (PAYMENTS_FAULT_RATE / PAYMENTS_FAULT_MODE).
//   before: 503 before anything is charged; the idempotency key is released.
//   after:  the payment is fully processed and recorded, then the client gets 503
//           (a lost response); a retry with the same key replays the stored result.
//   crash:  processing stops after the payment is recorded as in progress and the
//           order is claimed, leaving both behind like a killed process would; the
//           client gets 503 and the leases must expire before anyone can proceed.

/**
 * @param {{rate: number, mode: 'before'|'after'|'crash', random?: () => number}} options
 * @returns {{roll: () => (null | 'before' | 'after' | 'crash')}}
 */
export function createFaultInjector({ rate = 0, mode = 'before', random = Math.random } = {}) {
  return {
    roll() {
      if (rate <= 0) return null;
      return random() < rate ? mode : null;
    },
  };
}

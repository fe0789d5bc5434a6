// Simulated card/UPI processor: deterministic outcomes, configurable latency.
// It receives the full card number in memory only; it never stores or logs it.

/** Test card numbers with a fixed outcome. Any other valid number succeeds. */
export const TEST_CARD_OUTCOMES = Object.freeze({
  '4242424242424242': null,
  '4000000000000002': 'card_declined',
  '4000000000009995': 'insufficient_funds',
  '4000000000000069': 'expired_card',
  '4000000000000127': 'incorrect_cvc',
});

export const DECLINING_VPA = 'fail@upi';

const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {{latencyMs?: number, sleep?: (ms: number) => Promise<void>, onCharge?: (info: {payment_id: string}) => (void|Promise<void>)}} [options]
 *   onCharge is a hook for tests and logs (called when a charge starts; it gets no card data).
 */
export function createSimulatedProcessor({ latencyMs = 0, sleep = defaultSleep, onCharge } = {}) {
  return {
    /**
     * Charge a payment method.
     * @param {{payment_id: string, amount: number, currency: string, method: {type: 'card', pan: string} | {type: 'upi', vpa: string}}} request
     * @returns {Promise<{status: 'succeeded'} | {status: 'declined', failure_code: string}>}
     */
    async charge(request) {
      if (onCharge) await onCharge({ payment_id: request.payment_id });
      if (latencyMs > 0) await sleep(latencyMs);
      const { method } = request;
      if (method.type === 'card') {
        const code = TEST_CARD_OUTCOMES[method.pan];
        return code ? { status: 'declined', failure_code: code } : { status: 'succeeded' };
      }
      if (method.type === 'upi') {
        return method.vpa.toLowerCase() === DECLINING_VPA ? { status: 'declined', failure_code: 'upi_declined' } : { status: 'succeeded' };
      }
      throw new TypeError(`unsupported payment method type ${method.type}`);
    },
  };
}

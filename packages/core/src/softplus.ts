// ln(1 + e^t) without overflow or cancellation, the function behind every cross-entropy here.

/** softplus(t) = ln(1 + e^t) = max(t, 0) + ln(1 + e^-|t|): finite for every finite t. */
export function softplus(t: number): number {
  return (t > 0 ? t : 0) + Math.log1p(Math.exp(-Math.abs(t)));
}

/** The logistic function 1 / (1 + e^-z), without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Written for the ghost-latency benchmark: a shopper reviewing a jacket, 150+ keystrokes. */
export const REVIEW =
  'I wore this jacket on a rainy hike last weekend and stayed dry. The hood fits over a cap, ' +
  'but the sleeves run a little long for me.';

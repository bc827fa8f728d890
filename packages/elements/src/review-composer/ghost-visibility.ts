/**
 * Whether the ghost text the shopper sees right now is `suggestion`. State and screen differ
 * between a suggestion's arrival and the next render: Tab must accept only what is on screen.
 */
export function ghostIsShowing(root: ParentNode, suggestion: string): boolean {
  if (!suggestion.trim()) return false;
  const ghost = root.querySelector<HTMLElement>('.ghost');
  return !!ghost && ghost.textContent === suggestion && ghost.getClientRects().length > 0;
}

/**
 * Registers a custom element unless the tag is taken. Two copies of a widget kit on one
 * storefront page are common (a theme bundles one, an app another); throwing would break
 * the page, so the first definition wins and the second is reported.
 */
export function defineElement(tagName: string, elementClass: CustomElementConstructor): void {
  const existing = customElements.get(tagName);
  if (existing === undefined) {
    customElements.define(tagName, elementClass);
    return;
  }
  if (existing !== elementClass) {
    console.warn(
      `[cowrite] <${tagName}> is already defined by another copy of @cowrite/elements; keeping the first definition.`,
    );
  }
}

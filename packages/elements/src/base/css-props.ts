/**
 * Sets CSS custom properties on an element through the CSSOM (`style.setProperty`), never
 * through a `style` attribute. Lit's `styleMap` writes the attribute on first render, which a
 * strict page (`style-src 'self'`, no `'unsafe-inline'`) blocks, leaving bars 0 px wide; CSP
 * does not govern CSSOM writes, so this works on such pages too.
 *
 *   html`<span ${cssProps({ '--_share': '40%' })}></span>`
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

type CustomProperties = Readonly<Record<`--${string}`, string>>;

class CssPropsDirective extends Directive {
  #previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('cssProps() goes in an element position: <span ${cssProps({...})}>');
  }

  render(_props: CustomProperties): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [props]: [CustomProperties]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#previous) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value);
    this.#previous = new Set(Object.keys(props));
    return noChange;
  }
}

export const cssProps = directive(CssPropsDirective);
